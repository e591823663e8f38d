//! The cue model run over an article beside the rules: it vetoes a rule's reported attribution
//! whose cue it is sure is none, ends the rules' reported contents where the end model says, and
//! adds the attributions of the cues the rules did not use.

use super::ends;
use super::features::{lexicon_classes, SPEAKER_REACH};
use super::{CueModel, OTHER};
use crate::quotes::frame::{Draft, Frame, Range};
use crate::quotes::lexicon::{bare_cue, cue};
use crate::quotes::phrase::{bytes, subject_before};
use crate::quotes::reported::content_end;
use crate::quotes::types::QuoteKind;
use crate::quotes::words::pronoun;

/// Drafts looked back over for one already holding a learned cue's content.
const KNOWN_REACH: usize = 16;
/// Words of content a learned cue needs.
const MIN_CONTENT: usize = 2;
/// Words a learned cue may run to before its last ("has faced questions about").
const CUE_WORDS: usize = 4;

/// The margin above which a token is taken as a learned cue's end. Below zero: a candidate
/// only becomes an attribution when content follows it and the rules have not found that
/// content, which weeds out most wrong candidates, so the best end-to-end threshold lies below
/// the best token-level one. Chosen with the model trained on half of PolNeAR's training split
/// and scored on the other half (`chancery-eval quotes-train TRAIN --half first --out F`, then
/// `quotes TRAIN --half second --cue-model F`): content F1 over all attributions 0.662 at 0,
/// 0.674 here, 0.660 at -30.
const ACCEPT: f32 = -20.0;
/// How far below zero the model's margin for a rule's cue must fall for the attribution to be
/// dropped: only where the model is sure (margins run to a few tens).
const VETO: f32 = 10.0;

/// Runs the model over the rules' `drafts` (sorted by start): [`veto`], [`re_end`], then
/// [`find`], all reading one set of lexicon classes.
pub(crate) fn run(frame: &Frame, model: &CueModel, drafts: &mut Vec<Draft>) {
    let lex = lexicon_classes(frame);
    veto(frame, (model, &lex), drafts);
    re_end(frame, (model, &lex), drafts);
    find(frame, (model, &lex), drafts);
}

