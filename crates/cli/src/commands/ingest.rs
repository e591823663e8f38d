//! `chancery ingest PATH...`: read inputs, extract and clean their articles, store them.
//!
//! Documents are processed in batches: for each batch the corpus evidence of its text dumps is
//! recorded (which short lines recur across documents of a source), the documents are extracted in
//! parallel against that evidence, and the articles are stored in one transaction, then indexed for
//! search. A kill between batches loses nothing stored; a re-run stores what is missing, indexes
//! what the store holds beyond the index, and adds nothing twice.

use std::collections::{BTreeMap, HashMap};
use std::io::{self, IsTerminal, Write};
use std::path::Path;
use std::time::{Duration, Instant};

use anyhow::{Context, Result};
use chancery_extract::text::{candidate_line_hashes, EvidenceThreshold, RepeatedLines};
use chancery_extract::{extract, ExtractConfig};
use chancery_ingest::{expand_inputs, read_input, Event, ReadConfig};
use chancery_model::{Article, Diagnostic, DiagnosticKind, DocFormat, RawDoc};
use chancery_search::IndexUpdater;
use chancery_store::{BatchOutcome, Store};
use indicatif::{ProgressBar, ProgressDrawTarget, ProgressStyle};
use rayon::prelude::*;

use super::Outcome;
use crate::annotate::{self, Annotator};
use crate::cli::IngestArgs;
use crate::indexing::{self, REPAIR_HINT};
use crate::{place, report};

/// Decoded text held in one batch at most, whatever the document count: memory stays bounded
/// when documents are large (a dump file of hundreds of articles, a big WARC payload).
const MAX_BATCH_BYTES: usize = 32 << 20;

/// The same cap when entities, quotes and events are annotated: an annotated article holds tens
/// of times its text in records (two batches are alive at once, one stored while the next is
/// extracted), and a smaller batch still gives every core thousands of articles to work on.
const MAX_ANNOTATED_BATCH_BYTES: usize = 4 << 20;

pub fn run(data: &Path, args: &IngestArgs) -> Result<Outcome> {
    let started = Instant::now();
    let annotator = match annotate::find_model(args.model.as_deref()) {
        _ if args.no_entities => None,
        Some(path) => {
            let annotator = Annotator::load(&path)?;
            if !annotator.has_cue_model() {
                report::warning(annotate::NO_CUE_MODEL);
            }
            Some(annotator)
        }
        None => {
            report::warning(annotate::NO_MODEL);
            None
        }
    };
    let (inputs, walk_problems) = expand_inputs(&args.paths);
    let mut store = Store::open(data)
        .with_context(|| format!("cannot use data directory {}", data.display()))?;
    let index = indexing::catch_up(data, &store)?;
    let total_bytes: u64 = inputs.iter().map(|i| i.size).sum();
    let progress = progress_bar(total_bytes, args.quiet);
    let mut pipeline = Pipeline {
        store: &mut store,
        batch: Vec::new(),
        batch_bytes: 0,
        batch_size: args.batch as usize,
        max_batch_bytes: if annotator.is_some() {
            MAX_ANNOTATED_BATCH_BYTES
        } else {
            MAX_BATCH_BYTES
        },
        extract_config: ExtractConfig::default(),
        threshold: EvidenceThreshold::default(),
        totals: Totals::default(),
        progress: &progress,
        annotator: annotator.as_ref(),
        index,
        extracted: None,
    };
    for problem in walk_problems {
        pipeline.problem(problem);
    }
    let read_config = ReadConfig::default();
    let mut bytes_before = 0;
    for (index, input) in inputs.iter().enumerate() {
        let mut failure = None;
        read_input(input, &read_config, &mut |event| {
            if failure.is_some() {
                return;
            }
            match event {
                Event::Doc(doc) => {
                    pipeline.totals.documents += 1;
                    pipeline.batch_bytes += doc.text.len();
                    pipeline.batch.push(doc);
                    if pipeline.batch.len() >= pipeline.batch_size
                        || pipeline.batch_bytes >= pipeline.max_batch_bytes
                    {
                        failure = pipeline.flush().err();
                    }
                }
                Event::Problem(diagnostic) => pipeline.problem(diagnostic),
                Event::Progress { bytes } => progress.set_position(bytes_before + bytes),
            }
        });
        if let Some(error) = failure {
            return Err(error);
        }
        bytes_before += input.size;
        progress.set_position(bytes_before);
        pipeline.totals.inputs = index + 1;
        pipeline.update_message(inputs.len());
    }
    pipeline.finish()?;
    progress.finish_and_clear();
    let totals = pipeline.totals;
    let index = pipeline.index.take();
    print_summary(&totals, total_bytes, started.elapsed(), data)?;
    if args.no_stories {
        writeln!(io::stdout(), "stories: not placed (--no-stories)")?;
        print_peak_memory()?;
        return Ok(outcome(&totals));
    }
    let placing = Instant::now();
    let placed = place::place_new(&mut store)?;
    // Placing comes after indexing: the articles just placed are indexed again with their
    // stories. A kill before this commit is repaired by the next sync, which finds the index's
    // placement mark behind the store's.
    if let Some(mut index) = index {
        index.sync(&store).context(REPAIR_HINT)?;
    }
    writeln!(
        io::stdout(),
        "placed {} articles ({} copies) in {} stories in {:.2}s",
        placed.articles,
        placed.copies,
        placed.stories,
        placing.elapsed().as_secs_f64()
    )?;
    print_peak_memory()?;
    Ok(outcome(&totals))
}

