//! Corpus evidence for boilerplate: lines that recur across many documents of one source.
//!
//! A line such as "Sign up for our daily briefing" may not be in any phrase list, but when it appears in
//! dozens of one site's articles it is page furniture. Counting is done by the caller (it needs the
//! store's view of the corpus); cleaning only asks whether a line hash is known to recur.

use std::collections::{HashMap, HashSet};

/// Longest line, in words, that corpus evidence may remove: long repeated passages are more likely
/// syndicated text than furniture.
pub const MAX_EVIDENCE_WORDS: usize = 30;

/// Tells the cleaner which lines recur across documents of a source.
pub trait LineEvidence: Sync {
    /// Whether the line with this [`line_hash`] is repeated across many documents of `source`.
    fn is_repeated(&self, source: &str, line_hash: u64) -> bool;
}

/// No corpus evidence: each document is cleaned on its own.
#[derive(Debug, Clone, Copy, Default)]
pub struct NoEvidence;

impl LineEvidence for NoEvidence {
    fn is_repeated(&self, _source: &str, _line_hash: u64) -> bool {
        false
    }
}

/// Evidence as a set of repeated line hashes per source.
#[derive(Debug, Clone, Default)]
pub struct RepeatedLines {
    by_source: HashMap<String, HashSet<u64>>,
}

impl RepeatedLines {
    pub fn insert(&mut self, source: &str, line_hash: u64) {
        self.by_source
            .entry(source.to_string())
            .or_default()
            .insert(line_hash);
    }

    pub fn len(&self) -> usize {
        self.by_source.values().map(HashSet::len).sum()
    }

    pub fn is_empty(&self) -> bool {
        self.len() == 0
    }
}

impl LineEvidence for RepeatedLines {
    fn is_repeated(&self, source: &str, line_hash: u64) -> bool {
        self.by_source
            .get(source)
            .is_some_and(|set| set.contains(&line_hash))
    }
}

/// When a line counts as repeated in a source: seen in at least `min_docs` documents and in at least
/// `min_share` of the source's documents.
#[derive(Debug, Clone, Copy)]
pub struct EvidenceThreshold {
    pub min_docs: u64,
    pub min_share: f64,
}

impl Default for EvidenceThreshold {
    fn default() -> Self {
        EvidenceThreshold {
            min_docs: 3,
            min_share: 0.05,
        }
    }
}

impl EvidenceThreshold {
    pub fn is_repeated(&self, line_docs: u64, source_docs: u64) -> bool {
        line_docs >= self.min_docs && (line_docs as f64) >= self.min_share * source_docs as f64
    }
}

/// Hash of a line's normalised content (letters and digits, lowercased), so that spacing and
/// punctuation variants of one line count together.
///
/// The hashes are kept in the store's line statistics, so the function is a fixed one (64-bit
/// FNV-1a over the UTF-8 of the normalised characters), not the standard library's hasher, whose
/// algorithm may change between releases.
pub fn line_hash(line: &str) -> u64 {
    const OFFSET: u64 = 0xcbf2_9ce4_8422_2325;
    const PRIME: u64 = 0x0100_0000_01b3;
    let mut hash = OFFSET;
    let mut feed = |byte: u8| hash = (hash ^ u64::from(byte)).wrapping_mul(PRIME);
    for ch in line.chars() {
        if ch.is_ascii() {
            if ch.is_ascii_alphanumeric() {
                feed(ch.to_ascii_lowercase() as u8);
            }
        } else if ch.is_alphanumeric() {
            let mut utf8 = [0; 4];
            for lower in ch.to_lowercase() {
                lower.encode_utf8(&mut utf8).bytes().for_each(&mut feed);
            }
        }
    }
    hash
}

/// The distinct hashes of the short lines of a text, the ones corpus evidence may judge.
pub fn candidate_line_hashes(text: &str) -> Vec<u64> {
    let mut hashes: Vec<u64> = text
        .lines()
        .map(str::trim)
        .filter(|line| !line.is_empty() && line.len() < 400)
        .filter(|line| line.split_whitespace().count() <= MAX_EVIDENCE_WORDS)
        .map(line_hash)
        .collect();
    hashes.sort_unstable();
    hashes.dedup();
    hashes
}
