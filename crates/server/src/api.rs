//! The routes: JSON endpoints under `/api`, the web UI elsewhere, and the limits and fallbacks
//! that keep every answer JSON with a fitting status.

use axum::extract::rejection::JsonRejection;
use axum::extract::{DefaultBodyLimit, Query, State};
use axum::http::{header, StatusCode, Uri};
use axum::response::{IntoResponse, Response};
use axum::routing::get;
use axum::{Json, Router};
use chancery_search::SearchResults;
use serde::Serialize;
use serde_json::{json, Value};

use crate::errors::ApiError;
use crate::params::{EntityListParams, SearchParams, MAX_BODY_BYTES};
use crate::path::ApiPath;
use crate::state::{blocking, Shared};
use crate::ui;
use crate::{entities, relations, statements, stories};

/// The API's description, kept beside the routes it describes.
const OPENAPI: &str = include_str!("openapi.json");

/// Longest article id (or id prefix) looked up.
const MAX_ID_CHARS: usize = 64;

/// Longest entity name looked up.
pub(crate) const MAX_NAME_CHARS: usize = 200;

/// Every route, over `state`.
pub(crate) fn router(state: Shared) -> Router {
    Router::new()
        .route("/api/health", get(health))
        .route("/api/search", get(search_get).post(search_post))
        .route("/api/articles/{id}", get(article))
        .route("/api/entities", get(entity_list))
        .route("/api/entities/{name}", get(entity_detail))
        .route("/api/openapi.json", get(openapi))
        .merge(stories::routes())
        .merge(statements::routes())
        .merge(relations::routes())
        .merge(ui::routes())
        .fallback(not_found)
        .method_not_allowed_fallback(method_not_allowed)
        .layer(DefaultBodyLimit::max(MAX_BODY_BYTES))
        .with_state(state)
}

/// A search's results with the page they are.
#[derive(Debug, Serialize)]
struct SearchPage {
    page: usize,
    page_size: usize,
    /// Each hit names its story: the index holds it with the article.
    #[serde(flatten)]
    results: SearchResults,
}

async fn health(State(state): State<Shared>) -> Result<Json<Value>, ApiError> {
    blocking(move || {
        let (articles, last_seq) =
            state.with_store(|store| Ok((store.counts()?.articles, store.last_seq()?)))?;
        let last_indexed = state.index.last_indexed()?;
        Ok(Json(json!({
            "status": "ok",
            "articles": articles,
            "indexed": state.index.len(),
            "index_up_to_date": last_indexed >= last_seq,
            "version": env!("CARGO_PKG_VERSION"),
        })))
    })
    .await
}

async fn search_get(State(state): State<Shared>, uri: Uri) -> Result<Json<SearchPage>, ApiError> {
    search(state, query_params(&uri, "search")?).await
}

async fn search_post(
    State(state): State<Shared>,
    body: Result<Json<SearchParams>, JsonRejection>,
) -> Result<Json<SearchPage>, ApiError> {
    let Json(params) = body.map_err(|rejection| {
        ApiError::new(
            rejection.status(),
            format!("invalid search body: {}", rejection.body_text()),
        )
    })?;
    search(state, params).await
}

async fn search(state: Shared, params: SearchParams) -> Result<Json<SearchPage>, ApiError> {
    let request = params.into_request()?;
    let page = request.offset / request.limit + 1;
    let page_size = request.limit;
    let results = blocking(move || Ok(state.index.search(&request)?)).await?;
    Ok(Json(SearchPage {
        page,
        page_size,
        results,
    }))
}

async fn article(
    State(state): State<Shared>,
    ApiPath(id): ApiPath<String>,
) -> Result<Response, ApiError> {
    if id.chars().count() > MAX_ID_CHARS {
        return Err(ApiError::bad_request(format!(
            "an article id has at most {MAX_ID_CHARS} characters"
        )));
    }
    let found = blocking(move || {
        state.with_store(|store| {
            let Some(article) = store.article(&id)? else {
                return Ok(None);
            };
            let placement = store.placement_of(article.id.as_str())?;
            let story = match &placement {
                Some(p) => store.story(p.story)?,
                None => None,
            };
            let mut value = json!(article);
            value["placement"] = json!(placement);
            value["story_title"] = json!(story.map(|s| s.title));
            Ok(Some(value))
        })
    })
    .await?;
    match found {
        Some(article) => Ok(Json(article).into_response()),
        None => Err(ApiError::not_found("no article has this id")),
    }
}

async fn entity_list(State(state): State<Shared>, uri: Uri) -> Result<Json<Value>, ApiError> {
    let params: EntityListParams = query_params(&uri, "entity")?;
    blocking(move || entities::list(&state, &params))
        .await
        .map(Json)
}

async fn entity_detail(
    State(state): State<Shared>,
    ApiPath(name): ApiPath<String>,
) -> Result<Json<Value>, ApiError> {
    if name.chars().count() > MAX_NAME_CHARS {
        return Err(ApiError::bad_request(format!(
            "an entity name has at most {MAX_NAME_CHARS} characters"
        )));
    }
    let found = blocking(move || entities::detail(&state, &name)).await?;
    found
        .map(Json)
        .ok_or_else(|| ApiError::not_found("no stored article names this entity"))
}

/// The query string's parameters, or a 400 naming what is wrong with them.
pub(crate) fn query_params<T: serde::de::DeserializeOwned>(
    uri: &Uri,
    what: &str,
) -> Result<T, ApiError> {
    let Query(params) = Query::<T>::try_from_uri(uri).map_err(|rejection| {
        ApiError::new(
            rejection.status(),
            format!("invalid {what} parameters: {}", rejection.body_text()),
        )
    })?;
    Ok(params)
}

async fn openapi() -> impl IntoResponse {
    ([(header::CONTENT_TYPE, "application/json")], OPENAPI)
}

async fn not_found(uri: Uri) -> ApiError {
    ApiError::not_found(format!("no such endpoint or page: {}", uri.path()))
}

async fn method_not_allowed() -> ApiError {
    ApiError::new(
        StatusCode::METHOD_NOT_ALLOWED,
        "this endpoint does not take that method; see /api/openapi.json",
    )
}
