//! Search parameters, from a query string or a JSON body, checked against the server's limits.

use chancery_search::{Filters, SearchRequest, MAX_PAGE_SIZE};
use chrono::NaiveDate;
use serde::Deserialize;

use crate::errors::ApiError;

/// Longest search text accepted, in characters.
pub const MAX_QUERY_CHARS: usize = 1_000;

/// Longest filter value accepted, in characters.
const MAX_FILTER_CHARS: usize = 200;

/// Largest request body accepted, in bytes.
pub const MAX_BODY_BYTES: usize = 16 * 1024;

/// Hits per page when the request does not say.
const DEFAULT_PAGE_SIZE: i64 = 10;

/// A search as the API takes it: the same names in a query string (`GET /api/search`) and in a
/// JSON object (`POST /api/search`). Any other name is refused, so a misspelt filter is an error
/// rather than a silently wider search.
#[derive(Debug, Default, Deserialize)]
#[serde(deny_unknown_fields)]
pub(crate) struct SearchParams {
    q: Option<String>,
    entity: Option<String>,
    country: Option<String>,
    place: Option<String>,
    source: Option<String>,
    language: Option<String>,
    since: Option<String>,
    until: Option<String>,
    story: Option<String>,
    /// Signed so that a negative page is reported as such, not as a parse failure.
    page: Option<i64>,
    page_size: Option<i64>,
    facets: Option<bool>,
    snippets: Option<bool>,
}

impl SearchParams {
    /// The search these parameters ask for, or why they cannot be run.
    pub fn into_request(self) -> Result<SearchRequest, ApiError> {
        let text = self.q.unwrap_or_default();
        let chars = text.chars().count();
        if chars > MAX_QUERY_CHARS {
            return Err(ApiError::bad_request(format!(
                "query is {chars} characters long; at most {MAX_QUERY_CHARS} are accepted"
            )));
        }
        let page = self.page.unwrap_or(1);
        if page < 1 {
            return Err(ApiError::bad_request(format!(
                "page must be 1 or more, not {page}"
            )));
        }
        let page_size = self.page_size.unwrap_or(DEFAULT_PAGE_SIZE);
        let max = i64::try_from(MAX_PAGE_SIZE).unwrap_or(i64::MAX);
        if !(1..=max).contains(&page_size) {
            return Err(ApiError::bad_request(format!(
                "page_size must be between 1 and {MAX_PAGE_SIZE}, not {page_size}"
            )));
        }
        let offset = (page - 1).saturating_mul(page_size);
        let filters = Filters {
            entity: filter("entity", self.entity)?,
            country: filter("country", self.country)?,
            place: filter("place", self.place)?,
            source: filter("source", self.source)?,
            language: filter("language", self.language)?,
            since: date("since", self.since)?,
            until: date("until", self.until)?,
            story: filter("story", self.story)?,
        };
        Ok(SearchRequest {
            text,
            filters,
            offset: usize::try_from(offset).unwrap_or(usize::MAX),
            limit: usize::try_from(page_size).unwrap_or(MAX_PAGE_SIZE),
            facets: self.facets.unwrap_or(false),
            snippets: self.snippets.unwrap_or(true),
        })
    }
}

/// A filter value: blank means no filter; an over-long one is refused.
pub(crate) fn filter(name: &str, value: Option<String>) -> Result<Option<String>, ApiError> {
    let Some(value) = value.filter(|v| !v.trim().is_empty()) else {
        return Ok(None);
    };
    if value.chars().count() > MAX_FILTER_CHARS {
        return Err(ApiError::bad_request(format!(
            "{name} is longer than {MAX_FILTER_CHARS} characters"
        )));
    }
    Ok(Some(value))
}

/// A `YYYY-MM-DD` date filter.
pub(crate) fn date(name: &str, value: Option<String>) -> Result<Option<NaiveDate>, ApiError> {
    let Some(value) = filter(name, value)? else {
        return Ok(None);
    };
    NaiveDate::parse_from_str(value.trim(), "%Y-%m-%d")
        .map(Some)
        .map_err(|_| {
            ApiError::bad_request(format!(
                "{name} must be a date as YYYY-MM-DD, not {value:?}"
            ))
        })
}

/// Parameters of the entity list.
#[derive(Debug, Default, Deserialize)]
#[serde(deny_unknown_fields)]
pub(crate) struct EntityListParams {
    /// Only entities of the articles matching this search text.
    pub q: Option<String>,
    /// Only entities of this type (PERSON, ORG, GPE, LOC, NORP, MISC).
    #[serde(rename = "type")]
    pub kind: Option<String>,
}

#[cfg(test)]
mod tests {
    use super::*;

    fn params(page: Option<i64>, page_size: Option<i64>) -> SearchParams {
        SearchParams {
            page,
            page_size,
            ..SearchParams::default()
        }
    }

    #[test]
    fn pages_become_offsets_and_bad_pages_are_refused() {
        let request = params(Some(3), Some(20)).into_request().unwrap();
        assert_eq!((request.offset, request.limit), (40, 20));
        assert!(params(Some(0), None).into_request().is_err());
        assert!(params(Some(-1), None).into_request().is_err());
        assert!(params(None, Some(0)).into_request().is_err());
        assert!(params(None, Some(101)).into_request().is_err());
        // Far pages are left for the index to refuse, without overflow on the way.
        let far = params(Some(i64::MAX), Some(100)).into_request().unwrap();
        assert_eq!(far.limit, 100);
    }

    #[test]
    fn dates_and_lengths_are_checked() {
        let bad_date = SearchParams {
            since: Some("28/02/2023".into()),
            ..SearchParams::default()
        };
        assert!(bad_date.into_request().is_err());
        let long = SearchParams {
            q: Some("a".repeat(MAX_QUERY_CHARS + 1)),
            ..SearchParams::default()
        };
        assert!(long.into_request().is_err());
        let blank = SearchParams {
            entity: Some("  ".into()),
            until: Some("2023-02-28".into()),
            ..SearchParams::default()
        };
        let request = blank.into_request().unwrap();
        assert_eq!(request.filters.entity, None);
        assert_eq!(request.filters.until, NaiveDate::from_ymd_opt(2023, 2, 28));
    }
}
