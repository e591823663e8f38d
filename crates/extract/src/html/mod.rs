//! HTML pages: a simple structure-based article extractor and a visible-text renderer.
//!
//! Both rest on one streaming pass of the html5gum tokenizer ([`walk`]), with no DOM tree: a page
//! nested a hundred thousand levels deep, or missing half its end tags, costs the same linear time
//! and bounded stack as a tidy one. Text positions come from the tokenizer's spans, which are
//! offsets into the decoded document; the extractor maps them back to raw bytes.
//! - [`tags`]: what each element means for layout and for the extractor;
//! - [`names`]: what `class`, `id`, `role` and `itemprop` names say (content, furniture, caption);
//! - [`lines`]: whitespace collapsing and line layout, with each line's range;
//! - [`walk`]: the tokenizer pass and the stack of open elements;
//! - [`meta`]: what the page states about itself, collected during the walk (`<meta>`, JSON-LD,
//!   `<time>`, bylines), read by [`json`] and [`ld`], weighed by [`describe`] with [`stamp`] for
//!   dates and [`authors`] for names;
//! - [`region`]: the article's container, the subtree whose lines add up to the most prose;
//! - [`prune`] and [`boiler`]: furniture inside that container (prompts, related sections, credits);
//! - [`extract`]: the article assembled from all of the above.

mod authors;
mod boiler;
mod describe;
mod extract;
mod json;
mod lang;
mod ld;
mod lines;
mod meta;
mod names;
mod prune;
mod region;
mod render;
mod stamp;
mod tags;
mod walk;

#[cfg(test)]
mod meta_tests;
#[cfg(test)]
mod robust_tests;
#[cfg(test)]
mod tests;

/// Extracts the article of an HTML page.
///
/// The title is `og:title`, else `<title>` without a trailing site name, else the first `<h1>`;
/// the paragraphs are the lines of the container whose prose outweighs its links and furniture
/// (with its prose siblings and the standfirst under the title), less the prompts, credits and
/// "related" sections inside it; captions come from `<figcaption>` and caption-named elements and
/// stay apart from the paragraphs; the publication date is the most trusted plausible one the page
/// states (see [`extract_page_with_meta`]). Every block's span is a range of the raw document. A
/// page with no article text yields no article and a `NoArticle` diagnostic.
pub fn extract_page(
    doc: &chancery_model::RawDoc,
    config: &crate::ExtractConfig,
) -> crate::Extraction {
    extract::extract_page(doc, config).0
}

/// [`extract_page`], with what the page states about its article besides the text: subtitle,
/// authors, publication and update times, site name, canonical URL, section, tags, lead image.
///
/// Sources, most trusted first: for dates, `<meta>` publication dates (OpenGraph `article:*`
/// and the others, in page order), JSON-LD, microdata and marked `<time>` elements, the URL
/// (`/2023/02/28/`), dates shown in date-named elements, plain `<time>` elements, a date shown
/// near the title or the body's start, the modification date when that is all the page states,
/// and finally a short date line anywhere; for authors, JSON-LD (`@graph` and references
/// followed), `article:author`, other `<meta>` tags (`author`, `dc.creator`, `parsely-author`,
/// `sailthru.author`, ...), then bylines (`itemprop=author`, `rel=author`, `byline` classes).
/// Dates before 1990 or after the fetch date (when the provenance knows it) are never taken; an
/// update is never before the publication. Authors are cleaned of "By", roles, reading times,
/// handles and the site's own name, split at "and" in several languages, and deduplicated.
///
/// The metadata is returned even when the page holds no article text. Its publication day is the
/// one set on the article.
pub fn extract_page_with_meta(
    doc: &chancery_model::RawDoc,
    config: &crate::ExtractConfig,
) -> (crate::Extraction, chancery_model::ArticleMeta) {
    extract::extract_page(doc, config)
}

/// All visible text of a page as a scraper that saved the page as text would produce it.
///
/// Text outside `<head>`, `<script>`, `<style>`, `<noscript>`, `<template>`, `<svg>`, `<iframe>`,
/// `<select>` and `[hidden]` elements; one line per block element, inline elements joined within
/// the line as the source spaces them; entities decoded; whitespace collapsed within a line; a
/// blank line around paragraphs and headings, never two in a row; table cells separated by tabs.
pub fn visible_text(html: &str) -> String {
    render::visible_text(html)
}
