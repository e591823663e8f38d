//! `chancery show ID`: one article with its captions, removed lines and provenance.

#![allow(clippy::print_stdout)]

use std::path::Path;

use anyhow::{bail, Context, Result};
use chancery_store::Store;

use super::{json, Outcome};
use crate::cli::ShowArgs;

pub fn run(data: &Path, args: &ShowArgs) -> Result<Outcome> {
    let store = Store::open(data)?;
    let Some(article) = store.article(&args.id)? else {
        bail!("no article with id {:?} in {}", args.id, data.display());
    };
    if args.json {
        let text =
            serde_json::to_string_pretty(&json::article(&article)).context("cannot write json")?;
        println!("{text}");
        return Ok(Outcome::Clean);
    }
    println!("id:        {}", article.id);
    println!("title:     {}", article.title_text().unwrap_or("(none)"));
    let published = match (&article.published, &article.published_evidence) {
        (Some(date), Some(evidence)) => {
            format!("{date} (from {:?}: {:?})", evidence.source, evidence.text)
        }
        (Some(date), None) => date.to_string(),
        _ => "unknown".to_string(),
    };
    println!("published: {published}");
    println!(
        "language:  {}",
        article.language.as_deref().unwrap_or("unknown")
    );
    println!("source:    {}", article.source);
    if let Some(url) = &article.url {
        println!("url:       {url}");
    }
    if !article.captions.is_empty() {
        println!("\ncaptions:");
        for caption in &article.captions {
            println!("  - {}", caption.text);
        }
    }
    println!();
    for paragraph in &article.paragraphs {
        println!("{}\n", paragraph.text);
    }
    if !article.removed.is_empty() {
        println!("removed lines:");
        for removed in &article.removed {
            println!(
                "  [{}] {} (bytes {}..{})",
                removed.reason.as_str(),
                removed.text,
                removed.span.start,
                removed.span.end
            );
        }
        println!();
    }
    println!("provenance:");
    for p in &article.provenance {
        let mut line = format!("  {} bytes {}+{}", p.path, p.offset, p.length);
        if let Some(n) = p.line {
            line.push_str(&format!(" line {n}"));
        }
        if let Some(url) = &p.url {
            line.push_str(&format!(" url {url}"));
        }
        if let Some(at) = &p.fetched_at {
            line.push_str(&format!(" fetched {}", at.to_rfc3339()));
        }
        if let Some(id) = &p.record_id {
            line.push_str(&format!(" record {id}"));
        }
        println!("{line}");
    }
    Ok(Outcome::Clean)
}
