//! `chancery relations`: events between pairs of countries or actors, by period, with their
//! cooperation–conflict score.

use std::io::{self, Write};
use std::path::Path;

use anyhow::Result;
use chancery_store::{Period, RelationQuery, Store};
use serde_json::json;

use super::Outcome;
use crate::cli::{PeriodArg, RelationsArgs};

pub fn run(data: &Path, args: &RelationsArgs) -> Result<Outcome> {
    let store = Store::open(data)?;
    let query = RelationQuery {
        first: args.first.clone(),
        second: args.second.clone(),
        period: match args.period {
            PeriodArg::Day => Period::Day,
            PeriodArg::Week => Period::Week,
            PeriodArg::Month => Period::Month,
        },
        all_modalities: args.all_modalities,
    };
    let relations = store.relations(&query)?;
    let mut out = io::stdout();
    for r in &relations {
        if args.json {
            let value = json!({
                "period": r.period,
                "source": r.source,
                "target": r.target,
                "events": r.events,
                "score": r.score,
                "counts": r.counts,
            });
            writeln!(out, "{value}")?;
        } else {
            let counts: Vec<String> = r.counts.iter().map(|(t, n)| format!("{t} {n}")).collect();
            writeln!(
                out,
                "{:<10}  {} -> {}  {:>4} events  score {:+.2}  {}",
                r.period,
                r.source,
                r.target,
                r.events,
                r.score,
                counts.join(", ")
            )?;
        }
    }
    if relations.is_empty() && !args.json {
        writeln!(io::stderr(), "no events between these sides")?;
    }
    Ok(Outcome::Clean)
}
