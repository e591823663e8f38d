//! The article as event extraction reads it: tokens of the joined text, their lower-case forms,
//! the entity mention and role title each token belongs to, and the way from tokens back to
//! [`TextSpan`]s.

use crate::entities::{ArticleEntities, ArticleText, BlockRef, TextSpan};
use crate::token::{tokenize, Token};

/// Tokens of an article's joined text with what the entities say about each.
#[derive(Debug)]
pub(crate) struct Doc<'a> {
    pub text: &'a str,
    pub article: &'a ArticleText,
    pub entities: &'a ArticleEntities,
    pub tokens: Vec<Token>,
    lower: Vec<String>,
    /// The mention (index into `entities.mentions`) covering each token.
    mention: Vec<Option<usize>>,
    /// Whether each token is part of a role title ("Secretary of State").
    title: Vec<bool>,
    /// The joined-text byte range of each mention.
    mention_spans: Vec<Option<(usize, usize)>>,
    /// The country (alpha-2) each entity's place resolved to, by entity index.
    places: &'a [Option<&'static str>],
}

impl<'a> Doc<'a> {
    pub fn new(
        article: &'a ArticleText,
        entities: &'a ArticleEntities,
        places: &'a [Option<&'static str>],
    ) -> Self {
        let text = article.text();
        let tokens = tokenize(text);
        let lower = tokens.iter().map(|t| t.text(text).to_lowercase()).collect();
        let starts = block_starts(article);
        let joined = |span: &TextSpan| {
            starts
                .iter()
                .find(|(b, _)| *b == span.block)
                .map(|(_, s)| (s + span.start, s + span.end))
        };
        let mention_spans: Vec<Option<(usize, usize)>> =
            entities.mentions.iter().map(|m| joined(&m.span)).collect();
        let mut mention = vec![None; tokens.len()];
        for (m, span) in mention_spans.iter().enumerate() {
            if let Some((start, end)) = *span {
                let range = token_range(&tokens, start, end);
                if let Some(slots) = mention.get_mut(range) {
                    slots.fill(Some(m));
                }
            }
        }
        let mut title = vec![false; tokens.len()];
        for role in &entities.roles {
            if let Some((start, end)) = joined(&role.span) {
                let range = token_range(&tokens, start, end);
                if let Some(slots) = title.get_mut(range) {
                    slots.fill(true);
                }
            }
        }
        Doc {
            text,
            article,
            entities,
            tokens,
            lower,
            mention,
            title,
            mention_spans,
            places,
        }
    }

    /// The joined-text byte range of mention `m`.
    pub fn mention_span(&self, m: usize) -> Option<(usize, usize)> {
        self.mention_spans.get(m).copied().flatten()
    }

    /// The country (alpha-2) of entity `e`: the one the entities give, else the one its place
    /// resolved to.
    pub fn entity_country(&self, e: usize) -> Option<&'static str> {
        self.entities
            .entities
            .get(e)
            .and_then(|entity| entity.country)
            .or_else(|| self.places.get(e).copied().flatten())
    }

    /// Token `i` as written; empty past the end.
    pub fn word(&self, i: usize) -> &'a str {
        self.tokens.get(i).map(|t| t.text(self.text)).unwrap_or("")
    }

    /// Token `i` in lower case; empty past the end.
    pub fn lower(&self, i: usize) -> &str {
        self.lower.get(i).map(String::as_str).unwrap_or("")
    }

    /// The lower-case tokens `a..b`.
    pub fn lower_range(&self, a: usize, b: usize) -> Vec<&str> {
        (a..b).map(|i| self.lower(i)).collect()
    }

    /// The mention covering token `i`.
    pub fn mention(&self, i: usize) -> Option<usize> {
        self.mention.get(i).copied().flatten()
    }

    /// Whether token `i` belongs to a role title.
    pub fn in_title(&self, i: usize) -> bool {
        self.title.get(i).copied().unwrap_or(false)
    }

    /// The text of tokens `a..b` as written.
    pub fn slice(&self, a: usize, b: usize) -> &'a str {
        match (
            self.tokens.get(a),
            b.checked_sub(1).and_then(|l| self.tokens.get(l)),
        ) {
            (Some(first), Some(last)) if a < b => {
                self.text.get(first.start..last.end).unwrap_or("")
            }
            _ => "",
        }
    }

    /// Where tokens `a..b` are in the article.
    pub fn span(&self, a: usize, b: usize) -> Option<TextSpan> {
        let first = self.tokens.get(a)?;
        let last = self.tokens.get(b.checked_sub(1)?)?;
        self.article.locate(first.start, last.end)
    }
}

/// The tokens lying inside the byte range `start..end`.
fn token_range(tokens: &[Token], start: usize, end: usize) -> std::ops::Range<usize> {
    let first = tokens.partition_point(|t| t.start < start);
    let last = tokens.partition_point(|t| t.end <= end);
    first..last.max(first)
}

/// Where each block starts in the joined text: at its start, or after a blank line.
fn block_starts(article: &ArticleText) -> Vec<(BlockRef, usize)> {
    let text = article.text();
    let candidates = std::iter::once(0).chain(text.match_indices("\n\n").map(|(i, s)| i + s.len()));
    candidates
        .filter_map(|at| {
            article
                .locate(at, at)
                .filter(|span| span.start == 0)
                .map(|span| (span.block, at))
        })
        .collect()
}
