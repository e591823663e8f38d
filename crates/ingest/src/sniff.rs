//! Format detection from content: gzip, WARC, JSONL, ECB+ XML, HTML, plain text, binary or empty.
//!
//! Extensions lie (a `.txt` that is HTML, a `.json` that is JSONL, a `.gz` that is not gzip), so
//! every decision here looks at bytes only.

use encoding_rs::{UTF_16BE, UTF_16LE};

/// What an input holds, judged from its first bytes.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash)]
pub enum Sniffed {
    /// Gzip-compressed data (magic `1f 8b`); the content is sniffed after decompression.
    Gzip,
    /// A WARC file (starts with `WARC/1.`).
    Warc,
    /// JSON Lines: the first line is a JSON object.
    Jsonl,
    /// An ECB+ corpus document: XML with a `<Document>` root and `<token sentence="..">` elements.
    EcbPlus,
    /// An HTML page or fragment.
    Html,
    /// Any other text.
    Text,
    /// Not text: NUL or control bytes, or the magic number of a known binary format.
    Binary,
    /// Nothing but whitespace, or nothing at all.
    Empty,
}

/// How many leading bytes the binary checks look at.
const BINARY_WINDOW: usize = 8 * 1024;
/// How many leading bytes the HTML heuristics look at.
const HTML_WINDOW: usize = 4 * 1024;

const UTF8_BOM: &[u8] = b"\xEF\xBB\xBF";
const GZIP_MAGIC: &[u8] = b"\x1F\x8B";

/// Magic numbers of binary formats that may turn up among scraped files.
const BINARY_MAGIC: &[(&[u8], &str)] = &[
    (b"\x89PNG\r\n\x1A\n", "png image"),
    (b"\xFF\xD8\xFF", "jpeg image"),
    (b"GIF87a", "gif image"),
    (b"GIF89a", "gif image"),
    (b"%PDF-", "pdf document"),
    (b"PK\x03\x04", "zip archive"),
    (b"PK\x05\x06", "zip archive"),
    (b"\x7FELF", "elf executable"),
    (b"BZh", "bzip2 data"),
    (b"\xFD7zXZ\x00", "xz data"),
    (b"\x28\xB5\x2F\xFD", "zstd data"),
    (b"7z\xBC\xAF\x27\x1C", "7-zip archive"),
    (b"Rar!\x1A\x07", "rar archive"),
    (b"SQLite format 3\x00", "sqlite database"),
    (b"\x00asm", "webassembly module"),
    (b"OggS", "ogg media"),
    (b"ID3", "mp3 audio"),
    (b"\xCA\xFE\xBA\xBE", "java class or mach-o binary"),
    (b"\xCF\xFA\xED\xFE", "mach-o binary"),
];

/// Detects the format of an input from its leading bytes (a prefix of a few KB is enough; JSONL
/// detection parses the first line when the prefix holds all of it).
pub fn sniff(bytes: &[u8]) -> Sniffed {
    if bytes.is_empty() {
        return Sniffed::Empty;
    }
    if bytes.starts_with(GZIP_MAGIC) {
        return Sniffed::Gzip;
    }
    if bytes.starts_with(b"WARC/1.") {
        return Sniffed::Warc;
    }
    if binary_magic(bytes).is_some() {
        return Sniffed::Binary;
    }
    if let Some(text) = decode_utf16_prefix(bytes) {
        return if text.trim().is_empty() {
            Sniffed::Empty
        } else if looks_like_html(text.as_bytes()) {
            Sniffed::Html
        } else {
            Sniffed::Text
        };
    }
    let content = bytes.strip_prefix(UTF8_BOM).unwrap_or(bytes);
    if looks_binary(content) {
        return Sniffed::Binary;
    }
    if content.iter().all(u8::is_ascii_whitespace) {
        return Sniffed::Empty;
    }
    if looks_like_jsonl(content) {
        return Sniffed::Jsonl;
    }
    // Before HTML, whose openings include `<?xml`.
    if crate::ecbplus::looks_like_ecbplus(content) {
        return Sniffed::EcbPlus;
    }
    if looks_like_html(content) {
        return Sniffed::Html;
    }
    Sniffed::Text
}

/// Names the binary format whose magic number `bytes` starts with.
pub(crate) fn binary_magic(bytes: &[u8]) -> Option<&'static str> {
    BINARY_MAGIC
        .iter()
        .find(|(magic, _)| bytes.starts_with(magic))
        .map(|&(_, name)| name)
}

