//! Countries, their other names, demonyms and capitals (the hand-written `countries.tsv`), and
//! groups that are NORP without a country ("European", "Shiite", "Republicans").
//!
//! Lookups are exact and case-sensitive on text with whitespace folded, so "US" is a country and
//! "us" is not. The table is parsed once, on first use.

use std::collections::HashMap;
use std::sync::OnceLock;

const TABLE: &str = include_str!("countries.tsv");

/// Regional, religious and political groups: NORP with no single country. Former states'
/// demonyms ("Soviet") are in the table.
const GROUPS: &[&str] = &[
    "Central Asian",
    "Central Asians",
    "South Asian",
    "East Asian",
    "Southeast Asian",
    "Asian",
    "Asians",
    "European",
    "Europeans",
    "African",
    "Africans",
    "Latin American",
    "Latin Americans",
    "North American",
    "South American",
    "Middle Eastern",
    "Western",
    "Westerners",
    "Arab",
    "Arabs",
    "African-American",
    "African-Americans",
    "African American",
    "African Americans",
    "Hispanic",
    "Hispanics",
    "Latino",
    "Latinos",
    "Latina",
    "Latinas",
    "Nordic",
    "Scandinavian",
    "Balkan",
    "Baltic",
    "Caucasian",
    "Slavic",
    "Kurdish",
    "Kurd",
    "Kurds",
    "Muslim",
    "Muslims",
    "Christian",
    "Christians",
    "Jewish",
    "Jew",
    "Jews",
    "Catholic",
    "Catholics",
    "Protestant",
    "Protestants",
    "Orthodox",
    "Sunni",
    "Sunnis",
    "Shiite",
    "Shiites",
    "Shia",
    "Hindu",
    "Hindus",
    "Buddhist",
    "Buddhists",
    "Republican",
    "Republicans",
    "Democrat",
    "Democrats",
    "Democratic",
    "Communist",
    "Communists",
    "Socialist",
    "Socialists",
    "Conservative",
    "Conservatives",
];

/// Names and demonyms that are as often something else (a first name, a US state, a word).
const AMBIGUOUS: &[&str] = &[
    "Jordan",
    "Georgia",
    "Chad",
    "Lao",
    "Dominican",
    "Turkey",
    "Guinea",
    "Niger",
    "Congo",
    "Pole",
    "Poles",
    "Victoria",
    "Kingston",
    "Georgetown",
    "Santiago",
    "Lima",
    "Sofia",
];

/// One country of the table.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub struct Country {
    /// ISO 3166-1 alpha-2 (former code for a former state).
    pub iso: &'static str,
    /// Common English name: "United States", "Iran".
    pub name: &'static str,
}

/// What a phrase names.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Place {
    /// The country itself, by name or other name ("U.S.", "Britain").
    Country(Country),
    /// Its people or adjective ("Iranian", "Kazakhs").
    Demonym(Country),
    /// Its capital ("Tehran").
    Capital(Country),
    /// A group with no single country ("European", "Shiite").
    Group,
}

impl Place {
    /// The country named or implied.
    pub fn country(self) -> Option<Country> {
        match self {
            Place::Country(c) | Place::Demonym(c) | Place::Capital(c) => Some(c),
            Place::Group => None,
        }
    }
}

#[derive(Debug, Default)]
struct Index {
    by_iso: HashMap<&'static str, Country>,
    phrases: HashMap<&'static str, Place>,
}

fn index() -> &'static Index {
    static INDEX: OnceLock<Index> = OnceLock::new();
    INDEX.get_or_init(build)
}

fn build() -> Index {
    let mut index = Index::default();
    for g in GROUPS {
        index.phrases.insert(g, Place::Group);
    }
    for line in TABLE.lines() {
        if line.starts_with('#') || line.trim().is_empty() {
            continue;
        }
        let fields: Vec<&'static str> = line.split('\t').collect();
        let field = |k: usize| fields.get(k).copied().unwrap_or("");
        let country = Country {
            iso: field(0),
            name: field(1),
        };
        if country.iso.is_empty() || country.name.is_empty() {
            continue;
        }
        index.by_iso.insert(country.iso, country);
        let list = |k: usize| field(k).split(';').filter(|s| !s.is_empty());
        // Capitals first, so a capital that shares the country's name (Singapore) names the
        // country.
        for capital in list(4) {
            index.phrases.insert(capital, Place::Capital(country));
        }
        for demonym in list(3) {
            index.phrases.insert(demonym, Place::Demonym(country));
        }
        for name in std::iter::once(country.name).chain(list(2)) {
            index.phrases.insert(name, Place::Country(country));
        }
    }
    index
}

/// What `phrase` names, if it is a country, demonym, capital or group. Whitespace runs count as
/// one space; a leading "the" is ignored ("the United States").
pub fn lookup(phrase: &str) -> Option<Place> {
    let folded = fold_space(phrase);
    let key = folded
        .strip_prefix("the ")
        .or_else(|| folded.strip_prefix("The "))
        .unwrap_or(&folded);
    index().phrases.get(key).copied()
}

/// The country with ISO code `iso`.
pub fn by_iso(iso: &str) -> Option<Country> {
    index().by_iso.get(iso).copied()
}

/// Whether `phrase` is a country name or demonym too often meant otherwise to be trusted
/// without the tagger's say-so.
pub fn is_ambiguous(phrase: &str) -> bool {
    AMBIGUOUS.contains(&phrase)
}

/// Longest phrase in the table, in words.
pub const MAX_WORDS: usize = 5;

fn fold_space(text: &str) -> String {
    text.split_whitespace().collect::<Vec<_>>().join(" ")
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn names_demonyms_capitals_and_groups() {
        let us = by_iso("US").unwrap();
        assert_eq!(us.name, "United States");
        assert_eq!(lookup("U.S."), Some(Place::Country(us)));
        assert_eq!(lookup("the  United States"), Some(Place::Country(us)));
        assert_eq!(lookup("American"), Some(Place::Demonym(us)));
        assert_eq!(lookup("Washington"), Some(Place::Capital(us)));
        assert_eq!(lookup("us"), None);
        let kg = lookup("Kyrgyz").and_then(Place::country).unwrap();
        assert_eq!((kg.iso, kg.name), ("KG", "Kyrgyzstan"));
        assert_eq!(
            lookup("Kazakhs").and_then(Place::country).unwrap().iso,
            "KZ"
        );
        assert_eq!(
            lookup("Soviet Union").and_then(Place::country).unwrap().iso,
            "SU"
        );
        assert_eq!(lookup("Central Asian"), Some(Place::Group));
        assert_eq!(
            lookup("Singapore"),
            Some(Place::Country(by_iso("SG").unwrap()))
        );
        assert_eq!(
            lookup("Britain").and_then(Place::country).unwrap().iso,
            "GB"
        );
        assert!(lookup("").is_none());
    }

    #[test]
    fn every_row_parses() {
        let rows = TABLE
            .lines()
            .filter(|l| !l.starts_with('#') && !l.trim().is_empty())
            .count();
        assert_eq!(index().by_iso.len(), rows);
        assert!(rows > 190);
        for phrase in index().phrases.keys() {
            assert!(phrase.split_whitespace().count() <= MAX_WORDS, "{phrase}");
        }
    }
}
