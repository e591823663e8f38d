//! `chancery export --format parquet --out DIR`: the store as five Apache Parquet tables
//! (articles, entities, quotes, events, stories) that join on article and story ids.
//! `docs/parquet.md` documents every column.

mod articles;
mod cells;
mod entities;
mod events;
mod located;
mod quotes;
mod stories;
mod table;

use std::collections::HashSet;
use std::fs;
use std::io::{self, Write};
use std::path::Path;

use anyhow::{Context, Result};
use chancery_model::{Article, ArticlePlacement};
use chancery_store::{ArticleFilter, Store, StoreError};

use super::Outcome;
use crate::cli::ExportArgs;
use table::TableFile;

pub const ARTICLES_FILE: &str = "articles.parquet";
pub const ENTITIES_FILE: &str = "entities.parquet";
pub const QUOTES_FILE: &str = "quotes.parquet";
pub const EVENTS_FILE: &str = "events.parquet";
pub const STORIES_FILE: &str = "stories.parquet";

/// Writes the five tables into `--out` and prints how many rows each got.
pub fn run(data: &Path, args: &ExportArgs) -> Result<Outcome> {
    let dir = args
        .out
        .as_deref()
        .context("--format parquet writes five tables: give the directory with --out DIR")?;
    fs::create_dir_all(dir).with_context(|| format!("cannot create {}", dir.display()))?;
    let store = Store::open(data)?;
    let filter = args.filter.to_filter(None, 0);
    let mut tables = ArticleTables::create(dir)?;
    let mut stories_named = HashSet::new();
    store.for_each_article(&filter, &mut |article| {
        let placement = store.placement_of(article.id.as_str())?;
        stories_named.extend(placement.as_ref().map(|p| p.story));
        tables.add(&article, placement.as_ref()).map_err(caller)
    })?;
    // A filtered export keeps the stories of the articles it holds, so every story id in
    // `articles.parquet` joins.
    let every_story = filter == ArticleFilter::default();
    let mut stories = TableFile::create(&dir.join(STORIES_FILE), stories::columns())?;
    store.for_each_story(usize::MAX, &mut |story| {
        if every_story || stories_named.contains(&story.id) {
            stories.push(stories::row(story)).map_err(caller)?;
        }
        Ok(())
    })?;
    let counts = tables.finish()?;
    let story_rows = stories.finish()?;
    let [articles, entities, quotes, events] = counts;
    writeln!(
        io::stdout().lock(),
        "wrote {articles} articles, {entities} entities, {quotes} quotes, {events} events and \
         {story_rows} stories to {}",
        dir.display()
    )?;
    Ok(Outcome::Clean)
}

/// An error of the export, passed through the store's walk with its whole chain of context.
fn caller(error: anyhow::Error) -> StoreError {
    StoreError::caller(format!("{error:#}"))
}

/// The four tables written from each article.
struct ArticleTables {
    articles: TableFile,
    entities: TableFile,
    quotes: TableFile,
    events: TableFile,
}

impl ArticleTables {
    fn create(dir: &Path) -> Result<ArticleTables> {
        Ok(ArticleTables {
            articles: TableFile::create(&dir.join(ARTICLES_FILE), articles::columns())?,
            entities: TableFile::create(&dir.join(ENTITIES_FILE), entities::columns())?,
            quotes: TableFile::create(&dir.join(QUOTES_FILE), quotes::columns())?,
            events: TableFile::create(&dir.join(EVENTS_FILE), events::columns())?,
        })
    }

    fn add(&mut self, article: &Article, placement: Option<&ArticlePlacement>) -> Result<()> {
        self.articles.push(articles::row(article, placement))?;
        for entity in &article.entities {
            self.entities.push(entities::row(article, entity))?;
        }
        for (index, quote) in article.quotes.iter().enumerate() {
            self.quotes.push(quotes::row(article, index, quote))?;
        }
        for (index, event) in article.events.iter().enumerate() {
            self.events.push(events::row(article, index, event))?;
        }
        Ok(())
    }

    /// Rows written to the articles, entities, quotes and events tables.
    fn finish(self) -> Result<[u64; 4]> {
        Ok([
            self.articles.finish()?,
            self.entities.finish()?,
            self.quotes.finish()?,
            self.events.finish()?,
        ])
    }
}
