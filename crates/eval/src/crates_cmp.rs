//! `html-crates`: the Rust article extractors a user could pick instead, rs-trafilatura and
//! dom_smoothie, measured beside chancery's on the Scrapinghub benchmark: the benchmark's metric
//! and pages per second on one core, pages decoded before the clock starts.
//!
//! Behind the `crates` feature, so their dependency trees stay out of the default build:
//! `cargo run --release -p chancery-eval --features crates -- html-crates ../shared/data`.

use std::collections::BTreeMap;
use std::time::Instant;

use anyhow::Result;
use chancery_extract::{html, ExtractConfig};
use chancery_model::RawDoc;

use crate::aeb::Benchmark;
use crate::dumps::EvalArgs;
use crate::shingles;

type Extractor = fn(&RawDoc) -> String;

/// `chancery-eval html-crates`.
pub fn run(args: &EvalArgs) -> Result<()> {
    let bench = Benchmark::open(&args.data_dir)?;
    let docs: Vec<RawDoc> = bench
        .pages
        .iter()
        .map(|p| bench.read_page(p))
        .collect::<Result<_>>()?;
    let truth = bench.truth();
    let tools: [(&str, Extractor); 3] = [
        ("chancery", chancery),
        ("rs-trafilatura", rs_trafilatura_body),
        ("dom_smoothie", dom_smoothie_body),
    ];
    println!(
        "{:<16} {:>7} {:>9} {:>7} {:>7} {:>8}",
        "tool", "F1", "precision", "recall", "exact", "pages/s"
    );
    for (name, extract) in tools {
        let started = Instant::now();
        let bodies: Vec<String> = docs.iter().map(extract).collect();
        let seconds = started.elapsed().as_secs_f64().max(1e-9);
        let pred: BTreeMap<String, String> = bench
            .pages
            .iter()
            .map(|p| p.id.clone())
            .zip(bodies)
            .collect();
        let report = shingles::score(&truth, &pred, 4, 0, 0)?;
        println!(
            "{name:<16} {:>7.4} {:>9.4} {:>7.4} {:>7.4} {:>8.1}",
            report.summary.f1,
            report.summary.precision,
            report.summary.recall,
            report.accuracy,
            docs.len() as f64 / seconds
        );
    }
    Ok(())
}

fn chancery(doc: &RawDoc) -> String {
    let extraction = html::extract_page(doc, &ExtractConfig::default());
    extraction
        .articles
        .iter()
        .map(|a| a.body_text())
        .collect::<Vec<_>>()
        .join("\n")
}

fn rs_trafilatura_body(doc: &RawDoc) -> String {
    rs_trafilatura::extract(&doc.text)
        .map(|result| result.content_text)
        .unwrap_or_default()
}

fn dom_smoothie_body(doc: &RawDoc) -> String {
    let url = doc.meta.url.as_deref().or(doc.provenance.url.as_deref());
    dom_smoothie::Readability::new(doc.text.as_str(), url, None)
        .and_then(|mut readability| readability.parse())
        .map(|article| article.text_content.to_string())
        .unwrap_or_default()
}
