//! Clock times: "9 a.m.", "10:35 a.m. EST", "7:15 p.m.", "14:30", "noon", "midnight Friday",
//! "4 in the morning", "9 a.m. Tuesday", "5 p.m. EST, Nov. 6".

use super::grammar::Cx;
use super::lexicon::{self, Unit};
use super::rules_date;
use super::rules_rel;
use super::sem::Sem;

/// Time zone abbreviations taken into the extent.
const ZONES: &[&str] = &[
    "est", "edt", "cst", "cdt", "mst", "mdt", "pst", "pdt", "gmt", "utc", "bst", "cet", "cest",
    "et", "pt",
];

/// A clock time, with the day it is on when that follows.
pub(crate) fn clock(cx: &Cx, i: usize) -> Option<(usize, Sem)> {
    let (hour, minute, mut end) = reading(cx, i)?;
    if cx.any(end, ZONES) && cx.cap(end) {
        end += 1;
    }
    // A day after it: "9 a.m. Tuesday", "5 p.m. EST, Nov. 6", "noon Thursday".
    let k = if cx.punct(end, ',') { end + 1 } else { end };
    let day = [
        rules_rel::weekday,
        rules_rel::day_word,
        rules_date::month_date,
    ]
    .iter()
    .filter_map(|rule| rule(cx, k))
    .find(|(_, sem)| sem.is_day());
    let (end, base) = match day {
        Some((e, sem)) => (e, sem),
        None => (
            end,
            Sem::Rel {
                unit: Unit::Day,
                n: 0,
            },
        ),
    };
    Some((
        end,
        Sem::Clock {
            hour,
            minute,
            base: Box::new(base),
        },
    ))
}

/// A clock reading at `i`: hour, minute and the index after it.
fn reading(cx: &Cx, i: usize) -> Option<(u32, u32, usize)> {
    match cx.low(i) {
        "noon" | "midday" => return Some((12, 0, i + 1)),
        "midnight" => return Some((24, 0, i + 1)),
        _ => {}
    }
    let t = cx.toks.get(i)?;
    let h = u32::try_from(cx.int(i)?).ok()?;
    if t.digits() > 2 {
        return None;
    }
    let mut j = i + 1;
    let mut minute = 0;
    let mut colon = false;
    if cx.punct(j, ':') && cx.attached(j) && cx.attached(j + 1) {
        let m = cx
            .toks
            .get(j + 1)
            .filter(|m| m.digits() == 2)
            .and_then(|m| m.int())?;
        minute = u32::try_from(m).ok().filter(|m| *m < 60)?;
        colon = true;
        j += 2;
    }
    if let Some((pm, e)) = meridiem(cx, j) {
        if !(1..=12).contains(&h) {
            return None;
        }
        let hour = match (h, pm) {
            (12, false) => 0,
            (12, true) => 12,
            (h, true) => h + 12,
            (h, false) => h,
        };
        return Some((hour, minute, e));
    }
    if cx.is(j, "o") && (cx.punct(j + 1, '\'') || cx.punct(j + 1, '’')) && cx.is(j + 2, "clock") {
        return (1..=12).contains(&h).then_some((h, minute, j + 3));
    }
    // "4 in the morning", "8 in the evening"
    if cx.is(j, "in") && cx.is(j + 1, "the") {
        if let Some(part) = lexicon::part_of_day(cx.low(j + 2)) {
            let hour = if matches!(part, "AF" | "EV") && h < 12 {
                h + 12
            } else {
                h
            };
            return (1..=12).contains(&h).then_some((hour, minute, j + 3));
        }
    }
    // 24-hour "14:30" stands alone.
    (colon && h < 24).then_some((h, minute, j))
}

/// "a.m.", "am", "p.m", "PM" at `i`: whether it is p.m., and the index after it.
fn meridiem(cx: &Cx, i: usize) -> Option<(bool, usize)> {
    let w = cx.low(i);
    if matches!(w, "am" | "pm") {
        return Some((w == "pm", i + 1));
    }
    if matches!(w, "a" | "p") && cx.punct(i + 1, '.') && cx.attached(i + 1) && cx.is(i + 2, "m") {
        let end = if cx.punct(i + 3, '.') && cx.attached(i + 3) {
            i + 4
        } else {
            i + 3
        };
        return Some((w == "p", end));
    }
    None
}
