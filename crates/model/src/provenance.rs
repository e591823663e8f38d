//! Where bytes came from: input file, record position, URL and fetch time.

use chrono::{DateTime, Utc};
use serde::{Deserialize, Serialize};

/// A half-open byte range `start..end` into the raw bytes of one document.
///
/// For a plain file the document is the whole file; for a WARC record it is the record's payload
/// (HTTP body); for a JSONL record it is the decoded string value of its `text` or `html` field.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash, Serialize, Deserialize)]
pub struct Span {
    pub start: u64,
    pub end: u64,
}

impl Span {
    pub fn new(start: u64, end: u64) -> Self {
        Span {
            start,
            end: end.max(start),
        }
    }

    pub fn len(&self) -> u64 {
        self.end - self.start
    }

    pub fn is_empty(&self) -> bool {
        self.start == self.end
    }
}

/// Where one raw document was found.
///
/// `offset` and `length` locate the document as stored in the input file: the whole file for plain
/// inputs, the gzip member (or uncompressed record) for WARC, the line for JSONL. Offsets into a
/// compressed file are compressed offsets, as in the CC-NEWS index, so a reader can seek straight to them.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize, Default)]
pub struct Provenance {
    /// Input path as given on the command line (or `-` for standard input), joined with the relative
    /// path inside a directory that was walked.
    pub path: String,
    /// Byte offset of the document's record in the input file.
    pub offset: u64,
    /// Byte length of the record in the input file.
    pub length: u64,
    /// 1-based line number for JSONL records.
    #[serde(skip_serializing_if = "Option::is_none", default)]
    pub line: Option<u64>,
    /// WARC-Record-ID for WARC records.
    #[serde(skip_serializing_if = "Option::is_none", default)]
    pub record_id: Option<String>,
    /// URL the document was fetched from, when known.
    #[serde(skip_serializing_if = "Option::is_none", default)]
    pub url: Option<String>,
    /// When the document was fetched (WARC-Date), when known.
    #[serde(skip_serializing_if = "Option::is_none", default)]
    pub fetched_at: Option<DateTime<Utc>>,
}
