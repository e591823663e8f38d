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

/// CPU time this process has used so far (user and system, from `/proc/self/stat`), where the
/// system reports it. On a machine shared with other work, CPU time shows the cost of a pass
/// better than the wall clock, which also counts the time spent waiting for a core.
pub fn process_cpu_time() -> Option<Duration> {
    let stat = std::fs::read_to_string("/proc/self/stat").ok()?;
    // Fields after the command name (which may hold spaces) start after the last ')'.
    let fields: Vec<&str> = stat.rsplit_once(')')?.1.split_whitespace().collect();
    let ticks: u64 = fields.get(11)?.parse::<u64>().ok()? + fields.get(12)?.parse::<u64>().ok()?;
    // Linux reports these in clock ticks of 1/100 s on every common configuration.
    Some(Duration::from_millis(ticks * 10))
}

/// Peak resident memory of this process in bytes (Linux `VmHWM`), where the system reports it.
pub fn peak_resident_bytes() -> Option<u64> {
    let status = std::fs::read_to_string("/proc/self/status").ok()?;
    let line = status.lines().find(|l| l.starts_with("VmHWM:"))?;
    let kilobytes: u64 = line.split_whitespace().nth(1)?.parse().ok()?;
    Some(kilobytes * 1024)
}

/// The cores this process may run on.
pub(crate) fn available_cores() -> usize {
    std::thread::available_parallelism().map_or(1, usize::from)
}
