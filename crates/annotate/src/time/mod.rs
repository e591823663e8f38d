//! Time expressions in English news text, found and normalised TIMEX3-style.
//!
//! [`find_timexes`] reads dates ("February 28, 2023", "Feb. 24", "28 February", "2023-02-28",
//! "March 2021", "2019", "the 1990s"), weekdays ("on Tuesday", "last Friday"), relative
//! expressions ("yesterday", "last week", "in November", "two years ago", "next month"), vague
//! references ("recently" -> `PAST_REF`, "now" -> `PRESENT_REF`), quarters and seasons ("the third
//! quarter", "last fall"), durations ("a two-year stalemate" -> `P2Y`, "three days" -> `P3D`), times
//! of day ("at 9 a.m.", "Friday morning") and sets ("every week" -> `P1W`), each with its byte
//! span, TIMEX3 type, value and granularity.
//!
//! Values are resolved against a reference date (the article's date; TimeML's document creation
//! time). Tense matters: "was re-elected in November" is the previous November, "will meet on
//! Friday" the next Friday; a bare weekday in a past or present clause is the latest such day on
//! or before the reference. Anaphoric expressions ("a year earlier", "that day", "the quarter")
//! count from the last date mentioned. Without a reference date an expression keeps its type and
//! granularity, and its value only says what the text states ("XXXX-11", "XXXX-WXX-2", `P3D`).
//!
//! The pipeline: [`crate::amounts::scan`] tokens -> `grammar` (rules in `rules_*`, longest match)
//! -> `tense` per sentence -> `resolve` (with `reckon` and `value`). Pure: no IO, never panics on odd text.

mod calendar;
mod grammar;
mod lexicon;
mod reckon;
mod resolve;
mod rules_clock;
mod rules_date;
mod rules_dur;
mod rules_period;
mod rules_rel;
mod sem;
mod tense;
#[cfg(test)]
mod tests;
mod value;

pub use calendar::Date;

use crate::amounts::scan;

/// TIMEX3 types.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash)]
pub enum TimexType {
    /// A calendar date or period: "Feb. 24", "last week", "the third quarter", "now".
    Date,
    /// A time of day: "9 a.m.", "Friday morning".
    Time,
    /// An amount of time: "three days".
    Duration,
    /// A recurrence: "every week".
    Set,
}

impl TimexType {
    /// The TimeML name: `DATE`, `TIME`, `DURATION` or `SET`.
    pub fn as_str(self) -> &'static str {
        match self {
            TimexType::Date => "DATE",
            TimexType::Time => "TIME",
            TimexType::Duration => "DURATION",
            TimexType::Set => "SET",
        }
    }
}

/// The finest unit an expression names.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash)]
pub enum Granularity {
    Century,
    Decade,
    Year,
    Half,
    Quarter,
    Season,
    Month,
    Week,
    Weekend,
    Day,
    PartOfDay,
    Hour,
    Minute,
    Second,
    /// Vague references ("recently") and sets.
    Unspecified,
}

/// One time expression.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Timex {
    /// Byte offset of its first byte in the text.
    pub start: usize,
    /// Byte offset one past its last byte.
    pub end: usize,
    /// TIMEX3 type.
    pub kind: TimexType,
    /// TIMEX3 value ("2023-02-28", "P2Y", "PAST_REF", "XXXX-11"); `None` when it depends on a
    /// reference date that was not given ("yesterday" without one).
    pub value: Option<String>,
    /// The finest unit it names.
    pub granularity: Granularity,
}

/// Finds the time expressions of `text`, resolved against `reference` (the article's date).
pub fn find_timexes(text: &str, reference: Option<Date>) -> Vec<Timex> {
    find_timexes_in(text, &scan::scan(text), reference)
}

