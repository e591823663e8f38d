//! The smaller behaviours of the `chancery` binary, end to end: re-ingesting adds nothing; one
//! article in two inputs is stored once with both provenances (`show --json`); `export --format
//! jsonl --out FILE` writes complete article objects (checked against the seeds' expected output);
//! the `articles` filters (--since, --until, --language, --source) select the right articles; an
//! unknown id exits 1 with a clear message; bad usage exits 2 without touching the store; and
//! `demo` lists the three seed articles; a reader closing the pipe early ends the run quietly.

mod common;

use std::collections::BTreeSet;
use std::path::Path;

use common::{
    articles, copy_examples, example_files, examples_dir, json_lines, path_str, run, seed_articles,
    text, titles,
};
use serde_json::Value;

/// Ids of `articles --json` rows.
fn ids(rows: &[Value]) -> Vec<String> {
    rows.iter()
        .map(|row| text(row, "id").expect("a row has an id").to_string())
        .collect()
}

#[test]
fn reingesting_the_same_inputs_adds_nothing() {
    let dir = tempfile::tempdir().expect("temporary directory");
    let inputs = dir.path().join("inputs");
    let data = dir.path().join("data");
    copy_examples(&inputs);

    let first = run(&data, &["ingest", path_str(&inputs)]);
    first.expect_code(0);
    assert_eq!(first.ingest_summary(), (3, 0), "{}", first.stdout);
    assert!(first.stdout.contains("problems: none"), "{}", first.stdout);
    let stored = articles(&data, &[]);
    let export_before = run(&data, &["export"]);
    export_before.expect_code(0);

    // Several runs: the corpus statistics gathered by a run must not change what the next one
    // makes of the same inputs.
    for attempt in 2..=4 {
        let again = run(&data, &["ingest", path_str(&inputs)]);
        again.expect_code(0);
        assert_eq!(
            again.ingest_summary(),
            (0, 3),
            "run {attempt}: {}",
            again.stdout
        );
    }
    assert_eq!(articles(&data, &[]), stored);
    let export_after = run(&data, &["export"]);
    assert_eq!(export_after.stdout, export_before.stdout);
    for row in &stored {
        let id = text(row, "id").expect("id");
        let show = run(&data, &["show", id, "--json"]);
        show.expect_code(0);
        let article: Value = serde_json::from_str(&show.stdout).expect("show --json is JSON");
        assert_eq!(
            article["provenance"].as_array().map(Vec::len),
            Some(1),
            "{id}: one provenance after re-ingesting the same file"
        );
    }
}

#[test]
fn one_article_in_two_inputs_is_stored_once_with_both_provenances() {
    let dir = tempfile::tempdir().expect("temporary directory");
    let data = dir.path().join("data");
    let dump = &example_files()[0];
    let first = dir.path().join("monday").join("saved.txt");
    let second = dir.path().join("tuesday").join("saved-again.txt");
    for copy in [&first, &second] {
        std::fs::create_dir_all(copy.parent().expect("parent")).expect("directory");
        std::fs::copy(dump, copy).expect("copy");
    }

    let ingest = run(&data, &["ingest", path_str(&first), path_str(&second)]);
    ingest.expect_code(0);
    assert_eq!(ingest.ingest_summary(), (1, 1), "{}", ingest.stdout);
    let rows = articles(&data, &[]);
    assert_eq!(rows.len(), 1, "{rows:?}");
    let id = text(&rows[0], "id").expect("id");

    // By full id and by a unique prefix.
    for key in [id, &id[..6]] {
        let show = run(&data, &["show", key, "--json"]);
        show.expect_code(0);
        let article: Value = serde_json::from_str(&show.stdout).expect("show --json is JSON");
        assert_eq!(text(&article, "id"), Some(id));
        let provenance = article["provenance"].as_array().expect("provenance list");
        let paths: Vec<&str> = provenance
            .iter()
            .map(|p| text(p, "path").expect("path"))
            .collect();
        assert_eq!(paths, [path_str(&first), path_str(&second)]);
        let size = std::fs::metadata(dump).expect("size").len();
        for p in provenance {
            assert_eq!(p["offset"], 0);
            assert_eq!(p["length"], size);
        }
    }

    // The human-readable form lists both places too.
    let show = run(&data, &["show", id]);
    show.expect_code(0);
    let provenance = show
        .stdout
        .split("provenance:")
        .nth(1)
        .expect("show prints a provenance section");
    assert!(provenance.contains(path_str(&first)), "{}", show.stdout);
    assert!(provenance.contains(path_str(&second)), "{}", show.stdout);
}

