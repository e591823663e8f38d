//! Reading stories back for browsing: a page of stories, one story, and a story's articles in
//! time order with the article each copy copies.

use chancery_model::StoryRecord;
use chrono::NaiveDate;
use rusqlite::types::Value;
use rusqlite::{params_from_iter, Row};

use crate::codec;
use crate::error::{AtPath, Result};
use crate::stories::{to_sql, StoryLists};
use crate::Store;

const STORY_COLUMNS: &str =
    "id, title, first_date, last_date, articles, independent_sources, summary";

/// One article of a story, as a story's timeline lists it.
#[derive(Debug, Clone, PartialEq)]
pub struct StoryArticle {
    pub id: String,
    pub title: Option<String>,
    pub source: String,
    /// Its stated date, else the date it takes from its story.
    pub date: Option<NaiveDate>,
    /// Whether `date` was taken from the story rather than stated.
    pub date_inferred: bool,
    /// The id of the earlier article it copies, when it is a duplicate or syndicated copy.
    pub duplicate_of: Option<String>,
    /// Shingle Jaccard similarity with that article.
    pub similarity: Option<f64>,
}

impl Store {
    /// Stories, most articles first (then most recent, then by number), `limit` of them after
    /// skipping `offset`.
    pub fn stories_page(&self, limit: usize, offset: usize) -> Result<Vec<StoryRecord>> {
        let sql = format!(
            "SELECT {STORY_COLUMNS} FROM stories
             ORDER BY articles DESC, last_date DESC, id LIMIT ?1 OFFSET ?2"
        );
        self.read_stories(&sql, &[sql_count(limit), sql_count(offset)])
    }

    /// Calls `f` with each story in [`Store::stories_page`] order, at most `limit`, reading one
    /// at a time so every story can be exported in constant memory. An error from `f` stops the
    /// walk and is returned.
    pub fn for_each_story(
        &self,
        limit: usize,
        f: &mut dyn FnMut(StoryRecord) -> Result<()>,
    ) -> Result<()> {
        let sql = format!(
            "SELECT {STORY_COLUMNS} FROM stories ORDER BY articles DESC, last_date DESC, id LIMIT ?1"
        );
        let mut stmt = self.conn.prepare(&sql).at(&self.db_path)?;
        let mut rows = stmt.query([sql_count(limit)]).at(&self.db_path)?;
        while let Some(row) = rows.next().at(&self.db_path)? {
            f(self.story_from_row(row)?)?;
        }
        Ok(())
    }

    /// How many stories there are.
    pub fn story_count(&self) -> Result<u64> {
        self.conn
            .query_row("SELECT COUNT(*) FROM stories", [], |row| {
                row.get::<_, i64>(0)
            })
            .at(&self.db_path)
            .map(|n| u64::try_from(n).unwrap_or(0))
    }

    /// The story numbered `id`.
    pub fn story(&self, id: u64) -> Result<Option<StoryRecord>> {
        let sql = format!("SELECT {STORY_COLUMNS} FROM stories WHERE id = ?1");
        Ok(self
            .read_stories(&sql, &[Value::Integer(to_sql(id))])?
            .pop())
    }

    /// The articles of story `id` in time order (undated last, then storage order).
    pub fn story_articles(&self, id: u64) -> Result<Vec<StoryArticle>> {
        let path = &self.db_path;
        let mut stmt = self
            .conn
            .prepare_cached(
                "SELECT a.id, a.title, a.source, a.published, a.inferred_published, d.id,
                        p.similarity
                 FROM placements p JOIN articles a ON a.seq = p.article_seq
                 LEFT JOIN articles d ON d.seq = p.duplicate_of
                 WHERE p.story = ?1
                 ORDER BY COALESCE(a.published, a.inferred_published) NULLS LAST, a.seq",
            )
            .at(path)?;
        let mut rows = stmt.query([to_sql(id)]).at(path)?;
        let mut out = Vec::new();
        while let Some(row) = rows.next().at(path)? {
            let id: String = row.get(0).at(path)?;
            let (published, inferred) = (self.date_at(row, 3, &id)?, self.date_at(row, 4, &id)?);
            out.push(StoryArticle {
                title: row.get(1).at(path)?,
                source: row.get(2).at(path)?,
                date: published.or(inferred),
                date_inferred: published.is_none() && inferred.is_some(),
                duplicate_of: row.get(5).at(path)?,
                similarity: row.get(6).at(path)?,
                id,
            });
        }
        Ok(out)
    }

    /// The stories an SQL statement over [`STORY_COLUMNS`] selects.
    fn read_stories(&self, sql: &str, params: &[Value]) -> Result<Vec<StoryRecord>> {
        let mut stmt = self.conn.prepare_cached(sql).at(&self.db_path)?;
        let mut rows = stmt.query(params_from_iter(params)).at(&self.db_path)?;
        let mut out = Vec::new();
        while let Some(row) = rows.next().at(&self.db_path)? {
            out.push(self.story_from_row(row)?);
        }
        Ok(out)
    }

    fn story_from_row(&self, row: &Row<'_>) -> Result<StoryRecord> {
        let path = &self.db_path;
        let id: i64 = row.get(0).at(path)?;
        let what = format!("story {id}");
        let date = |column: usize| self.date_at(row, column, &what);
        let summary: String = row.get(6).at(path)?;
        let lists: StoryLists = serde_json::from_str(&summary)
            .map_err(|e| self.corrupt(&what, format!("bad story summary: {e}")))?;
        Ok(StoryRecord {
            id: u64::try_from(id).unwrap_or(0),
            title: row.get(1).at(path)?,
            first_date: date(2)?,
            last_date: date(3)?,
            articles: row.get(4).at(path)?,
            independent_sources: row.get(5).at(path)?,
            sources: lists.sources,
            key_entities: lists.key_entities,
            key_places: lists.key_places,
        })
    }
}

impl Store {
    /// The date in `column` of `row`, a row of `what`.
    fn date_at(&self, row: &Row<'_>, column: usize, what: &str) -> Result<Option<NaiveDate>> {
        let text: Option<String> = row.get(column).at(&self.db_path)?;
        text.as_deref()
            .map(codec::decode_date)
            .transpose()
            .map_err(|detail| self.corrupt(what, detail))
    }
}

/// A count or offset as an SQLite integer.
pub(crate) fn sql_count(n: usize) -> Value {
    Value::Integer(i64::try_from(n).unwrap_or(i64::MAX))
}
