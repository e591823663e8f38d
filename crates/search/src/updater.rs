//! Writing the index: catching up with the store, rebuilding it, adding articles directly.

use std::path::PathBuf;

use chancery_model::Article;
use chancery_store::Store;
use tantivy::{Index, IndexWriter, Term};

use crate::document::document;
use crate::error::{AtIndex, Result};
use crate::fields::Fields;

/// Articles read from the store at a time while catching up.
const READ_CHUNK: usize = 1_000;

/// Articles indexed between commits on a long catch-up, so a kill loses little of the work.
const COMMIT_EVERY: usize = 50_000;

/// The commit payload's prefix; the last indexed store sequence number follows it.
const PAYLOAD_PREFIX: &str = "last_seq=";

/// What a sync or rebuild did.
#[derive(Debug, Clone, Copy, Default, PartialEq, Eq)]
pub struct SyncOutcome {
    /// Articles indexed.
    pub indexed: usize,
    /// Store sequence number of the last article the index now holds.
    pub last_seq: i64,
}

/// The index's writer. Dropping it without [`IndexUpdater::commit`] discards what was added since
/// the last commit.
pub struct IndexUpdater {
    path: PathBuf,
    writer: IndexWriter,
    fields: Fields,
    /// Last store sequence number added, committed or not.
    last_seq: i64,
}

impl std::fmt::Debug for IndexUpdater {
    fn fmt(&self, f: &mut std::fmt::Formatter<'_>) -> std::fmt::Result {
        f.debug_struct("IndexUpdater")
            .field("path", &self.path)
            .field("last_seq", &self.last_seq)
            .finish_non_exhaustive()
    }
}

impl IndexUpdater {
    pub(crate) fn new(
        path: PathBuf,
        index: &Index,
        writer: IndexWriter,
        fields: Fields,
    ) -> Result<IndexUpdater> {
        let metas = index.load_metas().at(&path)?;
        let last_seq = parse_payload(metas.payload.as_deref());
        Ok(IndexUpdater {
            path,
            writer,
            fields,
            last_seq,
        })
    }

    /// Indexes every article the store holds beyond the last one indexed, and commits.
    pub fn sync(&mut self, store: &Store) -> Result<SyncOutcome> {
        let mut indexed = 0;
        let mut since_commit = 0;
        loop {
            let chunk = store.articles_after(self.last_seq, READ_CHUNK)?;
            let Some((last, _)) = chunk.last() else {
                break;
            };
            let last = *last;
            for (seq, article) in &chunk {
                self.replace(*seq, article)?;
            }
            self.last_seq = last;
            indexed += chunk.len();
            since_commit += chunk.len();
            if since_commit >= COMMIT_EVERY {
                self.commit()?;
                since_commit = 0;
            }
        }
        self.commit()?;
        Ok(SyncOutcome {
            indexed,
            last_seq: self.last_seq,
        })
    }

    /// Empties the index and indexes the whole store again. Searches see the old index until the
    /// new one is committed.
    pub fn rebuild(&mut self, store: &Store) -> Result<SyncOutcome> {
        self.writer.delete_all_documents().at(&self.path)?;
        self.last_seq = 0;
        self.sync(store)
    }

    /// Adds an article stored with sequence number `seq` (or, for an index built without a
    /// store, any increasing number), replacing any document with its id. Visible after
    /// [`IndexUpdater::commit`].
    pub fn replace(&mut self, seq: i64, article: &Article) -> Result<()> {
        self.writer
            .delete_term(Term::from_field_text(self.fields.id, article.id.as_str()));
        self.add(seq, article)
    }

    /// Adds an article known not to be in the index yet: the fast path for building an index
    /// from scratch.
    pub fn add(&mut self, seq: i64, article: &Article) -> Result<()> {
        let doc = document(&self.fields, u64::try_from(seq).unwrap_or(0), article);
        self.writer.add_document(doc).at(&self.path)?;
        self.last_seq = self.last_seq.max(seq);
        Ok(())
    }

    /// Commits what was added, recording the last store sequence number it covers.
    pub fn commit(&mut self) -> Result<()> {
        let mut prepared = self.writer.prepare_commit().at(&self.path)?;
        prepared.set_payload(&format!("{PAYLOAD_PREFIX}{}", self.last_seq));
        prepared.commit().at(&self.path)?;
        Ok(())
    }

    /// Waits for the writer's merges to finish, so the index on disk is as compact as it gets.
    pub fn finish(self) -> Result<()> {
        self.writer.wait_merging_threads().at(&self.path)
    }
}

/// The last indexed store sequence number a commit payload records; 0 when there is none.
pub(crate) fn parse_payload(payload: Option<&str>) -> i64 {
    payload
        .and_then(|p| p.strip_prefix(PAYLOAD_PREFIX))
        .and_then(|n| n.trim().parse().ok())
        .unwrap_or(0)
}
