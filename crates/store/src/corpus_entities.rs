//! Entities across articles: one row per entity of an article under its cross-article key, so
//! "Antony J. Blinken" in one article and "Antony Blinken" in another are read as one person with
//! their mentions, roles over time, quotes and co-occurring entities.

use std::collections::BTreeMap;

use chancery_model::{entity_key, EntityRecord, QuoteRecord};
use chrono::NaiveDate;
use rusqlite::{params, Statement, Transaction};

use crate::codec;
use crate::error::{AtPath, Result};
use crate::Store;

pub(crate) const INSERT_ENTITY: &str = "INSERT OR IGNORE INTO article_entities
        (key, article_seq, name, kind, mentions, roles, affiliation)
    VALUES (?1, ?2, ?3, ?4, ?5, ?6, ?7)";

/// Writes the rows of the entities of article `seq`.
pub(crate) fn insert_entities(
    stmt: &mut Statement<'_>,
    seq: i64,
    entities: &[EntityRecord],
) -> rusqlite::Result<()> {
    for e in entities {
        let roles = (!e.roles.is_empty())
            .then(|| serde_json::to_string(&e.roles).ok())
            .flatten();
        stmt.execute(params![
            entity_key(&e.name, e.kind),
            seq,
            e.name,
            e.kind.as_str(),
            i64::try_from(e.mentions.len()).unwrap_or(i64::MAX),
            roles,
            e.affiliation,
        ])?;
    }
    Ok(())
}

/// Fills `article_entities` for the articles stored before the step that made it (version 6).
pub(crate) fn backfill(tx: &Transaction<'_>, version: i64) -> rusqlite::Result<()> {
    if version != 6 {
        return Ok(());
    }
    let mut read = tx.prepare("SELECT seq, entities FROM articles WHERE entities IS NOT NULL")?;
    let mut insert = tx.prepare(INSERT_ENTITY)?;
    let mut rows = read.query([])?;
    while let Some(row) = rows.next()? {
        let seq: i64 = row.get(0)?;
        let json: String = row.get(1)?;
        // A row that does not decode is reported when the article itself is read.
        if let Ok(entities) = serde_json::from_str::<Vec<EntityRecord>>(&json) {
            insert_entities(&mut insert, seq, &entities)?;
        }
    }
    Ok(())
}

/// One entity across the corpus.
#[derive(Debug, Clone, PartialEq)]
pub struct CorpusEntity {
    /// The cross-article key.
    pub key: String,
    /// The fullest name it is given.
    pub name: String,
    /// `PERSON`, `ORG`, `GPE`, ...
    pub kind: String,
    /// Articles naming it.
    pub articles: u64,
    /// Mentions over all those articles.
    pub mentions: u64,
}

/// Everything known of one entity across the corpus.
#[derive(Debug, Clone, PartialEq)]
pub struct EntityProfile {
    pub entity: CorpusEntity,
    /// Names it is given, with the number of articles giving each.
    pub names: Vec<(String, u64)>,
    /// Roles with the first and last article dates they are given on, and how many articles.
    pub roles: Vec<RoleSpan>,
    /// Affiliations with their number of articles.
    pub affiliations: Vec<(String, u64)>,
    /// Mentions per month (`2023-02`), undated articles left out.
    pub mentions_by_month: Vec<(String, u64)>,
    /// The articles naming it: id, date (stated, else inferred), title.
    pub articles: Vec<(String, Option<NaiveDate>, Option<String>)>,
    /// Quotes it is the speaker of, with the id of their article.
    pub quotes: Vec<(String, QuoteRecord)>,
    /// Entities named in the same articles, with the number of articles shared, most first.
    pub co_occurring: Vec<CorpusEntity>,
}

/// A role held over time.
#[derive(Debug, Clone, PartialEq)]
pub struct RoleSpan {
    pub role: String,
    pub first: Option<NaiveDate>,
    pub last: Option<NaiveDate>,
    pub articles: u64,
}

impl Store {
    /// Entities across the corpus, most articles first; `query` keeps those whose name contains it
    /// (any case, in any script: the match is on the key, lower-cased by Unicode rules where
    /// SQLite's own `lower` only knows ASCII).
    pub fn corpus_entities(&self, query: Option<&str>, limit: usize) -> Result<Vec<CorpusEntity>> {
        let pattern = query.map(|q| format!("%{}%", q.to_lowercase()));
        let mut stmt = self
            .conn
            .prepare(
                "SELECT key, kind, COUNT(*), SUM(mentions),
                        (SELECT name FROM article_entities n WHERE n.key = e.key
                         ORDER BY length(name) DESC, name LIMIT 1)
                 FROM article_entities e
                 WHERE ?1 IS NULL OR key LIKE ?1
                 GROUP BY key ORDER BY COUNT(*) DESC, SUM(mentions) DESC, key LIMIT ?2",
            )
            .at(&self.db_path)?;
        let limit = i64::try_from(limit).unwrap_or(i64::MAX);
        let rows = stmt
            .query_map(params![pattern, limit], corpus_entity)
            .at(&self.db_path)?;
        rows.collect::<rusqlite::Result<Vec<_>>>().at(&self.db_path)
    }