#[test]
fn export_writes_complete_article_objects() {
    let dir = tempfile::tempdir().expect("temporary directory");
    let inputs = dir.path().join("inputs");
    let data = dir.path().join("data");
    copy_examples(&inputs);
    run(&data, &["ingest", path_str(&inputs)]).expect_code(0);

    let out = dir.path().join("out").join("articles.jsonl");
    std::fs::create_dir_all(out.parent().expect("parent")).expect("directory");
    let export = run(
        &data,
        &["export", "--format", "jsonl", "--out", path_str(&out)],
    );
    export.expect_code(0);
    assert_eq!(export.stdout, "", "with --out nothing goes to stdout");
    let written = std::fs::read_to_string(&out).expect("the export file is written");
    assert!(written.ends_with('\n'));
    let exported = json_lines(&written);
    assert_eq!(exported.len(), 3);

    let expected: Value = serde_json::from_str(
        &std::fs::read_to_string(
            Path::new(env!("CARGO_MANIFEST_DIR"))
                .join("../extract/tests/fixtures/seeds-expected.json"),
        )
        .expect("the seeds' expected output"),
    )
    .expect("JSON");
    let mut seen_ids = BTreeSet::new();
    for article in &exported {
        let id = text(article, "id").expect("id is a string");
        assert!(
            id.len() >= 8 && id.bytes().all(|b| b.is_ascii_hexdigit()),
            "id {id:?}"
        );
        assert!(seen_ids.insert(id.to_string()), "id {id} exported twice");
        let title = text(article, "title").expect("title is a string");
        for list in ["captions", "paragraphs"] {
            let items = article[list]
                .as_array()
                .unwrap_or_else(|| panic!("{list} is a list: {article}"));
            assert!(items.iter().all(Value::is_string), "{list}: {article}");
        }
        match &article["published"] {
            Value::Null => {}
            Value::String(date) => {
                let bytes = date.as_bytes();
                assert!(
                    date.len() == 10
                        && bytes[4] == b'-'
                        && bytes[7] == b'-'
                        && date.chars().filter(char::is_ascii_digit).count() == 8,
                    "published {date:?}"
                );
            }
            other => panic!("published is neither a date nor null: {other}"),
        }
        assert_eq!(text(article, "language"), Some("eng"), "{title}");
        assert_eq!(text(article, "source"), Some(path_str(&inputs)), "{title}");
        let provenance = article["provenance"].as_array().expect("provenance list");
        assert_eq!(provenance.len(), 1);
        let path = text(&provenance[0], "path").expect("provenance path");

        // The content is what the seeds' hand-made expected output says.
        let file = Path::new(path)
            .file_name()
            .and_then(|name| name.to_str())
            .expect("file name");
        assert_eq!(Path::new(path).parent(), Some(inputs.as_path()));
        let want = expected["files"][file]["articles"]
            .as_array()
            .expect("the file is in the seeds")
            .iter()
            .find(|a| text(a, "title") == Some(title))
            .unwrap_or_else(|| panic!("{title:?} is not a seed article of {file}"));
        assert_eq!(article["captions"], want["captions"], "{title}");
        assert_eq!(article["paragraphs"], want["paragraphs"], "{title}");
        assert_eq!(article["published"], want["published"], "{title}");
    }

    // Without --out the same lines go to stdout.
    let stdout = run(&data, &["export", "--format", "jsonl"]);
    stdout.expect_code(0);
    assert_eq!(stdout.stdout, written);

    // An output that cannot be created is a fatal error.
    let unwritable = dir.path().join("missing-dir").join("x.jsonl");
    let failed = run(&data, &["export", "--out", path_str(&unwritable)]);
    failed.expect_code(1);
    assert!(failed.stderr.contains("cannot create"), "{}", failed.stderr);
}

