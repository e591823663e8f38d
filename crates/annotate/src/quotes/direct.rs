//! Direct quotes: quoted stretches tied to a speech cue after them (`"...," she said`, `"...,"
//! said Taylor`), before them (`Blinken said: "..."`), or continuing an attributed quote: the
//! second half of a quote split around its cue (`"A," he said. "B."`, `"A," he said, "B."`)
//! and a paragraph opening with a mark after a paragraph that ended in an attributed quote.
//! Quoted stretches none of these claim are returned loose: reported speech may hold them.

use super::frame::{Draft, Frame, Range};
use super::lexicon::{CueWord, Takes};
use super::marks::Quoted;
use super::phrase::{addressee_after, bytes, phrase_after, subject_before};
use super::types::QuoteKind;

/// Tokens after a quote searched for its cue.
const AFTER_MAX: usize = 30;
/// "read" after a quote: what a sign or message says.
const READ: CueWord = CueWord {
    lemma: "read",
    takes: Takes::Speech,
    addressed: false,
};
/// Tokens of an apposition between a quote's frame and the rest of the quote, at the most.
const APPOSITION_GAP_MAX: usize = 16;
/// Tokens between an attributed quote and one that continues it, at the most.
const CONTINUE_GAP_MAX: usize = 80;
/// Tokens of punctuation and conjunctions between a quote's frame and the rest of the quote.
const JOIN_GAP_MAX: usize = 3;
/// Words a title in quotation marks may have.
const TITLE_WORDS: usize = 5;
/// Tokens a cue before a quote may stand from it ("told reporters on Tuesday:").
const BEFORE_GAP_MAX: usize = 8;

/// What direct quote finding leaves.
#[derive(Debug, Default)]
pub(crate) struct Direct {
    pub drafts: Vec<Draft>,
    /// Quoted stretches no rule attributed.
    pub loose: Vec<Range>,
    /// Tokens used as cues.
    pub used: Vec<usize>,
}

/// Finds the direct quotes of every block.
pub(crate) fn find(frame: &Frame) -> Direct {
    let mut out = Direct::default();
    // The draft the previous block ended with, when a quote there may continue here.
    let mut carried: Option<usize> = None;
    for &(bs, be) in &frame.blocks {
        let first = frame.quoted.partition_point(|q| q.start < bs);
        let last = frame.quoted.partition_point(|q| q.start < be);
        let quotes = frame.quoted.get(first..last).unwrap_or(&[]);
        let mut in_block: Option<usize> = None;
        for (n, q) in quotes.iter().enumerate() {
            let next_start = quotes.get(n + 1).map_or(be, |nq| nq.start);
            if is_title(frame, q) {
                continue;
            }
            let follows = in_block.filter(|&d| follows_frame(frame, &out.drafts[d], q));
            let attributed = attribute_after(frame, q, next_start, be).or_else(|| {
                follows
                    .is_none()
                    .then(|| attribute_before(frame, q, bs))
                    .flatten()
            });
            if let Some(d) = attributed {
                for &(c, _) in d.cue.iter() {
                    out.used.push(frame.token_from(c.0));
                }
                out.drafts.push(d);
                in_block = Some(out.drafts.len() - 1);
                continue;
            }
            let continued = match in_block {
                Some(d) => {
                    (follows.is_some() || opens_sentence(frame, &out.drafts[d], q)).then_some(d)
                }
                None if q.start == bs => carried,
                None => None,
            };
            match continued {
                Some(d) => {
                    out.drafts[d].pieces.push((q.start, q.end));
                    in_block = Some(d);
                }
                None => out.loose.push((q.start, q.end)),
            }
        }
        // Only words set off as a quote run on: after `she felt ... because “A,” she said.` a
        // paragraph in quotation marks is an attribution of its own.
        carried = in_block.filter(|&d| {
            out.drafts[d].kind == QuoteKind::Direct && ends_block(frame, &out.drafts[d], be)
        });
    }
    out
}

/// Whether the quote `q` follows draft `d`'s cue and speaker with only punctuation between:
/// `"A," he said, "B."`.
fn follows_frame(frame: &Frame, d: &Draft, q: &Quoted) -> bool {
    let from = frame.token_from(d.frame_end.max(d.end()));
    let to = frame.token_from(q.start);
    // `"A," he said, but "B."` and `... Jordan said, and still "B."`: joined by a conjunction.
    let joining = |k: usize| matches!(frame.word(k), "but" | "and" | "still" | "yet" | "then");
    if (from..to).all(|k| frame.is_punct(k) || (to - from <= JOIN_GAP_MAX && joining(k))) {
        return true;
    }
    // `"A," said X, a spokesman for Y, "B."`: the rest of the frame's sentence, no cue in it.
    to.saturating_sub(from) <= APPOSITION_GAP_MAX
        && matches!(frame.written(to.wrapping_sub(1)), "," | ":")
        && !(from..to)
            .any(|k| frame.is_terminal(k) || frame.is_mark(k) || frame.cue_at(k).is_some())
}

