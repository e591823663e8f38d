//! One attribution found twice: "Obama said he hoped it would encourage a dialogue" gives the
//! content "he hoped it would ..." to "said" and "it would ..." to "hoped", and two rules may
//! read one sentence two ways. When two drafts share most of their words and the smaller one's
//! speaker is the larger one's (the same words, a pronoun, or none), the larger one says it all
//! and the smaller is dropped. Nested attributions of someone else ("Trump said Clinton once
//! described the deal as ...") are kept: both tell who said what.

use super::frame::{Draft, Frame, Range};
use super::words::pronoun;

/// `drafts` (sorted by start) without the smaller of two drafts that say nearly the same words
/// for the same speaker.
pub(crate) fn without_doubles(frame: &Frame, drafts: Vec<Draft>) -> Vec<Draft> {
    let mut dropped = vec![false; drafts.len()];
    for i in 0..drafts.len() {
        for j in i + 1..drafts.len() {
            let (a, b) = (&drafts[i], &drafts[j]);
            if b.start() >= a.end() {
                break;
            }
            if dropped[i] || dropped[j] || 2 * shared(a, b) < length(a).max(length(b)) {
                continue;
            }
            let (outer, inner) = if length(a) >= length(b) {
                (i, j)
            } else {
                (j, i)
            };
            if same_speaker(frame, drafts[outer].speaker, drafts[inner].speaker) {
                dropped[inner] = true;
            }
        }
    }
    drafts
        .into_iter()
        .zip(dropped)
        .filter_map(|(d, gone)| (!gone).then_some(d))
        .collect()
}

/// Whether the inner draft's speaker adds no one: missing, a pronoun, or written as the outer's.
fn same_speaker(frame: &Frame, outer: Option<Range>, inner: Option<Range>) -> bool {
    let text = |r: Range| frame.text.get(r.0..r.1).unwrap_or("").to_lowercase();
    let Some(inner) = inner else {
        return true;
    };
    let inner = text(inner);
    pronoun(&inner).is_some() || outer.is_some_and(|o| text(o) == inner)
}

/// Bytes the pieces of two drafts share.
fn shared(a: &Draft, b: &Draft) -> usize {
    b.pieces.iter().map(|&q| a.shared_with(q)).sum()
}

/// Bytes of a draft's pieces.
fn length(d: &Draft) -> usize {
    d.pieces.iter().map(|p| p.1.saturating_sub(p.0)).sum()
}
