//! Amounts of time and recurrences: "three days", "a two-year stalemate", "the past two months",
//! "nearly five months", "several years", "an hour and a half", "recent weeks"; "every week",
//! "each Thursday", "daily", "twice a year".

use super::grammar::Cx;
use super::lexicon::{self, Unit};
use super::sem::Sem;
use crate::amounts::number;

/// Words between a count and its unit ("20 more years", "eight trading days").
const FILLERS: &[&str] = &[
    "more",
    "additional",
    "full",
    "straight",
    "consecutive",
    "trading",
];

/// Words that open a stretch of time before its amount ("the past two months").
const LEADS: &[&str] = &[
    "past",
    "last",
    "next",
    "coming",
    "first",
    "latest",
    "previous",
    "following",
    "final",
    "recent",
    "initial",
];

/// An amount of a unit at `i`: "two years", "a day", "a few weeks" (`None`: vague), "20 more
/// years", "an hour and a half", "half an hour". Returns the count, the unit and the end.
pub(crate) fn amount_at(cx: &Cx, i: usize) -> Option<(Option<f64>, Unit, usize)> {
    let w = cx.low(i);
    // "half an hour", "half a century"
    if w == "half" && cx.any(i + 1, &["a", "an"]) {
        let (unit, plural) = lexicon::unit(cx.low(i + 2))?;
        return (!plural).then_some((Some(0.5), unit, i + 3));
    }
    let (n, j) = if matches!(w, "a" | "an") && cx.is(i + 1, "few") {
        (None, i + 2)
    } else if matches!(w, "a" | "an") && cx.is(i + 1, "couple") {
        let j = cx.opt(i + 2, "of");
        (Some(2.0), j)
    } else if matches!(w, "a" | "an") {
        (Some(1.0), i + 1)
    } else if w == "couple" && cx.is(i + 1, "of") {
        (Some(2.0), i + 2)
    } else if lexicon::is_vague_count(w) && w != "couple" {
        (None, i + 1)
    } else {
        let num = number::parse(cx.toks, i)?;
        // A year or a clock reading is not a count.
        if !num.words
            && cx
                .toks
                .get(i)
                .is_some_and(|t| t.digits() == 4 && num.scale.is_none())
            && lexicon::unit(cx.low(num.end)).is_some_and(|(_, p)| !p)
        {
            return None;
        }
        (Some(num.value), num.end)
    };
    let j = if cx.any(j, FILLERS) { j + 1 } else { j };
    let (unit, plural) = lexicon::unit(cx.low(j))?;
    if n.is_none() && !plural {
        return None;
    }
    // "a second group", "three-quarters of", "60 Minutes": not amounts of time.
    if (unit == Unit::Second && !plural && j == i + 1 && matches!(w, "a" | "an"))
        || (unit == Unit::Quarter && (cx.is(j + 1, "of") || cx.hyphen(j)))
        || (cx.cap(j) && !cx.toks.get(i).is_some_and(|t| t.cap || t.newline))
    {
        return None;
    }
    let mut end = j + 1;
    let mut n = n;
    if cx.is(end, "and") && cx.any(end + 1, &["a", "one"]) && cx.is(end + 2, "half") {
        n = n.map(|v| v + 0.5);
        end += 3;
    }
    Some((n, unit, end))
}