/// Clean, or completed with problems.
fn outcome(totals: &Totals) -> Outcome {
    if totals.problems.is_empty() {
        Outcome::Clean
    } else {
        Outcome::WithProblems
    }
}

/// Stores a batch of articles in one transaction, then brings the search index up to date. A
/// kill in between leaves the index behind the store, and the next run's catch-up indexes what
/// it missed.
fn store_batch(
    store: &mut Store,
    index: &mut Option<IndexUpdater>,
    articles: &[Article],
) -> Result<BatchOutcome> {
    let outcome = store
        .insert_batch(articles)
        .context("cannot store articles")?;
    if let Some(index) = index {
        index.sync(store).context(REPAIR_HINT)?;
    }
    Ok(outcome)
}

/// Counts for the closing summary.
#[derive(Debug, Default)]
struct Totals {
    inputs: usize,
    documents: usize,
    new: usize,
    duplicates: usize,
    problems: BTreeMap<DiagnosticKind, usize>,
}

struct Pipeline<'a> {
    store: &'a mut Store,
    batch: Vec<RawDoc>,
    /// Decoded bytes of the pending batch.
    batch_bytes: usize,
    batch_size: usize,
    /// Decoded bytes after which the pending batch is flushed.
    max_batch_bytes: usize,
    extract_config: ExtractConfig,
    threshold: EvidenceThreshold,
    totals: Totals,
    progress: &'a ProgressBar,
    /// Tags each extracted article's entities, when a model was found.
    annotator: Option<&'a Annotator>,
    /// The search index's writer, unless another process holds it.
    index: Option<IndexUpdater>,
    /// Articles of the previous batch, extracted and not yet stored: they are stored while the
    /// next batch is extracted.
    extracted: Option<Vec<Article>>,
}

impl Pipeline<'_> {
    fn problem(&mut self, diagnostic: Diagnostic) {
        *self.totals.problems.entry(diagnostic.kind).or_default() += 1;
        self.progress.suspend(|| report::diagnostic(&diagnostic));
    }

    fn update_message(&self, inputs: usize) {
        let seconds = self.progress.elapsed().as_secs_f64().max(1e-3);
        let articles = self.totals.new + self.totals.duplicates;
        self.progress.set_message(format!(
            "files {}/{inputs}, {articles} articles, {:.0} articles/s",
            self.totals.inputs,
            articles as f64 / seconds
        ));
    }

    /// Extracts the pending batch while storing the batch extracted before it.
    fn flush(&mut self) -> Result<()> {
        if self.batch.is_empty() {
            return Ok(());
        }
        let docs = std::mem::take(&mut self.batch);
        self.batch_bytes = 0;
        let evidence = self.observe(&docs)?;
        let config = &self.extract_config;
        let annotator = self.annotator;
        let previous = self.extracted.take();
        let (store, index) = (&mut *self.store, &mut self.index);
        let (extractions, stored) = rayon::join(
            || {
                docs.par_iter()
                    .map(|doc| {
                        let mut extraction = extract(doc, &evidence, config);
                        for article in &mut extraction.articles {
                            annotate::annotate(article, annotator);
                        }
                        extraction
                    })
                    .collect::<Vec<_>>()
            },
            || {
                previous
                    .map(|articles| store_batch(store, index, &articles))
                    .transpose()
            },
        );
        self.count(stored?);
        let mut articles = Vec::new();
        for extraction in extractions {
            articles.extend(extraction.articles);
            for diagnostic in extraction.diagnostics {
                self.problem(diagnostic);
            }
        }
        self.extracted = Some(articles);
        Ok(())
    }

    /// Extracts and stores whatever is pending.
    fn finish(&mut self) -> Result<()> {
        self.flush()?;
        if let Some(articles) = self.extracted.take() {
            let stored = store_batch(self.store, &mut self.index, &articles)?;
            self.count(Some(stored));
        }
        Ok(())
    }

    fn count(&mut self, stored: Option<BatchOutcome>) {
        if let Some(outcome) = stored {
            self.totals.new += outcome.new;
            self.totals.duplicates += outcome.duplicates;
        }
    }

    /// Records which short lines each text dump of the batch holds, per source, and returns the lines
    /// that now count as repeated in their source.
    ///
    /// A document is counted once per source, keyed by its content: re-reading the same inputs (a
    /// second run, or a run completing one that was killed) must not inflate the counts, or lines seen
    /// in a single document would eventually count as repeated and clean the same input differently.
    fn observe(&mut self, docs: &[RawDoc]) -> Result<RepeatedLines> {
        let observed: Vec<(String, u64, Vec<u64>)> = docs
            .par_iter()
            .filter(|doc| doc.format == DocFormat::Text)
            .map(|doc| {
                let source = doc.source_key();
                let key = observation_key(&source, &doc.text);
                (source, key, candidate_line_hashes(&doc.text))
            })
            .collect();
        let mut by_source: HashMap<String, Vec<(u64, Vec<u64>)>> = HashMap::new();
        for (source, key, hashes) in observed {
            by_source.entry(source).or_default().push((key, hashes));
        }
        let mut repeated = RepeatedLines::default();
        for (source, docs) in by_source {
            self.store
                .add_line_observations_once(&source, &docs)
                .context("cannot record line statistics")?;
            let mut hashes: Vec<u64> = docs.into_iter().flat_map(|(_, hashes)| hashes).collect();
            hashes.sort_unstable();
            hashes.dedup();
            let source_docs = self.store.source_doc_count(&source)?;
            let counts = self.store.line_counts(&source, &hashes)?;
            for (hash, count) in hashes.iter().zip(counts) {
                if self.threshold.is_repeated(count, source_docs) {
                    repeated.insert(&source, *hash);
                }
            }
        }
        Ok(repeated)
    }
}

