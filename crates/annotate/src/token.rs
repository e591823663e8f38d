//! Tokens with byte offsets into the text, split the way news treebanks split them.
//!
//! Whitespace separates chunks; each chunk then gives up its leading and trailing punctuation
//! (quotes, brackets, commas, a final period), English contractions (`n't`, `'s`, `'ll`...) and
//! inner dashes (`--`, `—`). A final period stays on the word when the word is a known
//! abbreviation (`Mr.`, `Feb.`, `Gen.`, `No.`), an initial (`J.`) or a dotted acronym (`U.S.`,
//! `p.m.`); numbers keep their inner commas and periods (`1,200.50`). Never panics: every offset
//! lies on a character boundary of the text.

use crate::abbrev;

/// One token: the half-open byte range `start..end` of the text it came from.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash)]
pub struct Token {
    /// Byte offset of the first byte.
    pub start: usize,
    /// Byte offset one past the last byte.
    pub end: usize,
}

impl Token {
    /// The token's text within `text` (the string it was made from); empty if out of range.
    pub fn text<'a>(&self, text: &'a str) -> &'a str {
        text.get(self.start..self.end).unwrap_or("")
    }
}

/// Splits `text` into tokens, in order, none empty, none overlapping.
pub fn tokenize(text: &str) -> Vec<Token> {
    let mut out = Vec::with_capacity(text.len() / 5 + 1);
    let mut chunk_start = None;
    for (i, c) in text.char_indices() {
        if c.is_whitespace() || c.is_control() {
            if let Some(s) = chunk_start.take() {
                split_chunk(text, s, i, &mut out);
            }
        } else if chunk_start.is_none() {
            chunk_start = Some(i);
        }
    }
    if let Some(s) = chunk_start {
        split_chunk(text, s, text.len(), &mut out);
    }
    out
}

/// Characters split off the front of a chunk, one token each.
fn is_leading(c: char) -> bool {
    matches!(
        c,
        '"' | '\'' | '(' | '[' | '{' | '<' | '«' | '“' | '‘' | '„' | '`' | '¿' | '¡' | '*'
    )
}

/// Characters split off the end of a chunk, one token each.
fn is_trailing(c: char) -> bool {
    matches!(
        c,
        '"' | '\'' | ')' | ']' | '}' | '>' | '»' | '”' | '’' | ',' | ';' | ':' | '!' | '?' | '*'
    )
}

/// Splits the whitespace-free chunk `text[s..e]` into tokens appended to `out`.
fn split_chunk(text: &str, s: usize, e: usize, out: &mut Vec<Token>) {
    // Inner dashes first: "word--word", "word—word" are three tokens.
    let chunk = &text[s..e];
    if let Some((at, len)) = find_dash(chunk) {
        if at > 0 {
            split_chunk(text, s, s + at, out);
        }
        out.push(Token {
            start: s + at,
            end: s + at + len,
        });
        if s + at + len < e {
            split_chunk(text, s + at + len, e, out);
        }
        return;
    }
    let (mut s, mut e) = (s, e);
    // Leading punctuation, except an apostrophe opening a contraction or a year ('96).
    while let Some(c) = text[s..e].chars().next() {
        if !is_leading(c) || (is_apostrophe(c) && keeps_leading_apostrophe(&text[s..e])) {
            break;
        }
        if s + c.len_utf8() == e {
            break;
        }
        out.push(Token {
            start: s,
            end: s + c.len_utf8(),
        });
        s += c.len_utf8();
    }
    // Trailing punctuation, collected in reverse.
    let mut tail: Vec<Token> = Vec::new();
    loop {
        let word = &text[s..e];
        if word.ends_with("...") && word.len() > 3 {
            tail.push(Token {
                start: e - 3,
                end: e,
            });
            e -= 3;
            continue;
        }
        let Some(c) = word.chars().next_back() else {
            break;
        };
        if word.len() == c.len_utf8() {
            break;
        }
        if c == '…' || (is_trailing(c) && !(is_apostrophe(c) && keeps_trailing_apostrophe(word)))
        {
            tail.push(Token {
                start: e - c.len_utf8(),
                end: e,
            });
            e -= c.len_utf8();
            continue;
        }
        if c == '.' && !keeps_period(&word[..word.len() - 1]) {
            tail.push(Token {
                start: e - 1,
                end: e,
            });
            e -= 1;
            continue;
        }
        break;
    }
    if s < e {
        let word = &text[s..e];
        match contraction_at(word) {
            Some(at) if at > 0 => {
                out.push(Token {
                    start: s,
                    end: s + at,
                });
                out.push(Token {
                    start: s + at,
                    end: e,
                });
            }
            _ => out.push(Token { start: s, end: e }),
        }
    }
    out.extend(tail.into_iter().rev());
}

fn is_apostrophe(c: char) -> bool {
    c == '\'' || c == '’' || c == '‘'
}

/// Byte offset and length of the first inner dash (`--`, `—`, `―`) in `chunk`.
fn find_dash(chunk: &str) -> Option<(usize, usize)> {
    if chunk.len() < 2 {
        return None;
    }
    let mut best: Option<(usize, usize)> = None;
    for pat in ["--", "—", "―"] {
        if let Some(at) = chunk.find(pat) {
            let mut len = pat.len();
            if pat == "--" {
                len = chunk[at..].bytes().take_while(|&b| b == b'-').count();
            }
            if best.is_none_or(|(b, _)| at < b) {
                best = Some((at, len));
            }
        }
    }
    best.filter(|&(at, len)| !(at == 0 && len == chunk.len()))
}

