//! ECB+ tokens joined back into readable text, with a map from every text byte to the bytes of
//! its token in the file.
//!
//! The corpus stores text tokenised Penn-Treebank style ("Reid 's", "`` Scrubs ''", "$ 1
//! million"). Joined with plain spaces it reads badly and quotes, possessives and amounts are
//! not recognised downstream, so the join follows how the tokens were split: no space before
//! closing punctuation and clitics, none after opening brackets and currency signs, straight
//! quotes paired, PTB quote pairs written as curly quotes, hyphens rejoined in documents whose
//! tokeniser split them ("hit - and - run"), and the URL line some documents open with written
//! without spaces. One sentence is one paragraph.

use std::borrow::Cow;

use super::tokens::Token;

/// The joined text of one document.
#[derive(Debug, Default)]
pub(crate) struct Joined {
    pub(crate) text: String,
    /// `(text offset, file offset)` anchors as [`chancery_model::OffsetMap::Anchors`] reads them.
    pub(crate) anchors: Vec<(u64, u64)>,
    /// The URL the document opens with (ECB+ documents state where they were fetched from).
    pub(crate) url: Option<String>,
    /// Some token bytes were not UTF-8 and were replaced with U+FFFD.
    pub(crate) replaced: bool,
}

/// Joins `tokens` (found in `bytes`) into text: sentences as paragraphs separated by a blank line.
pub(crate) fn join(bytes: &[u8], tokens: &[Token]) -> Joined {
    let words: Vec<Cow<'_, str>> = tokens
        .iter()
        .map(|t| decode(&bytes[t.raw.clone()]).0)
        .collect();
    let mut out = Joined::default();
    let mut state = State {
        splits_hyphens: !words.iter().any(|w| has_inner_hyphen(w)),
        ..State::default()
    };
    let mut start = 0;
    while start < tokens.len() {
        let sentence = tokens[start].sentence;
        let end = start
            + tokens[start..]
                .iter()
                .take_while(|t| t.sentence == sentence)
                .count();
        if !out.text.is_empty() {
            out.text.push_str("\n\n");
        }
        let paragraph_start = out.text.len();
        let is_url = start == 0 && is_url_start(&words[start]);
        let mut glue_next = true;
        for i in start..end {
            let piece = if is_url {
                Piece::plain()
            } else {
                let prev = i.checked_sub(1).map(|p| &*words[p]);
                classify(&words[i], prev, words.get(i + 1).map(|n| &**n), &mut state)
            };
            if !(glue_next || piece.glue_before) {
                out.text.push(' ');
            }
            // A closing mark or clitic glued to the word before: the boundary between them
            // belongs to that word, so a span ending there (a name before "'s") ends in its token.
            let attach = !is_url && piece.glue_before && !glue_next && i > start;
            glue_next = is_url || piece.glue_after;
            out.push_token(bytes, &tokens[i], piece.replacement, attach);
        }
        if is_url {
            out.url = Some(out.text[paragraph_start..].to_string());
        }
        start = end;
    }
    out
}

/// How one token is written.
#[derive(Debug, Clone, Copy, Default)]
struct Piece {
    glue_before: bool,
    glue_after: bool,
    /// Written instead of the token's own text (curly quotes for PTB quote pairs).
    replacement: Option<&'static str>,
}

impl Piece {
    fn plain() -> Piece {
        Piece::default()
    }
    fn closing() -> Piece {
        Piece {
            glue_before: true,
            ..Piece::default()
        }
    }
    fn opening() -> Piece {
        Piece {
            glue_after: true,
            ..Piece::default()
        }
    }
}

/// What the join knows beyond one token: which quotes are open, so a straight quote can be told
/// opening from closing, and whether the document's tokeniser split hyphenated words.
#[derive(Debug, Default)]
struct State {
    double: bool,
    single: bool,
    /// No token holds a hyphen between letters or digits: a lone `-` between two words was one.
    /// Where some token does ("energy-rich"), a lone `-` is a dash and keeps its spaces.
    splits_hyphens: bool,
}

