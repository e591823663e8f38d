//! What a page states about its article besides the text: subtitle, authors, publication and
//! update times, site, canonical URL, section, tags and lead image.
//!
//! Plain data, filled by the HTML extractor from the page's JSON-LD, OpenGraph and other `<meta>`
//! tags, `<time>` elements, bylines, the URL and dates shown near the title. Title, language,
//! captions and the publication day itself live on [`crate::Article`]; this holds the rest.

use chrono::{DateTime, FixedOffset, NaiveDate, NaiveDateTime, NaiveTime, TimeZone, Utc};
use serde::{Deserialize, Serialize};

/// A date, with the time of day and the offset from UTC when the page states them.
///
/// The date is the one the page states, in its own time zone: "2023-02-28T23:30:00-05:00" is the
/// 28th here even though it is already March 1st in UTC.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Serialize, Deserialize)]
pub struct StatedTime {
    pub date: NaiveDate,
    #[serde(skip_serializing_if = "Option::is_none", default)]
    pub time: Option<NaiveTime>,
    /// Offset east of UTC in seconds, when the page states one (`Z` is 0).
    #[serde(skip_serializing_if = "Option::is_none", default)]
    pub utc_offset: Option<i32>,
}

impl StatedTime {
    /// A date without a time.
    pub fn day(date: NaiveDate) -> Self {
        StatedTime {
            date,
            time: None,
            utc_offset: None,
        }
    }

    /// The instant in UTC, when both the time and the offset are stated.
    pub fn to_utc(&self) -> Option<DateTime<Utc>> {
        let offset = FixedOffset::east_opt(self.utc_offset?)?;
        let local = NaiveDateTime::new(self.date, self.time?);
        offset
            .from_local_datetime(&local)
            .single()
            .map(|d| d.with_timezone(&Utc))
    }

    /// ISO 8601 as precise as stated: `2023-02-28`, `2023-02-28T09:00:00`, or
    /// `2023-02-28T09:00:00+01:00`.
    pub fn to_iso(&self) -> String {
        let Some(time) = self.time else {
            return self.date.to_string();
        };
        let mut out = format!("{}T{}", self.date, time.format("%H:%M:%S"));
        if let Some(seconds) = self.utc_offset {
            if seconds == 0 {
                out.push('Z');
            } else {
                let sign = if seconds < 0 { '-' } else { '+' };
                let abs = seconds.unsigned_abs();
                out.push_str(&format!("{sign}{:02}:{:02}", abs / 3600, abs % 3600 / 60));
            }
        }
        out
    }
}

impl std::fmt::Display for StatedTime {
    fn fmt(&self, f: &mut std::fmt::Formatter<'_>) -> std::fmt::Result {
        f.write_str(&self.to_iso())
    }
}

/// Where a metadata value was read, most trusted first.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash, PartialOrd, Ord, Serialize, Deserialize)]
#[serde(rename_all = "kebab-case")]
pub enum MetaSource {
    /// A JSON-LD script (`NewsArticle`, `BlogPosting`, ... possibly inside an `@graph`).
    JsonLd,
    /// OpenGraph or `article:*` `<meta>` properties.
    OpenGraph,
    /// Other `<meta>` tags: `author`, `dc.*`, `parsely-*`, `sailthru.*`, `itemprop`, ...
    MetaTag,
    /// A `<time datetime>` attribute.
    TimeElement,
    /// A byline element: `rel=author`, `class="byline"`, `itemprop=author`, ...
    Byline,
    /// A date in the URL path (`/2023/02/28/`).
    Url,
    /// A date shown as text near the title.
    Text,
    /// Stated by the input outside the page (a JSONL `date` field).
    Input,
}

impl MetaSource {
    pub fn as_str(self) -> &'static str {
        match self {
            MetaSource::JsonLd => "json-ld",
            MetaSource::OpenGraph => "open-graph",
            MetaSource::MetaTag => "meta-tag",
            MetaSource::TimeElement => "time-element",
            MetaSource::Byline => "byline",
            MetaSource::Url => "url",
            MetaSource::Text => "text",
            MetaSource::Input => "input",
        }
    }
}

