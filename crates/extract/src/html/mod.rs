//! HTML pages: a simple structure-based article extractor and a visible-text renderer.
//!
//! Both rest on one streaming pass of the html5gum tokenizer ([`walk`]), with no DOM tree: a page
//! nested a hundred thousand levels deep, or missing half its end tags, costs the same linear time
//! and bounded stack as a tidy one. Text positions come from the tokenizer's spans, which are
//! offsets into the decoded document; the extractor maps them back to raw bytes.
//! - [`tags`]: what each element means for layout and for the extractor;
//! - [`lines`]: whitespace collapsing and line layout, with each line's range;
//! - [`walk`]: the tokenizer pass and the stack of open elements;
//! - [`meta`]: title, dates, URL and language the page states;
//! - [`region`]: the densest content region, the article body;
//! - [`extract`]: the article assembled from all of the above.

mod extract;
mod lang;
mod lines;
mod meta;
mod region;
mod render;
mod tags;
mod walk;

#[cfg(test)]
mod tests;

/// Extracts the article of an HTML page (simple, structure-based; a stronger extractor will
/// replace it later).
///
/// The title is `og:title`, else `<title>` without a trailing site name, else the first `<h1>`;
/// the paragraphs are the blocks of the densest content region, page furniture left out; captions
/// come from `<figcaption>`; the date from publication-time metadata, JSON-LD or `<time datetime>`.
/// Every block's span is a range of the raw document. A page with no article text yields no
/// article and a `NoArticle` diagnostic.
pub fn extract_page(
    doc: &chancery_model::RawDoc,
    config: &crate::ExtractConfig,
) -> crate::Extraction {
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
