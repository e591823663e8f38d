//! WARC input, plain or gzipped (one record per member as in CC-NEWS, or one member for all).
//!
//! Records are parsed by hand: version line, header fields up to a blank line, a block of
//! `Content-Length` bytes, then the CRLF CRLF separator. `response` records yield the HTTP body and
//! `resource` records their block; `warcinfo`, `request`, `metadata`, `revisit` and `conversion`
//! records are skipped without a diagnostic, as are responses that are not 2xx or whose content type
//! is not a document (see [`crate::http`]).
//!
//! A corrupt record does not end the file: the reader reports it and resynchronises on the next
//! `WARC/1.` at a line start (plain files) or the next gzip member (`.warc.gz`).
//!
//! Provenance `offset`/`length` locate the record as stored: in the file for plain WARC, the
//! compressed gzip member for `.warc.gz` (for a member that holds several records, the member).
//! Spans in the emitted documents are relative to the payload: the HTTP body after removing its
//! transfer and content encodings, or the block of a `resource` record.

use std::fs::File;
use std::io::{self, BufRead, Read};

use chancery_model::{DiagnosticKind, DocFormat, DocMeta, Provenance};
use chrono::{DateTime, Utc};
use flate2::bufread::GzDecoder;

use crate::document::{push_document, PendingDoc};
use crate::error::{describe_io, preview, RecordError};
use crate::gzip::{is_member_start, skip_zero_padding, MEMBER_MARKER};
use crate::http::{response_payload, ContentType, Payload};
use crate::tracked::TrackedReader;
use crate::{diagnostic, sniff, Emitter, Event};

/// The start of every record's version line.
const VERSION_PREFIX: &[u8] = b"WARC/1.";
/// What a record start looks like after the end of the previous line, when resynchronising.
const RECORD_MARKER: &[u8] = b"\nWARC/1.";
/// Longest header block accepted; real ones are a few hundred bytes.
const HEADER_LIMIT: usize = 64 * 1024;
/// Decoded documents of one gzip member held back until the member's checksum is verified;
/// past this many text bytes they are sent early so that a huge single-member file streams.
const MEMBER_HOLD_BYTES: usize = 16 << 20;

/// The header fields of one record, in order.
#[derive(Debug, Default)]
struct RecordHeader {
    fields: Vec<(String, String)>,
}

impl RecordHeader {
    /// The value of a field, matching its name case-insensitively.
    fn get(&self, name: &str) -> Option<&str> {
        self.fields
            .iter()
            .find(|(field, _)| field.eq_ignore_ascii_case(name))
            .map(|(_, value)| value.as_str())
    }

    fn record_type(&self) -> RecordType {
        match self
            .get("WARC-Type")
            .map(str::to_ascii_lowercase)
            .as_deref()
        {
            Some("response") => RecordType::Response,
            Some("resource") => RecordType::Resource,
            _ => RecordType::Other,
        }
    }
}

/// The record types this reader takes documents from.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
enum RecordType {
    Response,
    Resource,
    Other,
}

/// A record's block, as far as it was read.
#[derive(Debug)]
enum Block {
    Kept(Vec<u8>),
    /// Not a record type that holds documents.
    Skipped,
    /// A document record whose block exceeds the size limit; its declared length.
    TooLarge(u64),
}

/// One record as read from its stream.
#[derive(Debug)]
struct StoredRecord {
    header: RecordHeader,
    block: Block,
}

/// Consumes the CR and LF bytes between records.
fn skip_newlines<R: Read>(reader: &mut TrackedReader<R>) -> io::Result<usize> {
    let mut skipped = 0;
    loop {
        let available = reader.fill_buf()?;
        let newlines = available
            .iter()
            .take_while(|&&byte| byte == b'\r' || byte == b'\n')
            .count();
        let more = newlines == available.len() && !available.is_empty();
        reader.consume(newlines);
        skipped += newlines;
        if !more {
            return Ok(skipped);
        }
    }
}

