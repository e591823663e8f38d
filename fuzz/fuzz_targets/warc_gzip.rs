//! WARC.gz as CC-NEWS ships it: the input is cut before each `WARC/` and every piece becomes
//! one gzip member, so the fuzzer mutates records while the reader sees multi-member gzip; the
//! last member is truncated when the input's first byte is odd, as a cut download is.
#![no_main]

use std::io::Write;

use flate2::write::GzEncoder;
use flate2::Compression;
use libfuzzer_sys::fuzz_target;

fuzz_target!(|data: &[u8]| {
    let mut gz = Vec::new();
    let mut start = 0;
    let cuts = data
        .windows(5)
        .enumerate()
        .filter(|(i, w)| *i > 0 && *w == b"WARC/")
        .map(|(i, _)| i)
        .chain(std::iter::once(data.len()));
    for end in cuts {
        let mut encoder = GzEncoder::new(Vec::new(), Compression::fast());
        if encoder.write_all(&data[start..end]).is_err() {
            return;
        }
        match encoder.finish() {
            Ok(member) => gz.extend_from_slice(&member),
            Err(_) => return,
        }
        start = end;
    }
    if data.first().is_some_and(|b| b % 2 == 1) {
        gz.truncate(gz.len().saturating_sub(usize::from(data[0]) % 16 + 1));
    }
    chancery_fuzz::ingest_bytes(&gz);
});
