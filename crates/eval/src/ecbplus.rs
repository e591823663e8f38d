//! The ECB+ corpus as stored in the data directory: `stories/ecbplus/<topic>/<topic>_<n>ecb.xml`
//! and `..._<n>ecbplus.xml`, each a `<Document>` of `<token sentence=".." ...>word</token>`
//! elements. Each topic holds articles about two real events of one kind: the ECB documents
//! report one, the ECB+ documents the other.
//!
//! ECB+ documents begin with the page's URL, the headline and often a date line; ECB documents
//! begin with their first sentence. A document here keeps that shape: the source is the URL's
//! host where a URL leads the document, the date is the first full date stated in the first
//! sentences, and the title is the first sentence that is neither URL nor date.

use std::path::{Path, PathBuf};

use anyhow::{bail, Context, Result};
use chancery_extract::dates::find_full_date;
use chrono::NaiveDate;
use regex::Regex;

/// One document of the corpus.
#[derive(Debug, Clone)]
pub struct EcbDoc {
    /// The file name, e.g. `3_2ecbplus.xml`.
    pub name: String,
    /// The topic number.
    pub topic: u32,
    /// Whether it is an ECB+ (second-event) document rather than an ECB one.
    pub plus: bool,
    /// The URL's host, when a URL leads the document.
    pub source: String,
    /// The headline (the first sentence for ECB documents).
    pub title: String,
    /// The sentences after the title, one per line.
    pub body: String,
    /// The first full date stated near the top, if any.
    pub date: Option<NaiveDate>,
}

impl EcbDoc {
    /// The gold story: topic and event half.
    pub fn gold_story(&self) -> (u32, bool) {
        (self.topic, self.plus)
    }
}

/// Reads every document under `dir` (one folder per topic), sorted by topic number and then by
/// file name.
pub fn read_corpus(dir: &Path) -> Result<Vec<EcbDoc>> {
    let token = Regex::new(r#"<token [^>]*sentence="(\d+)"[^>]*>([^<]*)</token>"#)?;
    let name_pattern = Regex::new(r"^(\d+)_(\d+)(ecb|ecbplus)\.xml$")?;
    let mut files: Vec<(u32, String, PathBuf)> = Vec::new();
    for topic in
        std::fs::read_dir(dir).with_context(|| format!("{}: cannot list", dir.display()))?
    {
        let topic = topic?.path();
        if !topic.is_dir() {
            continue;
        }
        for file in std::fs::read_dir(&topic)? {
            let path = file?.path();
            let name = path
                .file_name()
                .and_then(|n| n.to_str())
                .unwrap_or("")
                .to_owned();
            if let Some(caps) = name_pattern.captures(&name) {
                let topic: u32 = caps[1].parse()?;
                files.push((topic, name.clone(), path));
            }
        }
    }
    if files.is_empty() {
        bail!(
            "{}: no ECB+ documents (N_Mecb.xml, N_Mecbplus.xml) found",
            dir.display()
        );
    }
    files.sort();
    files
        .into_iter()
        .map(|(topic, name, path)| {
            let xml = std::fs::read_to_string(&path)
                .with_context(|| format!("{}: cannot read", path.display()))?;
            let sentences = sentences(&token, &xml);
            let plus = name.ends_with("ecbplus.xml");
            Ok(document(name, topic, plus, sentences))
        })
        .collect()
}

/// The document's sentences, tokens joined with spaces and common XML entities decoded.
fn sentences(token: &Regex, xml: &str) -> Vec<String> {
    let mut out: Vec<(String, String)> = Vec::new();
    for caps in token.captures_iter(xml) {
        let word = decode_entities(&caps[2]);
        match out.last_mut() {
            Some((id, text)) if *id == caps[1] => {
                text.push(' ');
                text.push_str(&word);
            }
            _ => out.push((caps[1].to_owned(), word)),
        }
    }
    out.into_iter().map(|(_, text)| text).collect()
}

fn decode_entities(text: &str) -> String {
    text.replace("&quot;", "\"")
        .replace("&apos;", "'")
        .replace("&lt;", "<")
        .replace("&gt;", ">")
        .replace("&amp;", "&")
}

fn document(name: String, topic: u32, plus: bool, sentences: Vec<String>) -> EcbDoc {
    let mut rest = sentences.as_slice();
    let mut source = String::new();
    if let Some(first) = rest.first().filter(|s| s.starts_with("http")) {
        source = host_of(first);
        rest = &rest[1..];
    }
    // The date line sits just after the headline (or before it); look in the first sentences.
    let head = rest.iter().take(4).map(|s| tidy(s)).collect::<Vec<_>>();
    let date = head.iter().find_map(|s| find_full_date(s).map(|(d, _)| d));
    let mut title = String::new();
    let mut body = Vec::new();
    for sentence in rest {
        let tidied = tidy(sentence);
        let is_date_line =
            find_full_date(&tidied).is_some_and(|(_, span)| tidied.len() < span.len() + 40);
        if title.is_empty() && !is_date_line {
            title = tidied;
        } else if !is_date_line {
            body.push(tidied);
        }
    }
    EcbDoc {
        name,
        topic,
        plus,
        source,
        title,
        body: body.join("\n"),
        date,
    }
}

/// The host of a URL written as tokens ("http : / / news . bbc . co . uk / 2 / ...").
fn host_of(url_tokens: &str) -> String {
    let joined: String = url_tokens.split_whitespace().collect();
    let after_scheme = joined.split("//").nth(1).unwrap_or("");
    after_scheme.split('/').next().unwrap_or("").to_owned()
}

/// Undoes the tokeniser's spacing around punctuation, so dates and names read as written.
fn tidy(sentence: &str) -> String {
    let mut out = sentence.to_owned();
    for (from, to) in [
        (" ,", ","),
        (" .", "."),
        (" :", ":"),
        (" ;", ";"),
        (" 's", "'s"),
        (" '", "'"),
    ] {
        out = out.replace(from, to);
    }
    out
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn ecbplus_header_gives_source_title_and_date() {
        let sentences = vec![
            "http : / / news . bbc . co . uk / 2 / hi / 4475546 . stm".to_owned(),
            "Last Updated : Monday , 28 November 2005 , 02 : 24 GMT".to_owned(),
            "Ten dead in southern Iran quake".to_owned(),
            "A powerful earthquake has hit southern Iran .".to_owned(),
        ];
        let doc = document("4_1ecbplus.xml".into(), 4, true, sentences);
        assert_eq!(doc.source, "news.bbc.co.uk");
        assert_eq!(doc.title, "Ten dead in southern Iran quake");
        assert_eq!(doc.date, NaiveDate::from_ymd_opt(2005, 11, 28));
        assert_eq!(doc.body, "A powerful earthquake has hit southern Iran.");
        assert_eq!(doc.gold_story(), (4, true));
    }
}
