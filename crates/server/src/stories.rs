//! Story pages: the stories articles were grouped into, and one story with its articles in time
//! order (copies marked with what they copy), its key entities and its articles' quotes.

use axum::extract::State;
use axum::http::Uri;
use axum::routing::get;
use axum::{Json, Router};
use chancery_store::{QuoteFilter, StoryArticle};
use serde_json::{json, Value};

use crate::api::query_params;
use crate::errors::ApiError;
use crate::listing::{paging, StoryListParams};
use crate::path::ApiPath;
use crate::state::{blocking, Shared};
use crate::statements::quote_json;

/// Most quotes a story page lists; the rest are a `/api/quotes?story=` away.
const STORY_QUOTES: usize = 100;

pub(crate) fn routes() -> Router<Shared> {
    Router::new()
        .route("/api/stories", get(list))
        .route("/api/stories/{id}", get(detail))
}

async fn list(State(state): State<Shared>, uri: Uri) -> Result<Json<Value>, ApiError> {
    let params: StoryListParams = query_params(&uri, "story list")?;
    let page = paging(params.limit, params.offset)?;
    blocking(move || {
        state.with_store(|store| {
            let stories = store.stories_page(page.limit, page.offset)?;
            Ok(Json(json!({
                "total": store.story_count()?,
                "limit": page.limit,
                "offset": page.offset,
                "stories": stories,
            })))
        })
    })
    .await
}

async fn detail(
    State(state): State<Shared>,
    ApiPath(id): ApiPath<String>,
) -> Result<Json<Value>, ApiError> {
    let id: u64 = id.trim().parse().map_err(|_| {
        ApiError::bad_request(format!(
            "a story id is a number from 0 to {}, not {:?}",
            u64::MAX,
            id.chars().take(40).collect::<String>()
        ))
    })?;
    blocking(move || {
        state.with_store(|store| {
            let Some(story) = store.story(id)? else {
                return Err(ApiError::not_found(format!("no story {id}")));
            };
            let articles = store.story_articles(id)?;
            let quotes = store.quotes(&QuoteFilter {
                story: Some(id),
                limit: STORY_QUOTES,
                ..QuoteFilter::default()
            })?;
            let mut value = json!(story);
            value["timeline"] = articles.iter().map(timeline_entry).collect();
            value["quotes"] = quotes.items.iter().map(quote_json).collect();
            value["total_quotes"] = json!(quotes.total);
            Ok(Json(value))
        })
    })
    .await
}

fn timeline_entry(article: &StoryArticle) -> Value {
    json!({
        "id": article.id,
        "title": article.title,
        "source": article.source,
        "date": article.date,
        "date_inferred": article.date_inferred,
        "duplicate_of": article.duplicate_of,
        "similarity": article.similarity,
    })
}
