//! Types for the tagger's four (PER, ORG, LOC, MISC): its locations split into GPE (countries,
//! cities, states: the country table and the model's gazetteer) and LOC (regions, seas,
//! continents); demonyms and groups become NORP with their country; organisation names that end
//! like a treaty or an event ("Plan of Action", "Summit") become MISC; "the Biden
//! administration" names a person; seats of government ("White House", "Kremlin") are
//! organisations; countries and demonyms the tagger missed ("US officials") are
//! added.

use super::countries::{self, Place};
use super::doc::{capitalised, normalise, Doc, Draft};
use super::lexicon;
use super::types::EntityType;
use crate::ner::gazetteer::Gazetteer;

/// Last words of a treaty, law, plan or event name.
const MISC_HEADS: &[&str] = &[
    "Treaty",
    "Agreement",
    "Accord",
    "Accords",
    "Pact",
    "Convention",
    "Protocol",
    "Charter",
    "Act",
    "Deal",
    "Declaration",
    "Doctrine",
    "Constitution",
    "Amendment",
    "Directive",
    "Initiative",
    "War",
    "Games",
    "Olympics",
    "Cup",
    "Championship",
    "Summit",
    "Revolution",
    "Memorandum",
    "Plan",
];

/// Nouns after a person's name that make them a head of government: "the Biden administration".
const GOVERNS: &[&str] = &["administration", "cabinet", "presidency"];

/// Seats of government named for the institution: organisations, whatever the gazetteer says
/// of a town called White House.
const INSTITUTIONS: &[&str] = &[
    "White House",
    "Kremlin",
    "Pentagon",
    "Elysee",
    "Élysée",
    "Downing Street",
    "Capitol Hill",
    "Quai d'Orsay",
    "Zhongnanhai",
    "Blue House",
];

/// Continents: in the gazetteer's region list, but not GPEs.
const CONTINENTS: &[&str] = &[
    "Africa",
    "Asia",
    "Europe",
    "North America",
    "South America",
    "Latin America",
    "Oceania",
    "Antarctica",
];

/// Maps the tagger's types to entity types, in place.
pub(crate) fn assign(doc: &Doc, drafts: &mut Vec<Draft>, gazetteer: &Gazetteer) {
    for d in drafts.iter_mut() {
        if d.fixed {
            if d.kind == EntityType::Org && is_misc_name(d.text(doc.text)) {
                d.kind = EntityType::Misc;
            }
            continue;
        }
        let text = d.text(doc.text);
        match place(text) {
            Some(p) if !(d.kind == EntityType::Person && countries::is_ambiguous(text)) => {
                // A person's name may be a capital or a group's ("Christian"); a plural is not.
                let name_like =
                    matches!(p, Place::Capital(_)) || (p == Place::Group && !text.ends_with('s'));
                if d.kind != EntityType::Person || !name_like {
                    apply(d, p);
                    continue;
                }
            }
            _ => {}
        }
        d.kind = match d.kind {
            _ if INSTITUTIONS.contains(&text) => EntityType::Org,
            EntityType::Loc | EntityType::Gpe => location(text, gazetteer),
            EntityType::Org | EntityType::Misc if is_misc_name(text) => EntityType::Misc,
            k => k,
        };
    }
    spot_countries(doc, drafts);
}

/// Marks the people named as heads of government ("the Biden administration"), making a
/// one-word organisation or misc mention there a person.
pub(crate) fn mark_governs(doc: &Doc, drafts: &mut [Draft], gazetteer: &Gazetteer) {
    for d in drafts.iter_mut() {
        let words = doc.tokens_in(d.start, d.end);
        let text = d.text(doc.text);
        let before_government = words.len() == 1
            && GOVERNS.contains(&doc.word(words.end))
            && doc.spaced(words.start)
            && countries::lookup(text).is_none()
            && !INSTITUTIONS.contains(&text);
        if !before_government || d.fixed {
            continue;
        }
        match d.kind {
            EntityType::Person => d.governs = true,
            EntityType::Org | EntityType::Misc if location(text, gazetteer) == EntityType::Loc => {
                d.kind = EntityType::Person;
                d.governs = true;
            }
            _ => {}
        }
    }
}

