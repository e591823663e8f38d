//! The public `decode` function: evidence order and offset maps.

use chancery_ingest::decode;
use chancery_model::OffsetMap;

/// Asserts that every character of the decoded text maps to the raw offset of its encoding.
fn assert_maps_each_char(
    raw: &[u8],
    encoding: &'static encoding_rs::Encoding,
    text: &str,
    offsets: &OffsetMap,
) {
    let mut raw_offset = 0u64;
    for (text_offset, ch) in text.char_indices() {
        assert_eq!(
            offsets.to_raw(text_offset as u64),
            raw_offset,
            "char {ch:?} at text offset {text_offset}"
        );
        let mut buffer = [0u8; 4];
        raw_offset += encoding.encode(ch.encode_utf8(&mut buffer)).0.len() as u64;
    }
    assert_eq!(raw_offset, raw.len() as u64);
}

#[test]
fn latin1_offsets_are_exact_for_every_character() {
    let text = "Ça coûte 5 € à Zürich — « déjà »!\nÀ bientôt.";
    let (raw, _, _) = encoding_rs::WINDOWS_1252.encode(text);
    let decoded = decode(&raw, None, false);
    assert_eq!(decoded.text, text);
    assert_eq!(decoded.encoding, "windows-1252");
    assert!(!decoded.had_errors);
    for (index, (text_offset, _)) in decoded.text.char_indices().enumerate() {
        assert_eq!(decoded.offsets.to_raw(text_offset as u64), index as u64);
    }
}

#[test]
fn multibyte_legacy_offsets_are_exact() {
    for (encoding, text) in [
        (
            encoding_rs::SHIFT_JIS,
            "東京都は3日、新しい橋を開通させた。\n市民は歓迎した。",
        ),
        (encoding_rs::GBK, "北京消息：新桥今天通车。\n市民表示欢迎。"),
        (encoding_rs::EUC_KR, "서울 소식: 새 다리가 개통했다.\n"),
        (encoding_rs::BIG5, "台北消息：新橋今天通車。"),
    ] {
        let (raw, _, _) = encoding.encode(text);
        let decoded = decode(&raw, Some(encoding.name()), false);
        assert_eq!(decoded.text, text, "{}", encoding.name());
        assert_maps_each_char(&raw, encoding, &decoded.text, &decoded.offsets);
    }
}

#[test]
fn evidence_order_is_bom_then_declaration_then_utf8_then_guess() {
    // A BOM beats a declaration.
    let decoded = decode(b"\xEF\xBB\xBFcaf\xC3\xA9", Some("windows-1252"), false);
    assert_eq!(
        (decoded.text.as_str(), decoded.offsets.clone()),
        ("café", OffsetMap::Shifted(3))
    );
    // A declaration beats detection.
    let decoded = decode(b"caf\xE9", Some("iso-8859-15"), false);
    assert_eq!(
        (decoded.text.as_str(), decoded.encoding),
        ("café", "ISO-8859-15")
    );
    // A meta declaration counts for HTML only.
    let page = b"<meta charset=\"windows-1250\"><p>\xB9</p>";
    assert_eq!(decode(page, None, true).encoding, "windows-1250");
    // Without evidence, Latin-1 is recognised.
    let decoded = decode(b"caf\xE9", None, false);
    assert_eq!(
        (decoded.text.as_str(), decoded.encoding),
        ("café", "windows-1252")
    );
}
