//! The JSON form of an article, shared by `export` and `show --json`.

use chancery_model::{Article, ArticleMeta, Span};
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
