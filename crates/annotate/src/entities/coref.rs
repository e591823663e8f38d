//! Coreference within an article: which mentions name the same thing.
//!
//! - People: a shorter name joins a fuller one when its words are the fuller name's surname,
//!   first name, or first and last names with initials matching ("Blinken", "Mr. Blinken",
//!   "Antony Blinken" → "Antony J. Blinken"); when two people share the surname the nearest
//!   earlier one takes it. A one-word organisation or misc mention that is a person's surname is
//!   that person ("the Biden administration" once "President Biden" is named).
//! - Organisations and misc: the same name (case and a leading "the" aside), an acronym spelling
//!   a name's initials ("IAEA"), and "Name (ACR)" definitions.
//! - Places and groups: the same country by any name ("U.S.", "United States"), else the same
//!   name.

use std::collections::HashMap;

use super::acronyms::{abbreviates, Definition};
use super::countries::{self, Place};
use super::doc::Draft;
use super::repair::is_acronym;
use super::types::EntityType;

/// Name suffixes that are not surnames.
const SUFFIXES: &[&str] = &["Jr.", "Jr", "Sr.", "Sr", "II", "III", "IV"];

/// Groups drafts into entities: the entity index of each draft, entities numbered in order of
/// first mention.
pub(crate) fn cluster(text: &str, drafts: &[Draft], definitions: &[Definition]) -> Vec<usize> {
    let mut sets = Sets::new(drafts.len());
    let mut by_key: HashMap<String, usize> = HashMap::new();
    for (i, d) in drafts.iter().enumerate() {
        if let Some(key) = key(text, d) {
            match by_key.get(&key) {
                Some(&j) => sets.union(j, i),
                None => {
                    by_key.insert(key, i);
                }
            }
        }
    }
    for def in definitions {
        let name = drafts.iter().position(|d| d.start == def.name_start);
        let short = drafts.iter().position(|d| d.start == def.acronym_start);
        if let (Some(a), Some(b)) = (name, short) {
            sets.union(a, b);
        }
    }
    link_acronyms(text, drafts, &mut sets);
    link_people(text, drafts, &mut sets);
    let mut entity_of_root: HashMap<usize, usize> = HashMap::new();
    let mut out = Vec::with_capacity(drafts.len());
    for i in 0..drafts.len() {
        let root = sets.find(i);
        let next = entity_of_root.len();
        out.push(*entity_of_root.entry(root).or_insert(next));
    }
    out
}

/// The words of a person's name, without suffixes.
pub(crate) fn name_words(name: &str) -> Vec<&str> {
    let mut words: Vec<&str> = name.split_whitespace().collect();
    while words.len() > 1 && words.last().is_some_and(|w| SUFFIXES.contains(w)) {
        words.pop();
    }
    words
}

/// Whether the person name `short` may refer to the person named `long`.
pub(crate) fn compatible(short: &[&str], long: &[&str]) -> bool {
    let eq = |a: &str, b: &str| a.to_lowercase() == b.to_lowercase();
    let (Some(s_last), Some(l_last), Some(s_first), Some(l_first)) =
        (short.last(), long.last(), short.first(), long.first())
    else {
        return false;
    };
    if short.len() > long.len() {
        return false;
    }
    if short.len() == 1 {
        return eq(s_last, l_last) || eq(s_first, l_first);
    }
    let first_ok =
        eq(s_first, l_first) || initial_of(s_first, l_first) || initial_of(l_first, s_first);
    let middle = &short[1..short.len() - 1];
    first_ok
        && eq(s_last, l_last)
        && middle.iter().all(|m| {
            long[1..long.len() - 1]
                .iter()
                .any(|w| eq(m, w) || initial_of(m, w))
        })
}

/// "J." is an initial of "John".
fn initial_of(initial: &str, word: &str) -> bool {
    let letters: Vec<char> = initial.chars().filter(|c| c.is_alphabetic()).collect();
    letters.len() == 1
        && initial.ends_with('.')
        && word.chars().next() == letters.first().copied()
        && word.chars().filter(|c| c.is_alphabetic()).count() > 1
}

/// Makes an organisation, misc or (non-country) place mention that is a person's name or
/// surname a person.
pub(crate) fn retype_surnames(text: &str, drafts: &mut [Draft]) {
    let mut names: Vec<String> = Vec::new();
    for d in drafts.iter().filter(|d| d.kind == EntityType::Person) {
        let words = name_words(d.text(text));
        if let Some(last) = words.last() {
            names.push(last.to_string());
        }
        names.push(d.text(text).to_string());
    }
    for d in drafts.iter_mut() {
        let name = d.text(text);
        let retypable = match d.kind {
            EntityType::Org | EntityType::Misc => true,
            // "Obama" is a town in Japan, but not in an article about Barack Obama.
            EntityType::Gpe | EntityType::Loc => countries::lookup(name).is_none(),
            _ => false,
        };
        if retypable && !d.fixed && names.iter().any(|n| n == name) {
            d.kind = EntityType::Person;
            d.country = None;
        }
    }
}

