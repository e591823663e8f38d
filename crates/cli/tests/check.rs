//! `chancery check`: a sound data directory passes, an index behind the store is reported but
//! passes, and an index holding an article twice or a store with dangling provenance fails.

mod common;

use chancery_search::ArticleIndex;
use chancery_store::Store;
use common::{ingested_seeds, run};

#[test]
fn a_freshly_ingested_directory_is_sound_and_level() {
    let (_dir, data) = ingested_seeds();
    let checked = run(&data, &["check"]);
    checked.expect_code(0);
    assert!(
        checked.stdout.contains("store: 3 articles"),
        "{}",
        checked.stdout
    );
    assert!(
        checked.stdout.contains("index: 3 documents"),
        "{}",
        checked.stdout
    );
    assert!(!checked.stdout.contains("behind"), "{}", checked.stdout);
}

#[test]
fn an_index_behind_the_store_passes_and_says_so() {
    let (_dir, data) = ingested_seeds();
    std::fs::remove_dir_all(data.join("index")).unwrap();
    let checked = run(&data, &["check"]);
    checked.expect_code(0);
    assert!(
        checked.stdout.contains("3 articles behind the store"),
        "{}",
        checked.stdout
    );
    run(&data, &["reindex"]).expect_code(0);
    assert!(!run(&data, &["check"]).stdout.contains("behind"));
}

#[test]
fn an_article_indexed_twice_fails_the_check() {
    let (_dir, data) = ingested_seeds();
    let (seq, article) = Store::open(&data)
        .unwrap()
        .articles_after(0, 1)
        .unwrap()
        .remove(0);
    let index = ArticleIndex::open(&data).unwrap();
    let mut updater = index.updater(1).unwrap();
    updater.add(seq, &article).unwrap();
    updater.commit().unwrap();
    updater.finish().unwrap();
    let checked = run(&data, &["check"]);
    checked.expect_code(1);
    assert!(
        checked
            .stderr
            .contains("holds 4 documents for the 3 articles"),
        "{}",
        checked.stderr
    );
}

#[test]
fn provenance_of_no_article_fails_the_check() {
    let (_dir, data) = ingested_seeds();
    let db = rusqlite::Connection::open(data.join("chancery.db")).unwrap();
    db.execute_batch(
        "PRAGMA foreign_keys = OFF;
         DELETE FROM articles WHERE seq = (SELECT MAX(seq) FROM articles);",
    )
    .unwrap();
    drop(db);
    let checked = run(&data, &["check"]);
    checked.expect_code(1);
    assert!(
        checked.stderr.contains("provenance rows of no article"),
        "{}",
        checked.stderr
    );
}