/// Whether a chunk starting with an apostrophe keeps it: `'s`, `'re`, `'96`, `'em`.
fn keeps_leading_apostrophe(word: &str) -> bool {
    let rest: String = word
        .chars()
        .skip(1)
        .take_while(|c| c.is_alphanumeric())
        .collect();
    let lower = rest.to_lowercase();
    matches!(
        lower.as_str(),
        "s" | "re" | "ve" | "ll" | "d" | "m" | "t" | "em" | "n"
    ) || (rest.len() == 2 && rest.bytes().all(|b| b.is_ascii_digit()))
}

/// Whether a trailing apostrophe belongs to the word: `rock 'n'` style; plural possessives split.
fn keeps_trailing_apostrophe(word: &str) -> bool {
    word == "'n'" || word == "’n’"
}

/// Whether `stem` (the word before a final period) keeps the period.
fn keeps_period(stem: &str) -> bool {
    if stem.is_empty() {
        return false;
    }
    if abbrev::is_abbreviation(stem) {
        return true;
    }
    // Initials and dotted acronyms: "J", "U.S", "p.m", "e.g".
    let mut letters = 0;
    for part in stem.split('.') {
        let mut chars = part.chars();
        match (chars.next(), chars.next()) {
            (Some(c), None) if c.is_alphabetic() => letters += 1,
            _ => return false,
        }
    }
    (letters == 1 && stem.chars().all(|c| c.is_uppercase())) || letters > 1
}

/// Byte offset where a contraction suffix starts in `word`: `do|n't`, `John|'s`, `we|'ll`.
fn contraction_at(word: &str) -> Option<usize> {
    let lower = word.to_lowercase();
    if lower.len() != word.len() {
        return None;
    }
    for suffix in ["n't", "n’t"] {
        if lower.ends_with(suffix) && lower.len() > suffix.len() {
            return Some(word.len() - suffix.len());
        }
    }
    for suffix in [
        "'s", "'re", "'ve", "'ll", "'d", "'m", "’s", "’re", "’ve", "’ll", "’d", "’m",
    ] {
        if lower.ends_with(suffix) && lower.len() > suffix.len() {
            let at = word.len() - suffix.len();
            let before = word[..at].chars().next_back();
            if before.is_some_and(|c| c.is_alphanumeric() || c == '.') {
                return Some(at);
            }
        }
    }
    None
}

#[cfg(test)]
mod tests {
    use super::*;

    fn words(text: &str) -> Vec<&str> {
        tokenize(text).iter().map(|t| t.text(text)).collect()
    }

    #[test]
    fn splits_punctuation_and_keeps_offsets() {
        let text = "Hello, world (again)!";
        let toks = tokenize(text);
        assert_eq!(words(text), ["Hello", ",", "world", "(", "again", ")", "!"]);
        assert_eq!(toks[0], Token { start: 0, end: 5 });
        assert_eq!(toks[6], Token { start: 20, end: 21 });
    }

    #[test]
    fn keeps_abbreviations_initials_and_acronyms() {
        assert_eq!(
            words("Mr. Smith met Gen. Lee on Feb. 3 in the U.S. capital."),
            [
                "Mr.", "Smith", "met", "Gen.", "Lee", "on", "Feb.", "3", "in", "the", "U.S.",
                "capital", "."
            ]
        );
        assert_eq!(words("Antony J. Blinken"), ["Antony", "J.", "Blinken"]);
        assert_eq!(words("No. 10 at 3 p.m."), ["No.", "10", "at", "3", "p.m."]);
    }

    #[test]
    fn splits_quotes_and_contractions() {
        assert_eq!(
            words("\"We don't know,\" he said of Clinton's plan."),
            [
                "\"", "We", "do", "n't", "know", ",", "\"", "he", "said", "of", "Clinton", "'s",
                "plan", "."
            ]
        );
        assert_eq!(words("“Yes.”"), ["“", "Yes", ".", "”"]);
        assert_eq!(words("the '96 season"), ["the", "'96", "season"]);
    }

    #[test]
    fn keeps_numbers_and_splits_dashes() {
        assert_eq!(
            words("$1,200.50 rose 3.5%--a record—again..."),
            [
                "$1,200.50",
                "rose",
                "3.5%",
                "--",
                "a",
                "record",
                "—",
                "again",
                "..."
            ]
        );
        assert_eq!(words("well-known 1996-08-22"), ["well-known", "1996-08-22"]);
    }

    #[test]
    fn odd_text_never_panics() {
        for text in [
            "",
            " ",
            "'",
            "\"\"",
            "...",
            "—",
            "--",
            "a.",
            ".",
            "é.",
            "'s",
            "\u{0}x\u{7f}",
            "’’’",
            "Ü.S.",
        ] {
            let toks = tokenize(text);
            for t in &toks {
                assert!(
                    t.start < t.end
                        && text.is_char_boundary(t.start)
                        && text.is_char_boundary(t.end)
                );
            }
        }
    }
}
