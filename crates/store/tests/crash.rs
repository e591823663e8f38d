//! A writer killed (SIGKILL) in the middle of its batches leaves a sound store that a re-run completes.
//!
//! The test binary re-executes itself: `crash_child` run with `CRASH_DIR` set inserts batches until it
//! is killed; without the variable it does nothing, so a normal test run passes it trivially.

mod common;

use std::path::Path;
use std::process::{Command, Stdio};
use std::thread::sleep;
use std::time::{Duration, Instant};

use chancery_store::{Store, DB_FILE};
use common::batch;

const CRASH_DIR: &str = "CHANCERY_STORE_CRASH_DIR";
const BATCH: usize = 200;

#[test]
fn crash_child() {
    let Some(dir) = std::env::var_os(CRASH_DIR) else {
        return;
    };
    let mut store = Store::open(Path::new(&dir)).unwrap();
    // A bound on the loop, so an orphaned child cannot run forever if the parent dies first.
    let deadline = Instant::now() + Duration::from_secs(300);
    for index in 0.. {
        if Instant::now() > deadline {
            break;
        }
        store.insert_batch(&batch(index, BATCH)).unwrap();
    }
}

fn committed_articles(dir: &Path) -> u64 {
    if !dir.join(DB_FILE).exists() {
        return 0;
    }
    let store = Store::open(dir).expect("the store opens while the writer runs");
    store.counts().expect("counts are readable").articles
}

#[test]
fn killed_writer_leaves_a_sound_store() {
    let dir = tempfile::tempdir().unwrap();
    let mut child = Command::new(std::env::current_exe().unwrap())
        .args(["crash_child", "--exact", "--test-threads=1"])
        .env(CRASH_DIR, dir.path())
        .stdout(Stdio::null())
        .stderr(Stdio::null())
        .spawn()
        .unwrap();

    // Let the child commit a few batches first, so the kill lands among live writes rather than
    // during start-up; the deadline is generous for a loaded machine.
    let started = Instant::now();
    while committed_articles(dir.path()) < 3 * BATCH as u64 {
        assert!(
            child.try_wait().unwrap().is_none(),
            "the writer exited early"
        );
        assert!(
            started.elapsed() < Duration::from_secs(120),
            "the writer made no progress"
        );
        sleep(Duration::from_millis(50));
    }
    sleep(Duration::from_millis(700));
    child.kill().unwrap();
    child.wait().unwrap();

    let mut store = Store::open(dir.path()).unwrap();
    assert_eq!(store.integrity_check().unwrap(), "ok");

    // Batches are all or nothing: the store holds exactly the first `done` batches.
    let counts = store.counts().unwrap();
    assert_eq!(
        counts.articles % BATCH as u64,
        0,
        "a partial batch: {counts:?}"
    );
    assert_eq!(counts.provenance, counts.articles);
    let done = (counts.articles / BATCH as u64) as usize;
    assert!(done >= 3, "{counts:?}");

    let conn = rusqlite::Connection::open(dir.path().join(DB_FILE)).unwrap();
    let count = |sql: &str| -> i64 { conn.query_row(sql, [], |row| row.get(0)).unwrap() };
    assert_eq!(
        count(
            "SELECT COUNT(*) FROM provenance WHERE article_seq NOT IN (SELECT seq FROM articles)"
        ),
        0
    );
    assert_eq!(
        count("SELECT COUNT(DISTINCT id) FROM articles"),
        counts.articles as i64
    );
    assert_eq!(count("SELECT COUNT(*) FROM pragma_foreign_key_check"), 0);
    drop(conn);

    for article in batch(done - 1, BATCH) {
        assert_eq!(store.article(article.id.as_str()).unwrap(), Some(article));
    }

    // A re-run adds exactly what is missing.
    let mut added = 0;
    let mut duplicates = 0;
    for index in 0..done + 2 {
        let outcome = store.insert_batch(&batch(index, BATCH)).unwrap();
        added += outcome.new;
        duplicates += outcome.duplicates;
        assert_eq!(outcome.new_provenance, outcome.new);
    }
    assert_eq!((added, duplicates), (2 * BATCH, done * BATCH));
    let after = store.counts().unwrap();
    assert_eq!(after.articles, ((done + 2) * BATCH) as u64);
    assert_eq!(after.provenance, after.articles);
    assert_eq!(store.integrity_check().unwrap(), "ok");
}