/// Durations.
pub(crate) fn duration(cx: &Cx, i: usize) -> Option<(usize, Sem)> {
    let w = cx.low(i);
    let the = w == "the";
    let j = i + usize::from(the);
    let lead = cx.any(j, LEADS);
    let mut k = j + usize::from(lead);
    // "the year-earlier nine months"
    if the && !lead && cx.is(k, "year") && cx.hyphen(k + 1) && cx.any(k + 2, &["earlier", "ago"]) {
        k += 3;
    }
    if let Some((n, unit, end)) = amount_at(cx, k) {
        if unit == Unit::Weekend {
            return None;
        }
        // "a year" as a rate ("$5 million a year") is a set, handled there.
        if k == i && matches!(cx.low(i), "a" | "an") && is_rate(cx, i) {
            return None;
        }
        let end = if cx.is(end, "or") && cx.is(end + 1, "so") {
            end + 2
        } else {
            end
        };
        // An age ("52 years old") describes a person, not a time.
        if cx.is(end, "old") || (cx.hyphen(end) && cx.is(end + 1, "old")) {
            return None;
        }
        return Some((end, Sem::Duration { n, unit }));
    }
    // "recent weeks", "the coming months", "the past decade", "the past year".
    if lead {
        let (unit, plural) = lexicon::unit(cx.low(k))?;
        if cx.hyphen(k + 1) || unit == Unit::Weekend {
            return None;
        }
        if plural && cx.any(j, &["recent", "coming", "past", "last", "next"]) {
            return Some((k + 1, Sem::Duration { n: None, unit }));
        }
        if !plural && the && cx.any(j, &["past", "last"]) && unit != Unit::Quarter {
            return Some((k + 1, Sem::Duration { n: Some(1.0), unit }));
        }
        return None;
    }
    // "for weeks", "within months", "for the first time in years"
    if i > 0 && cx.any(i - 1, &["for", "within", "in"]) {
        if let Some((unit, true)) = lexicon::unit(w) {
            let in_years = cx.is(i - 1, "in") && i > 1 && cx.any(i - 2, &["time", "first"]);
            let next_ok =
                !cx.is_word_num(i + 1) && !cx.any(i + 1, &["of", "ago", "later", "earlier"]);
            if (!cx.is(i - 1, "in") || in_years) && next_ok && unit != Unit::Weekend {
                return Some((i + 1, Sem::Duration { n: None, unit }));
            }
        }
    }
    // "the weeks ahead"
    if the {
        let (unit, plural) = lexicon::unit(cx.low(j))?;
        if plural && cx.is(j + 1, "ahead") {
            return Some((j + 2, Sem::Duration { n: None, unit }));
        }
    }
    adjective(cx, i)
}

/// "two-year", "10-year", "52-week", "decades-long", "day-long", "8-month-old".
fn adjective(cx: &Cx, i: usize) -> Option<(usize, Sem)> {
    let (n, j) = if let Some(num) = number::parse(cx.toks, i) {
        (Some(num.value), num.end)
    } else if lexicon::is_vague_count(cx.low(i)) {
        (None, i + 1)
    } else if lexicon::unit(cx.low(i)).is_some() {
        // "decades-long", "day-long"
        let (_, plural) = lexicon::unit(cx.low(i))?;
        let long = cx.hyphen(i + 1) && cx.is(i + 2, "long") && cx.attached(i + 2);
        let (unit, _) = lexicon::unit(cx.low(i))?;
        return long.then_some((
            i + 3,
            Sem::Duration {
                n: if plural { None } else { Some(1.0) },
                unit,
            },
        ));
    } else {
        return None;
    };
    if !cx.hyphen(j) {
        return None;
    }
    let (unit, plural) = lexicon::unit(cx.low(j + 1)).filter(|_| cx.attached(j + 1))?;
    // "three-quarters" is a fraction.
    if unit == Unit::Quarter && plural {
        return None;
    }
    let mut end = j + 2;
    if cx.hyphen(end) && cx.is(end + 1, "old") {
        return None;
    }
    if cx.hyphen(end) && cx.is(end + 1, "long") {
        end += 2;
    }
    Some((end, Sem::Duration { n, unit }))
}