/// [`find_timexes`] over tokens already scanned from `text`.
pub(crate) fn find_timexes_in(
    text: &str,
    toks: &[scan::Tok],
    reference: Option<Date>,
) -> Vec<Timex> {
    let found = grammar::find(toks);
    if found.is_empty() {
        return Vec::new();
    }
    let mut sentences = SentenceRanges::new(text, toks);
    let mut ctx = resolve::Context {
        reference,
        ..resolve::Context::default()
    };
    let mut out = Vec::with_capacity(found.len());
    for f in found {
        let (Some(first), Some(last)) = (toks.get(f.start), toks.get(f.end.saturating_sub(1)))
        else {
            continue;
        };
        let sent = sentences
            .around(f.start, first.start)
            .unwrap_or(f.start..f.end);
        let tense = tense::tense_near(toks, sent, f.start, f.end);
        let r = ctx.resolve(&f.sem, tense);
        out.push(Timex {
            start: first.start,
            end: last.end,
            kind: r.kind,
            value: r.value,
            granularity: r.granularity,
        });
    }
    out
}

/// Sentences as ranges of scanned-token indices, split chunk by chunk on demand.
///
/// A blank line always ends a sentence, so the text's blank-line-separated chunks (an article's
/// title, captions and paragraphs) split independently: only chunks holding an expression are
/// tokenized, which spares most of the text the tokenizer.
struct SentenceRanges<'a> {
    text: &'a str,
    toks: &'a [scan::Tok],
    /// The chunk last split (byte range) and its sentences.
    chunk: std::ops::Range<usize>,
    ranges: Vec<std::ops::Range<usize>>,
}

impl<'a> SentenceRanges<'a> {
    fn new(text: &'a str, toks: &'a [scan::Tok]) -> Self {
        SentenceRanges {
            text,
            toks,
            chunk: 0..0,
            ranges: Vec::new(),
        }
    }

    /// The sentence holding scanned token `tok`, which starts at byte `at`.
    fn around(&mut self, tok: usize, at: usize) -> Option<std::ops::Range<usize>> {
        if !self.chunk.contains(&at) {
            self.chunk = chunk_around(self.text, at);
            let piece = self.text.get(self.chunk.clone())?;
            let base = self.chunk.start;
            let words = crate::tokenize(piece);
            let toks = self.toks;
            self.ranges = crate::split_sentences(piece, &words)
                .into_iter()
                .map(|s| {
                    let a = toks.partition_point(|t| t.start < base + s.start);
                    let b = toks.partition_point(|t| t.start < base + s.end);
                    a..b
                })
                .collect();
        }
        self.ranges.iter().find(|r| r.contains(&tok)).cloned()
    }
}

/// The byte range of the blank-line-separated chunk holding byte `at` (a token's first byte).
fn chunk_around(text: &str, at: usize) -> std::ops::Range<usize> {
    let bytes = text.as_bytes();
    let at = at.min(bytes.len());
    let mut k = at;
    let start = loop {
        let Some(n) = bytes[..k].iter().rposition(|&b| b == b'\n') else {
            break 0;
        };
        let run = whitespace_run(bytes, n);
        if is_blank_line(&bytes[run.clone()]) {
            break run.end.min(at);
        }
        k = run.start;
    };
    let mut k = at;
    let end = loop {
        let Some(n) = bytes[k..].iter().position(|&b| b == b'\n') else {
            break bytes.len();
        };
        let run = whitespace_run(bytes, k + n);
        if is_blank_line(&bytes[run.clone()]) {
            break run.start.max(at);
        }
        k = run.end;
    };
    start..end
}

/// The run of ASCII whitespace around byte `k`, itself whitespace.
fn whitespace_run(bytes: &[u8], k: usize) -> std::ops::Range<usize> {
    let mut a = k;
    while a > 0 && bytes[a - 1].is_ascii_whitespace() {
        a -= 1;
    }
    let mut b = k + 1;
    while b < bytes.len() && bytes[b].is_ascii_whitespace() {
        b += 1;
    }
    a..b
}

/// Whether a run of whitespace holds a blank line, which always ends a sentence.
fn is_blank_line(run: &[u8]) -> bool {
    run.iter().filter(|&&b| b == b'\n').count() >= 2
}