    /// The profile of the entity whose key is `key`, or whose name matches `name` best.
    pub fn entity_profile(&self, name: &str) -> Result<Option<EntityProfile>> {
        let Some(entity) = self.find_entity(name)? else {
            return Ok(None);
        };
        let path = &self.db_path;
        let mut stmt = self
            .conn
            .prepare(
                "SELECT a.id, COALESCE(a.published, a.inferred_published), a.title, e.name,
                        e.mentions, e.roles, e.affiliation, a.quotes
                 FROM article_entities e JOIN articles a ON a.seq = e.article_seq
                 WHERE e.key = ?1
                 ORDER BY COALESCE(a.published, a.inferred_published) NULLS LAST, a.seq",
            )
            .at(path)?;
        let mut rows = stmt.query([&entity.key]).at(path)?;
        let mut names: BTreeMap<String, u64> = BTreeMap::new();
        let mut roles: BTreeMap<String, RoleSpan> = BTreeMap::new();
        let mut affiliations: BTreeMap<String, u64> = BTreeMap::new();
        let mut months: BTreeMap<String, u64> = BTreeMap::new();
        let mut articles = Vec::new();
        let mut quotes = Vec::new();
        while let Some(row) = rows.next().at(path)? {
            let id: String = row.get(0).at(path)?;
            let date: Option<String> = row.get(1).at(path)?;
            let date = date.as_deref().and_then(|d| codec::decode_date(d).ok());
            let title: Option<String> = row.get(2).at(path)?;
            let this_name: String = row.get(3).at(path)?;
            let mentions: i64 = row.get(4).at(path)?;
            let role_json: Option<String> = row.get(5).at(path)?;
            let affiliation: Option<String> = row.get(6).at(path)?;
            let quote_json: Option<String> = row.get(7).at(path)?;
            *names.entry(this_name.clone()).or_default() += 1;
            if let Some(a) = affiliation {
                *affiliations.entry(a).or_default() += 1;
            }
            if let Some(d) = date {
                *months.entry(d.format("%Y-%m").to_string()).or_default() +=
                    u64::try_from(mentions).unwrap_or(0);
            }
            let role_list: Vec<String> = role_json
                .as_deref()
                .and_then(|j| serde_json::from_str(j).ok())
                .unwrap_or_default();
            for role in role_list {
                let span = roles.entry(role.clone()).or_insert(RoleSpan {
                    role,
                    first: date,
                    last: date,
                    articles: 0,
                });
                span.articles += 1;
                if let Some(d) = date {
                    span.first = Some(span.first.map_or(d, |f| f.min(d)));
                    span.last = Some(span.last.map_or(d, |l| l.max(d)));
                }
            }
            let article_quotes: Vec<QuoteRecord> = quote_json
                .as_deref()
                .and_then(|j| serde_json::from_str(j).ok())
                .unwrap_or_default();
            for q in article_quotes {
                let speaker = q.speaker.as_ref().and_then(|s| s.entity.as_deref());
                if speaker == Some(this_name.as_str()) {
                    quotes.push((id.clone(), q));
                }
            }
            articles.push((id, date, title));
        }
        let co_occurring = self.co_occurring(&entity.key, 20)?;
        let mut names: Vec<(String, u64)> = names.into_iter().collect();
        names.sort_by(|a, b| b.1.cmp(&a.1).then_with(|| a.0.cmp(&b.0)));
        let mut affiliations: Vec<(String, u64)> = affiliations.into_iter().collect();
        affiliations.sort_by(|a, b| b.1.cmp(&a.1).then_with(|| a.0.cmp(&b.0)));
        let mut roles: Vec<RoleSpan> = roles.into_values().collect();
        roles.sort_by(|a, b| {
            b.articles
                .cmp(&a.articles)
                .then_with(|| a.role.cmp(&b.role))
        });
        Ok(Some(EntityProfile {
            entity,
            names,
            roles,
            affiliations,
            mentions_by_month: months.into_iter().collect(),
            articles,
            quotes,
            co_occurring,
        }))
    }

    /// The entity `name` names: an exact key of any type first, then the entity with most
    /// articles whose name matches it whole, then one whose name ends with it ("Blinken").
    pub(crate) fn find_entity(&self, name: &str) -> Result<Option<CorpusEntity>> {
        let wanted = name.trim().to_lowercase();
        let candidates = self.corpus_entities(Some(&wanted), 50)?;
        let exact = candidates
            .iter()
            .find(|e| e.key == name || e.name.to_lowercase() == wanted)
            .or_else(|| {
                candidates.iter().find(|e| {
                    let n = e.name.to_lowercase();
                    n.ends_with(&format!(" {wanted}"))
                })
            });
        Ok(exact.or(candidates.first()).cloned())
    }

    /// Entities sharing articles with `key`, most shared first.
    fn co_occurring(&self, key: &str, limit: usize) -> Result<Vec<CorpusEntity>> {
        let mut stmt = self
            .conn
            .prepare(
                "SELECT o.key, o.kind, COUNT(*), SUM(o.mentions), MAX(o.name)
                 FROM article_entities e JOIN article_entities o
                   ON o.article_seq = e.article_seq AND o.key <> e.key
                 WHERE e.key = ?1
                 GROUP BY o.key ORDER BY COUNT(*) DESC, SUM(o.mentions) DESC, o.key LIMIT ?2",
            )
            .at(&self.db_path)?;
        let limit = i64::try_from(limit).unwrap_or(i64::MAX);
        let rows = stmt
            .query_map(params![key, limit], corpus_entity)
            .at(&self.db_path)?;
        rows.collect::<rusqlite::Result<Vec<_>>>().at(&self.db_path)
    }
}

fn corpus_entity(row: &rusqlite::Row<'_>) -> rusqlite::Result<CorpusEntity> {
    Ok(CorpusEntity {
        key: row.get(0)?,
        kind: row.get(1)?,
        articles: u64::try_from(row.get::<_, i64>(2)?).unwrap_or(0),
        mentions: u64::try_from(row.get::<_, i64>(3)?).unwrap_or(0),
        name: row.get(4)?,
    })
}