/// JSONL records with known sources, dates and languages, for the filter tests.
fn filter_feed() -> String {
    let english = |topic: &str| {
        format!(
            "The regional council met on Tuesday evening to discuss {topic}. Members of the public \
             asked many questions about the cost of the plan and the time it would take to finish, \
             and the chair promised that a full report would be published before the next meeting."
        )
    };
    let records = [
        serde_json::json!({
            "title": "North council debates harbour dredging",
            "text": english("the dredging of the harbour"),
            "source": "North Gazette",
            "date": "2023-01-10",
        }),
        serde_json::json!({
            "title": "Nordrat beschließt neuen Busfahrplan",
            "text": "Der Gemeinderat hat am Dienstagabend einen neuen Fahrplan für die Buslinien \
                     beschlossen. Viele Bürger hatten sich über die langen Wartezeiten am Bahnhof \
                     beschwert, und die Verwaltung will die Änderungen noch vor dem Sommer umsetzen.",
            "source": "North Gazette",
            "date": "2023-02-15",
        }),
        serde_json::json!({
            "title": "South council approves library budget",
            "text": english("the budget of the public library"),
            "source": "South Herald",
            "date": "2023-03-20",
        }),
        serde_json::json!({
            "title": "South council delays road repairs",
            "text": english("repairs to the coast road"),
            "source": "South Herald",
        }),
    ];
    records.iter().map(|r| format!("{r}\n")).collect()
}

#[test]
fn articles_filters_select_the_right_articles() {
    let dir = tempfile::tempdir().expect("temporary directory");
    let data = dir.path().join("data");
    let feed = dir.path().join("feed.jsonl");
    std::fs::write(&feed, filter_feed()).expect("feed is written");
    let ingest = run(&data, &["ingest", path_str(&feed)]);
    ingest.expect_code(0);
    assert_eq!(ingest.ingest_summary(), (4, 0), "{}", ingest.stdout);

    let harbour = "North council debates harbour dredging";
    let bus = "Nordrat beschließt neuen Busfahrplan";
    let library = "South council approves library budget";
    let road = "South council delays road repairs";

    let all = articles(&data, &[]);
    let by_title = |title: &str| {
        all.iter()
            .find(|a| text(a, "title") == Some(title))
            .unwrap_or_else(|| panic!("{title:?} not stored: {all:?}"))
    };
    assert_eq!(text(by_title(harbour), "published"), Some("2023-01-10"));
    assert_eq!(text(by_title(road), "published"), None);
    assert_eq!(text(by_title(bus), "language"), Some("deu"));
    assert_eq!(text(by_title(library), "language"), Some("eng"));
    assert_eq!(text(by_title(library), "source"), Some("South Herald"));
    assert_eq!(text(by_title(harbour), "path"), Some(path_str(&feed)));
    // Listing order: by date, undated last.
    assert_eq!(
        all.iter()
            .filter_map(|a| text(a, "title"))
            .collect::<Vec<_>>(),
        [harbour, bus, library, road]
    );

    let cases: [(&[&str], &[&str]); 9] = [
        (&["--since", "2023-02-01"], &[bus, library]),
        (&["--since", "2023-02-15"], &[bus, library]),
        (&["--until", "2023-02-15"], &[harbour, bus]),
        (&["--since", "2023-02-01", "--until", "2023-02-28"], &[bus]),
        (&["--since", "2024-01-01"], &[]),
        (&["--language", "deu"], &[bus]),
        (&["--language", "eng"], &[harbour, library, road]),
        (&["--source", "South Herald"], &[library, road]),
        (
            &["--source", "North Gazette", "--language", "eng"],
            &[harbour],
        ),
    ];
    for (flags, want) in cases {
        let rows = articles(&data, flags);
        let mut got: Vec<String> = titles(&rows);
        got.sort();
        let mut want: Vec<String> = want.iter().map(|t| t.to_string()).collect();
        want.sort();
        assert_eq!(got, want, "articles {flags:?}");
    }

    // The table form honours the filters too, and export shares them.
    let table = run(&data, &["articles", "--source", "North Gazette"]);
    table.expect_code(0);
    assert_eq!(table.stdout.lines().count(), 2, "{}", table.stdout);
    assert!(table.stdout.contains(harbour) && table.stdout.contains(bus));
    assert!(table.stdout.contains("2023-01-10"), "{}", table.stdout);
    let exported = run(&data, &["export", "--language", "deu"]);
    exported.expect_code(0);
    assert_eq!(titles(&json_lines(&exported.stdout)), [bus]);
    let page = run(
        &data,
        &["articles", "--json", "--limit", "1", "--offset", "1"],
    );
    page.expect_code(0);
    assert_eq!(ids(&json_lines(&page.stdout)), ids(&all)[1..2]);
}

