//! Entity pages, from the entities stored with each article: the index finds the articles that
//! name an entity, the store gives what each says of it (type, aliases, roles, place) and its
//! profile across articles (roles over time, mentions by month, quotes, co-occurring entities).

use std::collections::BTreeMap;

use chancery_model::EntityRecord;
use chancery_search::{Filters, SearchRequest, MAX_PAGE_SIZE};
use serde_json::{json, Value};

use chancery_store::{QuoteFilter, Store};

use crate::errors::ApiError;
use crate::params::EntityListParams;
use crate::state::AppState;
use crate::statements::quote_json;

/// Most quotes an entity page lists; the rest are a `/api/quotes?speaker=` away.
const ENTITY_QUOTES: usize = 100;

/// The entities named most often in the articles a search matches (every article without `q`).
pub(crate) fn list(state: &AppState, params: &EntityListParams) -> Result<Value, ApiError> {
    let kind = params.kind.as_deref().map(str::to_uppercase);
    let request = SearchRequest {
        text: params.q.clone().unwrap_or_default(),
        limit: 1,
        facets: true,
        snippets: false,
        ..SearchRequest::default()
    };
    let results = state.index.search(&request)?;
    let entities: Vec<Value> = results
        .facets
        .map(|facets| facets.entity)
        .unwrap_or_default()
        .into_iter()
        .filter(|e| kind.as_deref().is_none_or(|k| e.kind.as_str() == k))
        .map(|e| json!({"name": e.name, "type": e.kind, "articles": e.count}))
        .collect();
    Ok(json!({ "entities": entities }))
}

/// A search for the articles naming `name`.
fn naming(name: &str) -> SearchRequest {
    SearchRequest {
        filters: Filters {
            entity: Some(name.to_string()),
            ..Filters::default()
        },
        limit: MAX_PAGE_SIZE,
        snippets: false,
        ..SearchRequest::default()
    }
}

/// What the stored articles say of the entity `name` (canonical name or alias, any case), and
/// the articles that name it; `None` when none does.
pub(crate) fn detail(state: &AppState, name: &str) -> Result<Option<Value>, ApiError> {
    let (across, full_name) = state.with_store(|store| across_articles(store, name))?;
    let mut name = name;
    let mut results = state.index.search(&naming(name))?;
    // A name the articles never give whole ("Tokayev" for "Kassym-Jomart Tokayev") finds the
    // entity in the store, and its articles by its full name.
    if let (true, Some(full)) = (results.hits.is_empty(), full_name.as_deref()) {
        name = full;
        results = state.index.search(&naming(name))?;
    }
    if results.hits.is_empty() {
        return Ok(None);
    }
    let wanted = name.trim().to_lowercase();
    let mut summary = Summary::default();
    let mut articles = Vec::new();
    for hit in &results.hits {
        let Some(article) = state.with_store(|store| Ok(store.article(&hit.id)?))? else {
            continue;
        };
        let records: Vec<&EntityRecord> = article
            .entities
            .iter()
            .filter(|e| names_of(e).any(|n| n.to_lowercase() == wanted))
            .collect();
        for record in &records {
            summary.add(record);
        }
        articles.push(json!({
            "id": article.id,
            "title": article.title_text(),
            "source": article.source,
            "published": article.published,
            "mentions": records.iter().map(|r| r.mentions.len()).sum::<usize>(),
            "roles": records.iter().flat_map(|r| r.roles.iter()).collect::<Vec<_>>(),
        }));
    }
    let mut value = summary.into_json(name, results.total, articles);
    if let (Value::Object(map), Value::Object(more)) = (&mut value, across) {
        map.extend(more);
    }
    Ok(Some(value))
}

/// What the store's cross-article view adds: the entity's key and mentions, its roles over
/// time, mentions by month, its quotes and the entities named beside it.
/// Also the entity's fullest name.
fn across_articles(store: &Store, name: &str) -> Result<(Value, Option<String>), ApiError> {
    let Some(profile) = store.entity_profile(name)? else {
        return Ok((json!({}), None));
    };
    let quotes = store.quotes(&QuoteFilter {
        speaker: Some(profile.entity.key.clone()),
        limit: ENTITY_QUOTES,
        ..QuoteFilter::default()
    })?;
    let roles: Vec<Value> = profile
        .roles
        .iter()
        .map(|r| json!({"role": r.role, "first": r.first, "last": r.last, "articles": r.articles}))
        .collect();
    let months: Vec<Value> = profile
        .mentions_by_month
        .iter()
        .map(|(month, mentions)| json!({"month": month, "mentions": mentions}))
        .collect();
    let co_occurring: Vec<Value> = profile
        .co_occurring
        .iter()
        .map(|e| json!({"key": e.key, "name": e.name, "type": e.kind, "articles": e.articles}))
        .collect();
    let value = json!({
        "key": profile.entity.key,
        "mentions": profile.entity.mentions,
        "role_spans": roles,
        "mentions_by_month": months,
        "quotes": quotes.items.iter().map(quote_json).collect::<Vec<_>>(),
        "total_quotes": quotes.total,
        "co_occurring": co_occurring,
    });
    Ok((value, Some(profile.entity.name)))
}

/// The canonical name and every alias of an entity.
fn names_of(entity: &EntityRecord) -> impl Iterator<Item = &String> {
    std::iter::once(&entity.name).chain(&entity.aliases)
}

/// What the articles say of one entity, counted across them.
#[derive(Debug, Default)]
struct Summary {
    names: BTreeMap<String, usize>,
    types: BTreeMap<String, usize>,
    aliases: BTreeMap<String, usize>,
    roles: BTreeMap<String, usize>,
    affiliations: BTreeMap<String, usize>,
    countries: BTreeMap<String, usize>,
    place: Option<chancery_model::PlaceRecord>,
}

impl Summary {
    fn add(&mut self, record: &EntityRecord) {
        let count = |map: &mut BTreeMap<String, usize>, value: &str| {
            *map.entry(value.to_string()).or_default() += 1;
        };
        count(&mut self.names, &record.name);
        count(&mut self.types, record.kind.as_str());
        for alias in &record.aliases {
            count(&mut self.aliases, alias);
        }
        for role in &record.roles {
            count(&mut self.roles, role);
        }
        if let Some(affiliation) = &record.affiliation {
            count(&mut self.affiliations, affiliation);
        }
        if let Some(country) = &record.country {
            count(&mut self.countries, country);
        }
        if self.place.is_none() {
            self.place = record.place.clone();
        }
    }

    fn into_json(self, asked: &str, total: usize, articles: Vec<Value>) -> Value {
        let counted = |map: &BTreeMap<String, usize>| -> Vec<Value> {
            let mut pairs: Vec<_> = map.iter().collect();
            pairs.sort_by(|a, b| b.1.cmp(a.1).then_with(|| a.0.cmp(b.0)));
            pairs
                .into_iter()
                .map(|(value, count)| json!({"value": value, "articles": count}))
                .collect()
        };
        // The value most articles give; ties go to the first in alphabetical order.
        let most = |map: &BTreeMap<String, usize>| -> Option<String> {
            map.iter()
                .max_by(|a, b| a.1.cmp(b.1).then_with(|| b.0.cmp(a.0)))
                .map(|(value, _)| value.clone())
        };
        json!({
            "name": most(&self.names).unwrap_or_else(|| asked.to_string()),
            "type": most(&self.types),
            "aliases": counted(&self.aliases),
            "roles": counted(&self.roles),
            "affiliations": counted(&self.affiliations),
            "countries": counted(&self.countries),
            "place": self.place,
            "total_articles": total,
            "articles": articles,
        })
    }
}
