//! Quotes and events across articles, filtered and paged: who said what (by speaker, article or
//! story) and who did what to whom (by actor, PLOVER type, dates, article or story). Each comes
//! with its article and with the cross-article keys of the entities it names, so a reader can go
//! from a quote to its speaker's page.

use std::collections::HashMap;

use chancery_model::{ActorRecord, EventRecord, PartyRecord, QuoteRecord};
use chrono::NaiveDate;
use rusqlite::params_from_iter;
use rusqlite::types::Value;
use serde::de::DeserializeOwned;

use crate::codec;
use crate::dyads::{event_day, is_country};
use crate::error::{AtPath, Result};
use crate::stories::to_sql;
use crate::Store;

/// One page of a longer list.
#[derive(Debug, Clone, PartialEq)]
pub struct Page<T> {
    /// How many items the whole list has.
    pub total: usize,
    pub items: Vec<T>,
}

/// Which quotes to read; `limit` 0 reads none (only the total).
#[derive(Debug, Clone, Default)]
pub struct QuoteFilter {
    /// The speaker: an entity's key or name (as the entity pages take it), else the speaker as
    /// written, any case.
    pub speaker: Option<String>,
    /// Only the quotes of this article (id or unique prefix).
    pub article: Option<String>,
    /// Only the quotes of this story's articles.
    pub story: Option<u64>,
    pub limit: usize,
    pub offset: usize,
}

/// A quote with where it was said.
#[derive(Debug, Clone, PartialEq)]
pub struct StoredQuote {
    pub article: String,
    /// The article's date, stated or taken from its story.
    pub date: Option<NaiveDate>,
    /// Cross-article key of the speaker's entity, when it resolves to one.
    pub speaker_key: Option<String>,
    pub addressee_key: Option<String>,
    pub quote: QuoteRecord,
}

/// Which events to read; `limit` 0 reads none (only the total).
#[derive(Debug, Clone, Default)]
pub struct EventFilter {
    /// Either side: a country (ISO 3166-1 alpha-3, "KAZ"), else an entity's key or name.
    pub actor: Option<String>,
    /// PLOVER type ("CONSULT"), any case.
    pub event_type: Option<String>,
    /// Only events on or after / before these days (events with no day are left out).
    pub from: Option<NaiveDate>,
    pub to: Option<NaiveDate>,
    pub article: Option<String>,
    pub story: Option<u64>,
    pub limit: usize,
    pub offset: usize,
}

/// An event with where it was reported.
#[derive(Debug, Clone, PartialEq)]
pub struct StoredEvent {
    pub article: String,
    /// The event's own full date, else its article's.
    pub day: Option<NaiveDate>,
    pub source_key: Option<String>,
    pub target_key: Option<String>,
    pub event: EventRecord,
}

/// The cross-article key of each entity of an article, by its name in that article.
type EntityKeys = HashMap<String, String>;

/// One article's annotation list with what is needed to place it.
struct Annotated {
    seq: i64,
    id: String,
    date: Option<NaiveDate>,
    json: String,
}

/// A person or thing asked for by name: its entity key when it names a stored entity.
struct Wanted {
    lower: String,
    key: Option<String>,
}

impl Wanted {
    fn matches(&self, name: Option<&str>, text: &str, names: &HashMap<String, String>) -> bool {
        let key = name.and_then(|n| names.get(n));
        match (&self.key, key) {
            (Some(wanted), Some(key)) => wanted == key,
            _ => [name, Some(text)]
                .into_iter()
                .flatten()
                .any(|n| n.to_lowercase() == self.lower),
        }
    }
}

impl Store {
    /// Quotes `filter` selects, in article date order (undated last), then text order.
    pub fn quotes(&self, filter: &QuoteFilter) -> Result<Page<StoredQuote>> {
        let wanted = filter
            .speaker
            .as_deref()
            .map(|s| self.wanted(s))
            .transpose()?;
        let scope = Scope {
            column: "quotes",
            article: filter.article.as_deref(),
            story: filter.story,
            entity: wanted.as_ref().and_then(|w| w.key.as_deref()),
        };
        self.annotations(
            &scope,
            filter.offset,
            filter.limit,
            &mut |quote: QuoteRecord, row, names| {
                if let Some(w) = &wanted {
                    let speaker = quote.speaker.as_ref()?;
                    if !w.matches(speaker.entity.as_deref(), &speaker.text, names) {
                        return None;
                    }
                }
                let key_of = |party: Option<&PartyRecord>| {
                    key(party.and_then(|p| p.entity.as_deref()), names)
                };
                Some(StoredQuote {
                    article: row.id.clone(),
                    date: row.date,
                    speaker_key: key_of(quote.speaker.as_ref()),
                    addressee_key: key_of(quote.addressee.as_ref()),
                    quote,
                })
            },
        )
    }

