//! Tests of the HTML extractor and the visible-text renderer: hostile structure, encodings,
//! spans, layout and metadata.

use std::time::{Duration, Instant};

use chancery_model::{DiagnosticKind, DocFormat, DocMeta, OffsetMap, Provenance, RawDoc};
use chrono::NaiveDate;

use super::{extract_page, visible_text};
use crate::{ExtractConfig, Extraction};

fn html_doc(text: &str) -> RawDoc {
    let provenance = Provenance {
        path: "pages/story.html".to_string(),
        ..Provenance::default()
    };
    RawDoc::utf8(
        provenance,
        DocFormat::Html,
        text.to_string(),
        DocMeta::default(),
    )
}

fn extract(text: &str) -> Extraction {
    extract_page(&html_doc(text), &ExtractConfig::default())
}

fn paragraphs(extraction: &Extraction) -> Vec<&str> {
    extraction
        .articles
        .iter()
        .flat_map(|a| a.paragraphs.iter().map(|p| p.text.as_str()))
        .collect()
}

const LONG_A: &str =
    "The council voted on Tuesday to close the old bridge for repairs next spring.";
const LONG_B: &str = "Engineers said the steel supports had corroded faster than anyone expected.";
const LONG_C: &str = "Traffic will be sent over the river road, adding ten minutes to most trips.";

#[test]
fn deep_nesting_finishes_quickly() {
    let depth = 100_000;
    let mut html = String::from("<html><body>");
    html.push_str(&"<div>".repeat(depth));
    html.push_str(&format!("<p>{LONG_A}</p><p>{LONG_B}</p>"));
    html.push_str(&"</div>".repeat(depth));
    let started = Instant::now();
    let text = visible_text(&html);
    let extraction = extract(&html);
    // Unoptimised test builds are several times slower than release; the bound is generous.
    assert!(
        started.elapsed() < Duration::from_secs(5),
        "took {:?}",
        started.elapsed()
    );
    assert!(text.contains(LONG_A));
    assert_eq!(paragraphs(&extraction).len(), 2);

    let unclosed = format!(
        "{}{LONG_A}",
        "<span><b><div><table><tr><td>".repeat(depth / 5)
    );
    assert!(visible_text(&unclosed).contains(LONG_A));
}

#[test]
fn broken_markup_is_read() {
    let html = format!(
        "<html><body><div><p>{LONG_A}<p>{LONG_B}</span><p>{LONG_C}</b></div></div></div><p"
    );
    assert_eq!(
        visible_text(&html),
        format!("{LONG_A}\n\n{LONG_B}\n\n{LONG_C}\n")
    );
    assert_eq!(paragraphs(&extract(&html)), [LONG_A, LONG_B, LONG_C]);
}

#[test]
fn page_without_body() {
    let html = format!("<title>Bridge to close | Gazette</title><p>{LONG_A}<p>{LONG_B}");
    let extraction = extract(&html);
    let article = &extraction.articles[0];
    assert_eq!(article.title_text(), Some("Bridge to close"));
    assert_eq!(paragraphs(&extraction), [LONG_A, LONG_B]);
    assert_eq!(visible_text(&html), format!("{LONG_A}\n\n{LONG_B}\n"));
}

/// Decodes Latin-1 as a decoder would, with an anchor after every two-byte character.
fn latin1_doc(raw: &[u8]) -> RawDoc {
    let mut text = String::new();
    let mut anchors = vec![(0, 0)];
    for (i, &b) in raw.iter().enumerate() {
        text.push(char::from(b));
        if b >= 0x80 {
            anchors.push((text.len() as u64, i as u64 + 1));
        }
    }
    let mut doc = html_doc(&text);
    doc.encoding = "windows-1252";
    doc.offsets = OffsetMap::Anchors(anchors);
    doc
}

#[test]
fn latin1_spans_point_into_raw_bytes() {
    let raw = b"<html><head><title>Caf\xe9s</title></head><body><p>Les caf\xe9s de la place ferment \xe0 minuit d\xe9sormais.</p>\
                <p>Le maire a sign\xe9 l'arr\xeat\xe9 municipal apr\xe8s une longue r\xe9union.</p></body></html>";
    let doc = latin1_doc(raw);
    let extraction = extract_page(&doc, &ExtractConfig::default());
    let article = &extraction.articles[0];
    assert_eq!(article.paragraphs.len(), 2);
    for p in &article.paragraphs {
        let bytes = &raw[p.span.start as usize..p.span.end as usize];
        let decoded: String = bytes.iter().map(|&b| char::from(b)).collect();
        assert_eq!(decoded, p.text);
    }
    let title = article.title.as_ref().expect("title");
    assert_eq!(
        &raw[title.span.start as usize..title.span.end as usize],
        b"Caf\xe9s"
    );
}

