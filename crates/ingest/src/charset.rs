//! Character decoding: which encoding the bytes are in, the decoded text, and the offset map back.
//!
//! The order of evidence is: byte-order mark, declared charset (an HTTP header, else for HTML a
//! `<meta>` declaration in the first 1024 bytes), valid UTF-8, and finally chardetng's guess.
//! The [`OffsetMap`] returned with the text lets any span computed on the text be translated back
//! to byte offsets in the raw document.

use chancery_model::OffsetMap;
use chardetng::{EncodingDetector, Iso2022JpDetection, Utf8Detection};
use encoding_rs::{
    CoderResult, Encoding, REPLACEMENT, UTF_16BE, UTF_16LE, UTF_8, WINDOWS_1252, X_USER_DEFINED,
};

/// A document decoded to UTF-8.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Decoded {
    pub text: String,
    /// WHATWG name of the encoding the bytes were decoded from (`UTF-8`, `windows-1252`, ...).
    pub encoding: &'static str,
    /// Maps byte offsets in `text` to byte offsets in the raw bytes.
    pub offsets: OffsetMap,
    /// Some bytes were not valid in the encoding and were replaced with U+FFFD.
    pub had_errors: bool,
}

/// How far into an HTML document a `<meta>` charset declaration is looked for.
const META_PRESCAN_LEN: usize = 1024;
/// How many bytes chardetng sees: plenty to tell encodings apart, and bounded in time.
const DETECTOR_INPUT_LEN: usize = 4 << 20;
/// Exact anchors kept per document before falling back to one anchor per line. Exact maps cost
/// 16 bytes per non-ASCII character; past this budget (a document of several hundred thousand
/// such characters) spans stay exact at line starts only, which bounds the memory of a batch.
const EXACT_ANCHOR_BUDGET: usize = 1 << 18;

/// Decodes raw document bytes to UTF-8.
///
/// `declared` is a charset label stated outside the bytes (an HTTP `Content-Type` parameter);
/// `is_html` enables the `<meta charset>` prescan. Declarations are checked against the bytes in
/// two clear-cut cases, both common in scraped pages: a declared legacy encoding is overridden
/// when the bytes are valid UTF-8 containing non-ASCII characters (real legacy text is practically
/// never valid UTF-8 by accident), and a UTF-8 declaration is overridden when the bytes hold no
/// valid multi-byte sequence but invalid ones (legacy text labelled UTF-8). Text that is UTF-8
/// apart from a few invalid sequences is decoded as UTF-8 with replacement characters
/// (`had_errors`) rather than guessed to be a legacy encoding.
pub fn decode(bytes: &[u8], declared: Option<&str>, is_html: bool) -> Decoded {
    match choose_encoding(bytes, declared, is_html) {
        Choice::ValidUtf8 => Decoded::identity(String::from_utf8_lossy(bytes).into_owned()),
        Choice::Decode { encoding, bom_len } => decode_as(encoding, bytes, bom_len),
    }
}

/// [`decode`] for bytes the caller no longer needs: valid UTF-8 becomes the text without a copy,
/// which halves the peak memory of large documents.
pub(crate) fn decode_owned(bytes: Vec<u8>, declared: Option<&str>, is_html: bool) -> Decoded {
    match choose_encoding(&bytes, declared, is_html) {
        Choice::ValidUtf8 => match String::from_utf8(bytes) {
            Ok(text) => Decoded::identity(text),
            Err(error) => decode_as(UTF_8, error.as_bytes(), 0),
        },
        Choice::Decode { encoding, bom_len } => decode_as(encoding, &bytes, bom_len),
    }
}

impl Decoded {
    /// Text that was valid UTF-8 without a byte-order mark.
    fn identity(text: String) -> Self {
        Decoded {
            text,
            encoding: UTF_8.name(),
            offsets: OffsetMap::Identity,
            had_errors: false,
        }
    }
}

/// The outcome of weighing the evidence about a document's encoding.
enum Choice {
    /// Valid UTF-8 without a byte-order mark: the bytes are the text.
    ValidUtf8,
    /// Decode with `encoding` after skipping a byte-order mark of `bom_len` bytes.
    Decode {
        encoding: &'static Encoding,
        bom_len: usize,
    },
}

