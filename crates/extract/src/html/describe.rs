//! The article's metadata, weighed from everything the page states, in order of trust:
//! JSON-LD, OpenGraph and `article:*` properties, other `<meta>` tags (`author`, `dc.*`,
//! `parsely-*`, `sailthru.*`, ...), `<time datetime>` and microdata, bylines, the URL's date, and
//! a date shown near the title. Dates must be plausible and never after the fetch date; authors
//! are cleaned of "By", roles, handles and site names.

use std::ops::Range;

use chancery_model::{ArticleMeta, MetaSource, RawDoc, StatedTime};
use chrono::{DateTime, Utc};

use super::json;
use super::ld::{self, LdArticle};
use super::lines::Line;
use super::meta::{CaptureKind, DateRole, Stated};
use super::tags::Tag;
use super::walk::Page;
use super::{authors, stamp};

/// Publication-date `<meta>` keys of OpenGraph and `article:*`.
const OG_PUBLISHED: &[&str] = &[
    "article:published_time",
    "og:published_time",
    "og:article:published_time",
    "article:published",
];
/// Other publication-date `<meta>` keys, most trusted first.
const META_PUBLISHED: &[&str] = &[
    "datepublished",
    "parsely-pub-date",
    "sailthru.date",
    "dc.date.issued",
    "dcterms.issued",
    "dc.date.created",
    "dcterms.created",
    "dc.date",
    "dcterms.date",
    "citation_publication_date",
    "citation_date",
    "prism.publicationdate",
    "rnews:datepublished",
    "article.published",
    "article_date_original",
    "original-publish-date",
    "publication_date",
    "publish_date",
    "publish-date",
    "published-date",
    "published_time",
    "publishdate",
    "pubdate",
    "datecreated",
    "date",
    "displaydate",
    "created",
];
/// Modification-date `<meta>` keys, most trusted first.
const META_MODIFIED: &[&str] = &[
    "article:modified_time",
    "og:updated_time",
    "og:modified_time",
    "article:modified",
    "datemodified",
    "dateupdate",
    "dateupdated",
    "dc.date.modified",
    "dcterms.modified",
    "article.updated",
    "last-modified",
    "lastmod",
];
/// Author `<meta>` keys, most trusted first (OpenGraph's come first).
const META_AUTHORS: &[&str] = &[
    "article:author",
    "og:article:author",
    "author",
    "dc.creator",
    "dcterms.creator",
    "parsely-author",
    "sailthru.author",
    "byl",
    "citation_author",
    "creator",
];

/// Lines around the title searched for a date shown as text.
const TEXT_DATE_LINES_BEFORE: usize = 3;
const TEXT_DATE_LINES_AFTER: usize = 12;
/// Longest line taken for a date line anywhere in the page.
const DATE_LINE_MAX_CHARS: usize = 60;
/// Characters at the start of a long line searched for a dateline's date.
const DATELINE_CHARS: usize = 32;
/// Longest line searched for a date shown as text anywhere in it.
const TEXT_DATE_MAX_CHARS: usize = 160;

/// The publication date with where it was read, for the article's evidence.
#[derive(Debug, Clone)]
pub struct Published {
    pub time: StatedTime,
    pub source: MetaSource,
    /// The text the date was read from and its range in the document, when it has one.
    pub text: String,
    pub range: Option<Range<usize>>,
}

/// A candidate value: the stated text, its range, and its source.
struct Candidate<'a> {
    text: &'a str,
    range: Option<Range<usize>>,
    source: MetaSource,
}

