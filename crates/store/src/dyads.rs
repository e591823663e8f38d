//! Relations between pairs of countries and of actors: one `dyad_events` row per event and pair
//! of countries, written with the article, and the counts by PLOVER type and the mean
//! cooperation–conflict (Goldstein) score per pair and period read back.

use std::collections::BTreeMap;

use chancery_model::{plover_scale, Article, EventRecord};
use rusqlite::{params, Statement};

use crate::error::{AtPath, Result};
use crate::Store;

pub(crate) const INSERT_DYAD: &str = "INSERT INTO dyad_events (
        article_seq, day, source_country, target_country, source_actor, target_actor, event_type,
        modality, goldstein)
    VALUES (?1, ?2, ?3, ?4, ?5, ?6, ?7, ?8, ?9)";

/// Writes the rows of `article`'s events, stored as row `seq`.
pub(crate) fn insert_dyads(
    stmt: &mut Statement<'_>,
    seq: i64,
    article: &Article,
) -> rusqlite::Result<()> {
    let published = article.published.map(|d| d.format("%Y-%m-%d").to_string());
    for event in &article.events {
        let (Some(source), Some(target)) = (&event.source, &event.target) else {
            continue;
        };
        let day = event_day(event).or_else(|| published.clone());
        let goldstein = plover_scale(&event.event_type).map(|s| s.goldstein);
        let sources = countries_or_none(source.countries());
        let targets = countries_or_none(target.countries());
        for s in &sources {
            for t in &targets {
                stmt.execute(params![
                    seq,
                    day,
                    s,
                    t,
                    source.name,
                    target.name,
                    event.event_type,
                    event.modality,
                    goldstein,
                ])?;
            }
        }
    }
    Ok(())
}

/// The event's own date when it is a full calendar date.
pub(crate) fn event_day(event: &EventRecord) -> Option<String> {
    let value = event.date.as_ref()?.value.as_deref()?;
    let full = value.len() == 10
        && value.bytes().enumerate().all(|(i, b)| match i {
            4 | 7 => b == b'-',
            _ => b.is_ascii_digit(),
        });
    full.then(|| value.to_string())
}

fn countries_or_none(countries: Vec<&str>) -> Vec<Option<&str>> {
    if countries.is_empty() {
        vec![None]
    } else {
        countries.into_iter().map(Some).collect()
    }
}

/// How finely a relation's timeline is cut.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Default)]
pub enum Period {
    Day,
    /// ISO-like weeks, `2023-W09` (weeks start on Monday).
    Week,
    #[default]
    Month,
    /// One period for everything, `all`: a pair's totals.
    Whole,
}

impl Period {
    fn sql(self) -> &'static str {
        match self {
            Period::Day => "day",
            Period::Week => "strftime('%Y-W%W', day)",
            Period::Month => "substr(day, 1, 7)",
            Period::Whole => "'all'",
        }
    }
}

/// Which relations to read.
#[derive(Debug, Clone, Default)]
pub struct RelationQuery {
    /// A country (ISO 3166-1 alpha-3, "USA") or an actor's name ("Antony Blinken"); `None`: all.
    pub first: Option<String>,
    /// The other side, both directions; `None`: every partner of `first`.
    pub second: Option<String>,
    pub period: Period,
    /// Also count planned, possible and denied events, not only those stated as happening.
    pub all_modalities: bool,
}

/// The events of one directed pair in one period.
#[derive(Debug, Clone, PartialEq)]
pub struct Relation {
    /// `2023-02`, `2023-W09` or `2023-02-28`; `undated` when neither event nor article has a date.
    pub period: String,
    /// Countries (alpha-3) when the query names countries or none, else actor names.
    pub source: String,
    pub target: String,
    /// Events by PLOVER type.
    pub counts: BTreeMap<String, u64>,
    pub events: u64,
    /// Mean Goldstein score of the events, −10 (conflict) to +10 (cooperation).
    pub score: f64,
}

/// Whether `name` is a country code rather than an actor's name.
pub(crate) fn is_country(name: &str) -> bool {
    name.len() == 3 && name.bytes().all(|b| b.is_ascii_uppercase())
}

impl Store {
    /// Relations by directed pair and period, in period order.
    pub fn relations(&self, query: &RelationQuery) -> Result<Vec<Relation>> {
        let names: Vec<&str> = [&query.first, &query.second]
            .into_iter()
            .flatten()
            .map(String::as_str)
            .collect();
        let by_country = names.iter().all(|n| is_country(n));
        let (source, target) = if by_country {
            ("source_country", "target_country")
        } else {
            ("source_actor", "target_actor")
        };
        let matches = |column: &str, param: usize| {
            if by_country {
                format!("{column} = ?{param}")
            } else {
                format!("{column} = ?{param} COLLATE NOCASE")
            }
        };
        let mut filters = vec![format!("{source} IS NOT NULL AND {target} IS NOT NULL")];
        if by_country {
            filters.push(format!("{source} <> {target}"));
        }
        if !query.all_modalities {
            filters.push("modality = 'asserted'".into());
        }
        match names.as_slice() {
            [_] => filters.push(format!(
                "({} OR {})",
                matches(source, 1),
                matches(target, 1)
            )),
            [_, _] => filters.push(format!(
                "(({} AND {}) OR ({} AND {}))",
                matches(source, 1),
                matches(target, 2),
                matches(source, 2),
                matches(target, 1)
            )),
            _ => {}
        }
        let sql = format!(
            "SELECT COALESCE({period}, 'undated') AS period, {source}, {target}, event_type,
                    COUNT(*), TOTAL(goldstein)
             FROM dyad_events WHERE {filters}
             GROUP BY period, {source}, {target}, event_type
             ORDER BY period, {source}, {target}",
            period = query.period.sql(),
            filters = filters.join(" AND "),
        );
        let path = self.path();
        let mut stmt = self.conn.prepare(&sql).at(path)?;
        let rows = stmt
            .query_map(rusqlite::params_from_iter(names.iter()), |row| {
                Ok((
                    row.get::<_, String>(0)?,
                    row.get::<_, String>(1)?,
                    row.get::<_, String>(2)?,
                    row.get::<_, String>(3)?,
                    row.get::<_, i64>(4)?,
                    row.get::<_, f64>(5)?,
                ))
            })
            .at(path)?;
        let mut out: Vec<Relation> = Vec::new();
        let mut sums: Vec<f64> = Vec::new();
        for row in rows {
            let (period, source, target, event_type, count, goldstein) = row.at(path)?;
            let count = u64::try_from(count).unwrap_or(0);
            let same = out
                .last()
                .is_some_and(|r| r.period == period && r.source == source && r.target == target);
            if !same {
                out.push(Relation {
                    period,
                    source,
                    target,
                    counts: BTreeMap::new(),
                    events: 0,
                    score: 0.0,
                });
                sums.push(0.0);
            }
            if let (Some(last), Some(sum)) = (out.last_mut(), sums.last_mut()) {
                *last.counts.entry(event_type).or_default() += count;
                last.events += count;
                *sum += goldstein;
            }
        }
        for (relation, sum) in out.iter_mut().zip(sums) {
            if relation.events > 0 {
                relation.score = sum / relation.events as f64;
            }
        }
        Ok(out)
    }
}