fn choose_encoding(bytes: &[u8], declared: Option<&str>, is_html: bool) -> Choice {
    if let Some((encoding, bom_len)) = Encoding::for_bom(bytes) {
        return Choice::Decode { encoding, bom_len };
    }
    let decode = |encoding| Choice::Decode {
        encoding,
        bom_len: 0,
    };
    let valid_utf8 = std::str::from_utf8(bytes).is_ok();
    let stated = declared.and_then(encoding_for_label).or_else(|| {
        if is_html {
            meta_charset(bytes)
        } else {
            None
        }
    });
    match stated {
        Some(encoding) if encoding == UTF_8 => {
            if valid_utf8 {
                return Choice::ValidUtf8;
            }
            // Trust the declaration unless no multi-byte character at all supports it.
            if Utf8Evidence::of(bytes).multibyte_chars > 0 {
                return decode(UTF_8);
            }
        }
        Some(encoding) if encoding == UTF_16LE || encoding == UTF_16BE => return decode(encoding),
        Some(encoding) => {
            let mislabelled_utf8 = valid_utf8 && !bytes.is_ascii();
            if !mislabelled_utf8 {
                return decode(encoding);
            }
        }
        None => {}
    }
    if valid_utf8 {
        return Choice::ValidUtf8;
    }
    if Utf8Evidence::of(bytes).is_mostly_utf8() {
        return decode(UTF_8);
    }
    decode(guess_encoding(bytes))
}

/// The encoding for a charset label, or `None` for unknown labels and for labels that map to the
/// WHATWG "replacement" encoding (which decodes any input to a single U+FFFD).
fn encoding_for_label(label: &str) -> Option<&'static Encoding> {
    let label = label.trim().trim_matches(|c| c == '"' || c == '\'');
    Encoding::for_label(label.as_bytes()).filter(|&encoding| encoding != REPLACEMENT)
}

/// The charset declared by a `<meta charset=...>` or `<meta http-equiv=Content-Type
/// content="...; charset=...">` in the first 1024 bytes. As in browsers, a UTF-16 declaration
/// (impossible in an ASCII-compatible prescan) means UTF-8 and x-user-defined means windows-1252.
pub(crate) fn meta_charset(bytes: &[u8]) -> Option<&'static Encoding> {
    let window = bytes[..bytes.len().min(META_PRESCAN_LEN)].to_ascii_lowercase();
    let finder = memchr::memmem::Finder::new(b"<meta");
    for meta_at in finder.find_iter(&window) {
        let tag_end =
            memchr::memchr(b'>', &window[meta_at..]).map_or(window.len(), |end| meta_at + end);
        let tag = &window[meta_at..tag_end];
        let Some(charset_at) = memchr::memmem::find(tag, b"charset") else {
            continue;
        };
        let Some(label) = attribute_value(&tag[charset_at + b"charset".len()..]) else {
            continue;
        };
        let Some(encoding) = std::str::from_utf8(label).ok().and_then(encoding_for_label) else {
            continue;
        };
        return Some(if encoding == UTF_16LE || encoding == UTF_16BE {
            UTF_8
        } else if encoding == X_USER_DEFINED {
            WINDOWS_1252
        } else {
            encoding
        });
    }
    None
}

/// The value after `charset`: optional whitespace, `=`, optional whitespace and quote, then the
/// label characters.
fn attribute_value(after_name: &[u8]) -> Option<&[u8]> {
    let rest = trim_ascii_start(after_name).strip_prefix(b"=")?;
    let rest = trim_ascii_start(rest);
    let rest = rest
        .strip_prefix(b"\"")
        .or_else(|| rest.strip_prefix(b"'"))
        .unwrap_or(rest);
    let len = rest
        .iter()
        .take_while(|byte| {
            byte.is_ascii_alphanumeric() || matches!(byte, b'-' | b'_' | b'.' | b':')
        })
        .count();
    (len > 0).then_some(&rest[..len])
}

