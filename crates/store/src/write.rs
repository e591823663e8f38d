//! Storing articles: one transaction per batch, idempotent by content id.

use chancery_model::{Article, Provenance};
use chrono::Utc;
use rusqlite::{params, OptionalExtension, Statement, TransactionBehavior};

use crate::codec::{self, count_to_sql, to_sql_int};
use crate::error::{AtPath, Result, StoreError};
use crate::{corpus_entities, dyads, Store};

/// What a batch added.
#[derive(Debug, Clone, Copy, Default, PartialEq, Eq)]
pub struct BatchOutcome {
    /// Articles stored for the first time.
    pub new: usize,
    /// Articles already stored (or seen earlier in the same batch); only their provenance was added.
    pub duplicates: usize,
    /// Provenance rows added, for new and duplicate articles alike: the growth of
    /// [`crate::StoreCounts::provenance`].
    pub new_provenance: usize,
}

const FIND_ARTICLE: &str = "SELECT seq FROM articles WHERE id = ?1";

const INSERT_ARTICLE: &str = "INSERT INTO articles (
        id, source, title, title_start, title_end, url, language, published, published_evidence,
        captions, paragraphs, removed, words, paragraph_count, created_at, meta, entities,
        dates, amounts, quotes, events)
    VALUES (?1, ?2, ?3, ?4, ?5, ?6, ?7, ?8, ?9, ?10, ?11, ?12, ?13, ?14, ?15, ?16, ?17, ?18, ?19,
        ?20, ?21)";

// Only the uniqueness of (article, path, offset) is tolerated; any other constraint still fails.
const INSERT_PROVENANCE: &str = "INSERT INTO provenance (
        article_seq, path, byte_offset, byte_length, line, record_id, url, fetched_at)
    VALUES (?1, ?2, ?3, ?4, ?5, ?6, ?7, ?8)
    ON CONFLICT (article_seq, path, byte_offset) DO NOTHING";

impl Store {
    /// Stores a batch in one transaction.
    ///
    /// An article whose id is already stored, or appears earlier in the batch, is a duplicate: its
    /// provenance rows not yet stored are added and nothing else changes. Either the whole batch is
    /// stored or, on error or crash, none of it.
    pub fn insert_batch(&mut self, articles: &[Article]) -> Result<BatchOutcome> {
        let Store { conn, db_path } = self;
        let path = db_path.as_path();
        // IMMEDIATE takes the write lock up front: a deferred transaction that reads first could
        // fail to upgrade when another process writes in between.
        let tx = conn
            .transaction_with_behavior(TransactionBehavior::Immediate)
            .at(path)?;
        let created_at = codec::encode_instant(Utc::now());
        let mut outcome = BatchOutcome::default();
        {
            let mut find = tx.prepare_cached(FIND_ARTICLE).at(path)?;
            let mut insert = tx.prepare_cached(INSERT_ARTICLE).at(path)?;
            let mut insert_provenance = tx.prepare_cached(INSERT_PROVENANCE).at(path)?;
            let mut insert_dyad = tx.prepare_cached(dyads::INSERT_DYAD).at(path)?;
            let mut insert_entity = tx.prepare_cached(corpus_entities::INSERT_ENTITY).at(path)?;
            for article in articles {
                let existing: Option<i64> = find
                    .query_row([article.id.as_str()], |row| row.get(0))
                    .optional()
                    .at(path)?;
                let seq = match existing {
                    Some(seq) => {
                        outcome.duplicates += 1;
                        seq
                    }
                    None => {
                        outcome.new += 1;
                        insert_article(&mut insert, article, &created_at, path)?;
                        let seq = tx.last_insert_rowid();
                        dyads::insert_dyads(&mut insert_dyad, seq, article).at(path)?;
                        corpus_entities::insert_entities(
                            &mut insert_entity,
                            seq,
                            &article.entities,
                        )
                        .at(path)?;
                        seq
                    }
                };
                for provenance in &article.provenance {
                    outcome.new_provenance +=
                        insert_provenance_row(&mut insert_provenance, seq, provenance).at(path)?;
                }
            }
        }
        tx.commit().at(path)?;
        Ok(outcome)
    }
}

fn insert_article(
    stmt: &mut Statement<'_>,
    article: &Article,
    created_at: &str,
    path: &std::path::Path,
) -> Result<()> {
    let encode_error = |source| StoreError::Encode {
        path: path.to_path_buf(),
        id: article.id.to_string(),
        source,
    };
    let captions = codec::encode_blocks(&article.captions).map_err(encode_error)?;
    let paragraphs = codec::encode_blocks(&article.paragraphs).map_err(encode_error)?;
    let removed = codec::encode_removed(&article.removed).map_err(encode_error)?;
    let evidence = article
        .published_evidence
        .as_ref()
        .map(codec::encode_evidence)
        .transpose()
        .map_err(encode_error)?;
    let meta = codec::encode_meta(&article.meta).map_err(encode_error)?;
    let entities = codec::encode_list(&article.entities).map_err(encode_error)?;
    let dates = codec::encode_list(&article.dates).map_err(encode_error)?;
    let amounts = codec::encode_list(&article.amounts).map_err(encode_error)?;
    let quotes = codec::encode_list(&article.quotes).map_err(encode_error)?;
    let events = codec::encode_list(&article.events).map_err(encode_error)?;
    let title = article.title.as_ref();
    stmt.execute(params![
        article.id.as_str(),
        article.source,
        title.map(|t| t.text.as_str()),
        title.map(|t| to_sql_int(t.span.start)),
        title.map(|t| to_sql_int(t.span.end)),
        article.url,
        article.language,
        article.published.map(codec::encode_date),
        evidence,
        captions,
        paragraphs,
        removed,
        count_to_sql(article.word_count()),
        count_to_sql(article.paragraphs.len()),
        created_at,
        meta,
        entities,
        dates,
        amounts,
        quotes,
        events,
    ])
    .at(path)?;
    Ok(())
}

/// Inserts one provenance row unless it is already stored; returns the number of rows added.
fn insert_provenance_row(
    stmt: &mut Statement<'_>,
    seq: i64,
    provenance: &Provenance,
) -> rusqlite::Result<usize> {
    stmt.execute(params![
        seq,
        provenance.path,
        to_sql_int(provenance.offset),
        to_sql_int(provenance.length),
        provenance.line.map(to_sql_int),
        provenance.record_id,
        provenance.url,
        provenance.fetched_at.map(codec::encode_instant),
    ])
}
