//! Reported speech and belief, one sentence at a time, around a cue outside quotation marks:
//!
//! - content after the cue: "Mohajerani stated that Tehran is ...", "Blinken told Tileuberdi
//!   that ...", "the resolution called for ...", "she believes the talks will fail";
//! - content before it: "Talks will resume, the ministry said." and "..., said Taylor.";
//! - around it: "In some ways, the brothers noted, Trump might ...";
//! - "according to": "..., according to the poll." and "According to exit polls, ...".
//!
//! Content starts at "that" when the cue has one and runs to the end of the sentence (its final
//! period left out), or to the first place another attribution or verb phrase begins: a
//! semicolon, ", adding that", ", according to", "... and bragged", "but did not", or a direct
//! quote with its own cue. A cue word after an article or possessive is an adjective ("the
//! proposed wall"); a participle cue ("..., saying") and a second verb ("... and said") take the
//! sentence's speaker.

use super::frame::{Draft, Frame, Range};
use super::lexicon::{CueWord, Takes};
use super::phrase::{addressee_after, bytes, phrase_after, subject_before};
use super::types::QuoteKind;
use super::words::{is_between, pronoun};

/// Tokens after a cue searched for its "that" ("said in a statement on Tuesday that").
const THAT_MAX: usize = 20;
/// Tokens after a cue that still leave the content before it ("..., he said in a statement.").
const TAIL_MAX: usize = 6;
/// Tokens of reported content at the most: a run-on "sentence" is cut there, which keeps the
/// work per cue bounded.
const CONTENT_MAX: usize = 200;
/// Words between "as" and the quoted label it introduces ("as being in the “suburbs").
const LABEL_LEAD: usize = 5;
/// Title words written before a name ("Chief Justice", "Sen.").
const TITLE_MAX: usize = 3;
/// Words in a source after "according to".
const SOURCE_MAX: usize = 12;

/// Words that open the clause a belief cue takes.
fn opens_clause(word: &str) -> bool {
    matches!(
        word,
        "that" | "whether" | "if" | "how" | "why" | "what" | "when" | "where" | "who" | "there"
    ) || pronoun(word).is_some_and(|_| !matches!(word, "him" | "them" | "who" | "which"))
}

/// Words that cannot open the content of a speech cue without a "that" after them.
fn is_preposition(word: &str) -> bool {
    matches!(
        word,
        "in" | "on"
            | "at"
            | "to"
            | "for"
            | "with"
            | "by"
            | "about"
            | "during"
            | "after"
            | "before"
            | "from"
            | "of"
            | "as"
            | "and"
            | "but"
            | "so"
            | "nothing"
            | "yes"
            | "no"
    )
}

/// Adds the reported attributions of every sentence to `drafts`; tokens in `used` are cues
/// already taken by direct quotes.
pub(crate) fn find(frame: &Frame, used: &[bool], drafts: &mut Vec<Draft>) {
    let direct = drafts.len();
    let mut quoted: Vec<usize> = drafts.iter().map(Draft::start).collect();
    quoted.sort_unstable();
    for s in &frame.sentences {
        let (first, end) = (s.tokens.start, s.tokens.end);
        // The sentence's latest speaker, for participle cues ("..., adding that").
        let mut speaker = sentence_speaker(drafts.get(..direct).unwrap_or(&[]), s.start, s.end);
        for k in first..end {
            let taken = used.get(k).copied().unwrap_or(false)
                || frame.quote_at(frame.tokens[k].start).is_some();
            let found = if taken {
                None
            } else if frame.word(k) == "according" && frame.word(k + 1) == "to" {
                according(frame, k, first, end)
            } else {
                frame.cue_at(k).and_then(|(word, width)| {
                    reported(frame, speaker, &quoted, k, (word, width), (first, end))
                })
            };
            if let Some(d) = found {
                speaker = d.speaker.or(speaker);
                drafts.push(d);
            }
        }
    }
}

/// The speaker of the last of `direct` (in text order) whose cue lies in `start..end`.
fn sentence_speaker(direct: &[Draft], start: usize, end: usize) -> Option<Range> {
    let cue_start = |d: &Draft| d.cue.map_or(0, |c| c.0 .0);
    let upto = direct.partition_point(|d| cue_start(d) < end);
    direct[..upto]
        .iter()
        .rev()
        .take_while(|d| cue_start(d) >= start)
        .find_map(|d| d.speaker)
}

/// The end of the content starting at token `from` in a sentence ending at `end`: before its
/// final punctuation, a semicolon, a participle phrase (", adding that", ", referencing"), ",
/// according to", or a second verb phrase ("and bragged", "but did not", "while Sanders
/// suggests").
pub(crate) fn content_end(frame: &Frame, from: usize, end: usize) -> usize {
    content_end_as(frame, from, end, false)
}

