//! What a page's JSON-LD says about its article: the best article object (`NewsArticle`,
//! `BlogPosting`, ... found at the top, in arrays or in an `@graph`, over a `WebPage`), its
//! headline, authors (a string, an object, a list, or an `@id` reference into the graph), dates,
//! publisher, section, keywords, image and URL.

use std::collections::HashMap;

use super::json::Json;

/// Objects looked at, at most, per page.
const MAX_OBJECTS: usize = 5_000;

/// The article as the JSON-LD describes it; fields missing from the best object are taken from
/// the next best.
#[derive(Debug, Default, Clone)]
pub struct LdArticle {
    pub headline: Option<String>,
    pub description: Option<String>,
    pub authors: Vec<String>,
    pub published: Option<String>,
    pub created: Option<String>,
    pub modified: Option<String>,
    pub publisher: Option<String>,
    pub section: Option<String>,
    pub keywords: Vec<String>,
    pub image: Option<String>,
    pub url: Option<String>,
}

/// How much an object's `@type` says it is the article: 0 not at all.
fn rank(types: &[&str]) -> u8 {
    let mut best = 0;
    for t in types {
        let t = t.rsplit('/').next().unwrap_or(t);
        let r = match t {
            _ if t.ends_with("NewsArticle") => 4,
            "Article" | "BlogPosting" | "LiveBlogPosting" | "Report" | "ScholarlyArticle"
            | "TechArticle" | "SocialMediaPosting" | "Review" | "Recipe" | "HowTo" => 3,
            _ if t.ends_with("Article") => 3,
            "WebPage" | "ItemPage" | "AboutPage" | "FAQPage" | "QAPage" | "ProfilePage" => 1,
            _ => 0,
        };
        best = best.max(r);
    }
    best
}

/// An object's rank: by its type, or, untyped or of an unknown type, by whether it has an
/// article's fields.
fn rank_object(object: &Json) -> u8 {
    let types = types_of(object);
    let by_type = rank(&types);
    if by_type > 0 {
        return by_type;
    }
    let other = types.iter().any(|t| {
        matches!(
            t.rsplit('/').next().unwrap_or(t),
            "Person"
                | "Organization"
                | "NewsMediaOrganization"
                | "ImageObject"
                | "VideoObject"
                | "WebSite"
                | "BreadcrumbList"
                | "ListItem"
                | "Event"
                | "Product"
                | "Offer"
                | "Comment"
                | "SearchAction"
        )
    });
    let articleish = object.get("datePublished").is_some() || object.get("headline").is_some();
    u8::from(!other && articleish)
}

fn types_of(object: &Json) -> Vec<&str> {
    object
        .get("@type")
        .map(|t| t.items().iter().filter_map(Json::as_str).collect())
        .unwrap_or_default()
}

/// Reads the article out of the values of every JSON-LD script of a page.
pub fn article(scripts: &[Json]) -> LdArticle {
    // Every object, depth first, with a bounded explicit stack.
    let mut objects: Vec<&Json> = Vec::new();
    let mut stack: Vec<&Json> = scripts.iter().rev().collect();
    while let Some(value) = stack.pop() {
        if objects.len() >= MAX_OBJECTS {
            break;
        }
        match value {
            Json::Obj(members) => {
                objects.push(value);
                for (_, v) in members.iter().rev() {
                    if matches!(v, Json::Obj(_) | Json::Arr(_)) {
                        stack.push(v);
                    }
                }
            }
            Json::Arr(items) => stack.extend(items.iter().rev()),
            _ => {}
        }
    }
    let mut names: HashMap<&str, &str> = HashMap::new();
    for o in &objects {
        if let (Some(id), Some(name)) = (
            o.get("@id").and_then(Json::as_str),
            o.get("name").and_then(Json::as_str),
        ) {
            names.entry(id).or_insert(name);
        }
    }
    let mut ranked: Vec<(u8, usize, &Json)> = objects
        .iter()
        .enumerate()
        .map(|(i, o)| (rank_object(o), i, *o))
        .filter(|(r, _, _)| *r > 0)
        .collect();
    ranked.sort_by(|a, b| b.0.cmp(&a.0).then(a.1.cmp(&b.1)));
    let mut out = LdArticle::default();
    for (_, _, o) in &ranked {
        fill(&mut out, o, &names);
    }
    if out.publisher.is_none() {
        // A WebSite or Organization object names the site.
        out.publisher = objects
            .iter()
            .find(|o| {
                types_of(o)
                    .iter()
                    .any(|t| matches!(*t, "WebSite" | "NewsMediaOrganization"))
            })
            .and_then(|o| o.get("name"))
            .and_then(Json::as_str)
            .map(clean);
    }
    out
}

