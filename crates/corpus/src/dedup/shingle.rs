//! Word shingles: every run of `k` consecutive words of an article, hashed once.
//!
//! A text shorter than `k` words has one shingle, its whole word sequence, so that short texts can
//! still be compared. Hashes are 64-bit for the MinHash signature; the stored set keeps their top
//! 32 bits, sorted and unique, which halves memory while keeping accidental collisions rare
//! (two different shingles among a few thousand share a 32-bit prefix about once in a million
//! article pairs).

use crate::hash::mix64;
use crate::text::for_each_word_hash;

/// Reusable buffers for shingling, so that adding an article allocates nothing in the steady
/// state.
#[derive(Debug, Default, Clone)]
pub(crate) struct Shingler {
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
        for_each_word_hash(text, |h| word_hashes.push(h));
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

    /// The stored form of the current shingles (see [`compact`]).
    #[cfg(test)]
    pub(crate) fn compact(&self, out: &mut Vec<u32>) {
        compact(&self.hashes, out);
    }
}

/// The stored form of a shingle set (sorted 64-bit hashes): top 32 bits, sorted and unique,
/// appended to `out`.
pub(crate) fn compact(hashes: &[u64], out: &mut Vec<u32>) {
    let start = out.len();
    // The top bits of sorted values are sorted too, so only neighbours can repeat.
    out.extend(hashes.iter().map(|&h| (h >> 32) as u32));
    let mut kept = start;
    for i in start..out.len() {
        if kept == start || out[kept - 1] != out[i] {
            out[kept] = out[i];
            kept += 1;
        }
    }
    out.truncate(kept);
}

/// One article's shingle set as an open-addressing hash table, built once per addition and
/// probed by every candidate: counting the shared shingles then costs one independent lookup per
/// candidate shingle (the processor overlaps them), instead of a merge whose every step waits on
/// the one before.
#[derive(Debug, Default)]
pub(crate) struct SetProbe {
    /// Slots holding shingle hashes; `EMPTY` marks a free slot.
    slots: Vec<u32>,
    /// Whether the set holds the value used as the free-slot mark.
    holds_empty_mark: bool,
    /// log2 of the number of slots.
    bits: u32,
    len: usize,
}

const EMPTY: u32 = u32::MAX;

impl SetProbe {
    /// Loads a set (unique values).
    pub(crate) fn load(&mut self, set: &[u32]) {
        // At most one slot in three used keeps probe sequences short.
        let bits = (set.len() * 3).max(16).next_power_of_two().trailing_zeros();
        self.bits = bits;
        self.slots.clear();
        self.slots.resize(1 << bits, EMPTY);
        self.holds_empty_mark = false;
        self.len = set.len();
        let mask = (1usize << bits) - 1;
        for &value in set {
            if value == EMPTY {
                self.holds_empty_mark = true;
                continue;
            }
            let mut at = self.home(value);
            while self.slots[at] != EMPTY {
                at = (at + 1) & mask;
            }
            self.slots[at] = value;
        }
    }

    /// The slot a value's probe starts at: its top bits (shingle hashes are uniform).
    fn home(&self, value: u32) -> usize {
        (u64::from(value) >> 32u32.saturating_sub(self.bits)) as usize
    }

    fn contains(&self, value: u32) -> bool {
        if value == EMPTY {
            return self.holds_empty_mark;
        }
        let mask = self.slots.len() - 1;
        let home = self.home(value);
        // The first four slots settle almost every lookup (one slot in three is used); they are
        // checked without branching on their contents, so nothing is mispredicted.
        let mut found = false;
        let mut open = false;
        for step in 0..4 {
            let slot = self.slots[(home + step) & mask];
            found |= slot == value;
            open |= slot == EMPTY;
        }
        if found || open {
            return found;
        }
        let mut at = (home + 4) & mask;
        loop {
            match self.slots[at] {
                slot if slot == value => return true,
                EMPTY => return false,
                _ => at = (at + 1) & mask,
            }
        }
    }

    /// The Jaccard similarity of the loaded set with `other` (unique values) if it is at least
    /// `threshold`; `None` as soon as it cannot be, which for most pairs below the threshold is
    /// well before the end.
    pub(crate) fn jaccard_at_least(&self, other: &[u32], threshold: f64) -> Option<f64> {
        if self.len == 0 && other.is_empty() {
            return (threshold <= 1.0).then_some(1.0);
        }
        // J >= t  <=>  |A ∩ B| >= t (|A| + |B|) / (1 + t): misses beyond the slack rule it out.
        // The small allowance keeps a pair exactly at the threshold from being lost to rounding.
        let needed =
            (threshold * (self.len + other.len()) as f64 / (1.0 + threshold) - 1e-9).ceil();
        let slack = other.len().saturating_sub(needed as usize);
        let (mut shared, mut missed) = (0usize, 0usize);
        for chunk in other.chunks(64) {
            let found = chunk.iter().filter(|&&v| self.contains(v)).count();
            shared += found;
            missed += chunk.len() - found;
            if missed > slack {
                return None;
            }
        }
        let similarity = shared as f64 / (self.len + other.len() - shared) as f64;
        (similarity >= threshold).then_some(similarity)
    }
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

    fn probe_jaccard(a: &[u32], b: &[u32], threshold: f64) -> Option<f64> {
        let mut probe = SetProbe::default();
        probe.load(a);
        probe.jaccard_at_least(b, threshold)
    }

    #[test]
    fn probe_counts_like_a_plain_intersection() {
        let mut state = 1u64;
        let mut draw = |n: usize, modulo: u64| -> Vec<u32> {
            let mut v: Vec<u32> = (0..n)
                .map(|_| {
                    state = mix64(state);
                    (state % modulo) as u32
                })
                .collect();
            v.sort_unstable();
            v.dedup();
            v
        };
        for (n, m, modulo) in [(100, 120, 300), (7, 50, 60), (500, 3, 1000), (64, 64, 80)] {
            let (a, b) = (draw(n, modulo), draw(m, modulo));
            let shared = a.iter().filter(|x| b.binary_search(x).is_ok()).count();
            let truth = shared as f64 / (a.len() + b.len() - shared) as f64;
            assert_eq!(probe_jaccard(&a, &b, 0.0), Some(truth), "{n} {m}");
            let above = probe_jaccard(&a, &b, truth + 1e-9);
            assert_eq!(above, None, "{n} {m}");
        }
    }

    #[test]
    fn probe_jaccard_of_small_sets() {
        assert_eq!(probe_jaccard(&[1, 2, 3], &[2, 3, 4], 0.5), Some(0.5));
        assert_eq!(probe_jaccard(&[1, 2, 3], &[2, 3, 4], 0.6), None);
        assert_eq!(probe_jaccard(&[], &[], 0.8), Some(1.0));
        assert_eq!(probe_jaccard(&[1], &[], 0.1), None);
        assert_eq!(
            probe_jaccard(&[u32::MAX, 0], &[u32::MAX, 0], 0.9),
            Some(1.0)
        );
        let a = compact_shingles("one two three four five six seven eight", 5);
        let b = compact_shingles("one two three four five six seven nine", 5);
        assert_eq!(probe_jaccard(&a, &b, 0.5), Some(3.0 / 5.0));
    }
}
