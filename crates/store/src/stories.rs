//! The corpus view kept in the store: each article's story and duplicate link, each story's
//! summary, and the dates undated articles take from their stories.
//!
//! Placing is incremental: [`Store::for_each_in_order`] replays the articles in storage order (the
//! order they were placed in), and [`Store::write_placements`] records the new ones with the
//! summaries of the stories they touched, in one transaction.

use chancery_model::{Article, ArticlePlacement, NamedCount, StoryRecord};
use rusqlite::{params, OptionalExtension, TransactionBehavior};

use crate::codec;
use crate::error::{AtPath, Result, StoreError};
use crate::read::ARTICLE_COLUMNS;
use crate::Store;

/// One article's placement, by the article's storage number.
#[derive(Debug, Clone, PartialEq)]
pub struct Placement {
    /// The article's storage number (`seq`).
    pub seq: i64,
    pub story: u64,
    /// The storage number of the earlier article it copies.
    pub duplicate_of: Option<i64>,
    pub similarity: Option<f64>,
}

/// A story's lists, stored as one JSON object.
#[derive(serde::Serialize, serde::Deserialize)]
struct StoryLists {
    sources: Vec<NamedCount>,
    key_entities: Vec<NamedCount>,
    key_places: Vec<NamedCount>,
}

impl Store {
    /// Calls `f` with every stored article and its storage number, in storage order.
    pub fn for_each_in_order(&self, f: &mut dyn FnMut(i64, Article) -> Result<()>) -> Result<()> {
        let sql = format!("SELECT {ARTICLE_COLUMNS} FROM articles a ORDER BY a.seq");
        let mut stmt = self.conn.prepare(&sql).at(&self.db_path)?;
        let mut rows = stmt.query([]).at(&self.db_path)?;
        while let Some(row) = rows.next().at(&self.db_path)? {
            let (seq, article) = self.article_from_row(row)?;
            f(seq, article)?;
        }
        Ok(())
    }

    /// The storage number of the last placed article (0 when none is).
    pub fn last_placed(&self) -> Result<i64> {
        self.conn
            .query_row(
                "SELECT COALESCE(MAX(article_seq), 0) FROM placements",
                [],
                |r| r.get(0),
            )
            .at(&self.db_path)
    }

    /// Records `placements` and the summaries of the stories they touched, and gives every undated
    /// article of those stories its story's first date; all or nothing.
    pub fn write_placements(
        &mut self,
        placements: &[Placement],
        stories: &[StoryRecord],
    ) -> Result<()> {
        let Store { conn, db_path } = self;
        let path = db_path.as_path();
        let tx = conn
            .transaction_with_behavior(TransactionBehavior::Immediate)
            .at(path)?;
        {
            let mut place = tx
                .prepare_cached(
                    "INSERT OR REPLACE INTO placements (article_seq, story, duplicate_of, similarity)
                     VALUES (?1, ?2, ?3, ?4)",
                )
                .at(path)?;
            for p in placements {
                place
                    .execute(params![
                        p.seq,
                        to_sql(p.story),
                        p.duplicate_of,
                        p.similarity
                    ])
                    .at(path)?;
            }
            let mut story = tx
                .prepare_cached(
                    "INSERT OR REPLACE INTO stories
                        (id, title, first_date, last_date, articles, independent_sources, summary)
                     VALUES (?1, ?2, ?3, ?4, ?5, ?6, ?7)",
                )
                .at(path)?;
            let mut infer = tx
                .prepare_cached(
                    "UPDATE articles SET inferred_published = ?2
                     WHERE published IS NULL
                       AND seq IN (SELECT article_seq FROM placements WHERE story = ?1)",
                )
                .at(path)?;
            for s in stories {
                let lists = StoryLists {
                    sources: s.sources.clone(),
                    key_entities: s.key_entities.clone(),
                    key_places: s.key_places.clone(),
                };
                let summary =
                    serde_json::to_string(&lists).map_err(|source| StoreError::Encode {
                        path: path.to_path_buf(),
                        id: format!("story {}", s.id),
                        source,
                    })?;
                story
                    .execute(params![
                        to_sql(s.id),
                        s.title,
                        s.first_date.map(codec::encode_date),
                        s.last_date.map(codec::encode_date),
                        s.articles,
                        s.independent_sources,
                        summary,
                    ])
                    .at(path)?;
                infer
                    .execute(params![to_sql(s.id), s.first_date.map(codec::encode_date)])
                    .at(path)?;
            }
        }
        tx.commit().at(path)
    }