/// [`content_end`]; for a `clause` (what "said" or "believes" takes, with its own subject) only
/// another cue ends it: "said he rated the contestants and talked about ..." goes on.
fn content_end_as(frame: &Frame, from: usize, end: usize, clause: bool) -> usize {
    let mut e = end.min(from.saturating_add(CONTENT_MAX));
    while e > from && (frame.is_terminal(e - 1) || matches!(frame.written(e - 1), "," | ";" | ":"))
    {
        e -= 1;
    }
    (from..e)
        .find(|&t| {
            let next = frame.word(t + 1);
            let outside = || frame.quote_at(frame.tokens[t].start).is_none();
            match frame.written(t) {
                ";" => outside(),
                // ", according to", ", adding that", ", referencing ...": a phrase of its own.
                "," => {
                    outside()
                        && (next == "according"
                            || (next.len() > 4
                                && next.ends_with("ing")
                                && !is_noun_ing(next)
                                && (!clause || frame.cue_at(t + 1).is_some())))
                }
                // "... but argues that", "... and bragged", "while Sanders suggests": another
                // verb of the subject, or another cue.
                "and" | "but" | "while" if t > from && outside() => {
                    let named = |u: usize| {
                        pronoun(frame.word(u)).is_some()
                            || frame
                                .tokens
                                .get(u)
                                .is_some_and(|tok| frame.mention_at(tok.start).is_some())
                    };
                    let second = frame.word(t + 1);
                    let verb = (t + 1..t + 4).find(|&u| !named(u) && !is_between(frame.word(u)));
                    (!clause && (second.ends_with("ed") || is_auxiliary(second)))
                        || verb.is_some_and(|u| frame.cue_at(u).is_some())
                }
                _ => false,
            }
        })
        .unwrap_or(e)
}

