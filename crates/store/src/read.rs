//! Reading articles back: by id (or unique id prefix), as summaries, or streamed in full.

use chancery_model::{Article, ArticleId, Block, Provenance, Span};
use chrono::NaiveDate;
use rusqlite::types::Value;
use rusqlite::{params_from_iter, OptionalExtension, Row};

use crate::codec::{self, count_from_sql, from_sql_int};
use crate::error::{AtPath, Result, StoreError};
use crate::Store;

/// Shortest id prefix accepted, as with git: shorter ones match too much to be useful.
pub const MIN_ID_PREFIX: usize = 4;

/// How many matching ids an ambiguity error lists.
const AMBIGUOUS_SHOWN: usize = 5;

/// Which articles to read. The default selects everything.
#[derive(Debug, Clone, Default, PartialEq, Eq)]
pub struct ArticleFilter {
    /// Only articles of this source (exact match).
    pub source: Option<String>,
    /// Only articles published on or after this date; excludes undated articles.
    pub since: Option<NaiveDate>,
    /// Only articles published on or before this date; excludes undated articles.
    pub until: Option<NaiveDate>,
    /// Only articles in this language (ISO 639-3 code, exact match).
    pub language: Option<String>,
    /// At most this many articles.
    pub limit: Option<usize>,
    /// Skip this many matching articles first.
    pub offset: usize,
}

/// One line of an article listing.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct ArticleSummary {
    /// The article's full id.
    pub id: ArticleId,
    /// Title text, if the article has one.
    pub title: Option<String>,
    /// Publisher, as stored with the article.
    pub source: String,
    /// Stated publication date.
    pub published: Option<NaiveDate>,
    /// ISO 639-3 code of the body's language.
    pub language: Option<String>,
    /// Words in the body.
    pub words: usize,
    /// Paragraphs in the body.
    pub paragraphs: usize,
    /// Input path the article was first read from (`None` only for an article stored without
    /// provenance).
    pub first_path: Option<String>,
}

/// Columns of an article row, in the order [`ArticleRow::read`] expects.
pub(crate) const ARTICLE_COLUMNS: &str = "a.seq, a.id, a.source, a.title, a.title_start, a.title_end, a.url,
    a.language, a.published, a.published_evidence, a.captions, a.paragraphs, a.removed, a.meta, a.entities,
    a.dates, a.amounts, a.quotes, a.events";

const SUMMARY_COLUMNS: &str = "a.id, a.title, a.source, a.published, a.language, a.words,
    a.paragraph_count,
    (SELECT p.path FROM provenance p WHERE p.article_seq = a.seq ORDER BY p.id LIMIT 1)";

const PROVENANCE_OF: &str =
    "SELECT path, byte_offset, byte_length, line, record_id, url, fetched_at
    FROM provenance WHERE article_seq = ?1 ORDER BY id";

impl Store {
    /// The article with this id, with every provenance row in the order they were stored.
    ///
    /// `id` may also be a prefix of at least [`MIN_ID_PREFIX`] hex digits that matches exactly one
    /// article; a prefix matching several gives [`StoreError::AmbiguousId`].
    pub fn article(&self, id: &str) -> Result<Option<Article>> {
        let Some(seq) = self.resolve_id(id)? else {
            return Ok(None);
        };
        let sql = format!("SELECT {ARTICLE_COLUMNS} FROM articles a WHERE a.seq = ?1");
        let mut stmt = self.conn.prepare_cached(&sql).at(&self.db_path)?;
        let row = stmt
            .query_row([seq], ArticleRow::read)
            .optional()
            .at(&self.db_path)?;
        row.map(|row| self.complete(row)).transpose()
    }

    /// Summaries of the articles `filter` selects, ordered by publication date (undated last), then
    /// by the order they were first stored.
    pub fn list(&self, filter: &ArticleFilter) -> Result<Vec<ArticleSummary>> {
        let (clauses, params) = filter_sql(filter);
        let sql = format!("SELECT {SUMMARY_COLUMNS} FROM articles a {clauses}");
        let mut stmt = self.conn.prepare_cached(&sql).at(&self.db_path)?;
        let mut rows = stmt.query(params_from_iter(params)).at(&self.db_path)?;
        let mut summaries = Vec::new();
        while let Some(row) = rows.next().at(&self.db_path)? {
            let id: String = row.get(0).at(&self.db_path)?;
            let published: Option<String> = row.get(3).at(&self.db_path)?;
            let published = published
                .map(|text| codec::decode_date(&text))
                .transpose()
                .map_err(|detail| self.corrupt(&id, detail))?;
            summaries.push(ArticleSummary {
                title: row.get(1).at(&self.db_path)?,
                source: row.get(2).at(&self.db_path)?,
                published,
                language: row.get(4).at(&self.db_path)?,
                words: count_from_sql(row.get(5).at(&self.db_path)?),
                paragraphs: count_from_sql(row.get(6).at(&self.db_path)?),
                first_path: row.get(7).at(&self.db_path)?,
                id: ArticleId(id),
            });
        }
        Ok(summaries)
    }

