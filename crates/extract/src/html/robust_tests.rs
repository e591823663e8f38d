//! Hostile and odd pages: each must finish fast, never panic, and still yield what can be read.
//! Time bounds are generous: unoptimised test builds are several times slower than release.

use std::time::{Duration, Instant};

use chancery_model::{DiagnosticKind, DocFormat, DocMeta, OffsetMap, Provenance, RawDoc};

use super::{extract_page_with_meta, visible_text};
use crate::ExtractConfig;

const PARA: &str = "The council voted on Tuesday to close the old bridge for repairs next spring, \
                    after engineers found the steel supports had corroded faster than expected.";

fn doc(text: String) -> RawDoc {
    let provenance = Provenance {
        path: "pages/hostile.html".to_string(),
        ..Provenance::default()
    };
    RawDoc::utf8(provenance, DocFormat::Html, text, DocMeta::default())
}

/// Runs the extractor and the renderer, and checks they took less than `limit`.
fn run(text: String, limit: Duration) -> (crate::Extraction, String) {
    let started = Instant::now();
    let d = doc(text);
    let (extraction, _meta) = extract_page_with_meta(&d, &ExtractConfig::default());
    let visible = visible_text(&d.text);
    let took = started.elapsed();
    assert!(took < limit, "took {took:?}");
    (extraction, visible)
}