    /// Stories, most articles first (then most recent), at most `limit`.
    pub fn stories(&self, limit: usize) -> Result<Vec<StoryRecord>> {
        let mut out = Vec::new();
        self.for_each_story(limit, &mut |story| {
            out.push(story);
            Ok(())
        })?;
        Ok(out)
    }

    /// Calls `f` with each story in [`Store::stories`] order, at most `limit`, reading one at a
    /// time so every story can be exported in constant memory. An error from `f` stops the walk
    /// and is returned.
    pub fn for_each_story(
        &self,
        limit: usize,
        f: &mut dyn FnMut(StoryRecord) -> Result<()>,
    ) -> Result<()> {
        let mut stmt = self
            .conn
            .prepare(
                "SELECT id, title, first_date, last_date, articles, independent_sources, summary
                 FROM stories ORDER BY articles DESC, last_date DESC, id LIMIT ?1",
            )
            .at(&self.db_path)?;
        let limit = i64::try_from(limit).unwrap_or(i64::MAX);
        let rows = stmt
            .query_map([limit], |row| {
                Ok((
                    row.get::<_, i64>(0)?,
                    row.get::<_, String>(1)?,
                    row.get::<_, Option<String>>(2)?,
                    row.get::<_, Option<String>>(3)?,
                    row.get::<_, u32>(4)?,
                    row.get::<_, u32>(5)?,
                    row.get::<_, String>(6)?,
                ))
            })
            .at(&self.db_path)?;
        for row in rows {
            let (id, title, first, last, articles, independent_sources, summary) =
                row.at(&self.db_path)?;
            let what = format!("story {id}");
            let date = |d: Option<String>| {
                d.as_deref()
                    .map(codec::decode_date)
                    .transpose()
                    .map_err(|detail| self.corrupt(&what, detail))
            };
            let lists: StoryLists = serde_json::from_str(&summary)
                .map_err(|e| self.corrupt(&what, format!("bad story summary: {e}")))?;
            f(StoryRecord {
                id: u64::try_from(id).unwrap_or(0),
                title,
                first_date: date(first)?,
                last_date: date(last)?,
                articles,
                independent_sources,
                sources: lists.sources,
                key_entities: lists.key_entities,
                key_places: lists.key_places,
            })?;
        }
        Ok(())
    }

    /// The ids of a story's articles, in storage order.
    pub fn story_article_ids(&self, story: u64) -> Result<Vec<String>> {
        let mut stmt = self
            .conn
            .prepare(
                "SELECT a.id FROM placements p JOIN articles a ON a.seq = p.article_seq
                 WHERE p.story = ?1 ORDER BY p.article_seq",
            )
            .at(&self.db_path)?;
        let rows = stmt
            .query_map([to_sql(story)], |row| row.get::<_, String>(0))
            .at(&self.db_path)?;
        rows.collect::<rusqlite::Result<Vec<_>>>().at(&self.db_path)
    }

    /// Where the article `id` (or a unique prefix) stands, once placed.
    pub fn placement_of(&self, id: &str) -> Result<Option<ArticlePlacement>> {
        let Some(seq) = self.resolve_id(id)? else {
            return Ok(None);
        };
        let row = self
            .conn
            .query_row(
                "SELECT p.story, d.id, p.similarity, a.inferred_published
                 FROM placements p JOIN articles a ON a.seq = p.article_seq
                 LEFT JOIN articles d ON d.seq = p.duplicate_of
                 WHERE p.article_seq = ?1",
                [seq],
                |row| {
                    Ok((
                        row.get::<_, i64>(0)?,
                        row.get::<_, Option<String>>(1)?,
                        row.get::<_, Option<f64>>(2)?,
                        row.get::<_, Option<String>>(3)?,
                    ))
                },
            )
            .optional()
            .at(&self.db_path)?;
        let Some((story, duplicate_of, similarity, inferred)) = row else {
            return Ok(None);
        };
        let inferred_published = inferred
            .as_deref()
            .map(codec::decode_date)
            .transpose()
            .map_err(|detail| self.corrupt(id, detail))?;
        Ok(Some(ArticlePlacement {
            story: u64::try_from(story).unwrap_or(0),
            duplicate_of,
            similarity,
            inferred_published,
        }))
    }
}

/// A story number as an SQLite integer.
fn to_sql(story: u64) -> i64 {
    i64::try_from(story).unwrap_or(i64::MAX)
}
