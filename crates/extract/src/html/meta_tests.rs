//! Metadata read from small hand-made pages, one source at a time: JSON-LD (with `@graph` and
//! references), OpenGraph, other `<meta>` vocabularies, bylines with junk, `<time>`, URL dates,
//! dates shown near the title, and the plausibility checks (future and ancient dates).

use chancery_model::{ArticleMeta, DateSource, DocFormat, DocMeta, MetaSource, Provenance, RawDoc};
use chrono::{DateTime, Utc};

use super::extract_page_with_meta;
use crate::{ExtractConfig, Extraction};

const BODY: &str = "<article><h1>Bridge to close for repairs</h1>\
    <p>The council voted on Tuesday to close the old bridge for repairs next spring.</p>\
    <p>Engineers said the steel supports had corroded faster than anyone expected.</p>\
    <p>Traffic will be sent over the river road, adding ten minutes to most trips.</p></article>";

fn page(head: &str, body: &str, url: Option<&str>, fetched: Option<&str>) -> RawDoc {
    let provenance = Provenance {
        path: "pages/story.html".to_string(),
        url: url.map(str::to_string),
        fetched_at: fetched
            .and_then(|f| DateTime::parse_from_rfc3339(f).ok())
            .map(|d| d.with_timezone(&Utc)),
        ..Provenance::default()
    };
    let html = format!("<html><head>{head}</head><body>{body}</body></html>");
    RawDoc::utf8(provenance, DocFormat::Html, html, DocMeta::default())
}

fn read(doc: &RawDoc) -> (Extraction, ArticleMeta) {
    extract_page_with_meta(doc, &ExtractConfig::default())
}

fn iso(meta: &ArticleMeta) -> Option<String> {
    meta.published.map(|p| p.to_iso())
}

#[test]
fn json_ld_graph_comes_first_for_authors() {
    let head = r#"<meta property="og:site_name" content="The Gazette">
        <meta name="author" content="Somebody Else">
        <script type="application/ld+json">{"@context":"https://schema.org","@graph":[
          {"@type":"WebSite","@id":"https://gazette.example/#site","name":"The Gazette"},
          {"@type":"Person","@id":"https://gazette.example/#ana","name":"Ana Lima"},
          {"@type":"NewsArticle","headline":"Bridge to close for repairs",
           "author":[{"@id":"https://gazette.example/#ana"},{"@type":"Person","name":"Rui Costa"}],
           "datePublished":"2023-02-28T09:00:00+01:00","dateModified":"2023-02-28T17:30:00+01:00",
           "articleSection":"City","keywords":["bridge","roads"],
           "image":{"@type":"ImageObject","url":"https://gazette.example/bridge.jpg"},
           "mainEntityOfPage":{"@id":"https://gazette.example/city/bridge"}}]}</script>"#;
    let doc = page(head, BODY, None, Some("2023-03-01T12:00:00Z"));
    let (extraction, meta) = read(&doc);
    assert_eq!(meta.authors, ["Ana Lima", "Rui Costa"]);
    assert_eq!(meta.authors_source, Some(MetaSource::JsonLd));
    assert_eq!(iso(&meta).as_deref(), Some("2023-02-28T09:00:00+01:00"));
    assert_eq!(meta.published_source, Some(MetaSource::JsonLd));
    assert_eq!(
        meta.updated.map(|u| u.to_iso()).as_deref(),
        Some("2023-02-28T17:30:00+01:00")
    );
    assert_eq!(meta.site_name.as_deref(), Some("The Gazette"));
    assert_eq!(meta.section.as_deref(), Some("City"));
    assert_eq!(meta.tags, ["bridge", "roads"]);
    assert_eq!(
        meta.image.as_deref(),
        Some("https://gazette.example/bridge.jpg")
    );
    assert_eq!(
        meta.canonical_url.as_deref(),
        Some("https://gazette.example/city/bridge")
    );
    // The article carries the publication day with the text and span it was read from.
    let article = extraction.articles.first().expect("article");
    assert_eq!(
        article.published.map(|d| d.to_string()).as_deref(),
        Some("2023-02-28")
    );
    let evidence = article.published_evidence.as_ref().expect("evidence");
    assert_eq!(evidence.source, DateSource::Metadata);
    let span = evidence.span.expect("span");
    assert_eq!(
        doc.text.get(span.start as usize..span.end as usize),
        Some("2023-02-28T09:00:00+01:00")
    );
}

