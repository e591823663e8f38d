//! JSONL files as `ingest` reads them: records, broken lines, over-long lines, odd fields.
#![no_main]

use libfuzzer_sys::fuzz_target;

fuzz_target!(|data: &[u8]| {
    chancery_fuzz::ingest_bytes(data);
});
