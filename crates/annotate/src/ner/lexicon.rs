//! Word lexicon: features attached to words from outside the training data, such as word
//! clusters (`c50:17 c200:101 c1000:240`) computed from a pretrained model's word embeddings.
//!
//! Words are matched by their normalised form (lower case, digits folded); each feature string is
//! kept as a 32-bit hash, so the lexicon travels compactly inside the model file.

use std::collections::HashMap;

use super::features::{Fx, WordInfo};

/// Word hash to feature hashes.
#[derive(Debug, Clone, Default)]
pub struct Lexicon {
    /// Normalised-word hash to its features' hashes.
    pub entries: HashMap<u64, Vec<u32>>,
}

impl Lexicon {
    /// Reads `word<TAB>feature feature...` lines; other lines are skipped.
    pub fn from_tsv(text: &str) -> Self {
        let mut lex = Lexicon::default();
        for line in text.lines() {
            let Some((word, feats)) = line.split_once('\t') else {
                continue;
            };
            let ids: Vec<u32> = feats
                .split_whitespace()
                .map(|f| Fx::new(203).str(f).key() as u32)
                .collect();
            if !ids.is_empty() && !word.is_empty() {
                lex.entries
                    .entry(word_key(&WordInfo::new(word).norm))
                    .or_default()
                    .extend(ids);
            }
        }
        lex
    }

    /// Whether there are no words.
    pub fn is_empty(&self) -> bool {
        self.entries.is_empty()
    }

    /// The features of a word given its normalised form; empty when unknown.
    pub fn get(&self, norm: &str) -> &[u32] {
        self.entries.get(&word_key(norm)).map_or(&[], Vec::as_slice)
    }
}

fn word_key(norm: &str) -> u64 {
    Fx::new(204).str(norm).key()
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn looks_up_normalised_words() {
        let lex = Lexicon::from_tsv("london\tc50:1 c200:7\nno tab here\nparis\tc50:1\n");
        assert_eq!(lex.get("london").len(), 2);
        assert_eq!(lex.get("london")[0], lex.get("paris")[0]);
        assert!(lex.get("berlin").is_empty());
        assert_eq!(Lexicon::from_tsv("LONDON\tx").get("london").len(), 1);
    }
}
