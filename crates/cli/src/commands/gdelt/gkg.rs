//! One GDELT GKG 2.1 row per article: its date, source and URL, the people, organisations and
//! places it names (places with coordinates), its dates, amounts and quotations, every name with
//! its character offset, and its title and authors in the extras.

use std::collections::HashSet;

use chancery_model::{Article, DateKind, EntityKind, EntityRecord};

use super::document::Document;
use super::events::{article_day, source_url};
use super::fields::{cell, comma_item, day_timestamp, item, number, timestamp};
use super::geo::Places;

/// The 27 cells of `article`'s GKG record.
pub fn row(article: &Article, places: &Places) -> Vec<String> {
    let doc = Document::new(article);
    let date = article_date(article);
    let has_url = article.url.is_some()
        || article.meta.canonical_url.is_some()
        || article.provenance.iter().any(|p| p.url.is_some());
    let mut cells = Vec::with_capacity(27);
    // GDELT's ids are the date and a sequence number; the article id is ours, and stable.
    cells.push(if date.is_empty() {
        article.id.to_string()
    } else {
        format!("{date}-{}", article.id)
    });
    cells.push(date);
    // 1: a web page, identified by its URL; 2: a document known by a citation (here its path).
    cells.push(if has_url { "1" } else { "2" }.to_string());
    cells.push(cell(&article.source));
    cells.push(cell(&source_url(article)));
    // Counts and themes: no taxonomy of them is applied.
    cells.extend(std::iter::repeat_n(String::new(), 4));
    cells.push(v1_locations(article, places));
    cells.push(v2_locations(article, &doc, places));
    cells.push(v1_names(article, EntityKind::Person));
    cells.push(v2_names(article, &doc, |e| e.kind == EntityKind::Person));
    cells.push(v1_names(article, EntityKind::Org));
    cells.push(v2_names(article, &doc, |e| e.kind == EntityKind::Org));
    // Tone: not measured.
    cells.push(String::new());
    cells.push(enhanced_dates(article, &doc));
    // GCAM: not measured.
    cells.push(String::new());
    cells.push(article.meta.image.as_deref().map(cell).unwrap_or_default());
    // Related images and social embeds: not kept.
    cells.extend(std::iter::repeat_n(String::new(), 3));
    cells.push(quotations(article, &doc));
    cells.push(v2_names(article, &doc, |_| true));
    cells.push(amounts(article, &doc));
    // Translation info: articles are read in their own language, never translated.
    cells.push(String::new());
    cells.push(extras(article));
    cells
}

/// `YYYYMMDDHHMMSS`: the stated publication instant in UTC when the page gives one, else the
/// publication (or fetch) day at midnight, else the fetch instant.
fn article_date(article: &Article) -> String {
    if let Some(instant) = article.meta.published.and_then(|p| p.to_utc()) {
        return timestamp(instant);
    }
    if let Some(day) = article.published.or(article.meta.published.map(|p| p.date)) {
        return day_timestamp(day);
    }
    match article.provenance.iter().find_map(|p| p.fetched_at) {
        Some(instant) => timestamp(instant),
        None => article_day(article).map(day_timestamp).unwrap_or_default(),
    }
}

/// Unique resolved places, in order of first mention.
fn v1_locations(article: &Article, places: &Places) -> String {
    let mut seen = HashSet::new();
    let blocks: Vec<String> = article
        .entities
        .iter()
        .filter_map(|e| e.place.as_ref())
        .filter(|p| seen.insert((p.geonames_id, p.name.clone())))
        .map(|p| places.of_record(p).v1_block())
        .collect();
    blocks.join(";")
}

/// Every mention of a resolved place, with its offset.
fn v2_locations(article: &Article, doc: &Document, places: &Places) -> String {
    let mut blocks = Vec::new();
    for entity in &article.entities {
        let Some(place) = &entity.place else { continue };
        let cells = places.of_record(place);
        for m in &entity.mentions {
            if let Some(offset) = doc.offset(m.block, m.index, m.start) {
                blocks.push((offset, cells.v2_block(offset)));
            }
        }
    }
    blocks.sort_by_key(|(offset, _)| *offset);
    join(blocks)
}

/// The canonical names of the entities of `kind`, without repeats.
fn v1_names(article: &Article, kind: EntityKind) -> String {
    let mut seen = HashSet::new();
    let names: Vec<String> = article
        .entities
        .iter()
        .filter(|e| e.kind == kind && seen.insert(e.name.as_str()))
        .map(|e| item(&e.name))
        .collect();
    names.join(";")
}

/// `Name,Offset` for every mention of the entities `keep` selects, by canonical name.
fn v2_names(article: &Article, doc: &Document, keep: impl Fn(&EntityRecord) -> bool) -> String {
    let mut blocks = Vec::new();
    for entity in article.entities.iter().filter(|e| keep(e)) {
        let name = comma_item(&entity.name);
        for m in &entity.mentions {
            if let Some(offset) = doc.offset(m.block, m.index, m.start) {
                blocks.push((offset, format!("{name},{offset}")));
            }
        }
    }
    blocks.sort_by_key(|(offset, _)| *offset);
    join(blocks)
}