fn trim_ascii_start(bytes: &[u8]) -> &[u8] {
    let start = bytes
        .iter()
        .position(|byte| !byte.is_ascii_whitespace())
        .unwrap_or(bytes.len());
    &bytes[start..]
}

/// How much of some invalid UTF-8 is nonetheless UTF-8.
struct Utf8Evidence {
    /// Valid multi-byte characters.
    multibyte_chars: usize,
    /// Maximal invalid sequences (each would become one U+FFFD).
    invalid_sequences: usize,
}

impl Utf8Evidence {
    fn of(bytes: &[u8]) -> Self {
        let mut evidence = Utf8Evidence {
            multibyte_chars: 0,
            invalid_sequences: 0,
        };
        for chunk in bytes.utf8_chunks() {
            evidence.multibyte_chars += chunk.valid().bytes().filter(|&byte| byte >= 0xC0).count();
            evidence.invalid_sequences += usize::from(!chunk.invalid().is_empty());
        }
        evidence
    }

    /// At least one valid multi-byte character, and no more invalid sequences than those. Legacy
    /// 8-bit text almost never forms valid multi-byte sequences, so it fails this test and goes to
    /// the detector.
    fn is_mostly_utf8(&self) -> bool {
        self.multibyte_chars > 0 && self.invalid_sequences <= self.multibyte_chars
    }
}

/// chardetng's guess for bytes that are not UTF-8, with no top-level-domain hint.
fn guess_encoding(bytes: &[u8]) -> &'static Encoding {
    let mut detector = EncodingDetector::new(Iso2022JpDetection::Deny);
    let whole = bytes.len() <= DETECTOR_INPUT_LEN;
    detector.feed(&bytes[..bytes.len().min(DETECTOR_INPUT_LEN)], whole);
    detector.guess(None, Utf8Detection::Deny)
}

/// Decodes `bytes[content_start..]` (after a byte-order mark of that length) as `encoding`.
fn decode_as(encoding: &'static Encoding, bytes: &[u8], content_start: usize) -> Decoded {
    let content = &bytes[content_start..];
    let base = content_start as u64;
    if encoding == UTF_8 {
        if let Ok(text) = std::str::from_utf8(content) {
            let offsets = if base == 0 {
                OffsetMap::Identity
            } else {
                OffsetMap::Shifted(base)
            };
            return Decoded {
                text: text.to_string(),
                encoding: UTF_8.name(),
                offsets,
                had_errors: false,
            };
        }
        return decode_lossy_utf8(content, base);
    }
    if encoding == UTF_16LE || encoding == UTF_16BE {
        return decode_utf16(content, base, encoding == UTF_16BE);
    }
    if encoding.is_single_byte() {
        return decode_single_byte(encoding, content, base);
    }
    decode_multibyte(encoding, content, base)
}

/// UTF-8 with invalid sequences: each becomes U+FFFD (as `String::from_utf8_lossy` does) with an
/// anchor after it, since the replacement is three text bytes for one to three raw bytes.
fn decode_lossy_utf8(content: &[u8], base: u64) -> Decoded {
    let mut text = String::with_capacity(content.len() + 16);
    let mut anchors = AnchorBuilder::new(base);
    let mut raw = base;
    for chunk in content.utf8_chunks() {
        let valid = chunk.valid();
        if !anchors.is_exact() {
            for newline in memchr::memchr_iter(b'\n', valid.as_bytes()) {
                let after = newline as u64 + 1;
                anchors.mark(text.len() as u64 + after, raw + after, true);
            }
        }
        text.push_str(valid);
        raw += valid.len() as u64;
        let invalid = chunk.invalid();
        if !invalid.is_empty() {
            text.push(char::REPLACEMENT_CHARACTER);
            raw += invalid.len() as u64;
            anchors.mark(text.len() as u64, raw, false);
        }
    }
    Decoded {
        text,
        encoding: UTF_8.name(),
        offsets: anchors.finish(),
        had_errors: true,
    }
}

