//! Parts of a year: quarters and halves as financial news writes them ("the third quarter",
//! "third-quarter", "the fiscal first quarter", "the 1988 period", "the year-earlier quarter",
//! "the first half of 1990", "the current quarter"), seasons ("last fall", "this summer", "the
//! winter of 1994") and holidays ("Thanksgiving", "Christmas Eve", "Election Day").

use super::grammar::Cx;
use super::lexicon::{self, Unit};
use super::rules_date::year_at;
use super::sem::{Holiday, Sem, YearSpec};

/// Quarters and halves.
pub(crate) fn quarter(cx: &Cx, i: usize) -> Option<(usize, Sem)> {
    let mut j = cx.opt(i, "the");
    let the = j > i;
    // A relative word before "quarter": "the current quarter", "last quarter", "the latest quarter".
    if let Some(n) = relative_word(cx.low(j)) {
        if cx.is(j + 1, "fiscal") {
            j += 1;
        }
        let period = cx.is(j + 1, "period") && matches!(n, Rel::Latest);
        if cx.is(j + 1, "quarter") || period {
            let sem = match n {
                Rel::Shift(n) => Sem::Rel {
                    unit: Unit::Quarter,
                    n,
                },
                Rel::Latest => Sem::Quarter {
                    q: None,
                    year: YearSpec::Infer,
                },
            };
            return Some((j + 2, sem));
        }
    }
    let (year, after_year) = year_qualifier(cx, j);
    j = after_year;
    if cx.is(j, "fiscal") {
        j += 1;
        if cx.hyphen(j) {
            j += 1;
        }
    }
    // "the 1988 period", "the year-earlier quarter", "the quarter".
    if cx.any(j, &["quarter", "period"])
        && (year != YearSpec::Infer || (the && cx.is(j, "quarter")))
    {
        let (end, year) = quarter_tail(cx, j + 1, year);
        return Some((end, Sem::Quarter { q: None, year }));
    }
    // "year-earlier results": the same period a year before.
    if let YearSpec::Anaphor(_) = year {
        if ordinal_at(cx, j).is_none() {
            return Some((j, Sem::Quarter { q: None, year }));
        }
    }
    let (n, k) = ordinal_at(cx, j)?;
    let k = if cx.hyphen(k) { k + 1 } else { k };
    let (q, half) = match cx.low(k) {
        "quarter" if (1..=4).contains(&n) => (n, false),
        "half" if (1..=2).contains(&n) => (n, true),
        _ => return None,
    };
    let (end, year) = quarter_tail(cx, k + 1, year);
    let sem = if half {
        Sem::Half { h: q, year }
    } else {
        Sem::Quarter { q: Some(q), year }
    };
    Some((end, sem))
}

/// "this summer", "last fall", "the winter of 1994", "summer".
pub(crate) fn season(cx: &Cx, i: usize) -> Option<(usize, Sem)> {
    let (mut year, mut j) = match cx.low(i) {
        "this" if cx.is(i + 1, "past") => (YearSpec::Last, i + 2),
        "this" if cx.is(i + 1, "coming") => (YearSpec::Next, i + 2),
        "this" => (YearSpec::Rel(0), i + 1),
        "the" => (YearSpec::Infer, i + 1),
        "last" | "past" => (YearSpec::Last, i + 1),
        "next" | "coming" => (YearSpec::Next, i + 1),
        _ => (YearSpec::Infer, i),
    };
    let word = cx.low(j);
    let code = lexicon::season(word)?;
    if word.ends_with('s') {
        return None;
    }
    j += 1;
    if cx.is(j, "of") {
        let (y, e) = year_at(cx, j + 1)?;
        return Some((
            e,
            Sem::Season {
                code,
                year: YearSpec::Stated(y),
            },
        ));
    }
    if let Some((y, e)) = year_at(cx, j) {
        year = YearSpec::Stated(y);
        j = e;
    } else if year == YearSpec::Infer {
        // A season word without a determiner of its own needs a cue before it: "in summer",
        // "during the winter"; "fall" is also a noun and a verb ("the fall in prices").
        let at = if cx.is(i, "the") { i } else { j - 1 };
        let prev = if at > 0 { cx.low(at - 1) } else { "" };
        let cue = matches!(
            prev,
            "in" | "during"
                | "since"
                | "until"
                | "by"
                | "early"
                | "late"
                | "-"
                | "into"
                | "over"
                | "through"
                | "throughout"
        );
        if !cue || cx.any(j, &["in", "'", "’"]) {
            return None;
        }
    }
    Some((j, Sem::Season { code, year }))
}

