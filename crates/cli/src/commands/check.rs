//! `chancery check`: is the data directory sound? The store passes SQLite's integrity check and
//! has no dangling provenance, and the search index agrees with it: never ahead of the store, and
//! holding each article it covers exactly once. The crash campaign runs it after every kill.

use std::io::{self, Write};
use std::path::Path;

use anyhow::{Context, Result};
use chancery_search::ArticleIndex;
use chancery_store::Store;

use super::Outcome;

pub fn run(data: &Path) -> Result<Outcome> {
    let store = Store::open(data)
        .with_context(|| format!("cannot use data directory {}", data.display()))?;
    let index = ArticleIndex::open(data)?;
    let mut problems = Vec::new();

    let integrity = store.integrity_check()?;
    if integrity != "ok" {
        problems.push(format!("store integrity check: {integrity}"));
    }
    let (orphan_provenance, bare_articles) = store.dangling_rows()?;
    if orphan_provenance > 0 {
        problems.push(format!("{orphan_provenance} provenance rows of no article"));
    }
    if bare_articles > 0 {
        problems.push(format!("{bare_articles} articles without provenance"));
    }
    let articles = store.counts()?.articles;
    let last_seq = store.last_seq()?;
    let last_indexed = index.last_indexed()?;
    let documents = index.len();
    if last_indexed > last_seq {
        problems.push(format!(
            "the index covers storage number {last_indexed}, beyond the store's last, {last_seq}"
        ));
    }
    let covered = store.count_through(last_indexed)?;
    if documents != covered {
        problems.push(format!(
            "the index holds {documents} documents for the {covered} articles it covers"
        ));
    }

    let mut out = io::stdout().lock();
    writeln!(
        out,
        "store: {articles} articles (last storage number {last_seq}), integrity {integrity}"
    )?;
    let behind = if last_indexed < last_seq {
        format!(", {} articles behind the store", articles - covered)
    } else {
        String::new()
    };
    writeln!(
        out,
        "index: {documents} documents up to storage number {last_indexed}{behind}"
    )?;
    if problems.is_empty() {
        writeln!(out, "ok")?;
        return Ok(Outcome::Clean);
    }
    anyhow::bail!("{} is not sound: {}", data.display(), problems.join("; "))
}
