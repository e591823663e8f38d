//! ECB+ corpus documents: detected by content, tokens joined into text whose every word maps
//! back to its token's bytes in the XML file.

mod common;

use chancery_model::{DiagnosticKind, DocFormat};
use common::{fixture, gzip, read, read_bytes};

const EXPECTED_TEXT: &str = "http://www.harbour-news.example/ferry-timetable\n\n\
Harbour Council Approves New Ferry Timetable\n\n\
March 3, 2023\n\n\
The harbour council approved a new ferry timetable on Thursday, adding two late crossings & a Sunday service.\n\n\
\u{201C}We've listened to commuters,\u{201D} said councillor Ana Reyes.\n\n\
The changes cost $40,000 a year and start at 6:30 on Monday.";

#[test]
fn an_ecbplus_document_is_one_text_document() {
    let path = fixture("ecbplus_doc.xml");
    let outcome = read(&path);
    assert!(outcome.problems.is_empty(), "{:?}", outcome.problems);
    let doc = outcome.only_doc();
    assert_eq!(doc.format, DocFormat::Text);
    assert_eq!(doc.text, EXPECTED_TEXT);
    assert_eq!(
        doc.meta.url.as_deref(),
        Some("http://www.harbour-news.example/ferry-timetable")
    );
    assert_eq!(doc.source_key(), "harbour-news.example");
    assert_eq!(doc.provenance.path, "ecbplus_doc.xml");
    assert_eq!(doc.provenance.offset, 0);
    assert_eq!(
        doc.provenance.length,
        std::fs::metadata(&path).unwrap().len()
    );
}

#[test]
fn words_and_paragraphs_map_to_token_bytes() {
    let path = fixture("ecbplus_doc.xml");
    let raw = std::fs::read(&path).unwrap();
    let outcome = read(&path);
    let doc = outcome.only_doc();
    let raw_of = |start: usize, end: usize| {
        let start = doc.offsets.to_raw(start as u64) as usize;
        let end = doc.offsets.to_raw(end as u64) as usize;
        &raw[start..end]
    };
    for word in ["Harbour", "Thursday", "&", "Reyes", "40,000", "Monday"] {
        let start = doc.text.find(word).unwrap();
        let expected: &[u8] = if word == "&" {
            b"&amp;"
        } else {
            word.as_bytes()
        };
        assert_eq!(raw_of(start, start + word.len()), expected, "{word}");
    }
    // A paragraph runs from its first token to its last: markup in between, none outside.
    let paragraph = doc.text.split("\n\n").nth(5).unwrap();
    let start = doc.text.find(paragraph).unwrap();
    let bytes = raw_of(start, start + paragraph.len());
    assert!(
        bytes.starts_with(b"The</token>"),
        "{:?}",
        String::from_utf8_lossy(bytes)
    );
    assert!(bytes.ends_with(b">.")); // the final full stop is the last token's text
}

#[test]
fn gzipped_and_declared_documents_are_recognised() {
    let xml = std::fs::read(fixture("ecbplus_doc.xml")).unwrap();
    let dir = tempfile::tempdir().unwrap();
    let outcome = read_bytes(dir.path(), "7_1ecbplus.xml.gz", &gzip(&xml));
    assert_eq!(outcome.only_doc().text, EXPECTED_TEXT);

    let declared = [&b"<?xml version=\"1.0\" encoding=\"UTF-8\"?>\n"[..], &xml].concat();
    let outcome = read_bytes(dir.path(), "declared.dat", &declared);
    let doc = outcome.only_doc();
    assert_eq!(doc.text, EXPECTED_TEXT);
    let start = doc.text.find("Reyes").unwrap() as u64;
    let at = doc.offsets.to_raw(start) as usize;
    assert_eq!(&declared[at..at + 5], b"Reyes");
}

#[test]
fn broken_documents_get_diagnostics_not_panics() {
    let dir = tempfile::tempdir().unwrap();
    let outcome = read_bytes(
        dir.path(),
        "1_9ecb.xml",
        b"<Document doc_name=\"1_9ecb.xml\">\n<token t_id=\"1\" sentence=\"0\" number=\"0\"></token>\n</Document>\n",
    );
    assert!(outcome.docs.is_empty());
    assert_eq!(outcome.kinds(), vec![DiagnosticKind::Empty]);
    assert_eq!(outcome.problems[0].path, "1_9ecb.xml");

    let outcome = read_bytes(
        dir.path(),
        "1_8ecb.xml",
        b"<Document doc_name=\"1_8ecb.xml\">\n<token t_id=\"1\" sentence=\"0\" number=\"0\">Fine</token>\n\
<token t_id=\"2\" sentence=\"x\" number=\"1\">bad</token>\n<token t_id=\"3\" sentence=\"0\" number=\"2\">cut",
    );
    assert_eq!(outcome.only_doc().text, "Fine");
    assert_eq!(
        outcome.kinds(),
        vec![DiagnosticKind::BadRecord, DiagnosticKind::BadRecord]
    );
    assert!(
        outcome.problems[0].message.contains("sentence attribute"),
        "{}",
        outcome.problems[0].message
    );
}
