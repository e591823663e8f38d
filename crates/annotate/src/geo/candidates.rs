//! Candidate places of a mention: lookup by name with fallbacks, and qualifiers.
//!
//! The whole mention is looked up first; then without a possessive `'s`; then without a
//! leading direction (`northern Syria`); then without a trailing generic word (`Idlib
//! province`); last, the longest capitalised run of words inside it that is a place's name or
//! adjective (`California` in `University of California`), unless the mention ends in a street
//! or building word (`Collins Avenue` names no town); when it ends in an institution word
//! (`Tbilisi State University`, `French Quarter`) only a city's own name counts. Qualifiers
//! are the part after a comma (`Paris, Texas`) or a mention right after `, ` (`Portland,
//! Maine`).

use std::collections::HashMap;

use super::gazetteer::{Form, Gazetteer, NameHit};
use super::normalize::key;
use super::place::Kind;
use super::spot::STOPWORDS;

/// Places a surface string may name, with fallbacks when the whole string names none.
pub(super) fn candidates(g: &Gazetteer, surface: &str) -> Vec<NameHit> {
    let surface = surface.trim();
    let hits = g.lookup(surface);
    if !hits.is_empty() {
        return hits.to_vec();
    }
    let k = key(strip_possessive(surface));
    if !g.lookup_key(&k).is_empty() {
        return g.lookup_key(&k).to_vec();
    }
    if let Some((first, rest)) = k.split_once(' ') {
        if DIRECTIONS.contains(&first) && !g.lookup_key(rest).is_empty() {
            return g.lookup_key(rest).to_vec();
        }
    }
    if let Some((rest, last)) = k.rsplit_once(' ') {
        if GENERIC.contains(&last) && !g.lookup_key(rest).is_empty() {
            return g.lookup_key(rest).to_vec();
        }
    }
    inner_candidates(g, surface)
}

/// The places of the longest capitalised run of words inside `surface` that is a name or
/// an adjective of some place (`University of California`, `Russian Embassy`), marked
/// [`Form::Inner`] (penalised by [`super::ResolverConfig::inner`]).
fn inner_candidates(g: &Gazetteer, surface: &str) -> Vec<NameHit> {
    let words: Vec<&str> = surface.split_whitespace().collect();
    // `Collins Avenue`, `Rogers Centre`: the name inside is a person's, not a place's.
    let last = words.last().map(|w| key(w)).unwrap_or_default();
    if FACILITIES.contains(&last.as_str()) {
        return Vec::new();
    }
    let towns_only = INSTITUTIONS.contains(&last.as_str());
    for len in (1..words.len()).rev() {
        for run in words.windows(len) {
            let starts_upper = run
                .first()
                .and_then(|w| w.chars().next())
                .is_some_and(char::is_uppercase);
            if !starts_upper {
                continue;
            }
            let k = key(strip_possessive(&run.join(" ")));
            if [DIRECTIONS, GENERIC, FACILITIES, INSTITUTIONS, STOPWORDS]
                .iter()
                .any(|list| list.contains(&k.as_str()))
            {
                continue;
            }
            let hits: Vec<NameHit> = g
                .lookup_key(&k)
                .iter()
                .filter(|h| h.form != Form::Alternate)
                .filter(|h| !towns_only || (h.form == Form::Name && is_city(g, h.place)))
                .map(|h| NameHit {
                    place: h.place,
                    form: Form::Inner,
                })
                .collect();
            if !hits.is_empty() {
                return hits;
            }
        }
    }
    Vec::new()
}

/// Leading words that narrow a place without renaming it (`northern Syria`).
const DIRECTIONS: &[&str] = &[
    "north",
    "south",
    "east",
    "west",
    "northern",
    "southern",
    "eastern",
    "western",
    "central",
    "northeast",
    "northwest",
    "southeast",
    "southwest",
    "northeastern",
    "northwestern",
    "southeastern",
    "southwestern",
    "greater",
    "upper",
    "lower",
    "downtown",
    "rural",
];

