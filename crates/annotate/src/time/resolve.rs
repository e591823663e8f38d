//! From meaning to TIMEX3 type and value: partial dates completed from the reference date and
//! the clause's tense, relative expressions counted from the reference, anaphoric ones ("a year
//! earlier", "that day", "the quarter") from the last date mentioned. Without a reference date a
//! value is given only where the text states it, TimeML-style ("XXXX-11", "XXXX-WXX-2").

use super::calendar::{self, Date};
use super::lexicon::{season_month, Unit};
use super::reckon::{holiday, pick_year, rel, weekday};
use super::sem::{Sem, YearSpec};
use super::tense::Tense;
use super::value::{duration_value, format_point, shape, unknown_day, unresolved};
use super::{Granularity, TimexType};

/// A point on the calendar a later anaphor may refer to.
#[derive(Debug, Clone, Copy, PartialEq)]
pub(crate) enum Point {
    Day(Date),
    Week(Date),
    Month(i32, u32),
    Quarter(i32, u32),
    Year(i32),
}

impl Point {
    /// A day inside the point (its first day), for counting from it.
    fn day(self) -> Option<Date> {
        match self {
            Point::Day(d) | Point::Week(d) => Some(d),
            Point::Month(y, m) => Date::new(y, m, 1),
            Point::Quarter(y, q) => Date::new(y, q * 3 - 2, 1),
            Point::Year(y) => Date::new(y, 1, 1),
        }
    }

    fn year(self) -> i32 {
        match self {
            Point::Day(d) | Point::Week(d) => d.year,
            Point::Month(y, _) | Point::Quarter(y, _) | Point::Year(y) => y,
        }
    }
}

/// What the document has said so far.
#[derive(Debug, Clone, Default)]
pub(crate) struct Context {
    /// The reference date (the article's date).
    pub reference: Option<Date>,
    /// The last date mentioned.
    pub last: Option<Point>,
    /// The last quarter stated.
    pub last_quarter: Option<(i32, u32)>,
    /// Whether the last date mentioned was a quarter (so "a year ago" is a quarter too).
    pub quarter_talk: bool,
}

/// A resolved expression.
#[derive(Debug, Clone, PartialEq)]
pub(crate) struct Resolved {
    pub kind: TimexType,
    pub value: Option<String>,
    pub granularity: Granularity,
}

impl Context {
    /// Resolves `sem` in a clause of tense `tense`, and remembers the date it names.
    pub fn resolve(&mut self, sem: &Sem, tense: Option<Tense>) -> Resolved {
        let (kind, granularity) = shape(sem);
        let (value, point) = match sem {
            Sem::Duration { n, unit } => (Some(duration_value(*n, *unit)), None),
            Sem::Set(v) => (Some(v.clone()), None),
            Sem::Ref(r) => (Some((*r).to_string()), None),
            Sem::Decade(d) => (Some(format!("{d:03}")), None),
            Sem::Century(c) => (Some(format!("{c:02}")), None),
            Sem::PartOfDay { base, part } => {
                let (v, p) = self.point(base, tense);
                (
                    Some(format!("{}T{part}", v.unwrap_or_else(|| unknown_day(base)))),
                    p,
                )
            }
            Sem::Clock { hour, minute, base } => {
                let (v, p) = self.point(base, tense);
                let day = v.unwrap_or_else(|| unknown_day(base));
                (Some(format!("{day}T{hour:02}:{minute:02}")), p)
            }
            _ => self.point(sem, tense),
        };
        // Only what the text states or counts from the reference becomes an anchor: dates
        // found by counting back from another ("a year earlier", "the quarter") do not.
        if point.is_some() {
            self.quarter_talk = matches!(point, Some(Point::Quarter(..)));
        }
        if let (Some(p), true) = (point, anchors(sem)) {
            self.last = Some(p);
            if let Point::Quarter(y, q) = p {
                self.last_quarter = Some((y, q));
            }
        }
        Resolved {
            kind,
            value,
            granularity,
        }
    }