#[test]
fn show_with_an_unknown_id_exits_1_with_a_clear_message() {
    let dir = tempfile::tempdir().expect("temporary directory");
    let data = dir.path().join("data");
    run(&data, &["ingest", path_str(&examples_dir())]).expect_code(0);

    for id in ["0000000000000000", "feedbeef", "not-an-id"] {
        let show = run(&data, &["show", id]);
        show.expect_code(1);
        assert_eq!(show.stdout, "");
        let first = show.stderr.lines().next().unwrap_or_default();
        assert!(
            first.starts_with("error: ") && first.contains("no article") && first.contains(id),
            "stderr: {}",
            show.stderr
        );
    }
    let json = run(&data, &["show", "0000000000000000", "--json"]);
    json.expect_code(1);
    assert_eq!(json.stdout, "");
}

/// Without the `parquet` feature the format is still listed, and asking for it says which
/// feature to build with instead of failing obscurely.
#[cfg(not(feature = "parquet"))]
#[test]
fn parquet_export_without_the_feature_names_the_feature() {
    let dir = tempfile::tempdir().expect("temporary directory");
    let out = dir.path().join("tables");
    let export = run(
        &dir.path().join("data"),
        &["export", "--format", "parquet", "--out", path_str(&out)],
    );
    export.expect_code(1);
    assert!(
        export.stderr.contains("`parquet` feature") && export.stderr.contains("--features parquet"),
        "{}",
        export.stderr
    );
    assert!(!out.exists(), "nothing is written");
}

#[test]
fn bad_usage_exits_2_and_leaves_the_store_alone() {
    let dir = tempfile::tempdir().expect("temporary directory");
    let data = dir.path().join("data");
    let examples = examples_dir();
    let cases: [&[&str]; 9] = [
        &[],
        &["frobnicate"],
        &["ingest"],
        &["ingest", "--batch", "0", path_str(&examples)],
        &["ingest", "--no-such-flag", path_str(&examples)],
        &["articles", "--since", "2023-13-45"],
        &["articles", "--limit", "many"],
        &["export", "--format", "csv"],
        &["show"],
    ];
    for args in cases {
        let bad = run(&data, args);
        bad.expect_code(2);
        assert_eq!(bad.stdout, "", "{args:?}");
        assert!(
            bad.stderr.starts_with("error: ") && bad.stderr.contains("--help"),
            "{args:?}: {}",
            bad.stderr
        );
        assert!(!data.exists(), "{args:?} created the data directory");
    }
    let help = run(&data, &["--help"]);
    help.expect_code(0);
    assert!(help.stdout.contains("Exit codes"), "{}", help.stdout);
}

#[test]
fn demo_lists_the_three_seed_articles() {
    let dir = tempfile::tempdir().expect("temporary directory");
    let data = dir.path().join("data");
    let demo = run(&data, &["demo", "--examples", path_str(&examples_dir())]);
    demo.expect_code(0);
    assert_eq!(demo.ingest_summary(), (3, 0), "{}", demo.stdout);
    let listing = demo
        .stdout
        .split("== chancery articles")
        .nth(1)
        .expect("demo prints the article listing");
    let rows: Vec<&str> = listing
        .lines()
        .filter(|line| line.len() > 16 && line.as_bytes()[..16].iter().all(u8::is_ascii_hexdigit))
        .collect();
    assert_eq!(rows.len(), 3, "{}", demo.stdout);
    for (file, title, published) in seed_articles() {
        let row = rows
            .iter()
            .find(|row| row.ends_with(&format!("  {title}")))
            .unwrap_or_else(|| panic!("{title:?} (from {file}) not listed:\n{}", demo.stdout));
        let date = published.unwrap_or_else(|| "----------".to_string());
        assert!(row.contains(&format!("  {date}  ")), "{row}");
    }
    // The listed articles are in the store the demo used.
    assert_eq!(articles(&data, &[]).len(), 3);
}