#[test]
fn a_twenty_megabyte_page() {
    let mut html = String::with_capacity(21 << 20);
    html.push_str("<html><head><title>Big | Site</title>");
    // A large JSON-LD script: read within its bounds.
    html.push_str(r#"<script type="application/ld+json">{"@type":"NewsArticle","author":"Ana Lima","datePublished":"2021-03-04","x":["#);
    for i in 0..100_000 {
        html.push_str(&format!("{{\"k\":{i}}},"));
    }
    html.push_str("0]}</script></head><body><nav>");
    for i in 0..20_000 {
        html.push_str(&format!("<a href=\"/s/{i}\">Section {i}</a>"));
    }
    html.push_str("</nav><article><h1>Big</h1>");
    while html.len() < 20 << 20 {
        html.push_str("<p>");
        html.push_str(PARA);
        html.push_str(" <a href=\"/more\">more</a></p>\n");
    }
    html.push_str("</article></body></html>");
    let (extraction, visible) = run(html, Duration::from_secs(60));
    let article = extraction.articles.first().expect("article");
    assert!(article.paragraphs.len() > 50_000);
    assert!(visible.len() > 10 << 20);
}

#[test]
fn twenty_megabytes_of_one_text_run() {
    // No markup at all: one line far over the paragraph limit, reported, not kept.
    let html = "word ".repeat(4 << 20);
    let (extraction, _) = run(html, Duration::from_secs(30));
    assert!(extraction.articles.is_empty());
    assert!(extraction
        .diagnostics
        .iter()
        .any(|d| d.kind == DiagnosticKind::TooLarge));
}

#[test]
fn stray_end_tags_under_deep_nesting() {
    let mut html = "<div>".repeat(600);
    html.push_str(&"</span></b>".repeat(200_000));
    html.push_str(&format!("<p>{PARA}</p>"));
    let (extraction, visible) = run(html, Duration::from_secs(30));
    assert!(visible.contains(PARA));
    assert_eq!(extraction.articles.len(), 1);
}

#[test]
fn many_sibling_blocks() {
    // A hundred thousand paragraphs side by side: no step may be quadratic in them.
    let mut html = String::from("<body>");
    for i in 0..100_000 {
        html.push_str(&format!("<p>{PARA} {i}</p>"));
    }
    let (extraction, _) = run(html, Duration::from_secs(30));
    assert_eq!(
        extraction.articles.first().map(|a| a.paragraphs.len()),
        Some(100_000)
    );
}

#[test]
fn deeply_nested_bylines_and_dates() {
    let depth = 100_000;
    let mut html = String::from(r#"<div class="byline">By "#);
    html.push_str(&"<span class=\"author\">".repeat(depth));
    html.push_str("Jane Doe");
    html.push_str(&"</span>".repeat(depth));
    html.push_str(r#"</div><time datetime="2021-03-04">4 March</time>"#);
    html.push_str(&format!("<p>{PARA}</p>"));
    let started = Instant::now();
    let d = doc(html);
    let (extraction, meta) = extract_page_with_meta(&d, &ExtractConfig::default());
    assert!(started.elapsed() < Duration::from_secs(10));
    assert_eq!(extraction.articles.len(), 1);
    assert_eq!(meta.authors, ["Jane Doe"]);
    assert_eq!(
        meta.published.map(|p| p.to_iso()).as_deref(),
        Some("2021-03-04")
    );
}

#[test]
fn a_page_without_body_or_head() {
    let html = format!(
        r#"<title>Bridge to close | Gazette</title><meta property="article:published_time" content="2022-05-06T10:00:00+02:00">
        <meta name="author" content="Ana Lima"><p>{PARA}<p>{PARA} Again."#
    );
    let (extraction, visible) = run(html, Duration::from_secs(5));
    let article = extraction.articles.first().expect("article");
    assert_eq!(article.title_text(), Some("Bridge to close"));
    assert_eq!(article.paragraphs.len(), 2);
    assert!(!visible.contains("Ana Lima"));
    let (_, meta) = extract_page_with_meta(
        &doc(format!(
            r#"<meta name="author" content="Ana Lima"><meta property="article:published_time" content="2022-05-06T10:00:00+02:00"><p>{PARA}"#
        )),
        &ExtractConfig::default(),
    );
    assert_eq!(meta.authors, ["Ana Lima"]);
    assert_eq!(
        meta.published.map(|p| p.to_iso()).as_deref(),
        Some("2022-05-06T10:00:00+02:00")
    );
}

#[test]
fn broken_markup_never_panics() {
    let pieces = [
        "<!-- never closed",
        "<script>var a = '</scr' + 'ipt>'; never closed",
        "<style>p { color: red",
        "<svg><g><use href=#x></div><p>AFTER-SVG-DIV</p>",
        "<svg><p>AFTER-SVG-P</p>",
        "<math><mi>x</mi><div>AFTER-MATH</div>",
        "<video src=x data-a=\"1\" </video></div><p>IN-VIDEO</p>",
        "<p>a<table><tr><td>cell<p>b</table>c",
        "<<<>>>< / ><a href=x<b>",
        "&#xFFFFFFFF; &#xD800; &#0; &#; &amp &unknown; &",
        "<p\u{0}>nul\u{0}bytes</p\u{0}>",
        "</p></p></div></body></html></html>",
        "<html><head><body><head><title>Two heads</title></head><body>",
        "<a href='unclosed><p>x</p>",
        "<ul><li>one<li>two<ol><li>three</ul></ol>",
        "<h1>one<h2>two<h3>three",
        "<template><p>hidden</p>",
        "<textarea><p>not markup</p>",
        r#"<script type="application/ld+json">{"@type":"NewsArticle","author":[{"name":"#,
        r#"<script type="application/ld+json">[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[</script>"#,
        r#"<meta property="article:published_time" content="2023-02-30T99:99:99+99:99">"#,
        r#"<time datetime="">x</time><time datetime="0000-00-00">y</time>"#,
    ];
    for piece in pieces {
        let html = format!("<html><body><div>{piece}<p>{PARA}</p></div>");
        let _ = run(html, Duration::from_secs(5));
        let _ = run(piece.to_string(), Duration::from_secs(5));
    }
    // Browsers end foreign content at an HTML block: the text after an unclosed svg is shown.
    let (_, visible) = run(pieces[3].to_string(), Duration::from_secs(5));
    assert!(visible.contains("AFTER-SVG-DIV"), "{visible}");
    let (_, visible) = run(pieces[4].to_string(), Duration::from_secs(5));
    assert!(visible.contains("AFTER-SVG-P"), "{visible}");
    let (_, visible) = run(pieces[5].to_string(), Duration::from_secs(5));
    assert!(visible.contains("AFTER-MATH"), "{visible}");
}

/// Decodes windows-1252 as the ingest decoder would, with an anchor wherever the width of a
/// character changes between raw bytes and UTF-8.
fn cp1252_doc(raw: &[u8]) -> RawDoc {
    let mut text = String::new();
    let mut anchors = vec![(0u64, 0u64)];
    for (i, &b) in raw.iter().enumerate() {
        let c = match b {
            0x80 => '€',
            0x93 => '“',
            0x94 => '”',
            0x96 => '–',
            _ => char::from(b),
        };
        text.push(c);
        if c.len_utf8() != 1 {
            anchors.push((text.len() as u64, i as u64 + 1));
        }
    }
    let mut d = doc(text);
    d.encoding = "windows-1252";
    d.offsets = OffsetMap::Anchors(anchors);
    d
}

#[test]
fn a_windows_1252_page_maps_back_to_its_bytes() {
    let raw: &[u8] = b"<html><head><title>Caf\xe9 prices rise again \x96 The Gazette</title>\
        <meta name=\"author\" content=\"Ren\xe9e L\xf6we\">\
        <meta property=\"article:published_time\" content=\"2021-09-07T08:00:00+02:00\"></head><body>\
        <article><p>Coffee now costs \x803.20 at the \x93Caf\xe9 de la Place\x94, up from \x802.90 last year.</p>\
        <p>The owner said higher milk and energy prices left her no choice but to raise them again.</p>\
        <figure><figcaption>The caf\xe9 at dawn \x96 photo by the owner.</figcaption></figure></article></body></html>";
    let d = cp1252_doc(raw);
    let (extraction, meta) = extract_page_with_meta(&d, &ExtractConfig::default());
    let article = extraction.articles.first().expect("article");
    assert_eq!(article.paragraphs.len(), 2);
    let decode = |bytes: &[u8]| cp1252_doc(bytes).text;
    for block in article.paragraphs.iter().chain(&article.captions) {
        let bytes = &raw[block.span.start as usize..block.span.end as usize];
        assert_eq!(decode(bytes), block.text);
    }
    assert_eq!(article.captions.len(), 1);
    assert_eq!(meta.authors, ["Renée Löwe"]);
    let title = article.title.as_ref().expect("title");
    assert_eq!(title.text, "Café prices rise again");
    let evidence = article.published_evidence.as_ref().expect("evidence");
    let span = evidence.span.expect("span");
    assert_eq!(
        &raw[span.start as usize..span.end as usize],
        b"2021-09-07T08:00:00+02:00"
    );
}
