//! The HTTP API in-process: requests built from fuzz bytes sent to the router `serve` runs, over a
//! store holding the seed articles. Whatever the request, the answer is never a server error, and
//! an API error is JSON.

use std::path::{Path, PathBuf};
use std::sync::OnceLock;

use axum::body::Body;
use axum::http::{header, Method, Request, Uri};
use axum::Router;
use chancery_search::ArticleIndex;
use chancery_store::Store;
use tower::ServiceExt;

/// Methods a request may use; the first input byte picks one.
const METHODS: [Method; 6] = [
    Method::GET,
    Method::POST,
    Method::PUT,
    Method::DELETE,
    Method::HEAD,
    Method::OPTIONS,
];

/// The router and the runtime it runs on, set up once per process.
struct Server {
    runtime: tokio::runtime::Runtime,
    router: Router,
    _dir: tempfile::TempDir,
}

/// Sends the request `bytes` describe: the first byte picks the method, the bytes up to the first
/// newline are the path and query, the rest the body (sent as JSON). Bytes that make no valid
/// request line are skipped: an HTTP server rejects them before any route sees them.
pub fn http_request(bytes: &[u8]) {
    let Some((&pick, rest)) = bytes.split_first() else {
        return;
    };
    let (line, body) = match rest.iter().position(|&b| b == b'\n') {
        Some(at) => (&rest[..at], &rest[at + 1..]),
        None => (rest, &[][..]),
    };
    let Ok(uri) = Uri::try_from(line) else {
        return;
    };
    let method = METHODS[usize::from(pick) % METHODS.len()].clone();
    let api = uri.path().starts_with("/api");
    let request = Request::builder()
        .method(method)
        .uri(uri)
        .header(header::CONTENT_TYPE, "application/json")
        .body(Body::from(body.to_vec()));
    let Ok(request) = request else {
        return;
    };
    let server = server();
    let response = server
        .runtime
        .block_on(server.router.clone().oneshot(request))
        .unwrap_or_else(|never| match never {});
    let status = response.status();
    assert!(!status.is_server_error(), "{status} for {line:?}");
    if api && status.is_client_error() {
        let kind = response.headers().get(header::CONTENT_TYPE);
        assert!(
            kind.is_some_and(|k| k.as_bytes().starts_with(b"application/json")),
            "{status} without JSON for {line:?}: {kind:?}"
        );
    }
}

fn server() -> &'static Server {
    static SERVER: OnceLock<Server> = OnceLock::new();
    SERVER.get_or_init(|| {
        let dir = tempfile::tempdir().expect("a temporary directory");
        store_seeds(dir.path());
        let runtime = tokio::runtime::Builder::new_current_thread()
            .build()
            .expect("a runtime");
        let router = chancery_server::router(dir.path()).expect("the router opens the store");
        Server {
            runtime,
            router,
            _dir: dir,
        }
    })
}

/// Stores and indexes the repository's seed articles in `data`, as `chancery ingest` would
/// (without annotations).
fn store_seeds(data: &Path) {
    let examples = PathBuf::from(env!("CARGO_MANIFEST_DIR")).join("../examples");
    let mut articles = Vec::new();
    for entry in std::fs::read_dir(&examples).expect("the examples directory") {
        let path = entry.expect("an examples entry").path();
        let bytes = std::fs::read(&path).expect("an example file");
        articles.extend(crate::extract_text(&bytes));
    }
    let mut store = Store::open(data).expect("a store");
    store.insert_batch(&articles).expect("the seeds are stored");
    let index = ArticleIndex::open(data).expect("an index");
    let mut updater = index.updater(1).expect("the index writer");
    updater.sync(&store).expect("the seeds are indexed");
    updater.finish().expect("the index is written");
}