    /// The value and point of a date-like meaning.
    fn point(&self, sem: &Sem, tense: Option<Tense>) -> (Option<String>, Option<Point>) {
        let p = self.point_of(sem, tense);
        match p {
            Some(p) => (Some(format_point(p, sem)), Some(p)),
            None => (unresolved(sem), None),
        }
    }

    fn point_of(&self, sem: &Sem, tense: Option<Tense>) -> Option<Point> {
        let r = self.reference;
        match *sem {
            Sem::Cal {
                year, month: None, ..
            } => Some(Point::Year(self.year_of(year, r)?)),
            Sem::Cal {
                year: YearSpec::Stated(y),
                month: Some(m),
                day,
            } => Some(match day {
                Some(d) => Point::Day(Date::new(y, m, d)?),
                None => Point::Month(y, m),
            }),
            Sem::Cal {
                year,
                month: Some(m),
                day,
            } => {
                let r = r?;
                let y = match year {
                    YearSpec::Rel(n) => r.year + n,
                    YearSpec::Anaphor(n) => self.anchor()?.year() + n,
                    spec => pick_year(
                        r,
                        spec,
                        tense,
                        |y| Date::new(y, m, day.unwrap_or(15)),
                        day.is_none(),
                    )?,
                };
                Some(match day {
                    Some(d) => Point::Day(Date::new(y, m, d)?),
                    None => Point::Month(y, m),
                })
            }
            Sem::Weekday { dow, shift } => Some(Point::Day(weekday(r?, dow, shift, tense))),
            Sem::Rel { unit, n } => rel(r?, unit, n, tense),
            Sem::Offset {
                unit,
                n: Some(n),
                back,
                anaphoric,
            } => {
                let from = if anaphoric {
                    self.anchor()?
                } else {
                    Point::Day(r?)
                };
                let n = (if back { -n } else { n }).round() as i32;
                // "a year ago" right after a quarter names the same quarter a year before.
                if unit == Unit::Year && self.quarter_talk {
                    let (y, q) = self.base_quarter()?;
                    return Some(Point::Quarter(y + n, q));
                }
                rel(from.day()?, unit, n, tense)
            }
            Sem::Anaphor { unit, n } => {
                let anchor = self.anchor()?;
                fine_enough(anchor, unit).then_some(())?;
                rel(anchor.day()?, unit, n, tense)
            }
            Sem::WeekOf(ref day) => match self.point_of(day, tense)? {
                Point::Day(d) => Some(Point::Week(d)),
                _ => None,
            },
            Sem::Quarter { q, year } => {
                let (y, q) = self.quarter(q, year, tense)?;
                Some(Point::Quarter(y, q))
            }
            Sem::Half { h, year } => {
                let y = self.period_year(year, h * 6 - 5, h * 6, tense)?;
                Some(Point::Month(y, h * 6 - 5))
            }
            Sem::Season { code, year } => {
                let m = season_month(code);
                let y = self.period_year(year, m.saturating_sub(1).max(1), m + 1, tense)?;
                Some(Point::Month(y, m))
            }
            Sem::Holiday { day, year } => {
                let y = match year {
                    YearSpec::Stated(y) => y,
                    YearSpec::Rel(n) => r?.year + n,
                    YearSpec::Anaphor(n) => self.anchor()?.year() + n,
                    spec => pick_year(r?, spec, tense, |y| holiday(day, y), false)?,
                };
                Some(Point::Day(holiday(day, y)?))
            }
            _ => None,
        }
    }

    /// The last mentioned point, else the reference day.
    fn anchor(&self) -> Option<Point> {
        self.last.or(self.reference.map(Point::Day))
    }

