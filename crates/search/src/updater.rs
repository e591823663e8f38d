//! Writing the index: catching up with the store, rebuilding it, adding articles directly.
//!
//! Two watermarks live in the commit payload. `last_seq`: every article the store numbered up to
//! it is indexed. `placed_seq`: every such article placed in a story by then carries its story.
//! Articles are indexed as soon as they are stored and placed in stories later, so a sync first
//! indexes again, with their stories, the articles placed since `placed_seq` (the index may have
//! missed a placement because a run was killed between the placement commit and the index
//! commit), then indexes the new ones.

use std::collections::HashMap;
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

/// The commit payload's key for the last indexed store sequence number.
const LAST_SEQ: &str = "last_seq";
/// The commit payload's key for the placement watermark.
const PLACED_SEQ: &str = "placed_seq";

/// What a sync or rebuild did.
#[derive(Debug, Clone, Copy, Default, PartialEq, Eq)]
pub struct SyncOutcome {
    /// Articles indexed for the first time.
    pub indexed: usize,
    /// Articles indexed again to carry the story they were placed in since.
    pub placed: usize,
    /// Store sequence number of the last article the index now holds.
    pub last_seq: i64,
}

/// What a commit records about the store.
#[derive(Debug, Clone, Copy, Default, PartialEq, Eq)]
pub(crate) struct Payload {
    /// Store sequence number of the last article indexed.
    pub(crate) last_seq: i64,
    /// Articles up to this store sequence number carry their story when they have one.
    pub(crate) placed_seq: i64,
}

/// The index's writer. Dropping it without [`IndexUpdater::commit`] discards what was added since
/// the last commit.
pub struct IndexUpdater {
    path: PathBuf,
    writer: IndexWriter,
    fields: Fields,
    /// Last store sequence number added, committed or not.
    last_seq: i64,
    /// Articles up to this number carry their story (see the module comment).
    placed_seq: i64,
}

impl std::fmt::Debug for IndexUpdater {
    fn fmt(&self, f: &mut std::fmt::Formatter<'_>) -> std::fmt::Result {
        f.debug_struct("IndexUpdater")
            .field("path", &self.path)
            .field("last_seq", &self.last_seq)
            .field("placed_seq", &self.placed_seq)
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
        let payload = parse_payload(metas.payload.as_deref());
        Ok(IndexUpdater {
            path,
            writer,
            fields,
            last_seq: payload.last_seq,
            placed_seq: payload.placed_seq,
        })
    }

    /// Gives the articles placed in stories since the last sync their stories, indexes every
    /// article the store holds beyond the last one indexed, and commits.
    pub fn sync(&mut self, store: &Store) -> Result<SyncOutcome> {
        // Read once: placements only grow, so every article up to it keeps the story read here.
        let placed = store.last_placed()?;
        let mut outcome = SyncOutcome::default();
        let mut since_commit = 0;
        let restory_until = self.last_seq.min(placed);
        while self.placed_seq < restory_until {
            let mut chunk = store.articles_after(self.placed_seq, READ_CHUNK)?;
            chunk.retain(|(seq, _)| *seq <= restory_until);
            let Some(last) = chunk.last().map(|(seq, _)| *seq) else {
                break;
            };
            self.put_chunk(store, &chunk)?;
            self.placed_seq = last;
            outcome.placed += chunk.len();
            since_commit += chunk.len();
            if since_commit >= COMMIT_EVERY {
                self.commit()?;
                since_commit = 0;
            }
        }
        self.placed_seq = self.placed_seq.max(restory_until);
        loop {
            let chunk = store.articles_after(self.last_seq, READ_CHUNK)?;
            let Some(last) = chunk.last().map(|(seq, _)| *seq) else {
                break;
            };
            self.put_chunk(store, &chunk)?;
            self.last_seq = last;
            self.placed_seq = last.min(placed);
            outcome.indexed += chunk.len();
            since_commit += chunk.len();
            if since_commit >= COMMIT_EVERY {
                self.commit()?;
                since_commit = 0;
            }
        }
        self.commit()?;
        outcome.last_seq = self.last_seq;
        Ok(outcome)
    }

