//! `bench-corpus`: a generated year of news (see `corpus_gen`) pushed through duplicate detection
//! and story clustering one article at a time, as ingestion would; prints throughput and peak
//! memory (`VmHWM`). Generation is not timed.

use std::time::{Duration, Instant};

use anyhow::{Context, Result};
use chancery_corpus::{Corpus, CorpusConfig, StoryInput};
use clap::Args;

use crate::corpus_gen::ArticleStream;
use crate::timing::peak_resident_bytes;

/// Arguments of `bench-corpus`.
#[derive(Debug, Args)]
pub struct BenchCorpusArgs {
    /// Articles to generate.
    #[arg(long, default_value_t = 1_000_000)]
    pub articles: usize,
    /// Seed of the generator.
    #[arg(long, default_value_t = 11)]
    pub seed: u64,
}

/// Runs `bench-corpus`.
pub fn run(args: &BenchCorpusArgs) -> Result<()> {
    let mut corpus = Corpus::new(CorpusConfig::default())?;
    let mut busy = Duration::ZERO;
    let (mut copies_made, mut copies_found, mut words) = (0usize, 0usize, 0usize);
    let report_every = (args.articles / 10).max(1);
    for (i, article) in ArticleStream::new(args.articles, args.seed).enumerate() {
        words += article.body.split_whitespace().count();
        let input = StoryInput {
            title: &article.title,
            body: &article.body,
            date: Some(article.date),
            source: &article.source,
            entities: &article.entities,
            places: &article.places,
        };
        let started = Instant::now();
        let placement = corpus.add(&input);
        busy += started.elapsed();
        copies_made += usize::from(article.copy);
        copies_found += usize::from(article.copy && placement.duplicate.is_copy());
        if (i + 1) % report_every == 0 {
            println!(
                "{:>9} articles: {:.0} articles/s, {} stories ({} active), peak {:.2} GB",
                i + 1,
                (i + 1) as f64 / busy.as_secs_f64(),
                corpus.stories().len(),
                corpus.stories().active_len(),
                peak_resident_bytes().unwrap_or(0) as f64 / 1e9
            );
        }
    }
    let n = corpus.dedup().len();
    let stats = corpus.dedup().stats();
    println!(
        "{n} articles, {:.0} words on average; {} duplicate groups; {copies_found} of {copies_made} syndicated copies found; {} candidates verified per article",
        words as f64 / n.max(1) as f64,
        corpus.dedup().groups().len(),
        stats.verified as f64 / n.max(1) as f64,
    );
    println!(
        "{} stories, {} still active; {} distinct features",
        corpus.stories().len(),
        corpus.stories().active_len(),
        corpus.stories().vocabulary_len()
    );
    println!(
        "duplicates and stories: {:.0} articles/s on one thread ({:.1}s)",
        n as f64 / busy.as_secs_f64(),
        busy.as_secs_f64()
    );
    let peak = peak_resident_bytes().context("peak memory unavailable (no /proc/self/status)")?;
    println!("peak memory (VmHWM): {:.2} GB", peak as f64 / 1e9);
    println!("SCORE peak_memory_gb {:.2}", peak as f64 / 1e9);
    Ok(())
}