    /// Calls `f` with each article `filter` selects, in [`Store::list`] order, reading one article at
    /// a time so a whole corpus can be exported in constant memory. An error from `f` stops the walk
    /// and is returned.
    pub fn for_each_article(
        &self,
        filter: &ArticleFilter,
        f: &mut dyn FnMut(Article) -> Result<()>,
    ) -> Result<()> {
        let (clauses, params) = filter_sql(filter);
        let sql = format!("SELECT {ARTICLE_COLUMNS} FROM articles a {clauses}");
        let mut stmt = self.conn.prepare_cached(&sql).at(&self.db_path)?;
        let mut rows = stmt.query(params_from_iter(params)).at(&self.db_path)?;
        while let Some(row) = rows.next().at(&self.db_path)? {
            let row = ArticleRow::read(row).at(&self.db_path)?;
            f(self.complete(row)?)?;
        }
        Ok(())
    }

    /// Up to `limit` articles stored after the one with storage sequence number `after`, in the
    /// order they were stored, each with its own sequence number. Articles are never changed once
    /// stored, so a reader that remembers the last number it saw (a search index) catches up with
    /// the store by asking for what follows it; `0` starts from the first article.
    pub fn articles_after(&self, after: i64, limit: usize) -> Result<Vec<(i64, Article)>> {
        let sql = format!(
            "SELECT {ARTICLE_COLUMNS} FROM articles a WHERE a.seq > ?1 ORDER BY a.seq LIMIT ?2"
        );
        let mut stmt = self.conn.prepare_cached(&sql).at(&self.db_path)?;
        let limit = i64::try_from(limit).unwrap_or(i64::MAX);
        let mut rows = stmt.query([after, limit]).at(&self.db_path)?;
        let mut out = Vec::new();
        while let Some(row) = rows.next().at(&self.db_path)? {
            let row = ArticleRow::read(row).at(&self.db_path)?;
            let seq = row.seq;
            out.push((seq, self.complete(row)?));
        }
        Ok(out)
    }

    /// The storage sequence number of the last article stored; `0` for an empty store.
    pub fn last_seq(&self) -> Result<i64> {
        let mut stmt = self
            .conn
            .prepare_cached("SELECT COALESCE(MAX(seq), 0) FROM articles")
            .at(&self.db_path)?;
        stmt.query_row([], |row| row.get(0)).at(&self.db_path)
    }

    /// How many articles have a storage sequence number up to `seq`: what an index covering
    /// `seq` must hold.
    pub fn count_through(&self, seq: i64) -> Result<u64> {
        let mut stmt = self
            .conn
            .prepare_cached("SELECT COUNT(*) FROM articles WHERE seq <= ?1")
            .at(&self.db_path)?;
        stmt.query_row([seq], |row| row.get(0).map(from_sql_int))
            .at(&self.db_path)
    }

