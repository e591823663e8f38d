//! A small word scanner shared by the amount and time rules: runs of letters, runs of digits
//! (with inner thousands commas and decimal points) and single punctuation characters, each with
//! its byte range, its lower-cased text and whether space or a line break precedes it.
//!
//! Letters and digits are split apart ("1990s" is `1990` + `s`, "5m" is `5` + `m`) and hyphens
//! stand alone, so the rules can read "two-year", "mid-November" and "€5bn" as token sequences and
//! check `gap` where the spelling matters. Never panics: every offset lies on a character boundary.

use compact_str::CompactString;

/// What a token is made of.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub(crate) enum Kind {
    /// Letters (any script).
    Word,
    /// ASCII digits, possibly with inner `,` thousands separators and one decimal point.
    Num,
    /// Any other single character.
    Punct,
}

/// One scanned token.
#[derive(Debug, Clone)]
pub(crate) struct Tok {
    /// Byte offset of the first byte.
    pub start: usize,
    /// Byte offset one past the last byte.
    pub end: usize,
    /// What it is made of.
    pub kind: Kind,
    /// The text, lower-cased; inline up to 24 bytes, as nearly every token is, so scanning
    /// allocates once per text rather than once per token.
    pub low: CompactString,
    /// Whether whitespace lies between this token and the previous one.
    pub gap: bool,
    /// Whether a line break lies between this token and the previous one.
    pub newline: bool,
    /// Whether the first character is upper case.
    pub cap: bool,
}

impl Tok {
    /// Whether this is a word token spelled `w` (lower case).
    pub fn is(&self, w: &str) -> bool {
        self.low == w
    }

    /// Whether this is a punctuation token for `c`.
    pub fn is_punct(&self, c: char) -> bool {
        self.kind == Kind::Punct && self.low.starts_with(c)
    }

    /// The number of digits of a number token without separators (0 for other tokens).
    pub fn digits(&self) -> usize {
        if self.kind == Kind::Num {
            self.low.bytes().filter(u8::is_ascii_digit).count()
        } else {
            0
        }
    }

    /// The integer value of a plain digit run (no separators), if it fits.
    pub fn int(&self) -> Option<i64> {
        if self.kind == Kind::Num && self.low.bytes().all(|b| b.is_ascii_digit()) {
            self.low.parse().ok()
        } else {
            None
        }
    }
}

/// Scans `text` into tokens, in order, none empty, none overlapping.
pub(crate) fn scan(text: &str) -> Vec<Tok> {
    let bytes = text.as_bytes();
    let mut out = Vec::with_capacity(text.len() / 4 + 1);
    let mut gap = true;
    let mut newline = true;
    let mut iter = text.char_indices().peekable();
    while let Some((i, c)) = iter.next() {
        if c.is_whitespace() || c.is_control() {
            gap = true;
            newline |= c == '\n' || c == '\r';
            continue;
        }
        let (end, kind) = if c.is_ascii_digit() {
            (number_end(bytes, i), Kind::Num)
        } else if c.is_alphabetic() {
            let mut end = i + c.len_utf8();
            while let Some(&(j, d)) = iter.peek() {
                if !d.is_alphabetic() {
                    break;
                }
                end = j + d.len_utf8();
                iter.next();
            }
            (end, Kind::Word)
        } else {
            (i + c.len_utf8(), Kind::Punct)
        };
        // Skip the characters a number run consumed.
        while let Some(&(j, _)) = iter.peek() {
            if j >= end {
                break;
            }
            iter.next();
        }
        let s = &text[i..end];
        out.push(Tok {
            start: i,
            end,
            kind,
            low: lower(s),
            gap,
            newline,
            cap: c.is_uppercase(),
        });
        gap = false;
        newline = false;
    }
    out
}

/// `s` lower-cased, without a heap allocation when it is short.
fn lower(s: &str) -> CompactString {
    if s.is_ascii() {
        let mut low = CompactString::from(s);
        low.make_ascii_lowercase();
        low
    } else {
        CompactString::from(s.to_lowercase())
    }
}

/// The end of a digit run starting at `i`: digits, with `,ddd` groups and one `.d+` fraction.
fn number_end(bytes: &[u8], i: usize) -> usize {
    let digits_from = |mut k: usize| {
        while k < bytes.len() && bytes[k].is_ascii_digit() {
            k += 1;
        }
        k
    };
    let mut end = digits_from(i);
    let mut seen_point = false;
    loop {
        let sep = bytes.get(end).copied();
        let next = digits_from(end + 1);
        match sep {
            Some(b',') if !seen_point && next == end + 4 => end = next,
            Some(b'.') if !seen_point && next > end + 1 => {
                seen_point = true;
                end = next;
            }
            _ => return end,
        }
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    fn lows(text: &str) -> Vec<String> {
        scan(text).into_iter().map(|t| t.low.to_string()).collect()
    }

    #[test]
    fn splits_letters_digits_and_punctuation() {
        assert_eq!(lows("$1.25 billion"), ["$", "1.25", "billion"]);
        assert_eq!(
            lows("the 1990s, 60%-enriched"),
            ["the", "1990", "s", ",", "60", "%", "-", "enriched"]
        );
        assert_eq!(
            lows("£300,000 on 2023-02-28."),
            ["£", "300,000", "on", "2023", "-", "02", "-", "28", "."]
        );
        assert_eq!(lows("1,20 and 5.")[0], "1");
    }

    #[test]
    fn records_gaps_and_case() {
        let t = scan("Feb. 24\nnext");
        assert!(t[0].cap && !t[1].gap && t[2].gap && t[3].newline);
        assert_eq!(&"Feb. 24\nnext"[t[2].start..t[2].end], "24");
    }
}
