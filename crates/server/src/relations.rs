//! Relations between countries: every pair with its event count and mean cooperation–conflict
//! (Goldstein) score, for a map or a matrix; and one pair's timeline, both directions, by day,
//! week or month, with counts by PLOVER type.

use std::collections::BTreeMap;

use axum::extract::State;
use axum::http::Uri;
use axum::routing::get;
use axum::{Json, Router};
use chancery_store::{Period, Relation, RelationQuery};
use serde_json::{json, Value};

use crate::api::{query_params, MAX_NAME_CHARS};
use crate::errors::ApiError;
use crate::listing::RelationParams;
use crate::path::ApiPath;
use crate::state::{blocking, Shared};

pub(crate) fn routes() -> Router<Shared> {
    Router::new()
        .route("/api/relations", get(pairs))
        .route("/api/relations/{a}/{b}", get(pair))
}

async fn pairs(State(state): State<Shared>, uri: Uri) -> Result<Json<Value>, ApiError> {
    let params: RelationParams = query_params(&uri, "relation")?;
    if params.bucket.is_some() {
        return Err(ApiError::bad_request(
            "bucket applies to one pair's timeline: /api/relations/{a}/{b}?bucket=week",
        ));
    }
    let query = RelationQuery {
        period: Period::Whole,
        all_modalities: params.all_modalities.unwrap_or(false),
        ..RelationQuery::default()
    };
    let relations =
        blocking(move || state.with_store(|store| Ok(store.relations(&query)?))).await?;
    let pairs: Vec<Value> = relations.iter().map(directed).collect();
    Ok(Json(json!({ "pairs": pairs })))
}

async fn pair(
    State(state): State<Shared>,
    ApiPath((a, b)): ApiPath<(String, String)>,
    uri: Uri,
) -> Result<Json<Value>, ApiError> {
    let params: RelationParams = query_params(&uri, "relation")?;
    let (a, b) = (side(&a)?, side(&b)?);
    let query = RelationQuery {
        first: Some(a.clone()),
        second: Some(b.clone()),
        period: params.period()?,
        all_modalities: params.all_modalities.unwrap_or(false),
    };
    let bucket = params.bucket.unwrap_or_else(|| "month".into());
    let relations =
        blocking(move || state.with_store(|store| Ok(store.relations(&query)?))).await?;
    let mut timeline: Vec<Value> = Vec::new();
    let mut start = 0;
    while start < relations.len() {
        let period = &relations[start].period;
        let end = start
            + relations[start..]
                .iter()
                .take_while(|r| &r.period == period)
                .count();
        let mut entry = summed(&relations[start..end]);
        entry["period"] = json!(period);
        entry["directions"] = relations[start..end].iter().map(directed).collect();
        timeline.push(entry);
        start = end;
    }
    let mut directions: BTreeMap<(&str, &str), Vec<Relation>> = BTreeMap::new();
    for r in &relations {
        directions
            .entry((&r.source, &r.target))
            .or_default()
            .push(r.clone());
    }
    let mut value = summed(&relations);
    value["a"] = json!(a);
    value["b"] = json!(b);
    value["bucket"] = json!(bucket);
    value["directions"] = directions
        .into_iter()
        .map(|((source, target), rows)| {
            let mut v = summed(&rows);
            v["source"] = json!(source);
            v["target"] = json!(target);
            v
        })
        .collect();
    value["timeline"] = json!(timeline);
    Ok(Json(value))
}

/// A side of a pair: a country code (any case) or an actor's name.
fn side(name: &str) -> Result<String, ApiError> {
    let name = name.trim();
    if name.is_empty() || name.chars().count() > MAX_NAME_CHARS {
        return Err(ApiError::bad_request(format!(
            "each side of a pair is a country code (USA) or an actor's name of 1 to {MAX_NAME_CHARS} characters"
        )));
    }
    if name.len() == 3 && name.bytes().all(|b| b.is_ascii_alphabetic()) {
        return Ok(name.to_ascii_uppercase());
    }
    Ok(name.to_string())
}

/// One directed pair in one period.
fn directed(r: &Relation) -> Value {
    json!({
        "source": r.source,
        "target": r.target,
        "events": r.events,
        "score": r.score,
        "counts": r.counts,
    })
}

/// Events, counts by type and mean score over several rows.
fn summed(rows: &[Relation]) -> Value {
    let mut counts: BTreeMap<&str, u64> = BTreeMap::new();
    let (mut events, mut total) = (0u64, 0.0);
    for r in rows {
        for (t, n) in &r.counts {
            *counts.entry(t).or_default() += n;
        }
        events += r.events;
        total += r.score * r.events as f64;
    }
    let score = if events > 0 {
        total / events as f64
    } else {
        0.0
    };
    json!({"events": events, "score": score, "counts": counts})
}
