//! Quotes and events stored with each article: with the NER model, `export` and `show` carry
//! who said what to whom and who did what to whom on the seeds, and `relations` counts the events
//! by pair of countries, and `entities` follows one person across articles; without the model,
//! none are stored.

mod common;

use common::{copy_examples, export, model_path, path_str, run, text};
use serde_json::Value;

fn list<'a>(article: &'a Value, field: &str) -> &'a [Value] {
    article[field]
        .as_array()
        .unwrap_or_else(|| panic!("no {field} list in {article}"))
}

/// The article whose title contains `words`.
fn titled<'a>(articles: &'a [Value], words: &str) -> &'a Value {
    articles
        .iter()
        .find(|a| text(a, "title").is_some_and(|t| t.contains(words)))
        .unwrap_or_else(|| panic!("no article titled {words:?}"))
}

#[test]
fn without_a_model_no_quotes_or_events_are_stored() {
    let dir = tempfile::tempdir().expect("temporary directory");
    let inputs = dir.path().join("inputs");
    copy_examples(&inputs);
    let data = dir.path().join("data");
    run(&data, &["ingest", "--quiet", path_str(&inputs)]).expect_code(0);
    for article in export(&data) {
        assert!(list(&article, "quotes").is_empty(), "{article}");
        assert!(list(&article, "events").is_empty(), "{article}");
    }
}

#[test]
#[ignore = "needs the NER model: crates/annotate/build-model.sh"]
fn ingest_with_the_model_stores_quotes_and_events_shown_and_exported() {
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
    let articles = export(&data);
    let talks = titled(&articles, "Blinken Holds Talks");

    // Tokayev's words to Blinken, with both tied to their entities.
    let quote = list(talks, "quotes")
        .iter()
        .find(|q| text(q, "text").is_some_and(|t| t.contains("We have built very good")))
        .unwrap_or_else(|| panic!("no Tokayev quote in {talks}"));
    assert_eq!(
        quote["speaker"]["entity"], "Kassym-Jomart Tokayev",
        "{quote}"
    );
    assert_eq!(text(quote, "kind"), Some("direct"), "{quote}");
    let piece = &list(quote, "pieces")[0];
    assert_eq!(text(piece, "block"), Some("paragraph"), "{quote}");

    // Blinken met Tokayev in Astana on Tuesday, 2023-02-28, a US-Kazakhstan consultation.
    let meeting = list(talks, "events")
        .iter()
        .find(|e| {
            text(e, "frame") == Some("meet") && e["target"]["name"] == "Kassym-Jomart Tokayev"
        })
        .unwrap_or_else(|| panic!("no meeting with Tokayev in {talks}"));
    assert_eq!(text(meeting, "type"), Some("CONSULT"), "{meeting}");
    assert!(
        text(&meeting["source"], "name").is_some_and(|n| n.contains("Blinken")),
        "{meeting}"
    );
    assert_eq!(meeting["source"]["country"], "USA", "{meeting}");
    assert_eq!(meeting["target"]["country"], "KAZ", "{meeting}");
    assert_eq!(meeting["date"]["value"], "2023-02-28", "{meeting}");

    // `show` lists both; `show --json` carries the same records as the export.
    let id = text(talks, "id").expect("id");
    let show = run(&data, &["show", id]);
    show.expect_code(0);
    assert!(
        show.stdout.contains("\nquotes:\n") && show.stdout.contains("\nevents:\n"),
        "{}",
        show.stdout
    );
    assert!(
        show.stdout
            .lines()
            .any(|l| l.contains("CONSULT") && l.contains("-meet->") && l.contains("Tokayev")),
        "{}",
        show.stdout
    );
    let shown = run(&data, &["show", "--json", id]);
    let shown: Value = serde_json::from_str(&shown.stdout).expect("show --json is JSON");
    assert_eq!(shown["quotes"], talks["quotes"]);
    assert_eq!(shown["events"], talks["events"]);

    // The meeting counts in the United States–Kazakhstan relation on 2023-02-28, either way round.
    let relations = run(&data, &["relations", "KAZ", "USA", "--by", "day", "--json"]);
    relations.expect_code(0);
    let rows = common::json_lines(&relations.stdout);
    let day = rows
        .iter()
        .find(|r| text(r, "period") == Some("2023-02-28") && text(r, "source") == Some("USA"))
        .unwrap_or_else(|| panic!("no USA -> KAZ relation on 2023-02-28: {}", relations.stdout));
    assert_eq!(text(day, "target"), Some("KAZ"), "{day}");
    assert!(
        day["counts"]["CONSULT"].as_u64().is_some_and(|n| n >= 1),
        "{day}"
    );
    assert!(day["score"].as_f64().is_some_and(|s| s > 0.0), "{day}");

    // Blinken across the two articles that name him, "Antony J. Blinken" and "Antony Blinken".
    let profile = run(&data, &["entities", "Blinken", "--json"]);
    profile.expect_code(0);
    let profile: Value = serde_json::from_str(profile.stdout.trim()).expect("profile JSON");
    assert_eq!(profile["articles"], 2, "{profile}");
    let names: Vec<&str> = profile["names"]
        .as_array()
        .expect("names")
        .iter()
        .filter_map(|n| n[0].as_str())
        .collect();
    assert!(
        names.contains(&"Antony J. Blinken") && names.contains(&"Antony Blinken"),
        "{names:?}"
    );
    assert_eq!(
        profile["roles"][0]["role"], "Secretary of State",
        "{profile}"
    );
    assert!(
        profile["quotes"]
            .as_array()
            .expect("quotes")
            .iter()
            .any(|q| text(&q["quote"], "text").is_some_and(|t| t.contains("Sometimes we just say"))),
        "{profile}"
    );
    assert!(
        profile["co_occurring"]
            .as_array()
            .expect("co-occurring")
            .iter()
            .any(|e| e["name"] == "Kazakhstan" && e["articles"] == 2),
        "{profile}"
    );
}
