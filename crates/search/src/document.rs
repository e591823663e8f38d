//! An article as an index document: its text, the values it is filtered on, and its facets.

use std::collections::BTreeSet;

use chancery_model::Article;
use chrono::{Datelike, NaiveDate};
use tantivy::schema::Facet;
use tantivy::TantivyDocument;

use crate::fields::Fields;

/// The index document of the article stored with sequence number `seq`, placed in `story` once
/// it is placed.
pub(crate) fn document(
    fields: &Fields,
    seq: u64,
    article: &Article,
    story: Option<u64>,
) -> TantivyDocument {
    let mut doc = TantivyDocument::default();
    doc.add_text(fields.id, article.id.as_str());
    doc.add_u64(fields.seq, seq);
    if let Some(story) = story {
        let story = story.to_string();
        doc.add_text(fields.story, &story);
        doc.add_facet(fields.facets, Facet::from_path(["story", &story]));
    }
    if let Some(title) = article.title_text() {
        doc.add_text(fields.title, title);
    }
    doc.add_text(fields.body, article.body_text());
    for caption in &article.captions {
        doc.add_text(fields.captions, &caption.text);
    }
    doc.add_text(fields.source, &article.source);
    doc.add_facet(fields.facets, Facet::from_path(["source", &article.source]));
    if let Some(language) = &article.language {
        doc.add_text(fields.language, language);
        doc.add_facet(fields.facets, Facet::from_path(["language", language]));
    }
    if let Some(published) = article.published {
        doc.add_i64(fields.published, day_number(published));
    }
    add_entities(&mut doc, fields, article);
    doc
}

/// A date as the whole number the index stores and compares.
pub(crate) fn day_number(date: NaiveDate) -> i64 {
    i64::from(date.num_days_from_ce())
}

/// The date a stored day number stands for.
pub(crate) fn date_of_day(day: i64) -> Option<NaiveDate> {
    NaiveDate::from_num_days_from_ce_opt(i32::try_from(day).ok()?)
}

/// Entity names, aliases, countries and places, each once per article.
fn add_entities(doc: &mut TantivyDocument, fields: &Fields, article: &Article) {
    let mut names = BTreeSet::new();
    let mut countries = BTreeSet::new();
    let mut places = BTreeSet::new();
    let mut types = BTreeSet::new();
    for entity in &article.entities {
        let kind = entity.kind.as_str();
        types.insert(kind);
        doc.add_facet(
            fields.facets,
            Facet::from_path(["entity", kind, &entity.name]),
        );
        for name in std::iter::once(&entity.name).chain(&entity.aliases) {
            names.insert(name.to_lowercase());
            if entity.kind.is_place() {
                places.insert(name.to_lowercase());
            }
        }
        if let Some(place) = &entity.place {
            places.insert(place.name.to_lowercase());
            if !place.country.is_empty() {
                countries.insert(place.country.to_uppercase());
            }
        }
        if let Some(country) = &entity.country {
            countries.insert(country.to_uppercase());
        }
    }
    for name in names {
        doc.add_text(fields.entity, name);
    }
    for place in places {
        doc.add_text(fields.place, place);
    }
    for country in countries {
        doc.add_facet(fields.facets, Facet::from_path(["country", &country]));
        doc.add_text(fields.country, country);
    }
    for kind in types {
        doc.add_facet(fields.facets, Facet::from_path(["type", kind]));
    }
}
