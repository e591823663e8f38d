//! Behaviour of the store through its public API.

mod common;

use chancery_model::Provenance;
use chancery_store::{ArticleFilter, BatchOutcome, Store, StoreCounts, StoreError, DB_FILE};
use common::{batch, date, full_article, small, with_id};

fn open_temp() -> (tempfile::TempDir, Store) {
    let dir = tempfile::tempdir().expect("a temporary directory");
    let store = Store::open(dir.path()).expect("a fresh store opens");
    (dir, store)
}

#[test]
fn full_article_round_trips() {
    let (_dir, mut store) = open_temp();
    let article = full_article();
    let outcome = store.insert_batch(std::slice::from_ref(&article)).unwrap();
    assert_eq!(
        outcome,
        BatchOutcome {
            new: 1,
            duplicates: 0,
            new_provenance: 2
        }
    );
    let read = store.article(article.id.as_str()).unwrap().unwrap();
    assert_eq!(read, article);
    assert_eq!(store.integrity_check().unwrap(), "ok");
}

#[test]
fn article_survives_reopening() {
    let dir = tempfile::tempdir().unwrap();
    let article = full_article();
    Store::open(dir.path())
        .unwrap()
        .insert_batch(std::slice::from_ref(&article))
        .unwrap();
    let store = Store::open(dir.path()).unwrap();
    assert_eq!(store.article(article.id.as_str()).unwrap(), Some(article));
    assert!(dir.path().join(DB_FILE).is_file());
}

#[test]
fn empty_article_fields_round_trip() {
    let (_dir, mut store) = open_temp();
    let mut article = small(1, "site", "a.txt");
    article.title = None;
    article.provenance.clear();
    store.insert_batch(std::slice::from_ref(&article)).unwrap();
    assert_eq!(store.article(article.id.as_str()).unwrap(), Some(article));
    let listed = store.list(&ArticleFilter::default()).unwrap();
    assert_eq!(listed[0].first_path, None);
    assert_eq!(listed[0].title, None);
}

#[test]
fn same_batch_twice_adds_nothing() {
    let (_dir, mut store) = open_temp();
    let articles = batch(0, 50);
    let first = store.insert_batch(&articles).unwrap();
    assert_eq!(
        (first.new, first.duplicates, first.new_provenance),
        (50, 0, 50)
    );
    let counts = store.counts().unwrap();
    let second = store.insert_batch(&articles).unwrap();
    assert_eq!(
        second,
        BatchOutcome {
            new: 0,
            duplicates: 50,
            new_provenance: 0
        }
    );
    assert_eq!(store.counts().unwrap(), counts);
    assert_eq!(
        counts,
        StoreCounts {
            articles: 50,
            provenance: 50,
            sources: 7
        }
    );
}

#[test]
fn same_article_from_two_inputs_keeps_both_provenances() {
    let (_dir, mut store) = open_temp();
    let from_a = small(1, "site", "a/dump.txt");
    let mut from_b = small(1, "site", "b/page.html");
    from_b.provenance[0].offset = 0;
    from_b.provenance[0].url = Some("https://site/1".into());
    // A later copy from elsewhere does not replace what was stored first.
    from_b.source = "other-site".into();
    store.insert_batch(std::slice::from_ref(&from_a)).unwrap();
    let outcome = store.insert_batch(std::slice::from_ref(&from_b)).unwrap();
    assert_eq!(
        outcome,
        BatchOutcome {
            new: 0,
            duplicates: 1,
            new_provenance: 1
        }
    );
    let stored = store.article(from_a.id.as_str()).unwrap().unwrap();
    assert_eq!(stored.source, "site");
    let provenance: Vec<Provenance> = from_a
        .provenance
        .iter()
        .chain(&from_b.provenance)
        .cloned()
        .collect();
    assert_eq!(stored.provenance, provenance);
    let counts = store.counts().unwrap();
    assert_eq!((counts.articles, counts.provenance), (1, 2));
}

