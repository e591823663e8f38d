//! Headlines that attribute with a colon: "Lynch: No outside influence on FBI probe", "Poll:
//! Wealthy Voters Abandon Republican Party". The words before the colon are the speaker, the
//! colon the cue, the rest of the title (its final period left out) the content.

use super::frame::{Draft, Frame};
use super::phrase::bytes;
use super::types::QuoteKind;
use crate::entities::BlockKind;

/// Words a headline's speaker may have.
const SPEAKER_MAX: usize = 6;
/// Words the content needs at least.
const CONTENT_MIN: usize = 3;

/// Adds the attribution of the article's title, if it has one, to `drafts`.
pub(crate) fn find(frame: &Frame, drafts: &mut Vec<Draft>) {
    let Some(&(bs, be)) = frame.blocks.first() else {
        return;
    };
    let is_title = frame
        .article
        .locate(bs, bs)
        .is_some_and(|span| span.block.kind == BlockKind::Title);
    if !is_title {
        return;
    }
    let (first, end) = (frame.token_from(bs), frame.token_from(be));
    let Some(colon) = (first..end.min(first + SPEAKER_MAX + 1)).find(|&k| frame.written(k) == ":")
    else {
        return;
    };
    let mut stop = end;
    while stop > colon + 1 && frame.is_terminal(stop - 1) {
        stop -= 1;
    }
    if colon == first || stop < colon + 1 + CONTENT_MIN {
        return;
    }
    let content = bytes(frame, (colon + 1, stop));
    let cue = bytes(frame, (colon, colon + 1));
    let kind = if frame.is_mark(colon + 1) {
        QuoteKind::Direct
    } else {
        QuoteKind::Indirect
    };
    drafts.push(Draft {
        kind,
        pieces: vec![content],
        cue: Some((cue, ":")),
        speaker: Some(bytes(frame, (first, colon))),
        addressee: None,
        within: None,
        frame_end: cue.1,
    });
}
