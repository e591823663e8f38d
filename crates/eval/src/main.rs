//! `chancery-eval`: measures chancery on external data sets kept outside the repository.
//!
//! - `dumps DATA_DIR`: the Scrapinghub article-extraction benchmark, pages rendered to visible text
//!   and cleaned as text dumps; ends with a `SCORE f1 <value>` line;
//! - `html DATA_DIR`: the same benchmark through the HTML extractor;
//! - `score-extraction PRED.json --gt GT.json`: the benchmark metric on prediction files, printed
//!   as the reference scorer prints it;
//! - `bench-clean`, `bench-ingest`, `bench-html`: speed of the cleaner, of `chancery ingest`, and of
//!   the HTML extractor beside trafilatura;
//! - `bench-search --articles N`: search latency (p50, p99) on an index of N generated articles;
//! - `bench-load --articles N`: requests per second of `chancery serve` on `/api/search` under wrk,
//!   over a data directory of N generated articles;
//! - `html-crates DATA_DIR` (feature `crates`): rs-trafilatura and dom_smoothie beside chancery;
//! - `ner-train CONLL_TRAIN --dev CONLL_DEV --out MODEL` and `ner CONLL_FILE --model MODEL`: the
//!   named-entity tagger, trained and scored (conlleval), with its speed beside spaCy;
//! - `geo GWN.xml`: toponym recognition and resolution on GeoWebNews; ends with
//!   `SCORE acc161 <value>`;
//! - `timex TBAQ_DIR`: time expressions on TimeML files, TempEval-3 Task A; ends with
//!   `SCORE value_f1 <value>`;
//! - `quotes POLNEAR_DIR`: quotes and reported speech on PolNeAR, content F1 and speaker
//!   accuracy; ends with `SCORE quoted_content_f1 <value>`;
//! - `events PLOVER_GOLD.json`: events on PLOVER gold records: type, source and target accuracy;
//!   ends with `SCORE type_acc <value>`;
//! - `dedup DATA_DIR`: near-duplicate pairs on a generated set with known Jaccard; ends with
//!   `SCORE pair_f1 <value>`; `bench-dedup`: the duplicate index's speed beside datasketch;
//! - `stories ECBPLUS_DIR`: incremental story clustering on ECB+, B-cubed and ARI; ends with
//!   `SCORE b3_f1 <value>`;
//! - `bench-corpus --articles N`: duplicates and stories over a generated stream, throughput and
//!   peak memory.

// This binary's output is its product: the figures it prints.
#![allow(clippy::print_stdout)]

mod aeb;
mod bench;
mod bench_corpus;
mod bench_dedup;
mod bench_html;
mod bench_load;
mod bench_search;
mod brat;
mod cluster_metrics;
mod corpus_gen;
#[cfg(feature = "crates")]
mod crates_cmp;
mod dedup;
mod dedup_gen;
mod dumps;
mod ecbplus;
mod events;
mod geo;
mod ner;
mod pyrandom;
mod quotes;
mod quotes_train;
mod score;
mod shingles;
mod stories;
mod timex;
mod timing;
mod trafeval;

use anyhow::Result;
use clap::{Parser, Subcommand};

#[derive(Debug, Parser)]
#[command(
    name = "chancery-eval",
    about = "Evaluate chancery on external data sets"
)]
struct Cli {
    #[command(subcommand)]
    command: Command,
}

#[derive(Debug, Subcommand)]
enum Command {
    /// Score text-dump cleaning on the article-extraction benchmark.
    Dumps(dumps::EvalArgs),
    /// Score the HTML extractor on the article-extraction benchmark.
    Html(dumps::EvalArgs),
    /// Score prediction files with the article-extraction benchmark metric.
    ScoreExtraction(score::ScoreArgs),
    /// Time the text-dump cleaner on one core.
    BenchClean(bench::CleanArgs),
    /// Time `chancery ingest` end to end on a generated corpus.
    BenchIngest(bench::IngestArgs),
    /// Time the HTML extractor beside trafilatura on the same pages.
    BenchHtml(bench_html::HtmlArgs),
    /// Search latency on an index of generated articles (two words and a filter).
    BenchSearch(bench_search::SearchArgs),
    /// Requests per second of the real `chancery serve` on /api/search, driven by wrk.
    BenchLoad(bench_load::LoadArgs),
    /// Score rs-trafilatura and dom_smoothie beside chancery on the article-extraction benchmark.
    #[cfg(feature = "crates")]
    HtmlCrates(dumps::EvalArgs),
    /// Score the HTML extractor and its metadata on trafilatura's evaluation set.
    Trafilatura(trafeval::TrafArgs),
    /// Train the named-entity tagger on a CoNLL file.
    NerTrain(ner::TrainArgs),
    /// Score a named-entity model on a CoNLL file (conlleval), with its speed.
    Ner(ner::ScoreArgs),
    /// Score toponym recognition and resolution on GeoWebNews.
    Geo(geo::GeoArgs),
    /// Score time expressions on TimeML files (TempEval-3 Task A).
    Timex(timex::TimexArgs),
    /// Score quotes and their speakers on PolNeAR attributions.
    Quotes(quotes::QuotesArgs),
    /// Train the learned attribution cue finder on PolNeAR (the training split).
    QuotesTrain(quotes_train::QuotesTrainArgs),
    /// Score events (PLOVER type, source and target actors) on PLOVER gold records.
    Events(events::EventsArgs),
    /// Score near-duplicate pairs on a generated set of edited copies of real texts.
    Dedup(dedup::DedupArgs),
    /// Time the duplicate index beside datasketch's MinHash LSH on the same documents.
    BenchDedup(bench_dedup::BenchDedupArgs),
    /// Score incremental story clustering on ECB+ (B-cubed, ARI).
    Stories(stories::StoriesArgs),
    /// Push generated articles through duplicates and stories: throughput and peak memory.
    BenchCorpus(bench_corpus::BenchCorpusArgs),
}

fn main() -> Result<()> {
    match Cli::parse().command {
        Command::Dumps(args) => dumps::dumps(&args),
        Command::Html(args) => dumps::html_pages(&args),
        Command::ScoreExtraction(args) => score::run(&args),
        Command::Trafilatura(args) => trafeval::run(&args),
        Command::BenchClean(args) => bench::clean(&args),
        Command::BenchIngest(args) => bench::ingest(&args),
        Command::BenchHtml(args) => bench_html::run(&args),
        Command::BenchSearch(args) => bench_search::run(&args),
        Command::BenchLoad(args) => bench_load::run(&args),
        #[cfg(feature = "crates")]
        Command::HtmlCrates(args) => crates_cmp::run(&args),
        Command::NerTrain(args) => ner::train_cmd(&args),
        Command::Ner(args) => ner::score_cmd(&args),
        Command::Geo(args) => geo::run(&args),
        Command::Timex(args) => timex::run(&args),
        Command::Quotes(args) => quotes::run(&args),
        Command::QuotesTrain(args) => quotes_train::run(&args),
        Command::Events(args) => events::run(&args),
        Command::Dedup(args) => dedup::run(&args),
        Command::BenchDedup(args) => bench_dedup::run(&args),
        Command::Stories(args) => stories::run(&args),
        Command::BenchCorpus(args) => bench_corpus::run(&args),
    }
}
