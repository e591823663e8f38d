//! Role phrases in the token stream: `[affiliation ['s]] modifier* head+ [(of|for) complement]*`
//! before a name, in apposition after one, and "of X" after a name.
//!
//! A complement "of X" where X is a country or an organisation, or "for X" where X is an
//! organisation, states the affiliation ("President of Russia", "spokesman for the United Mine
//! Workers"); any other complement is part of the title ("Secretary of State", "Minister for
//! International Affairs"). Parsing stops at a person's name, so "Secretary of State Antony
//! Blinken" is a title and a name.

use super::countries::Place;
use super::doc::{capitalised, Doc, Draft};
use super::kinds::place;
use super::lexicon;
use super::roles::Stated;
use super::types::EntityType;

/// Farthest a pre-name title may start from the name, in words.
const MAX_TITLE_WORDS: usize = 14;

/// Determiners that may open an apposition: "Donald Lu, the U.S. assistant secretary".
const DETERMINERS: &[&str] = &["the", "a", "an", "its", "his", "her", "their", "our"];

/// One parsed role phrase, in tokens.
#[derive(Debug, Clone)]
pub(crate) struct Phrase {
    pub title_start: usize,
    pub title_end: usize,
    /// One past the phrase's last token (past an "of X" affiliation too).
    pub end: usize,
    pub head: usize,
    pub affiliation: Option<Stated>,
}

/// What role parsing needs to know of the drafts.
pub(crate) struct Scan<'d, 'a> {
    doc: &'d Doc<'a>,
    drafts: &'d [Draft],
    /// Per token: the draft starting there.
    starts: Vec<Option<usize>>,
}

impl<'d, 'a> Scan<'d, 'a> {
    pub(crate) fn new(doc: &'d Doc<'a>, drafts: &'d [Draft]) -> Self {
        let mut starts = vec![None; doc.tokens.len()];
        for (k, d) in drafts.iter().enumerate() {
            let words = doc.tokens_in(d.start, d.end);
            if let Some(slot) = starts.get_mut(words.start) {
                if !words.is_empty() {
                    *slot = Some(k);
                }
            }
        }
        Scan {
            doc,
            drafts,
            starts,
        }
    }

    fn draft_at(&self, i: usize) -> Option<&Draft> {
        self.starts
            .get(i)
            .copied()
            .flatten()
            .and_then(|k| self.drafts.get(k))
    }

    fn person_at(&self, i: usize) -> bool {
        self.draft_at(i)
            .is_some_and(|d| d.kind == EntityType::Person)
    }

    /// The longest role phrase ending just before token `name`, in its sentence.
    pub(crate) fn before(&self, name: usize) -> Option<Phrase> {
        let sentence = self.doc.sentence_tokens(name);
        let lowest = name.saturating_sub(MAX_TITLE_WORDS).max(sentence.start);
        (lowest..name).find_map(|s| self.parse(s, name).filter(|p| p.end == name))
    }

    /// A role in apposition after a name ending before token `end`: ", [the] title ,".
    pub(crate) fn after(&self, end: usize) -> Option<Phrase> {
        let sentence = self.doc.sentence_tokens(end.saturating_sub(1));
        if self.doc.word(end) != "," {
            return None;
        }
        let mut s = end + 1;
        if DETERMINERS.contains(&self.doc.word(s)) {
            s += 1;
        }
        let p = self.parse(s, sentence.end)?;
        let next = self.doc.word(p.end);
        let closed = p.end >= sentence.end
            || (next.chars().all(|c| !c.is_alphanumeric()) && !self.person_at(p.end));
        closed.then_some(p)
    }

    /// "of Russia" after a name: an affiliation.
    pub(crate) fn of_complement(&self, end: usize) -> Option<Stated> {
        if self.doc.word(end) != "of" {
            return None;
        }
        let mut s = end + 1;
        if self.doc.word(s) == "the" {
            s += 1;
        }
        self.affiliation_at(s).map(|(a, _)| a)
    }

