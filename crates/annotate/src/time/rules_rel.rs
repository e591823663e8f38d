//! Expressions relative to the reference date or to the last date mentioned: "yesterday",
//! "tonight", "Tuesday", "last Friday", "two years ago", "a year earlier", "last week", "this
//! year", "the following day", "that year", and the vague references "now", "recently", "the
//! future".

use super::grammar::Cx;
use super::lexicon::{self, Unit};
use super::rules_dur::amount_at;
use super::sem::Sem;

/// "today", "yesterday morning", "tomorrow", "tonight", "last night", "this morning", "the day
/// before yesterday".
pub(crate) fn day_word(cx: &Cx, i: usize) -> Option<(usize, Sem)> {
    let (n, j) = match cx.low(i) {
        "today" => (0, i + 1),
        "tomorrow" => (1, i + 1),
        "yesterday" => (-1, i + 1),
        "tonight" => return Some((i + 1, part_of(day(0), "NI"))),
        "last" if cx.is(i + 1, "night") => return Some((i + 2, part_of(day(-1), "NI"))),
        "this" => {
            let part = lexicon::part_of_day(cx.low(i + 1)).filter(|_| !cx.is(i + 1, "night"))?;
            return (!cx.low(i + 1).ends_with('s')).then(|| (i + 2, part_of(day(0), part)));
        }
        "the" if cx.is(i + 1, "day") => match (cx.low(i + 2), cx.low(i + 3)) {
            ("before", "yesterday") => (-2, i + 4),
            ("after", "tomorrow") => (2, i + 4),
            _ => return None,
        },
        _ => return None,
    };
    // "yesterday morning", "tomorrow night"
    match lexicon::part_of_day(cx.low(j)).filter(|_| !cx.low(j).ends_with('s')) {
        Some(part) => Some((j + 1, part_of(day(n), part))),
        None => Some((j, day(n))),
    }
}

/// "Tuesday", "last Friday", "next Monday", "this coming Sunday", "Friday morning", "Mondays",
/// "Tuesday nights".
pub(crate) fn weekday(cx: &Cx, i: usize) -> Option<(usize, Sem)> {
    let (shift, j) = match (cx.low(i), cx.low(i + 1)) {
        ("this", "coming") | ("next", _) | ("coming", _) => {
            (1, i + 1 + usize::from(cx.is(i, "this")))
        }
        ("this", "past") | ("last", _) | ("past", _) | ("previous", _) => {
            (-1, i + 1 + usize::from(cx.is(i, "this")))
        }
        ("this", _) => (2, i + 1),
        _ => (0, i),
    };
    let (dow, plural) = lexicon::weekday(cx.low(j))?;
    if !cx.cap(j) {
        return None;
    }
    let mut end = j + 1;
    let abbrev = !cx.low(j).ends_with("day") && !plural;
    if abbrev {
        // "Wed", "Sat", "Sun" are words too: only with their period.
        if !(cx.punct(end, '.') && cx.attached(end)) {
            return None;
        }
        end += 1;
    }
    if plural {
        // "on Mondays": a set.
        return (shift == 0).then(|| (end, Sem::Set(format!("XXXX-WXX-{dow}"))));
    }
    if let Some(part) = lexicon::part_of_day(cx.low(end)) {
        // "Tuesday nights" is a set; "Friday morning" a part of one day.
        if cx.low(end).ends_with('s') {
            let set = Sem::Set(format!("XXXX-WXX-{dow}T{part}"));
            return (shift == 0).then_some((end + 1, set));
        }
        return Some((end + 1, part_of(Sem::Weekday { dow, shift }, part)));
    }
    if let Some(found) = super::rules_date::weekday_date(cx, j) {
        return Some(found);
    }
    Some((end, Sem::Weekday { dow, shift }))
}

/// The reference day moved by n days.
fn day(n: i32) -> Sem {
    Sem::Rel { unit: Unit::Day, n }
}

/// A part of a day.
fn part_of(base: Sem, part: &'static str) -> Sem {
    Sem::PartOfDay {
        base: Box::new(base),
        part,
    }
}

