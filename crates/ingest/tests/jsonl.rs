//! JSONL inputs: fields, metadata, broken lines, over-long lines, and gzipped JSONL.

mod common;

use chancery_ingest::ReadConfig;
use chancery_model::{DiagnosticKind, DocFormat, OffsetMap};
use chrono::NaiveDate;
use common::{fixture, gzip, read, read_bytes, read_with};

#[test]
fn records_become_documents_and_broken_lines_diagnostics() {
    let path = fixture("records.jsonl");
    let raw = std::fs::read(&path).unwrap();
    let outcome = read(&path);
    assert_eq!(outcome.docs.len(), 3, "{:?}", outcome.problems);

    let first = &outcome.docs[0];
    assert_eq!(first.format, DocFormat::Text);
    assert_eq!(
        first.text,
        "Bridge repairs finished two weeks early, the city said."
    );
    assert_eq!(first.offsets, OffsetMap::Identity);
    assert_eq!(
        first.meta.title.as_deref(),
        Some("Bridge Repairs Finish Early")
    );
    assert_eq!(
        first.meta.url.as_deref(),
        Some("https://news.example.org/a")
    );
    assert_eq!(first.meta.source.as_deref(), Some("Example News"));
    assert_eq!(first.meta.published, NaiveDate::from_ymd_opt(2022, 5, 4));
    assert_eq!(first.provenance.line, Some(1));
    assert_eq!(first.provenance.offset, 0);
    let first_line_len = memchr::memchr(b'\n', &raw).unwrap() as u64;
    assert_eq!(first.provenance.length, first_line_len);

    let second = &outcome.docs[1];
    assert_eq!(second.format, DocFormat::Html);
    assert_eq!(second.provenance.line, Some(3));
    assert_eq!(second.meta.source.as_deref(), Some("Valley Weekly"));
    assert_eq!(second.meta.published, NaiveDate::from_ymd_opt(2022, 5, 6));
    let line = &raw[second.provenance.offset as usize
        ..(second.provenance.offset + second.provenance.length) as usize];
    assert!(line.starts_with(b"{\"html\"") && line.ends_with(b"}"));

    let third = &outcome.docs[2];
    assert_eq!(third.provenance.line, Some(7));
    assert_eq!(third.format, DocFormat::Text);
    assert_eq!(third.meta.published, NaiveDate::from_ymd_opt(2022, 5, 6));

    let problems: Vec<(DiagnosticKind, &str)> = outcome
        .problems
        .iter()
        .map(|problem| (problem.kind, problem.location.as_deref().unwrap()))
        .collect();
    assert_eq!(
        problems,
        [
            (DiagnosticKind::BadJson, "line 2"),
            (DiagnosticKind::BadJson, "line 4"),
            (DiagnosticKind::BadJson, "line 6")
        ]
    );
    assert!(
        outcome.problems[0].message.starts_with("invalid json: "),
        "{}",
        outcome.problems[0].message
    );
    assert_eq!(
        outcome.problems[1].message,
        "expected a json object, found an array"
    );
    assert_eq!(
        outcome.problems[2].message,
        "no text, html, content or body string field"
    );
    assert!(outcome
        .problems
        .iter()
        .all(|problem| problem.path == "records.jsonl"));
}

#[test]
fn over_long_lines_are_skipped_and_reading_goes_on() {
    let dir = tempfile::tempdir().unwrap();
    let long_text = "x".repeat(5000);
    let file = format!(
        "{{\"text\": \"first\"}}\n{{\"text\": \"{long_text}\"}}\n{{\"text\": \"third\"}}\n"
    );
    let path = dir.path().join("long.jsonl");
    std::fs::write(&path, file).unwrap();
    let outcome = read_with(
        &path,
        &ReadConfig {
            max_line_bytes: 1000,
            ..ReadConfig::default()
        },
    );
    let texts: Vec<&str> = outcome.docs.iter().map(|doc| doc.text.as_str()).collect();
    assert_eq!(texts, ["first", "third"]);
    assert_eq!(outcome.docs[1].provenance.line, Some(3));
    assert_eq!(outcome.kinds(), vec![DiagnosticKind::TooLarge]);
    assert_eq!(outcome.problems[0].location.as_deref(), Some("line 2"));
}

#[test]
fn gzipped_jsonl_is_read_line_by_line() {
    let dir = tempfile::tempdir().unwrap();
    let mut file = gzip(b"{\"text\": \"one\"}\n{\"text\": \"two\"}\n");
    file.extend(gzip(
        b"{\"text\": \"three\", \"url\": \"https://example.org/3\"}\n",
    ));
    let outcome = read_bytes(dir.path(), "feed.jsonl.gz", &file);
    assert!(outcome.problems.is_empty(), "{:?}", outcome.problems);
    let texts: Vec<&str> = outcome.docs.iter().map(|doc| doc.text.as_str()).collect();
    assert_eq!(texts, ["one", "two", "three"]);
    assert_eq!(outcome.docs[2].provenance.line, Some(3));
    assert_eq!(
        outcome.docs[2].meta.url.as_deref(),
        Some("https://example.org/3")
    );
}

#[test]
fn bom_and_crlf_are_not_part_of_the_record() {
    let dir = tempfile::tempdir().unwrap();
    let outcome = read_bytes(
        dir.path(),
        "bom.jsonl",
        b"\xEF\xBB\xBF{\"text\": \"a\"}\r\n{\"text\": \"b\"}\r\n",
    );
    assert!(outcome.problems.is_empty(), "{:?}", outcome.problems);
    assert_eq!(outcome.docs[0].provenance.offset, 3);
    assert_eq!(outcome.docs[0].provenance.length, 13);
    assert_eq!(outcome.docs[1].provenance.offset, 18);
    assert_eq!(outcome.docs[1].text, "b");
}

#[test]
fn truncated_gzipped_jsonl_keeps_the_lines_before_the_damage() {
    let dir = tempfile::tempdir().unwrap();
    let lines: String = (1..=200)
        .map(|n| format!("{{\"text\": \"record number {n} with a little text\"}}\n"))
        .collect();
    let compressed = gzip(lines.as_bytes());
    let outcome = read_bytes(
        dir.path(),
        "cut.jsonl.gz",
        &compressed[..compressed.len() - 40],
    );
    assert!(outcome.docs.len() > 100, "{} documents", outcome.docs.len());
    assert!(outcome.docs.len() < 200);
    for (index, doc) in outcome.docs.iter().enumerate() {
        assert_eq!(
            doc.text,
            format!("record number {} with a little text", index + 1)
        );
    }
    assert_eq!(outcome.kinds(), vec![DiagnosticKind::Truncated]);
    let expected_location = format!("line {}", outcome.docs.len() + 1);
    assert_eq!(
        outcome.problems[0].location.as_deref(),
        Some(expected_location.as_str())
    );
}
