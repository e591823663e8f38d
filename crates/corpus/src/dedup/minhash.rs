//! MinHash signatures cut into LSH bands.
//!
//! Each of the `bands × rows` permutations is a multiply-add-shift hash of the 64-bit shingle
//! hash, keeping 32 bits; the signature value is its minimum over the article's shingles. The
//! parameters come from a fixed seed, so signatures are the same on every run. Two articles whose
//! shingle sets have Jaccard similarity `s` share at least one whole band with probability
//! `1 - (1 - s^rows)^bands`.

use crate::hash::{combine, SplitMix};

/// The permutations of one signature scheme.
#[derive(Debug, Clone)]
pub(crate) struct MinHasher {
    multipliers: Vec<u64>,
    offsets: Vec<u64>,
    rows: usize,
    signature: Vec<u32>,
}

impl MinHasher {
    /// A scheme of `bands × rows` permutations drawn from `seed`.
    pub(crate) fn new(bands: usize, rows: usize, seed: u64) -> Self {
        let mut rng = SplitMix(seed);
        let count = bands * rows;
        Self {
            // Odd multipliers are permutations of the 64-bit integers.
            multipliers: (0..count).map(|_| rng.next_u64() | 1).collect(),
            offsets: (0..count).map(|_| rng.next_u64()).collect(),
            rows: rows.max(1),
            signature: vec![u32::MAX; count],
        }
    }

    /// Computes the signature of `shingles` and returns the key of each band, in band order.
    pub(crate) fn band_keys(&mut self, shingles: &[u64], keys: &mut Vec<u64>) {
        self.signature.fill(u32::MAX);
        for &shingle in shingles {
            // One tight loop per shingle over all permutations: the compiler vectorises it.
            for ((slot, &a), &b) in self
                .signature
                .iter_mut()
                .zip(&self.multipliers)
                .zip(&self.offsets)
            {
                let value = (a.wrapping_mul(shingle).wrapping_add(b) >> 32) as u32;
                *slot = (*slot).min(value);
            }
        }
        keys.clear();
        let mut row_values = Vec::with_capacity(self.rows);
        for (band, rows) in self.signature.chunks(self.rows).enumerate() {
            row_values.clear();
            row_values.push(band as u64);
            row_values.extend(rows.iter().map(|&v| u64::from(v)));
            keys.push(combine(&row_values));
        }
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

    #[test]
    fn equal_sets_share_every_band() {
        let mut hasher = MinHasher::new(4, 3, 7);
        let (mut a, mut b) = (Vec::new(), Vec::new());
        hasher.band_keys(&[1, 2, 3, 99], &mut a);
        hasher.band_keys(&[1, 2, 3, 99], &mut b);
        assert_eq!(a, b);
        assert_eq!(a.len(), 4);
        hasher.band_keys(&[1000, 2000, 3000], &mut b);
        assert!(a.iter().zip(&b).all(|(x, y)| x != y));
    }

    #[test]
    fn banding_favours_the_threshold() {
        assert!(candidate_probability(0.8, 20, 5) > 0.999);
        assert!(candidate_probability(0.3, 20, 5) < 0.05);
    }
}
