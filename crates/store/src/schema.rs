//! The schema and its migrations.
//!
//! `PRAGMA user_version` holds the number of migration steps applied. Each step runs in its own
//! transaction together with the version bump, so a kill mid-migration leaves the previous version
//! intact and the next open simply retries the step. Steps are append-only: a released step is never
//! edited, a change is a new step.

use std::path::Path;

use rusqlite::{Connection, TransactionBehavior};

use crate::error::{Result, StoreError};

/// Version 1: articles, their provenance, and the per-source line statistics behind corpus evidence.
///
/// - `articles.seq` is the rowid: insertion order, so "first seen" order costs nothing to keep.
///   Rows are never deleted, so rowids are never reused.
/// - Blocks, removed lines and date evidence are JSON arrays with a layout owned by the store (see
///   `codec`), independent of how the model types serialise elsewhere.
/// - Listing order is `published NULLS LAST, seq`; each index ends in `published` (and implicitly the
///   rowid) so a filtered listing reads in order from its index, with no sort, and a `LIMIT` stops early.
/// - Unsigned 64-bit values (offsets, line hashes) are stored as `INTEGER` cast bit for bit.
/// - `line_stats` is keyed by a small source id rather than the source name, since it holds one row per
///   distinct line of a source and would otherwise repeat the name in every row.
const V1: &str = "
CREATE TABLE articles (
    seq                INTEGER PRIMARY KEY,
    id                 TEXT NOT NULL UNIQUE,
    source             TEXT NOT NULL,
    title              TEXT,
    title_start        INTEGER,
    title_end          INTEGER,
    url                TEXT,
    language           TEXT,
    published          TEXT,
    published_evidence TEXT,
    captions           TEXT NOT NULL,
    paragraphs         TEXT NOT NULL,
    removed            TEXT NOT NULL,
    words              INTEGER NOT NULL,
    paragraph_count    INTEGER NOT NULL,
    created_at         TEXT NOT NULL
);
CREATE INDEX articles_source ON articles(source, published);
CREATE INDEX articles_published ON articles(published);
CREATE INDEX articles_language ON articles(language, published);

CREATE TABLE provenance (
    id          INTEGER PRIMARY KEY,
    article_seq INTEGER NOT NULL REFERENCES articles(seq),
    path        TEXT NOT NULL,
    byte_offset INTEGER NOT NULL,
    byte_length INTEGER NOT NULL,
    line        INTEGER,
    record_id   TEXT,
    url         TEXT,
    fetched_at  TEXT,
    UNIQUE (article_seq, path, byte_offset)
);

CREATE TABLE source_stats (
    id     INTEGER PRIMARY KEY,
    source TEXT NOT NULL UNIQUE,
    docs   INTEGER NOT NULL
);

CREATE TABLE line_stats (
    source_id INTEGER NOT NULL REFERENCES source_stats(id),
    hash      INTEGER NOT NULL,
    docs      INTEGER NOT NULL,
    PRIMARY KEY (source_id, hash)
) WITHOUT ROWID;

CREATE TABLE observed_docs (
    key INTEGER PRIMARY KEY
);
";

/// Every migration step, in order; the store's schema version is the number applied.
/// Version 2: what a page states about its article besides the text (subtitle, authors, times,
/// site, section, tags, lead image), as the model's JSON; `NULL` when it states nothing, as text
/// dumps do. Rows stored before this step read as stating nothing.
const V2: &str = "ALTER TABLE articles ADD COLUMN meta TEXT;";

/// Version 3: the article's named entities (canonical name, type, aliases, mentions with spans,
/// roles, affiliation, resolved place), as the model's JSON; `NULL` when it has none or was not
/// annotated. Rows stored before this step read as having none.
const V3: &str = "ALTER TABLE articles ADD COLUMN entities TEXT;";

/// Version 4: the article's time expressions (text, TIMEX3 type and value, spans) and amounts
/// (text, kind, value, unit, spans), as the model's JSON; each `NULL` when there are none or the
/// article was not annotated. Rows stored before this step read as having none.
const V4: &str = "ALTER TABLE articles ADD COLUMN dates TEXT;
ALTER TABLE articles ADD COLUMN amounts TEXT;";

/// Version 5: the article's quotes (content, pieces, cue, speaker and addressee tied to its
/// entities) and events (PLOVER type, frame, modality, actors with countries, place, date,
/// amount, evidence sentence), as the model's JSON; each `NULL` when there are none or the
/// article was not annotated. Rows stored before this step read as having none.
///
/// `dyad_events` holds one row per event with a source and a target, per pair of their countries
/// (a group actor counts once for each member country): what `relations` aggregates by pair and
/// period without reading every article. `day` is the event's own date when stated in full, else
/// the article's; the countries are ISO 3166-1 alpha-3 codes, `NULL` for an actor with none.
const V5: &str = "ALTER TABLE articles ADD COLUMN quotes TEXT;
ALTER TABLE articles ADD COLUMN events TEXT;
CREATE TABLE dyad_events (
    article_seq    INTEGER NOT NULL REFERENCES articles(seq),
    day            TEXT,
    source_country TEXT,
    target_country TEXT,
    source_actor   TEXT NOT NULL,
    target_actor   TEXT NOT NULL,
    event_type     TEXT NOT NULL,
    modality       TEXT NOT NULL,
    goldstein      REAL
);
CREATE INDEX dyad_events_countries ON dyad_events(source_country, target_country, day);
CREATE INDEX dyad_events_article ON dyad_events(article_seq);";