#[test]
fn repeats_within_one_batch_are_duplicates() {
    let (_dir, mut store) = open_temp();
    let a = small(1, "site", "x.txt");
    let mut again = a.clone();
    again.provenance[0].offset = 999;
    let outcome = store.insert_batch(&[a.clone(), a.clone(), again]).unwrap();
    assert_eq!(
        outcome,
        BatchOutcome {
            new: 1,
            duplicates: 2,
            new_provenance: 2
        }
    );
    assert_eq!(
        store
            .article(a.id.as_str())
            .unwrap()
            .unwrap()
            .provenance
            .len(),
        2
    );
}

#[test]
fn ids_resolve_by_unique_prefix() {
    let (_dir, mut store) = open_temp();
    store
        .insert_batch(&[
            with_id("abcd000000000001", 1),
            with_id("abcd000000000002", 2),
            with_id("abce000000000003", 3),
        ])
        .unwrap();
    let found = |id: &str| store.article(id).map(|a| a.map(|a| a.id.0));
    assert_eq!(
        found("abcd000000000002").unwrap().as_deref(),
        Some("abcd000000000002")
    );
    assert_eq!(found("abce").unwrap().as_deref(), Some("abce000000000003"));
    assert_eq!(
        found("ABCE0000").unwrap().as_deref(),
        Some("abce000000000003")
    );
    assert_eq!(found("abcd0000000000019").unwrap(), None);
    assert_eq!(found("abcf").unwrap(), None);
    // Too short, or not hex: only an exact id matches.
    assert_eq!(found("abc").unwrap(), None);
    assert_eq!(found("abcx").unwrap(), None);
    match found("abcd") {
        Err(StoreError::AmbiguousId { prefix, matches }) => {
            assert_eq!(prefix, "abcd");
            assert_eq!(matches, ["abcd000000000001", "abcd000000000002"]);
        }
        other => panic!("expected an ambiguous id, got {other:?}"),
    }
    let message = store.article("abcd").unwrap_err().to_string();
    assert!(
        message.contains("ambiguous") && message.contains("abcd000000000001"),
        "{message}"
    );
}

/// Five articles: two sources, three dates (one undated), two languages.
fn filter_fixture(store: &mut Store) -> Vec<String> {
    let specs = [
        ("alpha", Some(date(2023, 3, 1)), Some("eng")),
        ("beta", None, Some("deu")),
        ("alpha", Some(date(2023, 2, 28)), Some("deu")),
        ("beta", Some(date(2023, 3, 2)), Some("eng")),
        ("alpha", Some(date(2023, 3, 1)), None),
    ];
    let articles: Vec<_> = specs
        .iter()
        .enumerate()
        .map(|(n, (source, published, language))| {
            let mut article = small(n, source, &format!("{source}/in.txt"));
            article.published = *published;
            article.language = language.map(String::from);
            article
        })
        .collect();
    store
        .insert_batch(&articles)
        .expect("the fixture is stored");
    articles.iter().map(|a| a.id.0.clone()).collect()
}

#[test]
fn list_orders_by_date_then_first_seen_and_filters() {
    let (_dir, mut store) = open_temp();
    let ids = filter_fixture(&mut store);
    let listed = |filter: ArticleFilter| -> Vec<String> {
        store
            .list(&filter)
            .unwrap()
            .into_iter()
            .map(|s| s.id.0)
            .collect()
    };
    let order =
        |indexes: &[usize]| -> Vec<String> { indexes.iter().map(|&i| ids[i].clone()).collect() };

    assert_eq!(listed(ArticleFilter::default()), order(&[2, 0, 4, 3, 1]));
    let alpha = ArticleFilter {
        source: Some("alpha".into()),
        ..ArticleFilter::default()
    };
    assert_eq!(listed(alpha.clone()), order(&[2, 0, 4]));
    // Both ends inclusive; undated articles never match a date range.
    let march_first = ArticleFilter {
        since: Some(date(2023, 3, 1)),
        until: Some(date(2023, 3, 1)),
        ..ArticleFilter::default()
    };
    assert_eq!(listed(march_first), order(&[0, 4]));
    let since = ArticleFilter {
        since: Some(date(2023, 3, 1)),
        ..ArticleFilter::default()
    };
    assert_eq!(listed(since), order(&[0, 4, 3]));
    let until = ArticleFilter {
        until: Some(date(2023, 2, 28)),
        ..ArticleFilter::default()
    };
    assert_eq!(listed(until), order(&[2]));
    let german = ArticleFilter {
        language: Some("deu".into()),
        ..ArticleFilter::default()
    };
    assert_eq!(listed(german), order(&[2, 1]));
    let page = ArticleFilter {
        limit: Some(2),
        offset: 1,
        ..ArticleFilter::default()
    };
    assert_eq!(listed(page), order(&[0, 4]));
    let past_end = ArticleFilter {
        offset: 10,
        ..ArticleFilter::default()
    };
    assert!(listed(past_end).is_empty());
    let combined = ArticleFilter {
        language: Some("eng".into()),
        limit: Some(1),
        ..alpha
    };
    assert_eq!(listed(combined), order(&[0]));
}

