//! HTTP responses stored in WARC `response` records: status, headers, and the body with its
//! transfer and content encodings removed.

use std::borrow::Cow;
use std::io::Read;

use flate2::bufread::{DeflateDecoder, ZlibDecoder};

use crate::error::{preview, PayloadError};
use crate::gzip::{gunzip_bounded, GZIP_MAGIC};
use crate::sniff;

/// A document body ready for decoding, with what the headers say about it.
#[derive(Debug)]
pub(crate) struct Payload<'a> {
    pub(crate) body: Cow<'a, [u8]>,
    /// The `charset` parameter of the `Content-Type`, if any.
    pub(crate) charset: Option<String>,
    /// The content type names HTML.
    pub(crate) declared_html: bool,
}

/// A parsed `Content-Type` value.
#[derive(Debug, Clone, PartialEq, Eq)]
pub(crate) struct ContentType {
    /// The media type, lowercased, without parameters (empty when the header is absent).
    pub(crate) mime: String,
    pub(crate) charset: Option<String>,
}

impl ContentType {
    pub(crate) fn parse(value: &str) -> Self {
        let mut parts = value.split(';');
        let mime = parts.next().unwrap_or("").trim().to_ascii_lowercase();
        let charset = parts.find_map(|parameter| {
            let (name, value) = parameter.split_once('=')?;
            let value = value.trim().trim_matches(|c| c == '"' || c == '\'').trim();
            (name.trim().eq_ignore_ascii_case("charset") && !value.is_empty())
                .then(|| value.to_string())
        });
        ContentType { mime, charset }
    }

    /// Whether documents of this type are worth extracting: HTML, XHTML and plain text, or an
    /// unstated type (decided by sniffing the body). Scripts, styles, feeds, JSON and media are not.
    pub(crate) fn is_document(&self) -> bool {
        matches!(
            self.mime.as_str(),
            "" | "text/html" | "application/xhtml+xml" | "text/plain"
        )
    }

    pub(crate) fn is_html(&self) -> bool {
        self.mime.contains("html")
    }
}

/// The document in an HTTP response block, `Ok(None)` when the response is not one worth keeping
/// (a status other than 2xx, or a content type that is not a document).
pub(crate) fn response_payload(
    block: &[u8],
    limit: u64,
) -> Result<Option<Payload<'_>>, PayloadError> {
    let (head, body) = split_head(block)
        .ok_or_else(|| PayloadError::MalformedHttp("the header block does not end".to_string()))?;
    let head = String::from_utf8_lossy(head);
    let mut lines = head.lines();
    let status_line = lines.next().unwrap_or("");
    let status = parse_status(status_line).ok_or_else(|| {
        PayloadError::MalformedHttp(format!(
            "bad status line {}",
            preview(status_line.as_bytes())
        ))
    })?;
    if !(200..300).contains(&status) {
        return Ok(None);
    }
    let headers: Vec<(&str, &str)> = lines
        .filter_map(|line| line.split_once(':'))
        .map(|(name, value)| (name.trim(), value.trim()))
        .collect();
    let header = |wanted: &str| {
        headers
            .iter()
            .find(|(name, _)| name.eq_ignore_ascii_case(wanted))
            .map(|&(_, v)| v)
    };
    let content_type = header("Content-Type")
        .map(ContentType::parse)
        .unwrap_or(ContentType {
            mime: String::new(),
            charset: None,
        });
    if !content_type.is_document() {
        return Ok(None);
    }
    let mut body = Cow::Borrowed(body);
    if header("Transfer-Encoding")
        .is_some_and(|value| value.to_ascii_lowercase().contains("chunked"))
    {
        if let Some(joined) = dechunk(&body) {
            body = Cow::Owned(joined);
        }
    }
    if let Some(encoding) = header("Content-Encoding") {
        body = decode_content(body, encoding, limit)?;
    }
    if body.len() as u64 > limit {
        return Err(PayloadError::TooLarge { limit });
    }
    if content_type.mime.is_empty() && sniff::looks_binary(&body) {
        return Ok(None);
    }
    Ok(Some(Payload {
        declared_html: content_type.is_html(),
        charset: content_type.charset,
        body,
    }))
}

/// Splits a response into its header block and body at the first blank line (CRLF or bare LF).
fn split_head(block: &[u8]) -> Option<(&[u8], &[u8])> {
    let crlf = memchr::memmem::find(block, b"\r\n\r\n").map(|at| (at, at + 4));
    let lf = memchr::memmem::find(block, b"\n\n").map(|at| (at, at + 2));
    let (head_end, body_start) = match (crlf, lf) {
        (Some(crlf), Some(lf)) => crlf.min(lf),
        (found, None) | (None, found) => found?,
    };
    Some((&block[..head_end], &block[body_start..]))
}

/// The status code of `HTTP/1.1 200 OK`.
fn parse_status(line: &str) -> Option<u16> {
    let mut parts = line.split_whitespace();
    let version = parts.next()?;
    if !version.starts_with("HTTP/") {
        return None;
    }
    parts.next()?.parse().ok()
}

