//! TimeML values and types: a resolved point written at the granularity its expression names
//! ("2023-W08", "1989-Q3", "1998-FA"), what is left when nothing could be resolved ("XXXX-11"),
//! durations ("P2Y6M", "PXD") and the TIMEX3 type and granularity of each meaning.

use super::lexicon::Unit;
use super::resolve::Point;
use super::sem::Sem;
use super::{Granularity, TimexType};

/// The TimeML value of a point, at the granularity the expression names.
pub(crate) fn format_point(p: Point, sem: &Sem) -> String {
    match (p, sem) {
        (
            Point::Week(d),
            Sem::Rel {
                unit: Unit::Weekend,
                ..
            },
        ) => {
            let (y, w) = d.iso_week();
            format!("{y:04}-W{w:02}-WE")
        }
        (Point::Month(y, m), Sem::Half { .. }) => format!("{y:04}-H{}", if m <= 6 { 1 } else { 2 }),
        (Point::Month(y, _), Sem::Season { code, .. }) => format!("{y:04}-{code}"),
        (Point::Day(d), _) => d.to_string(),
        (Point::Week(d), _) => {
            let (y, w) = d.iso_week();
            format!("{y:04}-W{w:02}")
        }
        (Point::Month(y, m), _) => format!("{y:04}-{m:02}"),
        (Point::Quarter(y, q), _) => format!("{y:04}-Q{q}"),
        (
            Point::Year(y),
            Sem::Rel {
                unit: Unit::Decade, ..
            },
        ) => format!("{:03}", y.div_euclid(10)),
        (
            Point::Year(y),
            Sem::Rel {
                unit: Unit::Century,
                ..
            },
        ) => format!("{:02}", y.div_euclid(100)),
        (Point::Year(y), _) => format!("{y:04}"),
    }
}

/// The value of an expression whose date could not be fixed: only what the text states.
pub(crate) fn unresolved(sem: &Sem) -> Option<String> {
    match sem {
        Sem::Cal {
            month: Some(m),
            day: Some(d),
            ..
        } => Some(format!("XXXX-{m:02}-{d:02}")),
        Sem::Cal {
            month: Some(m),
            day: None,
            ..
        } => Some(format!("XXXX-{m:02}")),
        Sem::Weekday { dow, .. } => Some(format!("XXXX-WXX-{dow}")),
        Sem::Quarter { q: Some(q), .. } => Some(format!("XXXX-Q{q}")),
        Sem::Half { h, .. } => Some(format!("XXXX-H{h}")),
        Sem::Season { code, .. } => Some(format!("XXXX-{code}")),
        Sem::Offset { n: None, back, .. } => {
            Some(if *back { "PAST_REF" } else { "FUTURE_REF" }.to_string())
        }
        _ => None,
    }
}

/// The day part of a value when the day is unknown ("XXXX-XX-XX", "XXXX-WXX-5").
pub(crate) fn unknown_day(base: &Sem) -> String {
    unresolved(base).unwrap_or_else(|| "XXXX-XX-XX".to_string())
}

/// A duration value: "P2Y", "PT3H", "PXD", "P1.5Y".
pub(crate) fn duration_value(n: Option<f64>, unit: Unit) -> String {
    match n {
        Some(n) => super::rules_dur::period(n, unit),
        None => {
            let (d, _) = unit.designator();
            let d = match unit {
                Unit::Decade => "DE",
                Unit::Century => "CE",
                _ => d,
            };
            let t = if unit.is_clock() { "T" } else { "" };
            format!("P{t}X{d}")
        }
    }
}

/// The TIMEX3 type and granularity of a meaning.
pub(crate) fn shape(sem: &Sem) -> (TimexType, Granularity) {
    use Granularity as G;
    let unit_gran = |u: Unit| match u {
        Unit::Century => G::Century,
        Unit::Decade => G::Decade,
        Unit::Year => G::Year,
        Unit::Quarter => G::Quarter,
        Unit::Month => G::Month,
        Unit::Week => G::Week,
        Unit::Weekend => G::Weekend,
        Unit::Day => G::Day,
        Unit::Hour => G::Hour,
        Unit::Minute => G::Minute,
        Unit::Second => G::Second,
    };
    match sem {
        Sem::Cal { month: None, .. } => (TimexType::Date, G::Year),
        Sem::Cal { day: None, .. } => (TimexType::Date, G::Month),
        Sem::Cal { .. } | Sem::Weekday { .. } | Sem::Holiday { .. } => (TimexType::Date, G::Day),
        Sem::Rel { unit, .. } | Sem::Anaphor { unit, .. } => (TimexType::Date, unit_gran(*unit)),
        Sem::Offset { unit, n, .. } => (
            TimexType::Date,
            if n.is_some() {
                unit_gran(*unit)
            } else {
                G::Unspecified
            },
        ),
        Sem::Quarter { .. } => (TimexType::Date, G::Quarter),
        Sem::WeekOf(_) => (TimexType::Date, G::Week),
        Sem::Half { .. } => (TimexType::Date, G::Half),
        Sem::Season { .. } => (TimexType::Date, G::Season),
        Sem::Decade(_) => (TimexType::Date, G::Decade),
        Sem::Century(_) => (TimexType::Date, G::Century),
        Sem::PartOfDay { .. } => (TimexType::Time, G::PartOfDay),
        Sem::Clock { .. } => (TimexType::Time, G::Minute),
        Sem::Duration { unit, .. } => (TimexType::Duration, unit_gran(*unit)),
        Sem::Set(_) => (TimexType::Set, G::Unspecified),
        Sem::Ref(_) => (TimexType::Date, G::Unspecified),
    }
}
