//! The JSON form of an article, shared by `export` and `show --json`.

use chancery_model::{
    AmountRecord, Article, ArticleMeta, ArticlePlacement, DateRecord, EntityRecord, Span,
};
use serde_json::{json, Value};

/// An article as one JSON object: text fields first, then dates, source, spans and provenance.
pub fn article(article: &Article) -> Value {
    let span = |s: &Span| json!([s.start, s.end]);
    json!({
        "id": article.id,
        "title": article.title_text(),
        "captions": article.captions.iter().map(|c| &c.text).collect::<Vec<_>>(),
        "paragraphs": article.paragraphs.iter().map(|p| &p.text).collect::<Vec<_>>(),
        "published": article.published.map(|d| d.to_string()),
        "published_evidence": article.published_evidence,
        "language": article.language,
        "source": article.source,
        "url": article.url,
        "authors": article.meta.authors,
        "meta": meta(&article.meta),
        "spans": {
            "title": article.title.as_ref().map(|t| span(&t.span)),
            "captions": article.captions.iter().map(|c| span(&c.span)).collect::<Vec<_>>(),
            "paragraphs": article.paragraphs.iter().map(|p| span(&p.span)).collect::<Vec<_>>(),
        },
        "removed": article.removed.iter().map(|r| json!({
            "text": r.text,
            "reason": r.reason.as_str(),
            "span": span(&r.span),
        })).collect::<Vec<_>>(),
        "provenance": article.provenance,
        "entities": article.entities.iter().map(entity).collect::<Vec<_>>(),
        "dates": article.dates.iter().map(date).collect::<Vec<_>>(),
        "amounts": article.amounts.iter().map(amount).collect::<Vec<_>>(),
        "quotes": article.quotes,
        "events": article.events,
    })
}

/// An article's JSON with where it stands in the corpus: its `story`, the article it copies
/// (`duplicate_of`, with their `similarity`) and the date it takes from its story when it states
/// none (`published_inferred`); each `null` when not placed or not applicable.
pub fn placed_article(article: &Article, placement: Option<&ArticlePlacement>) -> Value {
    let mut value = self::article(article);
    if let Value::Object(map) = &mut value {
        map.insert("story".into(), json!(placement.map(|p| p.story)));
        map.insert(
            "duplicate_of".into(),
            json!(placement.and_then(|p| p.duplicate_of.as_ref())),
        );
        map.insert(
            "similarity".into(),
            json!(placement.and_then(|p| p.similarity)),
        );
        map.insert(
            "published_inferred".into(),
            json!(placement
                .and_then(|p| p.inferred_published)
                .map(|d| d.to_string())),
        );
    }
    value
}

/// One time expression: its text, TIMEX3 type and value (`null` when it could not be resolved),
/// and where it is (byte offsets into the block's text, and into the raw input when known).
pub fn date(date: &DateRecord) -> Value {
    json!({
        "text": date.text,
        "type": date.kind.as_str(),
        "value": date.value,
        "block": date.block.as_str(),
        "index": date.index,
        "start": date.start,
        "end": date.end,
        "raw": date.raw.map(|s| [s.start, s.end]),
    })
}

/// One amount: its text, kind, value (scale applied) and unit, and where it is.
pub fn amount(amount: &AmountRecord) -> Value {
    json!({
        "text": amount.text,
        "type": amount.kind.as_str(),
        "value": amount.value,
        "unit": amount.unit,
        "block": amount.block.as_str(),
        "index": amount.index,
        "start": amount.start,
        "end": amount.end,
        "raw": amount.raw.map(|s| [s.start, s.end]),
    })
}

/// One entity: canonical name, type, aliases, roles, affiliation, country; for a resolved place
/// its GeoNames id, name and point (`null` otherwise); and its mentions with their spans (byte
/// offsets into the block's text, and into the raw input when known).
pub fn entity(entity: &EntityRecord) -> Value {
    let place = entity.place.as_ref();
    json!({
        "name": entity.name,
        "type": entity.kind.as_str(),
        "aliases": entity.aliases,
        "roles": entity.roles,
        "affiliation": entity.affiliation,
        "country": entity.country,
        "geonames_id": place.map(|p| p.geonames_id),
        "place": place.map(|p| &p.name),
        "lat": place.map(|p| p.lat),
        "lon": place.map(|p| p.lon),
        "mentions": entity.mentions.iter().map(|m| json!({
            "text": m.text,
            "block": m.block.as_str(),
            "index": m.index,
            "start": m.start,
            "end": m.end,
            "raw": m.raw.map(|s| [s.start, s.end]),
        })).collect::<Vec<_>>(),
    })
}

/// What the page states besides the text; times as ISO 8601, as precise as stated, with the
/// offset from UTC when the page gives one.
pub fn meta(meta: &ArticleMeta) -> Value {
    json!({
        "subtitle": meta.subtitle,
        "description": meta.description,
        "authors": meta.authors,
        "authors_source": meta.authors_source.map(|s| s.as_str()),
        "published": meta.published.map(|t| t.to_iso()),
        "published_source": meta.published_source.map(|s| s.as_str()),
        "updated": meta.updated.map(|t| t.to_iso()),
        "updated_source": meta.updated_source.map(|s| s.as_str()),
        "site_name": meta.site_name,
        "canonical_url": meta.canonical_url,
        "section": meta.section,
        "tags": meta.tags,
        "image": meta.image,
    })
}
