//! Word shingles: every run of `k` consecutive words of an article, hashed once.
//!
//! A text shorter than `k` words has one shingle, its whole word sequence, so that short texts can
//! still be compared. Hashes are 64-bit for the MinHash signature; the stored set keeps their top
//! 32 bits, sorted and unique, which halves memory while keeping accidental collisions rare
//! (two different shingles among a few thousand share a 32-bit prefix about once in a million
//! article pairs).

use crate::hash::{hash_bytes, mix64};
use crate::text::for_each_word;

/// Reusable buffers for shingling, so that adding an article allocates nothing in the steady
/// state.
#[derive(Debug, Default)]
pub(crate) struct Shingler {
    word: String,
    word_hashes: Vec<u64>,
    /// The article's shingle hashes, sorted and unique, after [`Shingler::shingle`].
    pub(crate) hashes: Vec<u64>,
}

/// What one pass over an article's text gives.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub(crate) struct TextKey {
    /// Hash of the whole normalised word sequence: equal texts up to case, punctuation and
    /// spacing share it.
    pub(crate) exact: u64,
    /// Number of words.
    pub(crate) words: u32,
}

impl Shingler {
    /// Hashes the words of `text` and fills [`Shingler::hashes`] with its `k`-word shingles.
    pub(crate) fn shingle(&mut self, text: &str, k: usize) -> TextKey {
        let k = k.max(1);
        self.word_hashes.clear();
        let word_hashes = &mut self.word_hashes;
        for_each_word(text, &mut self.word, |w| {
            word_hashes.push(hash_bytes(w.as_bytes()))
        });
        self.hashes.clear();
        let words = &self.word_hashes;
        if !words.is_empty() {
            let width = k.min(words.len());
            self.hashes.extend(words.windows(width).map(|window| {
                // Rotation keeps the hash order-sensitive; the final mix spreads it over all bits.
                mix64(
                    window
                        .iter()
                        .fold(0, |acc: u64, &w| acc.rotate_left(17) ^ w),
                )
            }));
        }
        self.hashes.sort_unstable();
        self.hashes.dedup();
        let exact = mix64(
            words
                .iter()
                .fold(words.len() as u64, |acc, &w| mix64(acc.rotate_left(29) ^ w)),
        );
        TextKey {
            exact,
            words: u32::try_from(words.len()).unwrap_or(u32::MAX),
        }
    }

    /// The stored form of the current shingles: top 32 bits, sorted and unique.
    pub(crate) fn compact(&self, out: &mut Vec<u32>) {
        let start = out.len();
        // The top bits of sorted values are sorted too, so only neighbours can repeat.
        out.extend(self.hashes.iter().map(|&h| (h >> 32) as u32));
        let mut kept = start;
        for i in start..out.len() {
            if kept == start || out[kept - 1] != out[i] {
                out[kept] = out[i];
                kept += 1;
            }
        }
        out.truncate(kept);
    }
}

/// Jaccard similarity of two sorted, unique sets: |A ∩ B| / |A ∪ B|, 1 for two empty sets.
pub(crate) fn jaccard(a: &[u32], b: &[u32]) -> f64 {
    if a.is_empty() && b.is_empty() {
        return 1.0;
    }
    let (mut i, mut j, mut shared) = (0, 0, 0usize);
    while i < a.len() && j < b.len() {
        match a[i].cmp(&b[j]) {
            std::cmp::Ordering::Less => i += 1,
            std::cmp::Ordering::Greater => j += 1,
            std::cmp::Ordering::Equal => {
                shared += 1;
                i += 1;
                j += 1;
            }
        }
    }
    shared as f64 / (a.len() + b.len() - shared) as f64
}

#[cfg(test)]
mod tests {
    use super::*;

    fn compact_shingles(text: &str, k: usize) -> Vec<u32> {
        let mut shingler = Shingler::default();
        shingler.shingle(text, k);
        let mut out = Vec::new();
        shingler.compact(&mut out);
        out
    }

    #[test]
    fn shingles_count_distinct_word_runs() {
        assert_eq!(compact_shingles("a b c d e f", 5).len(), 2);
        assert_eq!(compact_shingles("a b c d e a b c d e", 5).len(), 5);
        assert_eq!(compact_shingles("too short", 5).len(), 1);
        assert!(compact_shingles("  ,;  ", 5).is_empty());
    }

    #[test]
    fn exact_key_ignores_case_and_punctuation_only() {
        let mut shingler = Shingler::default();
        let a = shingler.shingle("The minister said: “yes”.", 5);
        let b = shingler.shingle("the Minister said yes", 5);
        let c = shingler.shingle("the minister said no", 5);
        assert_eq!(a, b);
        assert_ne!(a.exact, c.exact);
    }

    #[test]
    fn jaccard_of_sorted_sets() {
        assert_eq!(jaccard(&[1, 2, 3], &[2, 3, 4]), 0.5);
        assert_eq!(jaccard(&[], &[]), 1.0);
        assert_eq!(jaccard(&[1], &[]), 0.0);
        let a = compact_shingles("one two three four five six seven eight", 5);
        let b = compact_shingles("one two three four five six seven nine", 5);
        assert!((jaccard(&a, &b) - 3.0 / 5.0).abs() < 1e-9);
    }
}