/// A short description of why `bytes` count as binary, for diagnostics.
pub(crate) fn describe_binary(bytes: &[u8]) -> String {
    match binary_magic(bytes) {
        Some(name) => format!("binary content ({name}), not text, html, warc or jsonl"),
        None => "binary content (nul or control bytes), not text, html, warc or jsonl".to_string(),
    }
}

/// NUL bytes, or more than 10% control bytes, in the first 8 KB. Text in UTF-16 has NULs
/// but is recognised by its byte-order mark before this check.
pub(crate) fn looks_binary(bytes: &[u8]) -> bool {
    let window = &bytes[..bytes.len().min(BINARY_WINDOW)];
    if window.is_empty() {
        return false;
    }
    if memchr::memchr(0, window).is_some() {
        return true;
    }
    let controls = window
        .iter()
        .filter(|&&byte| is_binary_control(byte))
        .count();
    controls * 10 > window.len()
}

/// Control bytes that do not occur in text: all C0 controls except tab, line feed, vertical
/// tab, form feed, carriage return and escape (used by some terminal dumps), plus DEL.
fn is_binary_control(byte: u8) -> bool {
    matches!(byte, 0x00..=0x08 | 0x0E..=0x1A | 0x1C..=0x1F | 0x7F)
}

/// The start of a UTF-16 text with a byte-order mark, decoded; `None` without such a mark.
fn decode_utf16_prefix(bytes: &[u8]) -> Option<String> {
    let (encoding, body) = if let Some(body) = bytes.strip_prefix(b"\xFF\xFE") {
        (UTF_16LE, body)
    } else if let Some(body) = bytes.strip_prefix(b"\xFE\xFF") {
        (UTF_16BE, body)
    } else {
        return None;
    };
    let window = &body[..body.len().min(HTML_WINDOW) & !1];
    Some(encoding.decode_without_bom_handling(window).0.into_owned())
}

/// The first non-blank line is a JSON object. When the prefix ends inside that line (a very long
/// first record), an object opening with a string key is taken as enough evidence.
fn looks_like_jsonl(bytes: &[u8]) -> bool {
    let start = bytes
        .iter()
        .position(|byte| !byte.is_ascii_whitespace())
        .unwrap_or(bytes.len());
    let rest = &bytes[start..];
    if rest.first() != Some(&b'{') {
        return false;
    }
    match memchr::memchr(b'\n', rest) {
        Some(end) => matches!(
            serde_json::from_slice::<serde_json::Value>(&rest[..end]),
            Ok(serde_json::Value::Object(_))
        ),
        None if rest.len() >= HTML_WINDOW => {
            rest[1..].iter().find(|byte| !byte.is_ascii_whitespace()) == Some(&b'"')
        }
        None => matches!(
            serde_json::from_slice::<serde_json::Value>(rest),
            Ok(serde_json::Value::Object(_))
        ),
    }
}

/// Openings that mark a document as HTML (compared case-insensitively after whitespace).
const HTML_OPENINGS: &[&[u8]] = &[
    b"<!doctype html",
    b"<html",
    b"<head",
    b"<body",
    b"<meta",
    b"<!--",
    b"<?xml",
];

/// Tag names common enough in pages and article fragments to count as evidence of HTML.
const HTML_TAGS: &[&[u8]] = &[
    b"a",
    b"abbr",
    b"article",
    b"aside",
    b"b",
    b"blockquote",
    b"body",
    b"br",
    b"button",
    b"code",
    b"div",
    b"em",
    b"figcaption",
    b"figure",
    b"footer",
    b"form",
    b"h1",
    b"h2",
    b"h3",
    b"h4",
    b"h5",
    b"h6",
    b"head",
    b"header",
    b"hr",
    b"html",
    b"i",
    b"iframe",
    b"img",
    b"input",
    b"label",
    b"li",
    b"link",
    b"main",
    b"meta",
    b"nav",
    b"noscript",
    b"ol",
    b"option",
    b"p",
    b"picture",
    b"pre",
    b"script",
    b"section",
    b"select",
    b"small",
    b"source",
    b"span",
    b"strong",
    b"style",
    b"sub",
    b"sup",
    b"svg",
    b"table",
    b"tbody",
    b"td",
    b"th",
    b"thead",
    b"time",
    b"title",
    b"tr",
    b"u",
    b"ul",
];

