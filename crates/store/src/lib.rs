//! The embedded store: one SQLite file, `chancery.db`, in a data directory.
//!
//! - [`Store::open`] creates or upgrades the database (migrations by `PRAGMA user_version`).
//! - [`Store::insert_batch`] stores a batch of articles in one transaction. Articles are keyed by their
//!   content id, so storing the same input twice adds nothing but new provenance.
//! - [`Store::article`], [`Store::list`] and [`Store::for_each_article`] read articles back;
//!   [`Store::articles_after`] and [`Store::last_seq`] let a search index catch up with the store.
//! - [`Store::stories_page`], [`Store::story`] and [`Store::story_articles`] read the stories back;
//!   [`Store::quotes`] and [`Store::events`] list quotes and events across articles, filtered and
//!   paged; [`Store::relations`] aggregates events by pair of countries or actors.
//! - [`Store::line_counts`] and friends keep the per-source line statistics behind corpus-level
//!   boilerplate evidence.
//!
//! The database runs in WAL mode with one transaction per batch: a process killed mid-batch loses at
//! most that batch, everything committed before stays intact, and a re-run completes the batch.

mod codec;
mod corpus_entities;
mod dyads;
mod error;
mod evidence;
mod read;
mod schema;
mod statement_reads;
mod stories;
mod story_reads;
mod write;

use std::path::{Path, PathBuf};
use std::time::Duration;

use rusqlite::Connection;

pub use corpus_entities::{CorpusEntity, EntityProfile, RoleSpan};
pub use dyads::{Period, Relation, RelationQuery};
pub use error::{Result, StoreError};
pub use read::{ArticleFilter, ArticleSummary, MIN_ID_PREFIX};
pub use schema::SCHEMA_VERSION;
pub use statement_reads::{EventFilter, Page, QuoteFilter, StoredEvent, StoredQuote};
pub use stories::Placement;
pub use story_reads::StoryArticle;
pub use write::BatchOutcome;

use error::AtPath;

/// Name of the database file inside the data directory.
pub const DB_FILE: &str = "chancery.db";

/// How long a write waits for another process holding the write lock before failing.
const BUSY_TIMEOUT: Duration = Duration::from_secs(30);

/// Prepared statements kept per connection: enough for the fixed statements plus the few filter
/// shapes a session uses, so hot loops never re-prepare.
const STATEMENT_CACHE: usize = 64;

/// An open store.
#[derive(Debug)]
pub struct Store {
    conn: Connection,
    db_path: PathBuf,
}

/// How much the store holds.
#[derive(Debug, Clone, Copy, Default, PartialEq, Eq)]
pub struct StoreCounts {
    /// Distinct articles.
    pub articles: u64,
    /// Provenance rows: places articles were read from (at least one per article).
    pub provenance: u64,
    /// Distinct article sources.
    pub sources: u64,
}

impl Store {
    /// Opens the store in `data_dir`, creating the directory and the database as needed, and brings
    /// the schema up to date.
    pub fn open(data_dir: &Path) -> Result<Store> {
        if data_dir.exists() && !data_dir.is_dir() {
            return Err(StoreError::NotADirectory {
                path: data_dir.to_path_buf(),
            });
        }
        std::fs::create_dir_all(data_dir).map_err(|source| StoreError::CreateDir {
            path: data_dir.to_path_buf(),
            source,
        })?;
        let db_path = data_dir.join(DB_FILE);
        let open_error = |source| StoreError::Open {
            path: db_path.clone(),
            source,
        };
        let mut conn = Connection::open(&db_path).map_err(open_error)?;
        configure(&conn).map_err(open_error)?;
        schema::migrate(&mut conn, &db_path, schema::MIGRATIONS)?;
        conn.set_prepared_statement_cache_capacity(STATEMENT_CACHE);
        Ok(Store { conn, db_path })
    }

    /// Path of the database file.
    pub fn path(&self) -> &Path {
        &self.db_path
    }

    /// Counts of articles, provenance rows and sources.
    pub fn counts(&self) -> Result<StoreCounts> {
        let mut stmt = self
            .conn
            .prepare_cached(
                "SELECT (SELECT COUNT(*) FROM articles),
                        (SELECT COUNT(*) FROM provenance),
                        (SELECT COUNT(DISTINCT source) FROM articles)",
            )
            .at(&self.db_path)?;
        stmt.query_row([], |row| {
            Ok(StoreCounts {
                articles: codec::from_sql_int(row.get(0)?),
                provenance: codec::from_sql_int(row.get(1)?),
                sources: codec::from_sql_int(row.get(2)?),
            })
        })
        .at(&self.db_path)
    }

    /// Runs SQLite's full consistency check; returns `"ok"` for a sound database, otherwise the
    /// problems found, one per line.
    pub fn integrity_check(&self) -> Result<String> {
        let mut stmt = self
            .conn
            .prepare("PRAGMA integrity_check")
            .at(&self.db_path)?;
        let lines = stmt
            .query_map([], |row| row.get::<_, String>(0))
            .at(&self.db_path)?
            .collect::<rusqlite::Result<Vec<_>>>()
            .at(&self.db_path)?;
        Ok(lines.join("\n"))
    }
}

/// Per-connection settings. The busy timeout comes first so that switching to WAL waits for, rather
/// than fails on, another process opening the same store.
fn configure(conn: &Connection) -> rusqlite::Result<()> {
    conn.busy_timeout(BUSY_TIMEOUT)?;
    // journal_mode answers with the mode in effect; the answer is not needed, only the switch.
    let _mode: String =
        conn.pragma_update_and_check(None, "journal_mode", "WAL", |row| row.get(0))?;
    // In WAL mode NORMAL loses no committed data on a process crash (only on power loss), and spares
    // an fsync per transaction.
    conn.pragma_update(None, "synchronous", "NORMAL")?;
    conn.pragma_update(None, "foreign_keys", "ON")?;
    Ok(())
}
