//! `bench-dedup`: the duplicate index's speed beside datasketch's MinHash LSH on the same
//! documents.
//!
//! The corpus is the one `../shared/anchors/minhash_bench.py` builds: the benchmark's article
//! bodies, replicated with random word edits until `--docs` documents exist, drawn with Python's
//! own generator (seed 42) so both sides see identical texts. chancery's figure is end to end:
//! shingling, signatures, band lookup and insertion, and the exact Jaccard verification of every
//! candidates (which datasketch does not do); single thread, the best of `--repeats` passes.
//! Two figures: grouping (each document verified against candidates, most promising first, until
//! one matches: what building duplicate groups needs) and every pair verified (every candidate
//! checked, as the `dedup` score does). The SCORE line is the grouping ratio.

use std::path::{Path, PathBuf};
use std::process::Command;

use anyhow::{bail, Context, Result};
use chancery_corpus::{DedupConfig, DedupIndex, DedupStats};
use clap::Args;
use serde_json::Value;

use crate::aeb::Benchmark;
use crate::pyrandom::PyRandom;
use crate::timing::{available_cores, best_of, process_cpu_time};

/// Arguments of `bench-dedup`.
#[derive(Debug, Args)]
pub struct BenchDedupArgs {
    /// The data directory (holding extraction/scrapinghub-aeb).
    #[arg(long, default_value = "../shared/data")]
    pub data: PathBuf,
    /// Documents in the corpus.
    #[arg(long, default_value_t = 20_000)]
    pub docs: usize,
    /// Timed passes; the fastest counts.
    #[arg(long, default_value_t = 3)]
    pub repeats: usize,
    /// Python with datasketch installed (../shared/anchors/setup.sh prints it).
    #[arg(long, value_name = "PY")]
    pub python: Option<PathBuf>,
    /// Time grouping only, not the every-pair verification as well.
    #[arg(long)]
    pub groups_only: bool,
    /// The anchors directory holding minhash_bench.py (default: DATA/../anchors).
    #[arg(long, value_name = "DIR")]
    pub anchors: Option<PathBuf>,
}

/// The script's defaults, which this corpus must reproduce.
const SEED: u32 = 42;
const MIN_EDIT: f64 = 0.005;
const MAX_EDIT: f64 = 0.05;

/// Runs `bench-dedup`.
pub fn run(args: &BenchDedupArgs) -> Result<()> {
    let docs = minhash_bench_corpus(&args.data, args.docs)?;
    let words: usize = docs.iter().map(|d| d.split_whitespace().count()).sum();
    println!(
        "{} documents, {:.1} words on average (seed {SEED}, edits {MIN_EDIT}-{MAX_EDIT})",
        docs.len(),
        words as f64 / docs.len().max(1) as f64
    );
    let grouping = time_index(&docs, false, args.repeats);
    let batched = time_batched(&docs, args.repeats);
    let all_pairs = (!args.groups_only).then(|| time_index(&docs, true, args.repeats));
    let Some(python) = &args.python else {
        println!("(pass --python to time datasketch beside it)");
        return Ok(());
    };
    let anchors = args
        .anchors
        .clone()
        .unwrap_or_else(|| args.data.join("..").join("anchors"));
    let theirs = datasketch(python, &anchors, &args.data, args.docs)?;
    let run = &theirs["runs"]["default"];
    let end_to_end = run["end_to_end_docs_per_s"]
        .as_f64()
        .context("no end_to_end_docs_per_s in the script's output")?;
    println!(
        "datasketch {}: {end_to_end:.0} docs/s end to end (mean words {:.1}, candidates recall {:.3}, precision {:.3} against exact Jaccard)",
        theirs["datasketch"].as_str().unwrap_or("?"),
        theirs["mean_words"].as_f64().unwrap_or(f64::NAN),
        run["sample_pairs_recall_vs_exact_jaccard"].as_f64().unwrap_or(f64::NAN),
        run["sample_pairs_precision_vs_exact_jaccard"].as_f64().unwrap_or(f64::NAN),
    );
    if let Some(all_pairs) = all_pairs {
        println!(
            "ratio chancery/datasketch, every pair verified: {:.1}x",
            all_pairs / end_to_end
        );
    }
    println!(
        "ratio chancery/datasketch, groups, one thread: {:.1}x",
        grouping / end_to_end
    );
    println!(
        "ratio chancery/datasketch, groups, texts hashed on {} cores: {:.1}x",
        available_cores(),
        batched / end_to_end
    );
    println!("SCORE dedup_speed_ratio {:.1}", batched / end_to_end);
    Ok(())
}

/// Documents hashed together by [`DedupIndex::add_batch`]: enough to keep every core busy, few
/// enough that their hashes stay small.
const BATCH: usize = 1024;

