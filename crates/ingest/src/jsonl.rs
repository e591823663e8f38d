//! JSON Lines input: one document per line, from any of the fields scrapers commonly write.
//!
//! The document text is the string value of `text` (plain text), else `html` (HTML), else
//! `content` or `body` (HTML or text, by sniffing). Metadata comes from `title`, `url`,
//! `date`/`published`, and `source`/`site`. Spans in the emitted documents are relative to the
//! decoded string value, not to the JSON-escaped bytes of the line, so their offset map is the
//! identity; the line itself is located by provenance `offset`, `length` and `line`.

use std::fs::File;
use std::io::{self, BufRead, Read};

use chancery_model::{DiagnosticKind, DocFormat, DocMeta, Provenance, RawDoc};
use chrono::{DateTime, NaiveDate};
use serde_json::{Map, Value};

use crate::error::describe_io;
use crate::tracked::TrackedReader;
use crate::{sniff, Emitter, Event};

/// How a body field's text is to be read.
#[derive(Debug, Clone, Copy)]
enum BodyField {
    Text,
    Html,
    Sniff,
}

/// Fields holding the document, in order of preference.
const BODY_FIELDS: [(&str, BodyField); 4] = [
    ("text", BodyField::Text),
    ("html", BodyField::Html),
    ("content", BodyField::Sniff),
    ("body", BodyField::Sniff),
];
const TITLE_FIELDS: [&str; 2] = ["title", "headline"];
const URL_FIELDS: [&str; 2] = ["url", "link"];
const DATE_FIELDS: [&str; 5] = [
    "published",
    "date",
    "date_publish",
    "published_at",
    "publish_date",
];
const SOURCE_FIELDS: [&str; 4] = ["source", "site", "source_domain", "sitename"];

/// One line as read.
#[derive(Debug)]
struct LineRead {
    /// Bytes consumed, terminator included.
    consumed: u64,
    /// The line exceeded the cap and was discarded.
    too_long: bool,
}

/// Reads the next line into `line` (without its `\n`) unless it is longer than `cap`, in which
/// case its bytes are consumed and discarded without being buffered. `None` at the end.
fn next_line<R: Read>(
    reader: &mut TrackedReader<R>,
    line: &mut Vec<u8>,
    cap: u64,
) -> io::Result<Option<LineRead>> {
    line.clear();
    let mut consumed = 0u64;
    let mut too_long = false;
    loop {
        let available = reader.fill_buf()?;
        if available.is_empty() {
            return Ok((consumed > 0).then_some(LineRead { consumed, too_long }));
        }
        let (take, content_len, complete) = match memchr::memchr(b'\n', available) {
            Some(newline) => (newline + 1, newline, true),
            None => (available.len(), available.len(), false),
        };
        if !too_long {
            if (line.len() + content_len) as u64 > cap {
                too_long = true;
                line.clear();
                line.shrink_to_fit();
            } else {
                line.extend_from_slice(&available[..content_len]);
            }
        }
        reader.consume(take);
        consumed += take as u64;
        if complete {
            return Ok(Some(LineRead { consumed, too_long }));
        }
    }
}

/// Reads a JSONL file.
pub(crate) fn read_plain(file: File, emitter: &mut Emitter) {
    let mut reader = TrackedReader::new(file);
    read_jsonl(&mut reader, TrackedReader::position, emitter);
}

/// Reads JSONL from `reader`; `raw_position` tells how many raw input bytes have been consumed
/// (the compressed position when the stream is decompressed), for progress.
///
/// Line offsets are positions in `reader`'s stream: file offsets for plain files, offsets in the
/// decompressed stream for `.jsonl.gz` (whose lines have no compressed offset of their own).
pub(crate) fn read_jsonl<R: Read>(
    reader: &mut TrackedReader<R>,
    raw_position: impl Fn(&TrackedReader<R>) -> u64,
    emitter: &mut Emitter,
) {
    let cap = emitter.config().max_line_bytes;
    let mut line = Vec::new();
    let mut line_number = 0u64;
    let mut events = Vec::with_capacity(2);
    loop {
        emitter.progress(raw_position(reader));
        let offset = reader.position();
        let read = match next_line(reader, &mut line, cap) {
            Ok(Some(read)) => read,
            Ok(None) => return,
            Err(error) => {
                // Decompression reports early ends and corrupt data with these kinds; a plain
                // file's read errors are other kinds.
                let decompression_failed = matches!(
                    error.kind(),
                    io::ErrorKind::UnexpectedEof
                        | io::ErrorKind::InvalidInput
                        | io::ErrorKind::InvalidData
                );
                let kind = if decompression_failed {
                    DiagnosticKind::Truncated
                } else {
                    DiagnosticKind::Unreadable
                };
                let location = Some(format!("line {}", line_number + 1));
                emitter.problem(
                    kind,
                    location,
                    format!("cannot read further: {}", describe_io(&error)),
                );
                return;
            }
        };
        line_number += 1;
        let location = Some(format!("line {line_number}"));
        if read.too_long {
            let message = format!(
                "line of {} bytes exceeds the limit of {cap} bytes",
                read.consumed
            );
            emitter.problem(DiagnosticKind::TooLarge, location, message);
            continue;
        }
        let mut content: &[u8] = &line;
        let mut content_offset = offset;
        if line_number == 1 {
            if let Some(rest) = content.strip_prefix(b"\xEF\xBB\xBF") {
                content = rest;
                content_offset += 3;
            }
        }
        if let Some(rest) = content.strip_suffix(b"\r") {
            content = rest;
        }
        if content.iter().all(u8::is_ascii_whitespace) {
            continue;
        }
        let mut provenance = emitter.provenance(content_offset, content.len() as u64);
        provenance.line = Some(line_number);
        line_events(content, provenance, emitter.display(), &mut events);
        for event in events.drain(..) {
            emitter.send(event);
        }
    }
}

