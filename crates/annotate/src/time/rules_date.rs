//! Calendar dates as written: "February 28, 2023", "Feb. 24", "28 February 2023", "2023-02-28",
//! "2/28/2023", "March 2021", "Tuesday, Feb. 28", years ("2019", "fiscal 1989", "nineteen
//! ninety-six"), decades ("the 1990s", "'80s", "the nineties") and centuries ("the 20th century").

use super::grammar::Cx;
use super::lexicon;
use super::sem::{Sem, YearSpec};
use crate::amounts::number::small_word;

/// Words before a bare month name that make it a month ("in May", "last March").
const MONTH_CUES: &[&str] = &[
    "in",
    "of",
    "since",
    "until",
    "till",
    "by",
    "last",
    "next",
    "this",
    "early",
    "late",
    "mid",
    "from",
    "to",
    "through",
    "during",
    "before",
    "after",
    "between",
    "and",
    "or",
    "since",
    "past",
    "coming",
    "each",
    "every",
    "that",
    "-",
    "end",
    "beginning",
    "middle",
    "the",
];

/// "2023-02-28", "2023/02/28", "2/28/2023", "2/28/23".
pub(crate) fn iso_date(cx: &Cx, i: usize) -> Option<(usize, Sem)> {
    let a = cx.toks.get(i)?;
    let sep = if cx.punct(i + 1, '-') { '-' } else { '/' };
    if !(cx.punct(i + 1, sep) && cx.punct(i + 3, sep)) || (1..5).any(|k| !cx.attached(i + k)) {
        return None;
    }
    let (x, y, z) = (cx.int(i)?, cx.int(i + 2)?, cx.int(i + 4)?);
    let (year, month, day) = if a.digits() == 4 {
        (x, y, z)
    } else if sep == '/'
        && cx
            .toks
            .get(i + 4)
            .is_some_and(|t| t.digits() == 4 || t.digits() == 2)
    {
        let year = if cx.toks[i + 4].digits() == 2 {
            1900 + z + if z < 50 { 100 } else { 0 }
        } else {
            z
        };
        (year, x, y)
    } else {
        return None;
    };
    // Not a longer number run ("2023-02-28-1").
    if cx.hyphen(i + 5) && cx.int(i + 6).is_some() {
        return None;
    }
    let (year, month, day) = (
        i32::try_from(year).ok()?,
        u32::try_from(month).ok()?,
        u32::try_from(day).ok()?,
    );
    super::calendar::Date::new(year, month, day)?;
    Some((
        i + 5,
        Sem::Cal {
            year: YearSpec::Stated(year),
            month: Some(month),
            day: Some(day),
        },
    ))
}

/// "Tuesday, Feb. 28" and "Friday Oct. 13": the stated date carries the meaning.
pub(crate) fn weekday_date(cx: &Cx, i: usize) -> Option<(usize, Sem)> {
    let (_, plural) = lexicon::weekday(cx.low(i))?;
    if plural || !cx.cap(i) {
        return None;
    }
    let mut j = i + 1;
    if cx.punct(j, '.') && cx.attached(j) {
        j += 1;
    }
    if cx.punct(j, ',') {
        j += 1;
    }
    let (end, sem) = month_date(cx, j).or_else(|| day_month(cx, j))?;
    matches!(sem, Sem::Cal { day: Some(_), .. }).then_some((end, sem))
}

/// "February 28, 2023", "Feb. 24", "March 2021", "June of 1989", "November", "last February".
pub(crate) fn month_date(cx: &Cx, i: usize) -> Option<(usize, Sem)> {
    let shift = match cx.low(i) {
        "last" | "past" => Some(YearSpec::Last),
        "next" | "coming" => Some(YearSpec::Next),
        "this" => Some(YearSpec::Rel(0)),
        _ => None,
    };
    if let Some(year) = shift {
        let (m, j) = month_at(cx, i + 1)?;
        if let Some((d, k)) = day_at(cx, j) {
            return Some((k, cal(year, m, Some(d))));
        }
        return Some((j, cal(year, m, None)));
    }
    let (m, j) = month_at(cx, i)?;
    if let Some((d, k)) = day_at(cx, j) {
        let k2 = if cx.punct(k, ',') { k + 1 } else { k };
        if let Some((y, e)) = year_at(cx, k2) {
            return Some((e, cal(YearSpec::Stated(y), m, Some(d))));
        }
        return Some((k, cal(YearSpec::Infer, m, Some(d))));
    }
    let k = if cx.punct(j, ',') || cx.is(j, "of") {
        j + 1
    } else {
        j
    };
    if let Some((y, e)) = year_at(cx, k) {
        return Some((e, cal(YearSpec::Stated(y), m, None)));
    }
    // "January this year", "July last year".
    if cx.any(j, &["this", "last", "next"]) && cx.is(j + 1, "year") {
        let n = match cx.low(j) {
            "last" => -1,
            "next" => 1,
            _ => 0,
        };
        return Some((j + 2, cal(YearSpec::Rel(n), m, None)));
    }
    bare_month_ok(cx, i, m, j).then(|| (j, cal(YearSpec::Infer, m, None)))
}

