//! Corpus evidence for boilerplate: per source, how many documents were observed and how many of them
//! contain each line (lines identified by a 64-bit hash).
//!
//! The counts let the cleaner tell page furniture ("Sign up for our daily briefing") from article text
//! by how widely a line recurs across one publisher's documents.

use std::collections::HashMap;
use std::path::Path;

use rusqlite::{OptionalExtension, Transaction, TransactionBehavior};

use crate::codec::{from_sql_int, to_sql_int};
use crate::error::{AtPath, Result};
use crate::Store;

const SOURCE_ID: &str = "SELECT id FROM source_stats WHERE source = ?1";

impl Store {
    /// How many documents of `source` have been observed.
    pub fn source_doc_count(&self, source: &str) -> Result<u64> {
        let mut stmt = self
            .conn
            .prepare_cached("SELECT docs FROM source_stats WHERE source = ?1")
            .at(&self.db_path)?;
        let docs: Option<i64> = stmt
            .query_row([source], |row| row.get(0))
            .optional()
            .at(&self.db_path)?;
        Ok(docs.map_or(0, from_sql_int))
    }

    /// For each line hash, how many observed documents of `source` contain it (0 when never seen),
    /// aligned with `hashes`.
    pub fn line_counts(&self, source: &str, hashes: &[u64]) -> Result<Vec<u64>> {
        let mut find_source = self.conn.prepare_cached(SOURCE_ID).at(&self.db_path)?;
        let source_id: Option<i64> = find_source
            .query_row([source], |row| row.get(0))
            .optional()
            .at(&self.db_path)?;
        let Some(source_id) = source_id else {
            return Ok(vec![0; hashes.len()]);
        };
        let mut stmt = self
            .conn
            .prepare_cached("SELECT docs FROM line_stats WHERE source_id = ?1 AND hash = ?2")
            .at(&self.db_path)?;
        hashes
            .iter()
            .map(|&hash| {
                let docs: Option<i64> = stmt
                    .query_row((source_id, to_sql_int(hash)), |row| row.get(0))
                    .optional()
                    .at(&self.db_path)?;
                Ok(docs.map_or(0, from_sql_int))
            })
            .collect()
    }

    /// Records documents of `source`, each given as the hashes of its lines, in one transaction: the
    /// source's document count grows by `docs.len()` and each line's count by the number of documents
    /// containing it. Repeated hashes within one document count once.
    pub fn add_line_observations(&mut self, source: &str, docs: &[Vec<u64>]) -> Result<()> {
        let Store { conn, db_path } = self;
        let tx = conn
            .transaction_with_behavior(TransactionBehavior::Immediate)
            .at(db_path)?;
        observe(&tx, db_path, source, docs.iter().map(Vec::as_slice))?;
        tx.commit().at(db_path)
    }

    /// Like [`Store::add_line_observations`], but each document carries a key (say, a hash of its raw
    /// bytes) and documents whose key was observed before are skipped, so reading the same inputs
    /// again does not inflate the counts. Returns how many documents were counted.
    pub fn add_line_observations_once(
        &mut self,
        source: &str,
        docs: &[(u64, Vec<u64>)],
    ) -> Result<usize> {
        let Store { conn, db_path } = self;
        let tx = conn
            .transaction_with_behavior(TransactionBehavior::Immediate)
            .at(db_path)?;
        let mut fresh = Vec::with_capacity(docs.len());
        {
            let mut mark = tx
                .prepare_cached(
                    "INSERT INTO observed_docs (key) VALUES (?1) ON CONFLICT DO NOTHING",
                )
                .at(db_path)?;
            for (key, lines) in docs {
                if mark.execute([to_sql_int(*key)]).at(db_path)? > 0 {
                    fresh.push(lines.as_slice());
                }
            }
        }
        observe(&tx, db_path, source, fresh.iter().copied())?;
        tx.commit().at(db_path)?;
        Ok(fresh.len())
    }
}

/// Adds documents' lines to the counts, inside the caller's transaction.
fn observe<'a>(
    tx: &Transaction<'_>,
    path: &Path,
    source: &str,
    docs: impl Iterator<Item = &'a [u64]>,
) -> Result<()> {
    // Aggregate first so each distinct line costs one upsert per call, not one per document.
    let mut per_line: HashMap<u64, u64> = HashMap::new();
    let mut doc_count: u64 = 0;
    let mut distinct = Vec::new();
    for doc in docs {
        doc_count += 1;
        distinct.clear();
        distinct.extend_from_slice(doc);
        distinct.sort_unstable();
        distinct.dedup();
        for &hash in &distinct {
            *per_line.entry(hash).or_default() += 1;
        }
    }
    if doc_count == 0 {
        return Ok(());
    }
    let mut upsert_source = tx
        .prepare_cached(
            "INSERT INTO source_stats (source, docs) VALUES (?1, ?2)
             ON CONFLICT (source) DO UPDATE SET docs = docs + excluded.docs
             RETURNING id",
        )
        .at(path)?;
    let source_id: i64 = upsert_source
        .query_row((source, to_sql_int(doc_count)), |row| row.get(0))
        .at(path)?;
    let mut upsert_line = tx
        .prepare_cached(
            "INSERT INTO line_stats (source_id, hash, docs) VALUES (?1, ?2, ?3)
             ON CONFLICT (source_id, hash) DO UPDATE SET docs = docs + excluded.docs",
        )
        .at(path)?;
    // In key order, so consecutive upserts touch neighbouring pages of the table.
    let mut lines: Vec<(i64, u64)> = per_line
        .into_iter()
        .map(|(hash, docs)| (to_sql_int(hash), docs))
        .collect();
    lines.sort_unstable();
    for (hash, docs) in lines {
        upsert_line
            .execute((source_id, hash, to_sql_int(docs)))
            .at(path)?;
    }
    Ok(())
}