#[test]
fn open_graph_and_article_properties() {
    let head = r#"<meta property="og:title" content="Bridge to close for repairs">
        <meta property="og:site_name" content="The Gazette">
        <meta property="og:description" content="The old bridge closes in spring.">
        <meta property="og:image" content="https://gazette.example/b.jpg">
        <meta property="og:url" content="https://gazette.example/bridge">
        <meta property="article:published_time" content="2023-02-28T23:30:00-05:00">
        <meta property="article:modified_time" content="2023-03-01T08:00:00-05:00">
        <meta property="article:section" content="City">
        <meta property="article:tag" content="Bridges"><meta property="article:tag" content="Roads">
        <meta property="article:author" content="https://facebook.com/someone">
        <meta name="author" content="By Jane Doe and John Roe">"#;
    let doc = page(head, BODY, None, Some("2023-03-02T00:00:00Z"));
    let (_, meta) = read(&doc);
    // The offset is kept, and so is the local day.
    assert_eq!(iso(&meta).as_deref(), Some("2023-02-28T23:30:00-05:00"));
    assert_eq!(meta.published_source, Some(MetaSource::OpenGraph));
    assert_eq!(
        meta.published
            .and_then(|p| p.to_utc())
            .map(|u| u.to_rfc3339())
            .as_deref(),
        Some("2023-03-01T04:30:00+00:00")
    );
    assert_eq!(
        meta.updated.map(|u| u.to_iso()).as_deref(),
        Some("2023-03-01T08:00:00-05:00")
    );
    // A profile URL is not a name; the `author` meta is split and cleaned.
    assert_eq!(meta.authors, ["Jane Doe", "John Roe"]);
    assert_eq!(meta.authors_source, Some(MetaSource::MetaTag));
    assert_eq!(meta.tags, ["Bridges", "Roads"]);
    assert_eq!(meta.section.as_deref(), Some("City"));
    assert_eq!(
        meta.description.as_deref(),
        Some("The old bridge closes in spring.")
    );
    assert_eq!(
        meta.canonical_url.as_deref(),
        Some("https://gazette.example/bridge")
    );
}

#[test]
fn other_meta_vocabularies() {
    let head = r#"<meta name="parsely-author" content="Ana Lima">
        <meta name="sailthru.author" content="Ana Lima">
        <meta name="DC.date.issued" content="2021-07-04">
        <meta name="dcterms.modified" content="2021-07-05T10:00:00Z">"#;
    let (_, meta) = read(&page(head, BODY, None, None));
    assert_eq!(meta.authors, ["Ana Lima"]);
    assert_eq!(iso(&meta).as_deref(), Some("2021-07-04"));
    assert_eq!(meta.published_source, Some(MetaSource::MetaTag));
    assert_eq!(
        meta.updated.map(|u| u.to_iso()).as_deref(),
        Some("2021-07-05T10:00:00Z")
    );
}

#[test]
fn bylines_are_cleaned_of_junk() {
    let head = r#"<meta property="og:site_name" content="The Gazette">
        <meta name="author" content="The Gazette">
        <meta name="twitter:creator" content="@gazette">"#;
    let body = format!(
        r#"<div class="byline">By <a rel="author" href="/staff/jane">Jane Doe</a>, Senior Reporter
        | 3 min read | Updated March 3, 2021 <a href="mailto:j@x">Email the author</a></div>{BODY}"#
    );
    let (_, meta) = read(&page(head, &body, None, None));
    // The site's name given as the author is dropped; the byline's link names her.
    assert_eq!(meta.authors, ["Jane Doe"]);
    assert_eq!(meta.authors_source, Some(MetaSource::Byline));

    let body = format!(
        r#"<p class="post-author">Von Max Muster und Erika Mustermann · @mmuster</p>{BODY}"#
    );
    let (_, meta) = read(&page("", &body, None, None));
    assert_eq!(meta.authors, ["Max Muster", "Erika Mustermann"]);

    let body = format!(
        r#"<span itemprop="author">Jane Doe</span><span itemprop="author">jane doe</span>{BODY}"#
    );
    let (_, meta) = read(&page("", &body, None, None));
    assert_eq!(meta.authors, ["Jane Doe"]);
}

#[test]
fn time_elements_and_microdata() {
    let body = format!(
        r#"<time datetime="2020-01-01">New year</time>
        <span itemprop="datePublished" content="2021-03-04T10:00:00Z"></span>{BODY}"#
    );
    let (_, meta) = read(&page("", &body, None, None));
    assert_eq!(iso(&meta).as_deref(), Some("2021-03-04T10:00:00Z"));
    assert_eq!(meta.published_source, Some(MetaSource::TimeElement));

    let body = format!(
        r#"<time class="entry-date published" datetime="2019-02-10T09:30:10+01:00">10. Februar 2019</time>{BODY}"#
    );
    let (_, meta) = read(&page("", &body, None, None));
    assert_eq!(iso(&meta).as_deref(), Some("2019-02-10T09:30:10+01:00"));
}

