//! Typed errors of the search index. Messages name the index directory and what to do.

use std::path::PathBuf;

/// What went wrong with the index or a search.
#[derive(Debug, thiserror::Error)]
pub enum SearchError {
    /// The index directory could not be created or opened.
    #[error("cannot open search index at {path}: {source}; run `chancery reindex` to rebuild it")]
    Open {
        path: PathBuf,
        source: tantivy::TantivyError,
    },

    /// Another process holds the index's writer (an ingest or a reindex still running).
    #[error("search index at {path} is being written by another process; try again when it ends")]
    Busy { path: PathBuf },

    /// Reading or writing the index failed.
    #[error("search index at {path}: {source}")]
    Index {
        path: PathBuf,
        source: tantivy::TantivyError,
    },

    /// Reading the articles to index from the store failed.
    #[error(transparent)]
    Store(#[from] chancery_store::StoreError),

    /// The request cannot be run as given.
    #[error("{0}")]
    BadRequest(String),
}

/// Result of index operations.
pub type Result<T> = std::result::Result<T, SearchError>;

/// Attaches the index path to tantivy errors.
pub(crate) trait AtIndex<T> {
    fn at(self, path: &std::path::Path) -> Result<T>;
}

impl<T> AtIndex<T> for tantivy::Result<T> {
    fn at(self, path: &std::path::Path) -> Result<T> {
        self.map_err(|source| SearchError::Index {
            path: path.to_path_buf(),
            source,
        })
    }
}
