//! Mention repairs: the tagger's spans made into names.
//!
//! - quotes, brackets, a leading "the" and possessives ("Biden’s", "’s Board of Governors") are
//!   trimmed off;
//! - honorifics ("Mr.", "Dr.", "Gen.") are never part of a name: recorded beside it;
//! - a span ending on "of"/"for" takes the number or name that follows ("Group of 20");
//! - a hyphenated modifier is cut off ("IRGC-affiliated Nour News" is "Nour News", and "IRGC" a
//!   mention of its own);
//! - adjacent organisation or misc spans join ("Nour" + "News"), and person names split at an
//!   initial ("John" + "G. Roberts");
//! - a title taken into a person's name is cut off ("Governor Pence");
//! - spans that are role words only ("Supreme Leader"), party tags ("D-Mo"), all lower case or
//!   punctuation go.

use super::countries;
use super::doc::{capitalised, normalise, Doc, Draft};
use super::lexicon;
use super::types::EntityType;

/// Words a name may end on only when more of it follows.
const OPEN_ENDS: &[&str] = &[
    "of", "for", "and", "the", "de", "du", "des", "la", "del", "&",
];

/// Lower-case halves of hyphenated modifiers: "IRGC-affiliated", "Kremlin-backed".
const HYPHEN_MODIFIERS: &[&str] = &[
    "affiliated",
    "backed",
    "led",
    "based",
    "run",
    "owned",
    "linked",
    "allied",
    "aligned",
    "controlled",
    "funded",
    "sponsored",
    "supported",
    "held",
    "made",
    "born",
    "style",
    "era",
    "friendly",
];

/// Prefixes that leave a demonym or country: "ex-Soviet", "pro-Russian", "anti-American".
const PREFIXES: &[&str] = &["ex-", "pro-", "anti-", "non-", "post-", "pre-", "pan-"];

/// Repairs every draft in place.
pub(crate) fn repair(doc: &Doc, drafts: &mut Vec<Draft>) {
    let mut extra = Vec::new();
    for d in drafts.iter_mut() {
        trim(doc, d, &mut extra);
    }
    drafts.extend(extra);
    drafts.retain(|d| d.start < d.end);
    normalise(doc, drafts);
    join_adjacent(doc, drafts);
    drafts.retain(|d| keeps(doc, d));
}

fn trim(doc: &Doc, d: &mut Draft, extra: &mut Vec<Draft>) {
    let range = doc.tokens_in(d.start, d.end);
    let (mut a, mut b) = (range.start, range.end);
    // Leading punctuation, possessive remnants and a lower-case article.
    while a < b {
        let w = doc.word(a);
        if is_punct(w) || is_possessive(w) || w == "the" {
            a += 1;
        } else {
            break;
        }
    }
    // Honorifics, recorded.
    while a < b {
        if lexicon::honorific(doc.word(a)).is_some() {
            d.honorific = doc.byte_range(a, a + 1);
            a += 1;
        } else {
            break;
        }
    }
    // A title the tagger took into a person's name: "Governor Pence", "Chief Justice John
    // Roberts" (the role reader finds it before the name).
    if d.kind == EntityType::Person && d.honorific.is_none() {
        while b > a + 1
            && lexicon::is_role_word(doc.word(a))
            && capitalised(doc.word(a))
            && !lexicon::is_given_name(doc.word(a))
        {
            a += 1;
        }
    }
    // Trailing punctuation and possessives.
    while b > a {
        let w = doc.word(b - 1);
        if is_punct(w) || is_possessive(w) {
            b -= 1;
        } else {
            break;
        }
    }
    // A hyphenated modifier opening a longer name.
    if b > a + 1 {
        if let Some((head, tail)) = doc.word(a).rsplit_once('-') {
            if HYPHEN_MODIFIERS.contains(&tail) {
                if let Some(t) = doc.tokens.get(a) {
                    if is_acronym(head) || countries::lookup(head).is_some() {
                        let mut own = Draft::new(t.start, t.start + head.len(), EntityType::Org);
                        own.kind = d.kind;
                        extra.push(own);
                    }
                }
                a += 1;
            }
        }
    }
    // A name cut before its number or name: "Group of" + "20".
    if b > a && OPEN_ENDS.contains(&doc.word(b - 1)) {
        let next = doc.word(b);
        let continues = doc.spaced(b - 1)
            && (next.chars().next().is_some_and(|c| c.is_ascii_digit()) || capitalised(next));
        if continues && doc.sentence_of(b) == doc.sentence_of(b - 1) {
            b += 1;
        } else {
            b -= 1;
        }
    }
    match doc.byte_range(a, b) {
        Some((s, e)) if a < b => {
            d.start = s;
            d.end = e;
        }
        _ => d.end = d.start,
    }
    if d.honorific.is_none() && d.kind == EntityType::Person {
        if let Some(prev) = a.checked_sub(1) {
            if lexicon::honorific(doc.word(prev)).is_some() && doc.spaced(prev) {
                d.honorific = doc.byte_range(prev, prev + 1);
            }
        }
    }
    // "ex-Soviet", "pro-Russian": the demonym alone.
    let word = d.text(doc.text);
    for prefix in PREFIXES {
        if let Some(rest) = word.strip_prefix(prefix) {
            if countries::lookup(rest).is_some() {
                d.start += prefix.len();
            }
        }
    }
}

