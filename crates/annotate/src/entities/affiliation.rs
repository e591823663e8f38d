//! Affiliations a role does not state, from its context.
//!
//! Many titles name no country: "Foreign Minister Mukhtar Tileuberdi", "Supreme Leader Ali
//! Khamenei", "Treasury Secretary Janet L. Yellen". Such a role takes, in order:
//!
//! 1. the affiliation stated with another role of the same person in the article;
//! 2. the only country the sentence names (by name or demonym) as a possible actor: not a
//!    capital (where things happen as often as who acts), not after a preposition of place or
//!    direction ("in", "against"), not the stated affiliation of another role: "The Iranian
//!    government stated ... the directives of Supreme Leader Ali Khamenei";
//! 3. the article's home country: the one whose officials and institutions it names most ("US
//!    officials", "the U.S. assistant secretary", "American officials"), at least twice and
//!    twice as often as any other.
//!
//! A person named only as head of a government ("the Biden administration") takes the
//! sentence's country, never the article's.

use std::collections::HashMap;

use super::countries::Place;
use super::doc::{capitalised, Doc, Draft};
use super::kinds::place;
use super::lexicon;
use super::types::{AffiliationSource, EntityType};

/// Words looked past between a country and the noun showing its officials.
const LOOKAHEAD: usize = 3;

/// Words before a country that make it a place or a target rather than an actor.
const PLACE_WORDS: &[&str] = &[
    "in",
    "into",
    "inside",
    "at",
    "near",
    "within",
    "across",
    "throughout",
    "from",
    "to",
    "toward",
    "towards",
    "against",
    "visit",
    "visited",
    "visiting",
    "invade",
    "invaded",
    "invading",
    "invasion",
];

/// Longest list of names looked back over for a preposition, in words.
const LIST_WORDS: usize = 12;

/// Words skipped when looking back for a preposition.
const DETERMINERS: &[&str] = &["the", "a", "an"];

/// Countries named per sentence, and the article's home country.
#[derive(Debug, Default)]
pub(crate) struct Context {
    by_sentence: HashMap<usize, Vec<&'static str>>,
    home: Option<&'static str>,
}

impl Context {
    /// Reads the countries the drafts name.
    /// Reads the countries the drafts name; `stated` are the byte starts of affiliations
    /// stated with roles.
    pub fn new(doc: &Doc, drafts: &[Draft], stated: &[usize]) -> Self {
        let mut by_sentence: HashMap<usize, Vec<&'static str>> = HashMap::new();
        let mut institutional: HashMap<&'static str, usize> = HashMap::new();
        for d in drafts {
            let Some(iso) = country_level(doc, d) else {
                continue;
            };
            let words = doc.tokens_in(d.start, d.end);
            if names_officials(doc, words.end) {
                *institutional.entry(iso).or_default() += 1;
            }
            if stated.contains(&d.start) || after_place_word(doc, words.start) {
                continue;
            }
            let list = by_sentence.entry(doc.sentence_of(words.start)).or_default();
            if !list.contains(&iso) {
                list.push(iso);
            }
        }
        let mut counts: Vec<(&'static str, usize)> = institutional.into_iter().collect();
        counts.sort_by(|a, b| b.1.cmp(&a.1).then(a.0.cmp(b.0)));
        let home = match counts.as_slice() {
            [(iso, n), rest @ ..] if *n >= 2 && rest.first().is_none_or(|r| r.1 * 2 <= *n) => {
                Some(*iso)
            }
            _ => None,
        };
        Context { by_sentence, home }
    }

    /// The country a role at byte `at` is taken to act for, and why: the sentence's, else the
    /// article's when `article` allows it.
    pub fn infer(
        &self,
        doc: &Doc,
        at: usize,
        article: bool,
    ) -> Option<(&'static str, AffiliationSource)> {
        let sentence = doc.sentence_of(doc.token_from(at));
        if let Some([only]) = self.by_sentence.get(&sentence).map(Vec::as_slice) {
            return Some((only, AffiliationSource::Sentence));
        }
        self.home
            .filter(|_| article)
            .map(|iso| (iso, AffiliationSource::Article))
    }
}

/// The country a draft names as a country or through its demonym (not a capital).
fn country_level(doc: &Doc, d: &Draft) -> Option<&'static str> {
    let iso = d.country?;
    match (d.kind, place(d.text(doc.text))) {
        (EntityType::Gpe, Some(Place::Country(_)))
        | (EntityType::Norp, Some(Place::Demonym(_))) => Some(iso),
        _ => None,
    }
}

/// Whether a noun for officials or a role head follows token `next` closely: "U.S. officials",
/// "Iranian Foreign Ministry spokesperson", "Kazakhstan's President".
fn names_officials(doc: &Doc, next: usize) -> bool {
    let mut k = next;
    if matches!(doc.word(k), "'s" | "’s") {
        k += 1;
    }
    for i in k..k + LOOKAHEAD {
        let w = doc.word(i);
        if lexicon::is_institution(w) || lexicon::is_head(w) {
            return true;
        }
        if !lexicon::is_modifier(w) {
            return false;
        }
    }
    false
}

/// Whether a preposition of place or direction comes before token `first`, or before the list
/// it ends ("in Kazakhstan", "against the Russians", "from Russia and China").
fn after_place_word(doc: &Doc, first: usize) -> bool {
    let floor = doc.sentence_tokens(first).start;
    let mut k = first;
    while k > floor {
        k -= 1;
        let w = doc.word(k).to_lowercase();
        let in_list = matches!(w.as_str(), "and" | "or" | ",") || capitalised(doc.word(k));
        if DETERMINERS.contains(&w.as_str()) || (in_list && first - k <= LIST_WORDS) {
            continue;
        }
        return PLACE_WORDS.contains(&w.as_str());
    }
    false
}