/// `Resolution#Month#Day#Year#Offset` for every date whose TIMEX3 value names a calendar day,
/// month or year: 4 a full date, 3 a month and day without the year, 2 a month and year, 1 a
/// year.
fn enhanced_dates(article: &Article, doc: &Document) -> String {
    let mut blocks = Vec::new();
    for date in &article.dates {
        if !matches!(date.kind, DateKind::Date | DateKind::Time) {
            continue;
        }
        let Some((resolution, month, day, year)) = date.value.as_deref().and_then(calendar) else {
            continue;
        };
        if let Some(offset) = doc.offset(date.block, date.index, date.start) {
            blocks.push((
                offset,
                format!("{resolution}#{month}#{day}#{year}#{offset}"),
            ));
        }
    }
    blocks.sort_by_key(|(offset, _)| *offset);
    join(blocks)
}

/// The GDELT resolution, month, day and year of a TIMEX3 value (`2023-02-28`, `XXXX-02-28`,
/// `2023-02`, `2023`, with anything after the day ignored); `None` for weeks, seasons,
/// durations and the like.
fn calendar(value: &str) -> Option<(u8, u32, u32, u32)> {
    let mut parts = value.get(..value.len().min(10))?.split('-');
    let year = parts.next()?;
    let month: Option<u32> = parts.next().map(str::parse).transpose().ok()?;
    let day: Option<u32> = parts.next().map(str::parse).transpose().ok()?;
    let year: Option<u32> = match year {
        "XXXX" => None,
        y if y.len() == 4 => Some(y.parse().ok()?),
        _ => return None,
    };
    let valid_month = |m: u32| (1..=12).contains(&m);
    let valid_day = |d: u32| (1..=31).contains(&d);
    match (year, month, day) {
        (Some(y), Some(m), Some(d)) if valid_month(m) && valid_day(d) => Some((4, m, d, y)),
        (None, Some(m), Some(d)) if valid_month(m) && valid_day(d) => Some((3, m, d, 0)),
        (Some(y), Some(m), None) if valid_month(m) => Some((2, m, 0, y)),
        (Some(y), None, None) => Some((1, 0, 0, y)),
        _ => None,
    }
}

/// `Offset|Length|Verb|Quote` for every quote, at its first piece; the length is the quote's in
/// characters, the verb its cue.
fn quotations(article: &Article, doc: &Document) -> String {
    let mut blocks = Vec::new();
    for quote in &article.quotes {
        let Some(first) = quote.pieces.first() else {
            continue;
        };
        let Some(offset) = doc.offset(first.block, first.index, first.start) else {
            continue;
        };
        let verb = quote.cue.as_deref().map(item).unwrap_or_default();
        let text = item(&quote.text);
        let length = text.chars().count();
        blocks.push((offset, format!("{offset}|{length}|{verb}|{text}")));
    }
    blocks.sort_by_key(|(offset, _)| *offset);
    blocks
        .into_iter()
        .map(|(_, b)| b)
        .collect::<Vec<_>>()
        .join("#")
}

/// `Amount,Object,Offset` for every amount: the value, then the currency, "percent" or the
/// thing counted.
fn amounts(article: &Article, doc: &Document) -> String {
    let mut blocks = Vec::new();
    for amount in &article.amounts {
        let value = number(amount.value);
        if value.is_empty() {
            continue;
        }
        if let Some(offset) = doc.offset(amount.block, amount.index, amount.start) {
            let object = comma_item(&amount.unit);
            blocks.push((offset, format!("{value},{object},{offset}")));
        }
    }
    blocks.sort_by_key(|(offset, _)| *offset);
    join(blocks)
}

/// The title and authors as GDELT's extras XML.
fn extras(article: &Article) -> String {
    let mut xml = String::new();
    if let Some(title) = article.title_text() {
        xml.push_str(&format!("<PAGE_TITLE>{}</PAGE_TITLE>", escape(title)));
    }
    if !article.meta.authors.is_empty() {
        let authors = article.meta.authors.join(", ");
        xml.push_str(&format!(
            "<PAGE_AUTHORS>{}</PAGE_AUTHORS>",
            escape(&authors)
        ));
    }
    cell(&xml)
}

fn escape(text: &str) -> String {
    text.replace('&', "&amp;")
        .replace('<', "&lt;")
        .replace('>', "&gt;")
}

/// Blocks in offset order, `;`-separated.
fn join(blocks: Vec<(usize, String)>) -> String {
    blocks
        .into_iter()
        .map(|(_, b)| b)
        .collect::<Vec<_>>()
        .join(";")
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn timex_values_map_to_gdelt_date_resolutions() {
        assert_eq!(calendar("2023-02-28"), Some((4, 2, 28, 2023)));
        assert_eq!(calendar("2023-02-28T09:00"), Some((4, 2, 28, 2023)));
        assert_eq!(calendar("XXXX-11-03"), Some((3, 11, 3, 0)));
        assert_eq!(calendar("2023-02"), Some((2, 2, 0, 2023)));
        assert_eq!(calendar("2023"), Some((1, 0, 0, 2023)));
        assert_eq!(calendar("2023-W09"), None);
        assert_eq!(calendar("PRESENT_REF"), None);
        assert_eq!(calendar("2023-13-01"), None);
        assert_eq!(calendar("é"), None);
    }

    #[test]
    fn extras_escape_markup() {
        assert_eq!(escape("A <b> & c"), "A &lt;b&gt; &amp; c");
    }
}
