//! `chancery extract PATH... --format json`: extract articles without storing them.
//!
//! Reads inputs as `ingest` does (every format, every diagnostic) and prints one JSON object per
//! article found: one per HTML page or WARC record, one per article of a text dump. Nothing is
//! written to a store, so any scorer or pipeline can consume the output directly.

use std::io::{self, BufWriter, Write};

use anyhow::{Context, Result};
use chancery_extract::{extract, ExtractConfig, NoEvidence};
use chancery_ingest::{expand_inputs, read_input, Event, ReadConfig};
use chancery_model::{Article, RawDoc};
use rayon::prelude::*;
use serde_json::{json, Value};

use super::{json, Outcome};
use crate::cli::ExtractArgs;
use crate::report;

/// Documents extracted in parallel at a time: enough to keep every core busy, few enough to keep
/// memory small and output flowing.
const CHUNK: usize = 256;

pub fn run(args: &ExtractArgs) -> Result<Outcome> {
    let (inputs, walk_problems) = expand_inputs(&args.paths);
    let mut problems = walk_problems.len();
    for problem in &walk_problems {
        report::diagnostic(problem);
    }
    let mut out = BufWriter::new(io::stdout().lock());
    let config = ExtractConfig::default();
    let read_config = ReadConfig::default();
    let mut pending: Vec<RawDoc> = Vec::new();
    let mut failure = None;
    for input in &inputs {
        read_input(input, &read_config, &mut |event| match event {
            Event::Doc(doc) => {
                pending.push(doc);
                if pending.len() >= CHUNK && failure.is_none() {
                    failure = write_chunk(&mut out, &mut pending, &config, &mut problems).err();
                }
            }
            Event::Problem(diagnostic) => {
                problems += 1;
                report::diagnostic(&diagnostic);
            }
            Event::Progress { .. } => {}
        });
        if let Some(error) = failure.take() {
            return Err(error);
        }
    }
    write_chunk(&mut out, &mut pending, &config, &mut problems)?;
    out.flush().context("cannot write to standard output")?;
    Ok(if problems == 0 {
        Outcome::Clean
    } else {
        Outcome::WithProblems
    })
}

/// Extracts the pending documents in parallel and prints their articles in input order.
fn write_chunk(
    out: &mut impl Write,
    pending: &mut Vec<RawDoc>,
    config: &ExtractConfig,
    problems: &mut usize,
) -> Result<()> {
    let docs = std::mem::take(pending);
    let extractions: Vec<_> = docs
        .par_iter()
        .map(|doc| extract(doc, &NoEvidence, config))
        .collect();
    for (doc, extraction) in docs.iter().zip(extractions) {
        for diagnostic in &extraction.diagnostics {
            *problems += 1;
            report::diagnostic(diagnostic);
        }
        for article in &extraction.articles {
            writeln!(out, "{}", page_json(doc, article))
                .context("cannot write to standard output")?;
        }
    }
    Ok(())
}

/// One article as the `extract` command prints it: the fields a scorer needs first (`path`,
/// `title`, `authors`, `published`, `text`), then the rest of the metadata and the spans.
fn page_json(doc: &RawDoc, article: &Article) -> Value {
    let published = article
        .meta
        .published
        .filter(|t| Some(t.date) == article.published)
        .map(|t| t.to_iso())
        .or_else(|| article.published.map(|d| d.to_string()));
    let mut value = json!({
        "path": doc.provenance.path,
        "url": article.url,
        "title": article.title_text(),
        "authors": article.meta.authors,
        "published": published,
        "text": article.body_text(),
        "captions": article.captions.iter().map(|c| &c.text).collect::<Vec<_>>(),
        "language": article.language,
        "id": article.id,
    });
    if let (Value::Object(fields), Value::Object(meta)) = (&mut value, json::meta(&article.meta)) {
        for (key, field) in meta {
            // The day stated in the text wins over none; the page's own time is kept as stated.
            fields.entry(key).or_insert(field);
        }
        fields.insert("provenance".to_string(), json!(article.provenance.first()));
    }
    value
}
