//! Text dumps: split a scraped text file into its articles and clean each one.
//!
//! A scraper that saved pages as text leaves titles repeated, photo captions repeated, platform
//! furniture ("Source link", comment forms, share prompts), stray fragments ("TT"), and sometimes several
//! unrelated stories in one file. This module turns such a file into clean articles and records every
//! line it removed with the reason. The steps, each in its own file:
//! - [`units`]: lines with their spans, joined when the dump is hard-wrapped;
//! - [`features`]: what each line looks like (length, sentence end, stopwords, caption credit, ...);
//! - [`phrases`]: the curated multilingual list of platform boilerplate;
//! - [`segment`]: where one article ends and the next begins;
//! - [`article`]: title, captions, body region, duplicates and date within one article.

mod article;
mod evidence;
mod features;
mod phrases;
mod segment;
mod stopwords;
mod units;

pub use evidence::{
    candidate_line_hashes, line_hash, EvidenceThreshold, LineEvidence, NoEvidence, RepeatedLines,
    MAX_EVIDENCE_WORDS,
};

use chancery_model::{Diagnostic, DiagnosticKind, RawDoc};

use crate::{ExtractConfig, Extraction};

/// Splits and cleans a plain-text dump.
pub fn clean_dump(doc: &RawDoc, evidence: &dyn LineEvidence, config: &ExtractConfig) -> Extraction {
    let mut diagnostics = Vec::new();
    let units = units::split_units(&doc.text, config.max_line_bytes, &mut |line, bytes| {
        diagnostics.push(
            Diagnostic::new(
                DiagnosticKind::TooLarge,
                doc.provenance.path.clone(),
                format!(
                    "line is {bytes} bytes, over the {} byte limit for article text; skipped",
                    config.max_line_bytes
                ),
            )
            .at(format!("line {line}")),
        );
    });
    let source = doc.source_key();
    let features: Vec<features::Features> = units
        .iter()
        .map(|u| features::Features::of(&doc.text[u.range()], &source, evidence))
        .collect();
    let mut articles = Vec::new();
    for range in segment::split_articles(&units, &features) {
        if let Some(article) = article::build(doc, &source, &units[range.clone()], &features[range])
        {
            articles.push(article);
        }
    }
    if articles.is_empty() && !doc.text.trim().is_empty() {
        diagnostics.push(Diagnostic::new(
            DiagnosticKind::NoArticle,
            doc.provenance.path.clone(),
            "no article text found",
        ));
    }
    Extraction {
        articles,
        diagnostics,
    }
}
