//! Sentences over tokens, with byte offsets into the text.
//!
//! A sentence ends at `.`, `!`, `?`, `...` or `…` (with any closing quotes and brackets that
//! follow) when the next token does not start in lower case, at an abbreviation that may close a
//! sentence (`Inc.`, `U.S.`) before a typical sentence starter, and always at a blank line.
//! Titles, months, initials and `No.` never end one, so "Antony J. Blinken" and "Gen. Lee" stay
//! whole.

use std::ops::Range;

use crate::abbrev;
use crate::token::Token;

/// One sentence: its byte range in the text and the range of its tokens.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Sentence {
    /// Byte offset of the first token's first byte.
    pub start: usize,
    /// Byte offset one past the last token's last byte.
    pub end: usize,
    /// Indices of its tokens in the token list.
    pub tokens: Range<usize>,
}

/// Groups `tokens` (from [`crate::tokenize`] on `text`) into sentences; every token lies in
/// exactly one sentence and no sentence is empty.
pub fn split_sentences(text: &str, tokens: &[Token]) -> Vec<Sentence> {
    let mut out = Vec::new();
    let mut first = 0;
    let mut i = 0;
    while i < tokens.len() {
        let mut end = i + 1;
        let word = tokens[i].text(text);
        let terminal = is_terminal(word);
        let next_word = |k: usize| tokens.get(k).map(|t| t.text(text)).unwrap_or("");
        let boundary = if terminal {
            // Closing quotes and brackets belong to the sentence they close.
            while end < tokens.len() && closes(text, tokens, end) {
                end += 1;
            }
            let next = next_word(end);
            end >= tokens.len() || !starts_lowercase(next)
        } else if word.ends_with('.') && word.len() > 1 {
            abbrev::may_end_sentence(word, next_word(end))
        } else {
            false
        };
        if boundary || end >= tokens.len() || gap_has_blank_line(text, tokens, end) {
            out.push(make(tokens, first..end));
            first = end;
        }
        i = end;
    }
    out
}

fn make(tokens: &[Token], range: Range<usize>) -> Sentence {
    Sentence {
        start: tokens[range.start].start,
        end: tokens[range.end - 1].end,
        tokens: range,
    }
}

fn is_terminal(word: &str) -> bool {
    matches!(word, "." | "!" | "?" | "..." | "…" | "?!" | "!?")
}

/// Whether token `k` closes the sentence before it: a closing bracket or curly quote, or a
/// straight quote written right against the previous token.
fn closes(text: &str, tokens: &[Token], k: usize) -> bool {
    match tokens[k].text(text) {
        ")" | "]" | "”" | "’" | "»" => !gap_has_blank_line(text, tokens, k),
        "\"" | "'" | "''" => k > 0 && tokens[k - 1].end == tokens[k].start,
        _ => false,
    }
}

fn starts_lowercase(word: &str) -> bool {
    word.chars().next().is_some_and(|c| c.is_lowercase())
}

/// Whether the whitespace before token `k` holds a blank line (a paragraph break).
fn gap_has_blank_line(text: &str, tokens: &[Token], k: usize) -> bool {
    if k == 0 || k >= tokens.len() {
        return false;
    }
    let gap = text.get(tokens[k - 1].end..tokens[k].start).unwrap_or("");
    let mut newlines = 0;
    for c in gap.chars() {
        if c == '\n' {
            newlines += 1;
            if newlines >= 2 {
                return true;
            }
        } else if !c.is_whitespace() {
            newlines = 0;
        }
    }
    false
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::token::tokenize;

    fn sentences(text: &str) -> Vec<&str> {
        let tokens = tokenize(text);
        split_sentences(text, &tokens)
            .iter()
            .map(|s| &text[s.start..s.end])
            .collect()
    }

    #[test]
    fn splits_on_terminal_punctuation() {
        assert_eq!(
            sentences("It rained. Then it stopped! Why? Nobody knows..."),
            ["It rained.", "Then it stopped!", "Why?", "Nobody knows..."]
        );
    }

    #[test]
    fn abbreviations_and_initials_do_not_split() {
        assert_eq!(
            sentences("Mr. Smith and Gen. Lee met Antony J. Blinken on Feb. 3. They spoke."),
            [
                "Mr. Smith and Gen. Lee met Antony J. Blinken on Feb. 3.",
                "They spoke."
            ]
        );
        assert_eq!(
            sentences("He lives at No. 10 Downing St. in London."),
            ["He lives at No. 10 Downing St. in London."]
        );
    }

    #[test]
    fn acronym_can_close_a_sentence() {
        assert_eq!(
            sentences("He moved to the U.S. The move was hard. The U.S. Treasury agreed."),
            [
                "He moved to the U.S.",
                "The move was hard.",
                "The U.S. Treasury agreed."
            ]
        );
    }

    #[test]
    fn closing_quotes_stay_with_their_sentence() {
        assert_eq!(
            sentences("\"We won,\" he said. \"It was hard.\" She left."),
            ["\"We won,\" he said.", "\"It was hard.\"", "She left."]
        );
    }

    #[test]
    fn blank_lines_break_and_lowercase_continues() {
        assert_eq!(
            sentences("Headline here\n\nBody text. more text"),
            ["Headline here", "Body text. more text"]
        );
    }

    #[test]
    fn every_token_in_one_sentence() {
        for text in ["", "...", ". . .", "a. B", "\"\n\n\"", "U.S.", "Mr."] {
            let tokens = tokenize(text);
            let sents = split_sentences(text, &tokens);
            let covered: usize = sents.iter().map(|s| s.tokens.len()).sum();
            assert_eq!(covered, tokens.len());
            assert!(sents.iter().all(|s| !s.tokens.is_empty()));
        }
    }
}
