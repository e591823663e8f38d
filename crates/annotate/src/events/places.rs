//! The country of each place entity of an article, from the geo resolver: every place mention
//! resolved together (so each is read in the context of the others), each entity taking the place
//! its best-scored mention resolved to.

use crate::entities::countries;
use crate::entities::{ArticleEntities, ArticleText};
use crate::geo::Resolver;

use super::doc::Doc;

/// The country (ISO 3166-1 alpha-2) each entity's place resolved to, by entity index: `None` for
/// entities that are no GPE or LOC, or that the gazetteer does not know.
pub fn place_countries(
    resolver: &Resolver,
    article: &ArticleText,
    entities: &ArticleEntities,
) -> Vec<Option<&'static str>> {
    let doc = Doc::new(article, entities, &[]);
    // (entity, joined-text span) of every place mention, in text order.
    let mut spans: Vec<(usize, (usize, usize))> = entities
        .mentions
        .iter()
        .enumerate()
        .filter(|(_, m)| m.kind.is_place())
        .filter_map(|(i, m)| Some((m.entity, doc.mention_span(i)?)))
        .collect();
    spans.sort_by_key(|&(_, span)| span);
    let only: Vec<(usize, usize)> = spans.iter().map(|&(_, s)| s).collect();
    let mut best: Vec<Option<(f64, &'static str)>> = vec![None; entities.entities.len()];
    for (&(entity, _), resolution) in spans.iter().zip(resolver.resolve_spans(doc.text, &only)) {
        let Some(r) = resolution else { continue };
        let Some(country) = resolver
            .place(&r)
            .and_then(|p| countries::by_iso(&p.country))
        else {
            continue;
        };
        if let Some(slot) = best.get_mut(entity) {
            if slot.is_none_or(|(score, _)| r.score > score) {
                *slot = Some((r.score, country.iso));
            }
        }
    }
    best.into_iter().map(|b| b.map(|(_, iso)| iso)).collect()
}