/// Joins the chunks of a `Transfer-Encoding: chunked` body. Returns `None` when the body does not
/// start with a chunk size (crawlers often store the body already de-chunked but keep the header).
/// A body that breaks off mid-chunk (a record truncated by the crawler) keeps what was complete.
pub(crate) fn dechunk(body: &[u8]) -> Option<Vec<u8>> {
    let mut out = Vec::with_capacity(body.len());
    let mut rest = body;
    let mut first = true;
    while let Some(line_end) = memchr::memchr(b'\n', rest) {
        let size_line = String::from_utf8_lossy(&rest[..line_end]);
        let size_text = size_line.split(';').next().unwrap_or("").trim();
        let Ok(size) = usize::from_str_radix(size_text, 16) else {
            if first {
                return None;
            }
            break;
        };
        first = false;
        rest = &rest[line_end + 1..];
        if size == 0 {
            break;
        }
        let take = size.min(rest.len());
        out.extend_from_slice(&rest[..take]);
        rest = &rest[take..];
        rest = rest
            .strip_prefix(b"\r\n")
            .or_else(|| rest.strip_prefix(b"\n"))
            .unwrap_or(rest);
    }
    if first {
        return None;
    }
    Some(out)
}

/// Removes a `Content-Encoding`. A body that does not look encoded is kept as it is, since
/// crawlers may store the decoded body and keep the header. Truncated compressed bodies (records
/// cut off by the crawler) keep whatever decompressed before the cut.
fn decode_content<'a>(
    body: Cow<'a, [u8]>,
    encoding: &str,
    limit: u64,
) -> Result<Cow<'a, [u8]>, PayloadError> {
    let encoding = encoding.trim().to_ascii_lowercase();
    match encoding.as_str() {
        "" | "identity" | "none" => Ok(body),
        "gzip" | "x-gzip" => {
            if !body.starts_with(&GZIP_MAGIC) {
                return Ok(body);
            }
            match gunzip_bounded(&body, limit) {
                Ok(Some(decoded)) => Ok(Cow::Owned(decoded)),
                Ok(None) => Err(PayloadError::TooLarge { limit }),
                Err(error) => {
                    partial_gunzip(&body, limit).ok_or_else(|| PayloadError::CorruptEncoding {
                        encoding: encoding.clone(),
                        reason: crate::error::describe_io(&error),
                    })
                }
            }
        }
        "deflate" => {
            let mut out = Vec::new();
            let zlib = ZlibDecoder::new(&body[..])
                .take(limit + 1)
                .read_to_end(&mut out);
            if zlib.is_err() {
                out.clear();
                let raw = DeflateDecoder::new(&body[..])
                    .take(limit + 1)
                    .read_to_end(&mut out);
                if let (Err(error), true) = (raw, out.is_empty()) {
                    return Err(PayloadError::CorruptEncoding {
                        encoding,
                        reason: crate::error::describe_io(&error),
                    });
                }
            }
            if out.len() as u64 > limit {
                return Err(PayloadError::TooLarge { limit });
            }
            Ok(Cow::Owned(out))
        }
        _ if !sniff::looks_binary(&body) => Ok(body),
        _ => Err(PayloadError::UnsupportedEncoding(encoding)),
    }
}

/// What decompresses from a damaged gzip body before the damage, if anything.
fn partial_gunzip(body: &[u8], limit: u64) -> Option<Cow<'static, [u8]>> {
    let mut out = Vec::new();
    let _ = flate2::bufread::GzDecoder::new(body)
        .take(limit + 1)
        .read_to_end(&mut out);
    (!out.is_empty() && out.len() as u64 <= limit).then_some(Cow::Owned(out))
}

#[cfg(test)]
mod tests {
    use super::*;
    use flate2::write::GzEncoder;
    use flate2::Compression;
    use std::io::Write;

    #[test]
    fn content_type_parameters() {
        let parsed = ContentType::parse("Text/HTML; charset=\"Windows-1251\"");
        assert_eq!(parsed.mime, "text/html");
        assert_eq!(parsed.charset.as_deref(), Some("Windows-1251"));
        assert!(parsed.is_document() && parsed.is_html());
        assert!(!ContentType::parse("image/png").is_document());
    }

    #[test]
    fn chunked_bodies_are_joined() {
        assert_eq!(
            dechunk(b"5\r\nhello\r\n6;ext=1\r\n world\r\n0\r\n\r\n").unwrap(),
            b"hello world"
        );
        assert_eq!(dechunk(b"<html>not chunked</html>"), None);
        assert_eq!(dechunk(b"5\r\nhel").unwrap(), b"hel");
    }

    #[test]
    fn statuses_and_types_filter_responses() {
        let redirect = b"HTTP/1.1 301 Moved\r\nLocation: /x\r\n\r\n";
        assert!(response_payload(redirect, 100).unwrap().is_none());
        let image = b"HTTP/1.1 200 OK\r\nContent-Type: image/jpeg\r\n\r\n\xFF\xD8\xFF";
        assert!(response_payload(image, 100).unwrap().is_none());
        let garbage = b"not http at all\r\n\r\nbody";
        assert!(response_payload(garbage, 100).is_err());
    }

    #[test]
    fn gzip_content_encoding_is_removed() {
        let mut encoder = GzEncoder::new(Vec::new(), Compression::default());
        encoder.write_all(b"<p>compressed page</p>").unwrap();
        let mut block =
            b"HTTP/1.1 200 OK\r\nContent-Type: text/html\r\nContent-Encoding: gzip\r\n\r\n"
                .to_vec();
        block.extend(encoder.finish().unwrap());
        let payload = response_payload(&block, 1000).unwrap().unwrap();
        assert_eq!(&payload.body[..], b"<p>compressed page</p>");
        assert!(payload.declared_html);
        assert!(matches!(
            response_payload(&block, 5),
            Err(PayloadError::TooLarge { .. })
        ));
    }
}