/// "28 February", "28th February 2023", "the 28th of February".
pub(crate) fn day_month(cx: &Cx, i: usize) -> Option<(usize, Sem)> {
    let start = cx.opt(i, "the");
    let (d, mut j) = day_at(cx, start).or_else(|| {
        let d = lexicon::ordinal(cx.low(start))?;
        (d <= 31 && cx.is(start + 1, "of")).then_some((d, start + 1))
    })?;
    j = cx.opt(j, "of");
    let (m, k) = month_at(cx, j)?;
    let k2 = if cx.punct(k, ',') { k + 1 } else { k };
    if let Some((y, e)) = year_at(cx, k2) {
        return Some((e, cal(YearSpec::Stated(y), m, Some(d))));
    }
    Some((k, cal(YearSpec::Infer, m, Some(d))))
}

/// A year alone: "1991", "fiscal 1989", "FY 2023", "the year 2000", "nineteen ninety-six".
pub(crate) fn year(cx: &Cx, i: usize) -> Option<(usize, Sem)> {
    let mut j = i;
    if cx.is(j, "the") && cx.is(j + 1, "year") {
        j += 2;
        // "the year two thousand"
        if cx.is(j, "two") && cx.is(j + 1, "thousand") {
            return Some((j + 2, cal(YearSpec::Stated(2000), 0, None)));
        }
    } else if cx.any(j, &["fiscal", "fy"]) {
        j += 1;
    }
    let (y, end) = year_at(cx, j)?;
    // Money, measures and scores are not years.
    let prev = if i > 0 { cx.low(i - 1) } else { "" };
    if matches!(
        prev,
        "$" | "£" | "€" | "¥" | "#" | "no" | "us" | "rs" | "number"
    ) || cx.punct(end, '%')
        || cx.any(
            end,
            &[
                "percent", "million", "billion", "people", "shares", "points", "men", "troops",
            ],
        )
        || (cx.punct(end, ':') && cx.attached(end))
    {
        return None;
    }
    Some((end, cal(YearSpec::Stated(y), 0, None)))
}

/// "1990s", "the 1990s", "'80s", "the nineties".
pub(crate) fn decade(cx: &Cx, i: usize) -> Option<(usize, Sem)> {
    let j = cx.opt(i, "the");
    if let Some(y) = cx
        .int(j)
        .filter(|y| (1000..2200).contains(y) && y % 10 == 0)
    {
        if cx.is(j + 1, "s") && cx.attached(j + 1) {
            return Some((j + 2, Sem::Decade(i32::try_from(y / 10).ok()?)));
        }
    }
    if (cx.punct(j, '\'') || cx.punct(j, '’')) && cx.is(j + 2, "s") && cx.attached(j + 2) {
        let d = cx.int(j + 1).filter(|d| d % 10 == 0 && *d < 100)?;
        if cx.toks.get(j + 1).is_some_and(|t| t.digits() == 2) {
            return Some((j + 3, Sem::Decade(190 + i32::try_from(d / 10).ok()?)));
        }
    }
    let tens = match cx.low(j) {
        "twenties" => 2,
        "thirties" => 3,
        "forties" => 4,
        "fifties" => 5,
        "sixties" => 6,
        "seventies" => 7,
        "eighties" => 8,
        "nineties" => 9,
        _ => return None,
    };
    (j > i).then_some((j + 1, Sem::Decade(190 + tens)))
}

