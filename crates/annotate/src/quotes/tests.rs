//! Tests of quote finding on hand-written paragraphs, without the tagger: entities come from
//! hand-made mention lists through [`crate::entities::link_mentions`].

use super::*;
use crate::entities::{link_mentions, ArticleText};
use crate::ner::gazetteer::Gazetteer;
use crate::ner::EntityMention;

/// Quotes of `paragraphs` with the given names tagged as `(name, type)` wherever they occur.
fn run(paragraphs: &[&str], names: &[(&str, &str)]) -> (Vec<Quote>, ArticleEntities) {
    let article = ArticleText::from_texts(None, &[], paragraphs);
    let text = article.text();
    let mut mentions = Vec::new();
    for (name, kind) in names {
        for (at, _) in text.match_indices(name) {
            mentions.push(EntityMention {
                start: at,
                end: at + name.len(),
                kind: (*kind).to_string(),
            });
        }
    }
    mentions.sort_by_key(|m| m.start);
    let entities = link_mentions(&article, &mentions, &Gazetteer::default());
    (find_quotes(&article, &entities), entities)
}

#[test]
fn debug_print() {
    let (quotes, _) = run(
        &["He also spoke about the proposed border wall, saying it will be “as big as it needs to be.”"],
        &[],
    );
    for q in &quotes {
        eprintln!("{q:?}");
    }
    panic!();
}
