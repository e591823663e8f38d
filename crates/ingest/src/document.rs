//! Whole-file documents (plain text, HTML and ECB+ XML) and the shared step that decodes any
//! document's bytes and emits it with its encoding diagnostics.

use std::borrow::Cow;
use std::fs::File;
use std::io::Read;

use chancery_model::{DiagnosticKind, DocFormat, DocMeta, Provenance, RawDoc};

use crate::charset::decode_owned;
use crate::{decode, diagnostic, Emitter, Event};

/// What a whole input holds.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub(crate) enum Whole {
    /// A text or HTML document, decoded as a whole.
    Doc(DocFormat),
    /// An ECB+ document, whose tokens become the text.
    EcbPlus,
}

/// Reads a whole file as one document (offset 0, length = file size).
pub(crate) fn read_file(file: File, size: u64, kind: Whole, emitter: &mut Emitter) {
    let limit = emitter.config().max_doc_bytes;
    if size > limit {
        let message = format!("file of {size} bytes exceeds the document limit of {limit} bytes");
        emitter.problem(DiagnosticKind::TooLarge, None, message);
        return;
    }
    let mut bytes = Vec::with_capacity(usize::try_from(size).unwrap_or(0));
    // Bounded again in case the file grew since its size was taken.
    if let Err(error) = file.take(limit + 1).read_to_end(&mut bytes) {
        emitter.unreadable(&error);
        return;
    }
    if bytes.len() as u64 > limit {
        let message = format!("file exceeds the document limit of {limit} bytes");
        emitter.problem(DiagnosticKind::TooLarge, None, message);
        return;
    }
    emit_whole(bytes, kind, emitter.provenance(0, size), emitter);
}

/// Emits bytes that make up a whole input (a file, or a decompressed `.gz`) as one document.
pub(crate) fn emit_whole(
    bytes: Vec<u8>,
    kind: Whole,
    provenance: Provenance,
    emitter: &mut Emitter,
) {
    let format = match kind {
        Whole::Doc(format) => format,
        Whole::EcbPlus => return crate::ecbplus::emit(&bytes, provenance, emitter),
    };
    let pending = PendingDoc {
        bytes: Cow::Owned(bytes),
        declared: None,
        format,
        provenance,
        meta: DocMeta::default(),
        location: None,
    };
    let mut events = Vec::with_capacity(2);
    push_document(&mut events, emitter.display(), pending);
    for event in events {
        emitter.send(event);
    }
}

/// One document's raw bytes and what is known about them before decoding.
#[derive(Debug)]
pub(crate) struct PendingDoc<'a> {
    /// Owned bytes are decoded without a copy when they are valid UTF-8.
    pub(crate) bytes: Cow<'a, [u8]>,
    /// Charset stated outside the bytes (an HTTP `Content-Type` parameter).
    pub(crate) declared: Option<&'a str>,
    pub(crate) format: DocFormat,
    pub(crate) provenance: Provenance,
    pub(crate) meta: DocMeta,
    /// Where the document is within its input ("record at byte 1234"), for diagnostics.
    pub(crate) location: Option<String>,
}

/// Decodes a document and pushes it, preceded by a `BadEncoding` warning when some bytes had to be
/// replaced; a document holding only whitespace becomes an `Empty` diagnostic instead.
pub(crate) fn push_document(events: &mut Vec<Event>, path: &str, pending: PendingDoc) {
    let PendingDoc {
        bytes,
        declared,
        format,
        provenance,
        meta,
        location,
    } = pending;
    let raw_was_empty = bytes.is_empty();
    let is_html = format == DocFormat::Html;
    let decoded = match bytes {
        Cow::Owned(bytes) => decode_owned(bytes, declared, is_html),
        Cow::Borrowed(bytes) => decode(bytes, declared, is_html),
    };
    if decoded.text.trim().is_empty() {
        let message = if raw_was_empty {
            "the document is empty"
        } else {
            "the document holds only whitespace"
        };
        events.push(Event::Problem(diagnostic(
            path,
            DiagnosticKind::Empty,
            location,
            message,
        )));
        return;
    }
    if decoded.had_errors {
        let message = format!(
            "some bytes are not valid {} and were replaced with u+fffd",
            decoded.encoding.to_ascii_lowercase()
        );
        events.push(Event::Problem(diagnostic(
            path,
            DiagnosticKind::BadEncoding,
            location,
            message,
        )));
    }
    events.push(Event::Doc(RawDoc {
        provenance,
        format,
        text: decoded.text,
        encoding: decoded.encoding,
        offsets: decoded.offsets,
        meta,
    }));
}