/// Whether the quote `q` opens a sentence after draft `d` with no cue between: `"A," he said.
/// "B."`.
fn opens_sentence(frame: &Frame, d: &Draft, q: &Quoted) -> bool {
    let from = frame.token_from(d.frame_end.max(d.end()));
    let to = frame.token_from(q.start);
    to.saturating_sub(from) <= CONTINUE_GAP_MAX
        && starts_sentence(frame, to)
        && !(from..to).any(|k| {
            frame
                .cue_at(k)
                .is_some_and(|(c, _)| c.takes == Takes::Speech)
                && !is_subordinate(frame.word(k.wrapping_sub(1)))
        })
}

/// Whether token `open` (an opening mark) starts a sentence: the splitter says so, or it
/// follows a sentence's final punctuation (which a doubled mark may be read as closing).
fn starts_sentence(frame: &Frame, open: usize) -> bool {
    let Some(before) = open.checked_sub(1) else {
        return true;
    };
    frame.sentence_tokens(open).start == open
        || frame.is_terminal(before)
        || (frame.written(before) == "'" && before > 0 && frame.is_terminal(before - 1))
}

/// Whether draft `d` reaches the last sentence of the block ending at `be`.
fn ends_block(frame: &Frame, d: &Draft, be: usize) -> bool {
    let last_token = frame.token_from(be).saturating_sub(1);
    let last_sentence = frame.sentence_tokens(last_token).start;
    let reach = frame.token_from(d.frame_end.max(d.end())).saturating_sub(1);
    reach >= last_sentence
}

/// `"...," she said` / `"...," said Taylor`: the cue after the quote, before the next quote.
fn attribute_after(frame: &Frame, q: &Quoted, next_start: usize, be: usize) -> Option<Draft> {
    let from = frame.token_from(q.end);
    let limit = frame.token_from(next_start.min(be));
    let open = frame.token_from(q.start);
    let inner_end = frame.text.get(q.start..q.end).and_then(|s| {
        s.trim_end_matches(['"', '”', '»', '\'', '`'])
            .chars()
            .last()
    });
    let trails = inner_end.is_some_and(|c| ",?!—–-…:".contains(c))
        || matches!(frame.written(from), "," | "—" | "–");
    let opens =
        frame.sentence_tokens(open).start == open || frame.word(open.wrapping_sub(1)) == ":";
    if !(trails || opens) {
        return None;
    }
    let mut k = from;
    let (word, width) = loop {
        if k >= limit || k - from >= AFTER_MAX || frame.is_terminal(k) {
            return None;
        }
        if let Some((w, n)) = frame.cue_at(k) {
            // `"Why not?" Vitter demanded.`: any cue without an object of its own.
            let bare = frame.is_terminal(k + n) || frame.written(k + n) == ",";
            if w.takes == Takes::Speech || (bare && k > from) {
                break (w, n);
            }
        }
        // `"America is great!" read one.`
        if matches!(frame.word(k), "read" | "reads") {
            break (READ, 1);
        }
        k += 1;
    };
    // `Trump insisted that he has "expanded the party," claiming ...`: the participle starts a
    // phrase of its own; the quote belongs to the reported speech before it.
    let first = frame.sentence_tokens(open).start;
    if frame.word(k).ends_with("ing") && (first..open).any(|t| frame.cue_at(t).is_some()) {
        return None;
    }
    // `"A," but he said that ...`: the cue has content of its own.
    if frame.word(k + width) == "that" {
        return None;
    }
    // `"A." Zahed said: "B."`: a cue ending in a colon introduces the quote after it.
    if frame.written(k + width) == ":" || (!trails && frame.written(k + width + 1) == ":") {
        return None;
    }
    let sentence_end = frame.sentence_tokens(k).end.min(limit);
    let named_before = (from..k).any(|t| !frame.is_punct(t));
    let (speaker, addressee) = if named_before {
        let s = subject_before(frame, k, from);
        let a = word
            .addressed
            .then(|| addressee_after(frame, k + width, sentence_end))
            .flatten();
        (s, a)
    } else {
        (phrase_after(frame, k + width, sentence_end), None)
    };
    let mut d = draft(frame, q, (k, k + width), word.lemma, speaker, addressee);
    // `"You squeezed employees" to drive up the stock, she said`: the sentence goes on after
    // the quoted words, up to the comma before its frame.
    if !trails {
        let lead = speaker.map_or(k, |s| s.0.min(k));
        if let Some(comma) = (from..lead).rev().find(|&t| frame.written(t) == ",") {
            let plain = (from..comma).all(|t| !frame.is_terminal(t) && !frame.is_mark(t));
            if comma > from && plain {
                if let Some(piece) = d.pieces.first_mut() {
                    piece.1 = piece.1.max(bytes(frame, (from, comma)).1);
                    d.kind = QuoteKind::Indirect;
                }
            }
        }
    }
    // `The pact is "insanity," she said`: the quoted words end a clause that says it all.
    let set_off = starts_sentence(frame, open) || frame.is_punct(open.wrapping_sub(1));
    if !set_off {
        let first = frame.sentence_tokens(open).start;
        if let (Some(piece), Some(t)) = (d.pieces.first_mut(), frame.tokens.get(first)) {
            piece.0 = piece.0.min(t.start);
            d.kind = QuoteKind::Indirect;
        }
    }
    Some(d)
}

