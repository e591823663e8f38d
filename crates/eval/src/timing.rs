//! Timing for the benchmarks: the best of several passes, which is the least disturbed by whatever
//! else the machine is doing.

use std::time::{Duration, Instant};

/// The shortest of `repeats` (at least one) runs of `pass`.
pub fn best_of(repeats: usize, mut pass: impl FnMut()) -> Duration {
    (0..repeats.max(1))
        .map(|_| {
            let started = Instant::now();
            pass();
            started.elapsed()
        })
        .min()
        .unwrap_or_default()
}
