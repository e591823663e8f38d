//! `chancery-eval score-extraction`: scores prediction files with the benchmark metric and prints
//! the same table as the reference scorer `score_extraction.py`, figure for figure.
//!
//! Agreement with the reference: on the 91 development pages, three prediction files (cleaned
//! dumps, all visible text and the HTML extractor, written by `chancery-eval dumps|html
//! --pred-json/--baseline-json`) were scored by `python3 score_extraction.py A.json B.json C.json
//! --gt ground-truth.json` and by this command. The tables were identical, ± figures included
//! (F1 0.862 / 0.684 / 0.971), and the unrounded F1, precision, recall and accuracy were equal to
//! twelve decimals. A fourth file in the `{"version", "output"}` form, with null, missing,
//! three-word, upper-cased and exact bodies, scored against the real truth and against a truth
//! with empty and two-word bodies, also gave identical tables.

use std::path::PathBuf;

use anyhow::Result;

use crate::aeb;
use crate::shingles::{self, Report};

/// Arguments of `score-extraction`.
#[derive(Debug, clap::Args)]
pub struct ScoreArgs {
    /// Prediction files: {id: {"articleBody": text}} or {"version": v, "output": {...}}.
    #[arg(required = true)]
    pub pred: Vec<PathBuf>,
    /// Ground truth: {id: {"articleBody": text}}.
    #[arg(long)]
    pub gt: PathBuf,
    /// Shingle length in words.
    #[arg(long, default_value_t = 4)]
    pub ngram: usize,
    /// Bootstrap resamples for the ± figures (0 for none).
    #[arg(long, default_value_t = 1000)]
    pub n_bootstrap: usize,
    /// Also print the unrounded figures, for comparing implementations.
    #[arg(long)]
    pub precise: bool,
}

/// Runs the command.
pub fn run(args: &ScoreArgs) -> Result<()> {
    let truth = aeb::load_truth(&args.gt)?;
    println!(
        "{:<24} {:<12} {:<13}  {:<13}  {:<13}  accuracy",
        "", "version", "F1", "precision", "recall"
    );
    for path in &args.pred {
        let (pred, version) = aeb::load_pred(path)?;
        let report = shingles::score(&truth, &pred, args.ngram, args.n_bootstrap, 0)?;
        let name = path
            .file_stem()
            .map(|s| s.to_string_lossy().into_owned())
            .unwrap_or_default();
        println!("{}", row(&name, &version, &report));
        if args.precise {
            let s = report.summary;
            println!(
                "  f1 {:.12} precision {:.12} recall {:.12} accuracy {:.12}",
                s.f1, s.precision, s.recall, report.accuracy
            );
        }
    }
    Ok(())
}

/// One line of the table, as the reference's `fmt`.
fn row(name: &str, version: &str, report: &Report) -> String {
    let spread = report.spread.unwrap_or_default();
    let s = report.summary;
    format!(
        "{name:<24} {version:<12} {:.3} ± {:.3}  {:.3} ± {:.3}  {:.3} ± {:.3}  {:.3}",
        s.f1, spread.f1, s.precision, spread.precision, s.recall, spread.recall, report.accuracy
    )
}
