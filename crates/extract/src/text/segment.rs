//! Where one article of a dump ends and the next begins.
//!
//! An article starts where a title-like line follows an unusually large gap (more blank lines than
//! the dump puts between paragraphs), a separator line, or a title-like line that the dump repeats a
//! few lines later (scrapers save the headline twice: once as the page title, once as the story
//! heading). A split is only made once the current article has body prose and when prose follows, so
//! trailing furniture and headings between paragraphs do not start articles.

use std::ops::Range;

use super::features::Features;
use super::units::Unit;

/// How far ahead a repeat of a title is looked for.
const REPEAT_WINDOW: usize = 10;
/// How far ahead body prose must start for a title to open an article.
const BODY_WINDOW: usize = 20;

/// Ranges of unit indices, one per article, covering all units in order.
pub fn split_articles(units: &[Unit], features: &[Features]) -> Vec<Range<usize>> {
    let big_gap = typical_gap(units) + 1;
    let mut starts = vec![0];
    let mut has_body = false;
    for (i, (unit, f)) in units.iter().zip(features).enumerate() {
        if i > 0 && has_body {
            let opens = (f.separator && prose_within(features, i + 1))
                || (is_title_candidate(f)
                    && (unit.blank_before >= big_gap || repeats_soon(features, i))
                    && prose_within(features, i + 1));
            if opens {
                starts.push(i);
                has_body = false;
            }
        }
        has_body |= f.is_prose();
    }
    let mut ranges: Vec<Range<usize>> = starts.windows(2).map(|w| w[0]..w[1]).collect();
    if let Some(&last) = starts.last() {
        ranges.push(last..units.len());
    }
    ranges.retain(|r| !r.is_empty());
    ranges
}

/// A line that may be an article's title.
pub fn is_title_candidate(f: &Features) -> bool {
    f.title_like && !f.caption && f.phrase.is_none() && !f.date_line && !f.byline && !f.fragment
}

/// The usual number of blank lines between paragraphs (at least one).
fn typical_gap(units: &[Unit]) -> usize {
    let mut gaps: Vec<usize> = units.iter().skip(1).map(|u| u.blank_before).collect();
    if gaps.is_empty() {
        return 1;
    }
    let middle = gaps.len() / 2;
    (*gaps.select_nth_unstable(middle).1).max(1)
}

fn repeats_soon(features: &[Features], i: usize) -> bool {
    let hash = features[i].hash;
    features[i + 1..]
        .iter()
        .take(REPEAT_WINDOW)
        .any(|f| f.hash == hash)
}

fn prose_within(features: &[Features], from: usize) -> bool {
    features
        .iter()
        .skip(from)
        .take(BODY_WINDOW)
        .any(Features::is_prose)
}