/// Describes the article of a walked page. `excluded` tells, per element, whether it is page
/// furniture; `title_line` is the index of the title's line, if it is shown.
pub fn describe(
    page: &Page,
    doc: &RawDoc,
    excluded: &[bool],
    title_line: Option<usize>,
    body_start: Option<usize>,
) -> (ArticleMeta, Option<Published>) {
    let meta = &page.meta;
    let scripts: Vec<json::Json> = meta
        .ld_scripts
        .iter()
        .filter_map(|r| doc.text.get(r.clone()))
        .flat_map(json::parse_all)
        .collect();
    let ld = ld::article(&scripts);
    let fetched = doc
        .provenance
        .fetched_at
        .or(doc.meta.fetched_at)
        .filter(|f| chrono::Datelike::year(f) >= stamp::MIN_YEAR);
    let in_furniture =
        |f: Option<u32>| f.is_some_and(|id| excluded.get(id as usize).copied().unwrap_or(false));

    let url = doc
        .meta
        .url
        .clone()
        .or_else(|| doc.provenance.url.clone())
        .or_else(|| meta.url());
    let canonical = meta
        .url()
        .or_else(|| ld.url.clone().filter(|u| u.starts_with("http")))
        .or_else(|| doc.meta.url.clone())
        .or_else(|| doc.provenance.url.clone());

    let anchors = [title_line, body_start];
    let published = published(
        page,
        doc,
        &ld,
        fetched,
        &anchors,
        url.as_deref(),
        &in_furniture,
    );
    let updated = updated(page, &ld, fetched, published.as_ref().map(|p| &p.time));
    // A page that states only when it was last changed: that is the best estimate there is,
    // before any date line elsewhere in the page.
    let published = published
        .or_else(|| {
            let (time, source) = updated?;
            Some(Published {
                time,
                source,
                text: time.to_iso(),
                range: None,
            })
        })
        .or_else(|| date_line(page, fetched, &in_furniture));

    let site_name = meta
        .meta("og:site_name")
        .map(|s| s.value.clone())
        .or_else(|| ld.publisher.clone())
        .or_else(|| meta.meta("application-name").map(|s| s.value.clone()))
        .or_else(|| {
            meta.title
                .as_ref()
                .and_then(|t| super::meta::title_site_name(&t.value))
                .map(str::to_string)
        })
        .map(|s| collapse(&s))
        .filter(|s| !s.is_empty());
    let mut sites: Vec<String> = site_name.iter().cloned().collect();
    if let Some(host) = url.as_deref().and_then(host_of) {
        sites.push(host.to_string());
    }
    let (authors, authors_source) = authors_of(page, &ld, &sites, &anchors, &in_furniture);

    let description = meta
        .meta("og:description")
        .or_else(|| meta.meta("description"))
        .or_else(|| meta.meta("twitter:description"))
        .map(|s| collapse(&s.value))
        .or_else(|| ld.description.clone())
        .filter(|s| !s.is_empty());
    let section = meta
        .meta("article:section")
        .or_else(|| meta.meta("section"))
        .or_else(|| meta.meta("parsely-section"))
        .map(|s| collapse(&s.value))
        .or_else(|| ld.section.clone())
        .filter(|s| !s.is_empty());
    let tags = tags_of(page, &ld);
    let image = meta
        .meta("og:image")
        .or_else(|| meta.meta("og:image:url"))
        .or_else(|| meta.meta("og:image:secure_url"))
        .or_else(|| meta.meta("twitter:image"))
        .map(|s| s.value.clone())
        .or_else(|| ld.image.clone())
        .filter(|s| !s.is_empty());
    let subtitle = subtitle_of(page, title_line, description.as_deref());

    let article_meta = ArticleMeta {
        subtitle,
        description,
        authors,
        authors_source,
        published: published.as_ref().map(|p| p.time),
        published_source: published.as_ref().map(|p| p.source),
        updated: updated.map(|(t, _)| t),
        updated_source: updated.map(|(_, s)| s),
        site_name,
        canonical_url: canonical.filter(|u| u.starts_with("http://") || u.starts_with("https://")),
        section,
        tags,
        image,
    };
    (article_meta, published)
}

