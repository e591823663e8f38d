//! A document as read from an input, before extraction.

use chrono::{DateTime, NaiveDate, Utc};
use serde::{Deserialize, Serialize};

use crate::{OffsetMap, Provenance};

/// What kind of text a raw document holds, decided from its content.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash, Serialize, Deserialize)]
#[serde(rename_all = "lowercase")]
pub enum DocFormat {
    /// A plain-text dump: one or more articles saved as text by a scraper.
    Text,
    /// An HTML page.
    Html,
}

/// Metadata the input itself states about a document (JSONL fields, WARC and HTTP headers).
#[derive(Debug, Clone, Default, PartialEq, Eq, Serialize, Deserialize)]
pub struct DocMeta {
    pub title: Option<String>,
    pub url: Option<String>,
    pub published: Option<NaiveDate>,
    /// Publisher or site name, if the input names one.
    pub source: Option<String>,
    pub fetched_at: Option<DateTime<Utc>>,
}

/// One decoded input document with its provenance.
#[derive(Debug, Clone)]
pub struct RawDoc {
    pub provenance: Provenance,
    pub format: DocFormat,
    /// The document decoded to UTF-8.
    pub text: String,
    /// Name of the character encoding the raw bytes were decoded from (WHATWG label, e.g. `UTF-8`).
    pub encoding: &'static str,
    /// Maps byte offsets in `text` back to byte offsets in the raw document bytes.
    pub offsets: OffsetMap,
    pub meta: DocMeta,
}

impl RawDoc {
    /// Builds a document from text that already was UTF-8 in the input (offsets map one to one).
    pub fn utf8(provenance: Provenance, format: DocFormat, text: String, meta: DocMeta) -> Self {
        RawDoc {
            provenance,
            format,
            text,
            encoding: "UTF-8",
            offsets: OffsetMap::Identity,
            meta,
        }
    }

    /// The source name used to group documents of one publisher: the stated source, else the URL's
    /// host, else the input's directory.
    pub fn source_key(&self) -> String {
        if let Some(source) = self.meta.source.as_deref().filter(|s| !s.trim().is_empty()) {
            return source.trim().to_string();
        }
        let url = self.meta.url.as_deref().or(self.provenance.url.as_deref());
        if let Some(host) = url.and_then(url_host) {
            return host.to_string();
        }
        match self.provenance.path.rfind('/') {
            Some(cut) => self.provenance.path[..cut].to_string(),
            None => ".".to_string(),
        }
    }
}

/// The host part of an absolute URL, without a leading `www.`.
pub fn url_host(url: &str) -> Option<&str> {
    let rest = url.split_once("://")?.1;
    let end = rest.find(['/', '?', '#']).unwrap_or(rest.len());
    let authority = &rest[..end];
    let host = authority.rsplit_once('@').map_or(authority, |(_, h)| h);
    let host = host.split(':').next().unwrap_or(host);
    let host = host.strip_prefix("www.").unwrap_or(host);
    (!host.is_empty()).then_some(host)
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn host_of_url() {
        assert_eq!(
            url_host("https://www.nytimes.com/2023/02/28/x.html"),
            Some("nytimes.com")
        );
        assert_eq!(
            url_host("http://user@example.org:8080?q"),
            Some("example.org")
        );
        assert_eq!(url_host("not a url"), None);
    }
}