/// What a page states about its article, beyond title, text, captions and language.
#[derive(Debug, Clone, Default, PartialEq, Eq, Serialize, Deserialize)]
#[serde(default)]
pub struct ArticleMeta {
    /// Standfirst or deck: the sentence under the title.
    #[serde(skip_serializing_if = "Option::is_none")]
    pub subtitle: Option<String>,
    /// The page's description (`og:description`, `description`), which is often the subtitle.
    #[serde(skip_serializing_if = "Option::is_none")]
    pub description: Option<String>,
    /// Person (or desk) names, cleaned of "By", roles and handles, in page order, without repeats.
    #[serde(skip_serializing_if = "Vec::is_empty")]
    pub authors: Vec<String>,
    #[serde(skip_serializing_if = "Option::is_none")]
    pub authors_source: Option<MetaSource>,
    /// First publication, never after the fetch date.
    #[serde(skip_serializing_if = "Option::is_none")]
    pub published: Option<StatedTime>,
    #[serde(skip_serializing_if = "Option::is_none")]
    pub published_source: Option<MetaSource>,
    /// Last modification, never before publication nor after the fetch date.
    #[serde(skip_serializing_if = "Option::is_none")]
    pub updated: Option<StatedTime>,
    #[serde(skip_serializing_if = "Option::is_none")]
    pub updated_source: Option<MetaSource>,
    /// The publication's name (`og:site_name`, JSON-LD `publisher.name`).
    #[serde(skip_serializing_if = "Option::is_none")]
    pub site_name: Option<String>,
    /// Absolute canonical URL (`<link rel=canonical>`, `og:url`, JSON-LD `url`).
    #[serde(skip_serializing_if = "Option::is_none")]
    pub canonical_url: Option<String>,
    /// Section or category (`article:section`, JSON-LD `articleSection`).
    #[serde(skip_serializing_if = "Option::is_none")]
    pub section: Option<String>,
    /// Keywords and tags, without repeats.
    #[serde(skip_serializing_if = "Vec::is_empty")]
    pub tags: Vec<String>,
    /// URL of the lead image (`og:image`, JSON-LD `image`).
    #[serde(skip_serializing_if = "Option::is_none")]
    pub image: Option<String>,
}

impl ArticleMeta {
    /// Whether nothing at all is known.
    pub fn is_empty(&self) -> bool {
        *self == ArticleMeta::default()
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn stated_times_print_as_stated() {
        let date = NaiveDate::from_ymd_opt(2023, 2, 28).expect("date");
        let time = NaiveTime::from_hms_opt(23, 30, 0);
        let mut t = StatedTime::day(date);
        assert_eq!(t.to_iso(), "2023-02-28");
        assert_eq!(t.to_utc(), None);
        t.time = time;
        assert_eq!(t.to_iso(), "2023-02-28T23:30:00");
        t.utc_offset = Some(-5 * 3600);
        assert_eq!(t.to_iso(), "2023-02-28T23:30:00-05:00");
        assert_eq!(
            t.to_utc().map(|u| u.to_rfc3339()).as_deref(),
            Some("2023-03-01T04:30:00+00:00")
        );
        t.utc_offset = Some(0);
        assert_eq!(t.to_iso(), "2023-02-28T23:30:00Z");
    }

    #[test]
    fn meta_round_trips_through_json() {
        let meta = ArticleMeta {
            authors: vec!["Ana Lima".into()],
            published: NaiveDate::from_ymd_opt(2021, 1, 2).map(StatedTime::day),
            published_source: Some(MetaSource::JsonLd),
            ..ArticleMeta::default()
        };
        let json = serde_json::to_string(&meta).expect("json");
        let back: ArticleMeta = serde_json::from_str(&json).expect("parse");
        assert_eq!(back, meta);
        assert!(ArticleMeta::default().is_empty());
    }
}
