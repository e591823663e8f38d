//! `bench-search`: search latency on an index of generated articles, built directly (no store):
//! two-word queries with one filter (a source), each timed alone, reported as p50 / p99.

use std::time::Instant;

use anyhow::{Context, Result};
use chancery_model::{Article, ArticleMeta, Block, Span};
use chancery_search::{ArticleIndex, Filters, SearchRequest};
use chancery_testkit::article_text;
use chrono::NaiveDate;
use clap::Args;

/// Distinct sources the generated articles are spread over; a filter keeps one of them.
pub(crate) const SOURCES: usize = 50;

#[derive(Debug, Args)]
pub struct SearchArgs {
    /// Articles to generate and index.
    #[arg(long, default_value_t = 1_000_000)]
    articles: usize,
    /// Queries timed, after as many untimed ones to warm the caches.
    #[arg(long, default_value_t = 1_000)]
    queries: usize,
    /// Index directory (a temporary one, removed afterwards, when absent); an existing index there
    /// is searched as it is, without generating anything.
    #[arg(long)]
    index: Option<std::path::PathBuf>,
}

pub fn run(args: &SearchArgs) -> Result<()> {
    let temp = tempfile::tempdir()?;
    let dir = args
        .index
        .clone()
        .unwrap_or_else(|| temp.path().join("index"));
    let index = ArticleIndex::open_dir(&dir)?;
    if index.is_empty() {
        let started = Instant::now();
        let threads = std::thread::available_parallelism().map_or(1, usize::from);
        let mut updater = index.updater(threads)?;
        for n in 0..args.articles {
            updater.add(i64::try_from(n + 1)?, &generated(n))?;
        }
        updater.commit()?;
        updater.finish()?;
        let seconds = started.elapsed().as_secs_f64();
        println!(
            "indexed {} articles in {seconds:.1}s ({:.0} articles/s, {threads} threads)",
            args.articles,
            args.articles as f64 / seconds
        );
        index.reload()?;
    }
    let vocabulary = vocabulary();
    let mut rng = 0x2545_f491_4f6c_dd1d_u64;
    let mut next = move |below: usize| {
        rng ^= rng << 13;
        rng ^= rng >> 7;
        rng ^= rng << 17;
        (rng % below as u64) as usize
    };
    let mut latencies = Vec::with_capacity(args.queries);
    let mut matched = 0;
    for round in 0..2 * args.queries {
        let request = SearchRequest {
            text: format!(
                "{} {}",
                vocabulary[next(vocabulary.len())],
                vocabulary[next(vocabulary.len())]
            ),
            filters: Filters {
                source: Some(source(next(SOURCES))),
                ..Filters::default()
            },
            ..SearchRequest::default()
        };
        let started = Instant::now();
        let results = index.search(&request).context("search")?;
        let elapsed = started.elapsed();
        if round >= args.queries {
            latencies.push(elapsed.as_secs_f64() * 1e3);
            matched += results.total;
        }
    }
    latencies.sort_by(f64::total_cmp);
    let at = |q: f64| latencies[((latencies.len() as f64 - 1.0) * q).round() as usize];
    println!(
        "{} articles indexed; {} two-word queries with a source filter, 10 hits with snippets: p50 {:.2} ms, p99 {:.2} ms, max {:.2} ms; {:.0} matches per query on average",
        index.len(),
        latencies.len(),
        at(0.50),
        at(0.99),
        at(1.0),
        matched as f64 / latencies.len().max(1) as f64
    );
    println!("SCORE p99_ms {:.2}", at(0.99));
    Ok(())
}

pub(crate) fn source(n: usize) -> String {
    format!("source-{n:02}")
}

/// Generated article `n`: the testkit's scraped-news text, the first block as its title.
pub(crate) fn generated(n: usize) -> Article {
    let text = article_text(&format!("Dispatch {n}"), n % SOURCES, n as u64);
    let mut blocks = text
        .split("\n\n")
        .filter(|b| !b.trim().is_empty())
        .map(|b| Block {
            text: b.trim().to_string(),
            span: Span { start: 0, end: 0 },
        });
    let title = blocks.next();
    let paragraphs: Vec<Block> = blocks.collect();
    let day = i64::try_from(n % 730).unwrap_or(0);
    Article {
        id: Article::content_id(title.as_ref(), &paragraphs),
        title,
        captions: Vec::new(),
        paragraphs,
        language: Some("eng".to_string()),
        published: NaiveDate::from_ymd_opt(2022, 1, 1)
            .and_then(|d| d.checked_add_signed(chrono::Duration::days(day))),
        published_evidence: None,
        source: source(n % SOURCES),
        url: None,
        provenance: Vec::new(),
        removed: Vec::new(),
        meta: ArticleMeta::default(),
        entities: Vec::new(),
        dates: Vec::new(),
        amounts: Vec::new(),
        quotes: Vec::new(),
        events: Vec::new(),
    }
}

/// Words of the generated prose, to draw queries from.
pub(crate) fn vocabulary() -> Vec<String> {
    let mut words: Vec<String> = (0..200)
        .flat_map(|n| {
            article_text("x", n % SOURCES, n as u64)
                .split(|c: char| !c.is_alphabetic())
                .filter(|w| w.len() >= 4)
                .map(str::to_lowercase)
                .collect::<Vec<_>>()
        })
        .collect();
    words.sort();
    words.dedup();
    words
}