#[test]
fn summaries_carry_listing_fields() {
    let (_dir, mut store) = open_temp();
    let article = full_article();
    store.insert_batch(std::slice::from_ref(&article)).unwrap();
    let summary = store.list(&ArticleFilter::default()).unwrap().remove(0);
    assert_eq!(summary.id, article.id);
    assert_eq!(summary.title.as_deref(), article.title_text());
    assert_eq!(summary.source, "reuters.com");
    assert_eq!(summary.published, Some(date(2023, 2, 28)));
    assert_eq!(summary.language.as_deref(), Some("eng"));
    assert_eq!(summary.words, article.word_count());
    assert_eq!(summary.paragraphs, 2);
    assert_eq!(
        summary.first_path.as_deref(),
        Some("crawl/CC-NEWS-20230228.warc.gz")
    );
}

#[test]
fn for_each_article_streams_in_list_order() {
    let (_dir, mut store) = open_temp();
    let ids = filter_fixture(&mut store);
    let mut seen = Vec::new();
    let filter = ArticleFilter {
        source: Some("alpha".into()),
        ..ArticleFilter::default()
    };
    store
        .for_each_article(&filter, &mut |article| {
            assert_eq!(article.provenance.len(), 1);
            seen.push(article.id.0);
            Ok(())
        })
        .unwrap();
    assert_eq!(seen, [ids[2].clone(), ids[0].clone(), ids[4].clone()]);

    // An error from the closure stops the walk and comes back unchanged.
    let mut calls = 0;
    let err = store
        .for_each_article(&ArticleFilter::default(), &mut |_| {
            calls += 1;
            Err(StoreError::caller(std::io::Error::other("disk full")))
        })
        .unwrap_err();
    assert_eq!(calls, 1);
    assert_eq!(err.to_string(), "disk full");
}

#[test]
fn line_statistics_accumulate() {
    let (_dir, mut store) = open_temp();
    let furniture = u64::MAX - 1; // above i64::MAX: stored bit for bit
    assert_eq!(store.source_doc_count("site").unwrap(), 0);
    assert_eq!(store.line_counts("site", &[1, furniture]).unwrap(), [0, 0]);

    store
        .add_line_observations("site", &[vec![1, furniture], vec![2, furniture, furniture]])
        .unwrap();
    store
        .add_line_observations("site", &[vec![furniture, 3]])
        .unwrap();
    store.add_line_observations("other", &[vec![1]]).unwrap();
    store.add_line_observations("site", &[]).unwrap();

    assert_eq!(store.source_doc_count("site").unwrap(), 3);
    assert_eq!(store.source_doc_count("other").unwrap(), 1);
    assert_eq!(
        store.line_counts("site", &[furniture, 1, 2, 3, 4]).unwrap(),
        [3, 1, 1, 1, 0]
    );
    assert_eq!(store.line_counts("other", &[1, furniture]).unwrap(), [1, 0]);
    assert_eq!(store.line_counts("nowhere", &[1]).unwrap(), [0]);
}

#[test]
fn keyed_line_observations_count_each_document_once() {
    let (_dir, mut store) = open_temp();
    let docs = vec![(10, vec![1, 2]), (11, vec![2]), (10, vec![1, 2])];
    assert_eq!(store.add_line_observations_once("site", &docs).unwrap(), 2);
    assert_eq!(store.add_line_observations_once("site", &docs).unwrap(), 0);
    assert_eq!(
        store
            .add_line_observations_once("site", &[(12, vec![2, 3])])
            .unwrap(),
        1
    );
    assert_eq!(store.source_doc_count("site").unwrap(), 3);
    assert_eq!(store.line_counts("site", &[1, 2, 3]).unwrap(), [1, 3, 1]);
}

