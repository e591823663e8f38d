//! Quoted labels a verb puts on someone or something: "has been pounding Trump as a “con
//! artist”", "openly admires Putin as a “strong leader,”", "likened the rules to “burning the
//! Constitution”". The verbs are too many for the cue lexicon; the shape, a verb, its object,
//! "as" and words in quotation marks, is what marks the attribution ("known as the “Buffett
//! rule”", with no object, is a name, not one). The content is the object with its label; the
//! speaker is the verb's subject, when it has one.

use super::frame::{Draft, Frame, Range};
use super::phrase::{bytes, subject_before};
use super::types::QuoteKind;
use super::words::{is_determiner, is_phrase_boundary};

/// Tokens between "as" and the opening mark of the label ("as being a").
const LEAD_MAX: usize = 2;
/// Tokens of object between the verb and "as".
const OBJECT_MAX: usize = 8;

/// Drafts for the quoted stretches in `loose` that label an object and that no draft in
/// `drafts` (sorted by start) holds or overlaps.
pub(crate) fn find(frame: &Frame, drafts: &[Draft], loose: &[Range]) -> Vec<Draft> {
    let mut found = Vec::new();
    for &(s, e) in loose {
        let upto = drafts.partition_point(|d| d.start() < e);
        let held = drafts[..upto]
            .iter()
            .any(|d| d.pieces.iter().any(|p| p.0 < e && s < p.1));
        if !held {
            found.extend(labelled(frame, (s, e)));
        }
    }
    found
}

/// The attribution of the quoted label `(s, e)`, if "as" and a verb come before it.
fn labelled(frame: &Frame, (s, e): Range) -> Option<Draft> {
    let open = frame.token_from(s);
    let first = frame.sentence_tokens(open).start;
    let mut as_at = open.checked_sub(1)?;
    while as_at > first
        && open - as_at <= LEAD_MAX
        && matches!(frame.word(as_at), "a" | "an" | "the" | "being")
    {
        as_at -= 1;
    }
    let likened = |k: usize| {
        matches!(
            frame.word(k),
            "likened" | "likens" | "compared" | "compares"
        )
    };
    let to_at = (frame.word(as_at) == "to").then_some(as_at);
    if !(frame.word(as_at) == "as" || to_at.is_some()) || as_at <= first {
        return None;
    }
    let verb = (as_at.saturating_sub(OBJECT_MAX).max(first)..as_at)
        .rev()
        .take_while(|&k| !frame.is_punct(k) || matches!(frame.written(k), "’s" | "'s" | "%"))
        .find(|&k| is_verb_form(frame, k) && object_start(frame, k) < as_at)?;
    // "likened the rules to “burning the Constitution”": "to" only after a verb of likeness.
    if to_at.is_some() && !likened(verb) {
        return None;
    }
    let close = frame.token_from(e);
    let object = object_start(frame, verb);
    let speaker = subject_before(frame, verb, first).map(|r| bytes(frame, r));
    let cue = bytes(frame, (verb, verb + 1));
    Some(Draft {
        kind: QuoteKind::Indirect,
        pieces: vec![bytes(frame, (object.min(close), close))],
        cue: Some((cue, "describe")),
        speaker,
        addressee: None,
        within: None,
        frame_end: cue.1,
    })
}

/// The first token of the object of the verb at `verb`: "going after Trump as ...", "comes
/// across as ...": a particle belongs to the verb.
fn object_start(frame: &Frame, verb: usize) -> usize {
    if matches!(
        frame.word(verb + 1),
        "after" | "off" | "out" | "up" | "down" | "across"
    ) {
        verb + 2
    } else {
        verb + 1
    }
}

/// Whether token `k` reads as a verb taking an object: a lower-case word in "-ed", "-ing", a
/// few irregular participles ("gone"), or "-s" after a name or an adverb ("openly admires"),
/// not a determiner or a preposition.
fn is_verb_form(frame: &Frame, k: usize) -> bool {
    let written = frame.written(k);
    let word = frame.word(k);
    if !written.starts_with(char::is_lowercase) || is_determiner(word) || is_phrase_boundary(word) {
        return false;
    }
    let before = frame.written(k.wrapping_sub(1));
    word.len() > 3
        && (word.ends_with("ed")
            || matches!(word, "gone" | "seen" | "taken" | "written")
            || (word.ends_with("ing") && !matches!(word, "thing" | "nothing" | "something"))
            || (word.ends_with('s')
                && !word.ends_with("ss")
                && !word.ends_with("us")
                && (before.starts_with(char::is_uppercase) || before.ends_with("ly"))))
}
