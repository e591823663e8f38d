//! How model values are laid out in columns.
//!
//! The JSON layouts here are the store's own (compact arrays), not the model types' serde form, so a
//! change to how the model serialises for export cannot make existing stores unreadable.
//!
//! - blocks: `[[text, start, end], ...]`
//! - removed lines: `[[text, start, end, reason], ...]` with the reason's kebab-case name
//! - date evidence: `[source, text, [start, end] | null]`
//! - dates: `YYYY-MM-DD`; instants: RFC 3339 in UTC with as many fraction digits as needed

use chancery_model::{
    ArticleMeta, Block, DateEvidence, DateSource, RemovalReason, RemovedLine, Span,
};
use chrono::{DateTime, NaiveDate, SecondsFormat, Utc};
use serde::de::DeserializeOwned;
use serde::Serialize;

/// Stores an unsigned value in an SQLite `INTEGER` (signed 64-bit), bit for bit, so the round trip
/// is exact for every value.
pub(crate) fn to_sql_int(value: u64) -> i64 {
    value as i64
}

/// Reads back a value stored by [`to_sql_int`].
pub(crate) fn from_sql_int(value: i64) -> u64 {
    value as u64
}

/// Counts (words, paragraphs) as stored; they never approach `i64::MAX`.
pub(crate) fn count_to_sql(value: usize) -> i64 {
    i64::try_from(value).unwrap_or(i64::MAX)
}

/// Reads back a count; a negative value can only come from a foreign writer and reads as zero.
pub(crate) fn count_from_sql(value: i64) -> usize {
    usize::try_from(value).unwrap_or(0)
}

pub(crate) fn encode_blocks(blocks: &[Block]) -> serde_json::Result<String> {
    let rows: Vec<(&str, u64, u64)> = blocks
        .iter()
        .map(|b| (b.text.as_str(), b.span.start, b.span.end))
        .collect();
    serde_json::to_string(&rows)
}

pub(crate) fn decode_blocks(json: &str) -> Result<Vec<Block>, String> {
    let rows: Vec<(String, u64, u64)> =
        serde_json::from_str(json).map_err(|e| format!("bad block list: {e}"))?;
    Ok(rows
        .into_iter()
        .map(|(text, start, end)| Block {
            text,
            span: Span { start, end },
        })
        .collect())
}

pub(crate) fn encode_removed(removed: &[RemovedLine]) -> serde_json::Result<String> {
    let rows: Vec<(&str, u64, u64, &str)> = removed
        .iter()
        .map(|r| (r.text.as_str(), r.span.start, r.span.end, r.reason.as_str()))
        .collect();
    serde_json::to_string(&rows)
}

pub(crate) fn decode_removed(json: &str) -> Result<Vec<RemovedLine>, String> {
    let rows: Vec<(String, u64, u64, String)> =
        serde_json::from_str(json).map_err(|e| format!("bad removed-line list: {e}"))?;
    rows.into_iter()
        .map(|(text, start, end, reason)| {
            let reason = RemovalReason::parse(&reason)
                .ok_or_else(|| format!("unknown removal reason {reason:?}"))?;
            Ok(RemovedLine {
                text,
                span: Span { start, end },
                reason,
            })
        })
        .collect()
}

/// Names of date sources as stored; fixed here rather than borrowed from serde for the reason in the
/// module comment.
fn date_source_name(source: DateSource) -> &'static str {
    match source {
        DateSource::Metadata => "metadata",
        DateSource::DateLine => "date-line",
        DateSource::Dateline => "dateline",
        DateSource::Caption => "caption",
    }
}

fn parse_date_source(name: &str) -> Option<DateSource> {
    [
        DateSource::Metadata,
        DateSource::DateLine,
        DateSource::Dateline,
        DateSource::Caption,
    ]
    .into_iter()
    .find(|s| date_source_name(*s) == name)
}

pub(crate) fn encode_evidence(evidence: &DateEvidence) -> serde_json::Result<String> {
    let span = evidence.span.map(|s| (s.start, s.end));
    serde_json::to_string(&(
        date_source_name(evidence.source),
        evidence.text.as_str(),
        span,
    ))
}

