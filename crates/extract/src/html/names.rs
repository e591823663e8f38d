//! What the `class`, `id`, `role` and `itemprop` names of an element say about it: the article's
//! container, page furniture (navigation, share bars, bylines, comments, related links, ...), or
//! nothing.
//!
//! Site templates name their parts after widespread conventions (WordPress's `entry-content`,
//! `entry-meta`, `comments-area`; schema.org's `itemprop=articleBody`), so these names are strong,
//! general evidence. Names are read per class token, and per hyphen- or underscore-separated part
//! for short words, so `canvas` is not a `nav` and `lead-paragraph` not an `ad`.

use std::sync::LazyLock;

use aho_corasick::{AhoCorasick, AhoCorasickKind};

/// Finds any of [`FURNITURE_WORDS`] in one pass: every class token of every element is tested,
/// and one substring search per word was a fifth of the extractor's time.
static FURNITURE_MATCHER: LazyLock<AhoCorasick> = LazyLock::new(|| matcher(FURNITURE_WORDS));
/// Finds any of [`CONTENT_TOKENS`] in one pass.
static CONTENT_MATCHER: LazyLock<AhoCorasick> = LazyLock::new(|| matcher(CONTENT_TOKENS));

/// One automaton finding any of `words` anywhere in a name, ASCII case ignored.
pub(super) fn matcher(words: &[&str]) -> AhoCorasick {
    AhoCorasick::builder()
        .kind(Some(AhoCorasickKind::DFA))
        .ascii_case_insensitive(true)
        .build(words)
        .expect("a fixed list of short words always builds")
}

/// What an element's names say.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Named {
    /// Names the article's text container (`article-body`, `entry-content`, `articleBody`).
    Content,
    /// Names page furniture.
    Furniture,
    /// Names a caption or photo credit (`wp-caption-text`, `image-caption`).
    Caption,
    /// Says nothing either way.
    Neutral,
}

/// Words that mark furniture wherever they appear in a class token.
const FURNITURE_WORDS: &[&str] = &[
    "comment",
    "share",
    "sharing",
    "social",
    "related",
    "newsletter",
    "cookie",
    "subscri",
    "footer",
    "sidebar",
    "widget-area",
    "widget_area",
    "widgetarea",
    "menu",
    "breadcrumb",
    "popup",
    "modal",
    "byline",
    "author",
    "rating",
    "timestamp",
    "taboola",
    "outbrain",
    "consent",
    "syndication",
    "viral",
    "recommend",
    "navigation",
    "navbar",
    "pagination",
    "toolbar",
    "signup",
    "sign-up",
    "most-popular",
    "mostpopular",
    "trending",
    "disqus",
    "akismet",
    "lightbox",
    "tag-list",
    "taglist",
    "noprint",
    "skiplink",
    "skip-link",
    "screen-reader",
    "sr-only",
    "visually-hidden",
];

/// Whole parts (between `-` and `_`) of a class token that mark furniture.
const FURNITURE_PARTS: &[&str] = &[
    "nav",
    "ad",
    "ads",
    "advert",
    "advertisement",
    "banner",
    "meta",
    "tags",
    "tagcloud",
    "print",
    "btn",
    "button",
    "icon",
    "icons",
    "reply",
    "respond",
    "sponsor",
    "promo",
    "promos",
    "promotion",
    "sponsored",
    "next",
    "prev",
    "previous",
    "pager",
    "credit",
    "credits",
    "bio",
    "infobox",
    "infoline",
];

/// Class tokens (lowercase, whole) that name the article's text container.
const CONTENT_TOKENS: &[&str] = &[
    "article-body",
    "article__body",
    "articlebody",
    "article-content",
    "article__content",
    "articlecontent",
    "article-text",
    "articletext",
    "article_body",
    "article_content",
    "entry-content",
    "entry_content",
    "entrycontent",
    "entry-body",
    "post-content",
    "post_content",
    "postcontent",
    "post-body",
    "post_body",
    "postbody",
    "post-entry",
    "post-text",
    "post_text",
    "story-body",
    "story-content",
    "storycontent",
    "story-text",
    "body-text",
    "bodytext",
    "text-content",
    "main-content",
    "maincontent",
    "content-body",
    "content__body",
    "contentbody",
    "page-content",
    "blog-content",
    "single-content",
    "field-body",
    "fulltext",
    "rich-text",
    "richtext",
    "wysiwyg",
];

/// What a `class` or `id` value says.
///
/// A token naming the content container wins over furniture tokens of the same element
/// (`article-body share-enabled` is content); a single token that names both, such as
/// `article-meta` or `comment-content`, is furniture.
pub fn classify(value: &str) -> Named {
    let lower = value.to_ascii_lowercase();
    let mut furniture = false;
    let mut caption = false;
    let mut entry = false;
    for token in lower.split_ascii_whitespace() {
        if is_taxonomy_token(token) {
            continue;
        }
        // The hAtom microformat's root of a post: the post itself, whatever else it is called.
        entry |= matches!(token, "hentry" | "h-entry");
        let token_furniture = is_furniture_token(token);
        if !token_furniture && CONTENT_MATCHER.is_match(token) {
            return Named::Content;
        }
        furniture |= token_furniture;
        caption |= token
            .split(['-', '_'])
            .any(|part| matches!(part, "caption" | "captions" | "figcaption" | "captiontext"));
    }
    if caption {
        Named::Caption
    } else if furniture && !entry {
        Named::Furniture
    } else {
        Named::Neutral
    }
}

