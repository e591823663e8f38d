//! Keeping the search index in step with the store during a command that writes the store.

use std::path::Path;

use anyhow::{Context, Result};
use chancery_search::{ArticleIndex, IndexUpdater, SearchError};
use chancery_store::Store;

use crate::report;

/// Takes the index's writer and indexes whatever the store holds beyond it (articles a killed run
/// stored but never indexed). `None`, with a warning, when another process is writing the index:
/// that process, or the next run, catches it up.
pub fn catch_up(data: &Path, store: &Store) -> Result<Option<IndexUpdater>> {
    let index = ArticleIndex::open(data)?;
    // One indexing thread: extraction already keeps the other cores busy.
    let mut updater = match index.updater(1) {
        Ok(updater) => updater,
        Err(error @ SearchError::Busy { .. }) => {
            report::warning(&format!(
                "{error}; articles stored now are indexed by the next ingest or `chancery reindex`"
            ));
            return Ok(None);
        }
        Err(error) => return Err(error.into()),
    };
    updater.sync(store).context(REPAIR_HINT)?;
    Ok(Some(updater))
}

/// What to do when the index cannot be updated; the store is unaffected.
pub const REPAIR_HINT: &str =
    "cannot update the search index (the store is intact; `chancery reindex` rebuilds the index)";
