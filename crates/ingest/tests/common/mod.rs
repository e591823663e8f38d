//! Helpers shared by the integration tests: reading inputs into collected events, and building
//! WARC records, HTTP responses and gzip members.

#![allow(dead_code)]

use std::io::Write;
use std::path::{Path, PathBuf};

use chancery_ingest::{read_input, Event, InputFile, ReadConfig};
use chancery_model::{Diagnostic, DiagnosticKind, RawDoc};
use flate2::write::GzEncoder;
use flate2::Compression;

/// Everything `read_input` sent for one input.
#[derive(Debug, Default)]
pub struct Outcome {
    pub docs: Vec<RawDoc>,
    pub problems: Vec<Diagnostic>,
    pub progress: Vec<u64>,
}

impl Outcome {
    pub fn kinds(&self) -> Vec<DiagnosticKind> {
        self.problems.iter().map(|problem| problem.kind).collect()
    }

    pub fn only_doc(&self) -> &RawDoc {
        assert_eq!(
            self.docs.len(),
            1,
            "docs: {:?}\nproblems: {:?}",
            self.docs,
            self.problems
        );
        &self.docs[0]
    }
}

pub fn fixture(name: &str) -> PathBuf {
    Path::new(env!("CARGO_MANIFEST_DIR"))
        .join("tests/fixtures")
        .join(name)
}

/// Reads a file with the given limits, displayed under its file name.
pub fn read_with(path: &Path, config: &ReadConfig) -> Outcome {
    let size = std::fs::metadata(path)
        .map(|metadata| metadata.len())
        .unwrap_or(0);
    let display = path
        .file_name()
        .expect("input path has a file name")
        .to_string_lossy()
        .into_owned();
    let input = InputFile {
        path: path.to_path_buf(),
        display,
        size,
    };
    let mut outcome = Outcome::default();
    read_input(&input, config, &mut |event| match event {
        Event::Doc(doc) => outcome.docs.push(doc),
        Event::Problem(problem) => outcome.problems.push(problem),
        Event::Progress { bytes } => outcome.progress.push(bytes),
    });
    outcome
}

pub fn read(path: &Path) -> Outcome {
    read_with(path, &ReadConfig::default())
}

/// Writes `bytes` to `name` in `dir` and reads it.
pub fn read_bytes(dir: &Path, name: &str, bytes: &[u8]) -> Outcome {
    let path = dir.join(name);
    std::fs::write(&path, bytes).expect("test input is written");
    read(&path)
}

/// A WARC/1.0 record with the given type, extra header fields and block.
pub fn warc_record(kind: &str, headers: &[(&str, &str)], block: &[u8]) -> Vec<u8> {
    let mut record = format!("WARC/1.0\r\nWARC-Type: {kind}\r\n");
    for (name, value) in headers {
        record.push_str(&format!("{name}: {value}\r\n"));
    }
    record.push_str(&format!("Content-Length: {}\r\n\r\n", block.len()));
    let mut bytes = record.into_bytes();
    bytes.extend_from_slice(block);
    bytes.extend_from_slice(b"\r\n\r\n");
    bytes
}

/// A `response` record for `uri` with a numbered record id.
pub fn response_record(id: u32, uri: &str, http: &[u8]) -> Vec<u8> {
    let record_id = format!("<urn:uuid:00000000-0000-0000-0000-{id:012}>");
    warc_record(
        "response",
        &[
            ("WARC-Record-ID", &record_id),
            ("WARC-Target-URI", uri),
            ("WARC-Date", "2023-02-28T12:00:00Z"),
            ("Content-Type", "application/http; msgtype=response"),
        ],
        http,
    )
}

/// An HTTP/1.1 response with the given status, headers and body.
pub fn http_response(status: &str, headers: &[(&str, &str)], body: &[u8]) -> Vec<u8> {
    let mut head = format!("HTTP/1.1 {status}\r\n");
    for (name, value) in headers {
        head.push_str(&format!("{name}: {value}\r\n"));
    }
    head.push_str("\r\n");
    let mut bytes = head.into_bytes();
    bytes.extend_from_slice(body);
    bytes
}

/// A 200 HTML response.
pub fn html_response(body: &str) -> Vec<u8> {
    http_response(
        "200 OK",
        &[("Content-Type", "text/html; charset=utf-8")],
        body.as_bytes(),
    )
}

/// One gzip member holding `data`.
pub fn gzip(data: &[u8]) -> Vec<u8> {
    let mut encoder = GzEncoder::new(Vec::new(), Compression::default());
    encoder.write_all(data).expect("gzip into memory");
    encoder.finish().expect("gzip into memory")
}