/// "two years ago", "a week or so ago", "a year earlier", "ten days from now", "years ago".
pub(crate) fn offset(cx: &Cx, i: usize) -> Option<(usize, Sem)> {
    let (n, unit, mut j) = amount_at(cx, i)?;
    if cx.is(j, "or") && cx.is(j + 1, "so") {
        j += 2;
    }
    let (back, anaphoric, end) = match cx.low(j) {
        "ago" => (true, false, j + 1),
        "earlier" => (true, true, j + 1),
        "from" if cx.is(j + 1, "now") => (false, false, j + 2),
        "hence" => (false, false, j + 1),
        _ => return None,
    };
    if unit == Unit::Weekend {
        return None;
    }
    Some((
        end,
        Sem::Offset {
            unit,
            n,
            back,
            anaphoric,
        },
    ))
}

/// "last week", "this year", "next month", "the current year", "the following day", "that
/// year", "the weekend", "this past weekend".
pub(crate) fn relative_unit(cx: &Cx, i: usize) -> Option<(usize, Sem)> {
    if let Some(found) = the_unit(cx, i) {
        return Some(found);
    }
    let the = cx.is(i, "the");
    let j = i + usize::from(the);
    let (w, k) = if cx.is(j, "this") && cx.any(j + 1, &["past", "coming"]) {
        (if cx.is(j + 1, "past") { "last" } else { "next" }, j + 2)
    } else if cx.is(j, "that") && cx.is(j + 1, "same") {
        ("that", j + 2)
    } else {
        (cx.low(j), j + 1)
    };
    let (unit, plural) = lexicon::unit(cx.low(k))?;
    if plural || unit == Unit::Quarter || cx.hyphen(k + 1) {
        return None;
    }
    let end = k + 1;
    let n = match (the, w) {
        (false, "this" | "current") | (true, "current" | "present") => 0,
        (false, "last" | "past" | "previous") => -1,
        (false, "next" | "coming") => 1,
        (true, "coming" | "upcoming") if unit == Unit::Weekend => 1,
        (true, "following" | "next") => return Some((end, Sem::Anaphor { unit, n: 1 })),
        (true, "previous" | "preceding" | "prior") => {
            return Some((end, Sem::Anaphor { unit, n: -1 }));
        }
        (true, "same") | (false, "that") => return Some((end, Sem::Anaphor { unit, n: 0 })),
        _ => return None,
    };
    Some((end, Sem::Rel { unit, n }))
}

