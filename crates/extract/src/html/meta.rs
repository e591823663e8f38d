//! What a page states about itself, collected during the walk: `<title>`, `<meta>` tags,
//! `<link rel=canonical>`, `<html lang>`, JSON-LD scripts, `<time datetime>` and microdata dates,
//! and the text of byline elements (`rel=author`, `itemprop=author`, `class="byline"`).
//!
//! Only collection happens here; [`super::describe`] weighs the sources against each other.

use std::ops::Range;
use std::sync::LazyLock;

use aho_corasick::AhoCorasick;

use html5gum::StartTag;

use super::tags::{attr_value_range, Tag};

/// `<meta>` keys (`property`, `name` or `itemprop`, lowercase) kept, besides those under the
/// prefixes in [`META_PREFIXES`].
const META_KEYS: &[&str] = &[
    "author",
    "byl",
    "description",
    "keywords",
    "news_keywords",
    "section",
    "category",
    "date",
    "pubdate",
    "publishdate",
    "publish_date",
    "publish-date",
    "publication_date",
    "published_time",
    "published-date",
    "original-publish-date",
    "article_date_original",
    "displaydate",
    "datepublished",
    "datecreated",
    "datemodified",
    "dateupdate",
    "dateupdated",
    "last-modified",
    "lastmod",
    "created",
    "creator",
    "thumbnail",
    "application-name",
    "citation_author",
    "citation_publication_date",
    "citation_date",
];

/// Prefixes of kept `<meta>` keys.
const META_PREFIXES: &[&str] = &[
    "og:",
    "article:",
    "twitter:",
    "dc.",
    "dcterms.",
    "parsely-",
    "sailthru.",
    "article.",
    "cxenseparse:",
    "prism.",
    "rnews:",
];

/// Values kept per kind, so hostile pages with thousands of tags stay small.
const MAX_VALUES: usize = 16;
/// `<meta>` tags kept at most.
const MAX_METAS: usize = 96;
/// JSON-LD scripts kept at most.
const MAX_SCRIPTS: usize = 16;
/// Byline and date texts captured at most, and the bytes kept of each.
const MAX_CAPTURES: usize = 24;
const MAX_CAPTURE_BYTES: usize = 300;

/// A stated value with the range of the document it was read from.
#[derive(Debug, Clone)]
pub struct Stated {
    /// The value, trimmed.
    pub value: String,
    /// Its range in the decoded document, when known.
    pub range: Option<Range<usize>>,
}

/// What a stated date is said to be.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum DateRole {
    /// Marked as the publication date (`pubdate`, `itemprop=datePublished`, a "published" class).
    Published,
    /// Marked as the last modification.
    Modified,
    /// A `<time>` that says nothing more.
    Plain,
}

/// A date from a `<time datetime>` or a microdata attribute.
#[derive(Debug, Clone)]
pub struct StatedDate {
    pub stated: Stated,
    pub role: DateRole,
    /// Nearest furniture element around it, if any.
    pub furniture: Option<u32>,
}

/// What a captured element's text is.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum CaptureKind {
    /// A byline: `rel=author`, `itemprop=author`, a `byline` or `author` class.
    Author,
    /// A date shown as text under `itemprop=datePublished`.
    Published,
    /// Text of an element whose class names a date (`post-date`, `itemPostDate`, `datum`).
    DateText,
}

/// The text of an element the page marks as a byline or a date.
#[derive(Debug, Clone)]
pub struct Capture {
    pub kind: CaptureKind,
    pub text: String,
    /// Nearest furniture element around it, if any.
    pub furniture: Option<u32>,
    /// Stated by microdata (`itemprop`) or `rel=author`, rather than a class name.
    pub marked: bool,
}

/// What the page states about itself.
#[derive(Debug, Default)]
pub struct PageMeta {
    /// Text of the first `<title>`, whitespace collapsed.
    pub title: Option<Stated>,
    /// Kept `<meta>` tags: lowercase key and content.
    pub metas: Vec<(String, Stated)>,
    /// `href` of `<link rel=canonical>`.
    pub canonical: Option<String>,
    /// `<html lang>` as written.
    pub lang: Option<String>,
    /// Ranges of the JSON-LD scripts' source text.
    pub ld_scripts: Vec<Range<usize>>,
    /// `<time datetime>` and microdata date attributes.
    pub dates: Vec<StatedDate>,
    /// Texts of byline and date elements.
    pub captures: Vec<Capture>,
}