/// Holidays: "Thanksgiving (Day)", "Christmas (Eve)", "New Year's Day", "Election Day".
pub(crate) fn holiday(cx: &Cx, i: usize) -> Option<(usize, Sem)> {
    let (year, j) = match cx.low(i) {
        "last" | "past" => (YearSpec::Last, i + 1),
        "next" | "this" | "coming" => (
            if cx.is(i, "this") {
                YearSpec::Rel(0)
            } else {
                YearSpec::Next
            },
            i + 1,
        ),
        _ => (YearSpec::Infer, i),
    };
    if !cx.cap(j) {
        return None;
    }
    let day_word = |k: usize| cx.is(k, "day");
    let apos = |k: usize| (cx.punct(k, '\'') || cx.punct(k, '’')) && cx.is(k + 1, "s");
    let (day, end) = match cx.low(j) {
        "thanksgiving" => (Holiday::Thanksgiving, j + 1 + usize::from(day_word(j + 1))),
        "christmas" if cx.is(j + 1, "eve") => (Holiday::ChristmasEve, j + 2),
        "christmas" => (Holiday::Christmas, j + 1 + usize::from(day_word(j + 1))),
        "easter" => (Holiday::Easter, j + 1 + usize::from(cx.is(j + 1, "sunday"))),
        "halloween" => (Holiday::Halloween, j + 1),
        "new" if cx.is(j + 1, "year") && apos(j + 2) && cx.is(j + 4, "eve") => {
            (Holiday::NewYearsEve, j + 5)
        }
        "new" if cx.is(j + 1, "year") && apos(j + 2) && day_word(j + 4) => {
            (Holiday::NewYearsDay, j + 5)
        }
        "independence" if day_word(j + 1) => (Holiday::IndependenceDay, j + 2),
        "labor" | "labour" if day_word(j + 1) => (Holiday::LaborDay, j + 2),
        "memorial" if day_word(j + 1) => (Holiday::MemorialDay, j + 2),
        "election" if day_word(j + 1) => (Holiday::ElectionDay, j + 2),
        "valentine" if apos(j + 1) && day_word(j + 3) => (Holiday::ValentinesDay, j + 4),
        _ => return None,
    };
    let (end, year) = match year_at(cx, end) {
        Some((y, e)) => (e, YearSpec::Stated(y)),
        None => (end, year),
    };
    Some((end, Sem::Holiday { day, year }))
}

/// How a relative word moves a quarter.
enum Rel {
    Shift(i32),
    Latest,
}

fn relative_word(w: &str) -> Option<Rel> {
    Some(match w {
        "current" | "this" | "present" => Rel::Shift(0),
        "last" | "previous" | "past" | "prior" | "preceding" => Rel::Shift(-1),
        "next" | "coming" | "following" | "upcoming" => Rel::Shift(1),
        "latest" | "same" | "recent" | "most" | "that" => Rel::Latest,
        _ => return None,
    })
}

/// A year before the quarter: "1988", "this year's", "next year's", "year-earlier", "year-ago",
/// "comparable year-ago". Returns the spec and the index after it.
fn year_qualifier(cx: &Cx, i: usize) -> (YearSpec, usize) {
    let j = if cx.any(i, &["comparable", "corresponding", "same"]) {
        i + 1
    } else {
        i
    };
    if let Some((y, e)) = year_at(cx, j) {
        return (YearSpec::Stated(y), e);
    }
    let apos = |k: usize| (cx.punct(k, '\'') || cx.punct(k, '’')) && cx.is(k + 1, "s");
    if cx.any(j, &["this", "last", "next"]) && cx.is(j + 1, "year") && apos(j + 2) {
        let n = match cx.low(j) {
            "last" => -1,
            "next" => 1,
            _ => 0,
        };
        return (YearSpec::Rel(n), j + 4);
    }
    if cx.is(j, "year") && cx.hyphen(j + 1) && cx.any(j + 2, &["earlier", "ago"]) {
        return (YearSpec::Anaphor(-1), j + 3);
    }
    (YearSpec::Infer, i)
}

/// What may follow a quarter: "of 1990", "of next year", "a year ago", "a year earlier".
fn quarter_tail(cx: &Cx, i: usize, year: YearSpec) -> (usize, YearSpec) {
    if cx.is(i, "of") {
        if let Some((y, e)) = year_at(cx, i + 1) {
            return (e, YearSpec::Stated(y));
        }
        if cx.any(i + 1, &["this", "last", "next"]) && cx.is(i + 2, "year") {
            let n = match cx.low(i + 1) {
                "last" => -1,
                "next" => 1,
                _ => 0,
            };
            return (i + 3, YearSpec::Rel(n));
        }
    }
    if let Some((y, e)) = year_at(cx, i) {
        return (e, YearSpec::Stated(y));
    }
    if cx.any(i, &["a", "one"]) && cx.is(i + 1, "year") && cx.any(i + 2, &["ago", "earlier"]) {
        return (i + 3, YearSpec::Anaphor(-1));
    }
    (i, year)
}

/// An ordinal 1-4 or "last" (as in "the last half"): word or digits with suffix.
fn ordinal_at(cx: &Cx, i: usize) -> Option<(u32, usize)> {
    if let Some(n) = cx.int(i) {
        let ok = lexicon::is_ordinal_suffix(cx.low(i + 1)) && cx.attached(i + 1);
        return ok.then_some((u32::try_from(n).ok()?, i + 2));
    }
    if cx.is(i, "last") && cx.is(i + 1, "half") {
        return Some((2, i + 1));
    }
    lexicon::ordinal(cx.low(i)).map(|n| (n, i + 1))
}