/// Prefixes of the classes content systems derive from a post's taxonomy and state
/// (`tag-social-media`, `category-sharing-economy`, `postid-42`): they say what the post is about,
/// not what the element is.
const TAXONOMY_PREFIXES: &[&str] = &[
    "tag-",
    "category-",
    "format-",
    "status-",
    "type-",
    "postid-",
    "page-id-",
    "parent-pageid-",
    "topic-",
    "section-",
];

fn is_taxonomy_token(token: &str) -> bool {
    TAXONOMY_PREFIXES.iter().any(|p| token.starts_with(p))
        || token
            .strip_prefix("post-")
            .is_some_and(|rest| rest.bytes().all(|b| b.is_ascii_digit()))
}

/// Whole class tokens that hide or mark furniture. Responsive utilities such as `hidden-xs` and
/// Drupal's `field--label-hidden` hide one size or one label, not the element, so only these
/// exact tokens count.
const FURNITURE_TOKENS: &[&str] = &[
    "hidden",
    "hide",
    "is-hidden",
    "u-hidden",
    "d-none",
    "read-more",
    "readmore",
    "more-link",
    "post-date",
    "entry-date",
    "posted-on",
];

fn is_furniture_token(token: &str) -> bool {
    FURNITURE_TOKENS.contains(&token)
        || FURNITURE_MATCHER.is_match(token)
        || token
            .split(['-', '_'])
            .any(|part| FURNITURE_PARTS.contains(&part))
}

/// What a `role` attribute says: ARIA landmarks for navigation, side content and page footers.
pub fn classify_role(value: &str) -> Named {
    match value.trim().to_ascii_lowercase().as_str() {
        "navigation" | "complementary" | "contentinfo" | "banner" | "menu" | "menubar"
        | "search" | "dialog" | "alertdialog" | "toolbar" => Named::Furniture,
        "main" | "article" => Named::Content,
        _ => Named::Neutral,
    }
}

/// What an `itemtype` attribute says: a schema.org article type is the article, never furniture;
/// a comment is furniture.
pub fn classify_itemtype(value: &str) -> Named {
    let kind = value.rsplit('/').next().unwrap_or("").trim();
    match kind {
        "Article"
        | "NewsArticle"
        | "BlogPosting"
        | "ReportageNewsArticle"
        | "AnalysisNewsArticle"
        | "OpinionNewsArticle"
        | "ReviewNewsArticle"
        | "ScholarlyArticle"
        | "TechArticle"
        | "Report"
        | "Review"
        | "Recipe" => Named::Neutral,
        "Comment"
        | "UserComments"
        | "SiteNavigationElement"
        | "WPSideBar"
        | "WPFooter"
        | "WPHeader"
        | "BreadcrumbList" => Named::Furniture,
        _ => Named::Neutral,
    }
}

/// Whether an `itemtype` names an article (which is then never taken for furniture).
pub fn is_article_itemtype(value: &str) -> bool {
    let kind = value.rsplit('/').next().unwrap_or("").trim();
    kind.ends_with("Article") || matches!(kind, "BlogPosting" | "Report" | "Review" | "Recipe")
}

/// What an `itemprop` attribute says.
pub fn classify_itemprop(value: &str) -> Named {
    let lower = value.to_ascii_lowercase();
    if lower
        .split_ascii_whitespace()
        .any(|p| p == "articlebody" || p == "text" || p == "reviewbody")
    {
        Named::Content
    } else if lower
        .split_ascii_whitespace()
        .any(|p| p == "author" || p == "publisher" || p == "comment" || p == "breadcrumb")
    {
        Named::Furniture
    } else {
        Named::Neutral
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn names() {
        assert_eq!(classify("comments-area"), Named::Furniture);
        assert_eq!(classify("site-nav"), Named::Furniture);
        assert_eq!(classify("ad-slot"), Named::Furniture);
        assert_eq!(classify("entry-meta"), Named::Furniture);
        assert_eq!(classify("article-meta"), Named::Furniture);
        assert_eq!(classify("canvas"), Named::Neutral);
        assert_eq!(classify("lead-paragraph"), Named::Neutral);
        assert_eq!(classify("headline"), Named::Neutral);
        assert_eq!(classify("article-body share-enabled"), Named::Content);
        assert_eq!(classify("Entry-Content clearfix"), Named::Content);
        assert_eq!(classify("comment-content"), Named::Furniture);
        assert_eq!(classify("wp-caption-text"), Named::Caption);
        assert_eq!(classify("f_caption_on"), Named::Caption);
        assert_eq!(classify("f_captionless"), Named::Neutral);
        assert_eq!(classify("field field--label-hidden"), Named::Neutral);
        assert_eq!(classify("hidden-xs"), Named::Neutral);
        assert_eq!(classify("node node--promoted"), Named::Neutral);
        assert_eq!(classify("elementor-widget-container"), Named::Neutral);
        assert_eq!(classify("hidden"), Named::Furniture);
        assert_eq!(
            classify("post-7908 post type-post hentry category-social tag-sharing"),
            Named::Neutral
        );
        assert_eq!(classify_role("navigation"), Named::Furniture);
        assert_eq!(classify_itemprop("articleBody"), Named::Content);
        assert_eq!(classify("entry author-carlos hentry"), Named::Neutral);
        assert!(is_article_itemtype("http://schema.org/BlogPosting"));
        assert_eq!(
            classify_itemtype("https://schema.org/Comment"),
            Named::Furniture
        );
    }
}