#[test]
fn reopening_is_a_no_op() {
    let dir = tempfile::tempdir().unwrap();
    let mut store = Store::open(dir.path()).unwrap();
    store.insert_batch(&batch(0, 10)).unwrap();
    let counts = store.counts().unwrap();
    drop(store);
    let schema = |dir: &std::path::Path| {
        let conn = rusqlite::Connection::open(dir.join(DB_FILE)).unwrap();
        let version: i64 = conn
            .pragma_query_value(None, "user_version", |row| row.get(0))
            .unwrap();
        let mut stmt = conn
            .prepare("SELECT type, name, sql FROM sqlite_master ORDER BY name")
            .unwrap();
        let objects: Vec<(String, String, Option<String>)> = stmt
            .query_map([], |row| Ok((row.get(0)?, row.get(1)?, row.get(2)?)))
            .unwrap()
            .collect::<rusqlite::Result<_>>()
            .unwrap();
        (version, objects)
    };
    let before = schema(dir.path());
    assert_eq!(before.0, chancery_store::SCHEMA_VERSION);
    let store = Store::open(dir.path()).unwrap();
    assert_eq!(store.counts().unwrap(), counts);
    drop(store);
    assert_eq!(schema(dir.path()), before);
}

#[test]
fn newer_schema_is_refused_clearly() {
    let dir = tempfile::tempdir().unwrap();
    drop(Store::open(dir.path()).unwrap());
    let db = dir.path().join(DB_FILE);
    rusqlite::Connection::open(&db)
        .unwrap()
        .pragma_update(None, "user_version", chancery_store::SCHEMA_VERSION + 5)
        .unwrap();
    let err = Store::open(dir.path()).unwrap_err();
    assert!(matches!(err, StoreError::TooNew { .. }), "{err:?}");
    let message = err.to_string();
    assert!(message.contains(&db.display().to_string()), "{message}");
    assert!(message.contains("newer"), "{message}");
}

#[test]
fn data_dir_that_is_a_file_is_refused_clearly() {
    let dir = tempfile::tempdir().unwrap();
    let file = dir.path().join("not-a-dir");
    std::fs::write(&file, "x").unwrap();
    let err = Store::open(&file).unwrap_err();
    assert!(
        err.to_string().contains(&file.display().to_string()),
        "{err}"
    );

    // A file further up the path: creating the directory fails.
    let below = file.join("data");
    let err = Store::open(&below).unwrap_err();
    assert!(matches!(err, StoreError::CreateDir { .. }), "{err:?}");
    assert!(
        err.to_string().contains(&below.display().to_string()),
        "{err}"
    );
}

#[test]
fn a_file_that_is_not_a_database_is_refused_clearly() {
    let dir = tempfile::tempdir().unwrap();
    std::fs::write(dir.path().join(DB_FILE), vec![b'x'; 4096]).unwrap();
    let err = Store::open(dir.path()).unwrap_err();
    assert!(matches!(err, StoreError::Open { .. }), "{err:?}");
    assert!(err.to_string().contains(DB_FILE), "{err}");
}

#[test]
fn entities_round_trip_and_are_null_when_empty() {
    let (dir, mut store) = open_temp();
    let rich = full_article();
    assert!(!rich.entities.is_empty());
    let plain = small(7, "site", "b.txt");
    store.insert_batch(&[rich.clone(), plain.clone()]).unwrap();
    let read = store.article(rich.id.as_str()).unwrap().unwrap();
    assert_eq!(read.entities, rich.entities);
    assert_eq!(
        store.article(plain.id.as_str()).unwrap(),
        Some(plain.clone())
    );
    drop(store);
    let conn = rusqlite::Connection::open(dir.path().join(DB_FILE)).unwrap();
    let stored: Option<String> = conn
        .query_row(
            "SELECT entities FROM articles WHERE id = ?1",
            [plain.id.as_str()],
            |row| row.get(0),
        )
        .unwrap();
    assert_eq!(stored, None);
}

