//! Acronyms: "Name (ACR)" definitions in the text, and whether an acronym spells a name's
//! initials ("IAEA" for "International Atomic Energy Agency", "JCPOA" for "Joint Comprehensive
//! Plan of Action": small words may give their letter or not).
//!
//! A definition fixes the name's span (the tagger often splits or mistypes long names: "Iranian
//! Revolutionary" + "Guard Corps") and links the two mentions for coreference.

use super::doc::{capitalised, normalise, replace_overlapping, Doc, Draft};
use super::repair::is_acronym;
use super::types::EntityType;

/// Small words that may or may not give their initial.
const SMALL_WORDS: &[&str] = &[
    "of", "for", "and", "the", "on", "in", "to", "at", "de", "du", "des", "la", "le", "del", "y",
    "und", "für", "&",
];

/// Longest name an acronym is looked for in, in words.
const MAX_NAME_WORDS: usize = 12;

/// A name and its acronym, as byte starts of their drafts.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub(crate) struct Definition {
    pub name_start: usize,
    pub acronym_start: usize,
}

/// Finds "Name (ACR)" definitions, makes a draft of each name and acronym (replacing the
/// tagger's drafts there) and returns the pairs.
pub(crate) fn define(doc: &Doc, drafts: &mut Vec<Draft>) -> Vec<Definition> {
    let mut out = Vec::new();
    for i in 1..doc.tokens.len().saturating_sub(2) {
        let acronym = doc.word(i + 1);
        if doc.word(i) != "(" || doc.word(i + 2) != ")" || !is_acronym(acronym) {
            continue;
        }
        let sentence = doc.sentence_tokens(i);
        let Some(first) = name_start(doc, i, sentence.start, acronym) else {
            continue;
        };
        let (Some((start, end)), Some((a_start, a_end))) =
            (doc.byte_range(first, i), doc.byte_range(i + 1, i + 2))
        else {
            continue;
        };
        let kind = kind_of(drafts, start, end);
        if kind == EntityType::Person {
            continue;
        }
        let mut name = Draft::new(start, end, kind);
        name.fixed = true;
        replace_overlapping(doc, drafts, name);
        let mut short = Draft::new(a_start, a_end, kind);
        short.fixed = true;
        replace_overlapping(doc, drafts, short);
        out.push(Definition {
            name_start: start,
            acronym_start: a_start,
        });
    }
    normalise(doc, drafts);
    out
}

/// The first token of the shortest name ending just before `paren` whose initials spell
/// `acronym`.
fn name_start(doc: &Doc, paren: usize, floor: usize, acronym: &str) -> Option<usize> {
    let letters: Vec<char> = acronym
        .chars()
        .filter(|c| c.is_alphanumeric())
        .flat_map(char::to_lowercase)
        .collect();
    let lowest = paren.saturating_sub(MAX_NAME_WORDS).max(floor);
    let mut first = paren;
    while first > lowest {
        first -= 1;
        let word = doc.word(first);
        if !word.chars().any(char::is_alphanumeric) {
            return None;
        }
        let words: Vec<&str> = (first..paren).map(|k| doc.word(k)).collect();
        if capitalised(word) && spells(&words, &letters) {
            return Some(first);
        }
    }
    None
}

/// Whether the initials of `words` spell `letters` (lower case): each capitalised word gives its
/// first letter (or one per hyphenated part, or all its letters when it is itself an acronym),
/// each small word its first letter or nothing, a number itself.
pub(crate) fn spells(words: &[&str], letters: &[char]) -> bool {
    match words.split_first() {
        None => letters.is_empty(),
        Some((word, rest)) => {
            let lower = word.to_lowercase();
            if SMALL_WORDS.contains(&lower.as_str()) && spells(rest, letters) {
                return true;
            }
            options(word)
                .iter()
                .any(|gives| letters.starts_with(gives) && spells(rest, &letters[gives.len()..]))
        }
    }
}

/// The letter sequences one word may give.
fn options(word: &str) -> Vec<Vec<char>> {
    let lower = |s: &str| {
        s.chars()
            .flat_map(char::to_lowercase)
            .collect::<Vec<char>>()
    };
    let mut out = Vec::new();
    if word.chars().all(|c| c.is_ascii_digit()) && !word.is_empty() {
        out.push(lower(word));
        return out;
    }
    if let Some(c) = word.chars().find(|c| c.is_alphanumeric()) {
        out.push(c.to_lowercase().collect());
    }
    if word.contains('-') {
        let parts: Vec<char> = word
            .split('-')
            .filter_map(|p| p.chars().next())
            .flat_map(char::to_lowercase)
            .collect();
        out.push(parts);
    }
    if is_acronym(word) {
        out.push(lower(word));
    }
    out
}

/// Whether `acronym` spells the initials of the name `name`.
pub(crate) fn abbreviates(acronym: &str, name: &str) -> bool {
    let words: Vec<&str> = name.split_whitespace().collect();
    if words.len() < 2 || !is_acronym(acronym) {
        return false;
    }
    let letters: Vec<char> = acronym.chars().flat_map(char::to_lowercase).collect();
    spells(&words, &letters)
}

/// "Group of 20" is also "G20".
pub(crate) fn numbered_group(name: &str) -> Option<String> {
    let words: Vec<&str> = name.split_whitespace().collect();
    match words.as_slice() {
        [first, "of", n] if capitalised(first) && n.chars().all(|c| c.is_ascii_digit()) => {
            first.chars().next().map(|c| format!("{c}{n}"))
        }
        _ => None,
    }
}

/// The type for a defined name: the tagger's organisation or misc type where it gave one.
fn kind_of(drafts: &[Draft], start: usize, end: usize) -> EntityType {
    let inside = || drafts.iter().filter(|d| d.start < end && d.end > start);
    if inside().any(|d| d.kind == EntityType::Org) {
        EntityType::Org
    } else if inside().any(|d| d.kind == EntityType::Misc) {
        EntityType::Misc
    } else if inside().count() > 0 && inside().all(|d| d.kind == EntityType::Person) {
        EntityType::Person
    } else {
        EntityType::Org
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn initials() {
        assert!(abbreviates("IAEA", "International Atomic Energy Agency"));
        assert!(abbreviates("JCPOA", "Joint Comprehensive Plan of Action"));
        assert!(abbreviates("IRGC", "Iranian Revolutionary Guard Corps"));
        assert!(abbreviates("UN", "United Nations"));
        assert!(abbreviates("NATO", "North Atlantic Treaty Organization"));
        assert!(!abbreviates("IAEA", "International Energy Agency"));
        assert!(!abbreviates("US", "United"));
        assert!(!abbreviates("Un", "United Nations"));
        assert_eq!(numbered_group("Group of 20").as_deref(), Some("G20"));
        assert_eq!(numbered_group("Group of Friends"), None);
    }
}