    /// Rows a sound store never has: provenance of no article, and articles with no provenance.
    pub fn dangling_rows(&self) -> Result<(u64, u64)> {
        let mut stmt = self
            .conn
            .prepare_cached(
                "SELECT (SELECT COUNT(*) FROM provenance
                         WHERE article_seq NOT IN (SELECT seq FROM articles)),
                        (SELECT COUNT(*) FROM articles
                         WHERE seq NOT IN (SELECT article_seq FROM provenance))",
            )
            .at(&self.db_path)?;
        stmt.query_row([], |row| {
            Ok((from_sql_int(row.get(0)?), from_sql_int(row.get(1)?)))
        })
        .at(&self.db_path)
    }

    /// The seq of the article `id` names, exactly or as a unique prefix.
    pub(crate) fn resolve_id(&self, id: &str) -> Result<Option<i64>> {
        let mut exact = self
            .conn
            .prepare_cached("SELECT seq FROM articles WHERE id = ?1")
            .at(&self.db_path)?;
        if let Some(seq) = exact
            .query_row([id], |row| row.get(0))
            .optional()
            .at(&self.db_path)?
        {
            return Ok(Some(seq));
        }
        let prefix = id.to_ascii_lowercase();
        if prefix.len() < MIN_ID_PREFIX || !prefix.bytes().all(|b| b.is_ascii_hexdigit()) {
            return Ok(None);
        }
        // A range scan on the id index: every id starting with the prefix sorts between the prefix
        // and the prefix with its last character incremented.
        let mut upper = prefix.clone().into_bytes();
        if let Some(last) = upper.last_mut() {
            *last += 1;
        }
        let upper = String::from_utf8_lossy(&upper).into_owned();
        let mut stmt = self
            .conn
            .prepare_cached(
                "SELECT seq, id FROM articles WHERE id >= ?1 AND id < ?2 ORDER BY id LIMIT ?3",
            )
            .at(&self.db_path)?;
        let matches = stmt
            .query_map(
                rusqlite::params![prefix, upper, AMBIGUOUS_SHOWN as i64],
                |row| Ok((row.get::<_, i64>(0)?, row.get::<_, String>(1)?)),
            )
            .at(&self.db_path)?
            .collect::<rusqlite::Result<Vec<_>>>()
            .at(&self.db_path)?;
        match matches.as_slice() {
            [] => Ok(None),
            [(seq, _)] => Ok(Some(*seq)),
            _ => Err(StoreError::AmbiguousId {
                prefix: id.to_string(),
                matches: matches.into_iter().map(|(_, id)| id).collect(),
            }),
        }
    }

    /// Decodes an article row and attaches its provenance.
    /// The storage number and article of a row of [`ARTICLE_COLUMNS`].
    pub(crate) fn article_from_row(&self, row: &rusqlite::Row<'_>) -> Result<(i64, Article)> {
        let row = ArticleRow::read(row).at(&self.db_path)?;
        let seq = row.seq;
        Ok((seq, self.complete(row)?))
    }

    fn complete(&self, row: ArticleRow) -> Result<Article> {
        let provenance = self.provenance_of(row.seq, &row.id)?;
        row.into_article(provenance)
            .map_err(|(id, detail)| self.corrupt(&id, detail))
    }

    fn provenance_of(&self, seq: i64, id: &str) -> Result<Vec<Provenance>> {
        let mut stmt = self.conn.prepare_cached(PROVENANCE_OF).at(&self.db_path)?;
        let mut rows = stmt.query([seq]).at(&self.db_path)?;
        let mut out = Vec::new();
        while let Some(row) = rows.next().at(&self.db_path)? {
            let fetched_at: Option<String> = row.get(6).at(&self.db_path)?;
            let fetched_at = fetched_at
                .map(|text| codec::decode_instant(&text))
                .transpose()
                .map_err(|detail| self.corrupt(id, detail))?;
            out.push(Provenance {
                path: row.get(0).at(&self.db_path)?,
                offset: from_sql_int(row.get(1).at(&self.db_path)?),
                length: from_sql_int(row.get(2).at(&self.db_path)?),
                line: row
                    .get::<_, Option<i64>>(3)
                    .at(&self.db_path)?
                    .map(from_sql_int),
                record_id: row.get(4).at(&self.db_path)?,
                url: row.get(5).at(&self.db_path)?,
                fetched_at,
            });
        }
        Ok(out)
    }

    pub(crate) fn corrupt(&self, id: &str, detail: String) -> StoreError {
        StoreError::Corrupt {
            path: self.db_path.clone(),
            id: id.to_string(),
            detail,
        }
    }
}

/// WHERE, ORDER BY and LIMIT clauses for a filter, with their parameters.
///
/// Dates compare as `YYYY-MM-DD` text; the SQL differs only by which filters are present, so each
/// shape is prepared once and cached.
fn filter_sql(filter: &ArticleFilter) -> (String, Vec<Value>) {
    let mut conditions = Vec::new();
    let mut params = Vec::new();
    if let Some(source) = &filter.source {
        conditions.push("a.source = ?");
        params.push(Value::Text(source.clone()));
    }
    if let Some(language) = &filter.language {
        conditions.push("a.language = ?");
        params.push(Value::Text(language.clone()));
    }
    if let Some(since) = filter.since {
        conditions.push("a.published >= ?");
        params.push(Value::Text(codec::encode_date(since)));
    }
    if let Some(until) = filter.until {
        conditions.push("a.published <= ?");
        params.push(Value::Text(codec::encode_date(until)));
    }
    let mut sql = String::new();
    if !conditions.is_empty() {
        sql.push_str("WHERE ");
        sql.push_str(&conditions.join(" AND "));
    }
    sql.push_str(" ORDER BY a.published NULLS LAST, a.seq LIMIT ? OFFSET ?");
    // SQLite reads a negative LIMIT as "no limit".
    let limit = filter
        .limit
        .map_or(-1, |n| i64::try_from(n).unwrap_or(i64::MAX));
    params.push(Value::Integer(limit));
    params.push(Value::Integer(
        i64::try_from(filter.offset).unwrap_or(i64::MAX),
    ));
    (sql, params)
}

