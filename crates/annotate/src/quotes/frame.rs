//! The working state of quote finding: the article's joined text with its tokens, sentences,
//! blocks, quoted stretches and entity mentions, all in byte offsets of the joined text, and the
//! draft attributions the rules build.

use std::collections::HashMap;

use super::lexicon::{bare_cue, cue, CueWord};
use super::marks::{quoted, Quoted};
use super::types::QuoteKind;
use crate::entities::{ArticleEntities, ArticleText, BlockRef, EntityType, TextSpan};
use crate::sentence::{split_sentences, Sentence};
use crate::token::{tokenize, Token};

/// An entity mention placed in the joined text.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub(crate) struct Placed {
    pub start: usize,
    pub end: usize,
    pub entity: usize,
    pub kind: EntityType,
}

/// The article as quote finding reads it.
#[derive(Debug)]
pub(crate) struct Frame<'a> {
    pub article: &'a ArticleText,
    pub entities: &'a ArticleEntities,
    pub text: &'a str,
    pub tokens: Vec<Token>,
    /// Lower-case text of each token.
    pub lower: Vec<String>,
    pub sentences: Vec<Sentence>,
    /// Sentence index of each token.
    pub sentence_of: Vec<usize>,
    /// Joined-text ranges of the non-empty blocks, in order.
    pub blocks: Vec<(usize, usize)>,
    /// Quoted stretches of every block, in order.
    pub quoted: Vec<Quoted>,
    /// Entity mentions in text order.
    pub mentions: Vec<Placed>,
}

/// A byte range of the joined text.
pub(crate) type Range = (usize, usize);

/// An attribution being built.
#[derive(Debug, Clone, PartialEq, Eq)]
pub(crate) struct Draft {
    pub kind: QuoteKind,
    /// Content pieces in text order.
    pub pieces: Vec<Range>,
    pub cue: Option<(Range, &'static str)>,
    pub speaker: Option<Range>,
    pub addressee: Option<Range>,
    /// For a partial quote: index of the enclosing draft.
    pub within: Option<usize>,
    /// End of the attribution's frame (cue and speaker): a quote right after it continues it.
    pub frame_end: usize,
}

impl Draft {
    /// First byte of the content.
    pub fn start(&self) -> usize {
        self.pieces.first().map_or(0, |p| p.0)
    }

    /// Bytes of the content inside `range`.
    pub fn shared_with(&self, range: Range) -> usize {
        self.pieces
            .iter()
            .map(|p| p.1.min(range.1).saturating_sub(p.0.max(range.0)))
            .sum()
    }

    /// Last byte of the content.
    pub fn end(&self) -> usize {
        self.pieces.last().map_or(0, |p| p.1)
    }
}

impl<'a> Frame<'a> {
    pub fn new(article: &'a ArticleText, entities: &'a ArticleEntities) -> Self {
        let text = article.text();
        let tokens = tokenize(text);
        let lower = tokens.iter().map(|t| t.text(text).to_lowercase()).collect();
        let sentences = split_sentences(text, &tokens);
        let mut sentence_of = vec![0; tokens.len()];
        for (k, s) in sentences.iter().enumerate() {
            for slot in sentence_of.get_mut(s.tokens.clone()).into_iter().flatten() {
                *slot = k;
            }
        }
        let blocks = block_ranges(article);
        let mut quoted_all = Vec::new();
        for &(s, e) in &blocks {
            for q in quoted(text.get(s..e).unwrap_or("")) {
                quoted_all.push(Quoted {
                    start: q.start + s,
                    end: q.end + s,
                    open: q.open,
                });
            }
        }
        let starts: HashMap<BlockRef, usize> = blocks
            .iter()
            .filter_map(|&(s, _)| article.locate(s, s).map(|span| (span.block, s)))
            .collect();
        let mentions = entities
            .mentions
            .iter()
            .filter_map(|m| {
                let base = *starts.get(&m.span.block)?;
                Some(Placed {
                    start: base + m.span.start,
                    end: base + m.span.end,
                    entity: m.entity,
                    kind: m.kind,
                })
            })
            .collect();
        Frame {
            article,
            entities,
            text,
            tokens,
            lower,
            sentences,
            sentence_of,
            blocks,
            quoted: quoted_all,
            mentions,
        }
    }

    /// The lower-case text of token `i`, or "" past the end.
    pub fn word(&self, i: usize) -> &str {
        self.lower.get(i).map_or("", String::as_str)
    }

    /// The cue token `k` opens, with the words it spans; `None` where its form reads as a plural
    /// noun ("a dozen states", "the claims", "United States").
    pub fn cue_at(&self, k: usize) -> Option<(CueWord, usize)> {
        let Some(found) = cue(self.word(k), self.word(k + 1)) else {
            return k
                .checked_sub(1)
                .filter(|&b| makes_verb(self.word(b)))
                .and_then(|_| bare_cue(self.word(k), self.word(k + 1)));
        };
        let noun_form = found.1 == 1 && self.word(k).ends_with('s') && self.word(k) != "says";
        if noun_form && k > 0 && takes_noun(self.word(k - 1), self.written(k - 1)) {
            return None;
        }
        Some(found)
    }

