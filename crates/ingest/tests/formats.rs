//! Whole-file inputs: text, HTML, binary, empty, gzip-wrapped documents, detection by content,
//! charsets, and the document size limit.

mod common;

use chancery_ingest::{read_input, Event, InputFile, ReadConfig};
use chancery_model::{DiagnosticKind, DocFormat, OffsetMap};
use common::{fixture, gzip, read, read_bytes, read_with};

#[test]
fn text_file_is_one_document_with_whole_file_provenance() {
    let outcome = read(&fixture("article.txt"));
    let doc = outcome.only_doc();
    assert!(outcome.problems.is_empty(), "{:?}", outcome.problems);
    assert_eq!(doc.format, DocFormat::Text);
    assert!(doc
        .text
        .starts_with("Harbour Council Approves New Ferry Timetable\n"));
    assert_eq!(doc.encoding, "UTF-8");
    assert_eq!(doc.offsets, OffsetMap::Identity);
    assert_eq!(doc.provenance.path, "article.txt");
    assert_eq!(doc.provenance.offset, 0);
    assert_eq!(
        doc.provenance.length,
        std::fs::metadata(fixture("article.txt")).unwrap().len()
    );
    assert_eq!(doc.provenance.line, None);
    assert_eq!(outcome.progress.last(), Some(&doc.provenance.length));
}

#[test]
fn html_file_is_detected_and_decoded() {
    let outcome = read(&fixture("page.html"));
    let doc = outcome.only_doc();
    assert_eq!(doc.format, DocFormat::Html);
    assert!(doc.text.contains("<p>The town library reopened on Monday"));
}

#[test]
fn format_comes_from_content_not_extension() {
    let html = read(&fixture("saved_page.txt"));
    assert_eq!(html.only_doc().format, DocFormat::Html);

    let jsonl = read(&fixture("feed.dat"));
    let doc = jsonl.only_doc();
    assert_eq!(
        doc.text,
        "A record in a file whose name says nothing about its format."
    );
    assert_eq!(doc.provenance.line, Some(1));

    let dir = tempfile::tempdir().unwrap();
    let warc = common::response_record(
        1,
        "https://example.org/x",
        &common::html_response("<p>From a WARC.</p>"),
    );
    let outcome = read_bytes(dir.path(), "crawl.html", &warc);
    assert_eq!(
        outcome.only_doc().provenance.url.as_deref(),
        Some("https://example.org/x")
    );

    let outcome = read_bytes(
        dir.path(),
        "notes.txt",
        &gzip(b"Compressed notes about the budget.\n"),
    );
    let doc = outcome.only_doc();
    assert_eq!(doc.text, "Compressed notes about the budget.\n");
    assert_eq!(doc.format, DocFormat::Text);
}

#[test]
fn gzipped_html_keeps_compressed_provenance() {
    let dir = tempfile::tempdir().unwrap();
    let compressed = gzip(b"<!doctype html><html><body><p>Zipped page.</p></body></html>");
    let outcome = read_bytes(dir.path(), "page.html.gz", &compressed);
    let doc = outcome.only_doc();
    assert_eq!(doc.format, DocFormat::Html);
    assert_eq!(doc.provenance.offset, 0);
    assert_eq!(doc.provenance.length, compressed.len() as u64);
}

#[test]
fn binary_files_are_reported_and_skipped() {
    let outcome = read(&fixture("logo.txt"));
    assert!(outcome.docs.is_empty());
    assert_eq!(outcome.kinds(), vec![DiagnosticKind::Binary]);
    assert_eq!(outcome.problems[0].path, "logo.txt");
    assert!(
        outcome.problems[0].message.contains("png image"),
        "{}",
        outcome.problems[0].message
    );

    let dir = tempfile::tempdir().unwrap();
    let outcome = read_bytes(
        dir.path(),
        "dump.txt",
        b"looks like text\0but has a nul byte",
    );
    assert_eq!(outcome.kinds(), vec![DiagnosticKind::Binary]);
    let outcome = read_bytes(dir.path(), "blob.gz", &gzip(b"\x7fELF\x02\x01\x01\0\0\0"));
    assert_eq!(outcome.kinds(), vec![DiagnosticKind::Binary]);
}

#[test]
fn empty_and_blank_files_are_reported() {
    for name in ["empty.txt", "blank.txt"] {
        let outcome = read(&fixture(name));
        assert!(outcome.docs.is_empty(), "{name}");
        assert_eq!(outcome.kinds(), vec![DiagnosticKind::Empty], "{name}");
        assert_eq!(outcome.problems[0].path, name);
    }
}

