//! One article of a dump: pick the title, captions and body; record what was removed and why; read
//! the publication date the text states.
//!
//! The body is the densest run of prose: each unit scores by how much it reads like body text
//! (positive for sentences, negative for menus, bylines and other short furniture) and the body is the
//! contiguous run with the highest total. Short headings and one-line paragraphs inside the run are
//! kept; furniture before and after it is not. Removed and caption lines are transparent to the run,
//! so a share bar between two paragraphs does not cut the body in two.

use std::collections::HashSet;

use chancery_model::{
    Article, ArticleMeta, Block, DateEvidence, DateSource, RawDoc, RemovalReason, RemovedLine, Span,
};

use super::features::Features;
use super::phrases::Phrase;
use super::segment::is_title_candidate;
use super::units::Unit;
use crate::dates;

/// How far before the body a title is looked for, in units.
const TITLE_WINDOW: usize = 12;
/// Paragraphs of prose seen before a comment marker is taken to end the article.
const PROSE_BEFORE_COMMENTS: usize = 2;

#[derive(Debug, Clone, Copy, PartialEq, Eq)]
enum Role {
    Pending,
    Title,
    Caption,
    Body,
    Removed(RemovalReason),
}

/// Builds the article of one segment, or `None` when it holds no body text.
pub fn build(doc: &RawDoc, source: &str, units: &[Unit], features: &[Features]) -> Option<Article> {
    let mut roles = initial_roles(features);
    mark_captions_and_repeats(features, &mut roles);
    let (body_start, body_end) = body_region(features, &roles)?;
    let title = choose_title(doc, features, &roles, body_start);
    if let Some(t) = title {
        roles[t] = Role::Title;
    }
    let title_hash = title
        .map(|t| features[t].hash)
        .or_else(|| doc.meta.title.as_deref().map(super::evidence::line_hash));
    for (i, role) in roles.iter_mut().enumerate() {
        *role = match *role {
            Role::Pending if (body_start..=body_end).contains(&i) => Role::Body,
            Role::Pending => Role::Removed(RemovalReason::PageFurniture),
            Role::Caption if i > body_end => Role::Removed(RemovalReason::PageFurniture),
            Role::Removed(RemovalReason::RepeatedParagraph)
                if Some(features[i].hash) == title_hash =>
            {
                Role::Removed(RemovalReason::RepeatedTitle)
            }
            Role::Body if Some(features[i].hash) == title_hash => {
                Role::Removed(RemovalReason::RepeatedTitle)
            }
            other => other,
        };
    }
    Some(assemble(doc, source, units, features, &roles, title))
}

/// Curated phrases, corpus repeats, fragments and comment sections are removed before anything else.
fn initial_roles(features: &[Features]) -> Vec<Role> {
    let mut roles = Vec::with_capacity(features.len());
    let mut prose_seen = 0;
    let mut in_comments = false;
    for f in features {
        let role = if in_comments {
            Role::Removed(RemovalReason::Comments)
        } else {
            match f.phrase {
                Some(Phrase::CommentsStart) if prose_seen >= PROSE_BEFORE_COMMENTS => {
                    in_comments = true;
                    Role::Removed(RemovalReason::Comments)
                }
                Some(_) => Role::Removed(RemovalReason::BoilerplatePhrase),
                None if f.repeated_in_source => Role::Removed(RemovalReason::RepeatedInSource),
                None if f.fragment || f.separator => Role::Removed(RemovalReason::Fragment),
                None => Role::Pending,
            }
        };
        if f.is_prose() {
            prose_seen += 1;
        }
        roles.push(role);
    }
    roles
}

/// Captions are told by their credit; any line already seen (same normalised text) is a repeat.
fn mark_captions_and_repeats(features: &[Features], roles: &mut [Role]) {
    let mut seen = HashSet::new();
    for (f, role) in features.iter().zip(roles.iter_mut()) {
        if *role != Role::Pending {
            continue;
        }
        let first = seen.insert(f.hash);
        *role = match (f.caption, first) {
            (true, true) => Role::Caption,
            (true, false) => Role::Removed(RemovalReason::RepeatedCaption),
            (false, true) => Role::Pending,
            (false, false) => Role::Removed(RemovalReason::RepeatedParagraph),
        };
    }
}

/// How much a unit reads like body text.
fn body_score(f: &Features) -> f32 {
    if f.is_prose() {
        f.words as f32
    } else if f.is_short_sentence() {
        f.words as f32 * 0.5
    } else if f.date_line || f.byline {
        -2.0
    } else if is_title_candidate(f) && f.words <= 15 {
        -1.0
    } else {
        -(2.0 + f.words as f32 * 0.5)
    }
}

/// The contiguous run of pending units with the highest total score (Kadane), as inclusive unit
/// indices; `None` when no unit reads like prose.
fn body_region(features: &[Features], roles: &[Role]) -> Option<(usize, usize)> {
    let mut best: Option<(f32, usize, usize)> = None;
    let mut current: Option<(f32, usize)> = None;
    for (i, (f, role)) in features.iter().zip(roles).enumerate() {
        if *role != Role::Pending {
            continue;
        }
        let score = body_score(f);
        let (sum, start) = match current {
            Some((sum, start)) if sum > 0.0 => (sum + score, start),
            _ => (score, i),
        };
        current = Some((sum, start));
        if sum > 0.0 && best.is_none_or(|(b, _, _)| sum > b) {
            best = Some((sum, start, i));
        }
    }
    let (_, start, end) = best?;
    features[start..=end]
        .iter()
        .any(|f| f.is_prose() || f.is_short_sentence())
        .then_some((start, end))
}

