//! `chancery show ID`: one article with its captions, removed lines and provenance.

use std::io::{self, Write};
use std::path::Path;

use anyhow::{bail, Context, Result};
use chancery_model::{AmountRecord, ArticleMeta, DateRecord, EntityRecord};
use chancery_store::Store;

use super::{json, Outcome};
use crate::cli::ShowArgs;

pub fn run(data: &Path, args: &ShowArgs) -> Result<Outcome> {
    let store = Store::open(data)?;
    let Some(article) = store.article(&args.id)? else {
        bail!("no article with id {:?} in {}", args.id, data.display());
    };
    let placement = store.placement_of(article.id.as_str())?;
    if args.json {
        let value = json::placed_article(&article, placement.as_ref());
        let text = serde_json::to_string_pretty(&value).context("cannot write json")?;
        writeln!(io::stdout(), "{text}")?;
        return Ok(Outcome::Clean);
    }
    writeln!(io::stdout(), "id:        {}", article.id)?;
    writeln!(
        io::stdout(),
        "title:     {}",
        article.title_text().unwrap_or("(none)")
    )?;
    let published = match (&article.published, &article.published_evidence) {
        (Some(date), Some(evidence)) => {
            format!("{date} (from {:?}: {:?})", evidence.source, evidence.text)
        }
        (Some(date), None) => date.to_string(),
        _ => match placement.as_ref().and_then(|p| p.inferred_published) {
            Some(date) => format!("{date} (inferred from its story)"),
            None => "unknown".to_string(),
        },
    };
    writeln!(io::stdout(), "published: {published}")?;
    if let Some(p) = &placement {
        let mut line = format!("story:     {} (chancery stories {})", p.story, p.story);
        if let (Some(of), Some(similarity)) = (&p.duplicate_of, p.similarity) {
            line.push_str(&format!("; copy of {of} (similarity {similarity:.2})"));
        }
        writeln!(io::stdout(), "{line}")?;
    }
    writeln!(
        io::stdout(),
        "language:  {}",
        article.language.as_deref().unwrap_or("unknown")
    )?;
    writeln!(io::stdout(), "source:    {}", article.source)?;
    write_meta(&article.meta)?;
    if let Some(url) = &article.url {
        writeln!(io::stdout(), "url:       {url}")?;
    }
    if !article.captions.is_empty() {
        writeln!(io::stdout(), "\ncaptions:")?;
        for caption in &article.captions {
            writeln!(io::stdout(), "  - {}", caption.text)?;
        }
    }
    writeln!(io::stdout())?;
    for paragraph in &article.paragraphs {
        writeln!(io::stdout(), "{}\n", paragraph.text)?;
    }
    if !article.removed.is_empty() {
        writeln!(io::stdout(), "removed lines:")?;
        for removed in &article.removed {
            writeln!(
                io::stdout(),
                "  [{}] {} (bytes {}..{})",
                removed.reason.as_str(),
                removed.text,
                removed.span.start,
                removed.span.end
            )?;
        }
        writeln!(io::stdout())?;
    }
    write_entities(&article.entities)?;
    write_dates(&article.dates)?;
    write_amounts(&article.amounts)?;
    super::show_statements::write_quotes(&article.quotes)?;
    super::show_statements::write_events(&article.events)?;
    writeln!(io::stdout(), "provenance:")?;
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
        writeln!(io::stdout(), "{line}")?;
    }
    Ok(Outcome::Clean)
}

/// The page's own statements about the article, one line each, only those it makes.
fn write_meta(meta: &ArticleMeta) -> io::Result<()> {
    let mut out = io::stdout();
    let lines = [
        ("subtitle", meta.subtitle.clone()),
        (
            "authors",
            (!meta.authors.is_empty()).then(|| meta.authors.join("; ")),
        ),
        ("time", meta.published.map(|t| t.to_iso())),
        ("updated", meta.updated.map(|t| t.to_iso())),
        ("site", meta.site_name.clone()),
        ("canonical", meta.canonical_url.clone()),
        ("section", meta.section.clone()),
        (
            "tags",
            (!meta.tags.is_empty()).then(|| meta.tags.join(", ")),
        ),
        ("image", meta.image.clone()),
    ];
    for (label, value) in lines {
        if let Some(value) = value {
            writeln!(out, "{:<11}{value}", format!("{label}:"))?;
        }
    }
    Ok(())
}

/// One line per time expression: type, text as written, and its value when resolved.
fn write_dates(dates: &[DateRecord]) -> io::Result<()> {
    if dates.is_empty() {
        return Ok(());
    }
    let mut out = io::stdout();
    writeln!(out, "dates:")?;
    for date in dates {
        let mut line = format!("  {:<8} {}", date.kind.as_str(), date.text);
        if let Some(value) = &date.value {
            line.push_str(&format!(" = {value}"));
        }
        line.push_str(&format!(" ({} {})", date.block.as_str(), date.index));
        writeln!(out, "{line}")?;
    }
    writeln!(out)
}

/// One line per amount: kind, text as written, value and unit.
fn write_amounts(amounts: &[AmountRecord]) -> io::Result<()> {
    if amounts.is_empty() {
        return Ok(());
    }
    let mut out = io::stdout();
    writeln!(out, "amounts:")?;
    for amount in amounts {
        writeln!(
            out,
            "  {:<17} {} = {} {} ({} {})",
            amount.kind.as_str(),
            amount.text,
            amount.value,
            amount.unit,
            amount.block.as_str(),
            amount.index
        )?;
    }
    writeln!(out)
}

/// One line per entity: type, canonical name, then what is known of it.
fn write_entities(entities: &[EntityRecord]) -> io::Result<()> {
    if entities.is_empty() {
        return Ok(());
    }
    let mut out = io::stdout();
    writeln!(out, "entities:")?;
    for entity in entities {
        let mut line = format!("  {:<6} {}", entity.kind.as_str(), entity.name);
        if !entity.aliases.is_empty() {
            line.push_str(&format!(" (also {})", entity.aliases.join(", ")));
        }
        if !entity.roles.is_empty() {
            line.push_str(&format!("; roles: {}", entity.roles.join(", ")));
        }
        if let Some(affiliation) = &entity.affiliation {
            line.push_str(&format!("; affiliation: {affiliation}"));
        }
        match &entity.place {
            Some(place) => {
                line.push_str(&format!("; place: {}", place.name));
                if !place.country.is_empty() {
                    line.push_str(&format!(" {}", place.country));
                }
                line.push_str(&format!(" {:.4},{:.4}", place.lat, place.lon));
                if place.geonames_id != 0 {
                    line.push_str(&format!(" geonames {}", place.geonames_id));
                }
            }
            None => {
                if let Some(country) = &entity.country {
                    line.push_str(&format!("; country: {country}"));
                }
            }
        }
        line.push_str(&format!("; {} mentions", entity.mentions.len()));
        writeln!(out, "{line}")?;
    }
    writeln!(out)
}