/// "energy-rich", "20-13": a hyphen with a letter or digit on each side.
fn has_inner_hyphen(word: &str) -> bool {
    word.as_bytes()
        .windows(3)
        .any(|w| w[1] == b'-' && w[0].is_ascii_alphanumeric() && w[2].is_ascii_alphanumeric())
}

/// Contractions and possessives the tokeniser splits off after an apostrophe.
const CLITICS: &[&str] = &["s", "t", "re", "ve", "ll", "d", "m"];

fn classify(word: &str, prev: Option<&str>, next: Option<&str>, quotes: &mut State) -> Piece {
    let next_is_clitic = next.is_some_and(|n| CLITICS.iter().any(|c| n.eq_ignore_ascii_case(c)));
    match word {
        "``" => Piece {
            replacement: Some("\u{201C}"),
            ..Piece::opening()
        },
        "''" => Piece {
            replacement: Some("\u{201D}"),
            ..Piece::closing()
        },
        "\u{201C}" => Piece::opening(),
        "\u{201D}" => Piece::closing(),
        "\"" => {
            quotes.double = !quotes.double;
            if quotes.double {
                Piece::opening()
            } else {
                Piece::closing()
            }
        }
        // "Lohan ’ s": an apostrophe split from its word on both sides.
        "'" | "\u{2019}" if next_is_clitic => Piece {
            glue_before: true,
            glue_after: true,
            replacement: None,
        },
        "\u{2018}" => {
            quotes.single = true;
            Piece::opening()
        }
        "'" | "\u{2019}" if quotes.single => {
            quotes.single = false;
            Piece::closing()
        }
        "'" => {
            quotes.single = true;
            Piece::opening()
        }
        "\u{2019}" => Piece::closing(),
        "-" if quotes.splits_hyphens
            && prev
                .is_some_and(|p| p.bytes().last().is_some_and(|b| b.is_ascii_alphanumeric()))
            && next
                .is_some_and(|n| n.bytes().next().is_some_and(|b| b.is_ascii_alphanumeric())) =>
        {
            Piece {
                glue_before: true,
                glue_after: true,
                replacement: None,
            }
        }
        // "4 : 00", "5 . 9": a clock time, a decimal number.
        ":" | "." if prev.is_some_and(all_digits) && next.is_some_and(starts_with_digit) => Piece {
            glue_before: true,
            glue_after: true,
            replacement: None,
        },
        "." | "," | ";" | ":" | "!" | "?" | ")" | "]" | "}" | "%" | "..." | "\u{2026}" => {
            Piece::closing()
        }
        "(" | "[" | "{" | "$" | "\u{00A3}" | "\u{20AC}" => Piece::opening(),
        _ if is_clitic(word) => Piece::closing(),
        _ => Piece::plain(),
    }
}

/// "'s", "n't", "’re": the second half of a word the tokeniser split.
fn is_clitic(word: &str) -> bool {
    if word.eq_ignore_ascii_case("n't") || word.eq_ignore_ascii_case("n\u{2019}t") {
        return true;
    }
    word.strip_prefix('\'')
        .or_else(|| word.strip_prefix('\u{2019}'))
        .is_some_and(|rest| CLITICS.iter().any(|c| rest.eq_ignore_ascii_case(c)))
}

fn all_digits(word: &str) -> bool {
    !word.is_empty() && word.bytes().all(|b| b.is_ascii_digit())
}

fn starts_with_digit(word: &str) -> bool {
    word.bytes().next().is_some_and(|b| b.is_ascii_digit())
}

fn is_url_start(word: &str) -> bool {
    word.eq_ignore_ascii_case("http") || word.eq_ignore_ascii_case("https")
}

