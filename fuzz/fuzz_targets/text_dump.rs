//! Text dumps: splitting, cleaning and dating arbitrary text never panics, and every span stays
//! inside the document.
#![no_main]

use libfuzzer_sys::fuzz_target;

fuzz_target!(|data: &[u8]| {
    chancery_fuzz::extract_bytes(data, chancery_model::DocFormat::Text);
});