/// `chancery export | head -1` once panicked with "failed printing to stdout: Broken pipe".
#[test]
fn closed_stdout_ends_quietly() {
    use std::io::{BufRead, BufReader};
    use std::process::Stdio;

    let dir = tempfile::tempdir().expect("temporary directory");
    let corpus = dir.path().join("corpus");
    let spec = chancery_testkit::CorpusSpec {
        articles: 400,
        ..Default::default()
    };
    chancery_testkit::write_corpus(&corpus, &spec).expect("corpus written");
    let data = dir.path().join("data");
    run(&data, &["ingest", "--quiet", path_str(&corpus)]).expect_code(0);

    for command in [&["export"][..], &["articles", "--limit", "1000"][..]] {
        let mut child = common::chancery(&data)
            .args(command)
            .stdout(Stdio::piped())
            .stderr(Stdio::piped())
            .spawn()
            .expect("chancery starts");
        let mut first = String::new();
        BufReader::new(child.stdout.take().expect("piped stdout"))
            .read_line(&mut first)
            .expect("one line is read");
        assert!(!first.is_empty(), "{command:?} printed nothing");
        // The reader is dropped here, closing the pipe with most of the output unread.
        let output = child.wait_with_output().expect("chancery ends");
        let stderr = String::from_utf8_lossy(&output.stderr);
        assert!(
            output.status.success(),
            "{command:?}: {:?} {stderr}",
            output.status
        );
        assert!(!stderr.contains("panicked"), "{command:?}: {stderr}");
        assert!(stderr.trim().is_empty(), "{command:?}: {stderr}");
    }
}

/// `extract` prints one object per article with the fields scorers read, and stores nothing.
#[test]
fn extract_prints_articles_with_metadata_and_stores_nothing() {
    let dir = tempfile::tempdir().expect("temporary directory");
    let page = dir.path().join("page.html");
    let body = "The delegations met for six hours on Tuesday and agreed to continue the talks \
        next month in Geneva, officials from both sides said afterwards.";
    std::fs::write(
        &page,
        format!(
            r#"<!doctype html><html lang="en"><head><title>Talks resume | Example News</title>
<meta property="og:site_name" content="Example News">
<script type="application/ld+json">{{"@type":"NewsArticle","headline":"Talks resume",
"datePublished":"2023-02-28T09:30:00+01:00","author":{{"@type":"Person","name":"Jane Doe"}}}}</script>
</head><body><nav><a href="/">Home</a> <a href="/world">World</a></nav>
<article><h1>Talks resume</h1><p class="byline">By Jane Doe, Senior Reporter</p>
<figure><img src="a.jpg"><figcaption>Delegates arrive in Geneva. (Reuters)</figcaption></figure>
<p>{body}</p><p>{body}</p><p>Both governments described the meeting as constructive.</p></article>
<footer>Copyright Example News</footer></body></html>"#
        ),
    )
    .expect("page written");
    let data = dir.path().join("data");
    let run = run(
        &data,
        &[
            "extract",
            "--format",
            "json",
            path_str(&page),
            path_str(&examples_dir()),
        ],
    );
    run.expect_code(0).expect_no_panic();
    let objects = json_lines(&run.stdout);
    assert_eq!(
        objects.len(),
        4,
        "one page and three dump articles: {}",
        run.stdout
    );
    let page_object = &objects[0];
    assert_eq!(text(page_object, "path"), Some(path_str(&page)));
    assert_eq!(text(page_object, "title"), Some("Talks resume"));
    assert_eq!(page_object["authors"], serde_json::json!(["Jane Doe"]));
    assert_eq!(
        text(page_object, "published"),
        Some("2023-02-28T09:30:00+01:00")
    );
    assert_eq!(text(page_object, "site_name"), Some("Example News"));
    let body_text = text(page_object, "text").expect("a text field");
    assert!(body_text.starts_with(body), "{body_text}");
    assert!(
        body_text.contains("\n\n"),
        "paragraphs joined by blank lines"
    );
    assert!(!body_text.contains("Reuters") && !body_text.contains("Copyright"));
    assert_eq!(
        page_object["captions"],
        serde_json::json!(["Delegates arrive in Geneva. (Reuters)"])
    );
    let dump_titles: Vec<&str> = objects[1..]
        .iter()
        .filter_map(|o| text(o, "title"))
        .collect();
    let expected: Vec<String> = seed_articles()
        .into_iter()
        .map(|(_, title, _)| title)
        .collect();
    for title in &expected {
        assert!(
            dump_titles.contains(&title.as_str()),
            "{title} in {dump_titles:?}"
        );
    }
    assert!(!data.exists(), "extract must not create a store");
}