impl PageMeta {
    /// Reads what a start tag states. `furniture` is the nearest furniture element around it.
    /// Returns what the element's text should be captured as, if anything, and whether microdata
    /// or `rel` (rather than a class name) marks it.
    pub fn on_start(
        &mut self,
        tag: Tag,
        t: &StartTag<usize>,
        text: &str,
        in_svg: bool,
        furniture: Option<u32>,
    ) -> Option<(CaptureKind, bool)> {
        let get = |name: &[u8]| t.attributes.get(name);
        let value =
            |name: &[u8]| get(name).map(|v| String::from_utf8_lossy(&v.value).trim().to_string());
        let stated = |name: &[u8]| {
            get(name).map(|v| Stated {
                value: String::from_utf8_lossy(&v.value).trim().to_string(),
                range: attr_value_range(text, v.span.start..v.span.end),
            })
        };
        if in_svg {
            return None;
        }
        match tag {
            Tag::Html if self.lang.is_none() => {
                self.lang = value(b"lang").filter(|v| !v.is_empty());
                return None;
            }
            Tag::Meta => {
                self.on_meta(t, text);
                return None;
            }
            Tag::Link => {
                let rel = value(b"rel").unwrap_or_default();
                let canonical = rel
                    .split_ascii_whitespace()
                    .any(|r| r.eq_ignore_ascii_case("canonical"));
                if canonical && self.canonical.is_none() {
                    self.canonical = value(b"href").filter(|h| !h.is_empty());
                }
                return None;
            }
            _ => {}
        }
        // Microdata's `itemprop`, or RDFa's `property` (`schema:dateCreated`).
        let itemprop = [value(b"itemprop"), value(b"property")]
            .into_iter()
            .flatten()
            .collect::<Vec<_>>()
            .join(" ")
            .to_ascii_lowercase();
        let itemprop = itemprop.as_str();
        let class = [value(b"class"), value(b"id"), value(b"data-testid")]
            .into_iter()
            .flatten()
            .collect::<Vec<_>>()
            .join(" ")
            .to_ascii_lowercase();
        let role = if itemprop.contains("datepublished") || itemprop.contains("datecreated") {
            Some(DateRole::Published)
        } else if itemprop.contains("datemodified") || itemprop.contains("dateupdate") {
            Some(DateRole::Modified)
        } else if itemprop.contains("date") {
            Some(DateRole::Plain)
        } else if tag == Tag::Time {
            Some(
                if t.attributes.contains_key(&b"pubdate"[..]) || names_published(&class) {
                    DateRole::Published
                } else if names_modified(&class) {
                    DateRole::Modified
                } else {
                    DateRole::Plain
                },
            )
        } else {
            None
        };
        if let Some(role) = role {
            let date = stated(b"datetime").or_else(|| stated(b"content"));
            if let Some(stated) = date.filter(|s| !s.value.is_empty()) {
                if self.dates.len() < MAX_VALUES * 2 {
                    self.dates.push(StatedDate {
                        stated,
                        role,
                        furniture,
                    });
                }
                return None;
            }
            return (role == DateRole::Published).then_some((CaptureKind::Published, true));
        }
        if itemprop
            .split_ascii_whitespace()
            .any(|p| p == "author" || p == "creator")
        {
            if let Some(content) = value(b"content").filter(|c| !c.is_empty()) {
                self.push_capture(CaptureKind::Author, content, furniture, true);
                return None;
            }
            return Some((CaptureKind::Author, true));
        }
        let rel_author = tag == Tag::A
            && value(b"rel").is_some_and(|r| {
                r.split_ascii_whitespace()
                    .any(|p| p.eq_ignore_ascii_case("author"))
            });
        if rel_author || names_byline(&class) {
            return Some((CaptureKind::Author, rel_author));
        }
        names_date(&class).then_some((CaptureKind::DateText, false))
    }

    fn on_meta(&mut self, t: &StartTag<usize>, text: &str) {
        if self.metas.len() >= MAX_METAS {
            return;
        }
        let value = |name: &[u8]| {
            t.attributes.get(name).map(|v| {
                String::from_utf8_lossy(&v.value)
                    .trim()
                    .to_ascii_lowercase()
            })
        };
        let key = value(b"property")
            .or_else(|| value(b"name"))
            .or_else(|| value(b"itemprop"))
            .or_else(|| value(b"http-equiv"));
        let Some(key) = key.filter(|k| is_kept_key(k)) else {
            return;
        };
        if let Some(content) = t.attributes.get(&b"content"[..]) {
            let range = attr_value_range(text, content.span.start..content.span.end);
            let value = String::from_utf8_lossy(&content.value).trim().to_string();
            if !value.is_empty() {
                self.metas.push((key, Stated { value, range }));
            }
        }
    }