/// The title: a title-like line before the body that the dump repeats, else the nearest title-like
/// line before the body with at least three words (or two, failing that).
fn choose_title(
    doc: &RawDoc,
    features: &[Features],
    roles: &[Role],
    body_start: usize,
) -> Option<usize> {
    if let Some(meta_title) = doc.meta.title.as_deref() {
        let hash = super::evidence::line_hash(meta_title);
        return (0..features.len())
            .find(|&i| features[i].hash == hash && roles[i] == Role::Pending);
    }
    let window = body_start.saturating_sub(TITLE_WINDOW)..body_start;
    let candidate = |i: &usize| roles[*i] == Role::Pending && is_title_candidate(&features[*i]);
    let repeated: HashSet<u64> = roles
        .iter()
        .zip(features)
        .filter(|(r, _)| matches!(r, Role::Removed(RemovalReason::RepeatedParagraph)))
        .map(|(_, f)| f.hash)
        .collect();
    window
        .clone()
        .filter(candidate)
        .find(|&i| repeated.contains(&features[i].hash))
        .or_else(|| {
            window
                .clone()
                .rev()
                .filter(candidate)
                .find(|&i| features[i].words >= 3)
        })
        .or_else(|| {
            window
                .rev()
                .filter(candidate)
                .find(|&i| features[i].words >= 2)
        })
}

fn assemble(
    doc: &RawDoc,
    source: &str,
    units: &[Unit],
    features: &[Features],
    roles: &[Role],
    title: Option<usize>,
) -> Article {
    let block = |i: usize| Block {
        text: clean_text(units[i].text(&doc.text)),
        span: span_of(doc, &units[i]),
    };
    let title_block = match (title, doc.meta.title.as_deref()) {
        (Some(t), _) => Some(block(t)),
        (None, Some(meta)) => Some(Block {
            text: clean_text(meta),
            span: Span::new(0, 0),
        }),
        (None, None) => None,
    };
    let mut captions = Vec::new();
    let mut paragraphs = Vec::new();
    let mut removed = Vec::new();
    for (i, role) in roles.iter().enumerate() {
        match role {
            Role::Caption => captions.push(block(i)),
            Role::Body => paragraphs.push(block(i)),
            Role::Removed(reason) => removed.push(RemovedLine {
                text: units[i].text(&doc.text).to_string(),
                span: span_of(doc, &units[i]),
                reason: *reason,
            }),
            Role::Title | Role::Pending => {}
        }
    }
    let (published, published_evidence) =
        publication_date(doc, units, features, roles, &captions, &paragraphs);
    Article {
        id: Article::content_id(title_block.as_ref(), &paragraphs),
        language: crate::language::detect_language(&paragraphs),
        title: title_block,
        captions,
        paragraphs,
        published,
        published_evidence,
        source: source.to_string(),
        url: doc.meta.url.clone().or_else(|| doc.provenance.url.clone()),
        provenance: vec![doc.provenance.clone()],
        removed,
        meta: ArticleMeta::default(),
        entities: Vec::new(),
        dates: Vec::new(),
        amounts: Vec::new(),
        quotes: Vec::new(),
        events: Vec::new(),
    }
}

/// Article text keeps its characters as written; only ends are trimmed (done by the units) and the
/// line breaks of wrapped units are already spaces.
fn clean_text(text: &str) -> String {
    text.trim().to_string()
}

fn span_of(doc: &RawDoc, unit: &Unit) -> Span {
    Span::new(
        doc.offsets.to_raw(unit.start as u64),
        doc.offsets.to_raw(unit.end as u64),
    )
}

/// The publication date stated by the input or the text: metadata first, then a date line before
/// the body, a dateline opening the first paragraph, then a photo caption. A date after the fetch
/// date is not a publication date.
fn publication_date(
    doc: &RawDoc,
    units: &[Unit],
    features: &[Features],
    roles: &[Role],
    captions: &[Block],
    paragraphs: &[Block],
) -> (Option<chrono::NaiveDate>, Option<DateEvidence>) {
    let not_future = |date: chrono::NaiveDate| {
        doc.meta
            .fetched_at
            .or(doc.provenance.fetched_at)
            .is_none_or(|f| date <= f.date_naive())
    };
    if let Some(date) = doc.meta.published.filter(|d| not_future(*d)) {
        let evidence = DateEvidence {
            source: DateSource::Metadata,
            text: date.to_string(),
            span: None,
        };
        return (Some(date), Some(evidence));
    }
    let first_body = roles
        .iter()
        .position(|r| *r == Role::Body)
        .unwrap_or(roles.len());
    let date_lines = (0..first_body).filter(|&i| features[i].date_line).map(|i| {
        let text = units[i].text(&doc.text);
        (DateSource::DateLine, text, span_of(doc, &units[i]))
    });
    let dateline = paragraphs.first().map(|p| {
        let head = p.text.get(..p.text.len().min(80)).unwrap_or("");
        (DateSource::Dateline, head, p.span)
    });
    let caption_dates = captions
        .iter()
        .map(|c| (DateSource::Caption, c.text.as_str(), c.span));
    for (source, text, span) in date_lines.chain(dateline).chain(caption_dates) {
        if let Some((date, range)) = dates::find_full_date(text) {
            if source == DateSource::Dateline && !is_dateline_position(text, range.start) {
                continue;
            }
            if not_future(date) {
                let evidence = DateEvidence {
                    source,
                    text: text[range].to_string(),
                    span: Some(span),
                };
                return (Some(date), Some(evidence));
            }
        }
    }
    (None, None)
}

/// A dateline date comes before the first sentence starts: "KYIV, Feb. 28, 2023 (Reuters) -".
fn is_dateline_position(text: &str, date_start: usize) -> bool {
    let before = &text[..date_start];
    before.split_whitespace().count() <= 4 && !before.contains(['.', '!', '?'])
}