/// "the weekend", "the year", "the fiscal year", "(the end of) the month", "year-end".
fn the_unit(cx: &Cx, i: usize) -> Option<(usize, Sem)> {
    // "year-end", "year end", "year's end"
    if cx.is(i, "year") {
        let apos = (cx.punct(i + 1, '\'') || cx.punct(i + 1, '’')) && cx.is(i + 2, "s");
        let end = if apos {
            i + 3
        } else if cx.hyphen(i + 1) {
            i + 2
        } else {
            i + 1
        };
        return cx.is(end, "end").then_some((
            end + 1,
            Sem::Rel {
                unit: Unit::Year,
                n: 0,
            },
        ));
    }
    if !cx.is(i, "the") {
        return None;
    }
    // "the week of March 6"
    if cx.is(i + 1, "week") && cx.is(i + 2, "of") {
        let (end, day) = super::rules_date::month_date(cx, i + 3)
            .or_else(|| super::rules_date::day_month(cx, i + 3))?;
        return day.is_day().then(|| (end, Sem::WeekOf(Box::new(day))));
    }
    // "the year", "the full year", "the fiscal year": the reference's year, or a year-long
    // period when it is said to end ("the year ended Sept. 30").
    let mut j = i + 1;
    if cx.any(j, &["current", "present"]) {
        j += 1;
    }
    if cx.any(j, &["full", "fiscal", "calendar", "entire", "whole"]) {
        j += 1;
    }
    if cx.is(j, "year")
        && !cx.hyphen(j + 1)
        && !cx.any(j + 1, &["'", "’", "before", "after", "earlier", "ago"])
    {
        let ended = cx.any(j + 1, &["ended", "ending", "ends", "through"])
            || (cx.is(j + 1, "that") && cx.any(j + 2, &["ended", "ends"]))
            || (i > 0 && cx.any(i - 1, &["throughout", "during"]));
        let sem = if ended {
            Sem::Duration {
                n: Some(1.0),
                unit: Unit::Year,
            }
        } else {
            Sem::Rel {
                unit: Unit::Year,
                n: 0,
            }
        };
        return Some((j + 1, sem));
    }
    let (unit, plural) = lexicon::unit(cx.low(i + 1))?;
    if plural || cx.hyphen(i + 2) {
        return None;
    }
    if unit == Unit::Weekend {
        return Some((i + 2, Sem::Rel { unit, n: 0 }));
    }
    // "for the week", "the week's most active session"
    let bound = [
        "of",
        "before",
        "after",
        "following",
        "ahead",
        "earlier",
        "later",
        "ended",
        "ending",
    ];
    if unit == Unit::Week && !cx.any(i + 2, &bound) {
        return Some((i + 2, Sem::Rel { unit, n: 0 }));
    }
    let positioned = i >= 2
        && cx.is(i - 1, "of")
        && cx.any(
            i - 2,
            &["end", "beginning", "start", "middle", "rest", "remainder"],
        );
    if positioned && matches!(unit, Unit::Year | Unit::Month | Unit::Week) {
        return Some((i + 2, Sem::Rel { unit, n: 0 }));
    }
    None
}

/// "now", "currently", "recently", "the past", "the future", "soon", "these days".
pub(crate) fn reference(cx: &Cx, i: usize) -> Option<(usize, Sem)> {
    let w = cx.low(i);
    let next = cx.low(i + 1);
    let (end, r) = match w {
        "now" if next != "-" => (i + 1, "PRESENT_REF"),
        "right" | "just" if next == "now" => (i + 2, "PRESENT_REF"),
        "currently" | "nowadays" | "presently" => (i + 1, "PRESENT_REF"),
        "current" if lexicon::unit(next).is_none() && !matches!(next, "fiscal" | "calendar") => {
            (i + 1, "PRESENT_REF")
        }
        "these" if next == "days" => (i + 2, "PRESENT_REF"),
        "at" if next == "present" => (i + 2, "PRESENT_REF"),
        "recently" | "lately" => (i + 1, "PAST_REF"),
        "the" if next == "past" && !is_unit_ahead(cx, i + 2) && !cx.is_word_num(i + 2) => {
            (i + 2, "PAST_REF")
        }
        "the" if next == "future" => (i + 2, "FUTURE_REF"),
        "the" if cx.any(i + 1, &["near", "foreseeable", "distant"]) && cx.is(i + 2, "future") => {
            (i + 3, "FUTURE_REF")
        }
        "the" if cx.any(i + 1, &["near", "short", "long"]) && cx.is(i + 2, "term") => {
            (i + 3, "FUTURE_REF")
        }
        "as" if next == "soon" && cx.is(i + 2, "as") && cx.is(i + 3, "possible") => {
            (i + 4, "FUTURE_REF")
        }
        "a" if next == "later" && cx.is(i + 2, "date") => (i + 3, "FUTURE_REF"),
        _ => return None,
    };
    Some((end, Sem::Ref(r)))
}

/// Whether a unit word (or a number and a unit) starts at `i`: "recent years", "the past two
/// months".
fn is_unit_ahead(cx: &Cx, i: usize) -> bool {
    lexicon::unit(cx.low(i)).is_some()
        || amount_at(cx, i).is_some()
        || lexicon::is_vague_count(cx.low(i))
}

impl Cx<'_> {
    /// Whether token `i` is a number (digits or a number word).
    pub fn is_word_num(&self, i: usize) -> bool {
        crate::amounts::number::parse(self.toks, i).is_some()
    }
}