#[test]
fn dates_and_amounts_round_trip_and_are_null_when_empty() {
    let (dir, mut store) = open_temp();
    let rich = full_article();
    assert!(!rich.dates.is_empty() && !rich.amounts.is_empty());
    let plain = small(8, "site", "d.txt");
    store.insert_batch(&[rich.clone(), plain.clone()]).unwrap();
    let read = store.article(rich.id.as_str()).unwrap().unwrap();
    assert_eq!(read.dates, rich.dates);
    assert_eq!(read.amounts, rich.amounts);
    assert_eq!(read, rich);
    assert_eq!(
        store.article(plain.id.as_str()).unwrap(),
        Some(plain.clone())
    );
    drop(store);
    let conn = rusqlite::Connection::open(dir.path().join(DB_FILE)).unwrap();
    let stored: (Option<String>, Option<String>) = conn
        .query_row(
            "SELECT dates, amounts FROM articles WHERE id = ?1",
            [plain.id.as_str()],
            |row| Ok((row.get(0)?, row.get(1)?)),
        )
        .unwrap();
    assert_eq!(stored, (None, None));
}

#[test]
fn quotes_and_events_round_trip_and_are_null_when_empty() {
    let (dir, mut store) = open_temp();
    let rich = full_article();
    assert!(!rich.quotes.is_empty() && !rich.events.is_empty());
    let plain = small(9, "site", "f.txt");
    store.insert_batch(&[rich.clone(), plain.clone()]).unwrap();
    let read = store.article(rich.id.as_str()).unwrap().unwrap();
    assert_eq!(read.quotes, rich.quotes);
    assert_eq!(read.events, rich.events);
    drop(store);
    let conn = rusqlite::Connection::open(dir.path().join(DB_FILE)).unwrap();
    let stored: (Option<String>, Option<String>) = conn
        .query_row(
            "SELECT quotes, events FROM articles WHERE id = ?1",
            [plain.id.as_str()],
            |row| Ok((row.get(0)?, row.get(1)?)),
        )
        .unwrap();
    assert_eq!(stored, (None, None));
}

/// Stores an article, strips the store back to schema `version` by dropping the columns later
/// steps added, reopens it and checks the article reads back unchanged.
fn upgrades_from(version: i64, later_columns: &[&str], n: usize) {
    let dir = tempfile::tempdir().expect("temporary directory");
    let article = small(n, "site", &format!("v{version}.txt"));
    Store::open(dir.path())
        .expect("new store")
        .insert_batch(std::slice::from_ref(&article))
        .expect("article stored");
    {
        let conn = rusqlite::Connection::open(dir.path().join(DB_FILE)).expect("database");
        for column in later_columns {
            conn.execute_batch(&format!("ALTER TABLE articles DROP COLUMN {column};"))
                .expect("column dropped");
        }
        if version < 6 {
            // The corpus view came with step 6.
            conn.execute_batch(
                "DROP TABLE placements; DROP TABLE stories; DROP TABLE article_entities;
                 ALTER TABLE articles DROP COLUMN inferred_published;",
            )
            .expect("corpus view dropped");
        }
        if version < 5 {
            // The relations table came with step 5.
            conn.execute_batch("DROP TABLE dyad_events;")
                .expect("table dropped");
        }
        conn.pragma_update(None, "user_version", version)
            .expect("version set");
    }
    let store = Store::open(dir.path()).expect("upgraded store");
    assert_eq!(
        store.article(article.id.as_str()).expect("article read"),
        Some(article)
    );
}

#[test]
fn store_of_version_two_gains_entities_column() {
    upgrades_from(2, &["entities", "dates", "amounts", "quotes", "events"], 3);
}

#[test]
fn store_of_version_three_gains_dates_and_amounts_columns() {
    upgrades_from(3, &["dates", "amounts", "quotes", "events"], 4);
}

#[test]
fn store_of_version_four_gains_quotes_and_events_columns() {
    upgrades_from(4, &["quotes", "events"], 5);
}

