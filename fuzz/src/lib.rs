//! What the fuzz targets share: feeding bytes to the ingest reader the way a file on disk is fed,
//! extracting a document the way `ingest` does, and sending requests to the HTTP API (`http`),
//! checking the invariants every run must keep.

use std::fs::File;
use std::io::{Seek, SeekFrom, Write};

use chancery_extract::{extract, ExtractConfig, NoEvidence};
use chancery_ingest::{read_input, Event, InputFile, ReadConfig};
use chancery_model::{Article, DocFormat, DocMeta, Provenance, RawDoc};

mod http;
pub use http::http_request;

/// Limits small enough that the fuzzer meets the "too large" paths with small inputs.
const FUZZ_READ: ReadConfig = ReadConfig {
    max_doc_bytes: 64 << 10,
    max_line_bytes: 16 << 10,
};

/// Writes `bytes` to a temporary file and reads it as `chancery ingest` reads an input:
/// format sniffed from the content, every document and problem reported. Returns how many
/// documents were read.
pub fn ingest_bytes(bytes: &[u8]) -> usize {
    thread_local! {
        // One file per process, rewritten for each input: creating a file per run would
        // dominate the time of a run.
        static FILE: std::cell::RefCell<Option<tempfile::NamedTempFile>> =
            const { std::cell::RefCell::new(None) };
    }
    FILE.with(|cell| {
        let mut slot = cell.borrow_mut();
        if slot.is_none() {
            *slot = tempfile::NamedTempFile::new().ok();
        }
        let Some(file) = slot.as_mut() else { return 0 };
        if rewrite(file.as_file_mut(), bytes).is_err() {
            return 0;
        }
        let input = InputFile {
            path: file.path().to_path_buf(),
            display: "fuzz-input".to_string(),
            size: bytes.len() as u64,
        };
        let mut docs = 0;
        read_input(&input, &FUZZ_READ, &mut |event| {
            if let Event::Doc(doc) = event {
                // What `ingest` does next with every document it reads.
                let _ = extract(&doc, &NoEvidence, &ExtractConfig::default());
                docs += 1;
            }
        });
        docs
    })
}

fn rewrite(file: &mut File, bytes: &[u8]) -> std::io::Result<()> {
    file.set_len(0)?;
    file.seek(SeekFrom::Start(0))?;
    file.write_all(bytes)?;
    file.flush()
}

/// Extracts `bytes` (as UTF-8, invalid sequences replaced) as a document of `format`, and checks
/// that every span the articles carry lies inside the document.
pub fn extract_bytes(bytes: &[u8], format: DocFormat) {
    let text = String::from_utf8_lossy(bytes).into_owned();
    let len = text.len() as u64;
    let doc = RawDoc::utf8(Provenance::default(), format, text, DocMeta::default());
    let extraction = extract(&doc, &NoEvidence, &ExtractConfig::default());
    for article in &extraction.articles {
        let blocks = article
            .title
            .iter()
            .chain(&article.captions)
            .chain(&article.paragraphs);
        for block in blocks {
            assert!(
                block.span.start <= block.span.end && block.span.end <= len,
                "span {:?} outside a document of {len} bytes",
                block.span
            );
        }
        for removed in &article.removed {
            assert!(
                removed.span.end <= len,
                "removed-line span {:?} outside {len}",
                removed.span
            );
        }
    }
}

/// The articles of a text dump, as `ingest` extracts them.
fn extract_text(bytes: &[u8]) -> Vec<Article> {
    let text = String::from_utf8_lossy(bytes).into_owned();
    let doc = RawDoc::utf8(Provenance::default(), DocFormat::Text, text, DocMeta::default());
    extract(&doc, &NoEvidence, &ExtractConfig::default()).articles
}
