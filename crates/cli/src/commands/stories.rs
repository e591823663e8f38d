//! `chancery stories`: the stories articles were grouped into, with their dates, sources, key
//! entities and places; with an id, one story and its articles.

use std::io::{self, Write};
use std::path::Path;

use anyhow::{bail, Result};
use chancery_model::{NamedCount, StoryRecord};
use chancery_store::Store;
use serde_json::json;

use super::Outcome;
use crate::cli::StoriesArgs;

pub fn run(data: &Path, args: &StoriesArgs) -> Result<Outcome> {
    let store = Store::open(data)?;
    let mut out = io::stdout();
    let Some(id) = args.id else {
        for story in store.stories(args.limit)? {
            if args.json {
                writeln!(out, "{}", story_json(&story, None))?;
            } else {
                writeln!(out, "{}", story_line(&story))?;
            }
        }
        return Ok(Outcome::Clean);
    };
    let Some(story) = store.stories(usize::MAX)?.into_iter().find(|s| s.id == id) else {
        bail!("no story {id} in {}", data.display());
    };
    let ids = store.story_article_ids(id)?;
    if args.json {
        writeln!(out, "{}", story_json(&story, Some(&ids)))?;
        return Ok(Outcome::Clean);
    }
    writeln!(out, "{}", story_line(&story))?;
    writeln!(out, "sources:   {}", names(&story.sources))?;
    writeln!(out, "entities:  {}", names(&story.key_entities))?;
    writeln!(out, "places:    {}", names(&story.key_places))?;
    writeln!(out, "articles:")?;
    for article_id in &ids {
        let Some(article) = store.article(article_id)? else {
            continue;
        };
        let placement = store.placement_of(article_id)?;
        let date = article
            .published
            .or_else(|| placement.as_ref().and_then(|p| p.inferred_published))
            .map_or_else(|| "----------".to_string(), |d| d.to_string());
        let copy = placement
            .and_then(|p| p.duplicate_of)
            .map_or_else(String::new, |of| format!(" (copy of {of})"));
        writeln!(
            out,
            "  {article_id}  {date}  {}  {}{copy}",
            article.source,
            article.title_text().unwrap_or("(untitled)")
        )?;
    }
    Ok(Outcome::Clean)
}

/// "#3  2023-02-27..2023-02-28  2 articles, 2 sources  Title".
fn story_line(story: &StoryRecord) -> String {
    let date = |d: Option<chrono::NaiveDate>| d.map_or_else(|| "?".to_string(), |d| d.to_string());
    format!(
        "#{:<5} {}..{}  {} articles, {} independent sources  {}",
        story.id,
        date(story.first_date),
        date(story.last_date),
        story.articles,
        story.independent_sources,
        // A story of articles without headlines (ECB documents state none) has no title.
        Some(story.title.as_str())
            .filter(|t| !t.is_empty())
            .unwrap_or("(untitled)")
    )
}

fn names(list: &[NamedCount]) -> String {
    list.iter()
        .map(|n| format!("{} ({})", n.name, n.count))
        .collect::<Vec<_>>()
        .join(", ")
}

fn story_json(story: &StoryRecord, articles: Option<&[String]>) -> serde_json::Value {
    let mut value = json!(story);
    if let (Some(ids), serde_json::Value::Object(map)) = (articles, &mut value) {
        map.insert("article_ids".into(), json!(ids));
    }
    value
}
