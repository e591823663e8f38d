//! Dates stated in text: "February 28, 2023", "28 Feb. 2023", "2023-02-28", "28.02.2023", and the
//! month names of the languages news is most often scraped in. Only full dates with a year are read:
//! a date is never completed by guessing.

use std::ops::Range;
use std::sync::LazyLock;

use chrono::NaiveDate;
use regex::Regex;

/// Month names and abbreviations, lowercase, with their number.
const MONTHS: &[(&str, u32)] = &[
    ("january", 1),
    ("jan", 1),
    ("february", 2),
    ("feb", 2),
    ("march", 3),
    ("mar", 3),
    ("april", 4),
    ("apr", 4),
    ("may", 5),
    ("june", 6),
    ("jun", 6),
    ("july", 7),
    ("jul", 7),
    ("august", 8),
    ("aug", 8),
    ("september", 9),
    ("sept", 9),
    ("sep", 9),
    ("october", 10),
    ("oct", 10),
    ("november", 11),
    ("nov", 11),
    ("december", 12),
    ("dec", 12),
    // German
    ("januar", 1),
    ("jänner", 1),
    ("februar", 2),
    ("märz", 3),
    ("mai", 5),
    ("juni", 6),
    ("juli", 7),
    ("oktober", 10),
    ("okt", 10),
    ("dezember", 12),
    ("dez", 12),
    // French
    ("janvier", 1),
    ("février", 2),
    ("fevrier", 2),
    ("mars", 3),
    ("avril", 4),
    ("juin", 6),
    ("juillet", 7),
    ("août", 8),
    ("aout", 8),
    ("septembre", 9),
    ("octobre", 10),
    ("novembre", 11),
    ("décembre", 12),
    ("decembre", 12),
    // Spanish, Italian, Portuguese
    ("enero", 1),
    ("febrero", 2),
    ("marzo", 3),
    ("abril", 4),
    ("mayo", 5),
    ("junio", 6),
    ("julio", 7),
    ("agosto", 8),
    ("septiembre", 9),
    ("setiembre", 9),
    ("octubre", 10),
    ("noviembre", 11),
    ("diciembre", 12),
    ("gennaio", 1),
    ("febbraio", 2),
    ("aprile", 4),
    ("maggio", 5),
    ("giugno", 6),
    ("luglio", 7),
    ("settembre", 9),
    ("ottobre", 10),
    ("dicembre", 12),
    ("janeiro", 1),
    ("fevereiro", 2),
    ("março", 3),
    ("maio", 5),
    ("junho", 6),
    ("julho", 7),
    ("setembro", 9),
    ("outubro", 10),
    ("novembro", 11),
    ("dezembro", 12),
];

static DATE: LazyLock<Regex> = LazyLock::new(|| {
    let mut names: Vec<&str> = MONTHS.iter().map(|(name, _)| *name).collect();
    names.sort_by_key(|n| std::cmp::Reverse(n.chars().count()));
    let month = names.join("|");
    let pattern = format!(
        r"(?xi)
        \b(?P<a_mon>{month})\.?\s+(?P<a_day>\d{{1,2}})(?:st|nd|rd|th)?,?\s+(?P<a_year>(?:19|20)\d\d)\b
        | \b(?P<b_day>\d{{1,2}})(?:st|nd|rd|th|\.|er|º)?\s+(?:de\s+)?(?P<b_mon>{month})\.?,?\s+(?:de\s+)?(?P<b_year>(?:19|20)\d\d)\b
        | \b(?P<c_year>(?:19|20)\d\d)[-/](?P<c_mon>\d{{1,2}})[-/](?P<c_day>\d{{1,2}})(?:\b|T)
        | \b(?P<d_day>\d{{1,2}})\.(?P<d_mon>\d{{1,2}})\.(?P<d_year>(?:19|20)\d\d)\b
        | \b(?P<e_mon>\d{{1,2}})/(?P<e_day>\d{{1,2}})/(?P<e_year>(?:19|20)\d\d)\b
        "
    );
    Regex::new(&pattern).expect("date pattern compiles")
});