/// Recurrences.
pub(crate) fn set(cx: &Cx, i: usize) -> Option<(usize, Sem)> {
    let w = cx.low(i);
    let simple = match w {
        "daily" => Some("P1D"),
        "weekly" => Some("P1W"),
        "monthly" => Some("P1M"),
        "annually" | "yearly" => Some("P1Y"),
        "hourly" => Some("PT1H"),
        _ => None,
    };
    if let Some(v) = simple {
        return Some((i + 1, Sem::Set(v.to_string())));
    }
    if matches!(w, "every" | "each") {
        let mut j = i + 1;
        let mut n = 1.0;
        if cx.is(j, "other") {
            n = 2.0;
            j += 1;
        } else if let Some(num) = number::parse(cx.toks, j).filter(|num| num.value > 1.0) {
            n = num.value;
            j = num.end;
        }
        if let Some((dow, false)) = lexicon::weekday(cx.low(j)).filter(|_| cx.cap(j)) {
            return Some((j + 1, Sem::Set(format!("XXXX-WXX-{dow}"))));
        }
        if let Some((m, true)) = lexicon::month(cx.low(j)).filter(|_| cx.cap(j)) {
            return Some((j + 1, Sem::Set(format!("XXXX-{m:02}"))));
        }
        if let Some(part) = lexicon::part_of_day(cx.low(j)) {
            return Some((j + 1, Sem::Set(format!("XXXX-XX-XXT{part}"))));
        }
        let (unit, _) = lexicon::unit(cx.low(j))?;
        return Some((j + 1, Sem::Set(period(n, unit))));
    }
    // "twice a year", "$5 million a year", "per day"
    if matches!(w, "a" | "an" | "per") {
        let (unit, false) = lexicon::unit(cx.low(i + 1))? else {
            return None;
        };
        if (w == "per" || is_rate(cx, i))
            && !cx.hyphen(i + 2)
            && !cx.any(i + 2, &["ago", "earlier", "later"])
        {
            return Some((i + 2, Sem::Set(period(1.0, unit))));
        }
    }
    None
}

/// A TimeML period for n units ("P1W", "PT1H"); a fraction goes to the next smaller unit
/// ("P2Y6M", "PT5H30M", "P1DT12H").
pub(crate) fn period(n: f64, unit: Unit) -> String {
    let (d, mult) = unit.designator();
    let v = n * mult;
    let clock = unit.is_clock();
    let t = if clock { "T" } else { "" };
    let whole = v.trunc();
    let frac = v - whole;
    if frac.abs() < 1e-9 {
        return format!("P{t}{}{d}", whole as i64);
    }
    let (per, sub_d, sub_clock) = match (clock, d) {
        (false, "Y") => (12.0, "M", false),
        (false, "Q") => (3.0, "M", false),
        (false, "M") => (30.0, "D", false),
        (false, "W") => (7.0, "D", false),
        (false, "D") => (24.0, "H", true),
        (true, "H") => (60.0, "M", true),
        (true, "M") => (60.0, "S", true),
        _ => return format!("P{t}{v}{d}"),
    };
    let sub = (frac * per).round() as i64;
    let main = if whole > 0.0 {
        format!("{}{d}", whole as i64)
    } else {
        String::new()
    };
    let (mut date, mut time) = (String::new(), String::new());
    if clock {
        time.push_str(&main)
    } else {
        date.push_str(&main)
    }
    let part = format!("{sub}{sub_d}");
    if sub_clock {
        time.push_str(&part)
    } else {
        date.push_str(&part)
    }
    let sep = if time.is_empty() { "" } else { "T" };
    format!("P{date}{sep}{time}")
}

/// Whether "a"/"an" at `i` follows a count or a sum, making "a year" a rate: "twice a year",
/// "four flights a week", "$1.76 a year".
fn is_rate(cx: &Cx, i: usize) -> bool {
    if i == 0 {
        return false;
    }
    let prev = cx.low(i - 1);
    if matches!(prev, "twice" | "once" | "thrice" | "times") || cx.int(i - 1).is_some() {
        return true;
    }
    if number::scale_word(prev, false).is_some() {
        return true;
    }
    cx.toks
        .get(i - 1)
        .is_some_and(|t| t.kind == crate::amounts::scan::Kind::Num)
        || (i >= 2
            && cx
                .toks
                .get(i - 2)
                .is_some_and(|t| t.kind == crate::amounts::scan::Kind::Num))
}
