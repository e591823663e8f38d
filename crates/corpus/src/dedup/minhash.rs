//! MinHash signatures by one-permutation hashing, cut into LSH bands.
//!
//! Classic MinHash applies `bands × rows` hash functions to every shingle. One-permutation
//! hashing (Li, Owen and Zhang, 2012) hashes each shingle once instead: the hash's top bits pick
//! one of the `bands × rows` bins and its low bits are the value, each bin keeping its minimum.
//! Bins no shingle fell into are filled by optimal densification (Shrivastava, 2017): an empty
//! bin borrows the value of the first non-empty bin along a pseudo-random probe sequence that
//! depends only on the bin, so two articles borrow alike. For every bin, two sets agree with
//! probability equal to their Jaccard similarity, as with classic MinHash, at a fraction of the
//! cost. Two articles of similarity `s` then share at least one whole band with probability
//! about `1 - (1 - s^rows)^bands`.

use crate::hash::{combine, mix64};

/// Probes an empty bin makes before falling back to the next non-empty bin in order.
const MAX_PROBES: u64 = 4096;

/// Bins of the verification sketch (see [`MinHasher::sketch`]).
pub(crate) const SKETCH_BINS: usize = 512;

/// 64-bit words of a packed sketch: four bits a bin.
pub(crate) const SKETCH_WORDS: usize = SKETCH_BINS / 16;

/// A packed sketch: bin `i` is bits `4 (i % 16)..` of word `i / 16`.
pub(crate) type Sketch = [u64; SKETCH_WORDS];

/// One one-permutation-hashing signature: `bins` minima, densified.
#[derive(Debug, Clone)]
struct Signature {
    seed: u64,
    values: Vec<u32>,
    filled: Vec<bool>,
}

impl Signature {
    fn new(bins: usize, seed: u64) -> Self {
        Self {
            seed,
            values: vec![u32::MAX; bins.max(1)],
            filled: vec![false; bins.max(1)],
        }
    }

    fn compute(&mut self, shingles: &[u64]) {
        self.values.fill(u32::MAX);
        self.filled.fill(false);
        let bins = self.values.len() as u64;
        for &shingle in shingles {
            let salted = mix64(shingle ^ self.seed);
            // Multiply-shift maps the top 32 bits onto 0..bins without a division.
            let bin = (((salted >> 32) * bins) >> 32) as usize;
            if let Some(slot) = self.values.get_mut(bin) {
                *slot = (*slot).min(salted as u32);
                self.filled[bin] = true;
            }
        }
        self.densify();
    }

    /// Fills every empty bin from a non-empty one chosen by the bin's own probe sequence.
    fn densify(&mut self) {
        if !self.filled.iter().any(|&f| f) {
            return;
        }
        let bins = self.values.len();
        for bin in 0..bins {
            if self.filled[bin] {
                continue;
            }
            let donor = (1..=MAX_PROBES)
                .map(|attempt| {
                    let probe = mix64(self.seed ^ ((bin as u64) << 20) ^ attempt);
                    (((probe >> 32) * bins as u64) >> 32) as usize
                })
                .find(|&candidate| self.filled[candidate])
                .unwrap_or_else(|| {
                    (1..bins)
                        .map(|step| (bin + step) % bins)
                        .find(|&candidate| self.filled[candidate])
                        .unwrap_or(bin)
                });
            self.values[bin] = self.values[donor];
        }
    }
}

/// The signature scheme and its scratch space.
#[derive(Debug, Clone)]
pub(crate) struct MinHasher {
    rows: usize,
    bands: Signature,
    sketch: Signature,
    row_values: Vec<u64>,
}

impl MinHasher {
    /// A scheme of `bands × rows` bins for the LSH bands and [`SKETCH_BINS`] for the sketch,
    /// salted with `seed`.
    pub(crate) fn new(bands: usize, rows: usize, seed: u64) -> Self {
        Self {
            rows: rows.max(1),
            bands: Signature::new(bands * rows, seed),
            sketch: Signature::new(SKETCH_BINS, mix64(seed ^ 0x736b_6574_6368)),
            row_values: Vec::with_capacity(rows + 1),
        }
    }