    /// Parses a role phrase starting at token `s`, stopping before token `limit`.
    fn parse(&self, s: usize, limit: usize) -> Option<Phrase> {
        let doc = self.doc;
        let mut j = s;
        let mut affiliation = None;
        if let Some((a, next)) = self.affiliation_at(j) {
            affiliation = Some(a);
            j = next;
            if matches!(doc.word(j), "'s" | "’s") {
                j += 1;
            }
        }
        let title_start = j;
        let mut head = None;
        while j < limit && !self.person_at(j) {
            let w = doc.word(j);
            if lexicon::is_head(w) {
                head = Some(j);
            } else if !lexicon::is_modifier(w) {
                break;
            }
            j += 1;
        }
        let head = head?;
        let mut title_end = head + 1;
        let mut end = title_end;
        // Head, then demonym, then name: "le président russe Vladimir Poutine".
        if affiliation.is_none() && self.person_at(end + 1) {
            if let Some((a, next)) = self
                .affiliation_at(end)
                .filter(|(a, _)| a.country.is_some())
            {
                if next == end + 1 && a.kind == EntityType::Norp {
                    affiliation = Some(a);
                    end = next;
                }
            }
        }
        // Complements.
        while end == title_end && end < limit && lexicon::is_connector(doc.word(end)) {
            let mut k = end + 1;
            if doc.word(k) == "the" {
                k += 1;
            }
            let np_end = self.noun_phrase(k, limit);
            if np_end == k {
                break;
            }
            // "President of Russia", "spokesman for the United Mine Workers": an affiliation,
            // unless it is a portfolio ("Minister for International Affairs").
            let portfolio = (k..np_end).all(|t| {
                let w = doc.word(t);
                lexicon::is_portfolio(w) || lexicon::is_role_word(w)
            });
            if affiliation.is_none() && !portfolio {
                let of = doc.word(end) == "of";
                let found = self
                    .affiliation_at(k)
                    .filter(|(a, n)| *n >= np_end && (of || a.kind == EntityType::Org));
                if let Some((a, next)) = found {
                    affiliation = Some(a);
                    end = next;
                    break;
                }
            }
            title_end = np_end;
            end = np_end;
        }
        Some(Phrase {
            title_start,
            title_end,
            end,
            head,
            affiliation,
        })
    }

    /// The end of a complement's noun phrase from token `k`: capitalised words, portfolio words,
    /// joined by "and".
    fn noun_phrase(&self, k: usize, limit: usize) -> usize {
        let doc = self.doc;
        let content = |t: usize| {
            let w = doc.word(t);
            (capitalised(w) && w.chars().any(char::is_alphabetic)) || lexicon::is_portfolio(w)
        };
        let mut t = k;
        while t < limit && !self.person_at(t) {
            let w = doc.word(t);
            if matches!(w, "and" | "&") {
                if t + 1 < limit && content(t + 1) && !self.person_at(t + 1) {
                    t += 1;
                    continue;
                }
                break;
            }
            if !content(t) || lexicon::is_connector(w) {
                break;
            }
            t += 1;
        }
        while t > k && matches!(doc.word(t - 1), "and" | "&" | "the") {
            t -= 1;
        }
        t
    }

    /// A country, demonym or organisation starting at token `i`, and the token after it.
    fn affiliation_at(&self, i: usize) -> Option<(Stated, usize)> {
        let doc = self.doc;
        for len in (1..=super::countries::MAX_WORDS).rev() {
            let text = doc.span_text(i, i + len);
            if text.is_empty() || doc.sentence_of(i) != doc.sentence_of(i + len - 1) {
                continue;
            }
            let kind = match place(text) {
                Some(Place::Country(_)) => EntityType::Gpe,
                Some(Place::Demonym(_)) => EntityType::Norp,
                _ => continue,
            };
            let span = doc.byte_range(i, i + len)?;
            let country = place(text).and_then(Place::country).map(|c| c.iso);
            return Some((
                Stated {
                    span,
                    kind,
                    country,
                },
                i + len,
            ));
        }
        let d = self.draft_at(i)?;
        let group = d.kind == EntityType::Norp && d.country.is_none();
        if group || !matches!(d.kind, EntityType::Org | EntityType::Gpe | EntityType::Norp) {
            return None;
        }
        // A mention that is itself role words is not an affiliation ("Supreme Leader").
        let words = doc.tokens_in(d.start, d.end);
        if words.clone().all(|k| lexicon::is_role_word(doc.word(k))) {
            return None;
        }
        Some((
            Stated {
                span: (d.start, d.end),
                kind: d.kind,
                country: d.country,
            },
            words.end,
        ))
    }
}