/// Turns one non-blank line into its document, or into a diagnostic.
fn line_events(content: &[u8], provenance: Provenance, path: &str, events: &mut Vec<Event>) {
    let location = provenance.line.map(|line| format!("line {line}"));
    let problem = |kind, message: String| {
        Event::Problem(crate::diagnostic(path, kind, location.clone(), message))
    };
    let repaired;
    let json_text: &[u8] = match std::str::from_utf8(content) {
        Ok(_) => content,
        Err(_) => {
            events.push(problem(
                DiagnosticKind::BadEncoding,
                "the line is not valid utf-8; invalid bytes were replaced with u+fffd".to_string(),
            ));
            repaired = String::from_utf8_lossy(content).into_owned();
            repaired.as_bytes()
        }
    };
    let object = match serde_json::from_slice::<Value>(json_text) {
        Ok(Value::Object(object)) => object,
        Ok(other) => {
            events.push(problem(
                DiagnosticKind::BadJson,
                format!("expected a json object, found {}", json_kind(&other)),
            ));
            return;
        }
        Err(error) => {
            events.push(problem(
                DiagnosticKind::BadJson,
                format!("invalid json: {}", json_error(&error)),
            ));
            return;
        }
    };
    let Some((name, text, body_field)) = BODY_FIELDS.iter().find_map(|&(name, field)| {
        object
            .get(name)
            .and_then(Value::as_str)
            .map(|text| (name, text, field))
    }) else {
        let message = "no text, html, content or body string field".to_string();
        events.push(problem(DiagnosticKind::BadJson, message));
        return;
    };
    if text.trim().is_empty() {
        events.push(problem(
            DiagnosticKind::Empty,
            format!("the {name} field is empty"),
        ));
        return;
    }
    let format = match body_field {
        BodyField::Text => DocFormat::Text,
        BodyField::Html => DocFormat::Html,
        BodyField::Sniff if sniff::looks_like_html(text.as_bytes()) => DocFormat::Html,
        BodyField::Sniff => DocFormat::Text,
    };
    let meta = DocMeta {
        title: first_string(&object, &TITLE_FIELDS),
        url: first_string(&object, &URL_FIELDS),
        published: DATE_FIELDS.iter().find_map(|name| {
            object
                .get(*name)
                .and_then(Value::as_str)
                .and_then(parse_date)
        }),
        source: SOURCE_FIELDS
            .iter()
            .find_map(|name| object.get(*name).and_then(source_name)),
        fetched_at: None,
    };
    events.push(Event::Doc(RawDoc::utf8(
        provenance,
        format,
        text.to_string(),
        meta,
    )));
}

/// The first of `names` that holds a non-blank string, trimmed.
fn first_string(object: &Map<String, Value>, names: &[&str]) -> Option<String> {
    names.iter().find_map(|name| {
        let value = object.get(*name)?.as_str()?.trim();
        (!value.is_empty()).then(|| value.to_string())
    })
}

/// A source given as a string, or as an object with a `name` (`{"source": {"name": "BBC"}}`).
fn source_name(value: &Value) -> Option<String> {
    let name = match value {
        Value::String(name) => name.as_str(),
        Value::Object(object) => object.get("name")?.as_str()?,
        _ => return None,
    };
    let name = name.trim();
    (!name.is_empty()).then(|| name.to_string())
}

