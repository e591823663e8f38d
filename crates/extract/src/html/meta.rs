//! Metadata a page states about itself: title, canonical URL, language, publication date.
//!
//! Collected during the walk from `<title>`, `<meta>`, `<link rel=canonical>`, `<html lang>`,
//! `<time datetime>` and JSON-LD scripts; read back in a fixed order of trust.

use std::ops::Range;
use std::sync::LazyLock;

use chrono::{DateTime, NaiveDate, NaiveDateTime};
use html5gum::StartTag;
use regex::Regex;

use super::tags::{attr_value_range, Tag};

/// `<meta>` keys (`property`, `name` or `itemprop`) worth keeping.
const META_KEYS: &[&str] = &[
    "og:title",
    "og:url",
    "article:published_time",
    "og:published_time",
    "datepublished",
    "date",
    "pubdate",
    "publishdate",
];

/// Publication-date `<meta>` keys, most trusted first.
const DATE_KEYS: &[&str] = &["article:published_time", "og:published_time"];
/// Generic date `<meta>` keys, read after JSON-LD.
const LATE_DATE_KEYS: &[&str] = &["datepublished", "date", "pubdate", "publishdate"];

/// Values kept per kind, so hostile pages with thousands of tags stay small.
const MAX_VALUES: usize = 16;

/// A stated value with the range of the document it was read from.
#[derive(Debug, Clone)]
pub struct Stated {
    /// The value, trimmed.
    pub value: String,
    /// Its range in the decoded document, when known.
    pub range: Option<Range<usize>>,
}

/// What the page states about itself.
#[derive(Debug, Default)]
pub struct PageMeta {
    /// Text of the first `<title>`, whitespace collapsed.
    pub title: Option<Stated>,
    /// Kept `<meta>` tags: lowercase key and content.
    pub metas: Vec<(String, Stated)>,
    /// `href` of `<link rel=canonical>`.
    pub canonical: Option<String>,
    /// `<html lang>` as written.
    pub lang: Option<String>,
    /// `datePublished` values found in JSON-LD scripts.
    pub ld_dates: Vec<Stated>,
    /// `datetime` attributes of `<time>` elements.
    pub times: Vec<Stated>,
}