impl Joined {
    /// Appends a token's text (or its replacement), anchoring its start and end to the file.
    ///
    /// With `attach`, the token follows the previous one with no space between: the offset where
    /// it starts maps to the end of the previous token instead, and its text from the next byte
    /// on maps to its own bytes. A text offset can map to one file offset only, and spans end
    /// before a closing mark far more often than they start at one.
    fn push_token(&mut self, bytes: &[u8], token: &Token, replacement: Option<&str>, attach: bool) {
        let first = self.text.len();
        let previous_end = self.raw_at(first);
        self.push_text(bytes, token, replacement);
        if attach {
            if let Some(i) = self.anchors.iter().rposition(|a| a.0 == first as u64) {
                self.anchors[i].1 = previous_end;
                let inside = (first as u64 + 1, token.raw.start as u64 + 1);
                if self.anchors.get(i + 1).is_none_or(|next| next.0 > inside.0) {
                    self.anchors.insert(i + 1, inside);
                }
            }
        }
    }

    /// The file offset the text offset `at` maps to by the anchors so far.
    fn raw_at(&self, at: usize) -> u64 {
        match self.anchors.last() {
            Some(&(t, r)) => r + (at as u64 - t),
            None => at as u64,
        }
    }

    fn push_text(&mut self, bytes: &[u8], token: &Token, replacement: Option<&str>) {
        let raw = token.raw.clone();
        if let Some(replacement) = replacement {
            self.anchor(raw.start);
            self.text.push_str(replacement);
            self.anchor(raw.end);
            return;
        }
        let mut at = raw.start;
        while at < raw.end {
            self.anchor(at);
            let rest = &bytes[at..raw.end];
            if let Some((ch, used)) = entity(rest) {
                self.text.push(ch);
                at += used;
                continue;
            }
            let run = memchr::memchr(b'&', &rest[1..]).map_or(rest.len(), |amp| amp + 1);
            let text = String::from_utf8_lossy(&rest[..run]);
            self.replaced |= matches!(text, Cow::Owned(_));
            self.text.push_str(&text);
            at += run;
        }
        self.anchor(raw.end);
    }

    /// Records that the text written so far ends at file offset `raw`, unless the anchors already
    /// say so.
    fn anchor(&mut self, raw: usize) {
        let point = (self.text.len() as u64, raw as u64);
        match self.anchors.last_mut() {
            Some(last) if last.0 == point.0 => *last = point,
            Some(&mut (t, r)) if point.0 - t == point.1.wrapping_sub(r) => {}
            _ => self.anchors.push(point),
        }
    }
}

/// A token's text as it reads: entities decoded, bytes that are not UTF-8 replaced. The flag
/// tells whether anything was replaced.
fn decode(raw: &[u8]) -> (Cow<'_, str>, bool) {
    if !raw.contains(&b'&') {
        let text = String::from_utf8_lossy(raw);
        let replaced = matches!(text, Cow::Owned(_));
        return (text, replaced);
    }
    let mut joined = Joined::default();
    let token = Token {
        sentence: 0,
        raw: 0..raw.len(),
    };
    joined.push_text(raw, &token, None);
    (Cow::Owned(joined.text), joined.replaced)
}

