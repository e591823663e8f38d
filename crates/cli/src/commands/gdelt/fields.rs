//! How values are written into GDELT's tab-separated cells: text kept on one line and free of
//! the delimiters of the cell it sits in, dates in GDELT's digit forms, numbers without noise.

use chrono::{DateTime, Datelike, NaiveDate, Utc};

/// `text` on one line with no tab: tabs and line breaks become spaces, so a cell can never
/// split a row or add a column.
pub fn cell(text: &str) -> String {
    text.chars()
        .map(|c| if c.is_control() { ' ' } else { c })
        .collect()
}

/// `text` fit for a field of a `#`- or `|`-delimited block in a `;`- or `#`-delimited list:
/// besides [`cell`]'s rules, `;`, `#` and `|` become spaces, so a name can never split a block.
pub fn item(text: &str) -> String {
    replace(text, &[';', '#', '|'])
}

/// `text` fit for a field of a comma-delimited block: as [`item`], and commas become spaces.
pub fn comma_item(text: &str) -> String {
    replace(text, &[';', '#', '|', ','])
}

fn replace(text: &str, delimiters: &[char]) -> String {
    text.chars()
        .map(|c| {
            if c.is_control() || delimiters.contains(&c) {
                ' '
            } else {
                c
            }
        })
        .collect()
}

/// `YYYYMMDD`, GDELT's SQLDATE.
pub fn sql_date(day: NaiveDate) -> String {
    day.format("%Y%m%d").to_string()
}

/// `YYYYMM`.
pub fn month_year(day: NaiveDate) -> String {
    day.format("%Y%m").to_string()
}

/// `YYYY.FFFF`: the year and the fraction of it elapsed before the day.
pub fn fraction_date(day: NaiveDate) -> String {
    let days_in_year = if NaiveDate::from_ymd_opt(day.year(), 2, 29).is_some() {
        366.0
    } else {
        365.0
    };
    let fraction = f64::from(day.ordinal0()) / days_in_year;
    format!("{:.4}", f64::from(day.year()) + fraction)
}

/// `YYYYMMDDHHMMSS` of an instant in UTC.
pub fn timestamp(instant: DateTime<Utc>) -> String {
    instant.format("%Y%m%d%H%M%S").to_string()
}

/// `YYYYMMDD000000`: a day without a known time, as a timestamp.
pub fn day_timestamp(day: NaiveDate) -> String {
    format!("{}000000", sql_date(day))
}

/// A number as plain digits: whole values without a fraction ("1250000000"), others as Rust
/// prints them shortest.
pub fn number(value: f64) -> String {
    if value.is_finite() && value.fract() == 0.0 && value.abs() < 1e15 {
        // Whole and small enough to be exact as an integer.
        format!("{}", value as i64)
    } else if value.is_finite() {
        format!("{value}")
    } else {
        String::new()
    }
}

/// A coordinate with GDELT's four decimals.
pub fn coordinate(value: f64) -> String {
    if value.is_finite() {
        format!("{value:.4}")
    } else {
        String::new()
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    fn day(y: i32, m: u32, d: u32) -> NaiveDate {
        NaiveDate::from_ymd_opt(y, m, d).expect("valid date")
    }

    #[test]
    fn cells_never_hold_tabs_or_line_breaks() {
        assert_eq!(cell("a\tb\r\nc"), "a b  c");
        assert_eq!(item("Smith, John; #1 | x"), "Smith, John   1   x");
        assert_eq!(comma_item("Smith, John; #1"), "Smith  John   1");
    }

    #[test]
    fn dates_take_gdelt_digit_forms() {
        let d = day(2023, 2, 28);
        assert_eq!(sql_date(d), "20230228");
        assert_eq!(month_year(d), "202302");
        assert_eq!(fraction_date(day(2023, 1, 1)), "2023.0000");
        assert_eq!(fraction_date(d), "2023.1589");
        assert_eq!(day_timestamp(d), "20230228000000");
    }

    #[test]
    fn numbers_print_without_noise() {
        assert_eq!(number(1_250_000_000.0), "1250000000");
        assert_eq!(number(2.5), "2.5");
        assert_eq!(number(f64::NAN), "");
        assert_eq!(coordinate(51.180_1), "51.1801");
    }
}
