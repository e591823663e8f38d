//! What every request shares: the search index and the store.

use std::path::Path;
use std::sync::{Arc, Mutex};

use chancery_search::ArticleIndex;
use chancery_store::Store;

use crate::errors::{ApiError, ServerError};

/// Shared by all handlers.
#[derive(Debug)]
pub(crate) struct AppState {
    pub index: ArticleIndex,
    /// One SQLite connection; reads are short, so requests take turns.
    pub store: Mutex<Store>,
}

/// The state as handlers receive it.
pub(crate) type Shared = Arc<AppState>;

impl AppState {
    pub fn open(data: &Path) -> Result<Shared, ServerError> {
        let store = Store::open(data)?;
        let index = ArticleIndex::open(data)?;
        Ok(Arc::new(AppState {
            index,
            store: Mutex::new(store),
        }))
    }

    /// Runs `f` with the store. A handler that panicked while holding it left nothing half
    /// written (reads only), so a poisoned lock is taken over rather than failing for good.
    pub fn with_store<T>(
        &self,
        f: impl FnOnce(&Store) -> Result<T, ApiError>,
    ) -> Result<T, ApiError> {
        let guard = self
            .store
            .lock()
            .unwrap_or_else(std::sync::PoisonError::into_inner);
        f(&guard)
    }
}

/// Runs blocking work (search, store reads) off the async threads.
pub(crate) async fn blocking<T: Send + 'static>(
    f: impl FnOnce() -> Result<T, ApiError> + Send + 'static,
) -> Result<T, ApiError> {
    tokio::task::spawn_blocking(f)
        .await
        .map_err(|e| ApiError::internal(format!("request failed: {e}")))?
}
