//! Typed errors of the store. Every message names the file involved and, where it helps, what to do.

use std::path::{Path, PathBuf};

/// What went wrong in the store.
#[derive(Debug, thiserror::Error)]
pub enum StoreError {
    /// The data directory could not be created, or a file is in its way.
    #[error("cannot create data directory {path}: {source}; choose another data directory")]
    CreateDir {
        path: PathBuf,
        source: std::io::Error,
    },

    /// The data directory path names something that is not a directory.
    #[error("data directory {path} exists but is not a directory; choose another data directory or move the file away")]
    NotADirectory { path: PathBuf },

    /// The database file could not be opened or configured.
    #[error("cannot open store at {path}: {source}; check that it is a chancery store and that its directory is writable")]
    Open {
        path: PathBuf,
        source: rusqlite::Error,
    },

    /// The database was written by a newer build that knows more schema versions.
    #[error("store at {path} has schema version {found}, newer than the {known} this build knows; use a newer chancery or another data directory")]
    TooNew {
        path: PathBuf,
        found: i64,
        known: i64,
    },

    /// A schema migration step failed; the step was rolled back.
    #[error("cannot migrate store at {path} to schema version {version}: {source}; the store is unchanged at the previous version")]
    Migrate {
        path: PathBuf,
        version: i64,
        source: rusqlite::Error,
    },

    /// A query or write failed.
    #[error("store at {path} failed: {source}")]
    Sqlite {
        path: PathBuf,
        source: rusqlite::Error,
    },

    /// An article could not be encoded for storage.
    #[error("cannot encode article {id} for the store at {path}: {source}")]
    Encode {
        path: PathBuf,
        id: String,
        source: serde_json::Error,
    },

    /// A stored value could not be decoded back into an article.
    #[error("article {id} in the store at {path} cannot be read: {detail}; the file may be damaged or written by another program")]
    Corrupt {
        path: PathBuf,
        id: String,
        detail: String,
    },

    /// An id prefix matches more than one article.
    #[error("article id prefix {prefix} is ambiguous: it matches {}; give more characters", .matches.join(", "))]
    AmbiguousId {
        prefix: String,
        /// Some of the matching ids (at most a handful).
        matches: Vec<String>,
    },

    /// An error raised by the caller's closure in [`crate::Store::for_each_article`], passed through.
    #[error(transparent)]
    Caller(Box<dyn std::error::Error + Send + Sync>),
}

impl StoreError {
    /// Wraps an error of the caller (for instance an IO error while exporting) so it can stop a
    /// [`crate::Store::for_each_article`] walk.
    pub fn caller(error: impl Into<Box<dyn std::error::Error + Send + Sync>>) -> Self {
        StoreError::Caller(error.into())
    }
}

/// Result of store operations.
pub type Result<T> = std::result::Result<T, StoreError>;

/// Attaches the database path to SQLite errors, so messages say which store failed.
pub(crate) trait AtPath<T> {
    fn at(self, path: &Path) -> Result<T>;
}

impl<T> AtPath<T> for rusqlite::Result<T> {
    fn at(self, path: &Path) -> Result<T> {
        self.map_err(|source| StoreError::Sqlite {
            path: path.to_path_buf(),
            source,
        })
    }
}
