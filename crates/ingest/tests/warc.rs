//! WARC inputs, plain and gzipped: record selection, provenance, payload decoding, corrupt
//! records and resynchronisation, truncation.

mod common;

use std::io::{Read, Seek, SeekFrom};

use chancery_ingest::ReadConfig;
use chancery_model::{DiagnosticKind, DocFormat};
use common::{
    fixture, gzip, html_response, http_response, read, read_bytes, read_with, response_record,
    warc_record,
};
use flate2::bufread::GzDecoder;

/// Three HTML response records, for the corruption tests.
fn three_stories() -> Vec<Vec<u8>> {
    (1..=3)
        .map(|n| {
            let body = format!(
                "<html><body><h1>Story {n}</h1><p>Paragraph of story {n}.</p></body></html>"
            );
            response_record(
                n,
                &format!("https://news.example.org/{n}"),
                &html_response(&body),
            )
        })
        .collect()
}

fn story_numbers(outcome: &common::Outcome) -> Vec<String> {
    outcome
        .docs
        .iter()
        .map(|doc| {
            doc.provenance
                .url
                .clone()
                .unwrap_or_default()
                .replace("https://news.example.org/", "")
        })
        .collect()
}

#[test]
fn plain_warc_keeps_document_responses_and_resources() {
    let path = fixture("sample.warc");
    let raw = std::fs::read(&path).unwrap();
    let outcome = read(&path);
    assert!(outcome.problems.is_empty(), "{:?}", outcome.problems);
    assert_eq!(
        outcome.docs.len(),
        2,
        "only the 200 HTML response and the text resource"
    );

    let page = &outcome.docs[0];
    assert_eq!(page.format, DocFormat::Html);
    assert_eq!(page.text, "<html><body><h1>Ferry Timetable</h1><p>Two evening crossings were added.</p></body></html>");
    assert_eq!(
        page.provenance.url.as_deref(),
        Some("https://news.example.org/story")
    );
    assert_eq!(
        page.meta.url.as_deref(),
        Some("https://news.example.org/story")
    );
    assert_eq!(
        page.provenance.record_id.as_deref(),
        Some("<urn:uuid:00000000-0000-0000-0000-000000000002>")
    );
    assert_eq!(
        page.provenance.fetched_at.unwrap().to_rfc3339(),
        "2021-03-04T05:06:07+00:00"
    );
    let stored = &raw[page.provenance.offset as usize
        ..(page.provenance.offset + page.provenance.length) as usize];
    assert!(stored.starts_with(b"WARC/1.0\r\nWARC-Type: response\r\nWARC-Record-ID: <urn:uuid:00000000-0000-0000-0000-000000000002>"));
    assert!(stored.ends_with(b"</html>\r\n\r\n"));

    let resource = &outcome.docs[1];
    assert_eq!(resource.format, DocFormat::Text);
    assert_eq!(
        resource.text,
        "Briefing: the council meets again on Thursday.\n"
    );
    assert_eq!(
        resource.provenance.offset + resource.provenance.length,
        raw.len() as u64
    );
}

#[test]
fn warc_gz_members_have_seekable_compressed_offsets() {
    let dir = tempfile::tempdir().unwrap();
    let info = warc_record(
        "warcinfo",
        &[("Content-Type", "application/warc-fields")],
        b"software: test\r\n",
    );
    let mut records = vec![info];
    records.extend(three_stories());
    let mut file = Vec::new();
    for record in &records {
        file.extend(gzip(record));
    }
    let path = dir.path().join("crawl.warc.gz");
    std::fs::write(&path, &file).unwrap();
    let outcome = read(&path);
    assert!(outcome.problems.is_empty(), "{:?}", outcome.problems);
    assert_eq!(story_numbers(&outcome), ["1", "2", "3"]);

    let mut expected_offset = gzip(&records[0]).len() as u64;
    let mut handle = std::fs::File::open(&path).unwrap();
    for (doc, record) in outcome.docs.iter().zip(&records[1..]) {
        let member_len = gzip(record).len() as u64;
        assert_eq!(doc.provenance.offset, expected_offset);
        assert_eq!(doc.provenance.length, member_len);
        expected_offset += member_len;

        // Seeking to the reported offset and gunzipping one member gives back the record.
        handle.seek(SeekFrom::Start(doc.provenance.offset)).unwrap();
        let mut member = vec![0; doc.provenance.length as usize];
        handle.read_exact(&mut member).unwrap();
        let mut decompressed = Vec::new();
        GzDecoder::new(&member[..])
            .read_to_end(&mut decompressed)
            .unwrap();
        assert_eq!(&decompressed, record);
        let uri = doc.provenance.url.as_deref().unwrap();
        assert!(memchr::memmem::find(&decompressed, uri.as_bytes()).is_some());
    }
    assert_eq!(outcome.progress.last(), Some(&(file.len() as u64)));
}

#[test]
fn single_member_warc_gz_is_read_too() {
    let dir = tempfile::tempdir().unwrap();
    let outcome = read_bytes(
        dir.path(),
        "whole.warc.gz",
        &gzip(&three_stories().concat()),
    );
    assert!(outcome.problems.is_empty(), "{:?}", outcome.problems);
    assert_eq!(story_numbers(&outcome), ["1", "2", "3"]);
}

