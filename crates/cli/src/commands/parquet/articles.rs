//! `articles.parquet`: one row per article, with where it stands in the corpus and the first
//! input it was read from.

use chancery_model::{Article, ArticlePlacement, DateSource};

use super::cells::{Cell, Column, Kind};

pub fn columns() -> Vec<Column> {
    use Kind::{Date, Float, Int, Text, Texts, Time};
    vec![
        Column::required("id", Text),
        Column::optional("title", Text),
        Column::optional("url", Text),
        Column::required("source", Text),
        Column::optional("site_name", Text),
        Column::optional("language", Text),
        Column::optional("published", Date),
        Column::optional("published_evidence", Text),
        Column::optional("published_inferred", Date),
        Column::optional("story", Int),
        Column::optional("duplicate_of", Text),
        Column::optional("similarity", Float),
        Column::required("authors", Texts),
        Column::optional("section", Text),
        Column::required("tags", Texts),
        Column::optional("description", Text),
        Column::required("body", Text),
        Column::required("captions", Texts),
        Column::required("word_count", Int),
        Column::required("paragraph_count", Int),
        Column::required("entity_count", Int),
        Column::required("quote_count", Int),
        Column::required("event_count", Int),
        Column::optional("input_path", Text),
        Column::optional("input_offset", Int),
        Column::optional("input_length", Int),
        Column::optional("input_line", Int),
        Column::optional("warc_record_id", Text),
        Column::optional("fetched_at", Time),
        Column::required("input_count", Int),
    ]
}

pub fn row(article: &Article, placement: Option<&ArticlePlacement>) -> Vec<Cell> {
    let meta = &article.meta;
    let first = article.provenance.first();
    vec![
        Cell::text(article.id.as_str()),
        Cell::maybe_text(article.title_text()),
        Cell::maybe_text(article.url.as_deref()),
        Cell::text(&article.source),
        Cell::maybe_text(meta.site_name.as_deref()),
        Cell::maybe_text(article.language.as_deref()),
        Cell::Date(article.published),
        Cell::maybe_text(
            article
                .published_evidence
                .as_ref()
                .map(|e| date_source(e.source)),
        ),
        Cell::Date(placement.and_then(|p| p.inferred_published)),
        Cell::maybe_int(placement.map(|p| p.story)),
        Cell::maybe_text(placement.and_then(|p| p.duplicate_of.as_deref())),
        Cell::Float(placement.and_then(|p| p.similarity)),
        Cell::Texts(meta.authors.clone()),
        Cell::maybe_text(meta.section.as_deref()),
        Cell::Texts(meta.tags.clone()),
        Cell::maybe_text(meta.description.as_deref()),
        Cell::text(article.body_text()),
        Cell::Texts(article.captions.iter().map(|c| c.text.clone()).collect()),
        Cell::int(article.word_count()),
        Cell::int(article.paragraphs.len()),
        Cell::int(article.entities.len()),
        Cell::int(article.quotes.len()),
        Cell::int(article.events.len()),
        Cell::maybe_text(first.map(|p| p.path.as_str())),
        Cell::maybe_int(first.map(|p| p.offset)),
        Cell::maybe_int(first.map(|p| p.length)),
        Cell::maybe_int(first.and_then(|p| p.line)),
        Cell::maybe_text(first.and_then(|p| p.record_id.as_deref())),
        Cell::Time(first.and_then(|p| p.fetched_at)),
        Cell::int(article.provenance.len()),
    ]
}

/// The name `export --format jsonl` gives the same source.
fn date_source(source: DateSource) -> &'static str {
    match source {
        DateSource::Metadata => "metadata",
        DateSource::DateLine => "date-line",
        DateSource::Dateline => "dateline",
        DateSource::Caption => "caption",
    }
}