/// The first candidate that reads as a plausible date.
fn first_date<'a>(
    candidates: impl IntoIterator<Item = Candidate<'a>>,
    fetched: Option<DateTime<Utc>>,
) -> Option<Published> {
    candidates.into_iter().find_map(|c| {
        let time = stamp::parse(c.text)?;
        stamp::plausible(&time, fetched).then(|| Published {
            time,
            source: c.source,
            text: c.text.trim().to_string(),
            range: c.range,
        })
    })
}

fn stated<'a>(s: &'a Stated, source: MetaSource) -> Candidate<'a> {
    Candidate {
        text: &s.value,
        range: s.range.clone(),
        source,
    }
}

fn published(
    page: &Page,
    doc: &RawDoc,
    ld: &LdArticle,
    fetched: Option<DateTime<Utc>>,
    anchors: &[Option<usize>],
    url: Option<&str>,
    in_furniture: &dyn Fn(Option<u32>) -> bool,
) -> Option<Published> {
    let meta = &page.meta;
    let ld_dates = [ld.published.as_deref(), ld.created.as_deref()]
        .into_iter()
        .flatten()
        .map(|text| Candidate {
            text,
            range: ld_range(doc, page, text),
            source: MetaSource::JsonLd,
        });
    // Publication-date `<meta>` tags in page order: templates put the date they mean first.
    let tags = meta.metas.iter().filter_map(|(key, s)| {
        if OG_PUBLISHED.contains(&key.as_str()) {
            Some(stated(s, MetaSource::OpenGraph))
        } else if META_PUBLISHED.contains(&key.as_str()) {
            Some(stated(s, MetaSource::MetaTag))
        } else {
            None
        }
    });
    // Keys of other vocabularies that still name the publication date come after.
    let other_tags = meta
        .metas
        .iter()
        .filter(|(key, _)| {
            !OG_PUBLISHED.contains(&key.as_str())
                && !META_PUBLISHED.contains(&key.as_str())
                && super::meta::is_publication_key(key)
        })
        .map(|(_, s)| stated(s, MetaSource::MetaTag));
    // Dates the page marks as the publication's: in bylines and "entry meta" furniture too.
    let marked = meta
        .dates
        .iter()
        .filter(|d| d.role == DateRole::Published)
        .map(|d| stated(&d.stated, MetaSource::TimeElement));
    let captured: Vec<&str> = meta
        .captures
        .iter()
        .filter(|c| c.kind == CaptureKind::Published)
        .map(|c| c.text.as_str())
        .collect();
    let captured = captured.into_iter().map(|text| Candidate {
        text,
        range: None,
        source: MetaSource::TimeElement,
    });
    // `<meta>` first: where a page's JSON-LD and its `<meta>` tags disagree on the publication
    // date, the JSON-LD is more often a content system's creation date than the date shown (on
    // the trafilatura evaluation set, the `<meta>` tags were right in 5 of 6 such pages).
    let stated_dates = first_date(
        tags.chain(other_tags)
            .chain(ld_dates)
            .chain(marked)
            .chain(captured),
        fetched,
    );
    if stated_dates.is_some() {
        return stated_dates;
    }
    let url_date = url
        .and_then(stamp::from_url)
        .filter(|t| stamp::plausible(t, fetched));
    if let (Some(time), Some(url)) = (url_date, url) {
        return Some(Published {
            time,
            source: MetaSource::Url,
            text: url.to_string(),
            range: None,
        });
    }
    // Dates shown in date-named elements, then plain `<time>`s: outside furniture first, so a
    // comment's or a teaser's date comes last.
    let mut shown: Vec<(bool, Candidate)> = meta
        .captures
        .iter()
        .filter(|c| c.kind == CaptureKind::DateText && c.text.len() <= TEXT_DATE_MAX_CHARS)
        .map(|c| {
            (
                in_furniture(c.furniture),
                Candidate {
                    text: c.text.as_str(),
                    range: None,
                    source: MetaSource::Text,
                },
            )
        })
        .collect();
    shown.sort_by_key(|(f, _)| *f);
    let mut plain: Vec<(bool, Candidate)> = meta
        .dates
        .iter()
        .filter(|d| d.role == DateRole::Plain)
        .map(|d| {
            (
                in_furniture(d.furniture),
                stated(&d.stated, MetaSource::TimeElement),
            )
        })
        .collect();
    plain.sort_by_key(|(f, _)| *f);
    first_date(shown.into_iter().map(|(_, c)| c), fetched)
        .or_else(|| first_date(plain.into_iter().map(|(_, c)| c), fetched))
        .or_else(|| {
            anchors
                .iter()
                .flatten()
                .find_map(|&at| text_date(page, at, fetched))
        })
        .or_else(|| {
            let date = doc.meta.published?;
            let time = StatedTime::day(date);
            stamp::plausible(&time, fetched).then(|| Published {
                time,
                source: MetaSource::Input,
                text: date.to_string(),
                range: None,
            })
        })
}

