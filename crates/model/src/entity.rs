//! Named entities stored with an article: one record per real thing the article names, with its
//! mentions (and their spans), the roles a person is given, an affiliation, and for places the
//! point on the map they were resolved to.

use serde::{Deserialize, Serialize};

use crate::Span;

/// The type of an entity, in the manner of OntoNotes.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash, PartialOrd, Ord, Serialize, Deserialize)]
#[serde(rename_all = "UPPERCASE")]
pub enum EntityKind {
    /// A person.
    Person,
    /// A company, agency, institution, party, news outlet, team.
    Org,
    /// A geopolitical entity: a country, city, state or province.
    Gpe,
    /// A location that is not a GPE: a region, sea, river, mountain range.
    Loc,
    /// Nationalities, religious and political groups.
    Norp,
    /// Anything else named: events, treaties, laws, products.
    Misc,
}

impl EntityKind {
    /// The upper-case label: `PERSON`, `ORG`, `GPE`, `LOC`, `NORP`, `MISC`.
    pub fn as_str(self) -> &'static str {
        match self {
            EntityKind::Person => "PERSON",
            EntityKind::Org => "ORG",
            EntityKind::Gpe => "GPE",
            EntityKind::Loc => "LOC",
            EntityKind::Norp => "NORP",
            EntityKind::Misc => "MISC",
        }
    }

    /// A place: GPE or LOC.
    pub fn is_place(self) -> bool {
        matches!(self, EntityKind::Gpe | EntityKind::Loc)
    }
}

impl std::fmt::Display for EntityKind {
    fn fmt(&self, f: &mut std::fmt::Formatter<'_>) -> std::fmt::Result {
        f.write_str(self.as_str())
    }
}

/// Which kind of block of the article a mention is in.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash, PartialOrd, Ord, Serialize, Deserialize)]
#[serde(rename_all = "lowercase")]
pub enum MentionBlock {
    Title,
    Caption,
    Paragraph,
}

impl MentionBlock {
    pub fn as_str(self) -> &'static str {
        match self {
            MentionBlock::Title => "title",
            MentionBlock::Caption => "caption",
            MentionBlock::Paragraph => "paragraph",
        }
    }
}

/// One occurrence of an entity in the article's text.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
pub struct MentionRecord {
    /// The name as written.
    pub text: String,
    /// The block holding it: the title, or the `index`-th caption or paragraph.
    pub block: MentionBlock,
    pub index: usize,
    /// Byte offsets into the block's text.
    pub start: usize,
    pub end: usize,
    /// The same bytes in the raw input, when the block's text is a verbatim slice of it.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub raw: Option<Span>,
}

/// The place on the map a GPE or LOC entity was resolved to (GeoNames).
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
pub struct PlaceRecord {
    /// The gazetteer's name of the place.
    pub name: String,
    /// GeoNames id; 0 for curated regions that have none.
    pub geonames_id: u32,
    /// ISO 3166-1 alpha-2 code; empty for places in several countries.
    pub country: String,
    pub lat: f64,
    pub lon: f64,
}

/// One real thing an article names, with every way it names it.
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
pub struct EntityRecord {
    /// Canonical (fullest) name.
    pub name: String,
    #[serde(rename = "type")]
    pub kind: EntityKind,
    /// Other names used, in order of first use.
    #[serde(default)]
    pub aliases: Vec<String>,
    /// In text order.
    #[serde(default)]
    pub mentions: Vec<MentionRecord>,
    /// Titles of the roles a person is given ("Secretary of State"), without repeats.
    #[serde(default)]
    pub roles: Vec<String>,
    /// The country or organisation a person's roles are held for.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub affiliation: Option<String>,
    /// ISO 3166-1 alpha-2 code: the country a GPE is or lies in, a NORP belongs to, or a
    /// resolved place is in.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub country: Option<String>,
    /// For a GPE or LOC, the place it was resolved to.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub place: Option<PlaceRecord>,
}

/// The key one real thing has across articles: "Antony J. Blinken", "Antony Blinken" and
/// "ANTONY BLINKEN" are one person, "International Atomic Energy Agency" one organisation.
///
/// Case, punctuation and, for people, middle initials ("J.") do not
/// count; the type does (Washington the place is not Washington the person).
pub fn entity_key(name: &str, kind: EntityKind) -> String {
    let words: Vec<String> = name
        .split(|c: char| c.is_whitespace() || matches!(c, ',' | '"' | '“' | '”'))
        .map(|w| {
            w.chars()
                .filter(|c| c.is_alphanumeric() || matches!(c, '-' | '\''))
                .flat_map(char::to_lowercase)
                .collect::<String>()
        })
        .filter(|w| !w.is_empty())
        .collect();
    let initial = |w: &String| w.chars().count() == 1;
    let kept: Vec<&String> = if kind == EntityKind::Person && words.len() > 2 {
        // First and last names stay; initials between them go.
        words
            .iter()
            .enumerate()
            .filter(|(i, w)| *i == 0 || *i == words.len() - 1 || !initial(w))
            .map(|(_, w)| w)
            .collect()
    } else {
        words.iter().collect()
    };
    let joined: Vec<&str> = kept.iter().map(|w| w.as_str()).collect();
    format!("{}:{}", kind.as_str(), joined.join(" "))
}

#[cfg(test)]
mod key_tests {
    use super::{entity_key, EntityKind};

    #[test]
    fn one_key_per_real_thing() {
        let person = |n| entity_key(n, EntityKind::Person);
        assert_eq!(person("Antony J. Blinken"), person("Antony Blinken"));
        assert_eq!(person("ANTONY BLINKEN"), person("Antony Blinken"));
        assert_eq!(person("Vladimir V. Putin"), "PERSON:vladimir putin");
        assert_ne!(person("Antony Blinken"), person("Donald Blinken"));
        assert_eq!(
            person("Kassym-Jomart Tokayev"),
            "PERSON:kassym-jomart tokayev"
        );
        assert_ne!(
            entity_key("Washington", EntityKind::Gpe),
            entity_key("Washington", EntityKind::Person)
        );
        assert_eq!(
            entity_key("International  Atomic Energy Agency", EntityKind::Org),
            "ORG:international atomic energy agency"
        );
    }
}