/// The country-table reading of a mention, trying its singular ("Kazakhs").
pub(crate) fn place(text: &str) -> Option<Place> {
    countries::lookup(text).or_else(|| {
        let singular = text.strip_suffix('s')?;
        match countries::lookup(singular)? {
            p @ (Place::Demonym(_) | Place::Group) => Some(p),
            _ => None,
        }
    })
}

fn apply(d: &mut Draft, p: Place) {
    d.country = p.country().map(|c| c.iso);
    d.kind = match p {
        Place::Country(_) | Place::Capital(_) => EntityType::Gpe,
        Place::Demonym(_) | Place::Group => EntityType::Norp,
    };
}

/// GPE when the gazetteer lists the name as a city, country or region (other than a
/// continent), else LOC.
fn location(text: &str, gazetteer: &Gazetteer) -> EntityType {
    if CONTINENTS.contains(&text) {
        return EntityType::Loc;
    }
    let gpe = ["city", "country", "region"]
        .iter()
        .any(|list| gazetteer.contains(list, text));
    if gpe {
        EntityType::Gpe
    } else {
        EntityType::Loc
    }
}

/// A treaty, law, plan or event: "Joint Comprehensive Plan of Action", "Paris Agreement".
pub(crate) fn is_misc_name(text: &str) -> bool {
    let words: Vec<&str> = text.split_whitespace().collect();
    words.len() >= 2
        && (words.last().is_some_and(|w| MISC_HEADS.contains(w))
            || words.windows(3).any(|w| w[0] == "Plan" && w[1] == "of"))
}

/// Adds countries and demonyms the tagger missed, outside its mentions: "US" in "US officials".
fn spot_countries(doc: &Doc, drafts: &mut Vec<Draft>) {
    let mut covered = vec![false; doc.tokens.len()];
    for d in drafts.iter() {
        for slot in covered
            .get_mut(doc.tokens_in(d.start, d.end))
            .into_iter()
            .flatten()
        {
            *slot = true;
        }
    }
    let mut added = Vec::new();
    let mut i = 0;
    while i < doc.tokens.len() {
        let mut step = 1;
        for len in (1..=countries::MAX_WORDS).rev() {
            let end = i + len;
            if end > doc.tokens.len() || covered[i..end].iter().any(|&c| c) {
                continue;
            }
            let text = doc.span_text(i, end);
            let Some(p @ (Place::Country(_) | Place::Demonym(_))) = countries::lookup(text) else {
                continue;
            };
            if countries::is_ambiguous(text) || shouting(doc, i) || !free_standing(doc, end) {
                continue;
            }
            if let Some((s, e)) = doc.byte_range(i, end) {
                let mut d = Draft::new(s, e, EntityType::Gpe);
                apply(&mut d, p);
                added.push(d);
                step = len;
                break;
            }
        }
        i += step;
    }
    drafts.extend(added);
    normalise(doc, drafts);
}

/// Not the first word of a longer name: "American" in "American Airlines" is not a demonym.
fn free_standing(doc: &Doc, next: usize) -> bool {
    let word = doc.word(next);
    !capitalised(word) || lexicon::is_role_word(word) || !doc.spaced(next.saturating_sub(1))
}

/// A sentence written in capitals, where "US" may be a pronoun.
fn shouting(doc: &Doc, i: usize) -> bool {
    let words = doc.sentence_tokens(i);
    let (mut caps, mut all) = (0, 0);
    for k in words {
        let w = doc.word(k);
        if w.chars().any(char::is_alphabetic) {
            all += 1;
            if !w.chars().any(char::is_lowercase) {
                caps += 1;
            }
        }
    }
    all >= 3 && caps * 2 > all
}
