//! Extraction: from a decoded raw document to clean articles.
//!
//! Pure code: no IO, no panics on odd input. Malformed input yields diagnostics, never an `Err`.
//! - [`text`] splits plain-text dumps into articles and cleans them (titles, captions, boilerplate).
//! - [`html`] extracts the article of an HTML page, and renders a page's visible text.
//! - [`dates`] finds publication dates stated in text.
//! - [`language`] tells the language of a body of prose.

pub mod dates;
pub mod html;
pub mod language;
pub mod text;

use chancery_model::{Article, Diagnostic, DocFormat, RawDoc};

pub use text::{LineEvidence, NoEvidence};

/// Limits that keep extraction bounded on hostile input.
#[derive(Debug, Clone)]
pub struct ExtractConfig {
    /// Lines longer than this are not article text; they are skipped with a diagnostic.
    pub max_line_bytes: usize,
}

impl Default for ExtractConfig {
    fn default() -> Self {
        ExtractConfig {
            max_line_bytes: 1 << 20,
        }
    }
}

/// What extraction made of one raw document.
#[derive(Debug, Default)]
pub struct Extraction {
    pub articles: Vec<Article>,
    pub diagnostics: Vec<Diagnostic>,
}

/// Extracts the articles of one raw document, by its format.
///
/// `evidence` tells which lines recur across many documents of the same source (corpus-level
/// boilerplate); pass [`NoEvidence`] to clean a document on its own.
pub fn extract(doc: &RawDoc, evidence: &dyn LineEvidence, config: &ExtractConfig) -> Extraction {
    match doc.format {
        DocFormat::Text => text::clean_dump(doc, evidence, config),
        DocFormat::Html => html::extract_page(doc, config),
    }
}
