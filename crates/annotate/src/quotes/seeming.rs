//! Attributions without a source: "Yellen is widely expected to lay the ground work", "Sanders
//! seemed to concede". The content is the subject and the infinitive after the cue, as two
//! pieces; no one is named as its speaker. ("is likely to" is left out: far more often the
//! writer's own forecast than anyone's reported view.)

use super::frame::{Draft, Frame};
use super::phrase::{bytes, subject_before};
use super::types::QuoteKind;

/// The cue's lemma when `word` (after "is", "are", "was"... where `passive`) opens one.
fn seeming(word: &str, passive: bool) -> Option<&'static str> {
    match word {
        "seem" | "seems" | "seemed" => Some("seem"),
        "appear" | "appears" | "appeared" => Some("appear"),
        "expected" if passive => Some("be expected"),
        _ => None,
    }
}

/// Adds the sourceless attributions of every sentence to `drafts`.
pub(crate) fn find(frame: &Frame, drafts: &mut Vec<Draft>) {
    for s in &frame.sentences {
        let (first, end) = (s.tokens.start, s.tokens.end);
        for k in first..end {
            if frame.word(k + 1) != "to" || frame.quote_at(frame.tokens[k].start).is_some() {
                continue;
            }
            let passive = (first..k)
                .rev()
                .take(3)
                .any(|t| matches!(frame.word(t), "is" | "are" | "was" | "were" | "be" | "been"));
            let Some(lemma) = seeming(frame.word(k), passive) else {
                continue;
            };
            let Some(subject) = subject_before(frame, k, first) else {
                continue;
            };
            let mut stop = end;
            while stop > k + 2 && (frame.is_terminal(stop - 1) || frame.is_punct(stop - 1)) {
                if frame.is_mark(stop - 1) {
                    break;
                }
                stop -= 1;
            }
            if stop <= k + 2 {
                continue;
            }
            let cue = bytes(frame, (k, k + 1));
            drafts.push(Draft {
                kind: QuoteKind::Indirect,
                pieces: vec![bytes(frame, subject), bytes(frame, (k + 1, stop))],
                cue: Some((cue, lemma)),
                speaker: None,
                addressee: None,
                within: None,
                frame_end: cue.1,
            });
        }
    }
}
