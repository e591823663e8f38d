//! The names in a stretch of a sentence that can be actors ("units"), and the chunks that
//! prepositions, commas and conjunctions cut the stretch into.
//!
//! A unit is an entity mention, an international organisation, a known group ("the E3"), a
//! collective name ("Western powers", "the three European nations"), or a country, demonym or
//! capital the tagger missed. Text in brackets is skipped: it repeats the name before it ("the
//! International Atomic Energy Agency (IAEA)"), and so is an aside between two dashes. Role
//! titles are not cut at their prepositions ("Secretary of State").

use crate::entities::countries::{self, Place};

use super::doc::Doc;
use super::groups;

/// What a unit names.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub(crate) enum UnitKind {
    /// An entity mention (index into the mentions).
    Mention(usize),
    /// An international organisation the tagger did not mark.
    International,
    /// A country, demonym, capital or group ("Muslim", "Kurdish") the tagger did not mark.
    Country(Place),
    /// A group with fixed members (alpha-2 codes).
    Known(&'static [&'static str]),
    /// A collective name; its members come from the context.
    Collective,
}

/// One unit: tokens `start..end`, in chunk `chunk`.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub(crate) struct Unit {
    pub start: usize,
    pub end: usize,
    pub kind: UnitKind,
    pub chunk: usize,
}

/// A run of tokens between two cuts, with the word that opened it.
#[derive(Debug, Clone, PartialEq, Eq)]
pub(crate) struct Chunk {
    pub start: usize,
    pub end: usize,
    /// The lower-case preposition, comma or conjunction before it; empty for the first.
    pub opener: String,
}

/// Words that cut a stretch into chunks.
const CUTS: &[&str] = &[
    "of",
    "in",
    "at",
    "on",
    "to",
    "from",
    "with",
    "for",
    "against",
    "by",
    "into",
    "over",
    "near",
    "during",
    "after",
    "before",
    "since",
    "until",
    "about",
    "between",
    "among",
    "under",
    "across",
    "through",
    "including",
    "and",
    "or",
    ",",
    ";",
    ":",
    "as",
    "than",
    "like",
    "toward",
    "towards",
    "without",
    "within",
    "outside",
    "inside",
    "throughout",
    "following",
    "amid",
    "despite",
    "that",
    "which",
    "who",
    "whom",
    "whose",
    "where",
    "when",
    "while",
    "because",
    "if",
    "but",
    "said",
    "says",
    "say",
    "told",
    "according",
    "—",
    "–",
    "--",
    "\"",
    "“",
    "”",
];

/// The units and chunks of tokens `a..b`.
pub(crate) fn analyse(doc: &Doc, a: usize, b: usize) -> (Vec<Unit>, Vec<Chunk>) {
    let mut units = Vec::new();
    let mut chunks = vec![Chunk {
        start: a,
        end: a,
        opener: String::new(),
    }];
    let mut depth = 0usize;
    let mut i = a;
    while i < b {
        let word = doc.word(i);
        if word == "(" || word == "[" {
            depth += 1;
            i += 1;
            continue;
        }
        if word == ")" || word == "]" {
            depth = depth.saturating_sub(1);
            i += 1;
            continue;
        }
        if depth == 0 && is_dash(word) {
            // A pair of dashes sets off an aside, as brackets do.
            if let Some(close) = (i + 1..b).find(|&k| is_dash(doc.word(k))) {
                i = close + 1;
                continue;
            }
        }
        if depth > 0 {
            i += 1;
            continue;
        }
        let lower = doc.lower(i);
        if CUTS.contains(&lower) && !doc.in_title(i) && doc.mention(i).is_none() {
            if let Some(last) = chunks.last_mut() {
                last.end = i;
            }
            chunks.push(Chunk {
                start: i + 1,
                end: i + 1,
                opener: lower.to_string(),
            });
            i += 1;
            continue;
        }
        let chunk = chunks.len() - 1;
        match unit_at(doc, i, b) {
            Some((end, kind)) => {
                units.push(Unit {
                    start: i,
                    end,
                    kind,
                    chunk,
                });
                i = end.max(i + 1);
            }
            None => i += 1,
        }
    }
    if let Some(last) = chunks.last_mut() {
        last.end = b.max(last.start);
    }
    (units, chunks)
}

/// The unit starting at token `i` (ending by `b`), with its end.
fn unit_at(doc: &Doc, i: usize, b: usize) -> Option<(usize, UnitKind)> {
    if let Some(m) = doc.mention(i) {
        let mut end = i + 1;
        while end < b && doc.mention(end) == Some(m) {
            end += 1;
        }
        // "Western powers": the tagger marks "Western" alone.
        if let Some(collective) = collective_at(doc, i, b).filter(|&c| c > end) {
            return Some((collective, UnitKind::Collective));
        }
        return Some((end, UnitKind::Mention(m)));
    }
    let limit = b.min(i + groups::MAX_INTERNATIONAL_WORDS);
    for end in (i + 1..=limit).rev() {
        let phrase = doc.slice(i, end);
        if groups::is_international(phrase) && starts_upper(phrase) {
            return Some((end, UnitKind::International));
        }
        if let Some(members) = groups::known_members(phrase) {
            return Some((end, UnitKind::Known(members)));
        }
    }
    if let Some(end) = collective_at(doc, i, b) {
        return Some((end, UnitKind::Collective));
    }
    let limit = b.min(i + 3);
    for end in (i + 1..=limit).rev() {
        let phrase = doc.slice(i, end);
        if !starts_upper(phrase) || countries::is_ambiguous(phrase) {
            continue;
        }
        match countries::lookup(phrase) {
            None => {}
            Some(place) => return Some((end, UnitKind::Country(place))),
        }
    }
    None
}

fn is_dash(word: &str) -> bool {
    matches!(word, "—" | "–" | "--")
}

/// A collective name at `i`: modifiers ("Western", "three European") and a collective head.
fn collective_at(doc: &Doc, i: usize, b: usize) -> Option<usize> {
    let mut k = i;
    while k < b && groups::is_collective_modifier(doc.word(k)) {
        k += 1;
    }
    (k > i && k < b && groups::is_collective_head(doc.lower(k))).then_some(k + 1)
}

fn starts_upper(text: &str) -> bool {
    text.chars().next().is_some_and(char::is_uppercase)
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::entities::{ArticleEntities, ArticleText};

    #[test]
    fn units_and_chunks_without_mentions() {
        let article = ArticleText::from_texts(
            None,
            &[],
            &["Western powers, including France and Britain (UK), met in Paris."],
        );
        let entities = ArticleEntities::default();
        let doc = Doc::new(&article, &entities, &[]);
        let (units, chunks) = analyse(&doc, 0, doc.tokens.len());
        let names: Vec<&str> = units.iter().map(|u| doc.slice(u.start, u.end)).collect();
        assert_eq!(names, ["Western powers", "France", "Britain", "Paris"]);
        assert_eq!(units[0].kind, UnitKind::Collective);
        let openers: Vec<&str> = chunks.iter().map(|c| c.opener.as_str()).collect();
        assert_eq!(openers, ["", ",", "including", "and", ",", "in"]);
        assert_eq!(units[3].chunk, 5);
    }
}