static LD_DATE: LazyLock<Option<Regex>> =
    LazyLock::new(|| Regex::new(r#""datePublished"\s*:\s*"([^"]{4,64})""#).ok());

impl PageMeta {
    /// Reads what a start tag states.
    pub fn on_start(&mut self, tag: Tag, t: &StartTag<usize>, text: &str, in_svg: bool) {
        let get = |name: &[u8]| t.attributes.get(name);
        let value =
            |name: &[u8]| get(name).map(|v| String::from_utf8_lossy(&v.value).trim().to_string());
        match tag {
            Tag::Html if self.lang.is_none() => {
                self.lang = value(b"lang").filter(|v| !v.is_empty())
            }
            Tag::Meta if self.metas.len() < MAX_VALUES * 2 => {
                let key = value(b"property")
                    .or_else(|| value(b"name"))
                    .or_else(|| value(b"itemprop"));
                let Some(key) = key.map(|k| k.to_ascii_lowercase()) else {
                    return;
                };
                if !META_KEYS.contains(&key.as_str()) {
                    return;
                }
                if let Some(content) = get(b"content") {
                    let range = attr_value_range(text, content.span.start..content.span.end);
                    let value = String::from_utf8_lossy(&content.value).trim().to_string();
                    self.metas.push((key, Stated { value, range }));
                }
            }
            Tag::Link if self.canonical.is_none() => {
                let canonical = value(b"rel").is_some_and(|rel| {
                    rel.split_ascii_whitespace()
                        .any(|r| r.eq_ignore_ascii_case("canonical"))
                });
                if canonical {
                    self.canonical = value(b"href").filter(|h| !h.is_empty());
                }
            }
            Tag::Time if !in_svg && self.times.len() < MAX_VALUES => {
                if let Some(datetime) = get(b"datetime") {
                    let range = attr_value_range(text, datetime.span.start..datetime.span.end);
                    let value = String::from_utf8_lossy(&datetime.value).trim().to_string();
                    self.times.push(Stated { value, range });
                }
            }
            _ => {}
        }
    }

    /// Reads the text of a `<title>`.
    pub fn on_title(&mut self, value: &str, text: &str, range: Range<usize>) {
        if self.title.is_some() {
            return;
        }
        let value = value.split_whitespace().collect::<Vec<_>>().join(" ");
        if value.is_empty() {
            return;
        }
        let range = text.get(range.clone()).map(|source| {
            let lead = source.len() - source.trim_start().len();
            range.start + lead..range.start + source.trim_end().len()
        });
        self.title = Some(Stated { value, range });
    }

    /// Reads a JSON-LD script's `datePublished`. The script's source is searched rather than its
    /// decoded text, so the value's range is exact.
    pub fn on_ld_json(&mut self, text: &str, range: Range<usize>) {
        let (Some(source), Some(re)) = (text.get(range.clone()), LD_DATE.as_ref()) else {
            return;
        };
        for caps in re
            .captures_iter(source)
            .take(MAX_VALUES.saturating_sub(self.ld_dates.len()))
        {
            if let Some(m) = caps.get(1) {
                let value = m.as_str().to_string();
                self.ld_dates.push(Stated {
                    value,
                    range: Some(range.start + m.start()..range.start + m.end()),
                });
            }
        }
    }

    /// The first `<meta>` with this key.
    pub fn meta(&self, key: &str) -> Option<&Stated> {
        self.metas
            .iter()
            .find(|(k, v)| k == key && !v.value.is_empty())
            .map(|(_, v)| v)
    }

    /// The page's own title: `og:title`, else `<title>` without a trailing site name.
    pub fn title(&self, text: &str) -> Option<Stated> {
        if let Some(og) = self.meta("og:title") {
            return Some(Stated {
                value: og.value.split_whitespace().collect::<Vec<_>>().join(" "),
                range: og.range.clone(),
            });
        }
        self.title.as_ref().map(|t| strip_site_name(t, text))
    }

    /// The stated publication date, with the text it was read from.
    pub fn published(&self) -> Option<(NaiveDate, &Stated)> {
        let metas = |keys: &'static [&'static str]| keys.iter().filter_map(|k| self.meta(k));
        metas(DATE_KEYS)
            .chain(self.ld_dates.iter())
            .chain(metas(LATE_DATE_KEYS))
            .chain(self.times.iter())
            .find_map(|s| parse_date(&s.value).map(|d| (d, s)))
    }

    /// The canonical URL: `<link rel=canonical>`, else `og:url`.
    pub fn url(&self) -> Option<String> {
        let absolute = |u: &&str| u.starts_with("http://") || u.starts_with("https://");
        self.canonical
            .as_deref()
            .filter(absolute)
            .or_else(|| {
                self.meta("og:url")
                    .map(|s| s.value.as_str())
                    .filter(absolute)
            })
            .map(str::to_string)
    }
}

/// Separators between a page title and the site name after it.
const SITE_SEPARATORS: &[&str] = &[" | ", " - ", " – ", " — ", " :: ", " · "];

/// Removes a trailing " | Site" or " - Site" when it is shorter than the title before it.
fn strip_site_name(title: &Stated, text: &str) -> Stated {
    let value = &title.value;
    let cut = SITE_SEPARATORS
        .iter()
        .filter_map(|sep| value.rfind(sep).map(|at| (at, *sep)))
        .max_by_key(|&(at, _)| at);
    let Some((at, sep)) = cut else {
        return title.clone();
    };
    let (head, site) = (&value[..at], &value[at + sep.len()..]);
    if head.trim().is_empty() || site.chars().count() >= head.chars().count() {
        return title.clone();
    }
    // The source may hold entities or line breaks: find the separator there too.
    let range = title.range.clone().map(|r| {
        let source = text.get(r.clone()).unwrap_or("");
        let trimmed = sep.trim();
        match source.rfind(trimmed) {
            Some(pos) => r.start..r.start + source[..pos].trim_end().len(),
            None => r,
        }
    });
    Stated {
        value: head.trim().to_string(),
        range,
    }
}

/// Reads a date as pages state it: RFC 3339, ISO 8601 with or without time, or a written date.
pub fn parse_date(value: &str) -> Option<NaiveDate> {
    let value = value.trim();
    let date = DateTime::parse_from_rfc3339(value)
        .map(|d| d.date_naive())
        .or_else(|_| DateTime::parse_from_str(value, "%Y-%m-%dT%H:%M:%S%z").map(|d| d.date_naive()))
        .or_else(|_| NaiveDateTime::parse_from_str(value, "%Y-%m-%dT%H:%M:%S").map(|d| d.date()))
        .ok()
        .or_else(|| {
            let head = value.get(..10)?;
            NaiveDate::parse_from_str(head, "%Y-%m-%d")
                .or_else(|_| NaiveDate::parse_from_str(head, "%Y/%m/%d"))
                .ok()
        })
        .or_else(|| crate::dates::find_full_date(value).map(|(d, _)| d))?;
    (1900..=2200)
        .contains(&chrono::Datelike::year(&date))
        .then_some(date)
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn dates_as_pages_state_them() {
        let d = |y, m, day| NaiveDate::from_ymd_opt(y, m, day);
        assert_eq!(parse_date("2023-02-28T23:30:00-05:00"), d(2023, 2, 28));
        assert_eq!(parse_date("2023-02-28T23:30:00+0000"), d(2023, 2, 28));
        assert_eq!(parse_date("2023-02-28"), d(2023, 2, 28));
        assert_eq!(parse_date("2023/02/28 10:00"), d(2023, 2, 28));
        assert_eq!(parse_date("February 28, 2023"), d(2023, 2, 28));
        assert_eq!(parse_date("yesterday"), None);
    }

    #[test]
    fn site_name_is_stripped() {
        let text = "Rates rise again | The Daily";
        let t = Stated {
            value: text.to_string(),
            range: Some(0..text.len()),
        };
        let s = strip_site_name(&t, text);
        assert_eq!(s.value, "Rates rise again");
        assert_eq!(s.range, Some(0..16));
        let t = Stated {
            value: "A - B".to_string(),
            range: None,
        };
        assert_eq!(strip_site_name(&t, "").value, "A - B");
    }
}
