//! What a matched time expression means before it is resolved: the rules produce a [`Sem`],
//! and [`super::resolve`] turns it into a TIMEX3 type and value against the reference date, the
//! clause's tense and the dates mentioned before it.

use super::lexicon::Unit;

/// How the year of a partial date is found.
#[derive(Debug, Clone, Copy, PartialEq)]
pub(crate) enum YearSpec {
    /// Stated in the text ("March 2021").
    Stated(i32),
    /// The reference year moved by n ("this year's", "last year's", "next year's").
    Rel(i32),
    /// The latest such period before the reference ("last November", "last fall").
    Last,
    /// The next such period after the reference ("next May").
    Next,
    /// From the clause's tense, else the nearest ("in November", "Feb. 24").
    Infer,
    /// The last mentioned period moved by n years ("the year-earlier quarter").
    Anaphor(i32),
}

/// Movable and fixed holidays.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub(crate) enum Holiday {
    NewYearsDay,
    NewYearsEve,
    Christmas,
    ChristmasEve,
    Thanksgiving,
    Easter,
    IndependenceDay,
    LaborDay,
    MemorialDay,
    ElectionDay,
    Halloween,
    ValentinesDay,
}

/// The meaning of a time expression.
#[derive(Debug, Clone, PartialEq)]
pub(crate) enum Sem {
    /// A calendar date or month or year as stated; `month: None` is a year alone.
    Cal {
        year: YearSpec,
        month: Option<u32>,
        day: Option<u32>,
    },
    /// A weekday: `shift` -1 "last", 1 "next", 0 from the tense, 2 "this" (same week).
    Weekday { dow: u32, shift: i32 },
    /// The reference's unit moved by n: "today" (Day, 0), "last week" (Week, -1).
    Rel { unit: Unit, n: i32 },
    /// n units before (`back`) or after the reference ("two years ago", "ten days from now") or,
    /// when `anaphoric`, the last mentioned date ("a year earlier"). `n: None` is vague.
    Offset {
        unit: Unit,
        n: Option<f64>,
        back: bool,
        anaphoric: bool,
    },
    /// A quarter (`q: None` is "the quarter": the last mentioned, else the latest one).
    Quarter { q: Option<u32>, year: YearSpec },
    /// A half year (1 or 2).
    Half { h: u32, year: YearSpec },
    /// A season by its TimeML code.
    Season { code: &'static str, year: YearSpec },
    /// A holiday.
    Holiday { day: Holiday, year: YearSpec },
    /// A decade by its first three digits (198 for the 1980s).
    Decade(i32),
    /// A century by its first two digits (19 for the 20th century).
    Century(i32),
    /// A part of a day ("Friday morning", "tonight").
    PartOfDay { base: Box<Sem>, part: &'static str },
    /// A clock time on a day ("9 a.m. Tuesday"; the reference day when none is stated).
    Clock {
        hour: u32,
        minute: u32,
        base: Box<Sem>,
    },
    /// A duration; `n: None` is vague ("years", "a few days").
    Duration { n: Option<f64>, unit: Unit },
    /// A set (recurrence), with its TimeML value ("P1W", "XXXX-WXX-2").
    Set(String),
    /// A period relative to the last mentioned date: "that year" (0), "the following day" (1).
    Anaphor { unit: Unit, n: i32 },
    /// The week of a day ("the week of March 6").
    WeekOf(Box<Sem>),
    /// PAST_REF, PRESENT_REF or FUTURE_REF.
    Ref(&'static str),
}

impl Sem {
    /// Whether the meaning is a single day (so a clock time or part of day may attach to it).
    pub fn is_day(&self) -> bool {
        match self {
            Sem::Cal { day, .. } => day.is_some(),
            Sem::Weekday { .. } | Sem::Holiday { .. } => true,
            Sem::Rel { unit, .. } | Sem::Anaphor { unit, .. } => *unit == Unit::Day,
            _ => false,
        }
    }
}
