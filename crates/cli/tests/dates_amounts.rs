//! Time expressions and amounts stored with each article at ingest, with no NER model: dates
//! resolved against the article's own date and never invented without one, amounts with their
//! values and units, in `export`, `show --json` and `show`.

mod common;

use common::{copy_examples, export, path_str, run, text};
use serde_json::Value;

fn list<'a>(article: &'a Value, name: &str) -> &'a [Value] {
    article[name]
        .as_array()
        .unwrap_or_else(|| panic!("no {name} list in {article}"))
}

fn by_title<'a>(articles: &'a [Value], start: &str) -> &'a Value {
    articles
        .iter()
        .find(|a| text(a, "title").is_some_and(|t| t.starts_with(start)))
        .unwrap_or_else(|| panic!("no article titled {start:?}"))
}

#[test]
fn ingest_stores_dates_and_amounts_shown_and_exported() {
    let dir = tempfile::tempdir().expect("temporary directory");
    let inputs = dir.path().join("inputs");
    copy_examples(&inputs);
    let data = dir.path().join("data");
    // No model: the tests run in crates/cli, where the default model path does not exist.
    run(&data, &["ingest", "--quiet", path_str(&inputs)]).expect_code(0);
    let articles = export(&data);
    assert_eq!(articles.len(), 3);

    // Dated 2023-02-28: "Tuesday" is that day, "Feb. 24" and "November" are resolved.
    let talks = by_title(&articles, "Blinken Holds Talks");
    assert_eq!(text(talks, "published"), Some("2023-02-28"));
    let dates = list(talks, "dates");
    let has_date = |t: &str, v: &str| {
        dates
            .iter()
            .any(|d| text(d, "text") == Some(t) && text(d, "value") == Some(v))
    };
    for (t, v) in [
        ("Tuesday", "2023-02-28"),
        ("February 28, 2023", "2023-02-28"),
        ("Feb. 24", "2023-02-24"),
        ("November", "2022-11"),
    ] {
        assert!(has_date(t, v), "no {t:?} = {v} in {dates:?}");
    }
    let tuesday = dates
        .iter()
        .find(|d| text(d, "text") == Some("Tuesday"))
        .expect("Tuesday");
    assert_eq!(text(tuesday, "type"), Some("DATE"));
    assert_eq!(text(tuesday, "block"), Some("paragraph"));
    let (start, end) = (tuesday["start"].as_u64(), tuesday["end"].as_u64());
    assert_eq!(end.zip(start).map(|(e, s)| e - s), Some(7), "{tuesday}");

    // "$1.25 billion" in the undated Blinken article.
    let trip = by_title(&articles, "In Central Asia, Blinken");
    let billion = list(trip, "amounts")
        .iter()
        .find(|a| text(a, "text") == Some("$1.25 billion"))
        .unwrap_or_else(|| panic!("no $1.25 billion in {trip}"));
    assert_eq!(text(billion, "type"), Some("money"));
    assert_eq!(text(billion, "unit"), Some("USD"));
    assert_eq!(billion["value"].as_f64(), Some(1_250_000_000.0));

    // "60%" in the Tehran article.
    let tehran = by_title(&articles, "Tehran Ready");
    assert!(
        list(tehran, "amounts")
            .iter()
            .any(|a| text(a, "text") == Some("60%")
                && text(a, "unit") == Some("percent")
                && a["value"].as_f64() == Some(60.0)),
        "{tehran}"
    );

    // Undated articles: no value names a year the text does not state.
    for article in [trip, tehran] {
        assert_eq!(article["published"], Value::Null);
        let dates = list(article, "dates");
        assert!(!dates.is_empty(), "{article}");
        for date in dates {
            let Some(value) = text(date, "value") else {
                continue;
            };
            let year = value
                .get(..4)
                .filter(|y| y.bytes().all(|b| b.is_ascii_digit()));
            if let Some(year) = year {
                let written = text(date, "text").unwrap_or_default();
                assert!(written.contains(year), "invented {value} for {date}");
            }
        }
    }
    let tehran_tuesday = list(tehran, "dates")
        .iter()
        .find(|d| text(d, "text") == Some("Tuesday"))
        .expect("Tuesday in the Tehran article");
    assert_ne!(text(tehran_tuesday, "value"), Some("2023-02-28"));

    // `show --json` carries the same lists; `show` lists them.
    let id = text(talks, "id").expect("id");
    let shown = run(&data, &["show", id, "--json"]);
    shown.expect_code(0);
    let shown: Value = serde_json::from_str(&shown.stdout).expect("show --json is JSON");
    assert_eq!(shown["dates"], talks["dates"]);
    assert_eq!(shown["amounts"], talks["amounts"]);
    let shown = run(&data, &["show", id]);
    shown.expect_code(0);
    assert!(shown.stdout.contains("dates:"), "{}", shown.stdout);
    assert!(
        shown.stdout.contains("Tuesday = 2023-02-28"),
        "{}",
        shown.stdout
    );
    let id = text(trip, "id").expect("id");
    let shown = run(&data, &["show", id]);
    shown.expect_code(0);
    assert!(shown.stdout.contains("amounts:"), "{}", shown.stdout);
    assert!(
        shown.stdout.contains("$1.25 billion = 1250000000 USD"),
        "{}",
        shown.stdout
    );
}