/// The key under which drafts are the same entity; people are linked by name instead.
fn key(text: &str, d: &Draft) -> Option<String> {
    let name = d.text(text);
    let folded = name
        .split_whitespace()
        .collect::<Vec<_>>()
        .join(" ")
        .to_lowercase();
    let folded = folded.strip_prefix("the ").unwrap_or(&folded).to_string();
    match d.kind {
        EntityType::Person => None,
        EntityType::Org | EntityType::Misc => Some(format!("om:{folded}")),
        EntityType::Gpe | EntityType::Loc => match (d.country, countries::lookup(name)) {
            (Some(iso), Some(Place::Country(_))) => Some(format!("country:{iso}")),
            _ => Some(format!("place:{folded}")),
        },
        EntityType::Norp => match d.country {
            Some(iso) => Some(format!("norp:{iso}")),
            None => Some(format!("norp:{folded}")),
        },
    }
}

/// Joins each acronym to the nearest earlier (else first later) name it abbreviates.
fn link_acronyms(text: &str, drafts: &[Draft], sets: &mut Sets) {
    let om = |d: &Draft| matches!(d.kind, EntityType::Org | EntityType::Misc);
    for (i, d) in drafts.iter().enumerate() {
        let acronym = d.text(text);
        if !om(d) || !is_acronym(acronym) {
            continue;
        }
        let names: Vec<usize> = (0..drafts.len())
            .filter(|&j| om(&drafts[j]) && abbreviates(acronym, drafts[j].text(text)))
            .collect();
        let best = names
            .iter()
            .rev()
            .find(|&&j| j < i)
            .or_else(|| names.first());
        if let Some(&j) = best {
            sets.union(j, i);
        }
    }
}

/// Joins people's names, fullest first.
fn link_people(text: &str, drafts: &[Draft], sets: &mut Sets) {
    let people: Vec<usize> = (0..drafts.len())
        .filter(|&i| drafts[i].kind == EntityType::Person)
        .collect();
    let mut order = people.clone();
    order.sort_by_key(|&i| {
        let name = drafts[i].text(text);
        (
            std::cmp::Reverse(name_words(name).len()),
            std::cmp::Reverse(name.len()),
            i,
        )
    });
    // Cluster representatives: (draft with the fullest name, its words).
    let mut clusters: Vec<(usize, Vec<&str>)> = Vec::new();
    for i in order {
        let words = name_words(drafts[i].text(text));
        if words.is_empty() {
            continue;
        }
        let candidates: Vec<usize> = clusters
            .iter()
            .enumerate()
            .filter(|(_, (_, full))| compatible(&words, full))
            .map(|(k, _)| k)
            .collect();
        let chosen = match candidates.as_slice() {
            [] => None,
            [only] => Some(*only),
            many => {
                // The cluster with the nearest mention before this one, else the first.
                let nearest = many.iter().copied().max_by_key(|&k| {
                    let rep = clusters[k].0;
                    people
                        .iter()
                        .copied()
                        .filter(|&p| p < i && sets.find(p) == sets.find(rep))
                        .max()
                        .map_or(0, |p| p + 1)
                });
                nearest
            }
        };
        match chosen {
            Some(k) => {
                let rep = clusters[k].0;
                sets.union(rep, i);
            }
            None => clusters.push((i, words)),
        }
    }
}

/// Union-find over draft indices.
#[derive(Debug)]
struct Sets {
    parent: Vec<usize>,
}

impl Sets {
    fn new(n: usize) -> Self {
        Sets {
            parent: (0..n).collect(),
        }
    }

    fn find(&mut self, i: usize) -> usize {
        let mut root = i;
        while self.parent[root] != root {
            root = self.parent[root];
        }
        let mut k = i;
        while self.parent[k] != root {
            let next = self.parent[k];
            self.parent[k] = root;
            k = next;
        }
        root
    }

    /// Joins the sets of `a` and `b`, keeping the smaller root (the earlier mention).
    fn union(&mut self, a: usize, b: usize) {
        let (ra, rb) = (self.find(a), self.find(b));
        if ra != rb {
            let (keep, drop) = (ra.min(rb), ra.max(rb));
            self.parent[drop] = keep;
        }
    }
}
