//! Python's `random.Random(seed)` for the uses the reference scripts make of it: `randrange(n)`
//! for the scorer's bootstrap resampling, `random()` and `uniform(a, b)` for the MinHash
//! benchmark's corpus. Mersenne Twister MT19937, seeded as CPython seeds it
//! from a non-negative integer, and CPython's rejection sampling for bounded integers, so the
//! resamples (and the reported ± figures) are the very ones the Python scorer draws.

const N: usize = 624;
const M: usize = 397;

/// A Python-compatible random number generator.
#[derive(Debug, Clone)]
pub struct PyRandom {
    state: Vec<u32>,
    index: usize,
}

impl PyRandom {
    /// `random.Random(seed)` for a seed below 2^32.
    pub fn new(seed: u32) -> Self {
        let mut rng = PyRandom {
            state: vec![0; N],
            index: N,
        };
        // CPython turns the integer into 32-bit words (one word for 0) and calls init_by_array.
        rng.init_by_array(&[seed]);
        rng
    }

    fn init_genrand(&mut self, seed: u32) {
        self.state[0] = seed;
        for i in 1..N {
            let prev = self.state[i - 1];
            self.state[i] = 1_812_433_253u32
                .wrapping_mul(prev ^ (prev >> 30))
                .wrapping_add(i as u32);
        }
        self.index = N;
    }

    fn init_by_array(&mut self, key: &[u32]) {
        self.init_genrand(19_650_218);
        let (mut i, mut j) = (1usize, 0usize);
        for _ in 0..N.max(key.len()) {
            let prev = self.state[i - 1];
            self.state[i] = (self.state[i] ^ (prev ^ (prev >> 30)).wrapping_mul(1_664_525))
                .wrapping_add(key[j])
                .wrapping_add(j as u32);
            i += 1;
            j += 1;
            if i >= N {
                self.state[0] = self.state[N - 1];
                i = 1;
            }
            if j >= key.len() {
                j = 0;
            }
        }
        for _ in 0..N - 1 {
            let prev = self.state[i - 1];
            self.state[i] = (self.state[i] ^ (prev ^ (prev >> 30)).wrapping_mul(1_566_083_941))
                .wrapping_sub(i as u32);
            i += 1;
            if i >= N {
                self.state[0] = self.state[N - 1];
                i = 1;
            }
        }
        self.state[0] = 0x8000_0000;
    }

    fn next_u32(&mut self) -> u32 {
        if self.index >= N {
            for k in 0..N {
                let y = (self.state[k] & 0x8000_0000) | (self.state[(k + 1) % N] & 0x7fff_ffff);
                let mag = if y & 1 == 1 { 0x9908_b0df } else { 0 };
                self.state[k] = self.state[(k + M) % N] ^ (y >> 1) ^ mag;
            }
            self.index = 0;
        }
        let mut y = self.state[self.index];
        self.index += 1;
        y ^= y >> 11;
        y ^= (y << 7) & 0x9d2c_5680;
        y ^= (y << 15) & 0xefc6_0000;
        y ^ (y >> 18)
    }

    /// `getrandbits(k)` for `1 <= k <= 64`: 32-bit words, least significant first, the last one
    /// keeping its top bits.
    fn getrandbits(&mut self, k: u32) -> u64 {
        let mut result = 0u64;
        let mut left = k;
        let mut shift = 0;
        while left > 0 {
            let mut word = u64::from(self.next_u32());
            if left < 32 {
                word >>= 32 - left;
            }
            result |= word << shift;
            shift += 32;
            left = left.saturating_sub(32);
        }
        result
    }

    /// `randrange(n)` for `n >= 1`: a uniform integer in `0..n`.
    pub fn randrange(&mut self, n: u64) -> u64 {
        let k = 64 - n.leading_zeros();
        loop {
            let r = self.getrandbits(k);
            if r < n {
                return r;
            }
        }
    }

    /// `random()`: a float in [0, 1) with 53 random bits, as CPython builds it from two words.
    pub fn random(&mut self) -> f64 {
        let high = f64::from(self.next_u32() >> 5);
        let low = f64::from(self.next_u32() >> 6);
        (high * 67_108_864.0 + low) / 9_007_199_254_740_992.0
    }

    /// `uniform(a, b)`: `a + (b - a) * random()`.
    pub fn uniform(&mut self, a: f64, b: f64) -> f64 {
        a + (b - a) * self.random()
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn matches_cpython() {
        // Printed by: python3 -c "import random; r = random.Random(0);
        //   print([r.randrange(91) for _ in range(8)], r.getrandbits(32))"
        let mut rng = PyRandom::new(0);
        let draws: Vec<u64> = (0..8).map(|_| rng.randrange(91)).collect();
        assert_eq!(draws, EXPECTED_DRAWS);
        assert_eq!(rng.getrandbits(32), EXPECTED_BITS);
    }

    #[test]
    fn uniform_matches_cpython() {
        // Printed by: python3 -c "import random; r = random.Random(42);
        //   print(repr(r.uniform(0.005, 0.05)), r.randrange(3))"
        let mut rng = PyRandom::new(42);
        assert_eq!(rng.uniform(0.005, 0.05), EXPECTED_UNIFORM);
        assert_eq!(rng.randrange(3), EXPECTED_AFTER_UNIFORM);
    }

    const EXPECTED_DRAWS: [u64; 8] = [49, 53, 5, 33, 65, 62, 51, 38];
    const EXPECTED_BITS: u64 = 4_156_669_319;
    const EXPECTED_UNIFORM: f64 = 0.033_774_205_930_604_77;
    const EXPECTED_AFTER_UNIFORM: u64 = 0;
}
