//! Dates and times as pages state them, with the time of day and the offset from UTC kept when
//! stated: ISO 8601 and RFC 3339 (`2023-02-28T09:00:00+01:00`, `2023-02-28 09:00`, `2023/02/28`),
//! RFC 2822 (`Tue, 28 Feb 2023 08:00:00 GMT`), written dates ("28. Februar 2023"), and dates in
//! URL paths (`/2023/02/28/`, `/2023-02-28-`, `/20230228/`).
//!
//! Every date is checked for plausibility: not before [`MIN_YEAR`], and never after the fetch date
//! (one day of slack for time zones) when the fetch date is known.

use std::sync::LazyLock;

use chancery_model::StatedTime;
use chrono::{DateTime, Datelike, NaiveDate, NaiveTime, Utc};
use regex::Regex;

/// Earliest year taken for a publication date: the web's news begins in the 1990s.
pub const MIN_YEAR: i32 = 1990;
/// Latest year taken when the fetch date is unknown.
const MAX_YEAR: i32 = 2100;

static ISO: LazyLock<Option<Regex>> = LazyLock::new(|| {
    Regex::new(
        r"(?x)^\s*
        (?P<y>\d{4})[-/.](?P<m>\d{1,2})[-/.](?P<d>\d{1,2})
        (?:[T\s]+(?P<h>\d{1,2}):(?P<mi>\d{2})(?::(?P<s>\d{2}))?(?:[.,]\d+)?
           \s*(?P<z>Z|z|UTC|GMT|[+-]\d{2}(?::?\d{2})?)?
        )?",
    )
    .ok()
});

static URL_DATE: LazyLock<Option<Regex>> = LazyLock::new(|| {
    Regex::new(
        r"(?x)
        [/_-](?P<y>(?:19|20)\d{2})[/_-](?P<m>[01]?\d)[/_-](?P<d>[0-3]?\d)(?:[/_.-]|$)
        | [/_-](?P<cy>(?:19|20)\d{2})(?P<cm>[01]\d)(?P<cd>[0-3]\d)(?:[/_.-]|$)
        | [/_-](?P<ed>[0-3]?\d)\.(?P<em>[01]?\d)\.(?P<ey>(?:19|20)\d{2})(?:[/_.-]|$)
        | [/_-](?P<fd>[0-3]?\d)-(?P<fm>[01]?\d)-(?P<fy>(?:19|20)\d{2})(?:[/_.-]|$)",
    )
    .ok()
});

/// Reads a date as a page states it in an attribute or a metadata field.
pub fn parse(value: &str) -> Option<StatedTime> {
    let value = value.trim();
    if value.is_empty() || value.len() > 200 {
        return None;
    }
    if let Some(t) = parse_iso(value) {
        return Some(t);
    }
    if let Ok(d) = DateTime::parse_from_rfc2822(value) {
        return Some(StatedTime {
            date: d.date_naive(),
            time: Some(d.time()),
            utc_offset: Some(d.offset().local_minus_utc()),
        });
    }
    crate::dates::find_full_date(value).map(|(date, _)| StatedTime::day(date))
}

fn parse_iso(value: &str) -> Option<StatedTime> {
    let caps = ISO.as_ref()?.captures(value)?;
    let num = |name: &str| caps.name(name).and_then(|m| m.as_str().parse::<u32>().ok());
    let year = i32::try_from(num("y")?).ok()?;
    let date = NaiveDate::from_ymd_opt(year, num("m")?, num("d")?)?;
    let time = match (num("h"), num("mi")) {
        (Some(h), Some(mi)) => NaiveTime::from_hms_opt(h, mi, num("s").unwrap_or(0)),
        _ => None,
    };
    let utc_offset = time
        .and(caps.name("z"))
        .and_then(|z| offset_seconds(z.as_str()));
    Some(StatedTime {
        date,
        time,
        utc_offset,
    })
}

/// Seconds east of UTC of `Z`, `UTC`, `GMT`, `+01`, `+0100` or `-05:30`.
fn offset_seconds(zone: &str) -> Option<i32> {
    let zone = zone.trim();
    if matches!(zone, "Z" | "z" | "UTC" | "GMT") {
        return Some(0);
    }
    let sign = match zone.chars().next()? {
        '+' => 1,
        '-' => -1,
        _ => return None,
    };
    let digits: String = zone.chars().filter(char::is_ascii_digit).collect();
    let hours: i32 = digits.get(..2)?.parse().ok()?;
    let minutes: i32 = digits.get(2..4).map_or(Some(0), |m| m.parse().ok())?;
    (hours <= 14 && minutes < 60).then_some(sign * (hours * 3600 + minutes * 60))
}