/// A date shown as text in the lines around a line (the title's, or the body's first).
fn text_date(page: &Page, at: usize, fetched: Option<DateTime<Utc>>) -> Option<Published> {
    let start = at.saturating_sub(TEXT_DATE_LINES_BEFORE);
    let end = (at + TEXT_DATE_LINES_AFTER).min(page.lines.len());
    page.lines.get(start..end)?.iter().find_map(|line| {
        if line.context.caption || shows_now(&line.text) {
            return None;
        }
        // In a long line only a date at its start counts: a dateline ("27.1.2022 - Bei der ...").
        let head = if line.chars > TEXT_DATE_MAX_CHARS {
            let cut = line
                .text
                .char_indices()
                .nth(DATELINE_CHARS)
                .map_or(line.text.len(), |(i, _)| i);
            line.text.get(..cut)?
        } else {
            &line.text
        };
        let (date, range) = crate::dates::find_full_date(head)?;
        let time = StatedTime::day(date);
        stamp::plausible(&time, fetched).then(|| Published {
            time,
            source: MetaSource::Text,
            text: line.text.get(range).unwrap_or(&line.text).to_string(),
            range: Some(line.range.clone()),
        })
    })
}

/// The first short line of the page that is a date and little else ("Aktualisiert: 30.12.2016",
/// "01. November 2021"), outside furniture if any is, else in it (bylines and "entry meta" boxes
/// are often named as furniture).
fn date_line(
    page: &Page,
    fetched: Option<DateTime<Utc>>,
    in_furniture: &dyn Fn(Option<u32>) -> bool,
) -> Option<Published> {
    date_line_where(page, fetched, &|l| {
        !l.context.caption && !in_furniture(l.context.furniture)
    })
    .or_else(|| date_line_where(page, fetched, &|l| !l.context.caption))
    .or_else(|| date_line_where(page, fetched, &|_| true))
}

fn date_line_where(
    page: &Page,
    fetched: Option<DateTime<Utc>>,
    keep: &dyn Fn(&Line) -> bool,
) -> Option<Published> {
    page.lines.iter().find_map(|line| {
        if line.chars > DATE_LINE_MAX_CHARS
            || !keep(line)
            || !crate::dates::is_date_line(&line.text)
            || shows_now(&line.text)
        {
            return None;
        }
        let (date, range) = crate::dates::find_full_date(&line.text)?;
        let time = StatedTime::day(date);
        stamp::plausible(&time, fetched).then(|| Published {
            time,
            source: MetaSource::Text,
            text: line.text.get(range).unwrap_or(&line.text).to_string(),
            range: Some(line.range.clone()),
        })
    })
}

/// Whether a line shows today's date or the current time rather than the article's
/// ("Aktuelle Zeit: 14.10.2020, 12:18", "Today is Monday, ...").
fn shows_now(text: &str) -> bool {
    let lower = text.to_lowercase();
    [
        "aktuelle zeit",
        "current time",
        "it is currently",
        "today is",
        "heute ist",
        "aujourd'hui",
        "hoy es",
        "copyright",
        "©",
    ]
    .iter()
    .any(|w| lower.contains(w))
}

