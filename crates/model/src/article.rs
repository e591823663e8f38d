//! A clean article: title, captions, paragraphs, date, language, provenance and what was removed.

use chrono::NaiveDate;
use serde::{Deserialize, Serialize};

use crate::{
    AmountRecord, ArticleMeta, DateRecord, EntityRecord, EventRecord, Provenance, QuoteRecord, Span,
};

/// Stable identifier of an article: a hash of its normalised title and paragraphs, so the same
/// article read from two inputs (or twice from one) gets the same id.
#[derive(Debug, Clone, PartialEq, Eq, Hash, PartialOrd, Ord, Serialize, Deserialize)]
#[serde(transparent)]
pub struct ArticleId(pub String);

impl ArticleId {
    /// Hex digits kept from the hash: 64 bits, ample for a single corpus.
    const HEX_LEN: usize = 16;

    /// Hashes the normalised content: letters and digits lowercased, every run of anything else
    /// folded to one space, so quotes, dashes and spacing variants give the same id.
    pub fn from_content<'a>(
        title: Option<&str>,
        paragraphs: impl IntoIterator<Item = &'a str>,
    ) -> Self {
        let mut hasher = blake3::Hasher::new();
        let mut buf = String::new();
        normalise_into(title.unwrap_or(""), &mut buf);
        buf.push('\n');
        for paragraph in paragraphs {
            normalise_into(paragraph, &mut buf);
            buf.push('\n');
            if buf.len() > 1 << 16 {
                hasher.update(buf.as_bytes());
                buf.clear();
            }
        }
        hasher.update(buf.as_bytes());
        let hex = hasher.finalize().to_hex();
        ArticleId(hex[..Self::HEX_LEN].to_string())
    }

    pub fn as_str(&self) -> &str {
        &self.0
    }
}

impl std::fmt::Display for ArticleId {
    fn fmt(&self, f: &mut std::fmt::Formatter<'_>) -> std::fmt::Result {
        f.write_str(&self.0)
    }
}

fn normalise_into(text: &str, out: &mut String) {
    let mut pending_space = false;
    for ch in text.chars() {
        if ch.is_alphanumeric() {
            if pending_space && !out.is_empty() && !out.ends_with('\n') {
                out.push(' ');
            }
            pending_space = false;
            if ch.is_ascii() {
                out.push(ch.to_ascii_lowercase());
            } else {
                out.extend(ch.to_lowercase());
            }
        } else {
            pending_space = true;
        }
    }
}

/// A piece of article text (paragraph, caption, title) with the span it was taken from.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
pub struct Block {
    pub text: String,
    pub span: Span,
}

/// Why a line of the input was not kept in the article.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash, Serialize, Deserialize)]
#[serde(rename_all = "kebab-case")]
pub enum RemovalReason {
    /// Matches the curated list of platform boilerplate ("Source link", "Leave a Reply", ...).
    BoilerplatePhrase,
    /// Repeated across many documents of the same source.
    RepeatedInSource,
    /// A repeat of the title.
    RepeatedTitle,
    /// A repeat of a caption already kept.
    RepeatedCaption,
    /// A repeat of a paragraph already kept.
    RepeatedParagraph,
    /// A stray fragment too short to carry meaning ("TT").
    Fragment,
    /// Navigation, link lists, bylines, share bars and other page furniture outside the article body.
    PageFurniture,
    /// Comment-form or comment-section text.
    Comments,
}

impl RemovalReason {
    pub fn as_str(self) -> &'static str {
        match self {
            RemovalReason::BoilerplatePhrase => "boilerplate-phrase",
            RemovalReason::RepeatedInSource => "repeated-in-source",
            RemovalReason::RepeatedTitle => "repeated-title",
            RemovalReason::RepeatedCaption => "repeated-caption",
            RemovalReason::RepeatedParagraph => "repeated-paragraph",
            RemovalReason::Fragment => "fragment",
            RemovalReason::PageFurniture => "page-furniture",
            RemovalReason::Comments => "comments",
        }
    }

    pub fn parse(text: &str) -> Option<Self> {
        ALL_REASONS.iter().copied().find(|r| r.as_str() == text)
    }
}

