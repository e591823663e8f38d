//! ECB+ documents: the news texts of the ECB+ corpus (Cybulska & Vossen, LREC 2014, CC BY 3.0),
//! stored as XML with one `<token t_id=".." sentence=".." number="..">word</token>` element per
//! token under a `<Document doc_name="..">` root, followed by event markables the reader ignores.
//!
//! Each file becomes one text document: its tokens joined into sentences (one paragraph each, see
//! [`join`]), with an offset map that sends every text byte back to the bytes of its token in the
//! file, so spans computed on the text point into the XML. ECB+ documents open with the page's
//! URL, which becomes the document's stated URL (and so its source).

mod join;
mod tokens;

use chancery_model::{DiagnosticKind, DocFormat, DocMeta, OffsetMap, Provenance, RawDoc};

use crate::{Emitter, Event};

/// How far into a file the root element and a first token are looked for.
const DETECT_WINDOW: usize = 4 * 1024;

/// Malformed token elements reported one by one; beyond this, one count for the rest.
const MALFORMED_REPORTED: usize = 5;

/// Whether `bytes` start like an ECB+ document: an optional BOM and XML declaration, then a
/// `<Document` root, and a `<token ... sentence="..">` element soon after.
pub(crate) fn looks_like_ecbplus(bytes: &[u8]) -> bool {
    let window = &bytes[..bytes.len().min(DETECT_WINDOW)];
    let mut rest = window.strip_prefix(b"\xEF\xBB\xBF").unwrap_or(window);
    rest = trim_start(rest);
    if rest.starts_with(b"<?xml") {
        let Some(end) = memchr::memmem::find(rest, b"?>") else {
            return false;
        };
        rest = trim_start(&rest[end + 2..]);
    }
    let Some(after_root) = rest.strip_prefix(b"<Document") else {
        return false;
    };
    if !after_root
        .first()
        .is_some_and(|b| b.is_ascii_whitespace() || *b == b'>')
    {
        return false;
    }
    memchr::memmem::find_iter(after_root, b"<token")
        .filter_map(|at| after_root.get(at..).and_then(|t| t.get(..t.len().min(200))))
        .any(|tag| {
            tag.get(6).is_some_and(u8::is_ascii_whitespace)
                && memchr::memmem::find(tag, b"sentence=\"").is_some()
        })
}

fn trim_start(bytes: &[u8]) -> &[u8] {
    let start = bytes
        .iter()
        .position(|b| !b.is_ascii_whitespace())
        .unwrap_or(bytes.len());
    &bytes[start..]
}

/// Emits an ECB+ file's bytes as one text document, reporting malformed token elements.
pub(crate) fn emit(bytes: &[u8], provenance: Provenance, emitter: &mut Emitter) {
    let (tokens, malformed) = tokens::scan(bytes);
    for bad in malformed.iter().take(MALFORMED_REPORTED) {
        emitter.problem(
            DiagnosticKind::BadRecord,
            Some(format!("token element at byte {}", bad.at)),
            format!("{}; the token is skipped", bad.reason),
        );
    }
    if malformed.len() > MALFORMED_REPORTED {
        emitter.problem(
            DiagnosticKind::BadRecord,
            None,
            format!(
                "{} more malformed token elements skipped",
                malformed.len() - MALFORMED_REPORTED
            ),
        );
    }
    if tokens.is_empty() {
        emitter.problem(
            DiagnosticKind::Empty,
            None,
            "the ECB+ document holds no token with text",
        );
        return;
    }
    let joined = join::join(bytes, &tokens);
    if joined.replaced {
        emitter.problem(
            DiagnosticKind::BadEncoding,
            None,
            "some token bytes are not valid utf-8 and were replaced with u+fffd",
        );
    }
    let doc = RawDoc {
        provenance,
        format: DocFormat::Text,
        text: joined.text,
        encoding: "UTF-8",
        offsets: OffsetMap::Anchors(joined.anchors),
        meta: DocMeta {
            url: joined.url,
            ..DocMeta::default()
        },
    };
    emitter.send(Event::Doc(doc));
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn detects_the_root_and_a_token() {
        let doc = b"<Document doc_name=\"1_1ecb.xml\" doc_id=\"D1\">\n<token t_id=\"1\" sentence=\"0\" number=\"0\">A</token>";
        assert!(looks_like_ecbplus(doc));
        let declared = [&b"\xEF\xBB\xBF<?xml version=\"1.0\"?>\n"[..], doc].concat();
        assert!(looks_like_ecbplus(&declared));
        assert!(!looks_like_ecbplus(
            b"<Document><p>not tokens</p></Document>"
        ));
        assert!(!looks_like_ecbplus(
            b"<Documents><token sentence=\"0\">a</token>"
        ));
        assert!(!looks_like_ecbplus(
            b"<html><token sentence=\"0\">a</token>"
        ));
    }
}
