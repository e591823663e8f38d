//! Titles and captions, where the tagger trained on running prose goes wrong.
//!
//! - A headline in title case capitalises every word, so the tagger's spans there ("Blinken Holds",
//!   "Tehran Ready") are re-anchored on the names the body uses: a title mention is kept when the
//!   body names it, cut down to the longest body name it holds, or dropped; body names the tagger
//!   missed in the title are added (a person's surname counts as a body name).
//! - A caption's closing parenthesis is its credit: "(Reuters)", "(Jamaran news)", an
//!   organisation.

use std::collections::HashMap;

use super::coref::name_words;
use super::countries;
use super::doc::{capitalised, normalise, replace_overlapping, Doc, Draft};
use super::types::{BlockKind, EntityType};

/// Longest name looked for in a title, in words.
const MAX_WORDS: usize = 6;

/// Re-anchors the mentions of a title-case title on the names the body uses.
pub(crate) fn reanchor_title(doc: &Doc, drafts: &mut Vec<Draft>) {
    let Some((start, end)) = title_range(doc) else {
        return;
    };
    if !is_title_case(doc.text.get(start..end).unwrap_or("")) {
        return;
    }
    let mut body: HashMap<&str, (EntityType, Option<&'static str>)> = HashMap::new();
    for d in drafts.iter().filter(|d| d.start >= end) {
        let name = d.text(doc.text);
        body.entry(name).or_insert((d.kind, d.country));
        // A person's surname: "Blinken" for "Antony Blinken".
        if d.kind == EntityType::Person {
            if let Some(last) = name_words(name).last().filter(|w| capitalised(w)) {
                body.entry(last).or_insert((d.kind, None));
            }
        }
    }
    let tokens = doc.tokens_in(start, end);
    let mut kept: Vec<Draft> = Vec::new();
    // Longest body names first, left to right.
    let mut i = tokens.start;
    while i < tokens.end {
        let mut found = None;
        for len in (1..=MAX_WORDS.min(tokens.end - i)).rev() {
            let text = doc.span_text(i, i + len);
            if let Some(&(kind, country)) = body.get(text) {
                if let Some((s, e)) = doc.byte_range(i, i + len) {
                    let mut d = Draft::new(s, e, kind);
                    d.country = country;
                    found = Some((d, len));
                    break;
                }
            }
        }
        match found {
            Some((d, len)) => {
                kept.push(d);
                i += len;
            }
            None => i += 1,
        }
    }
    // The tagger's own title mentions that the body does not contradict: country names and
    // demonyms, and anything that does not overlap a body name.
    for d in drafts.iter().filter(|d| d.start >= start && d.end <= end) {
        let overlaps = kept.iter().any(|k| k.start < d.end && k.end > d.start);
        if !overlaps && countries::lookup(d.text(doc.text)).is_some() {
            kept.push(d.clone());
        }
    }
    drafts.retain(|d| d.end <= start || d.start >= end);
    drafts.extend(kept);
    normalise(doc, drafts);
}

/// Makes a caption's closing parenthesis an organisation: its credit.
pub(crate) fn caption_credits(doc: &Doc, drafts: &mut Vec<Draft>) {
    let mut credits = Vec::new();
    for (k, t) in doc.tokens.iter().enumerate() {
        if doc.block_kind(t.start) != Some(BlockKind::Caption) || doc.word(k) != ")" {
            continue;
        }
        let Some((_, block_end)) = doc.article.block_range(t.start) else {
            continue;
        };
        let after = doc.text.get(t.end..block_end).unwrap_or("x");
        if !after.chars().all(|c| c.is_whitespace() || c == '.') {
            continue;
        }
        // The matching opening parenthesis, at most five words back.
        let Some(open) = (k.saturating_sub(7)..k).rev().find(|&j| doc.word(j) == "(") else {
            continue;
        };
        let mut last = k;
        if let Some(slash) = (open + 1..k).find(|&j| doc.word(j).contains('/')) {
            last = slash;
        }
        while last > open + 1 && matches!(doc.word(last - 1), "Photo" | "photo" | "via") {
            last -= 1;
        }
        let words = open + 1..last;
        let text = doc.span_text(words.start, words.end);
        let plausible = !words.is_empty()
            && words.len() <= 5
            && capitalised(doc.word(words.start))
            && !text.chars().any(|c| c.is_ascii_digit() || c == ',')
            && countries::lookup(text).is_none();
        if let (true, Some((s, e))) = (plausible, doc.byte_range(words.start, words.end)) {
            let mut d = Draft::new(s, e, EntityType::Org);
            d.fixed = true;
            credits.push(d);
        }
    }
    for d in credits {
        replace_overlapping(doc, drafts, d);
    }
}

fn title_range(doc: &Doc) -> Option<(usize, usize)> {
    let first = doc.tokens.first()?;
    if doc.block_kind(first.start)? != BlockKind::Title {
        return None;
    }
    doc.article.block_range(first.start)
}

/// Most words of four letters or more capitalised: "Blinken Holds Talks with Central Asian
/// Nations".
pub(crate) fn is_title_case(title: &str) -> bool {
    let long: Vec<&str> = title
        .split_whitespace()
        .filter(|w| w.chars().filter(|c| c.is_alphabetic()).count() >= 4)
        .collect();
    let caps = long
        .iter()
        .filter(|w| {
            w.trim_start_matches(|c: char| !c.is_alphabetic())
                .starts_with(char::is_uppercase)
        })
        .count();
    long.len() >= 3 && caps * 4 >= long.len() * 3
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn title_case() {
        assert!(is_title_case(
            "Blinken Holds Talks with Central Asian Nations in Wake of Ukraine Anniversary"
        ));
        assert!(is_title_case(
            "Tehran Ready for Negotiations with Washington ‘Based on Trust’"
        ));
        assert!(!is_title_case(
            "Blinken holds talks with Central Asian nations in Astana"
        ));
        assert!(!is_title_case("Hi"));
    }
}
