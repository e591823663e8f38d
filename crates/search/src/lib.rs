//! Full-text search over stored articles: a tantivy index in `<data>/index/`, kept in step with
//! the store.
//!
//! - [`ArticleIndex::open`] opens (or creates) the index; [`ArticleIndex::search`] runs a
//!   [`SearchRequest`]: BM25 over titles, bodies and captions, phrase queries (`"secretary of
//!   state"`), filters (entity, country, place, source, language, date range, story), facet
//!   counts and highlighted snippets.
//! - [`ArticleIndex::updater`] takes the index's single writer; [`IndexUpdater::sync`] indexes
//!   every article the store holds beyond the last one indexed and [`IndexUpdater::rebuild`]
//!   starts over from the store.
//!
//! Articles are never changed once stored and the store numbers them in storage order, so the
//! index records the last number it holds in its commit payload. A process killed between a store
//! commit and the index commit leaves the index behind, never ahead, and the next sync closes the
//! gap. Stories are assigned after indexing; the payload also records up to which number the
//! indexed articles carry their stories, and a sync indexes again the ones placed since.

mod document;
mod error;
mod exclusion;
mod fields;
mod index;
mod query;
mod results;
mod updater;

pub use error::{Result, SearchError};
pub use index::ArticleIndex;
pub use query::{Filters, SearchRequest, MAX_PAGE_SIZE};
pub use results::{EntityCount, FacetCount, Facets, Hit, SearchResults};
pub use updater::{IndexUpdater, SyncOutcome};

/// Name of the index directory inside the data directory.
pub const INDEX_DIR: &str = "index";
