//! Gazetteers: named lists of phrases (cities, countries, first names...) matched against the
//! words of a sentence, giving each covered word its list and its position in the match.
//!
//! Phrases are tokenized like text and kept as hashes of their normalised words (lower case,
//! digits folded), so a lookup costs one hash per candidate span of up to [`MAX_WORDS`] words.
//! The gazetteer travels inside the model file, so tagging needs nothing else.

use std::collections::HashMap;

use super::features::{Fx, WordInfo};
use crate::token::tokenize;

/// Longest phrase, in words.
pub const MAX_WORDS: usize = 6;

/// Named phrase lists.
#[derive(Debug, Clone, Default)]
pub struct Gazetteer {
    /// List names; bit `k` of an entry's mask is list `k`.
    pub lists: Vec<String>,
    /// Phrase hash to list mask.
    pub entries: HashMap<u64, u32>,
}

/// One match covering a word: the list and where the word sits in the phrase.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub struct Hit {
    /// List index.
    pub list: u8,
    /// 0 single word, 1 first, 2 inside, 3 last.
    pub part: u8,
}

impl Gazetteer {
    /// Reads `LIST<TAB>phrase` lines; lines without a tab are skipped; at most 32 lists.
    pub fn from_tsv(text: &str) -> Self {
        let mut g = Gazetteer::default();
        for line in text.lines() {
            let Some((list, phrase)) = line.split_once('\t') else {
                continue;
            };
            let k = match g.lists.iter().position(|l| l == list) {
                Some(k) => k,
                None if g.lists.len() < 32 => {
                    g.lists.push(list.to_string());
                    g.lists.len() - 1
                }
                None => continue,
            };
            let words: Vec<WordInfo> = tokenize(phrase)
                .iter()
                .map(|t| WordInfo::new(t.text(phrase)))
                .collect();
            if words.is_empty() || words.len() > MAX_WORDS {
                continue;
            }
            *g.entries.entry(phrase_key(&words)).or_insert(0) |= 1 << k;
        }
        g
    }

    /// Whether there are no phrases.
    pub fn is_empty(&self) -> bool {
        self.entries.is_empty()
    }

    /// The lists holding exactly `phrase` (tokenized and normalised like text), as a bit mask
    /// over [`Gazetteer::lists`]; 0 when none does.
    pub fn lists_of(&self, phrase: &str) -> u32 {
        let words: Vec<WordInfo> = tokenize(phrase)
            .iter()
            .map(|t| WordInfo::new(t.text(phrase)))
            .collect();
        if words.is_empty() || words.len() > MAX_WORDS {
            return 0;
        }
        self.entries.get(&phrase_key(&words)).copied().unwrap_or(0)
    }

    /// Whether `phrase` is in the list named `list`.
    pub fn contains(&self, list: &str, phrase: &str) -> bool {
        self.lists
            .iter()
            .position(|l| l == list)
            .is_some_and(|k| self.lists_of(phrase) & (1 << k) != 0)
    }

    /// The matches covering each word of a sentence.
    pub fn hits(&self, info: &[WordInfo]) -> Vec<Vec<Hit>> {
        let mut out = vec![Vec::new(); info.len()];
        if self.is_empty() {
            return out;
        }
        for start in 0..info.len() {
            // Phrases start with a word that has a letter or digit.
            if !info[start]
                .short
                .chars()
                .any(|c| matches!(c, 'X' | 'x' | 'd'))
            {
                continue;
            }
            let mut h = Fx::new(202);
            for end in start + 1..=(start + MAX_WORDS).min(info.len()) {
                h = h.str(&info[end - 1].norm);
                let Some(&mask) = self.entries.get(&h.key()) else {
                    continue;
                };
                for list in (0..32u8).filter(|b| mask & (1 << b) != 0) {
                    for (i, slot) in out[start..end].iter_mut().enumerate() {
                        let part = match (i, end - start) {
                            (_, 1) => 0,
                            (0, _) => 1,
                            (i, n) if i + 1 == n => 3,
                            _ => 2,
                        };
                        slot.push(Hit { list, part });
                    }
                }
            }
        }
        out
    }
}

fn phrase_key(words: &[WordInfo]) -> u64 {
    words.iter().fold(Fx::new(202), |h, w| h.str(&w.norm)).key()
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn matches_phrases_with_positions() {
        let g = Gazetteer::from_tsv("city\tNew York\ncity\tYork\nfirst\tJohn\nbad line\n");
        let info: Vec<WordInfo> = ["John", "left", "NEW", "YORK"]
            .iter()
            .map(|w| WordInfo::new(w))
            .collect();
        let hits = g.hits(&info);
        assert_eq!(hits[0], [Hit { list: 1, part: 0 }]);
        assert!(hits[1].is_empty());
        assert_eq!(hits[2], [Hit { list: 0, part: 1 }]);
        assert_eq!(
            hits[3],
            [Hit { list: 0, part: 3 }, Hit { list: 0, part: 0 }]
        );
    }

    #[test]
    fn looks_up_whole_phrases() {
        let g = Gazetteer::from_tsv("city\tNew York\ncountry\tFrance\ncity\tParis\n");
        assert!(g.contains("city", "new york"));
        assert!(g.contains("country", "France"));
        assert!(!g.contains("city", "France"));
        assert!(!g.contains("town", "Paris"));
        assert_eq!(g.lists_of("York"), 0);
        assert_eq!(g.lists_of(""), 0);
    }
}