/// Adds the attributions of the cues `model` finds that the rules did not use.
fn find(frame: &Frame, (model, lex): (&CueModel, &[&'static str]), drafts: &mut Vec<Draft>) {
    let mut cue_tokens: Vec<Range> = drafts.iter().filter_map(|d| d.cue.map(|c| c.0)).collect();
    cue_tokens.sort_unstable();
    let mut found = Vec::new();
    for s in &frame.sentences {
        let (first, end) = (s.tokens.start, s.tokens.end);
        for k in first..end.saturating_sub(MIN_CONTENT) {
            let Some(token) = frame.tokens.get(k) else {
                continue;
            };
            // Cues do not overlap one another, so only the last starting before the token's
            // end can hold it.
            let before = cue_tokens.partition_point(|c| c.0 < token.end);
            let used = before
                .checked_sub(1)
                .is_some_and(|i| token.start < cue_tokens[i].1);
            // Cue ends are words written in lower case ("said", "about", "questioning").
            let lower = frame.written(k).starts_with(char::is_lowercase);
            if used
                || !lower
                || frame.quote_at(token.start).is_some()
                || model.margin(frame, lex, k) <= ACCEPT
            {
                continue;
            }
            if let Some(d) = attribution(frame, (model, lex), k, first, end, drafts) {
                found.push(d);
            }
        }
    }
    drafts.extend(found);
}

/// Ends the content the rules read after a cue where the end model says it ends: "condemned
/// the annexation | in an on-air diatribe". Only shortens, and only one-piece reported content
/// right after its cue.
fn re_end(frame: &Frame, (model, lex): (&CueModel, &[&'static str]), drafts: &mut [Draft]) {
    for d in drafts.iter_mut() {
        let (Some(((_, cue_end), _)), [piece]) = (d.cue, d.pieces.as_mut_slice()) else {
            continue;
        };
        if d.kind != QuoteKind::Indirect || piece.0 < cue_end {
            continue;
        }
        let cue = frame.token_from(cue_end).saturating_sub(1);
        let start = frame.token_from(piece.0);
        let stop = frame.token_from(piece.1);
        if start <= cue || start - cue > ends::CUE_GAP_MAX || stop <= start {
            continue;
        }
        let new_stop = ends::content_stop(frame, lex, &model.ends, cue, start, stop);
        if new_stop < stop {
            piece.1 = bytes(frame, (start, new_stop)).1;
        }
    }
}

/// Drops the reported attributions whose cue the model reads as no cue at all (by more than
/// [`VETO`]): "he would call the shots", "continued to climb".
fn veto(frame: &Frame, (model, lex): (&CueModel, &[&'static str]), drafts: &mut Vec<Draft>) {
    drafts.retain(|d| {
        let Some(((_, cue_end), _)) = d.cue else {
            return true;
        };
        if d.kind != QuoteKind::Indirect || d.start() < cue_end {
            return true;
        }
        let k = frame.token_from(cue_end).saturating_sub(1);
        model.margin(frame, lex, k) > -VETO
    });
}

/// The attribution of a learned cue ending at token `k` of the sentence `first..end`, unless
/// the rules found its content already.
fn attribution(
    frame: &Frame,
    (model, lex): (&CueModel, &[&'static str]),
    k: usize,
    first: usize,
    end: usize,
    drafts: &[Draft],
) -> Option<Draft> {
    let start = k + 1;
    let mut stop = ends::content_stop(
        frame,
        lex,
        &model.ends,
        k,
        start,
        content_end(frame, start, end),
    );
    // "... “burning the Constitution” - a charge that ...": a dash, a comma or a conjunction of
    // time or cause opens what the writer adds.
    if let Some(cut) = (start + 1..stop).find(|&t| {
        let adds = matches!(frame.written(t), "-" | "—" | "–" | "--" | ",")
            || matches!(
                frame.word(t),
                "during" | "since" | "after" | "before" | "while" | "when" | "because"
            );
        adds && frame.quote_at(frame.tokens[t].start).is_none()
    }) {
        stop = cut;
    }
    let words = (start..stop).filter(|&t| !frame.is_punct(t)).count();
    if words < MIN_CONTENT || (frame.is_punct(start) && !frame.is_mark(start)) {
        return None;
    }
    let content = bytes(frame, (start, stop));
    let len = content.1 - content.0;
    // `drafts` are sorted by start: those that can share words with the content start before
    // its end, and a bounded look back keeps the work per token bounded.
    let upto = drafts.partition_point(|d| d.start() < content.1);
    let known = drafts[upto.saturating_sub(KNOWN_REACH)..upto]
        .iter()
        .any(|d| 2 * d.shared_with(content) >= len);
    if known {
        return None;
    }
    let cue_bytes = bytes(frame, (k, k + 1));
    let lemma = cue(frame.word(k), frame.word(k + 1))
        .or_else(|| bare_cue(frame.word(k), frame.word(k + 1)))
        .map_or(OTHER, |(c, _)| c.lemma);
    Some(Draft {
        kind: QuoteKind::Indirect,
        pieces: vec![content],
        cue: Some((cue_bytes, lemma)),
        speaker: speaker_before(frame, k, first),
        addressee: None,
        within: None,
        frame_end: cue_bytes.1,
    })
}

/// The speaker of a learned cue ending at token `k`: the subject before the cue's first word
/// (back over the lower-case words run into it: "has faced questions about"), as the rules find
/// subjects; else the nearest name or personal pronoun before it in its sentence.
fn speaker_before(frame: &Frame, k: usize, first: usize) -> Option<Range> {
    let mut cue_start = k;
    while cue_start > first
        && k - cue_start < CUE_WORDS
        && frame.written(cue_start - 1).starts_with(char::is_lowercase)
        && pronoun(frame.word(cue_start - 1)).is_none()
        && !can_speak(frame, cue_start - 1)
    {
        cue_start -= 1;
    }
    if let Some(s) = subject_before(frame, cue_start, first) {
        return Some(bytes(frame, s));
    }
    (first.max(k.saturating_sub(SPEAKER_REACH))..k)
        .rev()
        .find(|&t| can_speak(frame, t))
        .and_then(|t| {
            let token = frame.tokens.get(t)?;
            Some(
                frame
                    .mention_at(token.start)
                    .map_or((token.start, token.end), |m| (m.start, m.end)),
            )
        })
}

/// Whether token `t` is a personal pronoun or part of a name.
fn can_speak(frame: &Frame, t: usize) -> bool {
    matches!(frame.word(t), "he" | "she" | "they" | "we" | "i")
        || frame
            .tokens
            .get(t)
            .is_some_and(|tok| frame.mention_at(tok.start).is_some())
}