const ALL_REASONS: [RemovalReason; 8] = [
    RemovalReason::BoilerplatePhrase,
    RemovalReason::RepeatedInSource,
    RemovalReason::RepeatedTitle,
    RemovalReason::RepeatedCaption,
    RemovalReason::RepeatedParagraph,
    RemovalReason::Fragment,
    RemovalReason::PageFurniture,
    RemovalReason::Comments,
];

/// A line of input left out of the article, with the reason.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
pub struct RemovedLine {
    pub text: String,
    pub span: Span,
    pub reason: RemovalReason,
}

/// Where an article's publication date was read.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Serialize, Deserialize)]
#[serde(rename_all = "kebab-case")]
pub enum DateSource {
    /// Stated by the input's metadata (JSONL `date`, HTML meta tags).
    Metadata,
    /// A date line near the title ("Published March 3, 2021").
    DateLine,
    /// A dateline opening the first paragraph ("KYIV, Feb. 28, 2023 (Reuters) -").
    Dateline,
    /// A photo caption ("... in Astana, February 28, 2023. (Reuters)").
    Caption,
}

/// The text a publication date was read from.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
pub struct DateEvidence {
    pub source: DateSource,
    pub text: String,
    pub span: Option<Span>,
}

/// A clean news article.
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
pub struct Article {
    pub id: ArticleId,
    pub title: Option<Block>,
    pub captions: Vec<Block>,
    pub paragraphs: Vec<Block>,
    /// ISO 639-3 code of the body's language, when it can be told.
    pub language: Option<String>,
    /// Publication date, only when the input states it.
    pub published: Option<NaiveDate>,
    pub published_evidence: Option<DateEvidence>,
    /// Publisher: stated source name, URL host, or input directory.
    pub source: String,
    pub url: Option<String>,
    /// Every place this article was read from; more than one when inputs repeat it.
    pub provenance: Vec<Provenance>,
    pub removed: Vec<RemovedLine>,
    /// What the page states besides the text: subtitle, authors, times, site, section, tags, image.
    #[serde(default)]
    pub meta: ArticleMeta,
    /// Named entities with their mentions, roles and places; empty when not annotated.
    #[serde(default)]
    pub entities: Vec<EntityRecord>,
    /// Time expressions, resolved against `published`; empty when not annotated.
    #[serde(default)]
    pub dates: Vec<DateRecord>,
    /// Amounts of money, percentages and counts; empty when not annotated.
    #[serde(default)]
    pub amounts: Vec<AmountRecord>,
    /// Quotes with their speakers; empty when not annotated.
    #[serde(default)]
    pub quotes: Vec<QuoteRecord>,
    /// Events between actors; empty when not annotated.
    #[serde(default)]
    pub events: Vec<EventRecord>,
}

impl Article {
    /// Recomputes the id from the content.
    pub fn content_id(title: Option<&Block>, paragraphs: &[Block]) -> ArticleId {
        ArticleId::from_content(
            title.map(|t| t.text.as_str()),
            paragraphs.iter().map(|p| p.text.as_str()),
        )
    }

    pub fn title_text(&self) -> Option<&str> {
        self.title.as_ref().map(|t| t.text.as_str())
    }

    /// Paragraphs joined by blank lines.
    pub fn body_text(&self) -> String {
        let mut text = String::new();
        for (i, paragraph) in self.paragraphs.iter().enumerate() {
            if i > 0 {
                text.push_str("\n\n");
            }
            text.push_str(&paragraph.text);
        }
        text
    }

    pub fn word_count(&self) -> usize {
        self.paragraphs
            .iter()
            .map(|p| p.text.split_whitespace().count())
            .sum()
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn id_ignores_punctuation_and_case() {
        let a = ArticleId::from_content(Some("Talks ‘Based on Trust’"), ["Iran said so —  today."]);
        let b = ArticleId::from_content(Some("talks 'based on trust'"), ["Iran said so - today"]);
        assert_eq!(a, b);
        assert_eq!(a.as_str().len(), 16);
        let c = ArticleId::from_content(Some("talks"), ["based on trust Iran said so today"]);
        assert_ne!(a, c);
    }

    #[test]
    fn reasons_round_trip() {
        for reason in ALL_REASONS {
            assert_eq!(RemovalReason::parse(reason.as_str()), Some(reason));
        }
    }
}