/// A date from an ISO `YYYY-MM-DD` prefix (which covers RFC 3339 timestamps, read as the date
/// they state in their own offset) or an RFC 2822 date.
pub(crate) fn parse_date(value: &str) -> Option<NaiveDate> {
    let value = value.trim();
    if let Some(date) = value
        .get(..10)
        .and_then(|prefix| NaiveDate::parse_from_str(prefix, "%Y-%m-%d").ok())
    {
        return Some(date);
    }
    DateTime::parse_from_rfc2822(value)
        .ok()
        .map(|date| date.date_naive())
}

fn json_kind(value: &Value) -> &'static str {
    match value {
        Value::Null => "null",
        Value::Bool(_) => "a boolean",
        Value::Number(_) => "a number",
        Value::String(_) => "a string",
        Value::Array(_) => "an array",
        Value::Object(_) => "an object",
    }
}

/// serde_json's message, lowercased (it writes "EOF"), without its "at line 1 column N" suffix (the line is always 1 here),
/// with the column stated on its own.
fn json_error(error: &serde_json::Error) -> String {
    let message = error.to_string();
    let reason = message
        .rsplit_once(" at line ")
        .map_or(message.as_str(), |(reason, _)| reason);
    format!("{} at column {}", reason.to_lowercase(), error.column())
}

#[cfg(test)]
mod tests {
    use super::*;
    use std::io::Cursor;

    #[test]
    fn long_lines_are_discarded_not_buffered() {
        let data = format!("{}\nshort\nlast", "x".repeat(100));
        let mut reader = TrackedReader::new(Cursor::new(data.into_bytes()));
        let mut line = Vec::new();
        let first = next_line(&mut reader, &mut line, 10).unwrap().unwrap();
        assert!(first.too_long && line.is_empty());
        assert_eq!(first.consumed, 101);
        let second = next_line(&mut reader, &mut line, 10).unwrap().unwrap();
        assert!(!second.too_long);
        assert_eq!(line, b"short");
        next_line(&mut reader, &mut line, 10).unwrap().unwrap();
        assert_eq!(line, b"last");
        assert!(next_line(&mut reader, &mut line, 10).unwrap().is_none());
    }

    #[test]
    fn dates_in_common_shapes() {
        let expected = NaiveDate::from_ymd_opt(2023, 2, 28);
        assert_eq!(parse_date("2023-02-28"), expected);
        assert_eq!(parse_date("2023-02-28T23:30:00-05:00"), expected);
        assert_eq!(parse_date("Tue, 28 Feb 2023 10:00:00 +0000"), expected);
        assert_eq!(parse_date("last week"), None);
        assert_eq!(parse_date("2023-13-45"), None);
    }

    #[test]
    fn fields_choose_format_and_meta() {
        let line = br#"{"html":"<p>a</p>","text":"a","title":" T ","date":"2020-01-02","source":{"name":"Wire"}}"#;
        let mut events = Vec::new();
        line_events(
            line,
            Provenance {
                line: Some(1),
                ..Provenance::default()
            },
            "f",
            &mut events,
        );
        let [Event::Doc(doc)] = events.as_slice() else {
            panic!("{events:?}")
        };
        assert_eq!(doc.format, DocFormat::Text);
        assert_eq!(doc.text, "a");
        assert_eq!(doc.meta.title.as_deref(), Some("T"));
        assert_eq!(doc.meta.source.as_deref(), Some("Wire"));
        assert_eq!(doc.meta.published, NaiveDate::from_ymd_opt(2020, 1, 2));
    }

    #[test]
    fn broken_lines_say_why() {
        let mut events = Vec::new();
        line_events(
            b"{\"text\": ",
            Provenance {
                line: Some(3),
                ..Provenance::default()
            },
            "f",
            &mut events,
        );
        line_events(
            b"[1, 2]",
            Provenance {
                line: Some(4),
                ..Provenance::default()
            },
            "f",
            &mut events,
        );
        line_events(
            b"{\"url\": \"u\"}",
            Provenance {
                line: Some(5),
                ..Provenance::default()
            },
            "f",
            &mut events,
        );
        let messages: Vec<String> = events
            .iter()
            .map(|event| match event {
                Event::Problem(problem) => format!(
                    "{}: {}",
                    problem.location.as_deref().unwrap_or(""),
                    problem.message
                ),
                other => panic!("{other:?}"),
            })
            .collect();
        assert!(
            messages[0].starts_with("line 3: invalid json: eof while parsing"),
            "{}",
            messages[0]
        );
        assert_eq!(
            messages[1],
            "line 4: expected a json object, found an array"
        );
        assert_eq!(
            messages[2],
            "line 5: no text, html, content or body string field"
        );
    }
}
