//! Calendar reckoning for the resolver: the year of a month or day stated without one, the
//! weekday meant by "Tuesday", a unit moved from the reference ("last week"), holiday dates.

use super::calendar::{self, Date};
use super::lexicon::Unit;
use super::resolve::Point;
use super::sem::{Holiday, YearSpec};
use super::tense::Tense;

/// How much farther a date against the tense counts than one with it.
const FAR: i64 = 3;

/// The year for a month or day given without one: the latest on or before the reference in
/// the past tense, the next on or after it in the future, else the nearest.
pub(crate) fn pick_year(
    r: Date,
    spec: YearSpec,
    tense: Option<Tense>,
    at: impl Fn(i32) -> Option<Date>,
    month_only: bool,
) -> Option<i32> {
    let cands: Vec<(i32, Date)> = (r.year - 1..=r.year + 1)
        .filter_map(|y| Some((y, at(y)?)))
        .collect();
    // A month counts as "on or before" the reference while the reference is in it.
    let before = |d: Date| d <= r || (month_only && d.month == r.month && d.year == r.year);
    let after = |d: Date| d >= r || (month_only && d.month == r.month && d.year == r.year);
    let strictly_before =
        |d: Date| d < r && !(month_only && d.month == r.month && d.year == r.year);
    let strictly_after = |d: Date| d > r && !(month_only && d.month == r.month && d.year == r.year);
    let latest = |f: &dyn Fn(Date) -> bool| cands.iter().rev().find(|(_, d)| f(*d)).map(|c| c.0);
    let earliest = |f: &dyn Fn(Date) -> bool| cands.iter().find(|(_, d)| f(*d)).map(|c| c.0);
    match spec {
        YearSpec::Last => latest(&strictly_before),
        YearSpec::Next => earliest(&strictly_after),
        // The nearest, a date on the side the tense points to counting as half as far.
        _ => cands
            .iter()
            .min_by_key(|(y, d)| {
                let dist = (d.days() - r.days()).abs();
                // A month alone follows the tense strictly; a day may be a deadline
                // reported in the past tense, so only leans.
                let far = FAR;
                let favoured = match tense {
                    Some(Tense::Past) => before(*d),
                    Some(Tense::Future) => after(*d),
                    _ => true,
                };
                (if favoured { dist } else { dist * far }, (y - r.year).abs())
            })
            .map(|c| c.0),
    }
}

/// The weekday `dow` near the reference: "last" strictly before, "next" strictly after, "this"
/// in the same week, else on or before the reference unless the clause is in the future.
pub(crate) fn weekday(r: Date, dow: u32, shift: i32, tense: Option<Tense>) -> Date {
    let diff = i64::from(dow) - i64::from(r.weekday());
    let back = diff.rem_euclid(7) - 7; // -7..=-1
    let ahead = diff.rem_euclid(7); // 0..=6
    let off = match shift {
        -1 => back,
        1 => {
            if ahead == 0 {
                7
            } else {
                ahead
            }
        }
        2 => diff,
        _ if tense == Some(Tense::Future) => ahead,
        _ => {
            if ahead == 0 {
                0
            } else {
                back
            }
        }
    };
    r.add_days(off)
}

/// The reference's unit moved by n.
pub(crate) fn rel(r: Date, unit: Unit, n: i32, tense: Option<Tense>) -> Option<Point> {
    Some(match unit {
        Unit::Day | Unit::Hour | Unit::Minute | Unit::Second => {
            Point::Day(r.add_days(i64::from(n)))
        }
        Unit::Week => Point::Week(r.add_days(7 * i64::from(n))),
        Unit::Weekend => {
            // "the weekend" in a past clause on a weekday is the one just gone.
            let n = if n == 0 && tense == Some(Tense::Past) && r.weekday() < 6 {
                -1
            } else {
                n
            };
            Point::Week(r.add_days(7 * i64::from(n)))
        }
        Unit::Month => {
            let (y, m) = calendar::shift_month(r.year, r.month, n);
            Point::Month(y, m)
        }
        Unit::Quarter => {
            let (y, m) = calendar::shift_month(r.year, r.month, 3 * n);
            Point::Quarter(y, (m - 1) / 3 + 1)
        }
        Unit::Year => Point::Year(r.year + n),
        Unit::Decade => Point::Year(r.year + 10 * n),
        Unit::Century => Point::Year(r.year + 100 * n),
    })
}

/// The date of a holiday in a year.
pub(crate) fn holiday(h: Holiday, y: i32) -> Option<Date> {
    match h {
        Holiday::NewYearsDay => Date::new(y, 1, 1),
        Holiday::NewYearsEve => Date::new(y, 12, 31),
        Holiday::Christmas => Date::new(y, 12, 25),
        Holiday::ChristmasEve => Date::new(y, 12, 24),
        Holiday::IndependenceDay => Date::new(y, 7, 4),
        Holiday::Halloween => Date::new(y, 10, 31),
        Holiday::ValentinesDay => Date::new(y, 2, 14),
        Holiday::Thanksgiving => calendar::nth_weekday(y, 11, 4, 4),
        Holiday::LaborDay => calendar::nth_weekday(y, 9, 1, 1),
        Holiday::MemorialDay => calendar::nth_weekday(y, 5, 1, 5),
        Holiday::ElectionDay => calendar::nth_weekday(y, 11, 1, 1).map(|d| d.add_days(1)),
        Holiday::Easter => calendar::easter(y),
    }
}