#[test]
fn date_from_the_url() {
    let doc = page(
        "",
        BODY,
        Some("https://gazette.example/2023/02/28/bridge-to-close/"),
        Some("2023-03-01T12:00:00Z"),
    );
    let (extraction, meta) = read(&doc);
    assert_eq!(iso(&meta).as_deref(), Some("2023-02-28"));
    assert_eq!(meta.published_source, Some(MetaSource::Url));
    let article = extraction.articles.first().expect("article");
    assert_eq!(
        article.published.map(|d| d.to_string()).as_deref(),
        Some("2023-02-28")
    );
    // A year and a month are not a date: nothing is completed by guessing.
    let doc = page(
        "",
        BODY,
        Some("https://gazette.example/2023/02/bridge/"),
        None,
    );
    assert_eq!(read(&doc).1.published, None);
}

#[test]
fn date_shown_near_the_title() {
    let body = "<article><h1>Bridge to close for repairs</h1><p class=\"meta\">Published 28 February 2023</p>\
        <p>The council voted on Tuesday to close the old bridge for repairs next spring.</p>\
        <p>Engineers said the steel supports had corroded faster than anyone expected.</p></article>";
    let doc = page("", body, None, None);
    let (extraction, meta) = read(&doc);
    assert_eq!(iso(&meta).as_deref(), Some("2023-02-28"));
    assert_eq!(meta.published_source, Some(MetaSource::Text));
    let article = extraction.articles.first().expect("article");
    let evidence = article.published_evidence.as_ref().expect("evidence");
    assert_eq!(evidence.source, DateSource::DateLine);
    // The date line is metadata, not body text.
    assert!(article
        .paragraphs
        .iter()
        .all(|p| !p.text.contains("Published")));
}

#[test]
fn future_dates_are_rejected() {
    let head = r#"<meta property="article:published_time" content="2024-05-01T10:00:00Z">"#;
    let body = format!(r#"<time datetime="2023-02-27">Monday</time>{BODY}"#);
    let doc = page(head, &body, None, Some("2023-03-01T12:00:00Z"));
    let (_, meta) = read(&doc);
    // The stated date is after the fetch: the next source is used.
    assert_eq!(iso(&meta).as_deref(), Some("2023-02-27"));
    // Only future or implausible dates: none at all.
    let head = r#"<meta property="article:published_time" content="2024-05-01T10:00:00Z">
        <meta name="date" content="1970-01-01">"#;
    let doc = page(head, BODY, None, Some("2023-03-01T12:00:00Z"));
    let (extraction, meta) = read(&doc);
    assert_eq!(meta.published, None);
    assert_eq!(extraction.articles.first().and_then(|a| a.published), None);
    // The same day in a time zone ahead of UTC is not the future.
    let head = r#"<meta property="article:published_time" content="2023-03-01T23:00:00+14:00">"#;
    let doc = page(head, BODY, None, Some("2023-03-01T12:00:00Z"));
    assert!(read(&doc).1.published.is_some());
    // An update before the publication is not taken.
    let head = r#"<meta property="article:published_time" content="2023-02-20T10:00:00Z">
        <meta property="article:modified_time" content="2023-02-10T10:00:00Z">"#;
    let doc = page(head, BODY, None, Some("2023-03-01T12:00:00Z"));
    assert_eq!(read(&doc).1.updated, None);
}

#[test]
fn captions_stay_apart_from_the_body() {
    let body = "<article><h1>Bridge to close for repairs</h1>\
        <figure><img src=b.jpg><figcaption>The old bridge at dawn.</figcaption></figure>\
        <p>The council voted on Tuesday to close the old bridge for repairs next spring.</p>\
        <div class=\"wp-caption\"><img src=c.jpg><p class=\"wp-caption-text\">Engineers inspect a support.</p></div>\
        <p>Engineers said the steel supports had corroded faster than anyone expected.</p></article>";
    let (extraction, _) = read(&page("", body, None, None));
    let article = extraction.articles.first().expect("article");
    let captions: Vec<&str> = article.captions.iter().map(|c| c.text.as_str()).collect();
    assert_eq!(
        captions,
        ["The old bridge at dawn.", "Engineers inspect a support."]
    );
    assert!(article
        .paragraphs
        .iter()
        .all(|p| !p.text.contains("dawn") && !p.text.contains("inspect")));
}

#[test]
fn subtitle_and_no_metadata() {
    let body = "<article><h1>Bridge to close for repairs</h1><h2>Drivers face ten more minutes on the river road</h2>\
        <p>The council voted on Tuesday to close the old bridge for repairs next spring.</p></article>";
    let (_, meta) = read(&page("", body, None, None));
    assert_eq!(
        meta.subtitle.as_deref(),
        Some("Drivers face ten more minutes on the river road")
    );
    let (_, meta) = read(&page(
        "",
        "<p>Nothing stated here at all, only text.</p>",
        None,
        None,
    ));
    assert!(meta.authors.is_empty());
    assert_eq!(meta.published, None);
}
