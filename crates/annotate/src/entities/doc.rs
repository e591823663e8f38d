//! The working state of entity annotation: the article's joined text with its tokens and
//! sentences, and the draft mentions the later steps repair, type, group and give roles.
//!
//! Drafts are byte ranges of the joined text; every step keeps them sorted, non-overlapping,
//! non-empty and on character boundaries ([`normalise`]).

use std::ops::Range;

use super::text::ArticleText;
use super::types::{BlockKind, EntityType};
use crate::sentence::{split_sentences, Sentence};
use crate::token::{tokenize, Token};

/// The article's text, tokens and sentences.
#[derive(Debug)]
pub(crate) struct Doc<'a> {
    pub article: &'a ArticleText,
    pub text: &'a str,
    pub tokens: Vec<Token>,
    pub sentences: Vec<Sentence>,
    /// Sentence index of each token.
    sentence_of: Vec<usize>,
}

/// A mention being worked on.
#[derive(Debug, Clone, PartialEq, Eq)]
pub(crate) struct Draft {
    pub start: usize,
    pub end: usize,
    pub kind: EntityType,
    /// Country of a GPE or NORP, once typed.
    pub country: Option<&'static str>,
    /// Byte range of an honorific before the name.
    pub honorific: Option<(usize, usize)>,
    /// Set by a rule that knows better than the tagger (acronym definitions, credits); later
    /// retyping leaves it alone.
    pub fixed: bool,
    /// Named as the head of a government: "the Biden administration".
    pub governs: bool,
}

impl Draft {
    pub fn new(start: usize, end: usize, kind: EntityType) -> Self {
        Draft {
            start,
            end,
            kind,
            country: None,
            honorific: None,
            fixed: false,
            governs: false,
        }
    }

    /// The mention's text.
    pub fn text<'t>(&self, text: &'t str) -> &'t str {
        text.get(self.start..self.end).unwrap_or("")
    }
}

impl<'a> Doc<'a> {
    pub fn new(article: &'a ArticleText) -> Self {
        let text = article.text();
        let tokens = tokenize(text);
        let sentences = split_sentences(text, &tokens);
        let mut sentence_of = vec![0; tokens.len()];
        for (k, s) in sentences.iter().enumerate() {
            for slot in sentence_of.get_mut(s.tokens.clone()).into_iter().flatten() {
                *slot = k;
            }
        }
        Doc {
            article,
            text,
            tokens,
            sentences,
            sentence_of,
        }
    }

    /// The text of token `i` ("" past the end).
    pub fn word(&self, i: usize) -> &'a str {
        self.tokens.get(i).map_or("", |t| t.text(self.text))
    }

    /// Index of the first token starting at or after byte `at`.
    pub fn token_from(&self, at: usize) -> usize {
        self.tokens.partition_point(|t| t.start < at)
    }

    /// The tokens lying inside `start..end`.
    pub fn tokens_in(&self, start: usize, end: usize) -> Range<usize> {
        let first = self.token_from(start);
        let last = self.tokens.partition_point(|t| t.end <= end);
        first..last.max(first)
    }

    /// Text from the start of token `a` to the end of token `b - 1`.
    pub fn span_text(&self, a: usize, b: usize) -> &'a str {
        match (
            self.tokens.get(a),
            b.checked_sub(1).and_then(|k| self.tokens.get(k)),
        ) {
            (Some(x), Some(y)) if x.start <= y.end => self.text.get(x.start..y.end).unwrap_or(""),
            _ => "",
        }
    }

    /// Byte range from the start of token `a` to the end of token `b - 1`.
    pub fn byte_range(&self, a: usize, b: usize) -> Option<(usize, usize)> {
        let x = self.tokens.get(a)?;
        let y = self.tokens.get(b.checked_sub(1)?)?;
        (x.start <= y.end).then_some((x.start, y.end))
    }

    /// Sentence index of token `i`.
    pub fn sentence_of(&self, i: usize) -> usize {
        self.sentence_of.get(i).copied().unwrap_or(usize::MAX)
    }

    /// The token range of the sentence holding token `i`.
    pub fn sentence_tokens(&self, i: usize) -> Range<usize> {
        self.sentences
            .get(self.sentence_of(i))
            .map_or(0..0, |s| s.tokens.clone())
    }

    /// The kind of block holding byte `at`.
    pub fn block_kind(&self, at: usize) -> Option<BlockKind> {
        self.article.kind_at(at)
    }

    /// Whether tokens `a` and `a + 1` are separated by nothing but one or more spaces.
    pub fn spaced(&self, a: usize) -> bool {
        match (self.tokens.get(a), self.tokens.get(a + 1)) {
            (Some(x), Some(y)) => self
                .text
                .get(x.end..y.start)
                .is_some_and(|gap| !gap.is_empty() && gap.chars().all(|c| c == ' ')),
            _ => false,
        }
    }
}

/// Sorts drafts, drops empty ones and those off character boundaries or outside one block, and
/// of overlapping drafts keeps the earlier (then the longer).
pub(crate) fn normalise(doc: &Doc, drafts: &mut Vec<Draft>) {
    drafts.retain(|d| {
        d.start < d.end
            && doc.text.is_char_boundary(d.start)
            && doc.text.is_char_boundary(d.end)
            && d.end <= doc.text.len()
            && doc
                .article
                .block_range(d.start)
                .is_some_and(|(_, end)| d.end <= end)
    });
    drafts.sort_by(|a, b| a.start.cmp(&b.start).then(b.end.cmp(&a.end)));
    let mut last_end = 0;
    drafts.retain(|d| {
        let keep = d.start >= last_end;
        if keep {
            last_end = d.end;
        }
        keep
    });
}

/// Whether a word starts with an upper-case letter.
pub(crate) fn capitalised(word: &str) -> bool {
    word.chars().next().is_some_and(char::is_uppercase)
}

/// Removes drafts overlapping `start..end`, then adds `draft`.
pub(crate) fn replace_overlapping(doc: &Doc, drafts: &mut Vec<Draft>, draft: Draft) {
    drafts.retain(|d| d.end <= draft.start || d.start >= draft.end);
    drafts.push(draft);
    normalise(doc, drafts);
}
