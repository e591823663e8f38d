//! `bench-html`: the HTML extractor's speed beside trafilatura's, on the same pages in one run.
//!
//! chancery is timed on one core (pages one after another on this thread) and on all cores (rayon),
//! best of `--repeats` passes, pages decoded before the clock starts. trafilatura is timed by the
//! anchors' `run_extraction.py` (its own child process, pages in memory, a warm-up call, best of the
//! same number of passes), so both sides leave out start-up and file reading alike.

use std::path::{Path, PathBuf};
use std::process::Command;
use std::time::Instant;

use anyhow::{bail, Context, Result};
use chancery_extract::{html, ExtractConfig};
use chancery_model::RawDoc;
use rayon::prelude::*;
use serde_json::Value;

use crate::aeb::Benchmark;
use crate::timing::best_of;

/// Options of `bench-html`.
#[derive(Debug, clap::Args)]
pub struct HtmlArgs {
    /// The data directory (holding extraction/scrapinghub-aeb).
    pub data_dir: PathBuf,
    /// Timed passes; the best is reported.
    #[arg(long, default_value_t = 3)]
    pub repeats: usize,
    /// Python with the anchor tools installed (print it with ../shared/anchors/setup.sh); without
    /// it, only chancery is timed.
    #[arg(long, value_name = "PYTHON")]
    pub python: Option<PathBuf>,
    /// The anchors directory holding run_extraction.py (default: DATA_DIR/../anchors).
    #[arg(long, value_name = "DIR")]
    pub anchors: Option<PathBuf>,
    /// Anchor tools to run, comma-separated, as run_extraction.py names them.
    #[arg(long, default_value = "trafilatura")]
    pub tools: String,
}

/// `chancery-eval bench-html`.
pub fn run(args: &HtmlArgs) -> Result<()> {
    let bench = Benchmark::open(&args.data_dir)?;
    let docs: Vec<RawDoc> = bench
        .pages
        .iter()
        .map(|p| bench.read_page(p))
        .collect::<Result<_>>()?;
    let bytes: usize = docs.iter().map(|d| d.text.len()).sum();
    let repeats = args.repeats.max(1);
    let config = ExtractConfig::default();
    println!(
        "{} pages, {:.1} MB of HTML, best of {repeats} passes",
        docs.len(),
        bytes as f64 / 1e6
    );

    let one_core = best_of(repeats, || {
        docs.iter().for_each(|doc| {
            std::hint::black_box(html::extract_page(doc, &config));
        });
    });
    let all_cores = best_of(repeats, || {
        docs.par_iter().for_each(|doc| {
            std::hint::black_box(html::extract_page(doc, &config));
        });
    });
    let slowest = docs
        .iter()
        .map(|doc| {
            let started = Instant::now();
            std::hint::black_box(html::extract_page(doc, &config));
            started.elapsed()
        })
        .max()
        .unwrap_or_default();
    let pages = docs.len() as f64;
    let ours = pages / one_core.as_secs_f64().max(1e-9);
    println!("chancery one core: {ours:.1} pages/s");
    println!(
        "chancery all cores ({}): {:.1} pages/s",
        rayon::current_num_threads(),
        pages / all_cores.as_secs_f64().max(1e-9)
    );
    println!(
        "chancery slowest page: {:.1} ms",
        slowest.as_secs_f64() * 1e3
    );

    let Some(python) = &args.python else {
        println!("(pass --python to time the anchor tools beside it)");
        return Ok(());
    };
    let anchors = match &args.anchors {
        Some(dir) => dir.clone(),
        None => args.data_dir.join("../anchors"),
    };
    for (tool, their_pages_per_second, f1) in run_anchors(python, &anchors, &bench.dir, args)? {
        println!("{tool} one core: {their_pages_per_second:.1} pages/s (F1 {f1:.4})");
        println!(
            "ratio chancery/{tool} one core: {:.1}x",
            ours / their_pages_per_second.max(1e-9)
        );
    }
    Ok(())
}

/// Runs the anchors' extraction runner and returns (tool, best pages/s, F1) per tool.
fn run_anchors(
    python: &Path,
    anchors: &Path,
    aeb_dir: &Path,
    args: &HtmlArgs,
) -> Result<Vec<(String, f64, f64)>> {
    let script = anchors.join("run_extraction.py");
    if !script.exists() {
        bail!("{}: not found; pass --anchors DIR", script.display());
    }
    let out = tempfile::tempdir().context("cannot create a temporary directory")?;
    let status = Command::new(python)
        .arg(&script)
        .args(["--tools", &args.tools, "--repeats"])
        .arg(args.repeats.max(1).to_string())
        .arg("--out")
        .arg(out.path())
        .env("AEB_DIR", aeb_dir)
        .status()
        .with_context(|| format!("cannot run {}", python.display()))?;
    if !status.success() {
        bail!("{} failed ({status})", script.display());
    }
    let results_path = out.path().join("results.json");
    let results: Value = serde_json::from_slice(
        &std::fs::read(&results_path)
            .with_context(|| format!("{}: cannot read", results_path.display()))?,
    )
    .with_context(|| format!("{}: not JSON", results_path.display()))?;
    let rows = results["results"]
        .as_array()
        .context("results.json has no results")?;
    Ok(rows
        .iter()
        .map(|row| {
            (
                row["tool"].as_str().unwrap_or("?").to_string(),
                row["pps_best"].as_f64().unwrap_or(0.0),
                row["f1"].as_f64().unwrap_or(0.0),
            )
        })
        .collect())
}