/// Reads one line into `line` (without its CR LF), charging its length to `budget`.
/// Returns `false` when the stream ends before any byte of the line.
fn read_header_line<R: Read>(
    reader: &mut TrackedReader<R>,
    line: &mut Vec<u8>,
    budget: &mut usize,
) -> Result<bool, RecordError> {
    line.clear();
    loop {
        let available = reader.fill_buf()?;
        if available.is_empty() {
            if line.is_empty() {
                return Ok(false);
            }
            return Err(RecordError::Truncated(
                "the input ends inside the record header".to_string(),
            ));
        }
        let (take, complete) = match memchr::memchr(b'\n', available) {
            Some(newline) => (newline + 1, true),
            None => (available.len(), false),
        };
        if take > *budget {
            return Err(RecordError::Malformed(format!(
                "header block longer than {HEADER_LIMIT} bytes"
            )));
        }
        *budget -= take;
        line.extend_from_slice(&available[..take]);
        reader.consume(take);
        if complete {
            while line
                .last()
                .is_some_and(|&byte| byte == b'\n' || byte == b'\r')
            {
                line.pop();
            }
            return Ok(true);
        }
    }
}

/// Reads a header block; `Ok(None)` at the end of the stream.
fn read_header<R: Read>(
    reader: &mut TrackedReader<R>,
) -> Result<Option<RecordHeader>, RecordError> {
    let mut budget = HEADER_LIMIT;
    let mut line = Vec::new();
    if !read_header_line(reader, &mut line, &mut budget)? {
        return Ok(None);
    }
    if !line.starts_with(VERSION_PREFIX) {
        return Err(RecordError::Malformed(format!(
            "expected a warc/1.x version line, found {}",
            preview(&line)
        )));
    }
    let mut header = RecordHeader::default();
    loop {
        if !read_header_line(reader, &mut line, &mut budget)? {
            return Err(RecordError::Truncated(
                "the input ends inside the record header".to_string(),
            ));
        }
        if line.is_empty() {
            return Ok(Some(header));
        }
        let text = String::from_utf8_lossy(&line);
        if line[0] == b' ' || line[0] == b'\t' {
            // A folded continuation of the previous field.
            let Some((_, value)) = header.fields.last_mut() else {
                return Err(RecordError::Malformed(
                    "header starts with a continuation line".to_string(),
                ));
            };
            value.push(' ');
            value.push_str(text.trim());
            continue;
        }
        let Some((name, value)) = text.split_once(':') else {
            return Err(RecordError::Malformed(format!(
                "header line without a colon: {}",
                preview(&line)
            )));
        };
        header
            .fields
            .push((name.trim().to_string(), value.trim().to_string()));
    }
}

/// Reads the next record, positioned at its first byte. `Ok(None)` at the end of the stream.
fn read_record<R: Read>(
    reader: &mut TrackedReader<R>,
    limit: u64,
) -> Result<Option<StoredRecord>, RecordError> {
    let Some(header) = read_header(reader)? else {
        return Ok(None);
    };
    let declared = header
        .get("Content-Length")
        .ok_or_else(|| RecordError::Malformed("missing content-length".to_string()))?;
    let length: u64 = declared.parse().map_err(|_| {
        RecordError::Malformed(format!(
            "invalid content-length {}",
            preview(declared.as_bytes())
        ))
    })?;
    let truncated = || {
        RecordError::Truncated(format!(
            "record ends before its declared content-length of {length} bytes"
        ))
    };
    let wanted = header.record_type() != RecordType::Other;
    let block = if wanted && length <= limit {
        let mut bytes = Vec::with_capacity(usize::try_from(length.min(1 << 20)).unwrap_or(0));
        Read::by_ref(reader).take(length).read_to_end(&mut bytes)?;
        if (bytes.len() as u64) < length {
            return Err(truncated());
        }
        Block::Kept(bytes)
    } else {
        let copied = io::copy(&mut Read::by_ref(reader).take(length), &mut io::sink())?;
        if copied < length {
            return Err(truncated());
        }
        if wanted {
            Block::TooLarge(length)
        } else {
            Block::Skipped
        }
    };
    // The block must be followed by the CR LF CR LF separator (a line end at least), or by the end
    // of the stream: anything else means the content-length does not fit the record.
    let at_end = reader.fill_buf()?.is_empty();
    if !at_end && skip_newlines(reader)? == 0 {
        return Err(RecordError::Malformed(format!(
            "no record separator after the {length}-byte block; the content-length is probably wrong"
        )));
    }
    Ok(Some(StoredRecord { header, block }))
}

/// Where a record was stored, for provenance and diagnostics.
#[derive(Debug, Clone, Copy)]
struct Stored {
    offset: u64,
    length: u64,
}

impl Stored {
    fn location(self) -> String {
        format!("record at byte {}", self.offset)
    }
}

