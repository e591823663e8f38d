//! Cleans text dumps given as arguments and prints each file's articles as one JSON object per line:
//! `{"path", "articles": [{"title", "captions", "paragraphs", "published", "removed"}]}`.
//! A quick way to see what the cleaner makes of a file without a store.

#![allow(clippy::print_stdout, clippy::print_stderr)]

use chancery_extract::{text::clean_dump, ExtractConfig, NoEvidence};
use chancery_model::{DocFormat, DocMeta, Provenance, RawDoc};

fn main() {
    for path in std::env::args().skip(1) {
        let bytes = match std::fs::read(&path) {
            Ok(bytes) => bytes,
            Err(e) => {
                eprintln!("{path}: {e}");
                continue;
            }
        };
        let text = String::from_utf8_lossy(&bytes).into_owned();
        let provenance = Provenance {
            path: path.clone(),
            length: bytes.len() as u64,
            ..Default::default()
        };
        let doc = RawDoc::utf8(provenance, DocFormat::Text, text, DocMeta::default());
        let extraction = clean_dump(&doc, &NoEvidence, &ExtractConfig::default());
        let articles: Vec<serde_json::Value> = extraction
            .articles
            .iter()
            .map(|a| {
                serde_json::json!({
                    "title": a.title_text(),
                    "captions": a.captions.iter().map(|c| &c.text).collect::<Vec<_>>(),
                    "paragraphs": a.paragraphs.iter().map(|p| &p.text).collect::<Vec<_>>(),
                    "published": a.published,
                    "removed": a.removed.iter().map(|r| format!("[{}] {}", r.reason.as_str(), r.text)).collect::<Vec<_>>(),
                })
            })
            .collect();
        println!(
            "{}",
            serde_json::json!({ "path": path, "articles": articles })
        );
    }
}
