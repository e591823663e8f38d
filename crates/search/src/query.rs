//! What a search asks for, checked, and turned into a tantivy query.

use std::ops::Bound;

use chrono::NaiveDate;
use serde::{Deserialize, Serialize};
use tantivy::query::{
    AllQuery, BooleanQuery, ConstScoreQuery, Occur, Query, RangeQuery, TermQuery,
};
use tantivy::schema::{Field, IndexRecordOption};
use tantivy::Term;

use crate::document::day_number;
use crate::error::{Result, SearchError};
use crate::fields::Fields;

/// Most hits one page may ask for.
pub const MAX_PAGE_SIZE: usize = 100;

/// Deepest hit a search may page to: deep pages cost time and serve no reader.
const MAX_DEPTH: usize = 10_000;

/// Restrictions on which articles match; every one given must hold.
#[derive(Debug, Clone, Default, PartialEq, Eq, Serialize, Deserialize)]
pub struct Filters {
    /// An entity the article names (canonical name or alias, any case).
    pub entity: Option<String>,
    /// ISO 3166-1 alpha-2 code of a country the article's entities are in.
    pub country: Option<String>,
    /// A place the article names (any case).
    pub place: Option<String>,
    /// The article's source, exactly as stored.
    pub source: Option<String>,
    /// ISO 639-3 code of the article's language.
    pub language: Option<String>,
    /// Published on or after this date (undated articles excluded).
    pub since: Option<NaiveDate>,
    /// Published on or before this date (undated articles excluded).
    pub until: Option<NaiveDate>,
    /// A story the article belongs to.
    pub story: Option<String>,
}

/// One search.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct SearchRequest {
    /// Words and `"quoted phrases"`, all required; `field:value`, `OR` and `-word` as in tantivy's
    /// query language. Empty matches every article the filters allow.
    pub text: String,
    pub filters: Filters,
    /// Hits skipped before the first one returned.
    pub offset: usize,
    /// Hits returned, 1 to [`MAX_PAGE_SIZE`].
    pub limit: usize,
    /// Count the matches by source, story, language, entity type, country and entity.
    pub facets: bool,
    /// Return a highlighted excerpt of each hit's body.
    pub snippets: bool,
}

impl Default for SearchRequest {
    fn default() -> Self {
        SearchRequest {
            text: String::new(),
            filters: Filters::default(),
            offset: 0,
            limit: 10,
            facets: false,
            snippets: true,
        }
    }
}

impl SearchRequest {
    /// Checks the page bounds.
    pub(crate) fn check(&self) -> Result<()> {
        if self.limit == 0 || self.limit > MAX_PAGE_SIZE {
            return Err(SearchError::BadRequest(format!(
                "page size must be between 1 and {MAX_PAGE_SIZE}, not {}",
                self.limit
            )));
        }
        if self.offset.saturating_add(self.limit) > MAX_DEPTH {
            return Err(SearchError::BadRequest(format!(
                "results beyond the first {MAX_DEPTH} cannot be paged to; narrow the search"
            )));
        }
        Ok(())
    }
}

/// The filters as queries, one for each filter given.
pub(crate) fn filter_clauses(fields: &Fields, filters: &Filters) -> Vec<Box<dyn Query>> {
    let mut clauses: Vec<Box<dyn Query>> = Vec::new();
    let mut exact = |field: Field, value: &Option<String>, fold: fn(&str) -> String| {
        if let Some(value) = value {
            let term = Term::from_field_text(field, &fold(value.trim()));
            clauses.push(Box::new(TermQuery::new(term, IndexRecordOption::Basic)));
        }
    };
    exact(fields.entity, &filters.entity, str::to_lowercase);
    exact(fields.place, &filters.place, str::to_lowercase);
    exact(fields.country, &filters.country, str::to_uppercase);
    exact(fields.source, &filters.source, str::to_string);
    exact(fields.language, &filters.language, str::to_lowercase);
    exact(fields.story, &filters.story, str::to_string);
    if filters.since.is_some() || filters.until.is_some() {
        let bound = |date: Option<NaiveDate>| match date {
            Some(date) => Bound::Included(Term::from_field_i64(fields.published, day_number(date))),
            None => Bound::Unbounded,
        };
        // An open end still has to exclude undated articles, which hold no value at all.
        let lower = match filters.since {
            Some(_) => bound(filters.since),
            None => Bound::Included(Term::from_field_i64(fields.published, i64::MIN)),
        };
        clauses.push(Box::new(RangeQuery::new(lower, bound(filters.until))));
    }
    clauses
}

/// The text query, narrowed by the filters; filters add nothing to the score.
pub(crate) fn combine(
    text: Option<Box<dyn Query>>,
    filters: Vec<Box<dyn Query>>,
) -> Box<dyn Query> {
    if filters.is_empty() {
        return text.unwrap_or_else(|| Box::new(AllQuery));
    }
    let mut clauses: Vec<(Occur, Box<dyn Query>)> = filters
        .into_iter()
        .map(|filter| {
            (
                Occur::Must,
                Box::new(ConstScoreQuery::new(filter, 0.0)) as Box<dyn Query>,
            )
        })
        .collect();
    clauses.push((Occur::Must, text.unwrap_or_else(|| Box::new(AllQuery))));
    Box::new(BooleanQuery::new(clauses))
}