/// The character an XML entity at the start of `bytes` stands for, and its length in bytes.
fn entity(bytes: &[u8]) -> Option<(char, usize)> {
    if bytes.first() != Some(&b'&') {
        return None;
    }
    let end = memchr::memchr(b';', &bytes[..bytes.len().min(12)])?;
    let name = std::str::from_utf8(&bytes[1..end]).ok()?;
    let ch = match name {
        "amp" => '&',
        "lt" => '<',
        "gt" => '>',
        "quot" => '"',
        "apos" => '\'',
        _ => {
            let code = match name.strip_prefix("#x").or_else(|| name.strip_prefix("#X")) {
                Some(hex) => u32::from_str_radix(hex, 16).ok()?,
                None => name.strip_prefix('#')?.parse().ok()?,
            };
            char::from_u32(code)?
        }
    };
    Some((ch, end + 1))
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::ecbplus::tokens::scan;

    fn xml(sentences: &[&[&str]]) -> Vec<u8> {
        let mut out = String::from("<Document doc_name=\"t.xml\">\n");
        for (s, words) in sentences.iter().enumerate() {
            for (n, word) in words.iter().enumerate() {
                out.push_str(&format!(
                    "<token t_id=\"{n}\" sentence=\"{s}\" number=\"{n}\">{word}</token>\n"
                ));
            }
        }
        out.push_str("</Document>\n");
        out.into_bytes()
    }

    fn joined(sentences: &[&[&str]]) -> (Vec<u8>, Joined) {
        let bytes = xml(sentences);
        let (tokens, _) = scan(&bytes);
        let joined = join(&bytes, &tokens);
        (bytes, joined)
    }

    #[test]
    fn punctuation_clitics_and_quotes_are_spaced_as_written() {
        let (_, j) = joined(&[
            &[
                "Reid", "'s", "rep", ",", "Jack", ",", "said", "``", "thanks", "''", ".",
            ],
            &[
                "He", "said", "\"", "no", "\"", "(", "twice", ")", "at", "4", ":", "00", ".",
            ],
            &["A", "5", ".", "9", "quake", "in", "2005", "."],
            &[
                "Lohan", "\u{2019}", "s", "$", "1", "million", "do", "n't", "&amp;", "more",
            ],
        ]);
        assert_eq!(
            j.text,
            "Reid's rep, Jack, said \u{201C}thanks\u{201D}.\n\n\
             He said \"no\" (twice) at 4:00.\n\n\
             A 5.9 quake in 2005.\n\n\
             Lohan\u{2019}s $1 million don't & more"
        );
    }

    #[test]
    fn hyphens_are_rejoined_only_where_the_tokeniser_split_them() {
        let (_, split) = joined(&[&["a", "hit", "-", "and", "-", "run", "crash", "-", "-"]]);
        assert_eq!(split.text, "a hit-and-run crash - -");
        let (_, kept) = joined(&[&["energy-rich", "nation", "-", "a", "dash"]]);
        assert_eq!(kept.text, "energy-rich nation - a dash");
    }

    #[test]
    fn a_leading_url_is_one_word_and_stated() {
        let (_, j) = joined(&[
            &[
                "http",
                ":",
                "/",
                "/",
                "news",
                ".",
                "example",
                ".",
                "org",
                "/",
                "a",
                "?",
                "f=1&amp;t=2",
            ],
            &["Headline", "Here"],
        ]);
        assert_eq!(j.url.as_deref(), Some("http://news.example.org/a?f=1&t=2"));
        assert_eq!(j.text, "http://news.example.org/a?f=1&t=2\n\nHeadline Here");
    }

    #[test]
    fn every_word_maps_back_to_its_token_bytes() {
        let (bytes, j) = joined(&[&["Tom", "&amp;", "Jerry", "``", "caf\u{e9}", "''", "'s", "."]]);
        assert_eq!(j.text, "Tom & Jerry \u{201C}caf\u{e9}\u{201D}'s.");
        let map = chancery_model::OffsetMap::Anchors(j.anchors.clone());
        for word in ["Tom", "&", "Jerry", "caf\u{e9}", "\u{201D}", "'s", "."] {
            let start = j.text.find(word).unwrap();
            let end = start + word.len();
            let raw = &bytes[map.to_raw(start as u64) as usize..map.to_raw(end as u64) as usize];
            let expected: &[u8] = match word {
                "&" => b"&amp;",
                "\u{201D}" => b"''",
                other => other.as_bytes(),
            };
            // The text of a word glued to the one before starts in the previous token.
            let glued = matches!(word, "\u{201D}" | "'s" | ".");
            if glued {
                assert!(raw.ends_with(expected), "{word}: {raw:?}");
            } else {
                assert_eq!(raw, expected, "{word}");
            }
        }
        let opening = j.text.find('\u{201C}').unwrap() as u64;
        assert_eq!(&bytes[map.to_raw(opening) as usize..][..2], b"``");
    }
}
