//! The web UI: one page, its scripts, its style sheet and the vendored map libraries and world
//! shapes (`ui/vendor/`, see its README), compiled into the binary so the server needs no files
//! beside it and the browser loads nothing from elsewhere.

use axum::http::header;
use axum::response::IntoResponse;
use axum::routing::get;
use axum::Router;

use crate::state::Shared;

const HTML: &str = "text/html; charset=utf-8";
const JS: &str = "text/javascript; charset=utf-8";
const CSS: &str = "text/css; charset=utf-8";
const JSON: &str = "application/json";

/// Every asset: its path under `/assets/`, content type and body. The page loads the scripts in
/// this order: libraries, then the helpers, the views, and `app.js` (the routing) last.
pub(crate) const ASSETS: &[(&str, &str, &str)] = &[
    ("style.css", CSS, include_str!("ui/style.css")),
    (
        "vendor/d3-array.min.js",
        JS,
        include_str!("ui/vendor/d3-array.min.js"),
    ),
    (
        "vendor/d3-geo.min.js",
        JS,
        include_str!("ui/vendor/d3-geo.min.js"),
    ),
    (
        "vendor/topojson-client.min.js",
        JS,
        include_str!("ui/vendor/topojson-client.min.js"),
    ),
    (
        "vendor/countries-110m.json",
        JSON,
        include_str!("ui/vendor/countries-110m.json"),
    ),
    ("countries.js", JS, include_str!("ui/countries.js")),
    ("core.js", JS, include_str!("ui/core.js")),
    ("charts.js", JS, include_str!("ui/charts.js")),
    ("story.js", JS, include_str!("ui/story.js")),
    ("entity.js", JS, include_str!("ui/entity.js")),
    ("relations.js", JS, include_str!("ui/relations.js")),
    ("app.js", JS, include_str!("ui/app.js")),
];

const INDEX_HTML: &str = include_str!("ui/index.html");

/// Assets change with the binary, not while it runs: a short cache spares repeat loads.
const CACHE: &str = "public, max-age=300";

/// The UI's routes: the page (every view is a `#/…` fragment of it) and its assets.
pub(crate) fn routes() -> Router<Shared> {
    ASSETS.iter().fold(
        Router::new().route("/", get(|| asset(HTML, INDEX_HTML))),
        |router, &(path, content_type, body)| {
            router.route(
                &format!("/assets/{path}"),
                get(move || asset(content_type, body)),
            )
        },
    )
}

async fn asset(content_type: &'static str, body: &'static str) -> impl IntoResponse {
    (
        [
            (header::CONTENT_TYPE, content_type),
            (header::CACHE_CONTROL, CACHE),
        ],
        body,
    )
}

#[cfg(test)]
mod tests {
    use super::*;

    /// The page loads every script, in the order of [`ASSETS`].
    #[test]
    fn the_page_loads_every_script_in_order() {
        let scripts: Vec<&str> = INDEX_HTML
            .split("<script src=\"/assets/")
            .skip(1)
            .filter_map(|rest| rest.split('"').next())
            .collect();
        let expected: Vec<&str> = ASSETS
            .iter()
            .filter(|(path, kind, _)| *kind == JS && path.ends_with(".js"))
            .map(|(path, _, _)| *path)
            .collect();
        assert_eq!(scripts, expected);
    }
}