/// Turns a record into events: its document (with encoding warnings), a diagnostic, or nothing.
fn record_events(
    record: &StoredRecord,
    stored: Stored,
    path: &str,
    limit: u64,
    events: &mut Vec<Event>,
) {
    let record_type = record.header.record_type();
    let bytes = match &record.block {
        Block::Skipped => return,
        Block::TooLarge(length) => {
            let message =
                format!("record block of {length} bytes exceeds the limit of {limit} bytes");
            events.push(Event::Problem(diagnostic(
                path,
                DiagnosticKind::TooLarge,
                Some(stored.location()),
                message,
            )));
            return;
        }
        Block::Kept(bytes) => bytes,
    };
    let payload = match record_type {
        RecordType::Response => match response_payload(bytes, limit) {
            Ok(Some(payload)) => payload,
            Ok(None) => return,
            Err(error) => {
                let problem = diagnostic(
                    path,
                    error.kind(),
                    Some(stored.location()),
                    error.to_string(),
                );
                events.push(Event::Problem(problem));
                return;
            }
        },
        RecordType::Resource => {
            let content_type = ContentType::parse(record.header.get("Content-Type").unwrap_or(""));
            if !content_type.is_document()
                || (content_type.mime.is_empty() && sniff::looks_binary(bytes))
            {
                return;
            }
            Payload {
                body: bytes.into(),
                declared_html: content_type.is_html(),
                charset: content_type.charset,
            }
        }
        RecordType::Other => return,
    };
    let format = if payload.declared_html || sniff::looks_like_html(&payload.body) {
        DocFormat::Html
    } else {
        DocFormat::Text
    };
    let url = record
        .header
        .get("WARC-Target-URI")
        .map(|uri| uri.trim_matches(|c| c == '<' || c == '>').to_string());
    let fetched_at = record.header.get("WARC-Date").and_then(parse_warc_date);
    let provenance = Provenance {
        path: path.to_string(),
        offset: stored.offset,
        length: stored.length,
        line: None,
        record_id: record.header.get("WARC-Record-ID").map(str::to_string),
        url: url.clone(),
        fetched_at,
    };
    let meta = DocMeta {
        url,
        fetched_at,
        ..DocMeta::default()
    };
    let pending = PendingDoc {
        bytes: payload.body,
        declared: payload.charset.as_deref(),
        format,
        provenance,
        meta,
        location: Some(stored.location()),
    };
    push_document(events, path, pending);
}

/// A `WARC-Date` (RFC 3339, as the WARC standard requires), in UTC.
fn parse_warc_date(value: &str) -> Option<DateTime<Utc>> {
    DateTime::parse_from_rfc3339(value.trim())
        .ok()
        .map(|date| date.with_timezone(&Utc))
}

/// Reads an uncompressed WARC file.
pub(crate) fn read_plain(file: File, emitter: &mut Emitter) {
    let limit = emitter.config().max_doc_bytes;
    let path = emitter.display();
    let mut reader = TrackedReader::new(file);
    let mut events = Vec::new();
    loop {
        emitter.progress(reader.position());
        if let Err(error) = skip_newlines(&mut reader) {
            emitter.unreadable(&error);
            return;
        }
        let offset = reader.position();
        match read_record(&mut reader, limit) {
            Ok(None) => return,
            Ok(Some(record)) => {
                let stored = Stored {
                    offset,
                    length: reader.position() - offset,
                };
                record_events(&record, stored, path, limit, &mut events);
                for event in events.drain(..) {
                    emitter.send(event);
                }
            }
            Err(RecordError::Io(error)) => {
                let message = format!("cannot read: {}", describe_io(&error));
                emitter.problem(
                    DiagnosticKind::Unreadable,
                    Some(format!("record at byte {offset}")),
                    message,
                );
                return;
            }
            Err(error) => {
                // Go back to just after the bad record's start: a wrong content-length may have
                // swallowed the records that follow it.
                let resumed = reader
                    .seek_to(offset + 1)
                    .and_then(|()| reader.skip_to(RECORD_MARKER));
                let location = Some(format!("record at byte {offset}"));
                match resumed {
                    Ok(true) => {
                        reader.consume(1);
                        let message = format!(
                            "{error}; skipped to the next record at byte {}",
                            reader.position()
                        );
                        emitter.problem(DiagnosticKind::BadRecord, location, message);
                    }
                    Ok(false) => {
                        let kind = match error {
                            RecordError::Truncated(_) => DiagnosticKind::Truncated,
                            _ => DiagnosticKind::BadRecord,
                        };
                        emitter.problem(kind, location, error.to_string());
                        return;
                    }
                    Err(io_error) => {
                        let message =
                            format!("{error}; then cannot read: {}", describe_io(&io_error));
                        emitter.problem(DiagnosticKind::BadRecord, location, message);
                        return;
                    }
                }
            }
        }
    }
}