/// `Blinken said: "..."`, `she told reporters, "..."`: a speech cue before the quote in its
/// sentence, with only punctuation or a short phrase between.
fn attribute_before(frame: &Frame, q: &Quoted, bs: usize) -> Option<Draft> {
    let open = frame.token_from(q.start);
    let block_first = frame.token_from(bs);
    // "He added:" closing the paragraph before introduces a quote opening this one.
    let floor = if open == block_first && open > 0 && frame.written(open - 1) == ":" {
        frame.sentence_tokens(open - 1).start
    } else {
        frame.sentence_tokens(open).start.max(block_first)
    };
    let lead = frame.written(open.checked_sub(1)?);
    let adjoins = |k: usize| k == open || matches!(lead, ":" | "," | "—");
    let lowest = open.saturating_sub(BEFORE_GAP_MAX + 2).max(floor);
    for k in (lowest..open).rev() {
        if matches!(frame.word(k), "that" | "whether" | "if") || frame.is_mark(k) {
            return None;
        }
        let Some((word, width)) = frame.cue_at(k) else {
            continue;
        };
        if word.takes == Takes::Object || !adjoins(k + width) {
            return None;
        }
        let speaker = subject_before(frame, k, floor);
        let addressee = word
            .addressed
            .then(|| addressee_after(frame, k + width, open))
            .flatten();
        let mut d = draft(frame, q, (k, k + width), word.lemma, speaker, addressee);
        // `reported “2,521 shooting incidents” in the city`: quoted words the cue runs straight
        // into are part of the clause they open, which goes on to the sentence's end.
        if k + width == open {
            let close = frame.token_from(q.end);
            let mut end = frame.sentence_tokens(open).end;
            while end > close && (frame.is_terminal(end - 1) || frame.written(end - 1) == ",") {
                end -= 1;
            }
            if end > close && !frame.is_mark(end - 1) {
                if let Some(piece) = d.pieces.first_mut() {
                    piece.1 = piece.1.max(bytes(frame, (close, end)).1);
                    d.kind = QuoteKind::Indirect;
                }
            }
        }
        return Some(d);
    }
    // "Obama's word:" or "former adviser Alfred Kahn:" before the quote: the colon is the cue.
    if lead == ":" {
        let colon = open - 1;
        let speaker = subject_before(frame, colon, floor)?;
        return Some(draft(frame, q, (colon, open), ":", Some(speaker), None));
    }
    None
}

/// A direct draft for quote `q` with cue tokens `cue` and speaker and addressee token ranges.
fn draft(
    frame: &Frame,
    q: &Quoted,
    cue: (usize, usize),
    lemma: &'static str,
    speaker: Option<(usize, usize)>,
    addressee: Option<(usize, usize)>,
) -> Draft {
    let cue = bytes(frame, cue);
    let speaker = speaker.map(|s| bytes(frame, s));
    let addressee = addressee.map(|a| bytes(frame, a));
    let frame_end = [Some(cue), speaker, addressee]
        .iter()
        .flatten()
        .map(|r| r.1)
        .max()
        .unwrap_or(cue.1);
    Draft {
        kind: QuoteKind::Direct,
        pieces: vec![(q.start, q.end)],
        cue: Some((cue, lemma)),
        speaker,
        addressee,
        within: None,
        frame_end,
    }
}

/// Whether the quoted stretch is a title rather than words spoken: a few words, each
/// capitalised but the small ones (''Morning Joe,'', “Doomed to Succeed”).
fn is_title(frame: &Frame, q: &Quoted) -> bool {
    let inner = frame.text.get(q.start..q.end).unwrap_or("");
    let words: Vec<&str> = inner
        .split(|c: char| !c.is_alphanumeric() && c != '\'' && c != '’')
        .filter(|w| w.chars().any(char::is_alphabetic))
        .collect();
    // One word ("Absolutely," he said) is an answer more often than a title, and two
    // sentences (“The Donald. Big Daddy.”) are speech.
    let sentences = inner
        .trim_end()
        .trim_end_matches(['"', '”', '»', '\'', '`', '.'])
        .contains(". ");
    !sentences
        && words.len() >= 2
        && words.len() <= TITLE_WORDS
        && words.iter().all(|w| {
            w.starts_with(char::is_uppercase)
                || matches!(
                    *w,
                    "of" | "the" | "to" | "with" | "and" | "for" | "a" | "in" | "on"
                )
        })
}

/// A word before a cue that makes it part of the frame rather than a new attribution: "when
/// asked", "was told", "after saying".
fn is_subordinate(word: &str) -> bool {
    matches!(
        word,
        "when" | "after" | "before" | "if" | "as" | "was" | "were" | "is" | "being" | "been"
    )
}
