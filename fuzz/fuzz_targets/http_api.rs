//! The HTTP API's request parsing: methods, paths, query strings and JSON bodies of any shape,
//! sent in-process to the router `serve` runs over a store of the seed articles. No request may
//! get a server error, and API errors are JSON.
#![no_main]

use libfuzzer_sys::fuzz_target;

fuzz_target!(|data: &[u8]| {
    chancery_fuzz::http_request(data);
});
