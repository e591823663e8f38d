//! What the cue model reads of a token: the words around it, their stems and affixes, what the
//! lexicon makes of them, entity classes, word clusters, quotation marks and sentence position,
//! each a hashed feature.

use super::Clusters;
use crate::entities::EntityType;
use crate::ner::features::Fx;
use crate::quotes::frame::Frame;
use crate::quotes::lexicon::{bare_cue, cue, Takes};
use crate::quotes::words::pronoun;

/// Tokens looked back from a cue for who could speak.
pub(super) const SPEAKER_REACH: usize = 12;

/// [`lexicon_class`] of every token of the frame with the token after it.
pub(super) fn lexicon_classes(frame: &Frame) -> Vec<&'static str> {
    (0..frame.tokens.len())
        .map(|k| lexicon_class(frame.word(k), frame.word(k + 1)))
        .collect()
}

/// The lexicon's reading of a word: which table holds it, as a cue form or a bare lemma.
fn lexicon_class(word: &str, next: &str) -> &'static str {
    let takes = |t: Takes| match t {
        Takes::Speech => "speech",
        Takes::Clause => "clause",
        Takes::Object => "object",
    };
    match (cue(word, next), bare_cue(word, next)) {
        (Some((c, _)), _) => takes(c.takes),
        (None, Some((c, _))) => match c.takes {
            Takes::Speech => "bare-speech",
            Takes::Clause => "bare-clause",
            Takes::Object => "bare-object",
        },
        (None, None) => "none",
    }
}

/// A coarse class of the token: pronoun, capitalised, lower case, mark, punctuation.
fn class(frame: &Frame, k: usize) -> &'static str {
    let written = frame.written(k);
    if written.is_empty() {
        "edge"
    } else if frame.is_mark(k) {
        "mark"
    } else if frame.is_punct(k) {
        "punct"
    } else if pronoun(frame.word(k)).is_some() {
        "pronoun"
    } else if let Some(m) = frame.tokens.get(k).and_then(|t| frame.mention_at(t.start)) {
        match m.kind {
            EntityType::Person => "person",
            EntityType::Org | EntityType::Norp => "organisation",
            _ => "place",
        }
    } else if written.starts_with(char::is_uppercase) {
        "cap"
    } else {
        "lower"
    }
}

/// What stands nearest before token `k` in its sentence that could speak: a person, an
/// organisation, a pronoun, and how far back (within four tokens, or further, up to
/// [`SPEAKER_REACH`]).
fn nearest_party(frame: &Frame, k: usize, first: usize) -> &'static str {
    let lowest = first.max(k.saturating_sub(SPEAKER_REACH));
    for (d, j) in (lowest..k).rev().enumerate() {
        let c = class(frame, j);
        if matches!(c, "person" | "organisation" | "pronoun") {
            return match (c, d < 4) {
                ("person", true) => "person-near",
                ("person", false) => "person-far",
                ("organisation", true) => "organisation-near",
                ("organisation", false) => "organisation-far",
                (_, true) => "pronoun-near",
                _ => "pronoun-far",
            };
        }
    }
    "none"
}

/// A word with its inflection cut: "questioning", "questioned", "questions" give "question".
fn stem(word: &str) -> &str {
    for suffix in ["ing", "ied", "ies", "ed", "es", "s"] {
        if let Some(base) = word.strip_suffix(suffix) {
            if base.len() >= 3 {
                return base;
            }
        }
    }
    word
}

/// The hashed features of token `k`.
pub(super) fn features(
    frame: &Frame,
    lex: &[&'static str],
    clusters: &Clusters,
    k: usize,
) -> Vec<u64> {
    let cluster = |j: Option<usize>| {
        j.and_then(|j| clusters.get(&Fx::new(250).str(frame.word(j)).key()))
            .copied()
    };
    let lex_at = |j: Option<usize>| j.and_then(|j| lex.get(j)).copied().unwrap_or("none");
    let w = |i: isize| -> &str { k.checked_add_signed(i).map_or("", |j| frame.word(j)) };
    let w0 = w(0);
    let suffix = |n: usize| w0.get(w0.len().saturating_sub(n)..).unwrap_or("");
    let first = frame.sentence_tokens(k).start;
    let end = frame.sentence_tokens(k).end;
    let in_quote = frame
        .tokens
        .get(k)
        .and_then(|t| frame.quote_at(t.start))
        .is_some();
    let that_soon = (k + 1..(k + 4).min(end)).any(|j| frame.word(j) == "that");
    let cue_before =
        (k.saturating_sub(3)..k).any(|j| matches!(lex_at(Some(j)), "speech" | "clause" | "object"));
    let mut f = vec![
        Fx::new(0).key(),
        Fx::new(1).str(w0).key(),
        Fx::new(2).str(w(-1)).key(),
        Fx::new(3).str(w(1)).key(),
        Fx::new(4).str(w(-2)).key(),
        Fx::new(5).str(w(2)).key(),
        Fx::new(6).str(w0).str(w(1)).key(),
        Fx::new(7).str(w(-1)).str(w0).key(),
        Fx::new(8).str(suffix(3)).key(),
        Fx::new(9).str(suffix(2)).key(),
        Fx::new(10).str(lex_at(Some(k))).key(),
        Fx::new(11).str(lex_at(k.checked_sub(1))).key(),
        Fx::new(12).str(class(frame, k)).key(),
        Fx::new(13).str(class(frame, k.wrapping_sub(1))).key(),
        Fx::new(14).str(class(frame, k + 1)).key(),
        Fx::new(15).num(u32::from(in_quote)).key(),
        Fx::new(16).num(u32::from(cue_before)).key(),
        Fx::new(17).num((k - first).min(8) as u32).key(),
        Fx::new(18).num((end.saturating_sub(k)).min(8) as u32).key(),
        Fx::new(19).str(class(frame, k + 1)).str(w0).key(),
        Fx::new(20).str(suffix(3)).str(w(1)).key(),
        Fx::new(21).str(stem(w0)).key(),
        Fx::new(22).str(stem(w0)).str(class(frame, k + 1)).key(),
        Fx::new(23).num(u32::from(that_soon)).key(),
        Fx::new(24)
            .str(class(frame, k.wrapping_sub(1)))
            .str(class(frame, k + 1))
            .key(),
        Fx::new(25).str(stem(w(-1))).str(stem(w0)).key(),
        Fx::new(26).str(stem(w0)).str(w(1)).key(),
        Fx::new(27).str(nearest_party(frame, k, first)).key(),
        Fx::new(28)
            .str(nearest_party(frame, k, first))
            .str(stem(w0))
            .key(),
    ];
    for (tpl, j) in [(30u8, Some(k)), (31, k.checked_sub(1)), (32, Some(k + 1))] {
        if let Some(ids) = cluster(j) {
            for (g, id) in ids.iter().enumerate() {
                f.push(Fx::new(tpl).num(g as u32).num(u32::from(*id)).key());
            }
        }
    }
    if let (Some(here), Some(next)) = (cluster(Some(k)), cluster(Some(k + 1))) {
        f.push(
            Fx::new(33)
                .num(u32::from(here[1]))
                .num(u32::from(next[0]))
                .key(),
        );
    }
    f.sort_unstable();
    f.dedup();
    f
}
