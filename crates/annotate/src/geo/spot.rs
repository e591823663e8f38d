//! Place names found in text by gazetteer lookup, to add to the tagger's LOC mentions.
//!
//! At each capitalised token the longest run of tokens whose text is a gazetteer name is taken
//! (its last token capitalised too), unless it overlaps a blocked span (the caller passes the
//! tagger's person and miscellaneous mentions, and places already found). A name is kept only
//! when one of its places is prominent: a country, continent, first-order division, capital or
//! curated region, or a town of at least [`SpotConfig::min_population`] people (ten times that
//! at the start of a sentence, where every word is capitalised), and never when it is on
//! [`SpotConfig::stopwords`]'s list of words that are place names only by accident. Where no
//! run starts, the parts of a hyphenated word are tried alone (`Turkish` in `Turkish-backed`,
//! both names in `Syrian-Turkish`).

use super::gazetteer::{Form, Gazetteer};
use super::normalize::key;
use super::place::Kind;
use crate::sentence::split_sentences;
use crate::token::tokenize;

/// Thresholds of [`spot`].
#[derive(Debug, Clone, PartialEq)]
pub struct SpotConfig {
    /// Smallest population of a town found by name alone.
    pub min_population: u64,
    /// Keys (see [`key`]) never taken as places when spotted.
    pub stopwords: Vec<String>,
}

impl Default for SpotConfig {
    fn default() -> Self {
        SpotConfig {
            min_population: 100_000,
            stopwords: STOPWORDS.iter().map(|s| s.to_string()).collect(),
        }
    }
}

/// Capitalised words that name some town but, in running text, rarely a place.
pub(crate) const STOPWORDS: &[&str] = &[
    "march",
    "may",
    "june",
    "july",
    "august",
    "april",
    "of",
    "police",
    "home",
    "mobile",
    "reading",
    "independence",
    "victoria",
    "man",
    "best",
    "nice",
    "split",
    "bath",
    "sale",
    "along",
    "university",
    "city",
    "union",
    "liberty",
    "commerce",
    "industry",
    "president",
    "god",
    "mercedes",
    "lincoln",
    "jackson",
    "washington post",
    "orange",
    "bay",
    "centre",
    "center",
    "la",
    "le",
    "de",
    "san",
    "santa",
    "mao",
    "bar",
    "china town",
    "hope",
    "unity",
    "progress",
    "victory",
    "paradise",
    "eden",
    "marathon",
    "harmony",
    "friendship",
    "gap",
    "deal",
    "fort",
    "north",
    "south",
    "east",
    "west",
    "central",
    "western",
    "eastern",
    "valley",
    "street",
    "park",
    "metro",
    "republic",
    "bank",
    "church",
    "court",
    "river",
];

/// Byte ranges of place names spotted in `text`, in order, not overlapping `blocked`.
pub fn spot(
    gazetteer: &Gazetteer,
    text: &str,
    blocked: &[(usize, usize)],
    config: &SpotConfig,
) -> Vec<(usize, usize)> {
    let tokens = tokenize(text);
    let mut sentence_start = vec![false; tokens.len()];
    for s in split_sentences(text, &tokens) {
        if let Some(f) = sentence_start.get_mut(s.tokens.start) {
            *f = true;
        }
    }
    let max = gazetteer.max_words().clamp(1, 8);
    let min_population = |i: usize| {
        if sentence_start[i] {
            config.min_population.saturating_mul(10)
        } else {
            config.min_population
        }
    };
    let mut out = Vec::new();
    let mut i = 0;
    while i < tokens.len() {
        let mut taken = None;
        if capitalised(tokens[i].text(text)) {
            for j in (i..tokens.len().min(i + max)).rev() {
                let (start, end) = (tokens[i].start, tokens[j].end);
                if !capitalised(tokens[j].text(text)) || overlaps(blocked, start, end) {
                    continue;
                }
                let Some(surface) = text.get(start..end) else {
                    continue;
                };
                let after_comma = i > 0 && tokens[i - 1].text(text) == ",";
                if prominent(gazetteer, surface, after_comma, min_population(i), config) {
                    taken = Some((j, start, end));
                    break;
                }
            }
        }
        match taken {
            Some((j, start, end)) => {
                out.push((start, end));
                i = j + 1;
            }
            None => {
                let min = min_population(i);
                out.extend(
                    hyphen_parts(text, tokens[i].start, tokens[i].end)
                        .filter(|&(s, e)| !overlaps(blocked, s, e))
                        .filter(|&(s, e)| {
                            text.get(s..e).is_some_and(|part| {
                                capitalised(part) && prominent(gazetteer, part, false, min, config)
                            })
                        }),
                );
                i += 1;
            }
        }
    }
    out
}

/// The parts of a hyphenated token (`Turkish` and `backed` in `Turkish-backed`, `Syrian` and
/// `Turkish` in `Syrian-Turkish`) as byte ranges; nothing for a token without a hyphen. Only
/// tried when the whole token names no place (`Winston-Salem` does).
fn hyphen_parts(text: &str, start: usize, end: usize) -> impl Iterator<Item = (usize, usize)> + '_ {
    let token = text.get(start..end).unwrap_or("");
    let hyphenated = token.contains('-');
    let mut offset = start;
    token
        .split('-')
        .map(move |part| {
            let range = (offset, offset + part.len());
            offset += part.len() + 1;
            range
        })
        .filter(move |&(s, e)| hyphenated && e > s)
}

fn prominent(
    g: &Gazetteer,
    surface: &str,
    after_comma: bool,
    min_population: u64,
    config: &SpotConfig,
) -> bool {
    let k = key(surface);
    if k.is_empty() || config.stopwords.contains(&k) {
        return false;
    }
    g.lookup_key(&k).iter().any(|h| {
        g.place(h.place).is_some_and(|p| match (p.kind(), h.form) {
            (Kind::Country | Kind::Continent, _) => true,
            // Short alternate names of divisions are abbreviations (`Miss.`, `Ind.`).
            // unless written as an acronym (`EU`) or after a comma (`Chicago, Ill.`).
            (Kind::Admin1 | Kind::Region, Form::Alternate) => {
                k.len() >= 5 || after_comma || acronym(surface)
            }
            (Kind::Admin1 | Kind::Region, _) => true,
            // `Suffolk County`, not a bare `Peel` or `Guma`: those name towns as often.
            (Kind::Admin2, Form::Name) => k.contains(' '),
            (Kind::Admin2, _) => false,
            (_, Form::Alternate | Form::Adjective | Form::Inner) => false,
            (Kind::Capital, Form::Name) => true,
            (Kind::City | Kind::Seat, Form::Name) => p.population >= min_population,
        })
    })
}

/// Two or more letters, all capitals (`EU`, `DPRK`).
fn acronym(s: &str) -> bool {
    s.chars().filter(|c| c.is_alphabetic()).count() >= 2
        && s.chars().all(|c| c.is_uppercase() || c == '.')
}

fn capitalised(word: &str) -> bool {
    word.chars().next().is_some_and(char::is_uppercase)
}

fn overlaps(spans: &[(usize, usize)], start: usize, end: usize) -> bool {
    spans.iter().any(|&(s, e)| s < end && start < e)
}
