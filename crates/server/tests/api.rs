//! The real server on a free loopback port, over a store and index of hand-made articles, hit by
//! an HTTP client: search, articles, entities, health, the OpenAPI description, the UI, and every
//! kind of bad request (each a clear JSON 4xx), with raw sockets for requests no client would send.

mod common;

use std::io::Write;
use std::net::TcpStream;

use chancery_server::{MAX_BODY_BYTES, MAX_QUERY_CHARS};
use chancery_testkit::articles::{ASTANA, NYT};
use common::Server;
use serde_json::{json, Value};

fn titles(body: &Value) -> Vec<String> {
    let mut titles: Vec<String> = body["hits"]
        .as_array()
        .expect("hits")
        .iter()
        .map(|hit| hit["title"].as_str().unwrap_or_default().to_string())
        .collect();
    titles.sort();
    titles
}

/// A 4xx answer as JSON `{error, message}`, with its message.
fn expect_error(status: u16, body: &Value, expected_status: u16) -> String {
    assert_eq!(status, expected_status, "{body}");
    assert!(body["error"].is_string(), "{body}");
    body["message"].as_str().expect("a message").to_string()
}

#[test]
fn search_finds_filters_pages_and_counts() {
    let server = Server::start();
    let (status, body) = server.get("/api/search?q=Blinken&facets=true");
    assert_eq!(status, 200, "{body}");
    assert_eq!(titles(&body), [ASTANA, NYT]);
    assert_eq!(body["total"], 2);
    assert!(body["hits"][0]["snippet"].as_str().unwrap().contains("<b>"));
    assert_eq!(body["facets"]["source"].as_array().unwrap().len(), 2);
    let (_, body) = server.get("/api/search?q=%22secretary+of+state%22&source=nytimes");
    assert_eq!(titles(&body), [NYT]);
    let (_, body) = server.get("/api/search?entity=blinken&country=KZ");
    assert_eq!(titles(&body), [ASTANA]);
    let (_, body) = server.get("/api/search?since=2023-02-01&until=2023-02-28");
    assert_eq!(titles(&body), [ASTANA]);
    let (_, body) = server.get("/api/search?page=2&page_size=2");
    assert_eq!(
        (body["page"].clone(), body["hits"].as_array().unwrap().len()),
        (json!(2), 1)
    );
    let (status, body) = server.post("/api/search", r#"{"q": "Blinken", "source": "tasnim"}"#);
    assert_eq!(status, 200, "{body}");
    assert_eq!(titles(&body), [ASTANA]);
}

#[test]
fn articles_entities_health_and_the_description() {
    let server = Server::start();
    let (_, found) = server.get("/api/search?q=Tehran");
    let id = found["hits"][0]["id"].as_str().unwrap().to_string();
    let (status, article) = server.get(&format!("/api/articles/{id}"));
    assert_eq!(status, 200);
    assert_eq!(article["id"], id);
    assert!(article["paragraphs"][0]["text"]
        .as_str()
        .unwrap()
        .contains("based on trust"));
    let (status, article) = server.get(&format!("/api/articles/{}", &id[..6]));
    assert_eq!((status, article["id"].clone()), (200, json!(id)));

    let (status, entity) = server.get("/api/entities/Blinken");
    assert_eq!(status, 200, "{entity}");
    assert_eq!(entity["name"], "Antony J. Blinken");
    assert_eq!(entity["type"], "PERSON");
    assert_eq!(entity["articles"].as_array().unwrap().len(), 2);
    let (_, list) = server.get("/api/entities?type=GPE");
    let names: Vec<&str> = list["entities"]
        .as_array()
        .unwrap()
        .iter()
        .filter_map(|e| e["name"].as_str())
        .collect();
    assert!(
        names.contains(&"Kazakhstan") && !names.contains(&"Antony J. Blinken"),
        "{list}"
    );

    let (status, health) = server.get("/api/health");
    assert_eq!(status, 200);
    assert_eq!(
        (health["articles"].clone(), health["indexed"].clone()),
        (json!(3), json!(3))
    );
    assert_eq!(health["index_up_to_date"], true);

    // The description lists every endpoint, and each of them answers.
    let (status, openapi) = server.get("/api/openapi.json");
    assert_eq!(status, 200);
    let paths = openapi["paths"].as_object().expect("paths");
    for path in paths.keys() {
        let concrete = path
            .replace("stories/{id}", "stories/0")
            .replace("{id}", &id)
            .replace("{name}", "Blinken")
            .replace("{a}/{b}", "USA/KAZ");
        let (status, body) = server.get(&concrete);
        assert_eq!(status, 200, "{path}: {body}");
    }
    assert_eq!(paths.len(), 12);
}

#[test]
fn the_ui_is_served_from_the_binary() {
    let server = Server::start();
    for (path, kind, marker) in [
        ("/", "text/html", "/assets/app.js"),
        ("/assets/app.js", "text/javascript", "/api/search?"),
        ("/assets/core.js", "text/javascript", "function highlighted"),
        (
            "/assets/charts.js",
            "text/javascript",
            "function scoreChart",
        ),
        ("/assets/story.js", "text/javascript", "/api/stories/"),
        ("/assets/entity.js", "text/javascript", "/api/entities/"),
        ("/assets/relations.js", "text/javascript", "/api/relations"),
        ("/assets/countries.js", "text/javascript", "KAZ: [\"398\""),
        ("/assets/style.css", "text/css", "mark.entity"),
    ] {
        let body = served(&server, path, kind, marker);
        assert!(
            !body.contains("http://") && !body.contains("https://"),
            "{path} loads nothing from the network"
        );
    }
    // The vendored map libraries and shapes, served as they were packed (their licence headers
    // name their home pages; they load nothing).
    for (path, kind, marker) in [
        (
            "/assets/vendor/d3-geo.min.js",
            "text/javascript",
            "geoNaturalEarth1",
        ),
        ("/assets/vendor/d3-array.min.js", "text/javascript", "d3"),
        (
            "/assets/vendor/topojson-client.min.js",
            "text/javascript",
            "topojson",
        ),
        (
            "/assets/vendor/countries-110m.json",
            "application/json",
            "\"Kazakhstan\"",
        ),
    ] {
        served(&server, path, kind, marker);
    }
}

/// The body of the asset at `path`, checked to be served as `kind` and to hold `marker`.
fn served(server: &Server, path: &str, kind: &str, marker: &str) -> String {
    let mut response = server
        .agent
        .get(server.url(path))
        .call()
        .expect("a response");
    assert_eq!(response.status().as_u16(), 200, "{path}");
    let content_type = response.headers()["content-type"]
        .to_str()
        .expect("a textual content type")
        .to_string();
    assert!(content_type.starts_with(kind), "{path}: {content_type}");
    let body = response.body_mut().read_to_string().expect("a text body");
    assert!(body.contains(marker), "{path}");
    body
}

#[test]
fn bad_requests_get_clear_json_errors() {
    let server = Server::start();
    let (status, body) = server.post("/api/search", r#"{"q": "Blinken""#);
    let message = expect_error(status, &body, 400);
    assert!(message.contains("invalid search body"), "{message}");
    let (status, body) = server.post("/api/search", r#"{"q": 5}"#);
    expect_error(status, &body, 422);
    let huge = "a".repeat(MAX_QUERY_CHARS + 1);
    let (status, body) = server.get(&format!("/api/search?q={huge}"));
    assert!(expect_error(status, &body, 400).contains("characters long"));
    let (status, body) = server.get("/api/search?q=x&page=-1");
    assert!(expect_error(status, &body, 400).contains("page must be 1 or more"));
    let (status, body) = server.get("/api/search?q=x&page=abc");
    expect_error(status, &body, 400);
    let (status, body) = server.get("/api/search?q=x&page_size=1000");
    assert!(expect_error(status, &body, 400).contains("page_size"));
    let (status, body) = server.get("/api/search?q=x&colour=red");
    assert!(expect_error(status, &body, 400).contains("colour"));
    let (status, body) = server.get("/api/search?since=yesterday");
    assert!(expect_error(status, &body, 400).contains("YYYY-MM-DD"));
    let (status, body) = server.get("/api/search?page=100000&page_size=100");
    expect_error(status, &body, 400);
    let (status, body) = server.get("/api/articles/0000000000000000");
    expect_error(status, &body, 404);
    let (status, body) = server.get(&format!("/api/articles/{}", "f".repeat(65)));
    expect_error(status, &body, 400);
    let (status, body) = server.get("/api/entities/Nobody%20Known");
    expect_error(status, &body, 404);
    let (status, body) = server.get("/api/entities?kind=PERSON");
    expect_error(status, &body, 400);
    let (status, body) = server.get("/api/nothing-here");
    expect_error(status, &body, 404);
    let (status, body) = server.post("/api/health", "{}");
    expect_error(status, &body, 405);
    let big = format!(r#"{{"q": "{}"}}"#, "a".repeat(MAX_BODY_BYTES));
    let (status, body) = server.post("/api/search", &big);
    expect_error(status, &body, 413);
    let mut response = server
        .agent
        .post(server.url("/api/search"))
        .header("content-type", "text/plain")
        .send("q=Blinken")
        .unwrap();
    assert_eq!(response.status().as_u16(), 415);
    let body: Value = response.body_mut().read_json().unwrap();
    assert!(body["message"].is_string());
}

#[test]
fn malformed_requests_neither_crash_nor_block_the_server() {
    let server = Server::start();
    let garbage = server.raw(b"\x00\x01\x02 not http at all\r\n\r\n");
    assert!(
        garbage.is_empty() || garbage.starts_with("HTTP/1.1 4"),
        "{garbage}"
    );
    let bad_header = server.raw(b"GET /api/health HTTP/1.1\r\nHost x\r\n\r\n");
    assert!(bad_header.starts_with("HTTP/1.1 400"), "{bad_header}");
    // A body shorter than its stated length, and a half-sent request: each holds only its own
    // connection while the server answers others.
    let mut lying = TcpStream::connect(server.addr).unwrap();
    lying
        .write_all(b"POST /api/search HTTP/1.1\r\nHost: x\r\nContent-Type: application/json\r\nContent-Length: 9999\r\n\r\n{}")
        .unwrap();
    // A client that sends half a request and stalls holds only its own connection.
    let mut stalled = TcpStream::connect(server.addr).unwrap();
    stalled
        .write_all(b"GET /api/search?q=Blinken HTTP/1.1\r\nHost:")
        .unwrap();
    let (status, body) = server.get("/api/search?q=Blinken");
    assert_eq!((status, body["total"].clone()), (200, json!(2)));
    drop(stalled);
    drop(lying);
    let (status, _) = server.get("/api/health");
    assert_eq!(status, 200);
}