/// UTF-16 after its byte-order mark. Lone surrogates and an odd trailing byte become U+FFFD.
fn decode_utf16(content: &[u8], base: u64, big_endian: bool) -> Decoded {
    let units = content.chunks_exact(2).map(|pair| {
        let pair = [pair[0], pair[1]];
        if big_endian {
            u16::from_be_bytes(pair)
        } else {
            u16::from_le_bytes(pair)
        }
    });
    let mut text = String::with_capacity(content.len());
    let mut anchors = AnchorBuilder::new(base);
    let mut raw = base;
    let mut had_errors = false;
    for decoded in char::decode_utf16(units) {
        let (ch, raw_width) = match decoded {
            Ok(ch) => (ch, 2 * ch.len_utf16() as u64),
            Err(_) => {
                had_errors = true;
                (char::REPLACEMENT_CHARACTER, 2)
            }
        };
        text.push(ch);
        raw += raw_width;
        anchors.mark(text.len() as u64, raw, ch == '\n');
    }
    if content.len() % 2 == 1 {
        had_errors = true;
        text.push(char::REPLACEMENT_CHARACTER);
        raw += 1;
        anchors.mark(text.len() as u64, raw, false);
    }
    let encoding = if big_endian {
        UTF_16BE.name()
    } else {
        UTF_16LE.name()
    };
    Decoded {
        text,
        encoding,
        offsets: anchors.finish(),
        had_errors,
    }
}

/// A legacy single-byte encoding: one character per byte, so an anchor after every non-ASCII
/// character makes the map exact.
fn decode_single_byte(encoding: &'static Encoding, content: &[u8], base: u64) -> Decoded {
    let (text, had_errors) = encoding.decode_without_bom_handling(content);
    let text = text.into_owned();
    let mut anchors = AnchorBuilder::new(base);
    let mut raw = base;
    for (text_at, ch) in text.char_indices() {
        raw += 1;
        if !ch.is_ascii() || ch == '\n' {
            anchors.mark((text_at + ch.len_utf8()) as u64, raw, ch == '\n');
        }
    }
    Decoded {
        text,
        encoding: encoding.name(),
        offsets: anchors.finish(),
        had_errors,
    }
}

/// A legacy multi-byte encoding (Shift_JIS, EUC-JP, EUC-KR, GBK, gb18030, Big5, ISO-2022-JP).
///
/// The decoder is fed one byte at a time: it emits a character exactly when that character's last
/// byte arrives, so every emission is a character boundary in both the text and the raw bytes and
/// anchors there make the map exact (until the anchor budget is spent).
fn decode_multibyte(encoding: &'static Encoding, content: &[u8], base: u64) -> Decoded {
    let mut decoder = encoding.new_decoder_without_bom_handling();
    let mut text = String::with_capacity(content.len() * 3 / 2);
    let mut anchors = AnchorBuilder::new(base);
    let mut had_errors = false;
    // One input byte yields at most a pending replacement plus one character.
    let mut scratch = [0u8; 32];
    let mut feed = |input: &[u8], last: bool, raw_after: u64, text: &mut String| {
        let mut remaining = input;
        loop {
            let (result, read, written, errors) =
                decoder.decode_to_utf8(remaining, &mut scratch, last);
            had_errors |= errors;
            if written > 0 {
                let chunk = String::from_utf8_lossy(&scratch[..written]);
                let chunk_start = text.len();
                text.push_str(&chunk);
                anchors.mark_chunk(chunk_start as u64, &chunk, raw_after);
            }
            remaining = &remaining[read..];
            if result == CoderResult::InputEmpty {
                break;
            }
        }
    };
    for (index, byte) in content.iter().enumerate() {
        feed(
            std::slice::from_ref(byte),
            false,
            base + index as u64 + 1,
            &mut text,
        );
    }
    feed(&[], true, base + content.len() as u64, &mut text);
    let offsets = anchors.finish();
    Decoded {
        text,
        encoding: encoding.name(),
        offsets,
        had_errors,
    }
}

/// Collects `(text_offset, raw_offset)` anchors, dropping those implied by the one-to-one
/// extrapolation from the previous anchor, and switching to line starts only once the exact
/// budget is spent.
struct AnchorBuilder {
    points: Vec<(u64, u64)>,
    last: (u64, u64),
}

