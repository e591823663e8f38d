//! Assembles the article of a page from its walk: title, body region, captions, metadata
//! (authors, dates, site, ...), language and URL, with every block's span mapped back to the raw
//! bytes.

use std::ops::Range;

use chancery_model::{
    Article, ArticleMeta, Block, DateEvidence, DateSource, Diagnostic, DiagnosticKind, MetaSource,
    RawDoc, Span,
};

use super::describe;
use super::meta::Stated;
use super::tags::Tag;
use super::walk::{walk, Page};
use super::{lang, region};
use crate::{ExtractConfig, Extraction};

/// Top-level headings compared with the stated title, at most.
const MAX_TITLE_HEADINGS: usize = 4;
/// Shortest heading, in characters, taken for the title on the stated title's word.
const MIN_TITLE_CHARS: usize = 8;

/// Extracts the article of an HTML page, with its metadata.
pub fn extract_page(doc: &RawDoc, config: &ExtractConfig) -> (Extraction, ArticleMeta) {
    let page = walk(&doc.text);
    let region = region::choose(&page);
    let mut diagnostics = Vec::new();
    let to_span = |range: &Range<usize>| raw_span(doc, range);
    let title = page_title(&page, &doc.text);
    let title_line = title_line(&page, title.as_ref().map(|t| t.value.as_str()));
    let title = title.map(|t| Block {
        text: t.value,
        span: t.range.as_ref().map_or(Span::new(0, 0), to_span),
    });
    let body_start = region.paragraphs.first().copied();
    let (meta, published) =
        describe::describe(&page, doc, &region.furniture, title_line, body_start);
    let mut paragraphs = Vec::new();
    for line in region.paragraphs.iter().filter_map(|&i| page.lines.get(i)) {
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
        return (
            Extraction {
                articles: Vec::new(),
                diagnostics,
            },
            meta,
        );
    }
    let captions = region
        .captions
        .iter()
        .filter_map(|&i| page.lines.get(i))
        .map(|line| Block {
            text: line.text.clone(),
            span: to_span(&line.range),
        })
        .collect();
    let sample = crate::language::sample(&paragraphs);
    let article = Article {
        id: Article::content_id(title.as_ref(), &paragraphs),
        language: lang::language(&sample, page.meta.lang.as_deref()),
        published: published.as_ref().map(|p| p.time.date),
        published_evidence: published.as_ref().map(|p| DateEvidence {
            source: match p.source {
                MetaSource::Text => DateSource::DateLine,
                _ => DateSource::Metadata,
            },
            text: p.text.clone(),
            span: p.range.as_ref().map(to_span),
        }),
        source: doc.source_key(),
        url: meta
            .canonical_url
            .clone()
            .or_else(|| doc.meta.url.clone())
            .or_else(|| doc.provenance.url.clone()),
        provenance: vec![doc.provenance.clone()],
        removed: Vec::new(),
        meta: meta.clone(),
        entities: Vec::new(),
        dates: Vec::new(),
        amounts: Vec::new(),
        quotes: Vec::new(),
        events: Vec::new(),
        title,
        captions,
        paragraphs,
    };
    (
        Extraction {
            articles: vec![article],
            diagnostics,
        },
        meta,
    )
}

/// The title: a top-level heading whose text the stated title holds (the stated one often adds
/// the site's name or a section), else the stated title without a trailing site name, else the
/// first top-level heading.
fn page_title(page: &Page, text: &str) -> Option<Stated> {
    let heading = |l: &&super::lines::Line| l.context.tag == Tag::Heading(1);
    let as_stated = |l: &super::lines::Line| Stated {
        value: l.text.clone(),
        range: Some(l.range.clone()),
    };
    if let Some(full) = page.meta.full_title().map(|t| t.to_lowercase()) {
        let shown = page
            .lines
            .iter()
            .filter(heading)
            .take(MAX_TITLE_HEADINGS)
            .find(|l| l.chars >= MIN_TITLE_CHARS && full.contains(&l.text.to_lowercase()));
        if let Some(line) = shown {
            return Some(as_stated(line));
        }
    }
    page.meta
        .title(text)
        .filter(|t| !t.value.is_empty())
        .or_else(|| page.lines.iter().find(heading).map(as_stated))
}

/// The line showing the title: a top-level heading with the title's text, else the first
/// top-level heading.
fn title_line(page: &Page, title: Option<&str>) -> Option<usize> {
    let headings = || {
        page.lines
            .iter()
            .enumerate()
            .filter(|(_, l)| l.context.tag == Tag::Heading(1))
    };
    title
        .and_then(|t| headings().find(|(_, l)| l.text == t).map(|(i, _)| i))
        .or_else(|| headings().next().map(|(i, _)| i))
}

/// Maps a range of the decoded text to the raw bytes it was decoded from.
fn raw_span(doc: &RawDoc, range: &Range<usize>) -> Span {
    Span::new(
        doc.offsets.to_raw(range.start as u64),
        doc.offsets.to_raw(range.end as u64),
    )
}
