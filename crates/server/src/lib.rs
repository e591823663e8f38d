//! The HTTP side of chancery: a JSON API under `/api` and a web UI, served by one process over a
//! data directory's store and search index.
//!
//! - [`run`] binds the address, reports it, and serves until the process ends; [`router`] gives
//!   the routes alone.
//! - `api`: the JSON endpoints; `errors`: every failure as `{error, message}` with its status;
//!   `params`: query strings and bodies checked against the limits below; `listing`: the same
//!   for the corpus listings; `entities`: entity pages from the stored per-article entities and
//!   their profile across articles; `stories`, `statements` (quotes and events) and `relations`
//!   (pairs of countries): the corpus view; `ui`: the embedded web UI.
//!
//! Searching and reading the store are blocking work; they run on tokio's blocking pool so a slow
//! request never holds up the others.

mod api;
mod entities;
mod errors;
mod listing;
mod params;
mod path;
mod relations;
mod state;
mod statements;
mod stories;
mod ui;

use std::net::SocketAddr;
use std::path::PathBuf;

pub use errors::ServerError;
pub use params::{MAX_BODY_BYTES, MAX_QUERY_CHARS};

/// What to serve, and where.
#[derive(Debug, Clone)]
pub struct ServerConfig {
    /// The data directory holding `chancery.db` and `index/`.
    pub data: PathBuf,
    /// Address to listen on; port 0 picks a free port.
    pub addr: SocketAddr,
}

/// The API and UI routes over the store and index in `data`, for serving them from another
/// program or driving them in-process (the HTTP fuzz target does).
pub fn router(data: &std::path::Path) -> Result<axum::Router, ServerError> {
    Ok(api::router(state::AppState::open(data)?))
}

/// Serves `config.data` on `config.addr` until the process ends. `ready` is called with the
/// address actually bound once connections are accepted.
pub fn run(config: &ServerConfig, ready: impl FnOnce(SocketAddr)) -> Result<(), ServerError> {
    let state = state::AppState::open(&config.data)?;
    let runtime = tokio::runtime::Builder::new_multi_thread()
        .enable_io()
        .build()
        .map_err(ServerError::Runtime)?;
    runtime.block_on(async move {
        let listener = tokio::net::TcpListener::bind(config.addr)
            .await
            .map_err(|source| ServerError::Bind {
                addr: config.addr,
                source,
            })?;
        let bound = listener.local_addr().map_err(|source| ServerError::Bind {
            addr: config.addr,
            source,
        })?;
        ready(bound);
        axum::serve(listener, api::router(state))
            .await
            .map_err(ServerError::Serve)
    })
}