    /// Starts capturing an element's text; returns the capture's index.
    pub fn begin_capture(
        &mut self,
        kind: CaptureKind,
        furniture: Option<u32>,
        marked: bool,
    ) -> Option<usize> {
        let of_kind = self.captures.iter().filter(|c| c.kind == kind).count();
        if of_kind >= MAX_CAPTURES {
            return None;
        }
        self.captures.push(Capture {
            kind,
            text: String::new(),
            furniture,
            marked,
        });
        Some(self.captures.len() - 1)
    }

    fn push_capture(
        &mut self,
        kind: CaptureKind,
        text: String,
        furniture: Option<u32>,
        marked: bool,
    ) {
        if let Some(i) = self.begin_capture(kind, furniture, marked) {
            self.captured(i, &text);
        }
    }

    /// Adds text to a capture, within its size bound.
    pub fn captured(&mut self, index: usize, value: &str) {
        let Some(capture) = self.captures.get_mut(index) else {
            return;
        };
        for word in value.split_whitespace() {
            if capture.text.len() + word.len() + 1 > MAX_CAPTURE_BYTES {
                return;
            }
            if !capture.text.is_empty() {
                capture.text.push(' ');
            }
            capture.text.push_str(word);
        }
    }

    /// Reads the text of a `<title>`.
    pub fn on_title(&mut self, value: &str, text: &str, range: Range<usize>) {
        if self.title.is_some() {
            return;
        }
        let value = value.split_whitespace().collect::<Vec<_>>().join(" ");
        if value.is_empty() {
            return;
        }
        let range = text.get(range.clone()).map(|source| {
            let lead = source.len() - source.trim_start().len();
            range.start + lead..range.start + source.trim_end().len()
        });
        self.title = Some(Stated { value, range });
    }

    /// Keeps the range of a JSON-LD script's source text.
    pub fn on_ld_json(&mut self, range: Range<usize>) {
        if self.ld_scripts.len() < MAX_SCRIPTS {
            self.ld_scripts.push(range);
        }
    }

    /// The first `<meta>` with this key.
    pub fn meta(&self, key: &str) -> Option<&Stated> {
        self.metas
            .iter()
            .find(|(k, v)| k == key && !v.value.is_empty())
            .map(|(_, v)| v)
    }

    /// Every `<meta>` with this key, in page order.
    pub fn metas<'a>(&'a self, key: &'a str) -> impl Iterator<Item = &'a Stated> + 'a {
        self.metas
            .iter()
            .filter(move |(k, v)| k == key && !v.value.is_empty())
            .map(|(_, v)| v)
    }

    /// The page's own title: `og:title`, else `<title>` without a trailing site name.
    pub fn title(&self, text: &str) -> Option<Stated> {
        if let Some(og) = self.meta("og:title") {
            let og = Stated {
                value: og.value.split_whitespace().collect::<Vec<_>>().join(" "),
                range: og.range.clone(),
            };
            return Some(strip_site_name(&og, text));
        }
        self.title.as_ref().map(|t| strip_site_name(t, text))
    }

    /// The title as stated, site name and all: `og:title`, else `<title>`.
    pub fn full_title(&self) -> Option<String> {
        self.meta("og:title")
            .map(|s| s.value.as_str())
            .or_else(|| self.title.as_ref().map(|t| t.value.as_str()))
            .map(|v| v.split_whitespace().collect::<Vec<_>>().join(" "))
    }

    /// The canonical URL: `<link rel=canonical>`, else `og:url`.
    pub fn url(&self) -> Option<String> {
        let absolute = |u: &&str| u.starts_with("http://") || u.starts_with("https://");
        self.canonical
            .as_deref()
            .filter(absolute)
            .or_else(|| {
                self.meta("og:url")
                    .map(|s| s.value.as_str())
                    .filter(absolute)
            })
            .map(str::to_string)
    }
}

fn is_kept_key(key: &str) -> bool {
    META_KEYS.contains(&key)
        || META_PREFIXES.iter().any(|p| key.starts_with(p))
        || is_publication_key(key)
}

/// Whether a `<meta>` key not among the known ones still names a publication date
/// (`sw-pubdate`, `cxenseparse:publishtime`, `publish-datetime`).
pub fn is_publication_key(key: &str) -> bool {
    (key.contains("pubdate") || key.contains("publish"))
        && !["modif", "updat", "publisher", "expir"]
            .iter()
            .any(|w| key.contains(w))
}

