//! `chancery articles`: list stored articles, as a table or JSON lines.

use std::io::{self, Write};
use std::path::Path;

use anyhow::Result;
use chancery_store::Store;
use serde_json::json;

use super::Outcome;
use crate::cli::ArticlesArgs;

pub fn run(data: &Path, args: &ArticlesArgs) -> Result<Outcome> {
    let store = Store::open(data)?;
    let rows = store.list(&args.filter.to_filter(Some(args.limit), args.offset))?;
    for row in &rows {
        if args.json {
            let value = json!({
                "id": row.id,
                "title": row.title,
                "source": row.source,
                "published": row.published.map(|d| d.to_string()),
                "language": row.language,
                "words": row.words,
                "paragraphs": row.paragraphs,
                "path": row.first_path,
            });
            writeln!(io::stdout(), "{value}")?;
        } else {
            let date = row
                .published
                .map_or_else(|| "----------".to_string(), |d| d.to_string());
            let title = row.title.as_deref().unwrap_or("(untitled)");
            writeln!(
                io::stdout(),
                "{}  {date}  {:<3}  {:>5}w  {title}",
                row.id,
                row.language.as_deref().unwrap_or("-"),
                row.words
            )?;
        }
    }
    Ok(Outcome::Clean)
}