#[test]
fn relations_count_events_by_pair_and_period() {
    use chancery_store::{Period, RelationQuery};
    let (_dir, mut store) = open_temp();
    store.insert_batch(&[full_article()]).unwrap();
    let query = |first: &str, second: Option<&str>, period, all_modalities| RelationQuery {
        first: Some(first.to_string()),
        second: second.map(str::to_string),
        period,
        all_modalities,
    };

    // Blinken (USA) met Tokayev (KAZ) on 2023-02-28: one consultation, asked either way round.
    for (a, b) in [("USA", "KAZ"), ("KAZ", "USA")] {
        let relations = store
            .relations(&query(a, Some(b), Period::Day, false))
            .unwrap();
        assert_eq!(relations.len(), 1, "{relations:?}");
        let r = &relations[0];
        assert_eq!(
            (r.period.as_str(), r.source.as_str(), r.target.as_str()),
            ("2023-02-28", "USA", "KAZ")
        );
        assert_eq!(r.counts.get("CONSULT"), Some(&1));
        assert_eq!((r.events, r.score), (1, 1.0));
    }
    let monthly = store
        .relations(&query("USA", None, Period::Month, false))
        .unwrap();
    assert_eq!(monthly[0].period, "2023-02");
    let weekly = store
        .relations(&query("USA", None, Period::Week, false))
        .unwrap();
    assert_eq!(weekly[0].period, "2023-W09");

    // By actor name, in any case.
    let actors = store
        .relations(&query("antony blinken", None, Period::Month, false))
        .unwrap();
    assert_eq!(actors.len(), 1, "{actors:?}");
    assert_eq!(actors[0].target, "Kassym-Jomart Tokayev");

    // Announced aid from a group counts once per member country, and only when asked for.
    assert!(store
        .relations(&query("UKR", None, Period::Month, false))
        .unwrap()
        .is_empty());
    let planned = store
        .relations(&query("UKR", None, Period::Month, true))
        .unwrap();
    let sources: Vec<&str> = planned.iter().map(|r| r.source.as_str()).collect();
    assert_eq!(sources, ["FRA", "GBR"]);
    assert!(planned
        .iter()
        .all(|r| r.period == "2023-02" && r.score == 7.0));
}

#[test]
fn store_of_version_five_gains_the_corpus_view() {
    upgrades_from(5, &[], 6);
}

#[test]
fn entities_stored_before_the_corpus_view_are_read_across_articles() {
    let dir = tempfile::tempdir().expect("temporary directory");
    let article = full_article();
    Store::open(dir.path())
        .expect("new store")
        .insert_batch(std::slice::from_ref(&article))
        .expect("article stored");
    {
        let conn = rusqlite::Connection::open(dir.path().join(DB_FILE)).expect("database");
        conn.execute_batch(
            "DROP TABLE placements; DROP TABLE stories; DROP TABLE article_entities;
             ALTER TABLE articles DROP COLUMN inferred_published;
             PRAGMA user_version = 5;",
        )
        .expect("back to version 5");
    }
    let store = Store::open(dir.path()).expect("upgraded store");
    let entities = store.corpus_entities(None, 100).expect("entities");
    assert_eq!(entities.len(), article.entities.len(), "{entities:?}");
    let first = &article.entities[0];
    let profile = store
        .entity_profile(&first.name)
        .expect("profile")
        .expect("the entity is found");
    assert_eq!(profile.entity.articles, 1);
    assert_eq!(profile.entity.mentions, first.mentions.len() as u64);
}

#[test]
fn articles_after_walks_the_store_in_storage_order_and_skips_duplicates() {
    let (_dir, mut store) = open_temp();
    assert_eq!(store.last_seq().unwrap(), 0);
    store.insert_batch(&batch(0, 5)).unwrap();
    let first = store.articles_after(0, 3).unwrap();
    let titles: Vec<_> = first
        .iter()
        .map(|(_, a)| a.title_text().unwrap().to_string())
        .collect();
    assert_eq!(
        titles,
        ["Story number 0", "Story number 1", "Story number 2"]
    );
    let last_seen = first.last().unwrap().0;
    let rest = store.articles_after(last_seen, 100).unwrap();
    assert_eq!(rest.len(), 2);
    assert_eq!(rest[1].0, store.last_seq().unwrap());
    // A duplicate adds provenance only: nothing new follows the last article.
    store.insert_batch(&batch(0, 1)).unwrap();
    assert!(store
        .articles_after(store.last_seq().unwrap(), 100)
        .unwrap()
        .is_empty());
}