/// Trailing generic words (`Idlib province`).
pub(super) const GENERIC: &[&str] = &[
    "city",
    "province",
    "state",
    "region",
    "county",
    "district",
    "governorate",
    "oblast",
    "prefecture",
    "area",
    "municipality",
    "territory",
    "island",
    "islands",
];

/// Words for streets and buildings: never a place inside a mention, and a mention ending in
/// one is not searched for a place inside.
pub(super) const FACILITIES: &[&str] = &[
    "street",
    "st",
    "avenue",
    "ave",
    "road",
    "rd",
    "boulevard",
    "blvd",
    "lane",
    "drive",
    "way",
    "square",
    "place",
    "canal",
    "centre",
    "center",
    "park",
    "bridge",
    "metro",
    "station",
    "republic",
    "house",
    "hall",
    "tower",
    "court",
    "church",
    "cathedral",
    "theatre",
    "theater",
    "stadium",
    "arena",
    "mall",
    "hotel",
    "restaurant",
    "club",
    "building",
    "estate",
    "village",
];

/// Words for institutions and districts named after a place. A mention ending in one is
/// searched for the name of a city of [`INSTITUTION_CITY_POPULATION`] or more only (`Tbilisi
/// State University` is in Tbilisi), never for a country, division, adjective or small town
/// (`British International School` is not in Britain, `French Quarter` not in France, `Carnegie
/// Library` not in Carnegie).
pub(super) const INSTITUTIONS: &[&str] = &[
    "quarter",
    "embassy",
    "consulate",
    "ministry",
    "school",
    "academy",
    "university",
    "college",
    "elementary",
    "hospital",
    "clinic",
    "library",
    "museum",
    "airport",
    "inn",
    "farm",
    "farms",
    "market",
    "plantation",
];

/// Whether the last word of `surface` is a street, building or institution word.
pub(super) fn ends_in_facility(surface: &str) -> bool {
    let words: Vec<&str> = surface.split_whitespace().collect();
    words.len() > 1
        && words.last().is_some_and(|w| {
            let k = key(w);
            FACILITIES.contains(&k.as_str()) || INSTITUTIONS.contains(&k.as_str())
        })
}

/// Smallest city an institution's name is taken to place it in.
const INSTITUTION_CITY_POPULATION: u64 = 100_000;

fn is_city(g: &Gazetteer, place: u32) -> bool {
    g.place(place).is_some_and(|p| {
        matches!(p.kind(), Kind::City | Kind::Seat | Kind::Capital)
            && p.population >= INSTITUTION_CITY_POPULATION
    })
}

fn strip_possessive(s: &str) -> &str {
    s.strip_suffix("'s")
        .or_else(|| s.strip_suffix("’s"))
        .or_else(|| s.strip_suffix('\''))
        .or_else(|| s.strip_suffix('’'))
        .unwrap_or(s)
}

/// `Paris, Texas` → (`Paris`, `Texas`); anything else → (itself, none).
pub(super) fn split_qualifier(s: &str) -> (&str, Option<&str>) {
    match s.split_once(',') {
        Some((head, qual)) if !head.trim().is_empty() && !qual.trim().is_empty() => {
            (head.trim(), Some(qual.trim()))
        }
        _ => (s, None),
    }
}

/// The span starting right after `, ` at byte `end`, if any.
pub(super) fn adjacent_qualifier<'t>(
    text: &'t str,
    end: usize,
    starts: &HashMap<usize, usize>,
) -> Option<&'t str> {
    let rest = text.get(end..)?;
    let after = rest.strip_prefix(',')?;
    let gap = after.len() - after.trim_start_matches(' ').len();
    if gap > 1 {
        return None;
    }
    let start = end + 1 + gap;
    let &qend = starts.get(&start)?;
    text.get(start..qend)
}