#[test]
fn corrupt_plain_record_is_skipped_and_reading_resumes() {
    let dir = tempfile::tempdir().unwrap();
    let stories = three_stories();
    let bad_offset = stories[0].len();

    // A content-length that overshoots into the next record.
    let mut overshoot = stories[1].clone();
    let at = memchr::memmem::find(&overshoot, b"Content-Length: ").unwrap() + 16;
    overshoot[at] = b'9';
    let outcome = read_bytes(
        dir.path(),
        "overshoot.warc",
        &[stories[0].clone(), overshoot, stories[2].clone()].concat(),
    );
    assert_eq!(story_numbers(&outcome), ["1", "3"]);
    assert_eq!(outcome.kinds(), vec![DiagnosticKind::BadRecord]);
    assert_eq!(
        outcome.problems[0].location.as_deref(),
        Some(format!("record at byte {bad_offset}").as_str())
    );
    let third_offset = bad_offset + stories[1].len();
    assert_eq!(outcome.docs[1].provenance.offset, third_offset as u64);

    // A damaged header line.
    let mut garbled = stories[1].clone();
    garbled[12..30].copy_from_slice(b"\x00\x01garbage-no-colon");
    let outcome = read_bytes(
        dir.path(),
        "garbled.warc",
        &[stories[0].clone(), garbled, stories[2].clone()].concat(),
    );
    assert_eq!(story_numbers(&outcome), ["1", "3"]);
    assert_eq!(outcome.kinds(), vec![DiagnosticKind::BadRecord]);
    assert_eq!(
        outcome.problems[0].location.as_deref(),
        Some(format!("record at byte {bad_offset}").as_str())
    );
    assert!(
        outcome.problems[0]
            .message
            .contains("skipped to the next record"),
        "{}",
        outcome.problems[0].message
    );

    // A record whose content-length falls short.
    let mut short = stories[1].clone();
    let at = memchr::memmem::find(&short, b"Content-Length: ").unwrap() + 16;
    short[at + 1] = b'0';
    let outcome = read_bytes(
        dir.path(),
        "short.warc",
        &[stories[0].clone(), short, stories[2].clone()].concat(),
    );
    assert_eq!(story_numbers(&outcome), ["1", "3"]);
    assert_eq!(outcome.kinds(), vec![DiagnosticKind::BadRecord]);
}

#[test]
fn corrupt_gzip_member_is_skipped_and_reading_resumes() {
    let dir = tempfile::tempdir().unwrap();
    let members: Vec<Vec<u8>> = three_stories().iter().map(|record| gzip(record)).collect();
    let bad_offset = members[0].len();
    let mut damaged = members[1].clone();
    let damaged_len = damaged.len();
    for byte in &mut damaged[12..damaged_len - 12] {
        *byte ^= 0x5A;
    }
    let outcome = read_bytes(
        dir.path(),
        "damaged.warc.gz",
        &[members[0].clone(), damaged, members[2].clone()].concat(),
    );
    assert_eq!(story_numbers(&outcome), ["1", "3"]);
    assert_eq!(outcome.kinds(), vec![DiagnosticKind::BadRecord]);
    assert_eq!(
        outcome.problems[0].location.as_deref(),
        Some(format!("record at byte {bad_offset}").as_str())
    );
    assert_eq!(
        outcome.docs[1].provenance.offset,
        (bad_offset + members[1].len()) as u64
    );

    // A member whose header is destroyed entirely.
    let mut headless = members[1].clone();
    headless[..4].copy_from_slice(b"JUNK");
    let outcome = read_bytes(
        dir.path(),
        "headless.warc.gz",
        &[members[0].clone(), headless, members[2].clone()].concat(),
    );
    assert_eq!(story_numbers(&outcome), ["1", "3"]);
    assert_eq!(outcome.kinds(), vec![DiagnosticKind::BadRecord]);
    assert_eq!(
        outcome.problems[0].location.as_deref(),
        Some(format!("record at byte {bad_offset}").as_str())
    );
}

#[test]
fn bad_record_inside_a_valid_member_is_reported() {
    let dir = tempfile::tempdir().unwrap();
    let stories = three_stories();
    let members = [
        gzip(&stories[0]),
        gzip(b"WARC/1.0\r\nno colon here\r\n\r\n"),
        gzip(&stories[2]),
    ];
    let outcome = read_bytes(dir.path(), "odd.warc.gz", &members.concat());
    assert_eq!(story_numbers(&outcome), ["1", "3"]);
    assert_eq!(outcome.kinds(), vec![DiagnosticKind::BadRecord]);
    assert_eq!(
        outcome.problems[0].location.as_deref(),
        Some(format!("record at byte {}", members[0].len()).as_str())
    );
}