/// A full date in a URL's path, as news sites put them (`/2023/02/28/slug`).
pub fn from_url(url: &str) -> Option<StatedTime> {
    let path_start = url.find("://").map_or(0, |i| i + 3);
    let path = url.get(path_start..)?;
    let path = path.get(path.find('/')?..)?;
    let path = path.split(['?', '#']).next().unwrap_or(path);
    let re = URL_DATE.as_ref()?;
    re.captures_iter(path).find_map(|caps| {
        let num = |name: &str| caps.name(name).and_then(|m| m.as_str().parse::<u32>().ok());
        let (y, m, d) = if let Some(y) = num("y") {
            (y, num("m")?, num("d")?)
        } else if let Some(y) = num("cy") {
            (y, num("cm")?, num("cd")?)
        } else if let Some(y) = num("ey") {
            // Dotted dates are day first, as written in Europe.
            (y, num("em")?, num("ed")?)
        } else {
            // Dashed day-month-year only when the day cannot be a month.
            let (d, m) = (num("fd")?, num("fm")?);
            if d <= 12 {
                return None;
            }
            (num("fy")?, m, d)
        };
        NaiveDate::from_ymd_opt(i32::try_from(y).ok()?, m, d).map(StatedTime::day)
    })
}

/// Whether a date can be a publication date of a page fetched at `fetched` (when known).
pub fn plausible(t: &StatedTime, fetched: Option<DateTime<Utc>>) -> bool {
    let year = t.date.year();
    if !(MIN_YEAR..=MAX_YEAR).contains(&year) {
        return false;
    }
    let Some(fetched) = fetched else {
        return true;
    };
    // Compare instants when the page states one, else days with a day of slack for time zones.
    if let Some(instant) = t.to_utc() {
        return instant <= fetched + chrono::Duration::minutes(5);
    }
    t.date <= fetched.date_naive() + chrono::Duration::days(1)
}

#[cfg(test)]
mod tests {
    use super::*;

    fn iso(value: &str) -> Option<String> {
        parse(value).map(|t| t.to_iso())
    }

    #[test]
    fn stated_forms() {
        assert_eq!(
            iso("2023-02-28T23:30:00-05:00").as_deref(),
            Some("2023-02-28T23:30:00-05:00")
        );
        assert_eq!(
            iso("2023-02-28T23:30:00.000Z").as_deref(),
            Some("2023-02-28T23:30:00Z")
        );
        assert_eq!(
            iso("2023-02-28T23:30:00+0100").as_deref(),
            Some("2023-02-28T23:30:00+01:00")
        );
        assert_eq!(
            iso("2023-02-28 09:05").as_deref(),
            Some("2023-02-28T09:05:00")
        );
        assert_eq!(iso("2023/2/8").as_deref(), Some("2023-02-08"));
        assert_eq!(
            iso("Tue, 28 Feb 2023 08:00:00 GMT").as_deref(),
            Some("2023-02-28T08:00:00Z")
        );
        assert_eq!(iso("28. Februar 2023").as_deref(), Some("2023-02-28"));
        assert_eq!(iso("2023-02-30"), None);
        assert_eq!(iso("soon"), None);
        assert_eq!(iso(""), None);
    }

    #[test]
    fn url_dates() {
        let d = |u: &str| from_url(u).map(|t| t.to_iso());
        assert_eq!(
            d("https://www.nytimes.com/2023/02/28/world/x.html").as_deref(),
            Some("2023-02-28")
        );
        assert_eq!(
            d("https://x.example/news/2021-7-04-fireworks").as_deref(),
            Some("2021-07-04")
        );
        assert_eq!(
            d("https://x.example/a/20190611/story.html").as_deref(),
            Some("2019-06-11")
        );
        assert_eq!(d("https://x.example/2023/02/story"), None);
        assert_eq!(
            d("https://x.example/bericht_vom_22.04.2020_x").as_deref(),
            Some("2020-04-22")
        );
        assert_eq!(
            d("https://x.example/meldungen/29-10-2021").as_deref(),
            Some("2021-10-29")
        );
        assert_eq!(d("https://x.example/meldungen/10-09-2021"), None);
        assert_eq!(d("https://x.example/item/123456789/"), None);
        assert_eq!(d("https://2023-02-28.example/x"), None);
    }

    #[test]
    fn plausibility() {
        let fetched = DateTime::parse_from_rfc3339("2023-03-01T12:00:00Z")
            .ok()
            .map(|d| d.with_timezone(&Utc));
        let t = |v: &str| parse(v).expect("date");
        assert!(plausible(&t("2023-02-28"), fetched));
        assert!(plausible(&t("2023-03-02"), fetched));
        assert!(!plausible(&t("2023-03-05"), fetched));
        assert!(!plausible(&t("2023-03-01T18:00:00Z"), fetched));
        assert!(!plausible(&t("1985-01-01"), fetched));
        assert!(plausible(&t("2099-01-01"), None));
    }
}