#[test]
fn hidden_text_never_appears() {
    let html = r#"<html><head><title>T</title><style>.a{color:red}</style><script>var x = "SCRIPT";</script></head>
        <body><script>if (a < b) { document.write("<p>WRITTEN</p>") }</script>
        <noscript>NOSCRIPT</noscript><template><p>TEMPLATE</p></template>
        <svg><text>SVGTEXT</text><title>SVGTITLE</title></svg><iframe>IFRAME</iframe>
        <select><option>OPTION</option></select><div hidden>HIDDEN</div>
        <div style="display: none">NONE</div><p>Shown text</p></body></html>"#;
    let text = visible_text(html);
    assert_eq!(text, "Shown text\n");
}

#[test]
fn entities_are_decoded() {
    let html = "<p>Fish &amp; chips &eacute;t&eacute; &#8212; ok&nbsp;now &lt;b&gt;</p>";
    assert_eq!(visible_text(html), "Fish & chips été — ok now <b>\n");
}

#[test]
fn spans_are_exact_on_plain_paragraphs() {
    let html = format!(
        "<html><body><article>\n  <h1>Bridge</h1>\n  <p>{LONG_A}</p>\n  <p>\n    {LONG_B}\n  </p>\n  <p>{LONG_C}</p>\n</article></body></html>"
    );
    let doc = html_doc(&html);
    let extraction = extract_page(&doc, &ExtractConfig::default());
    let article = &extraction.articles[0];
    assert_eq!(paragraphs(&extraction), [LONG_A, LONG_B, LONG_C]);
    for p in &article.paragraphs {
        assert_eq!(
            &doc.text[p.span.start as usize..p.span.end as usize],
            p.text
        );
    }
    let title = article.title.as_ref().expect("title");
    assert_eq!(
        &doc.text[title.span.start as usize..title.span.end as usize],
        "Bridge"
    );
}

#[test]
fn spans_cover_inline_markup_and_entities() {
    let html = "<p> The <b>old bridge</b> &amp; the river road </p>";
    let doc = html_doc(html);
    let extraction = extract_page(&doc, &ExtractConfig::default());
    let p = &extraction.articles[0].paragraphs[0];
    assert_eq!(p.text, "The old bridge & the river road");
    assert_eq!(
        &html[p.span.start as usize..p.span.end as usize],
        "The <b>old bridge</b> &amp; the river road"
    );
}

#[test]
fn layout_follows_inner_text() {
    let html = "<body><h1>Head</h1><div>one <b>two</b><i>three</i>\n  four</div>\
                <ul><li>a</li><li>b<br>c</li></ul><br><br><br><br>\
                <table><tr><td>x</td><td>y</td></tr><tr><th>z</th></tr></table>\
                <p>p1</p><p>p2</p>tail</body>";
    assert_eq!(
        visible_text(html),
        "Head\n\none twothree four\na\nb\nc\n\nx\ty\nz\n\np1\n\np2\n\ntail\n"
    );
}

#[test]
fn preformatted_lines_are_kept() {
    let html = "<pre>line one\n   line two\n\n\n\nline three</pre>";
    assert_eq!(visible_text(html), "line one\nline two\n\nline three\n");
}

#[test]
fn furniture_is_not_article_text() {
    let html = format!(
        r#"<html lang="en"><head>
        <meta property="og:title" content="Bridge to close for repairs">
        <meta property="article:published_time" content="2023-02-28T09:00:00+01:00">
        <link rel="canonical" href="https://gazette.example/bridge"></head>
        <body><nav><ul><li><a href="/">Home</a></li><li><a href="/news">News</a></li></ul></nav>
        <header><p>The Gazette, your local paper since 1901, every morning.</p></header>
        <div class="story"><h1>Bridge to close for repairs</h1>
          <figure><img src="b.jpg"><figcaption>The old bridge at dawn.</figcaption></figure>
          <p>{LONG_A}</p><div class="share-bar"><p>Share this story with your friends and family today.</p></div>
          <p>{LONG_B}</p><h2>Detours</h2><p>{LONG_C}</p></div>
        <div id="comments"><p>I have been saying this for years, nobody ever listens to me.</p></div>
        <footer><p>Copyright The Gazette. All rights reserved, everywhere, forever.</p></footer></body></html>"#
    );
    let extraction = extract(&html);
    let article = &extraction.articles[0];
    assert_eq!(article.title_text(), Some("Bridge to close for repairs"));
    assert_eq!(paragraphs(&extraction), [LONG_A, LONG_B, "Detours", LONG_C]);
    assert_eq!(article.captions.len(), 1);
    assert_eq!(article.captions[0].text, "The old bridge at dawn.");
    assert_eq!(article.published, NaiveDate::from_ymd_opt(2023, 2, 28));
    let evidence = article.published_evidence.as_ref().expect("evidence");
    let span = evidence.span.expect("span");
    assert_eq!(
        &html[span.start as usize..span.end as usize],
        "2023-02-28T09:00:00+01:00"
    );
    assert_eq!(
        article.url.as_deref(),
        Some("https://gazette.example/bridge")
    );
    assert_eq!(article.language.as_deref(), Some("eng"));
    assert_eq!(article.source, "pages");
    assert_eq!(
        article.id,
        chancery_model::Article::content_id(article.title.as_ref(), &article.paragraphs)
    );
}

