//! Stories on the seeds: the two Blinken articles form one story and the Tehran article another;
//! the undated Blinken article takes its story's date, marked as inferred; the Tehran article
//! gets no invented date; a second run places nothing again.

mod common;

use common::{copy_examples, export, json_lines, path_str, run, text};
use serde_json::Value;

fn titled<'a>(articles: &'a [Value], words: &str) -> &'a Value {
    articles
        .iter()
        .find(|a| text(a, "title").is_some_and(|t| t.contains(words)))
        .unwrap_or_else(|| panic!("no article titled {words:?}"))
}

#[test]
fn seeds_form_two_stories_and_the_undated_article_takes_its_storys_date() {
    let dir = tempfile::tempdir().expect("temporary directory");
    let inputs = dir.path().join("inputs");
    copy_examples(&inputs);
    let data = dir.path().join("data");
    let ingest = run(&data, &["ingest", "--no-entities", path_str(&inputs)]);
    ingest.expect_code(0);
    assert!(
        ingest
            .stdout
            .contains("placed 3 articles (0 copies) in 2 stories"),
        "{}",
        ingest.stdout
    );

    let articles = export(&data);
    let urge = titled(&articles, "Blinken Will Urge Distance");
    let talks = titled(&articles, "Blinken Holds Talks");
    let tehran = titled(&articles, "Tehran Ready for Negotiations");
    assert_eq!(
        urge["story"], talks["story"],
        "the Blinken articles share a story"
    );
    assert_ne!(
        urge["story"], tehran["story"],
        "the Tehran article is another story"
    );

    // Dated by its story, marked as inferred; its own published date stays unknown.
    assert_eq!(urge["published"], Value::Null);
    assert_eq!(text(urge, "published_inferred"), Some("2023-02-28"));
    assert_eq!(text(talks, "published"), Some("2023-02-28"));
    assert_eq!(tehran["published"], Value::Null);
    assert_eq!(
        tehran["published_inferred"],
        Value::Null,
        "no invented date"
    );

    let stories = json_lines(&run(&data, &["stories", "--json"]).stdout);
    assert_eq!(stories.len(), 2, "{stories:?}");
    let blinken = &stories[0];
    assert_eq!(blinken["articles"], 2, "{blinken}");
    assert_eq!(text(blinken, "first_date"), Some("2023-02-28"), "{blinken}");
    let story = urge["story"].as_u64().expect("story number").to_string();
    let one = run(&data, &["stories", &story, "--json"]);
    one.expect_code(0);
    let one: Value = serde_json::from_str(one.stdout.trim()).expect("story JSON");
    let ids: Vec<&str> = one["article_ids"]
        .as_array()
        .expect("article ids")
        .iter()
        .filter_map(Value::as_str)
        .collect();
    assert_eq!(ids, [text(urge, "id").unwrap(), text(talks, "id").unwrap()]);

    let show = run(&data, &["show", text(urge, "id").expect("id")]);
    assert!(
        show.stdout
            .contains("published: 2023-02-28 (inferred from its story)"),
        "{}",
        show.stdout
    );

    // Nothing new: nothing placed, the stories unchanged.
    let again = run(&data, &["ingest", "--no-entities", path_str(&inputs)]);
    assert!(
        again
            .stdout
            .contains("placed 0 articles (0 copies) in 0 stories"),
        "{}",
        again.stdout
    );
    assert_eq!(
        json_lines(&run(&data, &["stories", "--json"]).stdout),
        stories
    );

    // A syndicated copy of the Tehran article, one word changed, from another site: a copy of
    // it, in its story, not a new source.
    let paragraphs: Vec<&str> = tehran["paragraphs"]
        .as_array()
        .expect("paragraphs")
        .iter()
        .filter_map(Value::as_str)
        .collect();
    let mut copy = format!("{}\n\n", text(tehran, "title").expect("title"));
    copy.push_str(&paragraphs.join("\n\n").replacen("Geneva", "Switzerland", 1));
    let syndicated = dir.path().join("syndicated");
    std::fs::create_dir_all(&syndicated).expect("directory");
    std::fs::write(syndicated.join("copy.txt"), copy).expect("copy written");
    let third = run(&data, &["ingest", "--no-entities", path_str(&syndicated)]);
    assert!(
        third
            .stdout
            .contains("placed 1 articles (1 copies) in 1 stories"),
        "{}",
        third.stdout
    );
    let articles = export(&data);
    let copy = articles
        .iter()
        .find(|a| a["title"] == tehran["title"] && a["id"] != tehran["id"])
        .expect("the copy is stored");
    assert_eq!(copy["duplicate_of"], tehran["id"], "{copy}");
    assert_eq!(copy["story"], tehran["story"]);
    assert!(copy["similarity"]
        .as_f64()
        .is_some_and(|s| (0.8..1.0).contains(&s)));
}