pub(crate) fn decode_evidence(json: &str) -> Result<DateEvidence, String> {
    let (source, text, span): (String, String, Option<(u64, u64)>) =
        serde_json::from_str(json).map_err(|e| format!("bad date evidence: {e}"))?;
    let source =
        parse_date_source(&source).ok_or_else(|| format!("unknown date source {source:?}"))?;
    Ok(DateEvidence {
        source,
        text,
        span: span.map(|(start, end)| Span { start, end }),
    })
}

/// `YYYY-MM-DD`, which sorts as text in date order (for the years news is written in).
/// A page's metadata as JSON, or `None` when it states nothing.
pub(crate) fn encode_meta(meta: &ArticleMeta) -> serde_json::Result<Option<String>> {
    if *meta == ArticleMeta::default() {
        return Ok(None);
    }
    serde_json::to_string(meta).map(Some)
}

pub(crate) fn decode_meta(json: &str) -> Result<ArticleMeta, String> {
    serde_json::from_str(json).map_err(|e| format!("bad metadata: {e}"))
}

/// A list of an article's annotations (entities, dates, amounts, quotes, events) as JSON, or
/// `None` when it is empty.
pub(crate) fn encode_list<T: Serialize>(items: &[T]) -> serde_json::Result<Option<String>> {
    if items.is_empty() {
        return Ok(None);
    }
    serde_json::to_string(items).map(Some)
}

/// A list stored by [`encode_list`]; `what` names it in the error ("entity list").
pub(crate) fn decode_list<T: DeserializeOwned>(json: &str, what: &str) -> Result<Vec<T>, String> {
    serde_json::from_str(json).map_err(|e| format!("bad {what}: {e}"))
}

pub(crate) fn encode_date(date: NaiveDate) -> String {
    date.format("%Y-%m-%d").to_string()
}

pub(crate) fn decode_date(text: &str) -> Result<NaiveDate, String> {
    NaiveDate::parse_from_str(text, "%Y-%m-%d").map_err(|e| format!("bad date {text:?}: {e}"))
}

/// RFC 3339 in UTC keeping every fraction digit present, so the instant reads back exactly.
pub(crate) fn encode_instant(instant: DateTime<Utc>) -> String {
    instant.to_rfc3339_opts(SecondsFormat::AutoSi, true)
}

pub(crate) fn decode_instant(text: &str) -> Result<DateTime<Utc>, String> {
    DateTime::parse_from_rfc3339(text)
        .map(|t| t.with_timezone(&Utc))
        .map_err(|e| format!("bad timestamp {text:?}: {e}"))
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn integers_round_trip_bit_for_bit() {
        for value in [0, 1, i64::MAX as u64, i64::MAX as u64 + 1, u64::MAX] {
            assert_eq!(from_sql_int(to_sql_int(value)), value);
        }
    }

    #[test]
    fn evidence_round_trips_for_every_source() {
        for source in [
            DateSource::Metadata,
            DateSource::DateLine,
            DateSource::Dateline,
            DateSource::Caption,
        ] {
            let evidence = DateEvidence {
                source,
                text: "Feb. 28, 2023".into(),
                span: Some(Span { start: 4, end: 17 }),
            };
            let json = encode_evidence(&evidence).unwrap();
            assert_eq!(decode_evidence(&json).unwrap(), evidence);
        }
    }

    #[test]
    fn instants_keep_nanoseconds() {
        let t = DateTime::parse_from_rfc3339("2023-02-28T10:11:12.123456789+02:00")
            .unwrap()
            .with_timezone(&Utc);
        assert_eq!(decode_instant(&encode_instant(t)).unwrap(), t);
    }

    #[test]
    fn bad_values_are_reported() {
        assert!(decode_removed(r#"[["x",0,1,"nonsense"]]"#).is_err());
        assert!(decode_blocks("{").is_err());
        assert!(decode_date("2023-13-01").is_err());
    }
}
