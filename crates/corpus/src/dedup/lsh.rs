//! The LSH band tables: for each band, the articles whose signatures agree on it.
//!
//! Each band maps its key to the most recent article with that key; earlier articles with the
//! same key are chained through one `u32` per article and band. That costs a map entry per
//! distinct key and four bytes per article and band, with no per-bucket allocation. Keys are kept
//! to 32 bits: two different band values then share a bucket about once in four billion pairs,
//! which only adds a candidate that verification turns down.

use rustc_hash::FxHashMap;

const END: u32 = u32::MAX;

/// Band tables over articles numbered from 0 in insertion order.
#[derive(Debug, Default)]
pub(crate) struct BandTables {
    heads: Vec<FxHashMap<u32, u32>>,
    /// `next[doc * bands + band]`: the previous article in the same bucket.
    next: Vec<u32>,
}

impl BandTables {
    pub(crate) fn new(bands: usize) -> Self {
        Self {
            heads: (0..bands).map(|_| FxHashMap::default()).collect(),
            next: Vec::new(),
        }
    }

    /// Appends every article sharing a band key with `keys` to `out` (unsorted, may repeat).
    pub(crate) fn candidates(&self, keys: &[u64], out: &mut Vec<u32>) {
        let bands = self.heads.len();
        for (band, (table, key)) in self.heads.iter().zip(keys).enumerate() {
            let mut at = table.get(&short_key(*key)).copied().unwrap_or(END);
            while at != END {
                out.push(at);
                at = self.next[at as usize * bands + band];
            }
        }
    }

    /// Files article `doc` (the next number in order) under its band keys.
    pub(crate) fn insert(&mut self, doc: u32, keys: &[u64]) {
        for (table, &key) in self.heads.iter_mut().zip(keys) {
            let previous = table.insert(short_key(key), doc).unwrap_or(END);
            self.next.push(previous);
        }
    }
}

/// The 32 bits of a band key that the tables keep (band keys are already well mixed).
fn short_key(key: u64) -> u32 {
    (key ^ (key >> 32)) as u32
}