/// Whether a class or id names a byline: a `byline` anywhere, or an `author` part that is not an
/// author's biography or list of articles.
fn names_byline(class: &str) -> bool {
    class.split_ascii_whitespace().any(|token| {
        // A comment's author is not the article's.
        if ["comment", "reply", "respond"]
            .iter()
            .any(|w| token.contains(w))
        {
            return false;
        }
        let parts: Vec<&str> = token.split(['-', '_']).collect();
        token.contains("byline")
            || (parts
                .iter()
                .any(|p| matches!(*p, "author" | "authors" | "autor" | "autorin" | "auteur"))
                && !parts.iter().any(|p| {
                    matches!(
                        *p,
                        "bio"
                            | "box"
                            | "about"
                            | "info"
                            | "description"
                            | "avatar"
                            | "image"
                            | "img"
                            | "photo"
                            | "posts"
                            | "more"
                            | "list"
                            | "social"
                    )
                }))
    })
}

/// Whether a class or id names a date shown as text.
fn names_date(class: &str) -> bool {
    class
        .split_ascii_whitespace()
        .any(|token| DATE_NAME.is_match(token) && !NOT_DATE_NAME.is_match(token))
}

/// Words of a class token naming a publication date, matched case-insensitively in one pass.
static DATE_NAME: LazyLock<AhoCorasick> = LazyLock::new(|| {
    super::names::matcher(&[
        "date",
        "datum",
        "fecha",
        "time",
        "posted",
        "published",
        "publish",
    ])
});
/// Words that make a date-like class token name something else.
static NOT_DATE_NAME: LazyLock<AhoCorasick> = LazyLock::new(|| {
    super::names::matcher(&[
        "update", "modified", "timeline", "runtime", "times", "timer",
    ])
});

fn names_published(class: &str) -> bool {
    [
        "publish",
        "posted",
        "created",
        "pubdate",
        "entry-date",
        "post-date",
    ]
    .iter()
    .any(|w| class.contains(w))
}

fn names_modified(class: &str) -> bool {
    ["updated", "modified", "update"]
        .iter()
        .any(|w| class.contains(w))
}

/// Separators between a page title and the site name after it.
const SITE_SEPARATORS: &[&str] = &[" | ", " - ", " – ", " — ", " :: ", " · ", " » ", " / "];

/// Removes a trailing " | Site" or " - Site" when it is shorter than the title before it.
/// (The range of an `og:title` is its attribute's, where entities may stand for characters: the
/// separator is looked for in the source, as for a `<title>`.)
fn strip_site_name(title: &Stated, text: &str) -> Stated {
    let value = &title.value;
    let cut = SITE_SEPARATORS
        .iter()
        .filter_map(|sep| value.rfind(sep).map(|at| (at, *sep)))
        .max_by_key(|&(at, _)| at);
    let Some((at, sep)) = cut else {
        return title.clone();
    };
    let (head, site) = (&value[..at], &value[at + sep.len()..]);
    if head.trim().is_empty() || site.chars().count() >= head.chars().count() {
        return title.clone();
    }
    // The source may hold entities or line breaks: find the separator there too.
    let range = title.range.clone().map(|r| {
        let source = text.get(r.clone()).unwrap_or("");
        let trimmed = sep.trim();
        match source.rfind(trimmed) {
            Some(pos) => r.start..r.start + source[..pos].trim_end().len(),
            None => r,
        }
    });
    Stated {
        value: head.trim().to_string(),
        range,
    }
}

/// The site name a `<title>` ends with, if it has one.
pub fn title_site_name(title: &str) -> Option<&str> {
    let (at, sep) = SITE_SEPARATORS
        .iter()
        .filter_map(|sep| title.rfind(sep).map(|at| (at, *sep)))
        .max_by_key(|&(at, _)| at)?;
    let (head, site) = (title.get(..at)?, title.get(at + sep.len()..)?);
    (!head.trim().is_empty() && site.chars().count() < head.chars().count())
        .then_some(site.trim())
        .filter(|s| !s.is_empty())
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn site_name_is_stripped() {
        let text = "Rates rise again | The Daily";
        let t = Stated {
            value: text.to_string(),
            range: Some(0..text.len()),
        };
        let s = strip_site_name(&t, text);
        assert_eq!(s.value, "Rates rise again");
        assert_eq!(s.range, Some(0..16));
        let t = Stated {
            value: "A - B".to_string(),
            range: None,
        };
        assert_eq!(strip_site_name(&t, "").value, "A - B");
        assert_eq!(title_site_name(text), Some("The Daily"));
    }

    #[test]
    fn byline_names() {
        assert!(names_byline("byline"));
        assert!(names_byline("post-author vcard"));
        assert!(names_byline("article__author"));
        assert!(!names_byline("author-bio"));
        assert!(!names_byline("about-the-author"));
        assert!(!names_byline("authority"));
        assert!(!names_byline("comment-author vcard"));
        assert!(names_date("itempostdate"));
        assert!(names_date("entry-date published"));
        assert!(!names_date("last-updated"));
    }
}
