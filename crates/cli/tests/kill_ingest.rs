//! `chancery ingest` killed with SIGKILL in the middle of a large run leaves a sound store: SQLite's
//! integrity check passes, no provenance row is orphaned, and the store holds exactly the articles of
//! the batches committed before the kill (a batch is all or nothing). Running the same ingest again
//! completes it without losing or doubling anything (every generated title stored exactly once,
//! with the provenance of the file it came from), and a third run adds nothing.

mod common;

use std::collections::{BTreeSet, HashMap};
use std::fs::File;
use std::os::unix::process::ExitStatusExt;
use std::path::{Path, PathBuf};
use std::process::Stdio;
use std::thread::sleep;
use std::time::{Duration, Instant};

use chancery_store::{Store, DB_FILE};
use chancery_testkit::{write_corpus, CorpusSpec};
use common::{chancery, run};
use rusqlite::Connection;

/// Articles in the generated corpus: enough for an ingest of several seconds in a test build.
const ARTICLES: usize = 30_000;
/// Articles per generated file; each file is one document.
const PER_FILE: usize = 4;
/// Documents per transaction, as passed to `--batch`.
const BATCH_DOCS: usize = 500;
/// Articles in one committed batch.
const BATCH_ARTICLES: usize = BATCH_DOCS * PER_FILE;

/// Articles committed so far, read through a second connection while the writer runs.
fn committed_articles(data: &Path) -> u64 {
    if !data.join(DB_FILE).exists() {
        return 0;
    }
    let store = Store::open(data).expect("the store opens while the writer runs");
    store.counts().expect("counts are readable").articles
}

/// A stored article: its id, its title and the path of every provenance row.
#[derive(Debug, Clone, PartialEq, Eq, PartialOrd, Ord)]
struct Stored {
    id: String,
    title: Option<String>,
    paths: Vec<String>,
}

/// Every stored article, with the consistency checks that hold at any moment: the database is
/// sound, every provenance row belongs to an article and every article has provenance.
fn read_store(data: &Path) -> Vec<Stored> {
    let store = Store::open(data).expect("the store opens");
    assert_eq!(store.integrity_check().expect("integrity check runs"), "ok");
    drop(store);
    let conn = Connection::open(data.join(DB_FILE)).expect("the database opens");
    let count = |sql: &str| -> i64 {
        conn.query_row(sql, [], |row| row.get(0))
            .expect("count query runs")
    };
    assert_eq!(
        count(
            "SELECT COUNT(*) FROM provenance WHERE article_seq NOT IN (SELECT seq FROM articles)"
        ),
        0,
        "orphan provenance rows"
    );
    assert_eq!(
        count(
            "SELECT COUNT(*) FROM articles WHERE seq NOT IN (SELECT article_seq FROM provenance)"
        ),
        0,
        "articles without provenance"
    );
    assert_eq!(count("SELECT COUNT(*) FROM pragma_foreign_key_check"), 0);
    let mut stmt = conn
        .prepare(
            "SELECT a.id, a.title, p.path FROM articles a JOIN provenance p ON p.article_seq = a.seq
             ORDER BY a.seq, p.id",
        )
        .expect("query prepares");
    let rows = stmt
        .query_map([], |row| {
            Ok((
                row.get::<_, String>(0)?,
                row.get::<_, Option<String>>(1)?,
                row.get::<_, String>(2)?,
            ))
        })
        .expect("query runs")
        .collect::<rusqlite::Result<Vec<_>>>()
        .expect("rows read");
    let mut stored: Vec<Stored> = Vec::new();
    for (id, title, path) in rows {
        match stored.last_mut() {
            Some(last) if last.id == id => last.paths.push(path),
            _ => stored.push(Stored {
                id,
                title,
                paths: vec![path],
            }),
        }
    }
    stored
}

