//! Assembles the article of a page from its walk: title, body region, captions, date, language,
//! URL, with every block's span mapped back to the raw bytes.

use std::ops::Range;

use chancery_model::{
    Article, Block, DateEvidence, DateSource, Diagnostic, DiagnosticKind, RawDoc, Span,
};

use super::meta::Stated;
use super::tags::Tag;
use super::walk::{walk, Page};
use super::{lang, region};
use crate::{ExtractConfig, Extraction};

/// Text given to the language detector at most: plenty for a confident guess, bounded in time.
const LANGUAGE_SAMPLE_BYTES: usize = 4096;

/// Extracts the article of an HTML page.
pub fn extract_page(doc: &RawDoc, config: &ExtractConfig) -> Extraction {
    let page = walk(&doc.text);
    let region = region::choose(&page);
    let mut diagnostics = Vec::new();
    let to_span = |range: &Range<usize>| raw_span(doc, range);
    let title = page_title(&page, &doc.text).map(|t| Block {
        text: t.value,
        span: t.range.as_ref().map_or(Span::new(0, 0), to_span),
    });
    let mut paragraphs = Vec::new();
    for &i in &region.paragraphs {
        let line = &page.lines[i];
        if line.text.len() > config.max_line_bytes {
            diagnostics.push(
                Diagnostic::new(
                    DiagnosticKind::TooLarge,
                    doc.provenance.path.clone(),
                    format!(
                        "paragraph is {} bytes, over the {} byte limit for article text; skipped",
                        line.text.len(),
                        config.max_line_bytes
                    ),
                )
                .at(format!("byte {}", to_span(&line.range).start)),
            );
            continue;
        }
        // A heading that repeats the title is the title, not body text.
        if title.as_ref().is_some_and(|t| t.text == line.text) {
            continue;
        }
        paragraphs.push(Block {
            text: line.text.clone(),
            span: to_span(&line.range),
        });
    }
    if paragraphs.is_empty() {
        diagnostics.push(Diagnostic::new(
            DiagnosticKind::NoArticle,
            doc.provenance.path.clone(),
            "no article text found in the page",
        ));
        return Extraction {
            articles: Vec::new(),
            diagnostics,
        };
    }
    let captions = region
        .captions
        .iter()
        .map(|&i| Block {
            text: page.lines[i].text.clone(),
            span: to_span(&page.lines[i].range),
        })
        .collect();
    let published = page.meta.published();
    let sample = language_sample(&paragraphs);
    let article = Article {
        id: Article::content_id(title.as_ref(), &paragraphs),
        language: lang::language(&sample, page.meta.lang.as_deref()),
        published: published.map(|(date, _)| date),
        published_evidence: published.map(|(_, stated)| DateEvidence {
            source: DateSource::Metadata,
            text: stated.value.clone(),
            span: stated.range.as_ref().map(to_span),
        }),
        source: doc.source_key(),
        url: page
            .meta
            .url()
            .or_else(|| doc.meta.url.clone())
            .or_else(|| doc.provenance.url.clone()),
        provenance: vec![doc.provenance.clone()],
        removed: Vec::new(),
        title,
        captions,
        paragraphs,
    };
    Extraction {
        articles: vec![article],
        diagnostics,
    }
}

/// The title the page states, else its first top-level heading.
fn page_title(page: &Page, text: &str) -> Option<Stated> {
    page.meta
        .title(text)
        .filter(|t| !t.value.is_empty())
        .or_else(|| {
            page.lines
                .iter()
                .find(|l| l.context.tag == Tag::Heading(1))
                .map(|l| Stated {
                    value: l.text.clone(),
                    range: Some(l.range.clone()),
                })
        })
}

/// The first paragraphs, up to the detector's sample size.
fn language_sample(paragraphs: &[Block]) -> String {
    let mut sample = String::new();
    for p in paragraphs {
        if sample.len() >= LANGUAGE_SAMPLE_BYTES {
            break;
        }
        sample.push_str(&p.text);
        sample.push('\n');
    }
    sample
}

/// Maps a range of the decoded text to the raw bytes it was decoded from.
fn raw_span(doc: &RawDoc, range: &Range<usize>) -> Span {
    Span::new(
        doc.offsets.to_raw(range.start as u64),
        doc.offsets.to_raw(range.end as u64),
    )
}
