//! WARC files as `ingest` reads them (seeded with WARC records; the sniffer sends anything else
//! to the other readers, which are fuzzed as well).
#![no_main]

use libfuzzer_sys::fuzz_target;

fuzz_target!(|data: &[u8]| {
    chancery_fuzz::ingest_bytes(data);
});