/// The range of a JSON-LD value in the document: found in the scripts' source text.
fn ld_range(doc: &RawDoc, page: &Page, value: &str) -> Option<Range<usize>> {
    page.meta.ld_scripts.iter().find_map(|r| {
        let source = doc.text.get(r.clone())?;
        let at = source.find(value)?;
        Some(r.start + at..r.start + at + value.len())
    })
}

/// The last modification: never before publication, never after the fetch.
fn updated(
    page: &Page,
    ld: &LdArticle,
    fetched: Option<DateTime<Utc>>,
    published: Option<&StatedTime>,
) -> Option<(StatedTime, MetaSource)> {
    let meta = &page.meta;
    let candidates = ld
        .modified
        .iter()
        .map(|m| (m.as_str(), MetaSource::JsonLd))
        .chain(META_MODIFIED.iter().filter_map(|k| {
            meta.meta(k).map(|s| {
                let source = if k.starts_with("og:") || k.starts_with("article:") {
                    MetaSource::OpenGraph
                } else {
                    MetaSource::MetaTag
                };
                (s.value.as_str(), source)
            })
        }))
        .chain(
            meta.dates
                .iter()
                .filter(|d| d.role == DateRole::Modified)
                .map(|d| (d.stated.value.as_str(), MetaSource::TimeElement)),
        );
    for (text, source) in candidates {
        let Some(time) = stamp::parse(text) else {
            continue;
        };
        if !stamp::plausible(&time, fetched) {
            continue;
        }
        let before_publication = published.is_some_and(|p| match (time.to_utc(), p.to_utc()) {
            (Some(a), Some(b)) => a < b,
            _ => time.date < p.date,
        });
        if !before_publication {
            return Some((time, source));
        }
    }
    None
}

/// The authors, from the most trusted source that names any.
fn authors_of(
    page: &Page,
    ld: &LdArticle,
    sites: &[String],
    anchors: &[Option<usize>],
    in_furniture: &dyn Fn(Option<u32>) -> bool,
) -> (Vec<String>, Option<MetaSource>) {
    let meta = &page.meta;
    let from_ld = authors::clean(ld.authors.iter().map(String::as_str), sites);
    if !from_ld.is_empty() {
        return (from_ld, Some(MetaSource::JsonLd));
    }
    for (keys, source) in [
        (&META_AUTHORS[..2], MetaSource::OpenGraph),
        (&META_AUTHORS[2..], MetaSource::MetaTag),
    ] {
        let values: Vec<&str> = keys
            .iter()
            .flat_map(|k| meta.metas(k))
            .map(|s| s.value.as_str())
            .filter(|v| !v.starts_with("http://") && !v.starts_with("https://"))
            .collect();
        let names = authors::clean(values, sites);
        if !names.is_empty() {
            return (names, Some(source));
        }
    }
    // Yoast's "Written by" label and value (`twitter:label1` / `twitter:data1`).
    for n in 1..=4 {
        let label = meta.meta(&format!("twitter:label{n}"));
        if label.is_some_and(|l| is_written_by(&l.value)) {
            if let Some(data) = meta.meta(&format!("twitter:data{n}")) {
                let names = authors::clean([data.value.as_str()], sites);
                if !names.is_empty() {
                    return (names, Some(MetaSource::MetaTag));
                }
            }
        }
    }
    // Bylines: those marked by microdata or `rel=author` first, outside furniture first.
    let mut captures: Vec<_> = meta
        .captures
        .iter()
        .filter(|c| c.kind == CaptureKind::Author)
        .collect();
    captures.sort_by_key(|c| (!c.marked, in_furniture(c.furniture)));
    for capture in captures {
        let names = authors::clean([capture.text.as_str()], sites);
        if !names.is_empty() {
            return (names, Some(MetaSource::Byline));
        }
    }
    // A byline set as text near the title or the body's start: "von Klaus Stanjek", "Text: ...".
    for at in anchors.iter().flatten() {
        let start = at.saturating_sub(TEXT_DATE_LINES_BEFORE);
        let end = (at + TEXT_DATE_LINES_AFTER).min(page.lines.len());
        for line in page.lines.get(start..end).unwrap_or(&[]) {
            if line.chars > MAX_BYLINE_CHARS || !starts_like_byline(&line.text) {
                continue;
            }
            let names = authors::clean([line.text.as_str()], sites);
            if !names.is_empty() {
                return (names, Some(MetaSource::Byline));
            }
        }
    }
    (Vec::new(), None)
}

