//! Noun phrases around a cue: the subject before it ("Government spokesperson Fatemeh
//! Mohajerani confirmed"), the speaker after an inverted cue ("said Carole Taylor"), and the
//! addressee after "told". Phrases are token ranges `[start, end)` of the [`Frame`].

use super::frame::Frame;
use super::words::{is_between, is_determiner, is_phrase_boundary, pronoun};

/// Tokens an apposition may run over between a name and its cue.
const APPOSITION_MAX: usize = 30;
/// Words a phrase without a name may have.
const PHRASE_MAX: usize = 6;

/// The subject of the cue at token `cue`, looking no further back than token `floor`.
pub(crate) fn subject_before(frame: &Frame, cue: usize, floor: usize) -> Option<(usize, usize)> {
    let mut j = cue;
    loop {
        while j > floor && is_between(frame.word(j - 1)) {
            j -= 1;
        }
        // "Polls continue to suggest", "she wants to stress": the verb the cue hangs on.
        if j >= floor + 2 && frame.word(j - 1) == "to" && takes_infinitive(frame.word(j - 2)) {
            j -= 2;
        } else {
            break;
        }
    }
    if j <= floor {
        return None;
    }
    let mut head = j - 1;
    // "The two lawmakers, however, argue": the aside is no apposition.
    if frame.written(head) == ","
        && head >= floor + 3
        && frame.written(head - 2) == ","
        && is_aside(frame.word(head - 1))
    {
        head -= 3;
    }
    if frame.written(head) == "," {
        head = before_apposition(frame, head, floor)?;
    } else if is_dash(frame.written(head)) {
        // "insiders in the next two states — Nevada and South Carolina — said".
        let lowest = head.saturating_sub(APPOSITION_MAX).max(floor);
        let open = (lowest..head).rev().find(|&k| is_dash(frame.written(k)))?;
        head = open.checked_sub(1).filter(|&h| h >= floor)?;
    } else if frame.written(head) == ")" {
        let open = (floor..head).rev().find(|&k| frame.written(k) == "(")?;
        head = open.checked_sub(1).filter(|&h| h >= floor)?;
    }
    phrase_ending_at(frame, head, floor)
}

/// The phrase whose last token is `head`: a mention, a pronoun, or a short noun phrase.
fn phrase_ending_at(frame: &Frame, head: usize, floor: usize) -> Option<(usize, usize)> {
    let word = frame.word(head);
    if frame.is_punct(head) || frame.is_mark(head) {
        return None;
    }
    if pronoun(word).is_some() {
        return Some((head, head + 1));
    }
    // "...in a" or "his recent": no head noun, no subject.
    if is_phrase_boundary(word)
        || matches!(
            word,
            "a" | "an" | "the" | "his" | "its" | "their" | "our" | "my" | "your" | "recent" | "own"
        )
    {
        return None;
    }
    let at = frame.tokens[head].start;
    if let Some(m) = frame.mention_at(at) {
        let start = frame.token_from(m.start).max(floor);
        return Some((start, head + 1));
    }
    let mut start = head;
    while start > floor && head - start < PHRASE_MAX {
        let w = frame.word(start - 1);
        if frame.is_punct(start - 1) || is_phrase_boundary(w) {
            break;
        }
        start -= 1;
        if is_determiner(w) {
            break;
        }
    }
    Some((start, head + 1))
}

/// For a subject written "Name, apposition, said": the last token of the name before the comma
/// at `comma`.
fn before_apposition(frame: &Frame, comma: usize, floor: usize) -> Option<usize> {
    let lowest = comma.saturating_sub(APPOSITION_MAX).max(floor + 1);
    let commas: Vec<usize> = (lowest..comma)
        .rev()
        .filter(|&k| frame.written(k) == ",")
        .collect();
    let named = commas.iter().map(|&k| k - 1).find(|&h| {
        frame.mention_at(frame.tokens[h].start).is_some() || pronoun(frame.word(h)).is_some()
    });
    named.or_else(|| {
        commas
            .first()
            .map(|&k| k - 1)
            .filter(|&h| frame.written(h).starts_with(char::is_uppercase))
    })
}

/// The speaker named after an inverted cue ("said Carole Taylor, the minister"), from token
/// `from`, before token `limit`.
pub(crate) fn phrase_after(frame: &Frame, from: usize, limit: usize) -> Option<(usize, usize)> {
    if from >= limit || frame.is_punct(from) || frame.is_mark(from) {
        return None;
    }
    let word = frame.word(from);
    if is_phrase_boundary(word) && !is_determiner(word) {
        return None;
    }
    if pronoun(word).is_some() {
        return Some((from, from + 1));
    }
    // A name within the first three words ends the phrase ("Sen. Brian Schatz").
    for k in from..(from + 3).min(limit) {
        if frame.is_punct(k) {
            break;
        }
        if let Some(m) = frame.mention_at(frame.tokens[k].start) {
            let end = frame.token_from(m.end).min(limit);
            return Some((from, end.max(k + 1)));
        }
    }
    let mut end = from;
    while end < limit && end - from < PHRASE_MAX {
        let w = frame.word(end);
        if frame.is_punct(end) || (end > from && is_phrase_boundary(w)) {
            break;
        }
        end += 1;
    }
    (end > from).then_some((from, end))
}

/// The addressee right after an addressed cue ("told Blinken", "told reporters"), if any.
pub(crate) fn addressee_after(frame: &Frame, from: usize, limit: usize) -> Option<(usize, usize)> {
    let word = frame.word(from);
    if from >= limit || word == "that" || frame.is_punct(from) {
        return None;
    }
    if matches!(word, "him" | "her" | "them" | "me" | "us" | "you") {
        return Some((from, from + 1));
    }
    phrase_after(frame, from, limit)
}

/// Byte range of the token range `[a, b)`.
pub(crate) fn bytes(frame: &Frame, (a, b): (usize, usize)) -> (usize, usize) {
    let start = frame.tokens.get(a).map_or(0, |t| t.start);
    let end = b
        .checked_sub(1)
        .and_then(|k| frame.tokens.get(k))
        .map_or(start, |t| t.end);
    (start, end.max(start))
}

/// Verbs whose infinitive is the cue they carry ("continue to insist", "refused to say").
fn takes_infinitive(word: &str) -> bool {
    matches!(
        word,
        "continue"
            | "continues"
            | "continued"
            | "want"
            | "wants"
            | "wanted"
            | "tried"
            | "tries"
            | "refused"
            | "declined"
            | "seemed"
            | "seems"
            | "appeared"
            | "appears"
            | "went"
            | "plans"
            | "planned"
            | "used"
            | "began"
            | "begins"
            | "hopes"
            | "hoped"
    )
}

/// Whether a token is a dash setting off an apposition.
fn is_dash(written: &str) -> bool {
    matches!(written, "—" | "–" | "--")
}

/// A word set off by commas between a subject and its verb ("however", "meanwhile").
fn is_aside(word: &str) -> bool {
    word.ends_with("ly")
        || matches!(
            word,
            "however"
                | "though"
                | "too"
                | "also"
                | "instead"
                | "meanwhile"
                | "then"
                | "therefore"
                | "nonetheless"
                | "nevertheless"
                | "moreover"
                | "indeed"
                | "still"
                | "again"
                | "later"
                | "earlier"
                | "today"
                | "yesterday"
        )
}
