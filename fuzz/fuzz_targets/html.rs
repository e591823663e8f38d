//! HTML extraction: the article, its metadata and the page's visible text, from arbitrary markup,
//! never panic, and every span stays inside the page.
#![no_main]

use libfuzzer_sys::fuzz_target;

fuzz_target!(|data: &[u8]| {
    chancery_fuzz::extract_bytes(data, chancery_model::DocFormat::Html);
    let _ = chancery_extract::html::visible_text(&String::from_utf8_lossy(data));
});