/// HTML by its opening (`<!doctype html`, `<html`, `<head`, `<body`, `<meta`, `<!--`), or by a
/// high density of known tags in the first 4 KB (fragments such as `<p>...</p><p>...</p>`).
pub(crate) fn looks_like_html(bytes: &[u8]) -> bool {
    let bytes = bytes.strip_prefix(UTF8_BOM).unwrap_or(bytes);
    let start = bytes
        .iter()
        .position(|byte| !byte.is_ascii_whitespace())
        .unwrap_or(bytes.len());
    let window = &bytes[start..bytes.len().min(start + HTML_WINDOW)];
    if HTML_OPENINGS
        .iter()
        .any(|opening| starts_with_ignore_case(window, opening))
    {
        return true;
    }
    let tags = memchr::memchr_iter(b'<', window)
        .filter(|&at| is_known_tag(&window[at + 1..]))
        .count();
    // At least one tag per 300 bytes: prose that merely mentions "<b>" stays text.
    tags >= 2 && tags * 300 >= window.len()
}

/// `after_angle` (the bytes after a `<`) starts with an optional `/`, a known tag name, and then
/// whitespace, `>` or `/`.
fn is_known_tag(after_angle: &[u8]) -> bool {
    let name_start = usize::from(after_angle.first() == Some(&b'/'));
    let rest = &after_angle[name_start..];
    let name_len = rest
        .iter()
        .take_while(|byte| byte.is_ascii_alphanumeric())
        .count();
    if name_len == 0 || name_len > 10 {
        return false;
    }
    let terminated = matches!(
        rest.get(name_len),
        Some(b'>' | b'/' | b' ' | b'\t' | b'\r' | b'\n')
    );
    terminated
        && HTML_TAGS
            .iter()
            .any(|tag| rest[..name_len].eq_ignore_ascii_case(tag))
}

fn starts_with_ignore_case(bytes: &[u8], prefix: &[u8]) -> bool {
    bytes.len() >= prefix.len() && bytes[..prefix.len()].eq_ignore_ascii_case(prefix)
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn recognises_each_format() {
        assert_eq!(sniff(b""), Sniffed::Empty);
        assert_eq!(sniff(b" \n\t\r\n"), Sniffed::Empty);
        assert_eq!(sniff(b"\x1F\x8B\x08\x00"), Sniffed::Gzip);
        assert_eq!(sniff(b"WARC/1.0\r\nWARC-Type: warcinfo\r\n"), Sniffed::Warc);
        assert_eq!(
            sniff(b"{\"text\": \"hi\"}\n{\"text\": \"yo\"}\n"),
            Sniffed::Jsonl
        );
        assert_eq!(
            sniff(b"\n  <!DOCTYPE html><html><body>x</body></html>"),
            Sniffed::Html
        );
        assert_eq!(sniff(b"\xEF\xBB\xBF<html lang=en>"), Sniffed::Html);
        assert_eq!(sniff(b"<p>One.</p>\n<p>Two.</p>"), Sniffed::Html);
        assert_eq!(sniff(b"Headline\n\nBody text, caf\xE9.\n"), Sniffed::Text);
        assert_eq!(
            sniff(
                b"<Document doc_name=\"1_1ecb.xml\">\n<token t_id=\"1\" sentence=\"0\">A</token>"
            ),
            Sniffed::EcbPlus
        );
        assert_eq!(sniff(b"\x89PNG\r\n\x1A\n\0\0\0\rIHDR"), Sniffed::Binary);
        assert_eq!(sniff(b"text with a \0 nul"), Sniffed::Binary);
        assert_eq!(sniff(b"\xFF\xFEh\0i\0\n\0"), Sniffed::Text);
        assert_eq!(sniff(b"\xFF\xFE<\0h\0t\0m\0l\0>\0"), Sniffed::Html);
    }

    #[test]
    fn a_json_document_that_is_not_line_delimited_is_text() {
        assert_eq!(
            sniff(b"{\n  \"text\": \"pretty printed\"\n}\n"),
            Sniffed::Text
        );
        assert_eq!(sniff(b"{not json at all}\nsecond line"), Sniffed::Text);
    }

    #[test]
    fn prose_mentioning_a_tag_is_not_html() {
        let mut prose = b"Writers may use <b> and </b> to embolden words. ".to_vec();
        prose.extend(b"The rest of this paragraph is ordinary prose about the news. ".repeat(16));
        assert_eq!(sniff(&prose), Sniffed::Text);
    }

    #[test]
    fn control_heavy_bytes_are_binary() {
        let mut bytes = b"abcdefghi".to_vec();
        bytes.extend_from_slice(&[0x01, 0x02]);
        assert!(looks_binary(&bytes));
        assert!(!looks_binary(b"tab\tand\r\nnewline\x0c"));
    }
}