/// How reading one gzip member ended.
enum MemberEnd {
    /// The member decompressed and its checksum matched.
    Clean,
    /// Decompression failed; the reason, and whether the data simply ran out (truncation) rather
    /// than being corrupt.
    Damaged { reason: String, truncated: bool },
}

/// Reads a gzipped WARC member by member.
pub(crate) fn read_gz(file: File, emitter: &mut Emitter) {
    let mut compressed = TrackedReader::new(file);
    // After damage, candidate members found by scanning may be false matches inside compressed
    // data; those that fail are skipped without further diagnostics.
    let mut resyncing = false;
    loop {
        let member_start = compressed.position();
        emitter.progress(member_start);
        let head = match compressed.peek(4) {
            Ok(head) => head.to_vec(),
            Err(error) => {
                emitter.unreadable(&error);
                return;
            }
        };
        if head.is_empty() {
            return;
        }
        if head[0] == 0 {
            // Zero padding between or after members, which some writers add, is not damage.
            match skip_zero_padding(&mut compressed) {
                Ok(true) => continue,
                Ok(false) => return,
                Err(error) => {
                    emitter.unreadable(&error);
                    return;
                }
            }
        }
        let damage = if is_member_start(&head) {
            match read_member(&mut compressed, member_start, resyncing, emitter) {
                MemberEnd::Clean => {
                    resyncing = false;
                    continue;
                }
                MemberEnd::Damaged { reason, truncated } => {
                    let kind = if truncated {
                        DiagnosticKind::Truncated
                    } else {
                        DiagnosticKind::BadRecord
                    };
                    (kind, reason)
                }
            }
        } else {
            (
                DiagnosticKind::BadRecord,
                "no gzip member starts here".to_string(),
            )
        };
        let resumed = compressed
            .seek_to(member_start + 1)
            .and_then(|()| compressed.skip_to(&MEMBER_MARKER));
        if !resyncing {
            let location = Some(format!("record at byte {member_start}"));
            let (kind, reason) = damage;
            let message = match &resumed {
                Ok(true) => format!("{reason}; skipping to the next gzip member"),
                _ => reason,
            };
            emitter.problem(kind, location, message);
        }
        match resumed {
            Ok(true) => resyncing = true,
            Ok(false) => return,
            Err(error) => {
                emitter.unreadable(&error);
                return;
            }
        }
    }
}

/// Reads the records of one gzip member starting at `member_start`.
///
/// Documents are held until the member's checksum has been verified, so a corrupt member yields
/// no half-garbled documents; when the data merely ends early, the complete records are kept.
/// With `quiet` (while resynchronising), a member that is not WARC is passed over silently.
fn read_member(
    compressed: &mut TrackedReader<File>,
    member_start: u64,
    quiet: bool,
    emitter: &mut Emitter,
) -> MemberEnd {
    let limit = emitter.config().max_doc_bytes;
    let path = emitter.display();
    let mut stream = TrackedReader::new(GzDecoder::new(&mut *compressed));
    let mut held: Vec<Event> = Vec::new();
    let mut held_bytes = 0usize;
    let mut records_seen = 0usize;
    let damage = loop {
        let progress = stream.get_ref().get_ref().position();
        emitter.progress(progress);
        if let Err(error) = skip_newlines(&mut stream) {
            break Some(error);
        }
        let offset_in_member = stream.position();
        match read_record(&mut stream, limit) {
            Ok(None) => break None,
            Ok(Some(record)) => {
                records_seen += 1;
                let stored_so_far = stream.get_ref().get_ref().position() - member_start;
                let stored = Stored {
                    offset: member_start,
                    length: stored_so_far,
                };
                let before = held.len();
                record_events(&record, stored, path, limit, &mut held);
                held_bytes += held[before..].iter().map(event_size).sum::<usize>();
                if held_bytes > MEMBER_HOLD_BYTES {
                    for event in held.drain(..) {
                        emitter.send(event);
                    }
                    held_bytes = 0;
                }
            }
            Err(RecordError::Io(error)) => break Some(error),
            Err(error) => {
                if quiet && records_seen == 0 {
                    return MemberEnd::Damaged {
                        reason: error.to_string(),
                        truncated: false,
                    };
                }
                let location = if offset_in_member == 0 {
                    format!("record at byte {member_start}")
                } else {
                    format!("record at byte {member_start} (byte {offset_in_member} of the decompressed member)")
                };
                let kind = DiagnosticKind::BadRecord;
                held.push(Event::Problem(diagnostic(
                    path,
                    kind,
                    Some(location),
                    error.to_string(),
                )));
                // Later records of the same member, if any, start at a line beginning with WARC/1.
                match stream.skip_to(RECORD_MARKER) {
                    Ok(true) => stream.consume(1),
                    Ok(false) => break None,
                    Err(error) => break Some(error),
                }
            }
        }
    };
    // Decompress to the end of the member so the checksum is verified and the compressed reader
    // stands at the next member.
    let damage = damage.or_else(|| io::copy(&mut stream, &mut io::sink()).err());
    let member_end = stream.get_ref().get_ref().position();
    match damage {
        None => {
            for event in held {
                emitter.send(finish_provenance(event, member_start, member_end));
            }
            MemberEnd::Clean
        }
        Some(error) => {
            let truncated = error.kind() == io::ErrorKind::UnexpectedEof;
            if truncated && !quiet {
                for event in held {
                    emitter.send(event);
                }
            }
            let reason = if truncated {
                format!("gzip data ends early: {}", describe_io(&error))
            } else {
                format!("corrupt gzip member: {}", describe_io(&error))
            };
            MemberEnd::Damaged { reason, truncated }
        }
    }
}

