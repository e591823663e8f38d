//! The `<token>` elements of an ECB+ document, found by a byte scan: the corpus files are flat
//! (one element per line, no nesting inside a token), so a full XML parser is not needed, and a
//! scan keeps the byte position of every token's text for the offset map.

use std::ops::Range;

use memchr::memmem;

/// One token element.
#[derive(Debug, Clone, PartialEq, Eq)]
pub(crate) struct Token {
    /// The `sentence` attribute: tokens of one sentence share it.
    pub(crate) sentence: u64,
    /// Where the token's text (between `>` and `</token>`, ends trimmed) is in the file.
    pub(crate) raw: Range<usize>,
}

/// A token element that could not be read.
#[derive(Debug, Clone, PartialEq, Eq)]
pub(crate) struct Malformed {
    /// Byte offset of the element's `<`.
    pub(crate) at: usize,
    pub(crate) reason: &'static str,
}

/// Every token element of `bytes` in file order, and the ones that could not be read.
///
/// Elements without text (`<token .../>` or `<token ...></token>`) are skipped: they carry no word.
pub(crate) fn scan(bytes: &[u8]) -> (Vec<Token>, Vec<Malformed>) {
    let mut tokens = Vec::new();
    let mut malformed = Vec::new();
    for at in memmem::find_iter(bytes, b"<token") {
        // `<token_anchor ...>` in the markables is another element.
        if !bytes
            .get(at + b"<token".len())
            .is_some_and(u8::is_ascii_whitespace)
        {
            continue;
        }
        match element(bytes, at) {
            Ok(Some(token)) => tokens.push(token),
            Ok(None) => {}
            Err(reason) => malformed.push(Malformed { at, reason }),
        }
    }
    (tokens, malformed)
}

/// The token element starting at `at`; `None` when it holds no text.
fn element(bytes: &[u8], at: usize) -> Result<Option<Token>, &'static str> {
    let tag_end = memchr::memchr(b'>', &bytes[at..])
        .map(|end| at + end)
        .ok_or("the element's start tag is not closed")?;
    let tag = &bytes[at..tag_end];
    if tag[1..].contains(&b'<') {
        return Err("the element's start tag is not closed");
    }
    let sentence = attribute(tag, b"sentence")
        .ok_or("the element has no sentence attribute")?
        .parse::<u64>()
        .map_err(|_| "the sentence attribute is not a number")?;
    if tag.ends_with(b"/") {
        return Ok(None);
    }
    let start = tag_end + 1;
    let end = memchr::memchr(b'<', &bytes[start..])
        .map(|end| start + end)
        .filter(|&end| bytes[end..].starts_with(b"</token>"))
        .ok_or("the element has no </token> end tag")?;
    let text = &bytes[start..end];
    let leading = text.iter().take_while(|b| b.is_ascii_whitespace()).count();
    let trailing = text[leading..]
        .iter()
        .rev()
        .take_while(|b| b.is_ascii_whitespace())
        .count();
    let raw = start + leading..end - trailing;
    Ok((!raw.is_empty()).then_some(Token { sentence, raw }))
}

/// The value of attribute `name` in a start tag, when it is quoted with `"`.
fn attribute<'a>(tag: &'a [u8], name: &[u8]) -> Option<&'a str> {
    let mut from = 0;
    while let Some(found) = memmem::find(&tag[from..], name) {
        let at = from + found;
        from = at + name.len();
        let preceded = at > 0 && tag[at - 1].is_ascii_whitespace();
        let rest = &tag[from..];
        if preceded && rest.starts_with(b"=\"") {
            let value = &rest[2..];
            let end = memchr::memchr(b'"', value)?;
            return std::str::from_utf8(&value[..end]).ok();
        }
    }
    None
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn finds_tokens_with_their_text_positions() {
        let xml = b"<Document doc_name=\"x\">\n<token t_id=\"1\" sentence=\"0\" number=\"0\">Hi</token>\n\
<token t_id=\"2\" sentence=\"0\" number=\"1\"> . </token>\n<token_anchor t_id=\"1\"/>\n</Document>";
        let (tokens, malformed) = scan(xml);
        assert!(malformed.is_empty());
        let texts: Vec<&[u8]> = tokens.iter().map(|t| &xml[t.raw.clone()]).collect();
        assert_eq!(texts, [&b"Hi"[..], &b"."[..]]);
        assert_eq!(tokens[1].sentence, 0);
    }

    #[test]
    fn broken_elements_are_reported_not_fatal() {
        let xml = b"<token t_id=\"1\" number=\"0\">a</token><token sentence=\"1\">b<b></token>\
<token sentence=\"2\"/><token sentence=\"3\">c</token><token sentence=\"4\"";
        let (tokens, malformed) = scan(xml);
        assert_eq!(tokens.len(), 1);
        assert_eq!(tokens[0].sentence, 3);
        let reasons: Vec<&str> = malformed.iter().map(|m| m.reason).collect();
        assert_eq!(
            reasons,
            [
                "the element has no sentence attribute",
                "the element has no </token> end tag",
                "the element's start tag is not closed"
            ]
        );
    }
}