/// The key under which a text dump's lines are observed: its source and decoded text, hashed.
fn observation_key(source: &str, text: &str) -> u64 {
    let mut hasher = blake3::Hasher::new();
    hasher.update(source.as_bytes());
    hasher.update(&[0]);
    hasher.update(text.as_bytes());
    let mut key = [0; 8];
    key.copy_from_slice(&hasher.finalize().as_bytes()[..8]);
    u64::from_le_bytes(key)
}

fn progress_bar(total_bytes: u64, quiet: bool) -> ProgressBar {
    if quiet || !std::io::stderr().is_terminal() {
        return ProgressBar::hidden();
    }
    let bar = ProgressBar::with_draw_target(Some(total_bytes), ProgressDrawTarget::stderr());
    let style = ProgressStyle::with_template(
        "{bar:30} {binary_bytes}/{binary_total_bytes} {binary_bytes_per_sec} {msg}",
    )
    .unwrap_or_else(|_| ProgressStyle::default_bar());
    bar.set_style(style);
    bar.enable_steady_tick(Duration::from_millis(200));
    bar
}

fn print_summary(totals: &Totals, bytes: u64, elapsed: Duration, data: &Path) -> io::Result<()> {
    let seconds = elapsed.as_secs_f64().max(1e-6);
    let articles = totals.new + totals.duplicates;
    writeln!(
        io::stdout(),
        "ingested {} inputs ({:.1} MB, {} documents) in {:.2}s: {} new articles, {} duplicates ({:.0} articles/s) into {}",
        totals.inputs,
        bytes as f64 / 1e6,
        totals.documents,
        seconds,
        totals.new,
        totals.duplicates,
        articles as f64 / seconds,
        data.display()
    )?;
    if totals.problems.is_empty() {
        writeln!(io::stdout(), "problems: none")?;
    } else {
        let by_kind: Vec<String> = totals
            .problems
            .iter()
            .map(|(kind, n)| format!("{} {n}", kind.as_str()))
            .collect();
        writeln!(io::stdout(), "problems: {}", by_kind.join(", "))?;
    }
    Ok(())
}

/// The run's peak resident memory, stories included, where the system reports it.
fn print_peak_memory() -> io::Result<()> {
    match peak_memory_mb() {
        Some(megabytes) => writeln!(
            io::stdout(),
            "peak memory {megabytes:.0} MB (resident, mapped index files included)"
        ),
        None => Ok(()),
    }
}

/// The process's peak resident memory (Linux `VmHWM`).
fn peak_memory_mb() -> Option<f64> {
    let status = std::fs::read_to_string("/proc/self/status").ok()?;
    let line = status.lines().find(|l| l.starts_with("VmHWM:"))?;
    let kilobytes: f64 = line.split_whitespace().nth(1)?.parse().ok()?;
    Some(kilobytes / 1024.0)
}