    /// Events `filter` selects, in article date order (undated last), then text order.
    pub fn events(&self, filter: &EventFilter) -> Result<Page<StoredEvent>> {
        let actor = filter.actor.as_deref().map(str::trim);
        let country = actor.filter(|a| is_country(a));
        let wanted = match actor {
            Some(a) if country.is_none() => Some(self.wanted(a)?),
            _ => None,
        };
        let event_type = filter.event_type.as_deref().map(str::to_uppercase);
        let scope = Scope {
            column: "events",
            article: filter.article.as_deref(),
            story: filter.story,
            entity: wanted.as_ref().and_then(|w| w.key.as_deref()),
        };
        self.annotations(
            &scope,
            filter.offset,
            filter.limit,
            &mut |event: EventRecord, row, names| {
                if event_type.as_deref().is_some_and(|t| event.event_type != t) {
                    return None;
                }
                let side_matches = |a: &ActorRecord| {
                    country.is_none_or(|c| a.countries().contains(&c))
                        && wanted.as_ref().is_none_or(|w| {
                            w.matches(a.entity.as_deref().or(Some(&a.name)), &a.text, names)
                        })
                };
                let sides = [event.source.as_ref(), event.target.as_ref()];
                if actor.is_some() && !sides.into_iter().flatten().any(side_matches) {
                    return None;
                }
                let day = event_day(&event)
                    .and_then(|d| codec::decode_date(&d).ok())
                    .or(row.date);
                let after = filter
                    .from
                    .is_none_or(|from| day.is_some_and(|d| d >= from));
                let before = filter.to.is_none_or(|to| day.is_some_and(|d| d <= to));
                if !(after && before) {
                    return None;
                }
                let key_of = |actor: Option<&ActorRecord>| {
                    key(actor.and_then(|a| a.entity.as_deref()), names)
                };
                Some(StoredEvent {
                    article: row.id.clone(),
                    day,
                    source_key: key_of(event.source.as_ref()),
                    target_key: key_of(event.target.as_ref()),
                    event,
                })
            },
        )
    }

    /// The page of what `keep` makes of the annotations (quotes or events) of the articles in
    /// `scope`; `keep` gives `None` for one the filter leaves out.
    fn annotations<T: DeserializeOwned, O>(
        &self,
        scope: &Scope<'_>,
        offset: usize,
        limit: usize,
        keep: &mut dyn FnMut(T, &Annotated, &EntityKeys) -> Option<O>,
    ) -> Result<Page<O>> {
        let mut page = Page {
            total: 0,
            items: Vec::new(),
        };
        self.for_each_annotated(scope, &mut |row| {
            let items: Vec<T> = codec::decode_list(&row.json, scope.column)
                .map_err(|detail| self.corrupt(&row.id, detail))?;
            let names = self.entity_keys_of(row.seq)?;
            for item in items {
                if let Some(kept) = keep(item, &row, &names) {
                    if take(&mut page.total, offset, limit) {
                        page.items.push(kept);
                    }
                }
            }
            Ok(())
        })?;
        Ok(page)
    }

    /// A name asked for, with the key of the stored entity it names.
    fn wanted(&self, name: &str) -> Result<Wanted> {
        let lower = name.trim().to_lowercase();
        let key = self
            .find_entity(name.trim())?
            .filter(|e| {
                e.key == name.trim()
                    || e.name.to_lowercase() == lower
                    || e.name.to_lowercase().ends_with(&format!(" {lower}"))
            })
            .map(|e| e.key);
        Ok(Wanted { lower, key })
    }

    /// The cross-article key of each entity of article `seq`, by its name in that article.
    fn entity_keys_of(&self, seq: i64) -> Result<HashMap<String, String>> {
        let mut stmt = self
            .conn
            .prepare_cached("SELECT name, key FROM article_entities WHERE article_seq = ?1")
            .at(&self.db_path)?;
        let rows = stmt
            .query_map([seq], |row| Ok((row.get(0)?, row.get(1)?)))
            .at(&self.db_path)?;
        rows.collect::<rusqlite::Result<HashMap<_, _>>>()
            .at(&self.db_path)
    }

    /// Calls `f` with each article in `scope` whose annotation column is set, in date order.
    fn for_each_annotated(
        &self,
        scope: &Scope<'_>,
        f: &mut dyn FnMut(Annotated) -> Result<()>,
    ) -> Result<()> {
        let mut conditions = vec![format!("a.{} IS NOT NULL", scope.column)];
        let mut params = Vec::new();
        if let Some(article) = scope.article {
            let Some(seq) = self.resolve_id(article)? else {
                return Ok(());
            };
            conditions.push("a.seq = ?".into());
            params.push(Value::Integer(seq));
        }
        if let Some(story) = scope.story {
            conditions.push("a.seq IN (SELECT article_seq FROM placements WHERE story = ?)".into());
            params.push(Value::Integer(to_sql(story)));
        }
        if let Some(key) = scope.entity {
            conditions
                .push("a.seq IN (SELECT article_seq FROM article_entities WHERE key = ?)".into());
            params.push(Value::Text(key.to_string()));
        }
        let sql = format!(
            "SELECT a.seq, a.id, COALESCE(a.published, a.inferred_published), a.{column}
             FROM articles a WHERE {conditions}
             ORDER BY COALESCE(a.published, a.inferred_published) NULLS LAST, a.seq",
            column = scope.column,
            conditions = conditions.join(" AND "),
        );
        let path = &self.db_path;
        let mut stmt = self.conn.prepare_cached(&sql).at(path)?;
        let mut rows = stmt.query(params_from_iter(params)).at(path)?;
        while let Some(row) = rows.next().at(path)? {
            let date: Option<String> = row.get(2).at(path)?;
            f(Annotated {
                seq: row.get(0).at(path)?,
                id: row.get(1).at(path)?,
                date: date.as_deref().and_then(|d| codec::decode_date(d).ok()),
                json: row.get(3).at(path)?,
            })?;
        }
        Ok(())
    }
}

/// Which articles' annotations a listing reads.
struct Scope<'a> {
    /// `quotes` or `events`.
    column: &'static str,
    article: Option<&'a str>,
    story: Option<u64>,
    /// Only articles naming the entity with this key.
    entity: Option<&'a str>,
}

/// The cross-article key of the entity an article calls `name`.
fn key(name: Option<&str>, names: &HashMap<String, String>) -> Option<String> {
    name.and_then(|n| names.get(n).cloned())
}

/// Counts one more matching item and says whether it falls on the page.
fn take(total: &mut usize, offset: usize, limit: usize) -> bool {
    let index = *total;
    *total += 1;
    index >= offset && index - offset < limit
}
