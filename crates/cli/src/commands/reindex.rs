//! `chancery reindex`: rebuild the search index from the store.

use std::io::{self, Write};
use std::path::Path;
use std::time::Instant;

use anyhow::{Context, Result};
use chancery_search::ArticleIndex;
use chancery_store::Store;

use super::Outcome;

/// Indexing threads: the machine's cores, the writer's limit aside.
fn threads() -> usize {
    std::thread::available_parallelism().map_or(1, usize::from)
}

pub fn run(data: &Path) -> Result<Outcome> {
    let started = Instant::now();
    let store = Store::open(data)
        .with_context(|| format!("cannot use data directory {}", data.display()))?;
    let index = ArticleIndex::open(data)?;
    let mut updater = index.updater(threads())?;
    let outcome = updater.rebuild(&store)?;
    updater.finish()?;
    writeln!(
        io::stdout(),
        "indexed {} articles in {:.2}s into {}",
        outcome.indexed,
        started.elapsed().as_secs_f64(),
        index.path().display()
    )?;
    Ok(Outcome::Clean)
}