    /// Indexes a chunk of stored articles (in storage order) with the stories they are placed in,
    /// replacing what the index holds of them.
    fn put_chunk(&mut self, store: &Store, chunk: &[(i64, Article)]) -> Result<()> {
        let (Some((first, _)), Some((last, _))) = (chunk.first(), chunk.last()) else {
            return Ok(());
        };
        let stories: HashMap<i64, u64> = store
            .stories_between(first - 1, *last)?
            .into_iter()
            .collect();
        for (seq, article) in chunk {
            self.remove(article);
            self.put(*seq, article, stories.get(seq).copied())?;
        }
        Ok(())
    }

    /// Empties the index and indexes the whole store again. Searches see the old index until the
    /// new one is committed.
    pub fn rebuild(&mut self, store: &Store) -> Result<SyncOutcome> {
        self.writer.delete_all_documents().at(&self.path)?;
        self.last_seq = 0;
        self.placed_seq = 0;
        self.sync(store)
    }

    /// Adds an article stored with sequence number `seq` (or, for an index built without a
    /// store, any increasing number), replacing any document with its id. Visible after
    /// [`IndexUpdater::commit`].
    pub fn replace(&mut self, seq: i64, article: &Article) -> Result<()> {
        self.remove(article);
        self.add(seq, article)
    }

    /// Adds an article known not to be in the index yet: the fast path for building an index
    /// from scratch.
    pub fn add(&mut self, seq: i64, article: &Article) -> Result<()> {
        self.put(seq, article, None)
    }

    fn remove(&mut self, article: &Article) {
        self.writer
            .delete_term(Term::from_field_text(self.fields.id, article.id.as_str()));
    }

    fn put(&mut self, seq: i64, article: &Article, story: Option<u64>) -> Result<()> {
        let doc = document(
            &self.fields,
            u64::try_from(seq).unwrap_or(0),
            article,
            story,
        );
        self.writer.add_document(doc).at(&self.path)?;
        self.last_seq = self.last_seq.max(seq);
        Ok(())
    }

    /// Commits what was added, recording the store sequence numbers it covers.
    pub fn commit(&mut self) -> Result<()> {
        let mut prepared = self.writer.prepare_commit().at(&self.path)?;
        prepared.set_payload(&format!(
            "{LAST_SEQ}={};{PLACED_SEQ}={}",
            self.last_seq, self.placed_seq
        ));
        prepared.commit().at(&self.path)?;
        Ok(())
    }

    /// Waits for the writer's merges to finish, so the index on disk is as compact as it gets.
    pub fn finish(self) -> Result<()> {
        self.writer.wait_merging_threads().at(&self.path)
    }
}

/// The store sequence numbers a commit payload records; 0 for each one it lacks (an index
/// written before stories were indexed gets every placed article's story on its next sync).
pub(crate) fn parse_payload(payload: Option<&str>) -> Payload {
    let mut out = Payload::default();
    for pair in payload.unwrap_or("").split(';') {
        let Some((key, value)) = pair.split_once('=') else {
            continue;
        };
        let value = value.trim().parse().unwrap_or(0);
        match key.trim() {
            LAST_SEQ => out.last_seq = value,
            PLACED_SEQ => out.placed_seq = value,
            _ => {}
        }
    }
    // Never ahead of the articles it holds.
    out.placed_seq = out.placed_seq.min(out.last_seq);
    out
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn payloads_old_and_new_are_read() {
        let read = |p| parse_payload(Some(p));
        assert_eq!(
            read("last_seq=7"),
            Payload {
                last_seq: 7,
                placed_seq: 0
            }
        );
        assert_eq!(
            read("last_seq=7;placed_seq=5"),
            Payload {
                last_seq: 7,
                placed_seq: 5
            }
        );
        assert_eq!(read("placed_seq=9;last_seq=3").placed_seq, 3);
        assert_eq!(parse_payload(None), Payload::default());
    }
}
