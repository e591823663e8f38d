//! ECB+ XML documents as `ingest` reads them: token elements broken, unclosed, without text or
//! sentence, entities odd, bytes not UTF-8; the joined text and its offset map go through extract.
#![no_main]

use libfuzzer_sys::fuzz_target;

fuzz_target!(|data: &[u8]| {
    chancery_fuzz::ingest_bytes(data);
});