#[test]
fn latin1_without_declaration_is_detected_with_exact_offsets() {
    let path = fixture("latin1.txt");
    let raw = std::fs::read(&path).unwrap();
    let outcome = read(&path);
    let doc = outcome.only_doc();
    assert_eq!(doc.encoding, "windows-1252");
    assert_eq!(
        doc.text,
        "Le café du port rouvre après l'été.\nDéjà complet, dit le patron: « Voilà! »\n"
    );
    // One raw byte per character: the n-th character sits at raw byte n.
    for (index, (text_offset, ch)) in doc.text.char_indices().enumerate() {
        assert_eq!(
            doc.offsets.to_raw(text_offset as u64),
            index as u64,
            "character {ch:?}"
        );
        let mut encoded = [0u8; 4];
        let decoded_back = encoding_rs::WINDOWS_1252
            .encode(ch.encode_utf8(&mut encoded))
            .0;
        assert_eq!(decoded_back[0], raw[index]);
    }
    assert_eq!(doc.offsets.to_raw(doc.text.len() as u64), raw.len() as u64);

    let page = read(&fixture("latin1_page.html"));
    let doc = page.only_doc();
    assert_eq!(doc.format, DocFormat::Html);
    assert!(doc.text.contains("<title>Café</title>"));
    assert!(doc.text.contains("Le café du marché a rouvert."));
}

#[test]
fn invalid_utf8_is_replaced_and_still_emitted() {
    let dir = tempfile::tempdir().unwrap();
    let mut bytes = "Señora Núñez spoke first. ".repeat(4).into_bytes();
    bytes.extend_from_slice(b"Then \xFF a stray byte.\n");
    let outcome = read_bytes(dir.path(), "mixed.txt", &bytes);
    let doc = outcome.only_doc();
    assert_eq!(doc.encoding, "UTF-8");
    assert!(doc.text.ends_with("Then \u{FFFD} a stray byte.\n"));
    assert_eq!(outcome.kinds(), vec![DiagnosticKind::BadEncoding]);
    let stray = doc.text.find('\u{FFFD}').unwrap() as u64;
    assert_eq!(
        doc.offsets.to_raw(stray),
        memchr::memchr(0xFF, &bytes).unwrap() as u64
    );
    assert_eq!(
        doc.offsets.to_raw(stray + 3),
        memchr::memchr(0xFF, &bytes).unwrap() as u64 + 1
    );
}

#[test]
fn utf16_with_bom_is_text() {
    let dir = tempfile::tempdir().unwrap();
    let mut bytes = vec![0xFF, 0xFE];
    for unit in "Zürich, 4 March\nMarkets rose.\n".encode_utf16() {
        bytes.extend_from_slice(&unit.to_le_bytes());
    }
    let outcome = read_bytes(dir.path(), "utf16.txt", &bytes);
    let doc = outcome.only_doc();
    assert_eq!(doc.text, "Zürich, 4 March\nMarkets rose.\n");
    assert_eq!(doc.encoding, "UTF-16LE");
    let markets = doc.text.find("Markets").unwrap() as u64;
    assert_eq!(doc.offsets.to_raw(markets), 2 + 2 * 16);
}

#[test]
fn documents_over_the_limit_are_skipped() {
    let dir = tempfile::tempdir().unwrap();
    let config = ReadConfig {
        max_doc_bytes: 100,
        ..ReadConfig::default()
    };
    let path = dir.path().join("long.txt");
    std::fs::write(&path, "word ".repeat(50)).unwrap();
    let outcome = read_with(&path, &config);
    assert!(outcome.docs.is_empty());
    assert_eq!(outcome.kinds(), vec![DiagnosticKind::TooLarge]);

    let path = dir.path().join("long.txt.gz");
    std::fs::write(&path, gzip("word ".repeat(50).as_bytes())).unwrap();
    let outcome = read_with(&path, &config);
    assert_eq!(outcome.kinds(), vec![DiagnosticKind::TooLarge]);
}

#[test]
fn truncated_gzip_is_reported() {
    let dir = tempfile::tempdir().unwrap();
    let text = "A paragraph that compresses into a few hundred bytes of deflate data. ".repeat(40);
    let compressed = gzip(text.as_bytes());
    let outcome = read_bytes(
        dir.path(),
        "cut.txt.gz",
        &compressed[..compressed.len() / 2],
    );
    assert!(outcome.docs.is_empty());
    assert_eq!(outcome.kinds(), vec![DiagnosticKind::Truncated]);
    assert!(
        outcome.problems[0]
            .message
            .starts_with("gzip data ends early or is corrupt"),
        "{}",
        outcome.problems[0].message
    );
}

#[test]
fn missing_files_are_unreadable() {
    let input = InputFile {
        path: "/nonexistent/chancery/input.txt".into(),
        display: "input.txt".into(),
        size: 0,
    };
    let mut problems = Vec::new();
    read_input(&input, &ReadConfig::default(), &mut |event| {
        if let Event::Problem(problem) = event {
            problems.push(problem);
        }
    });
    assert_eq!(problems.len(), 1);
    assert_eq!(problems[0].kind, DiagnosticKind::Unreadable);
    assert_eq!(problems[0].path, "input.txt");
    assert!(
        problems[0].message.starts_with("cannot open: no such file"),
        "{}",
        problems[0].message
    );
}

#[cfg(unix)]
#[test]
fn devices_and_pipes_are_spooled() {
    // /dev/null is not a regular file: it is copied to a temporary file first, then read.
    let input = InputFile {
        path: "/dev/null".into(),
        display: "/dev/null".into(),
        size: 0,
    };
    let mut kinds = Vec::new();
    read_input(&input, &ReadConfig::default(), &mut |event| {
        if let Event::Problem(problem) = event {
            kinds.push(problem.kind);
        }
    });
    assert_eq!(kinds, vec![DiagnosticKind::Empty]);
}
