//! English words the time rules read: month and weekday names, calendar units, parts of the day,
//! seasons, ordinals, and the words that give a clause its tense.

/// Calendar and clock units, smallest last.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub(crate) enum Unit {
    Century,
    Decade,
    Year,
    Quarter,
    Month,
    Week,
    Weekend,
    Day,
    Hour,
    Minute,
    Second,
}

impl Unit {
    /// The duration designator and multiplier, e.g. years -> ("Y", 1), decades -> ("Y", 10).
    pub fn designator(self) -> (&'static str, f64) {
        match self {
            Unit::Century => ("Y", 100.0),
            Unit::Decade => ("Y", 10.0),
            Unit::Year => ("Y", 1.0),
            Unit::Quarter => ("Q", 1.0),
            Unit::Month => ("M", 1.0),
            Unit::Week => ("W", 1.0),
            Unit::Weekend => ("D", 2.0),
            Unit::Day => ("D", 1.0),
            Unit::Hour => ("H", 1.0),
            Unit::Minute => ("M", 1.0),
            Unit::Second => ("S", 1.0),
        }
    }

    /// Whether the unit is a clock unit (written after `T` in a duration).
    pub fn is_clock(self) -> bool {
        matches!(self, Unit::Hour | Unit::Minute | Unit::Second)
    }
}

/// A calendar unit word, singular or plural, with whether it was plural ("years" -> Year, true).
pub(crate) fn unit(w: &str) -> Option<(Unit, bool)> {
    let u = match w {
        "century" => (Unit::Century, false),
        "centuries" => (Unit::Century, true),
        "decade" => (Unit::Decade, false),
        "decades" => (Unit::Decade, true),
        "year" | "yr" => (Unit::Year, false),
        "years" | "yrs" => (Unit::Year, true),
        "quarter" => (Unit::Quarter, false),
        "quarters" => (Unit::Quarter, true),
        "month" => (Unit::Month, false),
        "months" => (Unit::Month, true),
        "week" => (Unit::Week, false),
        "weeks" => (Unit::Week, true),
        "weekend" => (Unit::Weekend, false),
        "weekends" => (Unit::Weekend, true),
        "day" => (Unit::Day, false),
        "days" => (Unit::Day, true),
        "hour" | "hr" => (Unit::Hour, false),
        "hours" | "hrs" => (Unit::Hour, true),
        "minute" | "min" => (Unit::Minute, false),
        "minutes" | "mins" => (Unit::Minute, true),
        "second" => (Unit::Second, false),
        "seconds" | "secs" => (Unit::Second, true),
        _ => return None,
    };
    Some(u)
}

/// A month name or abbreviation (lower case) -> 1-12. `full` says whether it was spelled out.
pub(crate) fn month(w: &str) -> Option<(u32, bool)> {
    let full = |m| Some((m, true));
    let m = match w {
        "january" => return full(1),
        "february" => return full(2),
        "march" => return full(3),
        "april" => return full(4),
        "may" => return full(5),
        "june" => return full(6),
        "july" => return full(7),
        "august" => return full(8),
        "september" => return full(9),
        "october" => return full(10),
        "november" => return full(11),
        "december" => return full(12),
        "jan" => 1,
        "feb" => 2,
        "mar" => 3,
        "apr" => 4,
        "jun" => 6,
        "jul" => 7,
        "aug" => 8,
        "sep" | "sept" => 9,
        "oct" => 10,
        "nov" => 11,
        "dec" => 12,
        _ => return None,
    };
    Some((m, false))
}

/// A weekday name or abbreviation -> 1 (Monday) ... 7 (Sunday), with whether it was plural.
pub(crate) fn weekday(w: &str) -> Option<(u32, bool)> {
    let full = |d: &str| match d {
        "monday" => Some(1),
        "tuesday" => Some(2),
        "wednesday" => Some(3),
        "thursday" => Some(4),
        "friday" => Some(5),
        "saturday" => Some(6),
        "sunday" => Some(7),
        _ => None,
    };
    if let Some(d) = full(w) {
        return Some((d, false));
    }
    if let Some(d) = w.strip_suffix('s').and_then(full) {
        return Some((d, true));
    }
    let d = match w {
        "mon" => 1,
        "tue" | "tues" => 2,
        "wed" => 3,
        "thu" | "thur" | "thurs" => 4,
        "fri" => 5,
        "sat" => 6,
        "sun" => 7,
        _ => return None,
    };
    Some((d, false))
}

/// A part of the day -> its TimeML code ("morning" -> "MO").
pub(crate) fn part_of_day(w: &str) -> Option<&'static str> {
    Some(match w {
        "morning" | "mornings" => "MO",
        "afternoon" | "afternoons" => "AF",
        "evening" | "evenings" => "EV",
        "night" | "nights" | "overnight" => "NI",
        _ => return None,
    })
}

/// A season -> its TimeML code ("summer" -> "SU").
pub(crate) fn season(w: &str) -> Option<&'static str> {
    Some(match w {
        "spring" => "SP",
        "summer" | "summers" => "SU",
        "fall" | "autumn" => "FA",
        "winter" | "winters" => "WI",
        _ => return None,
    })
}

/// Month in which a season's TimeML value is anchored (winter is taken to start in December).
pub(crate) fn season_month(code: &str) -> u32 {
    match code {
        "SP" => 4,
        "SU" => 7,
        "FA" => 10,
        _ => 1,
    }
}

/// Ordinal words and suffixed digits up to 31 ("third" -> 3, "21st" read elsewhere).
pub(crate) fn ordinal(w: &str) -> Option<u32> {
    Some(match w {
        "first" => 1,
        "second" => 2,
        "third" => 3,
        "fourth" => 4,
        "fifth" => 5,
        "sixth" => 6,
        "seventh" => 7,
        "eighth" => 8,
        "ninth" => 9,
        "tenth" => 10,
        "eleventh" => 11,
        "twelfth" => 12,
        "thirteenth" => 13,
        "fourteenth" => 14,
        "fifteenth" => 15,
        "sixteenth" => 16,
        "seventeenth" => 17,
        "eighteenth" => 18,
        "nineteenth" => 19,
        "twentieth" => 20,
        "twenty-first" => 21,
        "twenty-second" => 22,
        "twenty-third" => 23,
        "twenty-fourth" => 24,
        "twenty-fifth" => 25,
        "twenty-sixth" => 26,
        "twenty-seventh" => 27,
        "twenty-eighth" => 28,
        "twenty-ninth" => 29,
        "thirtieth" => 30,
        "thirty-first" => 31,
        _ => return None,
    })
}

/// Whether `w` is an ordinal suffix after digits ("21st", "3rd").
pub(crate) fn is_ordinal_suffix(w: &str) -> bool {
    matches!(w, "st" | "nd" | "rd" | "th")
}

/// Vague quantities of units ("several years" -> PXY).
pub(crate) fn is_vague_count(w: &str) -> bool {
    matches!(
        w,
        "few" | "several" | "many" | "some" | "numerous" | "couple"
    )
}
