//! Article extraction measured on the Scrapinghub benchmark, two ways:
//! - `dumps`: each page rendered to its visible text, as a scraper that saved it as text would,
//!   then cleaned by the text-dump cleaner; the all-visible-text baseline is scored alongside;
//! - `html`: the HTML extractor straight on the page.

use std::collections::BTreeMap;
use std::path::{Path, PathBuf};
use std::time::{Duration, Instant};

use anyhow::{Context, Result};
use chancery_extract::{html, text, ExtractConfig, Extraction, NoEvidence};
use chancery_model::{DocFormat, RawDoc};
use rayon::prelude::*;

use crate::aeb::{self, Benchmark};
use crate::shingles::{self, Report};

/// Options shared by both evaluations.
#[derive(Debug, clap::Args)]
pub struct EvalArgs {
    /// The data directory (holding extraction/scrapinghub-aeb).
    pub data_dir: PathBuf,
    /// Print one line per page.
    #[arg(long)]
    pub verbose: bool,
    /// Write each page's visible text, prediction and truth here, for inspection.
    #[arg(long, value_name = "DIR")]
    pub dump_dir: Option<PathBuf>,
    /// Write the predictions as JSON the reference scorer reads.
    #[arg(long, value_name = "FILE")]
    pub pred_json: Option<PathBuf>,
    /// Write the all-visible-text predictions as JSON the reference scorer reads.
    #[arg(long, value_name = "FILE")]
    pub baseline_json: Option<PathBuf>,
}

/// What one page became.
struct Outcome {
    visible: String,
    pred: String,
}

/// The predicted body of an extraction: every article's paragraphs, one per line; titles and
/// captions are not part of the benchmark's bodies.
fn body(extraction: &Extraction) -> String {
    let paragraphs: Vec<&str> = extraction
        .articles
        .iter()
        .flat_map(|a| a.paragraphs.iter().map(|p| p.text.as_str()))
        .collect();
    paragraphs.join("\n")
}

/// Renders the page to text and cleans it as a text dump.
fn via_dump(page: &RawDoc) -> Outcome {
    let visible = html::visible_text(&page.text);
    let dump = RawDoc::utf8(
        page.provenance.clone(),
        DocFormat::Text,
        visible,
        page.meta.clone(),
    );
    let extraction = text::clean_dump(&dump, &NoEvidence, &ExtractConfig::default());
    Outcome {
        pred: body(&extraction),
        visible: dump.text,
    }
}

/// Extracts the article straight from the HTML.
fn via_html(page: &RawDoc) -> Outcome {
    let extraction = html::extract_page(page, &ExtractConfig::default());
    Outcome {
        pred: body(&extraction),
        visible: html::visible_text(&page.text),
    }
}

/// `chancery-eval dumps`.
pub fn dumps(args: &EvalArgs) -> Result<()> {
    evaluate(args, via_dump)
}

/// `chancery-eval html`.
pub fn html_pages(args: &EvalArgs) -> Result<()> {
    evaluate(args, via_html)
}

fn evaluate(args: &EvalArgs, predict: fn(&RawDoc) -> Outcome) -> Result<()> {
    let bench = Benchmark::open(&args.data_dir)?;
    // Pages are read before the clock starts: the speed figure is for extraction alone.
    let docs: Vec<RawDoc> = bench
        .pages
        .iter()
        .map(|p| bench.read_page(p))
        .collect::<Result<_>>()?;
    let started = Instant::now();
    let outcomes: Vec<Outcome> = docs.par_iter().map(predict).collect();
    let elapsed = started.elapsed();

    let truth = bench.truth();
    let pred: BTreeMap<String, String> = bench
        .pages
        .iter()
        .zip(&outcomes)
        .map(|(p, o)| (p.id.clone(), o.pred.clone()))
        .collect();
    let visible: BTreeMap<String, String> = bench
        .pages
        .iter()
        .zip(&outcomes)
        .map(|(p, o)| (p.id.clone(), o.visible.clone()))
        .collect();
    let report = shingles::score(&truth, &pred, 4, 0, 0)?;
    let baseline = shingles::score(&truth, &visible, 4, 0, 0)?;

    if args.verbose {
        print_pages(&bench, &report, &baseline);
    }
    if let Some(dir) = &args.dump_dir {
        write_dumps(dir, &bench, &outcomes)?;
    }
    if let Some(path) = &args.pred_json {
        aeb::write_pred(path, &pred)?;
    }
    if let Some(path) = &args.baseline_json {
        aeb::write_pred(path, &visible)?;
    }
    print_summary(&report, &baseline, bench.pages.len(), elapsed);
    Ok(())
}

fn print_pages(bench: &Benchmark, report: &Report, baseline: &Report) {
    println!(
        "{:<16}  {:>5}  {:>5}  {:>5}  {:>10}  {:>5}  {:>5}",
        "page", "P", "R", "exact", "baseline P", "R", "words"
    );
    for (i, page) in bench.pages.iter().enumerate() {
        let (row, base) = (&report.rows[i], &baseline.rows[i]);
        println!(
            "{:<16}  {:>5.3}  {:>5.3}  {:>5}  {:>10.3}  {:>5.3}  {:>5}",
            page.id.get(..16).unwrap_or(&page.id),
            row.precision(),
            row.recall(),
            u8::from(row.fp == 0.0 && row.fn_ == 0.0 && row.tp > 0.0),
            base.precision(),
            base.recall(),
            shingles::tokens(&page.truth).len(),
        );
    }
}

fn print_summary(report: &Report, baseline: &Report, pages: usize, elapsed: Duration) {
    println!("pages {pages}");
    println!("baseline precision {:.4}", baseline.summary.precision);
    println!("baseline recall {:.4}", baseline.summary.recall);
    println!("baseline exact {:.4}", baseline.accuracy);
    println!("baseline f1 {:.4}", baseline.summary.f1);
    println!("precision {:.4}", report.summary.precision);
    println!("recall {:.4}", report.summary.recall);
    println!("exact {:.4}", report.accuracy);
    println!("empty {}", report.empty_pred);
    println!(
        "pages/s {:.1}",
        pages as f64 / elapsed.as_secs_f64().max(1e-9)
    );
    println!("SCORE f1 {:.4}", report.summary.f1);
}

fn write_dumps(dir: &Path, bench: &Benchmark, outcomes: &[Outcome]) -> Result<()> {
    std::fs::create_dir_all(dir).with_context(|| format!("{}: cannot create", dir.display()))?;
    for (page, outcome) in bench.pages.iter().zip(outcomes) {
        for (suffix, text) in [
            ("visible", &outcome.visible),
            ("pred", &outcome.pred),
            ("truth", &page.truth),
        ] {
            let path = dir.join(format!("{}.{suffix}.txt", page.id));
            std::fs::write(&path, text)
                .with_context(|| format!("{}: cannot write", path.display()))?;
        }
    }
    Ok(())
}