    /// Computes the signatures of `shingles` (64-bit hashes) and returns the key of each band,
    /// in band order.
    pub(crate) fn band_keys(&mut self, shingles: &[u64], keys: &mut Vec<u64>) {
        self.bands.compute(shingles);
        self.sketch.compute(shingles);
        keys.clear();
        for (band, rows) in self.bands.values.chunks(self.rows).enumerate() {
            self.row_values.clear();
            self.row_values.push(band as u64);
            self.row_values.extend(rows.iter().map(|&v| u64::from(v)));
            keys.push(combine(&self.row_values));
        }
    }

    /// The band signature computed by the last [`MinHasher::band_keys`].
    #[cfg(test)]
    fn signature(&self) -> &[u32] {
        &self.bands.values
    }

    /// The last article's verification sketch: the low four bits of each of [`SKETCH_BINS`]
    /// minima, sixteen a word. Two sketches agree in a bin with probability `s + (1 - s) / 16` for
    /// similarity `s`.
    pub(crate) fn sketch(&self) -> Sketch {
        let mut packed = [0u64; SKETCH_WORDS];
        for (bin, &value) in self.sketch.values.iter().enumerate() {
            if let Some(word) = packed.get_mut(bin / 16) {
                *word |= u64::from(value & 0xf) << (4 * (bin % 16));
            }
        }
        packed
    }

    /// Sketch bins some shingle fell into (the others were densified): how much independent
    /// evidence the sketch holds.
    pub(crate) fn sketch_filled(&self) -> usize {
        self.sketch.filled.iter().filter(|&&f| f).count()
    }
}

/// Probability that two sets of Jaccard similarity `similarity` become candidates.
pub fn candidate_probability(similarity: f64, bands: usize, rows: usize) -> f64 {
    let rows = i32::try_from(rows).unwrap_or(i32::MAX);
    let bands = i32::try_from(bands).unwrap_or(i32::MAX);
    1.0 - (1.0 - similarity.powi(rows)).powi(bands)
}

#[cfg(test)]
mod tests {
    use super::*;

    fn keys(hasher: &mut MinHasher, set: &[u64]) -> Vec<u64> {
        let mut out = Vec::new();
        hasher.band_keys(set, &mut out);
        out
    }

    #[test]
    fn equal_sets_share_every_band_and_disjoint_ones_none() {
        let mut hasher = MinHasher::new(4, 3, 7);
        let a = keys(&mut hasher, &[1, 2, 3, 99]);
        assert_eq!(a, keys(&mut hasher, &[1, 2, 3, 99]));
        assert_eq!(a.len(), 4);
        let b = keys(&mut hasher, &[1000, 2000, 3000]);
        assert!(a.iter().zip(&b).all(|(x, y)| x != y));
        assert_eq!(keys(&mut hasher, &[]).len(), 4);
    }

    #[test]
    fn bins_agree_about_as_often_as_the_jaccard_similarity() {
        // Two sets of 400 elements sharing 300: Jaccard 300 / 500 = 0.6.
        let a: Vec<u64> = (0..400).map(mix64).collect();
        let b: Vec<u64> = (100..500).map(mix64).collect();
        let mut agree = 0usize;
        let trials = 200u64;
        for seed in 0..trials {
            let mut hasher = MinHasher::new(20, 5, seed);
            hasher.band_keys(&a, &mut Vec::new());
            let first = hasher.signature().to_vec();
            hasher.band_keys(&b, &mut Vec::new());
            agree += first
                .iter()
                .zip(hasher.signature())
                .filter(|(x, y)| x == y)
                .count();
        }
        let rate = agree as f64 / (trials as f64 * 100.0);
        assert!((rate - 0.6).abs() < 0.02, "{rate}");
    }

    #[test]
    fn sketch_packs_sixteen_bins_a_word() {
        let mut hasher = MinHasher::new(20, 5, 1);
        let shingles: Vec<u64> = (0..2000).map(mix64).collect();
        hasher.band_keys(&shingles, &mut Vec::new());
        let sketch = hasher.sketch();
        assert_eq!(sketch[0] & 0xf, u64::from(hasher.sketch.values[0] & 0xf));
        assert_eq!(sketch[1] >> 60, u64::from(hasher.sketch.values[31] & 0xf));
        assert!(hasher.sketch_filled() > SKETCH_BINS * 9 / 10);
    }

    #[test]
    fn banding_favours_the_threshold() {
        assert!(candidate_probability(0.8, 20, 5) > 0.999);
        assert!(candidate_probability(0.3, 20, 5) < 0.05);
    }
}