/// Fills the fields still missing from one object.
fn fill(out: &mut LdArticle, o: &Json, names: &HashMap<&str, &str>) {
    let text = |key: &str| o.get(key).and_then(first_text).map(|s| clean(&s));
    if out.headline.is_none() {
        out.headline = text("headline").or_else(|| text("name"));
    }
    if out.description.is_none() {
        out.description = text("description");
    }
    if out.authors.is_empty() {
        for key in ["author", "creator"] {
            if let Some(a) = o.get(key) {
                out.authors = person_names(a, names);
                if !out.authors.is_empty() {
                    break;
                }
            }
        }
    }
    if out.published.is_none() {
        out.published = text("datePublished");
    }
    if out.created.is_none() {
        out.created = text("dateCreated");
    }
    if out.modified.is_none() {
        out.modified = text("dateModified");
    }
    if out.publisher.is_none() {
        out.publisher = o
            .get("publisher")
            .and_then(|p| person_names(p, names).into_iter().next());
    }
    if out.section.is_none() {
        out.section = text("articleSection");
    }
    if out.keywords.is_empty() {
        if let Some(k) = o.get("keywords") {
            out.keywords = k
                .items()
                .iter()
                .filter_map(Json::as_str)
                .flat_map(|s| s.split(','))
                .map(clean)
                .filter(|s| !s.is_empty())
                .collect();
        }
    }
    if out.image.is_none() {
        out.image = o.get("image").and_then(url_of);
    }
    if out.url.is_none() {
        out.url = o
            .get("url")
            .and_then(url_of)
            .or_else(|| o.get("mainEntityOfPage").and_then(url_of));
    }
}

/// The names in an author value: strings, `{name}` objects, `{@id}` references, or lists.
fn person_names(value: &Json, names: &HashMap<&str, &str>) -> Vec<String> {
    value
        .items()
        .iter()
        .filter_map(|item| match item {
            Json::Str(s) => Some(clean(s)),
            Json::Obj(_) => item
                .get("name")
                .and_then(first_text)
                .or_else(|| {
                    item.get("@id")
                        .and_then(Json::as_str)
                        .and_then(|id| names.get(id))
                        .map(|n| n.to_string())
                })
                .map(|s| clean(&s)),
            _ => None,
        })
        .filter(|s| !s.is_empty())
        .collect()
}

/// The first string of a value (itself, or the first string in a list).
fn first_text(value: &Json) -> Option<String> {
    value
        .items()
        .iter()
        .find_map(Json::as_str)
        .map(str::to_string)
}

/// A URL in a value: a string, an `{url}` or `{@id}` object, or the first of a list.
fn url_of(value: &Json) -> Option<String> {
    value.items().iter().find_map(|item| match item {
        Json::Str(s) => Some(s.trim().to_string()),
        Json::Obj(_) => item
            .get("url")
            .or_else(|| item.get("@id"))
            .and_then(first_text),
        _ => None,
    })
}

/// Whitespace collapsed, and the few entities templates leave in JSON strings decoded.
fn clean(text: &str) -> String {
    let collapsed = text.split_whitespace().collect::<Vec<_>>().join(" ");
    collapsed
        .replace("&amp;", "&")
        .replace("&quot;", "\"")
        .replace("&#039;", "'")
        .replace("&#39;", "'")
        .replace("&apos;", "'")
        .replace("&lt;", "<")
        .replace("&gt;", ">")
        .replace("&nbsp;", " ")
}

#[cfg(test)]
mod tests {
    use super::super::json::parse_all;
    use super::*;

    #[test]
    fn graph_with_references() {
        let text = r#"{"@context":"https://schema.org","@graph":[
            {"@type":"WebSite","@id":"https://x.example/#site","name":"The Gazette"},
            {"@type":"WebPage","@id":"https://x.example/a","datePublished":"2020-01-01"},
            {"@type":"Person","@id":"https://x.example/#ana","name":"Ana Lima"},
            {"@type":["NewsArticle"],"headline":"Bridge  to close","author":{"@id":"https://x.example/#ana"},
             "datePublished":"2023-02-28T09:00:00+01:00","keywords":"bridge, city",
             "image":{"@type":"ImageObject","url":"https://x.example/b.jpg"},
             "mainEntityOfPage":{"@id":"https://x.example/a"}}]}"#;
        let a = article(&parse_all(text));
        assert_eq!(a.headline.as_deref(), Some("Bridge to close"));
        assert_eq!(a.authors, ["Ana Lima"]);
        assert_eq!(a.published.as_deref(), Some("2023-02-28T09:00:00+01:00"));
        assert_eq!(a.keywords, ["bridge", "city"]);
        assert_eq!(a.image.as_deref(), Some("https://x.example/b.jpg"));
        assert_eq!(a.url.as_deref(), Some("https://x.example/a"));
        assert_eq!(a.publisher.as_deref(), Some("The Gazette"));
    }

    #[test]
    fn authors_in_every_shape() {
        let names = |json: &str| article(&parse_all(json)).authors;
        assert_eq!(
            names(r#"{"@type":"Article","author":"Ana Lima"}"#),
            ["Ana Lima"]
        );
        assert_eq!(
            names(
                r#"[{"@type":"BlogPosting","author":[{"@type":"Person","name":"A B"},{"name":"C D"}]}]"#
            ),
            ["A B", "C D"]
        );
        assert!(names(r#"{"@type":"Person","name":"Not An Article"}"#).is_empty());
        let untyped = article(&parse_all(
            r#"{"datePublished":"2022-01-28T06:00:00+01:00"}"#,
        ));
        assert_eq!(
            untyped.published.as_deref(),
            Some("2022-01-28T06:00:00+01:00")
        );
    }
}