/// Joins organisation or misc drafts separated by spaces only ("Nour" + "News"), and a
/// person's name split at an initial ("John" + "G. Roberts").
fn join_adjacent(doc: &Doc, drafts: &mut Vec<Draft>) {
    let mut out: Vec<Draft> = Vec::with_capacity(drafts.len());
    for d in drafts.drain(..) {
        if let Some(prev) = out.last_mut() {
            let gap = doc.text.get(prev.end..d.start).unwrap_or("x");
            let joinable = match d.kind {
                EntityType::Org | EntityType::Misc => true,
                EntityType::Person => {
                    is_initial(d.text(doc.text).split(' ').next().unwrap_or(""))
                        || is_initial(prev.text(doc.text).rsplit(' ').next().unwrap_or(""))
                }
                _ => false,
            };
            if prev.kind == d.kind
                && joinable
                && !gap.is_empty()
                && gap.chars().all(|c| c == ' ')
                && !prev.fixed
                && !d.fixed
            {
                prev.end = d.end;
                continue;
            }
        }
        out.push(d);
    }
    *drafts = out;
}

/// Whether a repaired draft still names something.
fn keeps(doc: &Doc, d: &Draft) -> bool {
    let text = d.text(doc.text);
    if !text.chars().any(|c| c.is_uppercase() || c.is_ascii_digit()) {
        return false;
    }
    if lexicon::honorific(text).is_some() || is_party_tag(text) {
        return false;
    }
    let words = doc.tokens_in(d.start, d.end);
    let role_only = words.clone().all(|i| lexicon::is_role_word(doc.word(i)))
        && words.clone().any(|i| lexicon::is_head(doc.word(i)))
        && !(words.len() == 1 && lexicon::is_name_like(text));
    !role_only || d.fixed
}

/// A US party and state tag: "D-Mo", "R-Texas".
fn is_party_tag(text: &str) -> bool {
    let mut parts = text.trim_end_matches('.').splitn(2, '-');
    matches!(
        (parts.next(), parts.next()),
        (Some("D" | "R" | "I"), Some(state)) if capitalised(state) && !state.contains(' ')
    )
}

/// "G.", "J.": one capital letter and a period.
fn is_initial(word: &str) -> bool {
    let mut chars = word.chars();
    matches!((chars.next(), chars.next(), chars.next()), (Some(c), Some('.'), None) if c.is_uppercase())
}

fn is_punct(word: &str) -> bool {
    !word.is_empty() && word.chars().all(|c| !c.is_alphanumeric())
}

fn is_possessive(word: &str) -> bool {
    matches!(word, "'s" | "’s" | "'S" | "’S" | "'" | "’")
}

/// Two to ten upper-case letters or digits, at least two letters: "IAEA", "G20".
pub(crate) fn is_acronym(word: &str) -> bool {
    let letters = word.chars().filter(|c| c.is_uppercase()).count();
    (2..=10).contains(&word.chars().count())
        && letters >= 2
        && word.chars().all(|c| c.is_uppercase() || c.is_ascii_digit())
}
