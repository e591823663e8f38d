//! Counts with the thing counted: "five former Soviet republics" -> 5 "former Soviet
//! republics", "20 nations", "1.5 million people", "a dozen eggs", "one official".
//!
//! The thing is the run of words after the number up to a function word, punctuation or a
//! verb-like word, cut after its last plural noun (after its first word for a count of one). Dates,
//! clock times, years and amounts of time are not counts: they belong to the time rules.

use super::number;
use super::scan::{Kind, Tok};

/// Words that end the counted thing.
const STOP: &[&str] = &[
    "of",
    "in",
    "on",
    "at",
    "to",
    "for",
    "from",
    "with",
    "by",
    "and",
    "or",
    "but",
    "nor",
    "that",
    "which",
    "who",
    "whom",
    "whose",
    "was",
    "were",
    "are",
    "is",
    "be",
    "been",
    "being",
    "have",
    "has",
    "had",
    "will",
    "would",
    "could",
    "should",
    "may",
    "might",
    "can",
    "must",
    "shall",
    "do",
    "does",
    "did",
    "said",
    "say",
    "says",
    "than",
    "as",
    "per",
    "a",
    "an",
    "the",
    "this",
    "these",
    "those",
    "it",
    "its",
    "their",
    "his",
    "her",
    "our",
    "your",
    "my",
    "they",
    "we",
    "he",
    "she",
    "you",
    "i",
    "more",
    "less",
    "each",
    "other",
    "about",
    "after",
    "before",
    "over",
    "under",
    "up",
    "down",
    "out",
    "into",
    "while",
    "when",
    "where",
    "not",
    "no",
    "also",
    "only",
    "including",
    "such",
    "since",
    "until",
    "ago",
    "later",
    "earlier",
    "percent",
    "per",
    "cent",
    "times",
    "there",
    "here",
    "if",
    "so",
    "then",
    "them",
    "him",
    "me",
    "us",
    "what",
    "all",
    "both",
    "through",
    "uh",
    "um",
    "er",
    "during",
    "against",
    "between",
    "among",
    "across",
    "around",
    "near",
    "off",
];

/// Time words: an amount of time or a clock reading, read by the time rules instead.
const TIME_WORDS: &[&str] = &[
    "year",
    "years",
    "month",
    "months",
    "week",
    "weeks",
    "day",
    "days",
    "hour",
    "hours",
    "minute",
    "minutes",
    "second",
    "seconds",
    "decade",
    "decades",
    "century",
    "centuries",
    "quarter",
    "quarters",
    "am",
    "pm",
    "o",
    "weekend",
    "weekends",
    "night",
    "nights",
    "morning",
    "mornings",
    "percentage",
    "point",
    "points",
];

/// Irregular plurals of counted things.
const IRREGULAR: &[&str] = &[
    "people",
    "men",
    "women",
    "children",
    "police",
    "staff",
    "personnel",
    "troops",
    "feet",
    "teeth",
    "mice",
    "geese",
    "cattle",
    "sheep",
    "fish",
    "aircraft",
    "deer",
    "crew",
    "militia",
];

/// Most words a counted thing may have.
const MAX_WORDS: usize = 5;

/// A count at token `i`: (end, value, scale, thing start token, thing end token).
pub(crate) fn count_at(toks: &[Tok], i: usize) -> Option<(usize, f64, Option<f64>, usize, usize)> {
    let t = toks.get(i)?;
    if matches!(t.low.as_str(), "a" | "an") && toks.get(i + 1).is_none_or(|n| n.low != "dozen") {
        return None;
    }
    // Not inside a longer number, a date ("Feb. 24"), a score or a code.
    if i > 0 && !t.gap && matches!(toks[i - 1].kind, Kind::Num | Kind::Word) {
        return None;
    }
    let prev = |k: usize| i.checked_sub(k).map_or("", |p| toks[p].low.as_str());
    if is_month(prev(1)) || (prev(1) == "." && is_month(prev(2))) {
        return None;
    }
    let n = number::parse(toks, i)?;
    if t.kind == Kind::Num && t.digits() == 4 && !t.low.contains(',') && n.scale.is_none() {
        // Probably a year.
        return None;
    }
    let first = n.end;
    let mut k = first;
    let mut words = 0;
    let mut last_plural = None;
    let mut first_word_end = None;
    while let Some(w) = toks.get(k) {
        let word_ok = w.kind == Kind::Word
            && w.low.chars().count() > 1
            && !STOP.contains(&w.low.as_str())
            && (k == first || w.gap);
        if !word_ok || words == MAX_WORDS {
            break;
        }
        if k == first && TIME_WORDS.contains(&w.low.as_str()) {
            return None;
        }
        // "ex-Soviet", "long-range": hyphenated words stay whole.
        let mut end = k + 1;
        while toks.get(end).is_some_and(|h| h.is_punct('-') && !h.gap)
            && toks
                .get(end + 1)
                .is_some_and(|x| x.kind == Kind::Word && !x.gap)
        {
            end += 2;
        }
        if TIME_WORDS.contains(&w.low.as_str()) {
            break;
        }
        words += 1;
        first_word_end.get_or_insert(end);
        if is_plural(&toks[end - 1].low) {
            last_plural = Some(end);
        }
        k = end;
    }
    let thing_end = if n.value == 1.0 {
        first_word_end?
    } else {
        last_plural?
    };
    Some((thing_end, n.value, n.scale, first, thing_end))
}

/// Whether a word looks like a plural noun.
fn is_plural(w: &str) -> bool {
    IRREGULAR.contains(&w)
        || (w.len() > 3
            && w.ends_with('s')
            && !w.ends_with("ss")
            && !w.ends_with("us")
            && !w.ends_with("is")
            && !w.ends_with("'s"))
}

fn is_month(w: &str) -> bool {
    matches!(
        w,
        "january"
            | "february"
            | "march"
            | "april"
            | "may"
            | "june"
            | "july"
            | "august"
            | "september"
            | "october"
            | "november"
            | "december"
            | "jan"
            | "feb"
            | "mar"
            | "apr"
            | "jun"
            | "jul"
            | "aug"
            | "sep"
            | "sept"
            | "oct"
            | "nov"
            | "dec"
    )
}
