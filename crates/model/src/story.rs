//! Stories and where each article stands in the corpus: its story, and the earlier article it
//! copies when it is a duplicate or a syndicated copy.

use chrono::NaiveDate;
use serde::{Deserialize, Serialize};

/// A name with how many articles of a story give it.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
pub struct NamedCount {
    pub name: String,
    pub count: u32,
}

/// A story: articles reporting the same news event.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
pub struct StoryRecord {
    /// The story's number, stable across runs over the same stored articles.
    pub id: u64,
    /// The title of the article that started it.
    pub title: String,
    /// Earliest and latest article dates.
    pub first_date: Option<NaiveDate>,
    pub last_date: Option<NaiveDate>,
    /// Articles, copies included.
    pub articles: u32,
    /// Sources that wrote an article of their own: a syndicated copy does not count again.
    pub independent_sources: u32,
    /// Every source with its number of articles, most first.
    pub sources: Vec<NamedCount>,
    /// The people, organisations and groups most articles name, most first.
    pub key_entities: Vec<NamedCount>,
    /// The places most articles name, most first.
    pub key_places: Vec<NamedCount>,
}

/// Where one stored article stands in the corpus.
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
pub struct ArticlePlacement {
    /// Its story.
    pub story: u64,
    /// The earlier article it copies (its id), when it is an exact or near duplicate.
    pub duplicate_of: Option<String>,
    /// Shingle Jaccard similarity with that article (1 for an exact copy).
    pub similarity: Option<f64>,
    /// The date it takes from its story when it states none of its own.
    pub inferred_published: Option<NaiveDate>,
}
