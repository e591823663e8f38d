//! What entity annotation produces: typed mentions with byte spans, one entity per real thing in
//! the article (canonical name, aliases, mentions), and the roles people hold with the country or
//! organisation they hold them for.
//!
//! Plain data: every index here points into the vectors of the same [`ArticleEntities`].

use chancery_model::Span;

/// The type of an entity: the one the stored records use, so annotation and store agree.
pub use chancery_model::EntityKind as EntityType;

/// Which part of the article a piece of text is in.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash, PartialOrd, Ord)]
pub enum BlockKind {
    Title,
    Caption,
    Paragraph,
}

/// One block of the article: the title, the `index`-th caption or the `index`-th paragraph.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash, PartialOrd, Ord)]
pub struct BlockRef {
    pub kind: BlockKind,
    /// Position among the blocks of its kind (0 for the title).
    pub index: usize,
}

/// Where a piece of annotated text is: byte offsets into its block's text, and the bytes of the
/// raw input when the block's text is a verbatim slice of them.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash)]
pub struct TextSpan {
    pub block: BlockRef,
    /// Byte offset of the first byte in the block's text.
    pub start: usize,
    /// Byte offset one past the last byte in the block's text.
    pub end: usize,
    /// The same bytes in the raw input: the block's span start plus the offsets, given only when
    /// the block's span is as long as its text (the text was copied verbatim; a title taken from
    /// metadata or text decoded from another charset has no such span).
    pub raw: Option<Span>,
}

/// One occurrence of an entity in the text.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Mention {
    /// The name as written, without honorific or possessive ("Blinken" in "Mr. Blinken's").
    pub text: String,
    pub kind: EntityType,
    pub span: TextSpan,
    /// An honorific written before the name ("Mr.", "Dr."), never part of the name.
    pub honorific: Option<String>,
    /// Index of the entity in [`ArticleEntities::entities`].
    pub entity: usize,
}

/// Where an affiliation was read.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash)]
pub enum AffiliationSource {
    /// Stated with the role: "US Secretary of State", "Kazakhstan's President", "President
    /// Putin of Russia", "Majid Takht-Ravanchi, the Iranian deputy minister".
    Stated,
    /// The only country named in the sentence ("... Foreign Minister Mukhtar Tileuberdi that
    /// Washington supports the sovereignty of Kazakhstan").
    Sentence,
    /// The country the article's officials and institutions mostly belong to ("US officials",
    /// "the U.S. assistant secretary"), for a role that states none.
    Article,
}

/// The country or organisation a role is held for.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Affiliation {
    /// Canonical name: the country's common English name ("United States" for "US"), or the
    /// organisation's canonical name.
    pub name: String,
    /// ISO 3166-1 alpha-2 code for a country (former codes for former states: `SU`).
    pub country: Option<&'static str>,
    /// The affiliated entity, when it is one of the article's entities.
    pub entity: Option<usize>,
    pub source: AffiliationSource,
}

/// A role one mention of a person is given: "Secretary of State" in "US Secretary of State
/// Antony Blinken".
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Role {
    /// The title as written, without the affiliation ("Deputy Foreign Minister for International
    /// Affairs", "government spokeswoman").
    pub title: String,
    /// The head word, lower case ("minister", "spokeswoman").
    pub head: String,
    pub span: TextSpan,
    /// Index of the person's mention in [`ArticleEntities::mentions`].
    pub mention: usize,
    pub affiliation: Option<Affiliation>,
}

/// One real thing the article names, with every way it names it.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Entity {
    pub kind: EntityType,
    /// The fullest name: "Antony J. Blinken", "International Atomic Energy Agency".
    pub name: String,
    /// The other names used, in order of first use ("Blinken", "IAEA").
    pub aliases: Vec<String>,
    /// Indices into [`ArticleEntities::mentions`], in text order.
    pub mentions: Vec<usize>,
    /// ISO 3166-1 alpha-2 code: the country a GPE is or lies in (for countries and capitals),
    /// the country a NORP belongs to.
    pub country: Option<&'static str>,
    /// Indices into [`ArticleEntities::roles`] of the roles its mentions are given.
    pub roles: Vec<usize>,
    /// The person's affiliation: the first stated with a role, else the most common inferred.
    pub affiliation: Option<Affiliation>,
}

impl Entity {
    /// Whether `name` is the canonical name or one of the aliases.
    pub fn is_named(&self, name: &str) -> bool {
        self.name == name || self.aliases.iter().any(|a| a == name)
    }
}

/// Entities of one article.
#[derive(Debug, Clone, Default, PartialEq, Eq)]
pub struct ArticleEntities {
    /// In text order: title, captions, paragraphs.
    pub mentions: Vec<Mention>,
    /// In order of first mention.
    pub entities: Vec<Entity>,
    /// In text order.
    pub roles: Vec<Role>,
}

impl ArticleEntities {
    /// The first entity named `name` (canonical or alias).
    pub fn find(&self, name: &str) -> Option<&Entity> {
        self.entities.iter().find(|e| e.is_named(name))
    }

    /// The titles of an entity's roles, in text order, without repeats.
    pub fn role_titles(&self, entity: &Entity) -> Vec<&str> {
        let mut out: Vec<&str> = Vec::new();
        for &r in &entity.roles {
            if let Some(role) = self.roles.get(r) {
                if !out.contains(&role.title.as_str()) {
                    out.push(&role.title);
                }
            }
        }
        out
    }
}