/// The first full date in `text`, with its byte range.
pub fn find_full_date(text: &str) -> Option<(NaiveDate, Range<usize>)> {
    DATE.captures_iter(text).find_map(|caps| {
        let whole = caps.get(0)?;
        let num = |name: &str| caps.name(name).and_then(|m| m.as_str().parse::<u32>().ok());
        let month_name = |name: &str| {
            caps.name(name).and_then(|m| {
                let lower = m.as_str().to_lowercase();
                MONTHS
                    .iter()
                    .find(|(n, _)| *n == lower)
                    .map(|(_, number)| *number)
            })
        };
        let (year, month, day) = if let Some(year) = num("a_year") {
            (year, month_name("a_mon")?, num("a_day")?)
        } else if let Some(year) = num("b_year") {
            (year, month_name("b_mon")?, num("b_day")?)
        } else if let Some(year) = num("c_year") {
            (year, num("c_mon")?, num("c_day")?)
        } else if let Some(year) = num("d_year") {
            (year, num("d_mon")?, num("d_day")?)
        } else {
            // Slashed dates are month first (US usage) unless the first number cannot be a month.
            let (first, second) = (num("e_mon")?, num("e_day")?);
            let (month, day) = if first > 12 {
                (second, first)
            } else {
                (first, second)
            };
            (num("e_year")?, month, day)
        };
        let date = NaiveDate::from_ymd_opt(i32::try_from(year).ok()?, month, day)?;
        // The match may run one character past the date (the `T` of an ISO time); end at the last part.
        let end = caps
            .iter()
            .skip(1)
            .flatten()
            .map(|m| m.end())
            .max()
            .unwrap_or(whole.end());
        Some((date, whole.start()..end))
    })
}

/// Whether a short line is mostly a date: "March 3, 2021", "Published: 28 Feb 2023 10:45 GMT",
/// "Updated 2023-02-28T10:00:00Z".
pub fn is_date_line(text: &str) -> bool {
    let Some((_, range)) = find_full_date(text) else {
        return false;
    };
    let rest_words = text[..range.start].split_whitespace().count()
        + text[range.end..].split_whitespace().count();
    rest_words <= 6
}

#[cfg(test)]
mod tests {
    use super::*;

    fn date(text: &str) -> Option<String> {
        find_full_date(text).map(|(d, r)| format!("{d} {}", &text[r]))
    }

    #[test]
    fn reads_full_dates() {
        assert_eq!(
            date("in Astana, Kazakhstan, February 28, 2023. (Reuters)").as_deref(),
            Some("2023-02-28 February 28, 2023")
        );
        assert_eq!(
            date("Feb. 3, 2021").as_deref(),
            Some("2021-02-03 Feb. 3, 2021")
        );
        assert_eq!(
            date("am 28. Februar 2023 in Berlin").as_deref(),
            Some("2023-02-28 28. Februar 2023")
        );
        assert_eq!(
            date("le 1er mars 2022").as_deref(),
            Some("2022-03-01 1er mars 2022")
        );
        assert_eq!(
            date("2023-02-28T10:00:00Z").as_deref(),
            Some("2023-02-28 2023-02-28")
        );
        assert_eq!(date("28.02.2023").as_deref(), Some("2023-02-28 28.02.2023"));
        assert_eq!(date("3/28/2023").as_deref(), Some("2023-03-28 3/28/2023"));
    }

    #[test]
    fn never_completes_a_partial_date() {
        assert_eq!(date("the Feb. 24 anniversary"), None);
        assert_eq!(date("on Tuesday"), None);
        assert_eq!(date("February 30, 2023"), None);
        assert_eq!(date("in 1991"), None);
    }

    #[test]
    fn date_lines() {
        assert!(is_date_line("Published: February 28, 2023 10:45 am EST"));
        assert!(!is_date_line(
            "The agreement signed on February 28, 2023 ended a long dispute between the two sides."
        ));
    }
}