    fn year_of(&self, spec: YearSpec, r: Option<Date>) -> Option<i32> {
        match spec {
            YearSpec::Stated(y) => Some(y),
            YearSpec::Rel(n) => Some(r?.year + n),
            YearSpec::Anaphor(n) => Some(self.anchor()?.year() + n),
            _ => None,
        }
    }

    /// Year and number of a quarter; `q: None` is the quarter under discussion.
    fn quarter(&self, q: Option<u32>, year: YearSpec, tense: Option<Tense>) -> Option<(i32, u32)> {
        let Some(q) = q else {
            let (by, bq) = self.base_quarter()?;
            let y = match year {
                YearSpec::Stated(y) => y,
                YearSpec::Rel(n) => self.reference?.year + n,
                YearSpec::Anaphor(n) => by + n,
                _ => by,
            };
            return Some((y, bq));
        };
        let y = match year {
            YearSpec::Stated(y) => y,
            YearSpec::Rel(n) => self.reference?.year + n,
            YearSpec::Anaphor(n) => self.base_quarter()?.0 + n,
            _ => self.period_year(year, q * 3 - 2, q * 3, tense)?,
        };
        Some((y, q))
    }

    /// The quarter under discussion: the last one stated, unless it lies after the latest
    /// completed quarter, which is the default.
    fn base_quarter(&self) -> Option<(i32, u32)> {
        let latest = self.reference.map(|r| {
            let (y, m) = calendar::shift_month(r.year, r.month, -3);
            (y, (m - 1) / 3 + 1)
        });
        match (self.last_quarter, latest) {
            (Some(l), Some(d)) if l > d => Some(d),
            (Some(l), _) => Some(l),
            (None, d) => d,
        }
    }

    /// The year of a period of months `first..=last` of the year, from the spec and tense.
    fn period_year(
        &self,
        spec: YearSpec,
        first: u32,
        last: u32,
        tense: Option<Tense>,
    ) -> Option<i32> {
        let r = self.reference;
        Some(match spec {
            YearSpec::Stated(y) => y,
            YearSpec::Rel(n) => r?.year + n,
            YearSpec::Anaphor(n) => self.anchor()?.year() + n,
            YearSpec::Last => {
                let r = r?;
                if r.month > last {
                    r.year
                } else {
                    r.year - 1
                }
            }
            YearSpec::Next => {
                let r = r?;
                if r.month < first {
                    r.year
                } else {
                    r.year + 1
                }
            }
            YearSpec::Infer => {
                let r = r?;
                match tense {
                    Some(Tense::Past) if first > r.month => r.year - 1,
                    Some(Tense::Future) if last < r.month => r.year + 1,
                    _ => r.year,
                }
            }
        })
    }
}

/// Whether a meaning may serve as the anchor of later anaphors.
fn anchors(sem: &Sem) -> bool {
    match sem {
        Sem::Quarter { q, year } => q.is_some() && !matches!(year, YearSpec::Anaphor(_)),
        Sem::Cal { year, .. } | Sem::Half { year, .. } | Sem::Season { year, .. } => {
            !matches!(year, YearSpec::Anaphor(_))
        }
        Sem::Offset { .. } | Sem::Anaphor { .. } | Sem::WeekOf(_) => false,
        Sem::PartOfDay { base, .. } | Sem::Clock { base, .. } => anchors(base),
        _ => true,
    }
}

/// Whether an anchor is precise enough to count `unit`s from ("that day" needs a day).
fn fine_enough(anchor: Point, unit: Unit) -> bool {
    match unit {
        Unit::Day | Unit::Hour | Unit::Minute | Unit::Second => matches!(anchor, Point::Day(_)),
        Unit::Week | Unit::Weekend => matches!(anchor, Point::Day(_) | Point::Week(_)),
        Unit::Month => !matches!(anchor, Point::Quarter(..) | Point::Year(_)),
        Unit::Quarter => !matches!(anchor, Point::Year(_)),
        _ => true,
    }
}
