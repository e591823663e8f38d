//! The corpus view over HTTP: stories and their timelines, quotes, events, relations between
//! countries, entity profiles across articles, and where a searched or read article stands; each
//! endpoint also refusing a malformed request with a JSON 4xx.

mod common;

use common::Server;
use serde_json::{json, Value};

/// A 4xx answer as JSON `{error, message}`, with its message.
fn refused(server: &Server, path: &str, expected_status: u16) -> String {
    let (status, body) = server.get(path);
    assert_eq!(status, expected_status, "{path}: {body}");
    assert!(body["error"].is_string(), "{body}");
    body["message"].as_str().expect("a message").to_string()
}

fn list<'a>(body: &'a Value, field: &str) -> &'a Vec<Value> {
    body[field]
        .as_array()
        .unwrap_or_else(|| panic!("{field} in {body}"))
}

fn strings(items: &[Value], field: &str) -> Vec<String> {
    items
        .iter()
        .map(|item| item[field].as_str().unwrap_or("-").to_string())
        .collect()
}

#[test]
fn stories_list_and_a_story_with_its_timeline_and_quotes() {
    let server = Server::start();
    let (status, body) = server.get("/api/stories");
    assert_eq!(status, 200, "{body}");
    assert_eq!(
        (body["total"].clone(), body["limit"].clone()),
        (json!(2), json!(20))
    );
    let stories = list(&body, "stories");
    assert_eq!(strings(stories, "title")[0], "Blinken in Central Asia");
    assert_eq!(stories[0]["key_entities"][0]["name"], "Antony J. Blinken");
    let (_, second) = server.get("/api/stories?limit=1&offset=1");
    assert_eq!(
        strings(list(&second, "stories"), "title"),
        ["Tehran Ready for Negotiations"]
    );

    let (status, story) = server.get("/api/stories/0");
    assert_eq!(status, 200, "{story}");
    let timeline = list(&story, "timeline");
    assert_eq!(timeline.len(), 2);
    // The dated original first; the undated copy takes the story's date and names its original.
    assert_eq!(timeline[0]["date"], "2023-02-28");
    assert_eq!(timeline[1]["date_inferred"], true);
    assert_eq!(timeline[1]["duplicate_of"], timeline[0]["id"]);
    assert_eq!(timeline[0]["duplicate_of"], Value::Null);
    let quotes = list(&story, "quotes");
    assert_eq!(quotes.len(), 1);
    assert_eq!(quotes[0]["speaker"]["key"], "PERSON:kassym-jomart tokayev");
    assert_eq!(quotes[0]["article"], timeline[0]["id"]);

    assert!(refused(&server, "/api/stories/seven", 400).contains("story id"));
    refused(&server, "/api/stories/99", 404);
    assert!(refused(&server, "/api/stories?limit=0", 400).contains("limit"));
    assert!(refused(&server, "/api/stories?offset=-3", 400).contains("offset"));
    assert!(refused(&server, "/api/stories?page=2", 400).contains("page"));
}

#[test]
fn quotes_by_speaker_article_and_story() {
    let server = Server::start();
    for query in [
        "speaker=Tokayev",
        "speaker=PERSON:kassym-jomart+tokayev",
        "story=0",
        "",
    ] {
        let (status, body) = server.get(&format!("/api/quotes?{query}"));
        assert_eq!(
            (status, body["total"].clone()),
            (200, json!(1)),
            "{query}: {body}"
        );
        let quote = &list(&body, "quotes")[0];
        assert!(quote["text"].as_str().unwrap().starts_with("We have built"));
        assert_eq!(quote["kind"], "direct");
        assert_eq!(quote["cue"], "told");
        assert_eq!(quote["addressee"]["entity"], "Antony J. Blinken");
    }
    for query in [
        "speaker=Antony+J.+Blinken",
        "story=1",
        "article=0000000000000000",
    ] {
        let (_, body) = server.get(&format!("/api/quotes?{query}"));
        assert_eq!(body["total"], 0, "{query}: {body}");
    }
    assert!(refused(&server, "/api/quotes?story=first", 400).contains("quote parameters"));
    assert!(refused(&server, "/api/quotes?who=Tokayev", 400).contains("who"));
    refused(&server, "/api/quotes?limit=1000", 400);
}

#[test]
fn events_by_actor_type_and_dates() {
    let server = Server::start();
    let types = |query: &str| -> Vec<String> {
        let (status, body) = server.get(&format!("/api/events?{query}"));
        assert_eq!(status, 200, "{query}: {body}");
        strings(list(&body, "events"), "type")
    };
    assert_eq!(types(""), ["CONSULT", "SUPPORT", "CONSULT", "DISAPPROVE"]);
    assert_eq!(types("actor=IRN"), ["DISAPPROVE"]);
    assert_eq!(types("actor=Tokayev"), ["CONSULT", "SUPPORT"]);
    assert_eq!(types("actor=KAZ&type=consult"), ["CONSULT", "CONSULT"]);
    assert_eq!(types("from=2023-03-01"), ["CONSULT", "DISAPPROVE"]);
    assert_eq!(types("to=2023-02-28&story=0"), ["CONSULT", "SUPPORT"]);
    let (_, body) = server.get("/api/events?limit=1&offset=1");
    assert_eq!(
        (body["total"].clone(), list(&body, "events").len()),
        (json!(4), 1)
    );
    let event = &list(&body, "events")[0];
    assert_eq!(event["source"]["key"], "PERSON:kassym-jomart tokayev");
    assert_eq!(event["source"]["countries"], json!(["KAZ"]));
    assert_eq!(event["day"], "2023-02-28");

    assert!(refused(&server, "/api/events?type=PARTY", 400).contains("PLOVER"));
    assert!(refused(&server, "/api/events?from=March", 400).contains("YYYY-MM-DD"));
}

