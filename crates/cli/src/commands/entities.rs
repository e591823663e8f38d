//! `chancery entities`: people, organisations and places across articles; with a name, one
//! entity's profile.

use std::io::{self, Write};
use std::path::Path;

use anyhow::{bail, Result};
use chancery_store::{CorpusEntity, EntityProfile, Store};
use serde_json::{json, Value};

use super::Outcome;
use crate::cli::EntitiesArgs;

pub fn run(data: &Path, args: &EntitiesArgs) -> Result<Outcome> {
    let store = Store::open(data)?;
    let mut out = io::stdout();
    let Some(name) = &args.name else {
        for e in store.corpus_entities(args.filter.as_deref(), args.limit)? {
            if args.json {
                writeln!(out, "{}", entity_json(&e))?;
            } else {
                writeln!(
                    out,
                    "{:<7} {:>5} articles {:>6} mentions  {}",
                    e.kind, e.articles, e.mentions, e.name
                )?;
            }
        }
        return Ok(Outcome::Clean);
    };
    let Some(profile) = store.entity_profile(name)? else {
        bail!("no entity named {name:?} in {}", data.display());
    };
    if args.json {
        writeln!(out, "{}", profile_json(&profile))?;
    } else {
        write_profile(&profile)?;
    }
    Ok(Outcome::Clean)
}

fn entity_json(e: &CorpusEntity) -> Value {
    json!({
        "key": e.key,
        "name": e.name,
        "type": e.kind,
        "articles": e.articles,
        "mentions": e.mentions,
    })
}

fn profile_json(p: &EntityProfile) -> Value {
    let mut value = entity_json(&p.entity);
    if let Value::Object(map) = &mut value {
        map.insert("names".into(), json!(p.names));
        map.insert(
            "roles".into(),
            json!(p
                .roles
                .iter()
                .map(|r| json!({
                    "role": r.role,
                    "first": r.first.map(|d| d.to_string()),
                    "last": r.last.map(|d| d.to_string()),
                    "articles": r.articles,
                }))
                .collect::<Vec<_>>()),
        );
        map.insert("affiliations".into(), json!(p.affiliations));
        map.insert("mentions_by_month".into(), json!(p.mentions_by_month));
        map.insert(
            "article_list".into(),
            json!(p
                .articles
                .iter()
                .map(|(id, date, title)| json!({
                    "id": id,
                    "date": date.map(|d| d.to_string()),
                    "title": title,
                }))
                .collect::<Vec<_>>()),
        );
        map.insert(
            "quotes".into(),
            json!(p
                .quotes
                .iter()
                .map(|(id, q)| json!({"article": id, "quote": q}))
                .collect::<Vec<_>>()),
        );
        map.insert(
            "co_occurring".into(),
            json!(p.co_occurring.iter().map(entity_json).collect::<Vec<_>>()),
        );
    }
    value
}

fn write_profile(p: &EntityProfile) -> io::Result<()> {
    let mut out = io::stdout();
    let e = &p.entity;
    writeln!(
        out,
        "{} ({}): {} articles, {} mentions",
        e.name, e.kind, e.articles, e.mentions
    )?;
    let names: Vec<String> = p.names.iter().map(|(n, c)| format!("{n} ({c})")).collect();
    writeln!(out, "names:        {}", names.join(", "))?;
    for r in &p.roles {
        let date =
            |d: Option<chrono::NaiveDate>| d.map_or_else(|| "?".to_string(), |d| d.to_string());
        writeln!(
            out,
            "role:         {} ({} articles, {}..{})",
            r.role,
            r.articles,
            date(r.first),
            date(r.last)
        )?;
    }
    let affiliations: Vec<String> = p
        .affiliations
        .iter()
        .map(|(n, c)| format!("{n} ({c})"))
        .collect();
    if !affiliations.is_empty() {
        writeln!(out, "affiliation:  {}", affiliations.join(", "))?;
    }
    let months: Vec<String> = p
        .mentions_by_month
        .iter()
        .map(|(m, c)| format!("{m}: {c}"))
        .collect();
    if !months.is_empty() {
        writeln!(out, "mentions:     {}", months.join(", "))?;
    }
    writeln!(out, "articles:")?;
    for (id, date, title) in &p.articles {
        let date = date.map_or_else(|| "----------".to_string(), |d| d.to_string());
        writeln!(
            out,
            "  {id}  {date}  {}",
            title.as_deref().unwrap_or("(untitled)")
        )?;
    }
    if !p.quotes.is_empty() {
        writeln!(out, "quotes:")?;
        for (id, q) in &p.quotes {
            writeln!(out, "  [{id}] {}", q.text)?;
        }
    }
    let with: Vec<String> = p
        .co_occurring
        .iter()
        .map(|c| format!("{} ({})", c.name, c.articles))
        .collect();
    if !with.is_empty() {
        writeln!(out, "named with:   {}", with.join(", "))?;
    }
    Ok(())
}