#[test]
fn a_page_wrapped_in_a_form_still_has_an_article() {
    let html = format!(
        r#"<body><form id="aspnetForm"><div class="main"><p>{LONG_A}</p><p>{LONG_B}</p></div></form></body>"#
    );
    assert_eq!(paragraphs(&extract(&html)), [LONG_A, LONG_B]);
}

#[test]
fn dates_from_json_ld_and_time() {
    let html = format!(
        r#"<script type="application/ld+json">{{"@type":"NewsArticle","datePublished": "2021-03-04T10:00:00Z"}}</script>
        <p>{LONG_A}</p><time datetime="2020-01-01">then</time>"#
    );
    let article = &extract(&html).articles[0];
    assert_eq!(article.published, NaiveDate::from_ymd_opt(2021, 3, 4));
    let span = article
        .published_evidence
        .as_ref()
        .and_then(|e| e.span)
        .expect("span");
    assert_eq!(
        &html[span.start as usize..span.end as usize],
        "2021-03-04T10:00:00Z"
    );

    let html = format!(r#"<p>{LONG_A}</p><time datetime="2020-01-02">then</time>"#);
    assert_eq!(
        extract(&html).articles[0].published,
        NaiveDate::from_ymd_opt(2020, 1, 2)
    );
}

#[test]
fn empty_page_has_no_article() {
    for html in [
        "",
        "<html><head><title>Nothing</title></head><body><nav>Home</nav></body></html>",
    ] {
        let extraction = extract(html);
        assert!(extraction.articles.is_empty());
        assert_eq!(extraction.diagnostics.len(), 1);
        assert_eq!(extraction.diagnostics[0].kind, DiagnosticKind::NoArticle);
        assert_eq!(extraction.diagnostics[0].path, "pages/story.html");
    }
}

/// Inspection aid, not a check: prints every line of a page with where it sits and whether the
/// extractor kept it. `CHANCERY_PAGE=page.html[.gz] cargo test -p chancery-extract inspect_page
/// -- --ignored --nocapture`.
#[test]
#[ignore = "inspection aid; needs CHANCERY_PAGE"]
fn inspect_page() {
    let Ok(path) = std::env::var("CHANCERY_PAGE") else {
        return;
    };
    let Ok(bytes) = std::fs::read(&path) else {
        return;
    };
    let text = String::from_utf8_lossy(&bytes).into_owned();
    let page = super::walk::walk(&text);
    let region = super::region::choose(&page);
    let kept: std::collections::HashSet<usize> = region.paragraphs.iter().copied().collect();
    for (i, line) in page.lines.iter().enumerate() {
        let mut chain = Vec::new();
        let mut at = line.context.block;
        while let Some(id) = at {
            chain.push(id);
            at = page.elements.get(id as usize).and_then(|e| e.parent);
        }
        let shown: String = line.text.chars().take(90).collect();
        println!(
            "{} {i:4} {:?} f{:?} c{} l{}/{} {:?} | {shown}",
            if kept.contains(&i) { "+" } else { " " },
            line.context.tag,
            line.context.furniture,
            u8::from(line.context.caption),
            line.link_chars,
            line.chars,
            &chain[..chain.len().min(6)],
        );
    }
}

/// Inspection aid, not a check: for each `path<TAB>segment` line of the file named by
/// `CHANCERY_SEGMENTS`, prints the page line holding the segment and where it sits.
#[test]
#[ignore = "inspection aid; needs CHANCERY_SEGMENTS"]
fn inspect_segments() {
    let Ok(list) = std::env::var("CHANCERY_SEGMENTS") else {
        return;
    };
    let Ok(list) = std::fs::read_to_string(list) else {
        return;
    };
    for entry in list.lines() {
        let Some((path, segment)) = entry.split_once('\t') else {
            continue;
        };
        let Ok(bytes) = std::fs::read(path) else {
            continue;
        };
        let text = String::from_utf8_lossy(&bytes).into_owned();
        let page = super::walk::walk(&text);
        let region = super::region::choose(&page);
        let head: String = segment.chars().take(30).collect();
        let found = page.lines.iter().position(|l| l.text.contains(&head));
        let name = path.rsplit('/').next().unwrap_or(path);
        match found {
            None => println!("{name}\tNOTFOUND\t{head}"),
            Some(i) => {
                let line = &page.lines[i];
                println!(
                    "{name}\t{}\t{:?}\tfurn={:?}\tcap={}\tlink={}/{}\t{}",
                    if region.paragraphs.contains(&i) {
                        "KEPT"
                    } else {
                        "out"
                    },
                    line.context.tag,
                    line.context.furniture.map(|_| "y"),
                    u8::from(line.context.caption),
                    line.link_chars,
                    line.chars,
                    line.text.chars().take(80).collect::<String>()
                );
            }
        }
    }
}
