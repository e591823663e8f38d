//! Parameters of the corpus listings (stories, quotes, events, relations), checked against the
//! same limits as a search: names other than these are refused, pages are bounded.

use chancery_search::MAX_PAGE_SIZE;
use chancery_store::{EventFilter, Period, QuoteFilter};
use serde::Deserialize;

use crate::errors::ApiError;
use crate::params::{date, filter};

/// Items per page when the request does not say.
const DEFAULT_LIMIT: i64 = 20;

/// Furthest offset accepted: deeper pages are better reached with a narrower filter.
pub(crate) const MAX_OFFSET: i64 = 100_000;

/// A checked `limit` and `offset`.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub(crate) struct Paging {
    pub limit: usize,
    pub offset: usize,
}

/// `limit` (1 to [`MAX_PAGE_SIZE`]) and `offset` (0 to [`MAX_OFFSET`]), or why they are refused.
/// Signed on the way in so that a negative value is reported as such.
pub(crate) fn paging(limit: Option<i64>, offset: Option<i64>) -> Result<Paging, ApiError> {
    let limit = limit.unwrap_or(DEFAULT_LIMIT);
    let max = i64::try_from(MAX_PAGE_SIZE).unwrap_or(i64::MAX);
    if !(1..=max).contains(&limit) {
        return Err(ApiError::bad_request(format!(
            "limit must be between 1 and {MAX_PAGE_SIZE}, not {limit}"
        )));
    }
    let offset = offset.unwrap_or(0);
    if !(0..=MAX_OFFSET).contains(&offset) {
        return Err(ApiError::bad_request(format!(
            "offset must be between 0 and {MAX_OFFSET}, not {offset}"
        )));
    }
    Ok(Paging {
        limit: usize::try_from(limit).unwrap_or(MAX_PAGE_SIZE),
        offset: usize::try_from(offset).unwrap_or(0),
    })
}

/// `GET /api/stories`.
#[derive(Debug, Default, Deserialize)]
#[serde(deny_unknown_fields)]
pub(crate) struct StoryListParams {
    pub limit: Option<i64>,
    pub offset: Option<i64>,
}

/// `GET /api/quotes`.
#[derive(Debug, Default, Deserialize)]
#[serde(deny_unknown_fields)]
pub(crate) struct QuoteParams {
    speaker: Option<String>,
    article: Option<String>,
    story: Option<u64>,
    limit: Option<i64>,
    offset: Option<i64>,
}

impl QuoteParams {
    pub fn into_filter(self) -> Result<(QuoteFilter, Paging), ApiError> {
        let paging = paging(self.limit, self.offset)?;
        let filter = QuoteFilter {
            speaker: filter("speaker", self.speaker)?,
            article: filter("article", self.article)?,
            story: self.story,
            limit: paging.limit,
            offset: paging.offset,
        };
        Ok((filter, paging))
    }
}

/// `GET /api/events`.
#[derive(Debug, Default, Deserialize)]
#[serde(deny_unknown_fields)]
pub(crate) struct EventParams {
    actor: Option<String>,
    #[serde(rename = "type")]
    event_type: Option<String>,
    from: Option<String>,
    to: Option<String>,
    article: Option<String>,
    story: Option<u64>,
    limit: Option<i64>,
    offset: Option<i64>,
}

impl EventParams {
    pub fn into_filter(self) -> Result<(EventFilter, Paging), ApiError> {
        let paging = paging(self.limit, self.offset)?;
        let event_type = filter("type", self.event_type)?;
        if let Some(t) = &event_type {
            if chancery_model::plover_scale(&t.to_uppercase()).is_none() {
                return Err(ApiError::bad_request(format!(
                    "type must be a PLOVER event type such as CONSULT or ASSAULT, not {t:?}"
                )));
            }
        }
        let filter = EventFilter {
            actor: filter("actor", self.actor)?,
            event_type,
            from: date("from", self.from)?,
            to: date("to", self.to)?,
            article: filter("article", self.article)?,
            story: self.story,
            limit: paging.limit,
            offset: paging.offset,
        };
        Ok((filter, paging))
    }
}

/// `GET /api/relations` and `GET /api/relations/{a}/{b}`.
#[derive(Debug, Default, Deserialize)]
#[serde(deny_unknown_fields)]
pub(crate) struct RelationParams {
    /// `day`, `week` or `month` (the pair's timeline only).
    pub bucket: Option<String>,
    /// Also count planned, possible and denied events.
    pub all_modalities: Option<bool>,
}

impl RelationParams {
    /// The timeline's period.
    pub fn period(&self) -> Result<Period, ApiError> {
        match self.bucket.as_deref().map(str::trim) {
            None | Some("" | "month") => Ok(Period::Month),
            Some("week") => Ok(Period::Week),
            Some("day") => Ok(Period::Day),
            Some(other) => Err(ApiError::bad_request(format!(
                "bucket must be day, week or month, not {other:?}"
            ))),
        }
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn paging_is_bounded() {
        assert_eq!(
            paging(None, None).unwrap(),
            Paging {
                limit: 20,
                offset: 0
            }
        );
        assert_eq!(paging(Some(100), Some(MAX_OFFSET)).unwrap().limit, 100);
        for (limit, offset) in [(0, 0), (101, 0), (-1, 0), (10, -1), (10, MAX_OFFSET + 1)] {
            assert!(
                paging(Some(limit), Some(offset)).is_err(),
                "{limit} {offset}"
            );
        }
    }

    #[test]
    fn buckets_and_event_types_are_checked() {
        let bucket = |b: &str| RelationParams {
            bucket: Some(b.into()),
            all_modalities: None,
        };
        assert_eq!(bucket("week").period().unwrap(), Period::Week);
        assert!(bucket("year").period().is_err());
        let typed = |t: &str| EventParams {
            event_type: Some(t.into()),
            ..EventParams::default()
        };
        assert!(typed("consult").into_filter().is_ok());
        assert!(typed("PARTY").into_filter().is_err());
    }
}
