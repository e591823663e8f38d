//! Proleptic Gregorian calendar arithmetic for the time rules: a plain [`Date`], day counts,
//! weekdays, ISO weeks, month arithmetic and a few movable holidays.

use std::fmt;

/// A calendar date (proleptic Gregorian). Always valid when built through [`Date::new`].
#[derive(Debug, Clone, Copy, PartialEq, Eq, PartialOrd, Ord, Hash)]
pub struct Date {
    /// Year, e.g. 2023.
    pub year: i32,
    /// Month, 1-12.
    pub month: u32,
    /// Day of the month, 1-31.
    pub day: u32,
}

impl Date {
    /// The date, if it exists (`Date::new(2023, 2, 29)` is `None`).
    pub fn new(year: i32, month: u32, day: u32) -> Option<Date> {
        ((1..=12).contains(&month) && day >= 1 && day <= days_in_month(year, month))
            .then_some(Date { year, month, day })
    }

    /// Reads the date at the start of an ISO 8601 string ("2023-02-28", "1998-02-13T14:26:00").
    pub fn parse_iso(s: &str) -> Option<Date> {
        let s = s.trim();
        let b = s.as_bytes();
        if b.len() < 10 || b[4] != b'-' || b[7] != b'-' {
            return None;
        }
        let year = s.get(0..4)?.parse().ok()?;
        let month = s.get(5..7)?.parse().ok()?;
        let day = s.get(8..10)?.parse().ok()?;
        Date::new(year, month, day)
    }

    /// Days since 1970-01-01 (negative before).
    pub fn days(self) -> i64 {
        // Howard Hinnant's days_from_civil.
        let y = i64::from(self.year) - i64::from(self.month <= 2);
        let era = y.div_euclid(400);
        let yoe = y - era * 400;
        let m = i64::from(self.month);
        let mp = (m + 9) % 12;
        let doy = (153 * mp + 2) / 5 + i64::from(self.day) - 1;
        let doe = yoe * 365 + yoe / 4 - yoe / 100 + doy;
        era * 146_097 + doe - 719_468
    }

    /// The date `days` days after 1970-01-01.
    pub fn from_days(days: i64) -> Date {
        let z = days + 719_468;
        let era = z.div_euclid(146_097);
        let doe = z - era * 146_097;
        let yoe = (doe - doe / 1460 + doe / 36_524 - doe / 146_096) / 365;
        let doy = doe - (365 * yoe + yoe / 4 - yoe / 100);
        let mp = (5 * doy + 2) / 153;
        let day = (doy - (153 * mp + 2) / 5 + 1) as u32;
        let month = if mp < 10 { mp + 3 } else { mp - 9 } as u32;
        let year = (yoe + era * 400 + i64::from(month <= 2)) as i32;
        Date { year, month, day }
    }

    /// This date moved by `n` days.
    pub fn add_days(self, n: i64) -> Date {
        Date::from_days(self.days() + n)
    }

    /// This date moved by `n` months, the day clamped to the month's length.
    pub fn add_months(self, n: i32) -> Date {
        let (year, month) = shift_month(self.year, self.month, n);
        let day = self.day.min(days_in_month(year, month));
        Date { year, month, day }
    }

    /// Day of the week, 1 = Monday ... 7 = Sunday.
    pub fn weekday(self) -> u32 {
        // 1970-01-01 was a Thursday (4).
        ((self.days() + 3).rem_euclid(7) + 1) as u32
    }

    /// ISO 8601 week-numbering year and week (1-53).
    pub fn iso_week(self) -> (i32, u32) {
        let thursday = self.add_days(4 - i64::from(self.weekday()));
        let jan1 = Date {
            year: thursday.year,
            month: 1,
            day: 1,
        };
        let week = ((thursday.days() - jan1.days()) / 7 + 1) as u32;
        (thursday.year, week)
    }

    /// Quarter of the year, 1-4.
    pub fn quarter(self) -> u32 {
        (self.month - 1) / 3 + 1
    }
}

impl fmt::Display for Date {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        write!(f, "{:04}-{:02}-{:02}", self.year, self.month, self.day)
    }
}

/// Whether `year` is a leap year.
pub fn is_leap(year: i32) -> bool {
    (year % 4 == 0 && year % 100 != 0) || year % 400 == 0
}

/// Days in `month` of `year` (0 for an invalid month).
pub fn days_in_month(year: i32, month: u32) -> u32 {
    match month {
        1 | 3 | 5 | 7 | 8 | 10 | 12 => 31,
        4 | 6 | 9 | 11 => 30,
        2 if is_leap(year) => 29,
        2 => 28,
        _ => 0,
    }
}

/// `(year, month)` moved by `n` months.
pub fn shift_month(year: i32, month: u32, n: i32) -> (i32, u32) {
    let idx = i64::from(year) * 12 + i64::from(month) - 1 + i64::from(n);
    (idx.div_euclid(12) as i32, (idx.rem_euclid(12) + 1) as u32)
}

/// The `nth` (1-based; 5 or more = last) given weekday (1 = Monday) of a month.
pub fn nth_weekday(year: i32, month: u32, weekday: u32, nth: u32) -> Option<Date> {
    let first = Date::new(year, month, 1)?;
    let offset = (i64::from(weekday) - i64::from(first.weekday())).rem_euclid(7);
    let mut d = first.add_days(offset + 7 * i64::from(nth.saturating_sub(1).min(4)));
    while d.month != month {
        d = d.add_days(-7);
    }
    Some(d)
}

/// Western Easter Sunday (anonymous Gregorian algorithm).
pub fn easter(year: i32) -> Option<Date> {
    let a = year % 19;
    let b = year / 100;
    let c = year % 100;
    let d = b / 4;
    let e = b % 4;
    let f = (b + 8) / 25;
    let g = (b - f + 1) / 3;
    let h = (19 * a + b - d - g + 15) % 30;
    let i = c / 4;
    let k = c % 4;
    let l = (32 + 2 * e + 2 * i - h - k) % 7;
    let m = (a + 11 * h + 22 * l) / 451;
    let month = (h + l - 7 * m + 114) / 31;
    let day = (h + l - 7 * m + 114) % 31 + 1;
    Date::new(year, u32::try_from(month).ok()?, u32::try_from(day).ok()?)
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn round_trips_and_weekdays() {
        let d = Date::new(2023, 2, 28).unwrap();
        assert_eq!(Date::from_days(d.days()), d);
        assert_eq!(d.weekday(), 2); // Tuesday
        assert_eq!(d.add_days(1).to_string(), "2023-03-01");
        assert_eq!(
            Date::new(2024, 1, 31).unwrap().add_months(1).to_string(),
            "2024-02-29"
        );
        assert_eq!(Date::new(2023, 2, 29), None);
        assert_eq!(
            Date::parse_iso("1998-02-13T14:26:00"),
            Date::new(1998, 2, 13)
        );
    }

    #[test]
    fn iso_weeks_and_holidays() {
        assert_eq!(Date::new(2021, 1, 3).unwrap().iso_week(), (2020, 53));
        assert_eq!(Date::new(1989, 10, 26).unwrap().iso_week(), (1989, 43));
        assert_eq!(
            nth_weekday(1999, 11, 4, 4).unwrap().to_string(),
            "1999-11-25"
        );
        assert_eq!(
            nth_weekday(2023, 5, 1, 5).unwrap().to_string(),
            "2023-05-29"
        );
        assert_eq!(easter(2024).unwrap().to_string(), "2024-03-31");
    }
}