/// An article row as stored, before decoding.
struct ArticleRow {
    seq: i64,
    id: String,
    source: String,
    title: Option<String>,
    title_start: Option<i64>,
    title_end: Option<i64>,
    url: Option<String>,
    language: Option<String>,
    published: Option<String>,
    published_evidence: Option<String>,
    captions: String,
    paragraphs: String,
    removed: String,
    meta: Option<String>,
    entities: Option<String>,
    dates: Option<String>,
    amounts: Option<String>,
    quotes: Option<String>,
    events: Option<String>,
}

impl ArticleRow {
    fn read(row: &Row<'_>) -> rusqlite::Result<ArticleRow> {
        Ok(ArticleRow {
            seq: row.get(0)?,
            id: row.get(1)?,
            source: row.get(2)?,
            title: row.get(3)?,
            title_start: row.get(4)?,
            title_end: row.get(5)?,
            url: row.get(6)?,
            language: row.get(7)?,
            published: row.get(8)?,
            published_evidence: row.get(9)?,
            captions: row.get(10)?,
            paragraphs: row.get(11)?,
            removed: row.get(12)?,
            meta: row.get(13)?,
            entities: row.get(14)?,
            dates: row.get(15)?,
            amounts: row.get(16)?,
            quotes: row.get(17)?,
            events: row.get(18)?,
        })
    }

    /// The article, or its id and what could not be decoded.
    fn into_article(
        self,
        provenance: Vec<Provenance>,
    ) -> std::result::Result<Article, (String, String)> {
        let ArticleRow {
            seq: _,
            id,
            source,
            title,
            title_start,
            title_end,
            url,
            language,
            published,
            published_evidence,
            captions,
            paragraphs,
            removed,
            meta,
            entities,
            dates,
            amounts,
            quotes,
            events,
        } = self;
        let decoded = (|| {
            Ok::<_, String>((
                codec::decode_blocks(&captions)?,
                codec::decode_blocks(&paragraphs)?,
                codec::decode_removed(&removed)?,
                published.as_deref().map(codec::decode_date).transpose()?,
                published_evidence
                    .as_deref()
                    .map(codec::decode_evidence)
                    .transpose()?,
                meta.as_deref().map(codec::decode_meta).transpose()?,
            ))
        })();
        let (captions, paragraphs, removed, published, published_evidence, meta) = match decoded {
            Ok(parts) => parts,
            Err(detail) => return Err((id, detail)),
        };
        let lists = (|| {
            Ok::<_, String>((
                decode_list(entities.as_deref(), "entity list")?,
                decode_list(dates.as_deref(), "date list")?,
                decode_list(amounts.as_deref(), "amount list")?,
                decode_list(quotes.as_deref(), "quote list")?,
                decode_list(events.as_deref(), "event list")?,
            ))
        })();
        let (entities, dates, amounts, quotes, events) = match lists {
            Ok(lists) => lists,
            Err(detail) => return Err((id, detail)),
        };
        // Start and end are written together with the title, so they are present whenever it is.
        let title = title.map(|text| Block {
            text,
            span: Span {
                start: from_sql_int(title_start.unwrap_or(0)),
                end: from_sql_int(title_end.unwrap_or(0)),
            },
        });
        Ok(Article {
            id: ArticleId(id),
            title,
            captions,
            paragraphs,
            language,
            published,
            published_evidence,
            source,
            url,
            provenance,
            removed,
            meta: meta.unwrap_or_default(),
            entities,
            dates,
            amounts,
            quotes,
            events,
        })
    }
}

/// A stored annotation list; `NULL` is an empty list.
fn decode_list<T: serde::de::DeserializeOwned>(
    json: Option<&str>,
    what: &str,
) -> std::result::Result<Vec<T>, String> {
    json.map_or(Ok(Vec::new()), |j| codec::decode_list(j, what))
}
