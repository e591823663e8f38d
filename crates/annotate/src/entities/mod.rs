//! Entities of one article: typed mentions with byte spans, one entity per real thing (canonical
//! name, aliases), and the roles people hold with their affiliation.
//!
//! [`annotate_article`] runs the tagger over the article's title, captions and paragraphs as one
//! document ([`ArticleText`]) and hands its mentions to [`link_mentions`], which does the rest
//! without the model (so it can be tested on hand-made mention lists):
//!
//! 1. `repair`: spans made into names (possessives, honorifics, "Group of" + "20", adjacent
//!    pieces joined, titles cut from names, role words and junk dropped);
//! 2. `acronyms`: "Name (ACR)" definitions fix the name's span and link the acronym;
//! 3. `headline`: a caption's closing "(Reuters)" is an organisation; a title-case headline's
//!    mentions are re-anchored on names the body uses;
//! 4. `kinds`: PER/ORG/LOC/MISC become PERSON, ORG, GPE, LOC, NORP, MISC (the country table
//!    `countries` and the model's gazetteer split locations; demonyms become NORP); a person's
//!    surname tagged otherwise becomes the person, and "the Biden administration" names one;
//! 5. `roles`: titles before names and appositions after them (`phrase` parses them,
//!    [`lexicon`] has the words);
//! 6. `coref`: mentions grouped into entities;
//! 7. `affiliation`: countries for roles that state none; `assemble` builds the result.
//!
//! Pure: no IO, and no input text makes it panic.

mod acronyms;
mod affiliation;
mod assemble;
mod coref;
pub(crate) mod countries;
mod doc;
mod headline;
mod kinds;
pub mod lexicon;
mod phrase;
mod repair;
mod roles;
mod text;
mod types;

pub use text::ArticleText;
pub use types::{
    Affiliation, AffiliationSource, ArticleEntities, BlockKind, BlockRef, Entity, EntityType,
    Mention, Role, TextSpan,
};

use crate::ner::gazetteer::Gazetteer;
use crate::ner::{EntityMention, NerModel};
use doc::{Doc, Draft};

/// Tags the article with `model` and links the mentions into entities with roles.
pub fn annotate_article(model: &NerModel, article: &ArticleText) -> ArticleEntities {
    let mentions = model.entities(article.text());
    link_mentions(article, &mentions, &model.resources().gazetteer)
}

/// Entities from the tagger's mentions over [`ArticleText::text`] (offsets into that text; types
/// `PER`, `ORG`, `LOC`, `MISC`, or already `PERSON`, `GPE`, `NORP`). The gazetteer tells cities
/// and states from other locations; an empty one leaves that to the country table. Mentions
/// with offsets outside the text, off character boundaries or across blocks are ignored.
pub fn link_mentions(
    article: &ArticleText,
    mentions: &[EntityMention],
    gazetteer: &Gazetteer,
) -> ArticleEntities {
    let doc = Doc::new(article);
    let mut drafts: Vec<Draft> = mentions
        .iter()
        .map(|m| Draft::new(m.start, m.end, tagger_type(&m.kind)))
        .collect();
    doc::normalise(&doc, &mut drafts);
    repair::repair(&doc, &mut drafts);
    let definitions = acronyms::define(&doc, &mut drafts);
    headline::caption_credits(&doc, &mut drafts);
    kinds::assign(&doc, &mut drafts, gazetteer);
    headline::reanchor_title(&doc, &mut drafts);
    coref::retype_surnames(doc.text, &mut drafts);
    kinds::mark_governs(&doc, &mut drafts, gazetteer);
    let roles = roles::find(&doc, &drafts);
    roles::clear_titles(&doc, &mut drafts, &roles);
    let entity_of = coref::cluster(doc.text, &drafts, &definitions);
    assemble::assemble(&doc, &drafts, &entity_of, &roles)
}

/// The entity type for a tagger's type name.
fn tagger_type(kind: &str) -> EntityType {
    match kind {
        "PER" | "PERSON" => EntityType::Person,
        "ORG" => EntityType::Org,
        "LOC" => EntityType::Loc,
        "GPE" => EntityType::Gpe,
        "NORP" => EntityType::Norp,
        _ => EntityType::Misc,
    }
}
