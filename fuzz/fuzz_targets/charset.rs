//! Charset detection and decoding: any bytes with any declared label decode to UTF-8 whose offset
//! map stays inside the raw bytes. The first byte picks the label and whether the bytes are HTML.
#![no_main]

use libfuzzer_sys::fuzz_target;

const LABELS: [Option<&str>; 8] = [
    None,
    Some("utf-8"),
    Some("windows-1252"),
    Some("iso-8859-1"),
    Some("shift_jis"),
    Some("utf-16le"),
    Some("x-unknown-label"),
    Some("gb18030"),
];

fuzz_target!(|data: &[u8]| {
    let Some((&selector, bytes)) = data.split_first() else {
        return;
    };
    let declared = LABELS[usize::from(selector) % LABELS.len()];
    let decoded = chancery_ingest::decode(bytes, declared, selector & 0x80 != 0);
    let raw_len = bytes.len() as u64;
    let mut boundary = 0;
    for (i, _) in decoded.text.char_indices() {
        let raw = decoded.offsets.to_raw(i as u64);
        assert!(
            raw <= raw_len,
            "char {i} maps to {raw} past {raw_len} raw bytes"
        );
        assert!(raw >= boundary, "offsets go backwards at char {i}");
        boundary = raw;
    }
    assert!(decoded.offsets.to_raw(decoded.text.len() as u64) <= raw_len);
});