/// Version 6: the corpus view. `placements` gives each placed article its story and, for a
/// duplicate or syndicated copy, the earlier article it copies; `stories` keeps each story's
/// summary (title, date range, counts, and sources, key entities and places as JSON);
/// `articles.inferred_published` is the date an undated article takes from its story. Articles
/// stored but not yet placed (a run killed before placing them) have no `placements` row and are
/// placed by the next run. `article_entities` has one row per entity of an article under its
/// cross-article key (`chancery_model::entity_key`), written with the article; the step fills it
/// for the articles already stored.
const V6: &str = "CREATE TABLE placements (
    article_seq  INTEGER PRIMARY KEY REFERENCES articles(seq),
    story        INTEGER NOT NULL,
    duplicate_of INTEGER REFERENCES articles(seq),
    similarity   REAL
);
CREATE INDEX placements_story ON placements(story);
CREATE TABLE stories (
    id                  INTEGER PRIMARY KEY,
    title               TEXT NOT NULL,
    first_date          TEXT,
    last_date           TEXT,
    articles            INTEGER NOT NULL,
    independent_sources INTEGER NOT NULL,
    summary             TEXT NOT NULL
);
ALTER TABLE articles ADD COLUMN inferred_published TEXT;
CREATE TABLE article_entities (
    key         TEXT NOT NULL,
    article_seq INTEGER NOT NULL REFERENCES articles(seq),
    name        TEXT NOT NULL,
    kind        TEXT NOT NULL,
    mentions    INTEGER NOT NULL,
    roles       TEXT,
    affiliation TEXT,
    PRIMARY KEY (key, article_seq)
) WITHOUT ROWID;
CREATE INDEX article_entities_article ON article_entities(article_seq);";

pub(crate) const MIGRATIONS: &[&str] = &[V1, V2, V3, V4, V5, V6];

/// The schema version a store has once every known step is applied.
pub const SCHEMA_VERSION: i64 = MIGRATIONS.len() as i64;

/// Brings the database at `path` up to date with `steps`, refusing a database that is newer.
pub(crate) fn migrate(conn: &mut Connection, path: &Path, steps: &[&str]) -> Result<()> {
    let known = steps.len() as i64;
    let open_error = |source| StoreError::Open {
        path: path.to_path_buf(),
        source,
    };
    let too_new = |found| StoreError::TooNew {
        path: path.to_path_buf(),
        found,
        known,
    };
    let current = user_version(conn).map_err(open_error)?;
    if current > known {
        return Err(too_new(current));
    }
    for (index, step) in steps.iter().enumerate().skip(current.max(0) as usize) {
        let version = index as i64 + 1;
        let migrate_error = |source| StoreError::Migrate {
            path: path.to_path_buf(),
            version,
            source,
        };
        // IMMEDIATE takes the write lock before the version is read again, so two processes
        // opening the same fresh store cannot both apply a step.
        let tx = conn
            .transaction_with_behavior(TransactionBehavior::Immediate)
            .map_err(migrate_error)?;
        let now = user_version(&tx).map_err(migrate_error)?;
        if now > known {
            return Err(too_new(now));
        }
        if now >= version {
            continue;
        }
        tx.execute_batch(step).map_err(migrate_error)?;
        crate::corpus_entities::backfill(&tx, version).map_err(migrate_error)?;
        tx.pragma_update(None, "user_version", version)
            .map_err(migrate_error)?;
        tx.commit().map_err(migrate_error)?;
    }
    Ok(())
}

/// The schema version recorded in the database header.
pub(crate) fn user_version(conn: &Connection) -> rusqlite::Result<i64> {
    conn.pragma_query_value(None, "user_version", |row| row.get(0))
}

#[cfg(test)]
mod tests {
    use super::*;

    fn table_names(conn: &Connection) -> Vec<String> {
        let mut stmt = conn
            .prepare("SELECT name FROM sqlite_master WHERE type = 'table' ORDER BY name")
            .unwrap();
        let rows = stmt.query_map([], |row| row.get(0)).unwrap();
        rows.collect::<rusqlite::Result<_>>().unwrap()
    }

    #[test]
    fn steps_apply_in_order_once() {
        let mut conn = Connection::open_in_memory().unwrap();
        let path = Path::new("mem.db");
        migrate(&mut conn, path, &["CREATE TABLE a (x)"]).unwrap();
        assert_eq!(user_version(&conn).unwrap(), 1);
        // A later build adds a step: only that step runs.
        let steps = ["CREATE TABLE a (x)", "CREATE TABLE b (y)"];
        migrate(&mut conn, path, &steps).unwrap();
        migrate(&mut conn, path, &steps).unwrap();
        assert_eq!(user_version(&conn).unwrap(), 2);
        assert_eq!(table_names(&conn), ["a", "b"]);
    }

    #[test]
    fn failing_step_rolls_back() {
        let mut conn = Connection::open_in_memory().unwrap();
        let path = Path::new("mem.db");
        let steps = [
            "CREATE TABLE a (x)",
            "CREATE TABLE b (y); CREATE TABLE a (z)",
        ];
        let err = migrate(&mut conn, path, &steps).unwrap_err();
        assert!(
            matches!(err, StoreError::Migrate { version: 2, .. }),
            "{err}"
        );
        assert_eq!(user_version(&conn).unwrap(), 1);
        assert_eq!(table_names(&conn), ["a"]);
    }

    #[test]
    fn newer_database_is_refused() {
        let mut conn = Connection::open_in_memory().unwrap();
        conn.pragma_update(None, "user_version", 7).unwrap();
        let err = migrate(&mut conn, Path::new("x/chancery.db"), MIGRATIONS).unwrap_err();
        assert!(matches!(err, StoreError::TooNew { found: 7, .. }), "{err}");
        assert!(err.to_string().contains("x/chancery.db"));
    }
}