/// Longest text line read as a byline.
const MAX_BYLINE_CHARS: usize = 80;

/// Whether a line opens as a byline does: "By", "Von", "Text:", "Autor:", "Posted by", ...
fn starts_like_byline(text: &str) -> bool {
    let lower = text.trim_start().to_lowercase();
    [
        "by ",
        "von ",
        "par ",
        "por ",
        "di ",
        "door ",
        "text:",
        "text von",
        "autor:",
        "autorin:",
        "author:",
        "written by",
        "posted by",
        "geschrieben von",
        "ein beitrag von",
        "blog beitrag von",
    ]
    .iter()
    .any(|lead| lower.starts_with(lead))
}

/// Whether a label says "written by" (Yoast's `twitter:label1`).
fn is_written_by(label: &str) -> bool {
    let lower = label.trim().to_lowercase();
    [
        "written by",
        "verfasst von",
        "geschrieben von",
        "écrit par",
        "escrito por",
        "scritto da",
        "geschreven door",
    ]
    .contains(&lower.as_str())
}

/// Keywords and tags without repeats: `article:tag`, `keywords`, `news_keywords`, JSON-LD.
fn tags_of(page: &Page, ld: &LdArticle) -> Vec<String> {
    let meta = &page.meta;
    let mut tags: Vec<String> = Vec::new();
    let stated = meta
        .metas("article:tag")
        .map(|s| s.value.as_str())
        .chain(meta.metas("news_keywords").map(|s| s.value.as_str()))
        .chain(meta.metas("keywords").map(|s| s.value.as_str()))
        .chain(meta.metas("parsely-tags").map(|s| s.value.as_str()))
        .flat_map(|v| v.split([',', ';']))
        .map(str::to_string)
        .chain(ld.keywords.iter().cloned());
    for tag in stated {
        let tag = collapse(&tag);
        if tag.is_empty() || tag.chars().count() > 80 {
            continue;
        }
        if !tags.iter().any(|t| t.eq_ignore_ascii_case(&tag)) && tags.len() < 64 {
            tags.push(tag);
        }
    }
    tags
}

/// The standfirst: a heading or paragraph right under the title that is not body text (a `<h2>`
/// or the description as shown on the page).
fn subtitle_of(
    page: &Page,
    title_line: Option<usize>,
    description: Option<&str>,
) -> Option<String> {
    let title = title_line?;
    let next = page
        .lines
        .get(title + 1..(title + 4).min(page.lines.len()))?;
    let shown_description = description.and_then(|d| {
        let d = collapse(d);
        let head: String = d.chars().take(60).collect();
        next.iter()
            .find(|l| !head.is_empty() && l.text.starts_with(&head))
            .map(|l| l.text.clone())
    });
    shown_description.or_else(|| {
        next.first()
            .filter(|l| {
                matches!(l.context.tag, Tag::Heading(2..=3)) && l.chars >= 20 && l.link_chars == 0
            })
            .map(|l| l.text.clone())
    })
}

/// The host of an absolute URL, without `www.`.
fn host_of(url: &str) -> Option<&str> {
    let rest = url.split_once("://")?.1;
    let host = rest.split(['/', '?', '#', ':']).next()?;
    let host = host.strip_prefix("www.").unwrap_or(host);
    (!host.is_empty()).then_some(host)
}

fn collapse(text: &str) -> String {
    text.split_whitespace().collect::<Vec<_>>().join(" ")
}
