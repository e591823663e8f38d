//! Internal error types of the readers, and how they are worded in diagnostics.
//!
//! None of these escape the crate: `read_input` turns every one of them into a `Diagnostic`.

use std::io;

use chancery_model::DiagnosticKind;

/// Why one WARC record could not be read.
#[derive(Debug, thiserror::Error)]
pub(crate) enum RecordError {
    /// The record's header or framing is not valid WARC.
    #[error("{0}")]
    Malformed(String),
    /// The input ends inside the record.
    #[error("{0}")]
    Truncated(String),
    /// Reading (or decompressing) the input failed.
    #[error("{}", describe_io(.0))]
    Io(#[from] io::Error),
}

/// Why the payload of an HTTP response record could not be used.
#[derive(Debug, thiserror::Error)]
pub(crate) enum PayloadError {
    /// The HTTP status line or header block is malformed.
    #[error("malformed http response: {0}")]
    MalformedHttp(String),
    /// The body uses a content-encoding this reader does not implement.
    #[error("unsupported content-encoding {0}")]
    UnsupportedEncoding(String),
    /// The compressed body could not be decompressed at all.
    #[error("corrupt {encoding} body: {reason}")]
    CorruptEncoding { encoding: String, reason: String },
    /// The decoded body exceeds the document limit.
    #[error("decoded body exceeds the limit of {limit} bytes")]
    TooLarge { limit: u64 },
}

impl PayloadError {
    /// The diagnostic kind this error is counted under.
    pub(crate) fn kind(&self) -> DiagnosticKind {
        match self {
            PayloadError::TooLarge { .. } => DiagnosticKind::TooLarge,
            PayloadError::MalformedHttp(_)
            | PayloadError::UnsupportedEncoding(_)
            | PayloadError::CorruptEncoding { .. } => DiagnosticKind::BadRecord,
        }
    }
}

/// An IO error as diagnostic text: the platform message with its first letter lowercased, since
/// diagnostics are lowercase phrases.
pub(crate) fn describe_io(error: &io::Error) -> String {
    lowercase_first(&error.to_string())
}

/// `text` with its first character lowercased.
fn lowercase_first(text: &str) -> String {
    let mut chars = text.chars();
    match chars.next() {
        Some(first) => first.to_lowercase().chain(chars).collect(),
        None => String::new(),
    }
}

/// A short, printable excerpt of raw bytes for diagnostics ("found \"<html>...\"").
pub(crate) fn preview(bytes: &[u8]) -> String {
    const PREVIEW_LEN: usize = 40;
    let excerpt = &bytes[..bytes.len().min(PREVIEW_LEN)];
    let text = String::from_utf8_lossy(excerpt);
    let ellipsis = if bytes.len() > PREVIEW_LEN { "..." } else { "" };
    format!("{:?}{ellipsis}", text)
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn io_errors_read_as_lowercase_phrases() {
        let error = io::Error::new(io::ErrorKind::NotFound, "No such file");
        assert_eq!(describe_io(&error), "no such file");
        assert_eq!(lowercase_first(""), "");
    }

    #[test]
    fn previews_are_short_and_quoted() {
        assert_eq!(preview(b"abc"), "\"abc\"");
        let long = vec![b'x'; 100];
        assert!(preview(&long).ends_with("\"..."));
    }
}