/// "the 20th century", "the eleventh century".
pub(crate) fn century(cx: &Cx, i: usize) -> Option<(usize, Sem)> {
    let j = cx.opt(i, "the");
    let (n, k) = if let Some(n) = cx.int(j) {
        (lexicon::is_ordinal_suffix(cx.low(j + 1)) && cx.attached(j + 1)).then_some((n, j + 2))?
    } else {
        (i64::from(lexicon::ordinal(cx.low(j))?), j + 1)
    };
    let k = if cx.hyphen(k) { k + 1 } else { k };
    (cx.is(k, "century") && (1..=30).contains(&n))
        .then(|| (k + 1, Sem::Century(i32::try_from(n - 1).unwrap_or(0))))
}

/// A Sem for a (possibly partial) calendar date; `month == 0` is a year alone.
fn cal(year: YearSpec, month: u32, day: Option<u32>) -> Sem {
    Sem::Cal {
        year,
        month: (month > 0).then_some(month),
        day,
    }
}

/// A month name at `i` (capitalised; abbreviations with their period), with the index after it.
pub(crate) fn month_at(cx: &Cx, i: usize) -> Option<(u32, usize)> {
    let (m, full) = lexicon::month(cx.low(i))?;
    if !cx.cap(i) {
        return None;
    }
    if full {
        return Some((m, i + 1));
    }
    if cx.punct(i + 1, '.') && cx.attached(i + 1) {
        return Some((m, i + 2));
    }
    // "Sept 30": an abbreviation without its period only before a day.
    day_at(cx, i + 1).map(|_| (m, i + 1))
}

/// A day of the month at `i` ("24", "24th"), with the index after it.
pub(crate) fn day_at(cx: &Cx, i: usize) -> Option<(u32, usize)> {
    let t = cx.toks.get(i)?;
    let d = u32::try_from(cx.int(i)?).ok()?;
    if t.digits() > 2 || !(1..=31).contains(&d) {
        return None;
    }
    let mut j = i + 1;
    if lexicon::is_ordinal_suffix(cx.low(j)) && cx.attached(j) {
        j += 1;
    }
    // Not a clock time, a score, a fraction or a share.
    let digits_after = cx.int(j + 1).is_some() && cx.attached(j + 1);
    if (cx.punct(j, ':') || cx.punct(j, '/')) && cx.attached(j) && digits_after {
        return None;
    }
    if cx.punct(j, '%') {
        return None;
    }
    if cx.is_word(j) && cx.attached(j) {
        return None;
    }
    Some((d, j))
}

/// A year at `i`: four digits from 1000 to 2199, or words ("nineteen ninety-six").
pub(crate) fn year_at(cx: &Cx, i: usize) -> Option<(i32, usize)> {
    let t = cx.toks.get(i)?;
    if let Some(y) = cx.int(i) {
        if t.digits() != 4 || !(1000..2200).contains(&y) {
            return None;
        }
        // "1990s" is a decade; "2000m" is not a year.
        if cx.is_word(i + 1) && cx.attached(i + 1) {
            return None;
        }
        return Some((i32::try_from(y).ok()?, i + 1));
    }
    // "nineteen ninety-six", "nineteen eighty".
    let hundreds = small_word(cx.low(i)).filter(|h| (11..=19).contains(h))?;
    let tens = small_word(cx.low(i + 1)).filter(|t| *t >= 20 && t % 10 == 0)?;
    let mut end = i + 2;
    let mut y = hundreds * 100 + tens;
    if cx.hyphen(end) {
        if let Some(u) = small_word(cx.low(end + 1)).filter(|u| (1..10).contains(u)) {
            y += u;
            end += 2;
        }
    }
    Some((i32::try_from(y).ok()?, end))
}

/// Whether a bare month name at `i` (ending at `end`) is a month and not a verb, modal or name.
fn bare_month_ok(cx: &Cx, i: usize, m: u32, end: usize) -> bool {
    let prev = if i > 0 { cx.low(i - 1) } else { "" };
    let cue = MONTH_CUES.contains(&prev);
    match m {
        // "May" and "March" are also a modal, a verb and names.
        3 | 5 => cue && !(i > 0 && cx.cap(i - 1) && cx.is_word(i - 1)),
        _ => {
            // A capitalised word on either side makes it part of a name ("Bank March Ltd").
            let after_name = i > 0 && cx.cap(i - 1) && cx.is_word(i - 1) && !cx.toks[i].newline;
            let before_name = cx.cap(end) && cx.is_word(end);
            cue || !(after_name || before_name)
        }
    }
}
