//! Where the content after a cue ends, learned: PolNeAR's contents stop at the object's noun
//! phrase as often as at the clause's end ("offered some pointed advice to Hillary Clinton | on
//! Friday in the upcoming debates", "condemned the annexation | in an on-air diatribe"). A binary
//! averaged perceptron reads each token after the content's start and says whether the content
//! ends with it; the first token it marks ends the content, else the rules' clause end holds.

use crate::ner::features::Fx;
use crate::ner::weights::Weights;
use crate::quotes::frame::Frame;

/// Tokens between a cue's last word and its content's first, at the most ("said in a
/// statement that ..." is read from "that").
pub(crate) const CUE_GAP_MAX: usize = 3;
/// Tokens of content the end model reads at the most; past them the rules' end holds.
pub(crate) const READ_MAX: usize = 60;

/// A coarse class of token `t` for the end model: its punctuation, or a word class.
fn class<'a>(frame: &'a Frame<'a>, t: usize) -> &'a str {
    let written = frame.written(t);
    if written.is_empty() {
        "edge"
    } else if frame.is_terminal(t) {
        "end"
    } else if frame.is_mark(t) {
        "mark"
    } else if frame.is_punct(t) {
        written
    } else if written.starts_with(char::is_uppercase) {
        "cap"
    } else {
        "lower"
    }
}

/// Distance buckets: 1, 2, 3, 4-5, 6-8, 9-12, 13-20, more.
fn bucket(n: usize) -> u32 {
    match n {
        0..=3 => n as u32,
        4..=5 => 4,
        6..=8 => 5,
        9..=12 => 6,
        13..=20 => 7,
        _ => 8,
    }
}

/// The features of "the content from `start`, after the cue ending at token `cue`, ends with
/// token `t`".
pub(crate) fn features(
    frame: &Frame,
    lex: &[&'static str],
    cue: usize,
    start: usize,
    t: usize,
) -> Vec<u64> {
    let next = frame.word(t + 1);
    let after = frame.word(t + 2);
    let cue_word = frame.word(cue);
    let lex_next = lex.get(t + 1).copied().unwrap_or("none");
    let quoted = |i: usize| {
        frame
            .tokens
            .get(i)
            .and_then(|tok| frame.quote_at(tok.start))
            .is_some()
    };
    let distance = bucket(t + 1 - start);
    let mut f = vec![
        Fx::new(100).key(),
        Fx::new(101).str(frame.word(t)).key(),
        Fx::new(102).str(next).key(),
        Fx::new(103).str(class(frame, t + 1)).key(),
        Fx::new(104).str(class(frame, t + 1)).str(after).key(),
        Fx::new(105).str(next).str(class(frame, t + 2)).key(),
        Fx::new(106).num(distance).key(),
        Fx::new(107).num(distance).str(class(frame, t + 1)).key(),
        Fx::new(108)
            .num(u32::from(quoted(t)))
            .num(u32::from(quoted(t + 1)))
            .key(),
        Fx::new(109).str(lex_next).key(),
        Fx::new(110).str(cue_word).str(class(frame, t + 1)).key(),
        Fx::new(111).str(cue_word).str(next).key(),
        Fx::new(112)
            .str(class(frame, t))
            .str(class(frame, t + 1))
            .key(),
        Fx::new(113)
            .str(frame.word(start))
            .str(class(frame, t + 1))
            .key(),
        Fx::new(114).str(cue_word).num(distance).key(),
    ];
    f.sort_unstable();
    f.dedup();
    f
}

/// The end (exclusive) of the content from token `start` after the cue ending at `cue`: after
/// the first token the model marks, before `stop` (the rules' end), else `stop`.
pub(crate) fn content_stop(
    frame: &Frame,
    lex: &[&'static str],
    weights: &Weights,
    cue: usize,
    start: usize,
    stop: usize,
) -> usize {
    let mut s = [0f32; 2];
    (start..stop.min(start + READ_MAX))
        .find(|&t| {
            weights.score(&features(frame, lex, cue, start, t), &mut s);
            s[1] > s[0]
        })
        .map_or(stop, |t| t + 1)
}
