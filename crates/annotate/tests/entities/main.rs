//! Entity linking on hand-made tagger output (no model needed): names repaired, types split,
//! mentions merged into entities, roles and affiliations read, spans mapped back to the input.
//!
//! - `names`: repairs, types, coreference, titles and captions;
//! - `roles`: titles, appositions and affiliations;
//! - `robustness`: spans and odd input.

mod names;
mod robustness;
mod roles;

use chancery_annotate::entities::{link_mentions, ArticleEntities, ArticleText};
use chancery_annotate::ner::gazetteer::Gazetteer;
use chancery_annotate::EntityMention;

/// Tags `tagged` (surface, tagger type) in order of occurrence in the joined text of an article
/// with `title` and `paragraphs`, and links them.
pub fn link(title: Option<&str>, paragraphs: &[&str], tagged: &[(&str, &str)]) -> ArticleEntities {
    let article = ArticleText::from_texts(title, &[], paragraphs);
    link_article(&article, tagged)
}

pub fn link_article(article: &ArticleText, tagged: &[(&str, &str)]) -> ArticleEntities {
    let text = article.text();
    let mut from = 0;
    let mut mentions = Vec::new();
    for (surface, kind) in tagged {
        let at = from
            + text[from..]
                .find(surface)
                .unwrap_or_else(|| panic!("{surface:?} not in the text after byte {from}"));
        mentions.push(EntityMention {
            start: at,
            end: at + surface.len(),
            kind: kind.to_string(),
        });
        from = at + surface.len();
    }
    let gazetteer = Gazetteer::from_tsv("city\tNovorossiysk\ncity\tAstana\nregion\tEurope\n");
    link_mentions(article, &mentions, &gazetteer)
}

pub fn body(paragraphs: &[&str], tagged: &[(&str, &str)]) -> ArticleEntities {
    link(None, paragraphs, tagged)
}
