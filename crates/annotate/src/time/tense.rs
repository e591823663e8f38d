//! The tense of the clause around a time expression, read from cue words without a tagger:
//! auxiliaries ("will", "was", "had"), reporting verbs ("said"), common irregular past forms and
//! regular "-ed" forms. The cue nearest to the expression in its sentence decides, a cue before
//! it counting a little closer than one after.

use std::collections::HashSet;
use std::sync::LazyLock;

use crate::amounts::scan::{Kind, Tok};

/// Tense of a clause.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub(crate) enum Tense {
    Past,
    Present,
    Future,
}

/// Irregular past forms common in news.
const IRREGULAR_PAST: &[&str] = &[
    "was",
    "were",
    "had",
    "did",
    "said",
    "told",
    "met",
    "went",
    "came",
    "made",
    "took",
    "gave",
    "won",
    "lost",
    "rose",
    "fell",
    "began",
    "left",
    "held",
    "saw",
    "got",
    "found",
    "became",
    "sold",
    "bought",
    "paid",
    "spent",
    "ran",
    "struck",
    "fled",
    "led",
    "kept",
    "sent",
    "brought",
    "thought",
    "knew",
    "grew",
    "drew",
    "threw",
    "flew",
    "wrote",
    "spoke",
    "broke",
    "chose",
    "froze",
    "stole",
    "shook",
    "stood",
    "understood",
    "heard",
    "felt",
    "meant",
    "built",
    "dealt",
    "fought",
    "sought",
    "taught",
    "caught",
    "lent",
    "bent",
    "slid",
    "hid",
    "bit",
    "ate",
    "sat",
    "lay",
    "laid",
    "wore",
    "tore",
    "swore",
    "sank",
    "sang",
    "rang",
    "drank",
    "swam",
    "shot",
    "slept",
    "wept",
    "swept",
    "fed",
    "bled",
    "bred",
    "sped",
    "woke",
    "rode",
    "drove",
    "strove",
    "arose",
    "forgot",
    "overtook",
    "withdrew",
    "undertook",
    "became",
    "ago",
    "been",
];

/// Words ending in "-ed" that are not past forms, or that announce the future.
const NOT_PAST_ED: &[&str] = &[
    "need",
    "needed",
    "speed",
    "seed",
    "feed",
    "bed",
    "red",
    "shed",
    "hundred",
    "indeed",
    "united",
    "limited",
    "based",
    "scheduled",
    "expected",
    "proposed",
    "planned",
    "intended",
    "supposed",
    "slated",
    "set",
    "due",
    "interested",
    "concerned",
    "related",
    "detailed",
    "advanced",
    "biased",
    "embed",
    "creed",
    "greed",
    "breed",
    "proceed",
    "succeed",
    "exceed",
    "weed",
    "deed",
    "tweed",
];

/// Future cues.
const FUTURE: &[&str] = &[
    "will",
    "shall",
    "ll",
    "tomorrow",
    "upcoming",
    "scheduled",
    "expected",
    "slated",
    "planned",
    "plans",
    "plan",
    "planning",
    "intends",
    "intend",
    "going",
    "due",
    "set",
    "next",
];

/// Present cues.
const PRESENT: &[&str] = &["is", "are", "am", "says", "say", "has", "have", "does"];

/// The tense deciding an expression at tokens `start..end` of the sentence `sent` (token indices).
pub(crate) fn tense_near(
    toks: &[Tok],
    sent: std::ops::Range<usize>,
    start: usize,
    end: usize,
) -> Option<Tense> {
    // "until Tuesday", "as soon as Monday", "as early as next week": a point still ahead.
    let before = |k: usize| (k >= sent.start && k < toks.len()).then(|| toks[k].low.as_str());
    let w1 = start.checked_sub(1).and_then(before);
    let w3 = start.checked_sub(3).and_then(before);
    let w2 = start.checked_sub(2).and_then(before);
    if matches!(w1, Some("until" | "till"))
        || (w3 == Some("as") && matches!(w2, Some("soon" | "early")) && w1 == Some("as"))
    {
        return Some(Tense::Future);
    }
    let mut best: Option<(usize, Tense)> = None;
    let mut consider = |k: usize, dist: usize| {
        if let Some(t) = cue(toks, k) {
            if best.is_none_or(|(d, _)| dist < d) {
                best = Some((dist, t));
            }
        }
    };
    for k in sent.start..start.min(sent.end) {
        consider(k, (start - k) * 2);
    }
    for k in end..sent.end {
        consider(k, (k + 1 - end) * 3);
    }
    best.map(|(_, t)| t)
}

/// The tense a token signals, if any.
fn cue(toks: &[Tok], k: usize) -> Option<Tense> {
    let t = toks.get(k)?;
    if t.kind != Kind::Word {
        return None;
    }
    let w = t.low.as_str();
    let next = toks.get(k + 1).map_or("", |n| n.low.as_str());
    // An infinitive ("to have meetings") has no tense of its own.
    if k > 0 && toks[k - 1].low == "to" {
        return None;
    }
    // "won't": future; "won" alone is the past of "win".
    if w == "won" && matches!(next, "'" | "’") {
        return Some(Tense::Future);
    }
    if FUTURE_SET.contains(w) {
        return match w {
            // "ll" only as a contraction; "going", "plans", "due", "set" only before "to".
            "ll" => prev_is_apostrophe(toks, k).then_some(Tense::Future),
            "going" | "plans" | "plan" | "planning" | "intends" | "intend" | "due" | "set" => {
                (next == "to").then_some(Tense::Future)
            }
            "next" => None,
            _ => Some(Tense::Future),
        };
    }
    if w == "would" {
        return Some(Tense::Future);
    }
    // "is to resume": an arrangement ahead.
    if w == "to"
        && k > 0
        && toks
            .get(k - 1)
            .is_some_and(|p| matches!(p.low.as_str(), "is" | "are"))
    {
        return Some(Tense::Future);
    }
    if IRREGULAR_PAST_SET.contains(w) {
        return Some(Tense::Past);
    }
    if PRESENT.contains(&w) {
        return Some(Tense::Present);
    }
    if w.len() >= 5 && w.ends_with("ed") && !NOT_PAST_ED_SET.contains(w) && !t.cap {
        return Some(Tense::Past);
    }
    None
}

/// The word lists as sets: [`cue`] looks up every word of a sentence for every time expression in
/// it, and scanning the lists was most of the time annotation's cost.
static IRREGULAR_PAST_SET: LazyLock<HashSet<&'static str>> =
    LazyLock::new(|| IRREGULAR_PAST.iter().copied().collect());
static NOT_PAST_ED_SET: LazyLock<HashSet<&'static str>> =
    LazyLock::new(|| NOT_PAST_ED.iter().copied().collect());
static FUTURE_SET: LazyLock<HashSet<&'static str>> =
    LazyLock::new(|| FUTURE.iter().copied().collect());

fn prev_is_apostrophe(toks: &[Tok], k: usize) -> bool {
    k > 0
        && toks
            .get(k - 1)
            .is_some_and(|p| p.is_punct('\'') || p.is_punct('’'))
}
