//! Entities stored with each article: without a model, ingest warns once and stores none; with
//! the model (`crates/annotate/build-model.sh`), `export` and `show` carry each article's
//! entities with types, roles, affiliations and, for places, coordinates.

mod common;

use common::{copy_examples, export, model_path, path_str, run, text};
use serde_json::Value;

fn entities(article: &Value) -> &[Value] {
    article["entities"]
        .as_array()
        .unwrap_or_else(|| panic!("no entities list in {article}"))
}

#[test]
fn without_a_model_ingest_warns_once_and_stores_no_entities() {
    let dir = tempfile::tempdir().expect("temporary directory");
    let inputs = dir.path().join("inputs");
    copy_examples(&inputs);
    let data = dir.path().join("data");
    // The tests run in crates/cli, where the default model path does not exist.
    let ingest = run(&data, &["ingest", "--quiet", path_str(&inputs)]);
    ingest.expect_code(0);
    let warnings: Vec<&str> = ingest.stderr.lines().collect();
    assert_eq!(
        warnings,
        ["warning: no NER model: entities not annotated; build it with crates/annotate/build-model.sh"],
        "{}",
        ingest.stderr
    );
    let articles = export(&data);
    assert_eq!(articles.len(), 3);
    for article in &articles {
        assert!(entities(article).is_empty(), "{article}");
    }
}

#[test]
fn a_missing_model_file_is_a_clear_error() {
    let dir = tempfile::tempdir().expect("temporary directory");
    let inputs = dir.path().join("inputs");
    copy_examples(&inputs);
    let data = dir.path().join("data");
    let missing = dir.path().join("nothing-here.bin");
    let ingest = run(
        &data,
        &["ingest", "--model", path_str(&missing), path_str(&inputs)],
    );
    ingest.expect_code(1);
    assert!(
        ingest.stderr.contains("cannot read NER model"),
        "{}",
        ingest.stderr
    );
}

#[test]
#[ignore = "needs the NER model: crates/annotate/build-model.sh"]
fn ingest_with_the_model_stores_entities_shown_and_exported() {
    let model = model_path();
    let dir = tempfile::tempdir().expect("temporary directory");
    let inputs = dir.path().join("inputs");
    copy_examples(&inputs);
    let data = dir.path().join("data");
    let ingest = run(
        &data,
        &[
            "ingest",
            "--quiet",
            "--model",
            path_str(&model),
            path_str(&inputs),
        ],
    );
    ingest.expect_code(0);
    assert!(ingest.stderr.trim().is_empty(), "{}", ingest.stderr);

    let articles = export(&data);
    assert_eq!(articles.len(), 3);
    // Blinken, a person who is Secretary of State, in an article about his trip.
    let (article, blinken) = articles
        .iter()
        .find_map(|a| {
            entities(a)
                .iter()
                .find(|e| text(e, "name").is_some_and(|n| n.contains("Blinken")))
                .map(|e| (a, e))
        })
        .expect("an exported article names Blinken");
    assert_eq!(text(blinken, "type"), Some("PERSON"), "{blinken}");
    let roles: Vec<&str> = blinken["roles"]
        .as_array()
        .expect("roles list")
        .iter()
        .filter_map(Value::as_str)
        .collect();
    assert!(roles.contains(&"Secretary of State"), "{blinken}");
    assert_eq!(text(blinken, "affiliation"), Some("United States"));
    assert!(blinken["aliases"].is_array(), "{blinken}");
    let mentions = blinken["mentions"].as_array().expect("mentions list");
    assert!(!mentions.is_empty(), "{blinken}");
    for mention in mentions {
        let (start, end) = (
            mention["start"].as_u64().expect("start"),
            mention["end"].as_u64().expect("end"),
        );
        assert!(start < end, "{mention}");
    }

    // Kazakhstan, a place with coordinates and its GeoNames id.
    let kazakhstan = articles
        .iter()
        .flat_map(|a| entities(a).iter())
        .find(|e| text(e, "name") == Some("Kazakhstan"))
        .expect("an exported article names Kazakhstan");
    assert_eq!(text(kazakhstan, "type"), Some("GPE"), "{kazakhstan}");
    assert_eq!(text(kazakhstan, "country"), Some("KZ"), "{kazakhstan}");
    let lat = kazakhstan["lat"].as_f64().expect("latitude");
    let lon = kazakhstan["lon"].as_f64().expect("longitude");
    assert!(
        (40.0..56.0).contains(&lat) && (46.0..88.0).contains(&lon),
        "{kazakhstan}"
    );
    assert!(kazakhstan["geonames_id"].as_u64().is_some_and(|id| id > 0));

    // `show` lists them; `show --json` has the same entities as the export.
    let id = text(article, "id").expect("id");
    let show = run(&data, &["show", id]);
    show.expect_code(0);
    let listing = show
        .stdout
        .split("\nentities:\n")
        .nth(1)
        .expect("show lists entities");
    assert!(
        listing.lines().any(|l| l.contains("PERSON")
            && l.contains("Blinken")
            && l.contains("Secretary of State")),
        "{}",
        show.stdout
    );
    let shown = run(&data, &["show", "--json", id]);
    shown.expect_code(0);
    let shown: Value = serde_json::from_str(&shown.stdout).expect("show --json is JSON");
    assert_eq!(shown["entities"], article["entities"]);
}