impl AnchorBuilder {
    fn new(base: u64) -> Self {
        AnchorBuilder {
            points: vec![(0, base)],
            last: (0, base),
        }
    }

    fn is_exact(&self) -> bool {
        self.points.len() < EXACT_ANCHOR_BUDGET
    }

    /// Records that text offset `text` corresponds to raw offset `raw` (a character boundary).
    fn mark(&mut self, text: u64, raw: u64, at_line_start: bool) {
        if !at_line_start && !self.is_exact() {
            return;
        }
        let (last_text, last_raw) = self.last;
        if text - last_text == raw - last_raw {
            return;
        }
        self.points.push((text, raw));
        self.last = (text, raw);
    }

    /// Records the characters one decoder write appended at text offset `start`, ending at raw
    /// offset `raw_end`. A write of several characters comes from a malformed sequence followed by
    /// bytes the decoder read again one by one (ASCII after a cut Shift_JIS lead byte): those last
    /// characters are one raw byte each, and the replacements before them take the rest. Each
    /// character gets its anchor, never before the previous one nor past `raw_end`.
    fn mark_chunk(&mut self, start: u64, chunk: &str, raw_end: u64) {
        let later: Vec<usize> = chunk.char_indices().skip(1).map(|(at, _)| at).collect();
        for (i, &at) in later.iter().enumerate() {
            let reread = (later.len() - i) as u64;
            let raw = raw_end.saturating_sub(reread).max(self.last.1);
            let at_line_start = chunk[..at].ends_with('\n');
            self.mark(start + at as u64, raw, at_line_start);
        }
        self.mark(start + chunk.len() as u64, raw_end, chunk.ends_with('\n'));
    }

