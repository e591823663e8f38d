//! Quotes and events across articles: who said what to whom, who did what to whom, each with
//! its article and the cross-article keys of the entities it names.

use axum::extract::State;
use axum::http::Uri;
use axum::routing::get;
use axum::{Json, Router};
use chancery_store::{Page, StoredEvent, StoredQuote};
use serde_json::{json, Value};

use crate::api::query_params;
use crate::errors::ApiError;
use crate::listing::{EventParams, Paging, QuoteParams};
use crate::state::{blocking, Shared};

pub(crate) fn routes() -> Router<Shared> {
    Router::new()
        .route("/api/quotes", get(quotes))
        .route("/api/events", get(events))
}

async fn quotes(State(state): State<Shared>, uri: Uri) -> Result<Json<Value>, ApiError> {
    let params: QuoteParams = query_params(&uri, "quote")?;
    let (filter, paging) = params.into_filter()?;
    let page = blocking(move || state.with_store(|store| Ok(store.quotes(&filter)?))).await?;
    Ok(Json(listing("quotes", &page, paging, quote_json)))
}

async fn events(State(state): State<Shared>, uri: Uri) -> Result<Json<Value>, ApiError> {
    let params: EventParams = query_params(&uri, "event")?;
    let (filter, paging) = params.into_filter()?;
    let page = blocking(move || state.with_store(|store| Ok(store.events(&filter)?))).await?;
    Ok(Json(listing("events", &page, paging, event_json)))
}

/// A page of items as `{total, limit, offset, <name>: [...]}`.
fn listing<T>(name: &str, page: &Page<T>, paging: Paging, item: fn(&T) -> Value) -> Value {
    let mut value = json!({"total": page.total, "limit": paging.limit, "offset": paging.offset});
    value[name] = page.items.iter().map(item).collect();
    value
}

/// A quote as the API gives it: the stored record with its article and the speaker's and
/// addressee's entity keys.
pub(crate) fn quote_json(stored: &StoredQuote) -> Value {
    let mut value = json!(stored.quote);
    value["article"] = json!(stored.article);
    value["date"] = json!(stored.date);
    with_key(&mut value, "speaker", stored.speaker_key.as_deref());
    with_key(&mut value, "addressee", stored.addressee_key.as_deref());
    value
}

/// An event as the API gives it: the stored record with its article, its day and the actors'
/// entity keys and countries.
fn event_json(stored: &StoredEvent) -> Value {
    let mut value = json!(stored.event);
    value["article"] = json!(stored.article);
    value["day"] = json!(stored.day);
    value["action"] = json!(stored.event.action());
    with_key(&mut value, "source", stored.source_key.as_deref());
    with_key(&mut value, "target", stored.target_key.as_deref());
    for (side, actor) in [
        ("source", &stored.event.source),
        ("target", &stored.event.target),
    ] {
        if let (Some(actor), Some(object)) = (actor, value[side].as_object_mut()) {
            object.insert("countries".into(), json!(actor.countries()));
        }
    }
    value
}

/// Adds the entity key to the party or actor `field`, when both are there.
fn with_key(value: &mut Value, field: &str, key: Option<&str>) {
    if let (Some(key), Some(object)) = (key, value[field].as_object_mut()) {
        object.insert("key".into(), json!(key));
    }
}