#[test]
fn relations_between_countries_and_one_pairs_timeline() {
    let server = Server::start();
    let (status, body) = server.get("/api/relations");
    assert_eq!(status, 200, "{body}");
    let pairs: Vec<(String, String, u64)> = list(&body, "pairs")
        .iter()
        .map(|p| {
            (
                p["source"].as_str().unwrap().to_string(),
                p["target"].as_str().unwrap().to_string(),
                p["events"].as_u64().unwrap(),
            )
        })
        .collect();
    let expected = [("IRN", "USA", 1), ("KAZ", "USA", 1), ("USA", "KAZ", 2)];
    let expected: Vec<(String, String, u64)> = expected
        .iter()
        .map(|(a, b, n)| (a.to_string(), b.to_string(), *n))
        .collect();
    assert_eq!(pairs, expected);

    // Both directions, by month and by week; any case.
    let (status, pair) = server.get("/api/relations/kaz/usa");
    assert_eq!(status, 200, "{pair}");
    assert_eq!(
        (pair["a"].clone(), pair["events"].clone()),
        (json!("KAZ"), json!(3))
    );
    assert_eq!(pair["counts"], json!({"CONSULT": 2, "SUPPORT": 1}));
    // CONSULT scores 1 and SUPPORT 3.5 on the Goldstein scale.
    let score = pair["score"].as_f64().unwrap();
    assert!((score - (1.0 + 1.0 + 3.5) / 3.0).abs() < 1e-9, "{score}");
    assert_eq!(list(&pair, "directions").len(), 2);
    assert_eq!(
        strings(list(&pair, "timeline"), "period"),
        ["2023-02", "2023-03"]
    );
    let (_, weekly) = server.get("/api/relations/USA/KAZ?bucket=week");
    assert_eq!(
        strings(list(&weekly, "timeline"), "period"),
        ["2023-W09", "2023-W10"]
    );
    let (_, none) = server.get("/api/relations/USA/CHN");
    assert_eq!(
        (none["events"].clone(), list(&none, "timeline").len()),
        (json!(0), 0)
    );

    assert!(refused(&server, "/api/relations/USA/KAZ?bucket=year", 400).contains("bucket"));
    refused(&server, "/api/relations?bucket=week", 400);
    refused(
        &server,
        &format!("/api/relations/USA/{}", "X".repeat(201)),
        400,
    );
}

#[test]
fn entity_profiles_and_where_articles_stand() {
    let server = Server::start();
    let (status, tokayev) = server.get("/api/entities/Tokayev");
    assert_eq!(status, 200, "{tokayev}");
    assert_eq!(tokayev["key"], "PERSON:kassym-jomart tokayev");
    assert_eq!(
        tokayev["mentions_by_month"],
        json!([{"month": "2023-02", "mentions": 0}])
    );
    let quotes = list(&tokayev, "quotes");
    assert!(quotes[0]["text"]
        .as_str()
        .unwrap()
        .starts_with("We have built"));
    let with = strings(list(&tokayev, "co_occurring"), "name");
    assert!(with.contains(&"Antony J. Blinken".to_string()), "{with:?}");
    let (_, blinken) = server.get("/api/entities/Blinken");
    assert_eq!(blinken["total_quotes"], 0);
    assert_eq!(list(&blinken, "mentions_by_month").len(), 1);

    // A hit names its story; an article its placement and its story's title.
    let (_, found) = server.get("/api/search?q=Tehran");
    let id = found["hits"][0]["id"].as_str().unwrap().to_string();
    assert_eq!(found["hits"][0]["story"], 1);
    let (_, article) = server.get(&format!("/api/articles/{id}"));
    assert_eq!(article["placement"]["story"], 1);
    assert_eq!(article["story_title"], "Tehran Ready for Negotiations");
    let (_, copy) = server.get("/api/search?q=Blinken&source=nytimes");
    let copy_id = copy["hits"][0]["id"].as_str().unwrap();
    let (_, copy) = server.get(&format!("/api/articles/{copy_id}"));
    assert!(copy["placement"]["duplicate_of"].is_string(), "{copy}");
    refused(&server, &format!("/api/entities/{}", "x".repeat(201)), 400);
}

/// Found by the `http_api` fuzz target: a path segment whose percent-encoding is not UTF-8 got
/// axum's plain-text 400 rather than the API's JSON error.
#[test]
fn path_segments_that_are_not_utf8_get_a_json_error() {
    let server = Server::start();
    for path in [
        "/api/relations/US%C0/KAZ",
        "/api/stories/%FF",
        "/api/articles/%C0%AF",
        "/api/entities/%E2%82",
    ] {
        let message = refused(&server, path, 400);
        assert!(
            message.contains("UTF-8") || message.contains("utf-8"),
            "{path}: {message}"
        );
    }
}

/// Found by the `http_api` fuzz target: query text naming an unknown field with a wildcard
/// (`x:*`), which lenient parsing lets through, failed the search with a 500.
#[test]
fn query_text_naming_an_unknown_field_is_a_bad_request() {
    let server = Server::start();
    for path in [
        "/api/search?q=x%3A*",
        "/api/search?q=Blinken%20%2FAusus%20%3A%20*",
    ] {
        let message = refused(&server, path, 400);
        assert!(message.contains("does not exist"), "{path}: {message}");
    }
    let (status, _) = server.get("/api/search?q=Blinken%3A");
    assert_eq!(status, 200);
}