#[test]
fn killed_ingest_leaves_a_sound_store_and_a_rerun_completes_it() {
    let dir = tempfile::tempdir().expect("temporary directory");
    let corpus_dir = dir.path().join("corpus");
    let data = dir.path().join("data");
    let spec = CorpusSpec {
        articles: ARTICLES,
        articles_per_file: PER_FILE,
        sources: 20,
        seed: 20_240_228,
    };
    let corpus = write_corpus(&corpus_dir, &spec).expect("corpus is written");
    assert_eq!(corpus.titles.len(), ARTICLES);

    // Which file each title was generated in, and the order `ingest` reads the files in (a
    // directory is walked in sorted order), hence which titles each batch holds.
    let mut file_of: HashMap<&str, &PathBuf> = HashMap::new();
    for (index, title) in corpus.titles.iter().enumerate() {
        file_of.insert(title.as_str(), &corpus.files[index / PER_FILE]);
    }
    assert_eq!(file_of.len(), ARTICLES, "generated titles are distinct");
    let mut walk_order: Vec<usize> = (0..corpus.files.len()).collect();
    walk_order.sort_by(|&a, &b| corpus.files[a].cmp(&corpus.files[b]));
    let titles_of_first_files = |files: usize| -> BTreeSet<&str> {
        walk_order[..files.min(walk_order.len())]
            .iter()
            .flat_map(|&file| corpus.titles[file * PER_FILE..(file + 1) * PER_FILE].iter())
            .map(String::as_str)
            .collect()
    };

    // First run: killed once a few batches are committed, while later ones are being made.
    let started = Instant::now();
    let stderr = File::create(dir.path().join("killed.stderr")).expect("stderr file");
    let mut child = chancery(&data)
        .args(["ingest", "--quiet", "--batch", &BATCH_DOCS.to_string()])
        .arg(&corpus_dir)
        .stdout(Stdio::null())
        .stderr(stderr)
        .spawn()
        .expect("chancery ingest starts");
    while committed_articles(&data) < 2 * BATCH_ARTICLES as u64 {
        let exited = child.try_wait().expect("child status");
        assert!(
            exited.is_none(),
            "ingest ended ({exited:?}) before it could be killed; make the corpus larger"
        );
        assert!(
            started.elapsed() < Duration::from_secs(300),
            "ingest committed nothing in time"
        );
        sleep(Duration::from_millis(20));
    }
    // Into the middle of the next batch.
    sleep(Duration::from_millis(300));
    assert!(
        child.try_wait().expect("child status").is_none(),
        "ingest ended before it could be killed; make the corpus larger"
    );
    child.kill().expect("SIGKILL is sent");
    let status = child.wait().expect("child is reaped");
    assert_eq!(status.signal(), Some(9), "killed by SIGKILL: {status:?}");
    let killed_after = started.elapsed();
    let killed_stderr =
        std::fs::read_to_string(dir.path().join("killed.stderr")).expect("stderr is readable");
    assert!(!killed_stderr.contains("panicked"), "{killed_stderr}");

    // The store is sound and holds exactly the batches committed before the kill.
    let before = read_store(&data);
    let before_titles: BTreeSet<&str> = before
        .iter()
        .map(|s| s.title.as_deref().expect("generated articles have titles"))
        .collect();
    assert_eq!(before_titles.len(), before.len(), "a title stored twice");
    assert_eq!(
        before.len() % BATCH_ARTICLES,
        0,
        "a partial batch is stored: {} articles",
        before.len()
    );
    let batches = before.len() / BATCH_ARTICLES;
    assert!(batches >= 2, "{batches} batches");
    assert!(
        before.len() < ARTICLES,
        "the kill landed after the last batch"
    );
    assert_eq!(
        before_titles,
        titles_of_first_files(batches * BATCH_DOCS),
        "the store holds other articles than those of the first {batches} batches"
    );

    // Second run: completes the ingest, storing only what is missing.
    let rerun_started = Instant::now();
    let rerun = run(
        &data,
        &[
            "ingest",
            "--quiet",
            "--batch",
            &BATCH_DOCS.to_string(),
            corpus_dir.to_str().expect("UTF-8 path"),
        ],
    );
    rerun.expect_code(0);
    let rerun_took = rerun_started.elapsed();
    assert_eq!(
        rerun.ingest_summary(),
        (ARTICLES - before.len(), before.len()),
        "{}",
        rerun.stdout
    );
    assert!(rerun.stdout.contains("problems: none"), "{}", rerun.stdout);

    let after = read_store(&data);
    assert_eq!(after.len(), ARTICLES);
    let mut stored_titles: Vec<&str> = after
        .iter()
        .map(|s| s.title.as_deref().expect("generated articles have titles"))
        .collect();
    stored_titles.sort_unstable();
    let mut generated: Vec<&str> = corpus.titles.iter().map(String::as_str).collect();
    generated.sort_unstable();
    assert_eq!(
        stored_titles, generated,
        "every generated title, exactly once"
    );
    for stored in &after {
        let title = stored.title.as_deref().unwrap_or_default();
        let file = file_of[title].display().to_string();
        assert_eq!(
            stored.paths,
            [file],
            "provenance of {title:?}: one row, the file it was generated in"
        );
    }
    // Nothing stored before the kill was lost or changed identity, and it kept its place.
    assert_eq!(&after[..before.len()], &before[..]);

    // Third run: nothing new.
    let third = run(
        &data,
        &[
            "ingest",
            "--quiet",
            corpus_dir.to_str().expect("UTF-8 path"),
        ],
    );
    third.expect_code(0);
    assert_eq!(third.ingest_summary(), (0, ARTICLES), "{}", third.stdout);
    assert_eq!(read_store(&data), after);

    #[allow(clippy::print_stderr)]
    {
        eprintln!(
            "killed after {killed_after:?} with {} of {ARTICLES} articles stored ({batches} batches); \
             the re-run took {rerun_took:?}",
            before.len()
        );
    }
}