/// A draft with content token ranges `pieces`.
fn draft(
    frame: &Frame,
    pieces: &[(usize, usize)],
    cue: ((usize, usize), &'static str),
    speaker: Option<Range>,
    addressee: Option<(usize, usize)>,
) -> Option<Draft> {
    let mut pieces: Vec<Range> = pieces
        .iter()
        .filter(|p| p.1 > p.0)
        .map(|&p| bytes(frame, p))
        .collect();
    // A quotation the sentence splitter cut runs on to its closing mark.
    if let Some(last) = pieces.last_mut() {
        if let Some(q) = frame.quote_at(last.1.saturating_sub(1)) {
            last.1 = last.1.max(q.end);
        }
    }
    if pieces.is_empty() {
        return None;
    }
    let cue_bytes = bytes(frame, cue.0);
    Some(Draft {
        kind: QuoteKind::Indirect,
        pieces,
        cue: Some((cue_bytes, cue.1)),
        speaker,
        addressee: addressee.map(|a| bytes(frame, a)),
        within: None,
        frame_end: cue_bytes.1,
    })
}

/// "..., according to X." and "According to X, ...".
fn according(frame: &Frame, k: usize, first: usize, end: usize) -> Option<Draft> {
    let from = k + 2;
    let mut stop = from;
    while stop < end && stop - from < SOURCE_MAX && !frame.is_punct(stop) {
        stop += 1;
    }
    if stop == from {
        return None;
    }
    let source = Some(bytes(frame, (from, stop)));
    let cue = ((k, k + 2), "according to");
    if k == first {
        let start = if frame.written(stop) == "," {
            stop + 1
        } else {
            stop
        };
        let e = content_end(frame, start, end);
        return draft(frame, &[(start, e)], cue, source, None);
    }
    let e = if frame.written(k - 1) == "," {
        k - 1
    } else {
        k
    };
    draft(frame, &[(first, e)], cue, source, None)
}

/// The attribution a cue word at token `k` makes, if its sentence (tokens `first..end`) gives it
/// a speaker and content. `earlier` is the sentence's latest speaker, `quoted` the starts of the
/// direct quotes.
fn reported(
    frame: &Frame,
    earlier: Option<Range>,
    quoted: &[usize],
    k: usize,
    (word, width): (CueWord, usize),
    (first, end): (usize, usize),
) -> Option<Draft> {
    let after = k + width;
    // "the proposed wall", "his stated aim": an adjective, not a cue.
    if k > first
        && matches!(
            frame.word(k - 1),
            "the" | "a" | "an" | "his" | "her" | "its" | "their" | "our" | "my" | "this" | "your"
        )
    {
        return None;
    }
    let cue_range = ((k, after), word.lemma);
    // "adding that" leans on the sentence's subject; "is pledging" has its own.
    let participle = frame.word(k).ends_with("ing")
        && !matches!(
            frame.word(k.wrapping_sub(1)),
            "is" | "are" | "was" | "were" | "been" | "be" | "'s" | "’s" | "'re" | "’re"
        );
    let subject = if participle {
        None
    } else {
        subject_before(frame, k, first)
    };
    let that_at = (after..(after + THAT_MAX).min(end))
        .take_while(|&t| {
            (!frame.is_punct(t) || frame.written(t) == ",")
                && (t == after || frame.cue_at(t).is_none())
        })
        .find(|&t| frame.word(t) == "that");
    let tail_end = content_end(frame, after, end);

    // Content before the cue: "Talks will resume, the ministry said (on Tuesday)."
    if word.takes == Takes::Speech && that_at.is_none() && !participle {
        if let Some(d) = content_before(frame, subject, k, after, first, end, tail_end, cue_range) {
            return Some(d);
        }
    }

    if subject.is_some_and(|s| !names_or_pronoun(frame, s)) && is_noun_too(frame.word(k)) {
        return None;
    }
    // "what he called “a con”": a relative clause naming part of another attribution's content.
    if word.lemma == "call" && subject.is_some_and(|s| frame.word(s.0.wrapping_sub(1)) == "what") {
        return None;
    }
    let speaker = match subject {
        Some(s) => bytes(frame, s),
        None if participle => earlier.or_else(|| sentence_subject(frame, first, k))?,
        // "... and said", "... but warned": the sentence's subject speaks.
        None if matches!(frame.word(k.wrapping_sub(1)), "and" | "but") => {
            earlier.or_else(|| sentence_subject(frame, first, k))?
        }
        None => return None,
    };
    let addressee = word
        .addressed
        .then(|| addressee_after(frame, after, end))
        .flatten();
    let start = that_at.unwrap_or(addressee.map_or(after, |a| a.1));
    let clause = word.takes != Takes::Object && frame.word(start) != "to";
    let mut stop = content_end_as(frame, start, end, clause);
    // A direct quote later in the sentence is an attribution of its own.
    let from = frame.tokens.get(start).map_or(usize::MAX, |t| t.start);
    if let Some(&q) = quoted.get(quoted.partition_point(|&q| q <= from)) {
        stop = stop.min(frame.token_from(q));
        while stop > start && frame.is_punct(stop - 1) && !frame.is_mark(stop - 1) {
            stop -= 1;
        }
    }
    if word.takes == Takes::Object {
        stop = stop.min(labelled_end(frame, start, stop));
    }
    if stop <= start {
        return None;
    }
    let lead = frame.word(start);
    let fits = match word.takes {
        Takes::Speech => {
            that_at.is_some()
                || frame.is_mark(start)
                || (lead == "to" && !matches!(word.lemma, "say" | "add" | "write" | "note"))
                || (stop - start >= 2 && !frame.is_punct(start) && !is_preposition(lead))
        }
        Takes::Clause => opens_clause(lead) || frame.is_mark(start),
        Takes::Object => !frame.is_punct(start) || frame.is_mark(start),
    };
    if !fits {
        return None;
    }
    draft(frame, &[(start, stop)], cue_range, Some(speaker), addressee)
}

/// "Talks will resume, the ministry said.", "..., said Taylor.", and "In some ways, the
/// brothers noted, Trump might ...".
#[allow(clippy::too_many_arguments)]
fn content_before(
    frame: &Frame,
    subject: Option<(usize, usize)>,
    k: usize,
    after: usize,
    first: usize,
    end: usize,
    tail_end: usize,
    cue: ((usize, usize), &'static str),
) -> Option<Draft> {
    let (comma, speaker) = match subject.map(|s| (titled_from(frame, s, first), s)) {
        Some((lead, s)) if lead > first && frame.written(lead - 1) == "," => {
            (lead - 1, (lead, s.1))
        }
        // "..., said Taylor.": the name closes the clause; "Hester, a senior associate, said
        // parents want ..." is a subject with an apposition, and its content comes after.
        _ if k > first && frame.written(k - 1) == "," => {
            let named = phrase_after(frame, after, end)?;
            if named.1 < end && !frame.is_punct(named.1) {
                return None;
            }
            (k - 1, named)
        }
        _ => return None,
    };
    if comma <= first || frame.is_mark(comma - 1) {
        return None;
    }
    let tail_from = speaker.1.max(after);
    let mut pieces = vec![(first, comma)];
    if frame.written(tail_from) == "," && tail_end > tail_from + 3 {
        pieces.push((tail_from + 1, tail_end));
    } else if tail_end.saturating_sub(tail_from) > TAIL_MAX {
        return None;
    }
    draft(frame, &pieces, cue, Some(bytes(frame, speaker)), None)
}

/// Where the object of a labelling cue ends: after the quoted label of "X as (being) a
/// “crazy system”" when an adjunct follows it ("during a campaign stop", "— a metaphor");
/// `stop` otherwise.
fn labelled_end(frame: &Frame, start: usize, stop: usize) -> usize {
    let Some(as_at) = (start + 1..stop).find(|&t| frame.word(t) == "as") else {
        return stop;
    };
    (as_at + 1..(as_at + LABEL_LEAD).min(stop))
        .find_map(|t| {
            let q = frame.quote_at(frame.tokens.get(t)?.start)?;
            let close = frame.token_from(q.end);
            // "as “a lifetime politician” who ..." and "as “provocative” and a ..." go on.
            let adjunct = matches!(
                frame.word(close),
                "—" | "–" | "," | "during" | "while" | "when" | "after" | "before" | "at" | "on"
            ) || is_weekday(frame.word(close));
            (close <= stop && adjunct).then_some(close)
        })
        .unwrap_or(stop)
}

/// "Wednesday" after a quoted label: when it was said, not part of it.
fn is_weekday(word: &str) -> bool {
    matches!(
        word,
        "monday" | "tuesday" | "wednesday" | "thursday" | "friday" | "saturday" | "sunday"
    )
}

/// Titles written before a subject's name ("Chief Justice Roberts", "Mr. Obama"): the first
/// token of the subject `s` with them, looking no further back than `first`.
fn titled_from(frame: &Frame, s: (usize, usize), first: usize) -> usize {
    let mut lead = s.0;
    while lead > first
        && s.0 - lead < TITLE_MAX
        && !frame.is_punct(lead - 1)
        && frame.written(lead - 1).starts_with(char::is_uppercase)
    {
        lead -= 1;
    }
    lead
}

/// Cue forms that are as often plural nouns ("more diverse states", "his calls"): taken as cues
/// only after a name or a pronoun.
fn is_noun_too(word: &str) -> bool {
    matches!(
        word,
        "states"
            | "reports"
            | "claims"
            | "calls"
            | "demands"
            | "fears"
            | "hopes"
            | "doubts"
            | "notes"
            | "comments"
            | "answers"
            | "charges"
            | "estimates"
            | "promises"
            | "questions"
            | "supports"
            | "shows"
            | "finds"
            | "thinks"
            | "writes"
            | "tweets"
            | "cites"
            | "vows"
            | "boasts"
            | "jokes"
            | "replies"
            | "urges"
            | "warns"
            | "worries"
    )
}

/// Whether the subject phrase ends in a name or is a pronoun.
fn names_or_pronoun(frame: &Frame, (a, b): (usize, usize)) -> bool {
    let head = b.saturating_sub(1).max(a);
    pronoun(frame.word(head)).is_some()
        || frame
            .tokens
            .get(head)
            .is_some_and(|t| frame.mention_at(t.start).is_some())
}

/// The sentence's subject before token `k`: its first name or personal pronoun.
fn sentence_subject(frame: &Frame, first: usize, k: usize) -> Option<Range> {
    (first.max(k.saturating_sub(CONTENT_MAX))..k).find_map(|t| {
        let token = frame.tokens.get(t)?;
        if matches!(frame.word(t), "he" | "she" | "they" | "we" | "i") {
            return Some((token.start, token.end));
        }
        frame
            .mention_at(token.start)
            .filter(|m| m.kind != crate::entities::EntityType::Misc)
            .map(|m| (m.start, m.end))
    })
}

/// "-ing" words that are nouns or prepositions, not the head of a participle phrase.
fn is_noun_ing(word: &str) -> bool {
    matches!(
        word,
        "including"
            | "during"
            | "nothing"
            | "something"
            | "anything"
            | "everything"
            | "morning"
            | "evening"
            | "thing"
            | "things"
            | "being"
            | "building"
            | "meeting"
            | "spending"
            | "funding"
            | "polling"
            | "hearing"
            | "ruling"
            | "training"
            | "housing"
            | "king"
            | "following"
            | "regarding"
            | "concerning"
            | "according"
    )
}

/// Auxiliaries that open a second verb phrase after "and" ("and did not suggest").
fn is_auxiliary(word: &str) -> bool {
    matches!(
        word,
        "did"
            | "does"
            | "do"
            | "has"
            | "have"
            | "had"
            | "is"
            | "was"
            | "were"
            | "would"
            | "will"
            | "could"
            | "should"
            | "may"
            | "might"
            | "can"
    )
}