#[test]
fn truncated_warc_gz_keeps_the_records_before_the_damage() {
    let dir = tempfile::tempdir().unwrap();
    let file: Vec<u8> = three_stories()
        .iter()
        .flat_map(|record| gzip(record))
        .collect();
    let outcome = read_bytes(dir.path(), "cut.warc.gz", &file[..file.len() - 30]);
    assert_eq!(story_numbers(&outcome), ["1", "2"]);
    assert_eq!(outcome.kinds(), vec![DiagnosticKind::Truncated]);

    // One member for the whole file, cut inside a fourth record whose body does not compress.
    let mut state = 7u64;
    let noise: String = (0..4000)
        .map(|_| {
            state = state
                .wrapping_mul(6364136223846793005)
                .wrapping_add(1442695040888963407);
            char::from(b'a' + (state >> 59) as u8 % 26)
        })
        .collect();
    let fourth = response_record(
        4,
        "https://news.example.org/4",
        &html_response(&format!("<p>{noise}</p>")),
    );
    let single = gzip(&[three_stories().concat(), fourth].concat());
    let outcome = read_bytes(
        dir.path(),
        "cut-single.warc.gz",
        &single[..single.len() - 500],
    );
    assert_eq!(story_numbers(&outcome), ["1", "2", "3"]);
    assert_eq!(outcome.kinds(), vec![DiagnosticKind::Truncated]);
}

#[test]
fn chunked_bodies_are_joined() {
    let dir = tempfile::tempdir().unwrap();
    let chunks = ["<html><body><p>Chunked ", "body arrives whole.</p>"];
    let mut body: String = chunks
        .iter()
        .map(|chunk| format!("{:x};name=value\r\n{chunk}\r\n", chunk.len()))
        .collect();
    body.push_str("0\r\n\r\n");
    let http = http_response(
        "200 OK",
        &[
            ("Content-Type", "text/html"),
            ("Transfer-Encoding", "chunked"),
        ],
        body.as_bytes(),
    );
    let outcome = read_bytes(
        dir.path(),
        "chunked.warc",
        &response_record(1, "https://example.org/c", &http),
    );
    assert_eq!(
        outcome.only_doc().text,
        "<html><body><p>Chunked body arrives whole.</p>"
    );
}

#[test]
fn gzip_content_encoding_is_removed() {
    let dir = tempfile::tempdir().unwrap();
    let body = gzip(b"<p>Compressed on the wire.</p>");
    let http = http_response(
        "200 OK",
        &[("Content-Type", "text/html"), ("Content-Encoding", "gzip")],
        &body,
    );
    let outcome = read_bytes(
        dir.path(),
        "encoded.warc",
        &response_record(1, "https://example.org/z", &http),
    );
    assert_eq!(outcome.only_doc().text, "<p>Compressed on the wire.</p>");
}

#[test]
fn http_charset_is_honoured() {
    let dir = tempfile::tempdir().unwrap();
    let (body, _, _) = encoding_rs::WINDOWS_1251.encode("<p>Новости дня: мост открыт.</p>");
    let http = http_response(
        "200 OK",
        &[("Content-Type", "text/html; charset=windows-1251")],
        &body,
    );
    let outcome = read_bytes(
        dir.path(),
        "cyrillic.warc",
        &response_record(1, "https://example.ru/n", &http),
    );
    let doc = outcome.only_doc();
    assert_eq!(doc.encoding, "windows-1251");
    assert_eq!(doc.text, "<p>Новости дня: мост открыт.</p>");
    // Spans are relative to the body: "мост" starts at the body byte of its first letter.
    let bridge = doc.text.find("мост").unwrap() as u64;
    assert_eq!(
        doc.offsets.to_raw(bridge),
        "<p>Новости дня: ".chars().count() as u64
    );
}

#[test]
fn latin1_body_without_declaration_is_detected() {
    let dir = tempfile::tempdir().unwrap();
    let http = http_response(
        "200 OK",
        &[("Content-Type", "text/html")],
        b"<p>Le caf\xe9 est ferm\xe9 le lundi.</p>",
    );
    let outcome = read_bytes(
        dir.path(),
        "latin1.warc",
        &response_record(1, "https://example.fr/c", &http),
    );
    let doc = outcome.only_doc();
    assert_eq!(doc.encoding, "windows-1252");
    assert_eq!(doc.text, "<p>Le café est fermé le lundi.</p>");
}

#[test]
fn records_over_the_limit_are_reported() {
    let dir = tempfile::tempdir().unwrap();
    let big = html_response(&format!("<p>{}</p>", "long ".repeat(100)));
    let small = html_response("<p>short</p>");
    let file = [
        response_record(1, "https://example.org/big", &big),
        response_record(2, "https://example.org/small", &small),
    ]
    .concat();
    let path = dir.path().join("limits.warc");
    std::fs::write(&path, file).unwrap();
    let outcome = read_with(
        &path,
        &ReadConfig {
            max_doc_bytes: 200,
            ..ReadConfig::default()
        },
    );
    assert_eq!(outcome.kinds(), vec![DiagnosticKind::TooLarge]);
    assert_eq!(
        outcome.problems[0].location.as_deref(),
        Some("record at byte 0")
    );
    assert_eq!(outcome.only_doc().text, "<p>short</p>");
}
