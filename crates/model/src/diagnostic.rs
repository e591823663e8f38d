//! Problems found in the inputs. Bad input is data: stages return diagnostics and go on.

use serde::{Deserialize, Serialize};

/// The kind of problem, for counting in summaries.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash, PartialOrd, Ord, Serialize, Deserialize)]
#[serde(rename_all = "kebab-case")]
pub enum DiagnosticKind {
    /// The file or path could not be read at all.
    Unreadable,
    /// The content is binary, not text, HTML, WARC or JSONL.
    Binary,
    /// The input holds nothing.
    Empty,
    /// A compressed stream ends early or is corrupt.
    Truncated,
    /// A record is malformed (a WARC record, an ECB+ token element).
    BadRecord,
    /// A JSONL line is not a JSON object with usable fields.
    BadJson,
    /// The text was not valid in its declared or detected encoding.
    BadEncoding,
    /// Something exceeded a documented limit (record size, line length, nesting depth).
    TooLarge,
    /// A document held no article text.
    NoArticle,
    /// The store refused a write.
    Store,
}

impl DiagnosticKind {
    pub fn as_str(self) -> &'static str {
        match self {
            DiagnosticKind::Unreadable => "unreadable",
            DiagnosticKind::Binary => "binary",
            DiagnosticKind::Empty => "empty",
            DiagnosticKind::Truncated => "truncated",
            DiagnosticKind::BadRecord => "bad-record",
            DiagnosticKind::BadJson => "bad-json",
            DiagnosticKind::BadEncoding => "bad-encoding",
            DiagnosticKind::TooLarge => "too-large",
            DiagnosticKind::NoArticle => "no-article",
            DiagnosticKind::Store => "store",
        }
    }
}

/// One problem with one input: which input (and which record or line), and why.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
pub struct Diagnostic {
    pub kind: DiagnosticKind,
    /// The input path, as in [`crate::Provenance::path`].
    pub path: String,
    /// Where in the input: "line 7", "record at byte 1234", ...
    pub location: Option<String>,
    /// Why, in lowercase words, with what to do where that helps.
    pub message: String,
}

impl Diagnostic {
    pub fn new(kind: DiagnosticKind, path: impl Into<String>, message: impl Into<String>) -> Self {
        Diagnostic {
            kind,
            path: path.into(),
            location: None,
            message: message.into(),
        }
    }

    pub fn at(mut self, location: impl Into<String>) -> Self {
        self.location = Some(location.into());
        self
    }
}

impl std::fmt::Display for Diagnostic {
    fn fmt(&self, f: &mut std::fmt::Formatter<'_>) -> std::fmt::Result {
        write!(f, "{}", self.path)?;
        if let Some(location) = &self.location {
            write!(f, " ({location})")?;
        }
        write!(f, ": {}: {}", self.kind.as_str(), self.message)
    }
}
