//! Quoted passages no cue claims: a long stretch between quotation marks standing on its own,
//! most often a block quote after a paragraph that names its source ("In a statement, the
//! ministry wrote:" ... "We will not ..."), or a tweet set off by itself. Short stretches are left
//! alone: without a cue they are far more often scare quotes and titles ("so-called", “The Walking
//! Dead”) than words someone said.
//!
//! The speaker is taken from the nearest attribution before the passage, which is how such
//! passages are read.

use super::frame::{Draft, Frame, Range};
use super::types::QuoteKind;

/// Words a quoted stretch needs to stand as a quote without a cue.
const MIN_WORDS: usize = 8;

/// Drafts for the quoted stretches in `loose` that no draft in `drafts` (sorted by start) holds
/// or overlaps, each with the speaker of the nearest draft before it.
pub(crate) fn find(frame: &Frame, drafts: &[Draft], loose: &[Range]) -> Vec<Draft> {
    let mut found = Vec::new();
    for &(s, e) in loose {
        let words = (frame.token_from(s)..frame.token_from(e))
            .filter(|&k| !frame.is_punct(k))
            .count();
        if words < MIN_WORDS {
            continue;
        }
        let upto = drafts.partition_point(|d| d.start() < e);
        let overlaps = drafts[..upto]
            .iter()
            .any(|d| d.pieces.iter().any(|p| p.0 < e && s < p.1));
        if overlaps {
            continue;
        }
        let speaker = drafts[..upto]
            .iter()
            .rev()
            .filter(|d| d.kind != QuoteKind::Partial && d.end() <= s)
            .find_map(|d| d.speaker);
        found.push(Draft {
            kind: QuoteKind::Direct,
            pieces: vec![(s, e)],
            cue: None,
            speaker,
            addressee: None,
            within: None,
            frame_end: e,
        });
    }
    found
}