/// Sets the stored length of a document of a member to the whole member's length, now known.
fn finish_provenance(event: Event, member_start: u64, member_end: u64) -> Event {
    match event {
        Event::Doc(mut doc) if doc.provenance.offset == member_start => {
            doc.provenance.length = member_end - member_start;
            Event::Doc(doc)
        }
        other => other,
    }
}

/// Approximate memory held by an event, for the member hold budget.
fn event_size(event: &Event) -> usize {
    match event {
        Event::Doc(doc) => doc.text.len(),
        _ => 0,
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use std::io::Cursor;

    fn record(kind: &str, block: &[u8]) -> Vec<u8> {
        let mut bytes = format!(
            "WARC/1.0\r\nWARC-Type: {kind}\r\nWARC-Record-ID: <urn:uuid:1>\r\nContent-Length: {}\r\n\r\n",
            block.len()
        )
        .into_bytes();
        bytes.extend_from_slice(block);
        bytes.extend_from_slice(b"\r\n\r\n");
        bytes
    }

    #[test]
    fn parses_headers_and_blocks() {
        let mut data = record("request", b"GET / HTTP/1.1\r\n\r\n");
        data.extend(record("resource", b"plain text"));
        let mut reader = TrackedReader::new(Cursor::new(data));
        let first = read_record(&mut reader, 1000).unwrap().unwrap();
        assert!(matches!(first.block, Block::Skipped));
        assert_eq!(first.header.get("warc-record-id"), Some("<urn:uuid:1>"));
        let second = read_record(&mut reader, 1000).unwrap().unwrap();
        assert!(matches!(second.block, Block::Kept(ref bytes) if bytes == b"plain text"));
        assert!(read_record(&mut reader, 1000).unwrap().is_none());
    }

    #[test]
    fn wrong_content_length_is_malformed() {
        let mut data = record("resource", b"plain text");
        let at = memchr::memmem::find(&data, b"Length: 10").unwrap();
        data[at + 8..at + 10].copy_from_slice(b"07");
        let mut reader = TrackedReader::new(Cursor::new(data));
        assert!(matches!(
            read_record(&mut reader, 1000),
            Err(RecordError::Malformed(_))
        ));
    }

    #[test]
    fn folded_header_lines_are_joined() {
        let data = b"WARC/1.1\r\nWARC-Type: resource\r\nX-Long: a\r\n b\r\nContent-Length: 0\r\n\r\n\r\n\r\n";
        let mut reader = TrackedReader::new(Cursor::new(data.to_vec()));
        let parsed = read_record(&mut reader, 1000).unwrap().unwrap();
        assert_eq!(parsed.header.get("x-long"), Some("a b"));
    }

    #[test]
    fn warc_dates_parse_to_utc() {
        let date = parse_warc_date("2016-08-26T00:38:45Z").unwrap();
        assert_eq!(date.to_rfc3339(), "2016-08-26T00:38:45+00:00");
        assert!(parse_warc_date("yesterday").is_none());
    }
}