    /// The text of token `i` as written.
    pub fn written(&self, i: usize) -> &str {
        self.tokens.get(i).map_or("", |t| t.text(self.text))
    }

    /// Index of the first token starting at or after byte `at`.
    pub fn token_from(&self, at: usize) -> usize {
        self.tokens.partition_point(|t| t.start < at)
    }

    /// The token range of the sentence holding token `i`.
    pub fn sentence_tokens(&self, i: usize) -> std::ops::Range<usize> {
        self.sentence_of
            .get(i)
            .and_then(|&s| self.sentences.get(s))
            .map_or(i..i, |s| s.tokens.clone())
    }

    /// The joined-text range of a block span, if its block is in the article.
    pub fn place(&self, span: &TextSpan) -> Option<Range> {
        let &(base, end) = self.blocks.iter().find(|&&(s, _)| {
            self.article
                .locate(s, s)
                .is_some_and(|at| at.block == span.block)
        })?;
        let start = base + span.start;
        (start <= base + span.end && base + span.end <= end).then_some((start, base + span.end))
    }

    /// The quoted stretch holding byte `at`, if any.
    pub fn quote_at(&self, at: usize) -> Option<&Quoted> {
        holding(&self.quoted, at, |q| (q.start, q.end))
    }

    /// The mention whose span holds byte `at`.
    pub fn mention_at(&self, at: usize) -> Option<&Placed> {
        holding(&self.mentions, at, |m| (m.start, m.end))
    }

    /// Whether token `i` is punctuation only.
    pub fn is_punct(&self, i: usize) -> bool {
        let w = self.written(i);
        !w.is_empty() && w.chars().all(|c| !c.is_alphanumeric())
    }

    /// Whether token `i` ends a sentence.
    pub fn is_terminal(&self, i: usize) -> bool {
        matches!(self.written(i), "." | "!" | "?" | "..." | "…")
    }

    /// Whether token `i` is a quotation mark.
    pub fn is_mark(&self, i: usize) -> bool {
        matches!(
            self.written(i),
            "\"" | "“" | "”" | "„" | "«" | "»" | "''" | "``" | "'" | "`"
        ) || self
            .tokens
            .get(i)
            .and_then(|t| self.quote_at(t.start))
            .is_some_and(|q| q.start == self.tokens[i].start || q.end == self.tokens[i].end)
    }
}

/// The item of `items` (sorted by start, not overlapping) whose byte range holds `at`.
fn holding<T>(items: &[T], at: usize, range: impl Fn(&T) -> Range) -> Option<&T> {
    let i = items.partition_point(|x| range(x).0 <= at).checked_sub(1)?;
    let item = &items[i];
    (at < range(item).1).then_some(item)
}

/// The joined-text ranges of the article's non-empty blocks.
fn block_ranges(article: &ArticleText) -> Vec<Range> {
    let len = article.text().len();
    let mut out = Vec::new();
    let mut at = 0;
    while at < len {
        match article.block_range(at) {
            Some((s, e)) if e > at => {
                out.push((s, e));
                at = e;
            }
            _ => at += 1,
        }
    }
    out
}

/// Whether a word (lower case, and as written) before an "-s" form makes it a noun: a
/// determiner, quantifier, possessive, number or "United".
fn takes_noun(lower: &str, written: &str) -> bool {
    written.starts_with(|c: char| c.is_ascii_digit())
        || matches!(
            lower,
            "the"
                | "a"
                | "an"
                | "these"
                | "those"
                | "some"
                | "many"
                | "several"
                | "few"
                | "all"
                | "both"
                | "his"
                | "her"
                | "their"
                | "its"
                | "our"
                | "my"
                | "your"
                | "dozen"
                | "two"
                | "three"
                | "four"
                | "five"
                | "ten"
                | "other"
                | "such"
                | "no"
                | "new"
                | "more"
                | "most"
                | "of"
                | "united"
                | "any"
                | "whose"
                | "recent"
                | "media"
                | "news"
                | "earlier"
                | "previous"
                | "similar"
                | "false"
                | "unconfirmed"
        )
}

/// Words after which a bare lemma is a verb: "to suggest", "would want", "did not express",
/// "they fear".
fn makes_verb(word: &str) -> bool {
    matches!(
        word,
        "to" | "will"
            | "would"
            | "can"
            | "could"
            | "should"
            | "may"
            | "might"
            | "must"
            | "do"
            | "does"
            | "did"
            | "not"
            | "n't"
            | "never"
            | "they"
            | "we"
            | "i"
            | "you"
            | "don't"
            | "don’t"
            | "didn't"
            | "didn’t"
            | "doesn't"
            | "doesn’t"
            | "won't"
            | "won’t"
    )
}