    fn finish(self) -> OffsetMap {
        OffsetMap::Anchors(self.points)
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    /// Every character boundary of the text maps to the raw offset of that character.
    fn assert_exact(decoded: &Decoded, raw_char_starts: &[u64]) {
        let text_starts: Vec<u64> = decoded
            .text
            .char_indices()
            .map(|(at, _)| at as u64)
            .collect();
        assert_eq!(
            text_starts.len(),
            raw_char_starts.len(),
            "{:?}",
            decoded.text
        );
        for (text_at, raw_at) in text_starts.iter().zip(raw_char_starts) {
            assert_eq!(
                decoded.offsets.to_raw(*text_at),
                *raw_at,
                "text offset {text_at}"
            );
        }
    }

    #[test]
    fn utf8_maps_one_to_one() {
        let decoded = decode("naïve".as_bytes(), None, false);
        assert_eq!(decoded.text, "naïve");
        assert_eq!(decoded.encoding, "UTF-8");
        assert_eq!(decoded.offsets, OffsetMap::Identity);
        let decoded = decode(b"\xEF\xBB\xBFok", None, false);
        assert_eq!(decoded.text, "ok");
        assert_eq!(decoded.offsets, OffsetMap::Shifted(3));
    }

    #[test]
    fn undeclared_latin1_is_detected() {
        let decoded = decode(b"Le caf\xE9 est cher, d\xE9j\xE0 vu.", None, false);
        assert_eq!(decoded.text, "Le café est cher, déjà vu.");
        assert_eq!(decoded.encoding, "windows-1252");
        assert_exact(&decoded, &(0..26).collect::<Vec<_>>());
    }

    #[test]
    fn declared_charsets_win_over_guessing() {
        let raw = b"\xcf\xf0\xe8\xe2\xe5\xf2";
        let decoded = decode(raw, Some("windows-1251"), false);
        assert_eq!(decoded.text, "Привет");
        assert_exact(&decoded, &[0, 1, 2, 3, 4, 5]);
        let html = b"<html><head><meta charset=\"koi8-r\"></head><body>\xf0\xd2\xc9</body>";
        assert_eq!(decode(html, None, true).encoding, "KOI8-R");
        let equiv = b"<meta http-equiv='Content-Type' content='text/html; charset=ISO-8859-2'>";
        assert_eq!(decode(equiv, None, true).encoding, "ISO-8859-2");
        assert_eq!(
            decode(html, Some("windows-1251"), true).encoding,
            "windows-1251"
        );
    }

    #[test]
    fn utf8_mislabelled_as_latin1_stays_utf8() {
        let decoded = decode("café".as_bytes(), Some("iso-8859-1"), false);
        assert_eq!(decoded.text, "café");
        assert_eq!(decoded.encoding, "UTF-8");
    }

    #[test]
    fn legacy_bytes_declared_utf8_are_detected() {
        let decoded = decode(b"<p>Le caf\xE9 est ferm\xE9.</p>", Some("utf-8"), true);
        assert_eq!(decoded.encoding, "windows-1252");
        assert_eq!(decoded.text, "<p>Le café est fermé.</p>");
        let mostly_utf8 = ["café — ok ".as_bytes(), b"\xFF"].concat();
        let decoded = decode(&mostly_utf8, Some("utf-8"), false);
        assert_eq!(decoded.encoding, "UTF-8");
    }

    #[test]
    fn owned_decoding_matches_borrowed() {
        for (bytes, declared) in [
            (b"plain ascii".to_vec(), None),
            ("naïve".as_bytes().to_vec(), Some("iso-8859-1")),
            (b"caf\xE9".to_vec(), None),
            (b"\xEF\xBB\xBFbom".to_vec(), None),
        ] {
            assert_eq!(
                decode_owned(bytes.clone(), declared, false),
                decode(&bytes, declared, false)
            );
        }
    }

    #[test]
    fn invalid_utf8_is_replaced_with_anchors() {
        let raw = "été à "
            .as_bytes()
            .iter()
            .copied()
            .chain(*b"\xFFok\xC3")
            .collect::<Vec<u8>>();
        let decoded = decode(&raw, None, false);
        assert!(decoded.had_errors);
        assert_eq!(decoded.text, "été à \u{FFFD}ok\u{FFFD}");
        assert_exact(&decoded, &[0, 2, 3, 5, 6, 8, 9, 10, 11, 12]);
    }

    #[test]
    fn utf16_with_bom_decodes_exactly() {
        let mut raw = vec![0xFF, 0xFE];
        for unit in "hé\n😀x".encode_utf16() {
            raw.extend_from_slice(&unit.to_le_bytes());
        }
        let decoded = decode(&raw, None, false);
        assert_eq!(decoded.text, "hé\n😀x");
        assert_eq!(decoded.encoding, "UTF-16LE");
        assert_exact(&decoded, &[2, 4, 6, 8, 12]);
    }

    #[test]
    fn shift_jis_maps_every_character() {
        let (raw, _, _) = encoding_rs::SHIFT_JIS.encode("東京 news\n日本");
        let decoded = decode(&raw, Some("shift_jis"), false);
        assert_eq!(decoded.text, "東京 news\n日本");
        assert_exact(&decoded, &[0, 2, 4, 5, 6, 7, 8, 9, 10, 12]);
    }

    /// Found by the `charset` fuzz target: Latin-1 text declared Shift_JIS, where a cut lead
    /// byte (0xE9) before a space made the decoder write U+FFFD and the space at once, and the
    /// space mapped one raw byte too far, up to past the end of the raw bytes.
    #[test]
    fn shift_jis_replacement_before_ascii_maps_inside_the_raw_bytes() {
        let raw = b"caf\xe9 du\n\xe0!";
        let decoded = decode(raw, Some("shift_jis"), false);
        assert_eq!(decoded.text, "caf\u{FFFD} du\n\u{FFFD}!");
        assert_exact(&decoded, &[0, 1, 2, 3, 4, 5, 6, 7, 8, 9]);
        assert_eq!(decoded.offsets.to_raw(decoded.text.len() as u64), 10);
    }

    #[test]
    fn anchors_fall_back_to_line_starts_past_the_budget() {
        let mut builder = AnchorBuilder::new(0);
        for index in 0..(EXACT_ANCHOR_BUDGET as u64 + 10) {
            builder.mark(2 * index + 2, index + 1, false);
        }
        let before = builder.points.len();
        builder.mark(10_000_000, 9_000_000, true);
        assert_eq!(builder.points.len(), before + 1);
    }
}
