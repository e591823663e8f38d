//! Feature weights: an open-addressing table from feature key to a row of one weight per tag,
//! and the averaged-perceptron trainer that fills it.
//!
//! Keys are already well-mixed hashes, so the table probes linearly from the key's low bits.
//! Rows are allocated only when training updates a feature, which keeps the table to the
//! features that matter. Averaging uses the usual trick: besides the weights `w`, keep
//! `u += step * delta`; the average after `T` steps is `w - u / T`.

/// Maps non-zero 64-bit keys to row numbers.
#[derive(Debug, Clone, Default)]
pub struct Table {
    keys: Vec<u64>,
    rows: Vec<u32>,
    len: usize,
}

impl Table {
    /// A table sized for `n` keys.
    pub fn with_capacity(n: usize) -> Self {
        let cap = (n * 2).next_power_of_two().max(16);
        Table {
            keys: vec![0; cap],
            rows: vec![0; cap],
            len: 0,
        }
    }

    /// Number of keys.
    pub fn len(&self) -> usize {
        self.len
    }

    /// Whether there are no keys.
    pub fn is_empty(&self) -> bool {
        self.len == 0
    }

    /// The row of `key`.
    #[inline]
    pub fn get(&self, key: u64) -> Option<u32> {
        let mask = self.keys.len() - 1;
        let mut i = (key as usize) & mask;
        loop {
            let k = self.keys[i];
            if k == key {
                return Some(self.rows[i]);
            }
            if k == 0 {
                return None;
            }
            i = (i + 1) & mask;
        }
    }

    /// Inserts `key` with `row` (replacing an existing row).
    pub fn insert(&mut self, key: u64, row: u32) {
        if (self.len + 1) * 2 > self.keys.len() {
            self.grow();
        }
        let mask = self.keys.len() - 1;
        let mut i = (key as usize) & mask;
        loop {
            if self.keys[i] == 0 {
                self.keys[i] = key;
                self.rows[i] = row;
                self.len += 1;
                return;
            }
            if self.keys[i] == key {
                self.rows[i] = row;
                return;
            }
            i = (i + 1) & mask;
        }
    }

    /// Every (key, row) pair, in table order.
    pub fn iter(&self) -> impl Iterator<Item = (u64, u32)> + '_ {
        self.keys
            .iter()
            .zip(&self.rows)
            .filter(|(k, _)| **k != 0)
            .map(|(&k, &r)| (k, r))
    }

    fn grow(&mut self) {
        let old = std::mem::replace(self, Table::with_capacity(self.keys.len()));
        for (k, r) in old.iter() {
            self.insert(k, r);
        }
    }
}

/// Weights of every feature for every tag.
#[derive(Debug, Clone)]
pub struct Weights {
    /// Tags per row.
    pub n_tags: usize,
    /// Feature key to row.
    pub table: Table,
    /// Row-major weights, `n_tags` per row.
    pub w: Vec<f32>,
}

impl Weights {
    /// Empty weights for `n_tags` tags.
    pub fn new(n_tags: usize) -> Self {
        Weights {
            n_tags,
            table: Table::with_capacity(1 << 16),
            w: Vec::new(),
        }
    }

    /// Adds the rows of `feats` into `out` (one score per tag).
    #[inline]
    pub fn score(&self, feats: &[u64], out: &mut [f32]) {
        out.iter_mut().for_each(|x| *x = 0.0);
        let nt = self.n_tags;
        for &f in feats {
            if let Some(r) = self.table.get(f) {
                let row = &self.w[r as usize * nt..(r as usize + 1) * nt];
                for (o, x) in out.iter_mut().zip(row) {
                    *o += x;
                }
            }
        }
    }

    /// Adds `factor` times `other`'s weights (same tag count) into these, feature by feature.
    pub fn add_scaled(&mut self, other: &Weights, factor: f32) {
        let nt = self.n_tags;
        for (k, r) in other.table.iter() {
            let row = self.row_or_insert(k);
            let src = &other.w[r as usize * nt..(r as usize + 1) * nt];
            for (x, y) in self.w[row * nt..(row + 1) * nt].iter_mut().zip(src) {
                *x += factor * y;
            }
        }
    }

    fn row_or_insert(&mut self, key: u64) -> usize {
        if let Some(r) = self.table.get(key) {
            return r as usize;
        }
        let r = self.w.len() / self.n_tags;
        self.w.resize(self.w.len() + self.n_tags, 0.0);
        self.table.insert(key, r as u32);
        r
    }
}

/// An averaged perceptron over [`Weights`].
#[derive(Debug)]
pub struct Perceptron {
    /// The current (not averaged) weights, used while training.
    pub current: Weights,
    acc: Vec<f64>,
    step: u64,
}

impl Perceptron {
    /// A perceptron with all weights zero.
    pub fn new(n_tags: usize) -> Self {
        Perceptron {
            current: Weights::new(n_tags),
            acc: Vec::new(),
            step: 1,
        }
    }

    /// Counts one training example (call once per token, before any update for it).
    pub fn tick(&mut self) {
        self.step += 1;
    }

    /// Rewards `gold` and penalises `pred` on `feats`.
    pub fn update(&mut self, feats: &[u64], gold: usize, pred: usize) {
        if gold == pred {
            return;
        }
        let nt = self.current.n_tags;
        let step = self.step as f64;
        for &f in feats {
            let r = self.current.row_or_insert(f);
            if self.acc.len() < self.current.w.len() {
                self.acc.resize(self.current.w.len(), 0.0);
            }
            self.current.w[r * nt + gold] += 1.0;
            self.current.w[r * nt + pred] -= 1.0;
            self.acc[r * nt + gold] += step;
            self.acc[r * nt + pred] -= step;
        }
    }

    /// The averaged weights.
    pub fn averaged(&self) -> Weights {
        let t = self.step as f64;
        let mut w = self.current.clone();
        for (x, a) in w.w.iter_mut().zip(&self.acc) {
            *x = (f64::from(*x) - a / t) as f32;
        }
        w
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn table_grows_and_finds() {
        let mut t = Table::with_capacity(2);
        for k in 1..1000u64 {
            t.insert(k.wrapping_mul(0x9e37_79b9_7f4a_7c15) | 1, k as u32);
        }
        assert_eq!(t.len(), 999);
        assert_eq!(t.get(5u64.wrapping_mul(0x9e37_79b9_7f4a_7c15) | 1), Some(5));
        assert_eq!(t.get(2), None);
    }

    #[test]
    fn perceptron_learns_and_averages() {
        let mut p = Perceptron::new(3);
        p.tick();
        p.update(&[7, 9], 2, 0);
        p.tick();
        let avg = p.averaged();
        let mut out = [0.0; 3];
        avg.score(&[7], &mut out);
        assert!(out[2] > 0.0 && out[0] < 0.0 && out[1] == 0.0);
    }
}
