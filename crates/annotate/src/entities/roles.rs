//! Roles: person – title – affiliation, read from titles before a name and appositions after it.
//!
//! A role phrase is `[affiliation ['s]] modifier* head+ [(of|for) complement]*`, with words from
//! [`super::lexicon`]:
//!
//! - before the name: "US Secretary of State Antony Blinken", "Kazakhstan's President
//!   Kassym-Jomart Tokayev", "Iranian government spokeswoman Fatemeh Mohajerani", then "of X"
//!   after the name states the affiliation ("President Vladimir V. Putin of Russia");
//! - after it, between commas: "Majid Takht-Ravanchi, Deputy Foreign Minister for International
//!   Affairs,", "Donald Lu, the U.S. assistant secretary of state for South Asia and Central
//!   Asia,";
//! - a rank honorific: "Gen. Mark Milley" is a general.
//!
//! [`super::phrase`] parses the phrases. Mentions inside a title are not entities ("Supreme Leader",
//! "Treasury" in "Treasury Secretary"); a demonym cut from one is ("Kyrgyz Foreign" → "Kyrgyz").

use super::countries::Place;
use super::doc::{normalise, Doc, Draft};
use super::kinds::place;
use super::lexicon;
use super::phrase::{Phrase, Scan};
use super::types::EntityType;

/// A role found for one person mention.
#[derive(Debug, Clone, PartialEq, Eq)]
pub(crate) struct RoleDraft {
    /// Byte start of the person's draft.
    pub person: usize,
    /// Byte range of the title.
    pub title: (usize, usize),
    /// The title as written, or the office an honorific abbreviates ("General" for "Gen.").
    pub text: String,
    /// Head word, lower case.
    pub head: String,
    pub affiliation: Option<Stated>,
}

/// An affiliation stated with a role.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub(crate) struct Stated {
    /// Byte range of its name.
    pub span: (usize, usize),
    pub kind: EntityType,
    pub country: Option<&'static str>,
}

/// Finds the roles of every person mention.
pub(crate) fn find(doc: &Doc, drafts: &[Draft]) -> Vec<RoleDraft> {
    let scan = Scan::new(doc, drafts);
    let mut out = Vec::new();
    for d in drafts.iter().filter(|d| d.kind == EntityType::Person) {
        let words = doc.tokens_in(d.start, d.end);
        if words.is_empty() {
            continue;
        }
        let mut found = Vec::new();
        if let Some((hs, he)) = d.honorific {
            if let Some(Some(office)) = lexicon::honorific(doc.text.get(hs..he).unwrap_or("")) {
                found.push((office.to_string(), office.to_lowercase(), (hs, he), None));
            }
        }
        let before = match d.honorific {
            Some((hs, _)) => doc.token_from(hs),
            None => words.start,
        };
        if let Some(p) = scan.before(before) {
            let mut affiliation = p.affiliation;
            if affiliation.is_none() {
                affiliation = scan.of_complement(words.end);
            }
            found.push(describe(doc, &p, affiliation));
        }
        if let Some(p) = scan.after(words.end) {
            found.push(describe(doc, &p, p.affiliation));
        }
        for (text, head, title, affiliation) in found {
            out.push(RoleDraft {
                person: d.start,
                title,
                text,
                head,
                affiliation,
            });
        }
    }
    out
}

/// Cuts mentions out of role titles and adds mentions for stated affiliations the tagger
/// missed ("US" in "US Secretary of State").
pub(crate) fn clear_titles(doc: &Doc, drafts: &mut Vec<Draft>, roles: &[RoleDraft]) {
    for role in roles {
        let (ts, te) = role.title;
        for d in drafts.iter_mut() {
            if d.end <= ts || d.start >= te || d.kind == EntityType::Person {
                continue;
            }
            if d.kind.is_place() && d.start >= ts && d.end <= te {
                continue;
            }
            if d.start < ts {
                d.end = ts;
            } else if d.end > te {
                d.start = te;
            } else {
                d.end = d.start;
                continue;
            }
            let text = d.text(doc.text);
            let trimmed = text.trim();
            d.start += text.len() - text.trim_start().len();
            d.end = d.start + trimmed.len();
            if let Some(p) = place(trimmed) {
                d.country = p.country().map(|c| c.iso);
                d.kind = match p {
                    Place::Country(_) | Place::Capital(_) => EntityType::Gpe,
                    Place::Demonym(_) | Place::Group => EntityType::Norp,
                };
            }
        }
    }
    drafts.retain(|d| d.start < d.end);
    for role in roles {
        if let Some(a) = role.affiliation {
            let (s, e) = a.span;
            if !drafts.iter().any(|d| d.start < e && d.end > s) {
                let mut d = Draft::new(s, e, a.kind);
                d.country = a.country;
                drafts.push(d);
            }
        }
    }
    normalise(doc, drafts);
}

/// A role's title text, head, byte range and affiliation.
fn describe(
    doc: &Doc,
    p: &Phrase,
    affiliation: Option<Stated>,
) -> (String, String, (usize, usize), Option<Stated>) {
    let text = doc.span_text(p.title_start, p.title_end);
    let range = doc.byte_range(p.title_start, p.title_end).unwrap_or((0, 0));
    (
        text.split_whitespace().collect::<Vec<_>>().join(" "),
        doc.word(p.head).to_lowercase(),
        range,
        affiliation,
    )
}