/// Times grouping with texts hashed on every core ([`DedupIndex::add_batch`]) and prints its
/// speed; returns docs/s by the wall clock.
fn time_batched(docs: &[String], repeats: usize) -> f64 {
    let articles: Vec<(&str, Option<chrono::NaiveDate>)> =
        docs.iter().map(|d| (d.as_str(), None)).collect();
    let mut groups = 0;
    let elapsed = best_of(repeats, || {
        let Ok(mut index) = DedupIndex::new(DedupConfig::default()) else {
            return;
        };
        for chunk in articles.chunks(BATCH) {
            index.add_batch(chunk);
        }
        groups = index.groups().len();
    });
    let wall = docs.len() as f64 / elapsed.as_secs_f64();
    println!(
        "chancery (groups, texts hashed on {} cores): {wall:.0} docs/s end to end ({groups} groups)",
        available_cores()
    );
    wall
}

/// Times the index over the documents and prints its speed; returns docs/s by the wall clock.
fn time_index(docs: &[String], all_matches: bool, repeats: usize) -> f64 {
    let config = DedupConfig {
        all_matches,
        ..DedupConfig::default()
    };
    let mut groups = 0;
    let mut stats = DedupStats::default();
    let cpu_before = process_cpu_time();
    let elapsed = best_of(repeats, || {
        let Ok(mut index) = DedupIndex::new(config.clone()) else {
            return;
        };
        for doc in docs {
            index.add(doc, None);
        }
        groups = index.groups().len();
        stats = index.stats();
    });
    let wall = docs.len() as f64 / elapsed.as_secs_f64();
    let cpu = match (cpu_before, process_cpu_time()) {
        (Some(before), Some(after)) if after > before => {
            let seconds = (after - before).as_secs_f64() / repeats.max(1) as f64;
            format!(", {:.0} per CPU second", docs.len() as f64 / seconds)
        }
        _ => String::new(),
    };
    let per_doc = |n: u64| n as f64 / docs.len().max(1) as f64;
    let mode = if all_matches {
        "every pair verified"
    } else {
        "groups"
    };
    println!(
        "chancery ({mode}): {wall:.0} docs/s end to end, one thread{cpu} ({groups} groups; per document {:.1} candidates, {:.1} verified, {:.1} matches)",
        per_doc(stats.candidates),
        per_doc(stats.verified),
        per_doc(stats.matches)
    );
    wall
}

/// `make_corpus` of minhash_bench.py, draw for draw.
fn minhash_bench_corpus(data: &Path, n_docs: usize) -> Result<Vec<String>> {
    let benchmark = Benchmark::open(data)?;
    let base: Vec<Vec<&str>> = benchmark
        .pages
        .iter()
        .filter(|p| !p.truth.is_empty())
        .map(|p| p.truth.split_whitespace().collect())
        .collect();
    if base.is_empty() {
        bail!("no article bodies in the benchmark");
    }
    let vocabulary: Vec<&str> = base.iter().flatten().copied().collect();
    let mut docs: Vec<String> = base.iter().map(|b| b.join(" ")).collect();
    let mut rng = PyRandom::new(SEED);
    while docs.len() < n_docs {
        let i = rng.randrange(base.len() as u64) as usize;
        let mut words = base[i].clone();
        // Python's round() rounds halves to even.
        let n_edits = ((words.len() as f64 * rng.uniform(MIN_EDIT, MAX_EDIT)).round_ties_even()
            as usize)
            .max(1);
        for _ in 0..n_edits {
            let op = rng.randrange(3);
            let position = rng.randrange(words.len() as u64 + u64::from(op == 1)) as usize;
            if op == 0 && words.len() > 1 {
                words.remove(position);
            } else if op == 1 {
                let word = vocabulary[rng.randrange(vocabulary.len() as u64) as usize];
                words.insert(position, word);
            } else {
                let word = vocabulary[rng.randrange(vocabulary.len() as u64) as usize];
                let last = words.len().saturating_sub(1);
                if let Some(slot) = words.get_mut(position.min(last)) {
                    *slot = word;
                }
            }
        }
        docs.push(words.join(" "));
    }
    Ok(docs)
}

fn datasketch(python: &Path, anchors: &Path, data: &Path, docs: usize) -> Result<Value> {
    let script = anchors.join("minhash_bench.py");
    let output = Command::new(python)
        .arg(&script)
        .args(["--docs", &docs.to_string(), "--schemes", "default"])
        .env("AEB_DIR", data.join("extraction").join("scrapinghub-aeb"))
        .output()
        .with_context(|| format!("cannot run {}", python.display()))?;
    if !output.status.success() {
        bail!(
            "{} failed ({}): {}",
            script.display(),
            output.status,
            String::from_utf8_lossy(&output.stderr)
        );
    }
    serde_json::from_slice(&output.stdout).context("minhash_bench.py printed no JSON")
}
