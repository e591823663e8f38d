//! The words around a cue: what may stand between a subject and its cue, what ends or opens a
//! noun phrase, pronouns with the gender they refer to, gendered role words and honorifics, and
//! the nouns "the X" may use for an organisation.

/// Words that may stand between a subject and its cue: auxiliaries, negation, adverbs.
pub(crate) fn is_between(word: &str) -> bool {
    (word.len() > 4
        && word.ends_with("ly")
        && !matches!(word, "family" | "italy" | "ally" | "assembly"))
        || matches!(
            word,
            "also"
                | "has"
                | "have"
                | "had"
                | "was"
                | "were"
                | "is"
                | "are"
                | "would"
                | "will"
                | "could"
                | "may"
                | "might"
                | "should"
                | "can"
                | "did"
                | "does"
                | "do"
                | "later"
                | "earlier"
                | "then"
                | "previously"
                | "recently"
                | "repeatedly"
                | "again"
                | "once"
                | "often"
                | "publicly"
                | "privately"
                | "reportedly"
                | "already"
                | "still"
                | "never"
                | "first"
                | "further"
                | "just"
                | "flatly"
                | "openly"
                | "bluntly"
                | "directly"
                | "simply"
                | "initially"
                | "ultimately"
                | "finally"
                | "subsequently"
                | "separately"
                | "too"
                | "even"
                | "not"
                | "n't"
                | "long"
                | "frequently"
                | "explicitly"
                | "clearly"
                | "generally"
                | "widely"
                | "strongly"
                | "firmly"
                | "personally"
                | "specifically"
                | "apparently"
                | "allegedly"
                | "always"
                | "sometimes"
                | "been"
        )
}

/// Words that end a subject noun phrase when read backwards from its head.
pub(crate) fn is_phrase_boundary(word: &str) -> bool {
    matches!(
        word,
        "and"
            | "or"
            | "but"
            | "that"
            | "which"
            | "who"
            | "when"
            | "while"
            | "as"
            | "because"
            | "if"
            | "since"
            | "although"
            | "though"
            | "after"
            | "before"
            | "where"
            | "so"
            | "than"
            | "whom"
            | "whose"
            | "whether"
            | "to"
            | "of"
            | "in"
            | "on"
            | "at"
            | "for"
            | "with"
            | "by"
            | "from"
            | "about"
            | "said"
            | "says"
            | "told"
            | "is"
            | "was"
            | "are"
            | "were"
            | "has"
            | "have"
            | "had"
            | "be"
            | "been"
            | "not"
            | "also"
    )
}

/// Determiners and possessives that open a noun phrase.
pub(crate) fn is_determiner(word: &str) -> bool {
    matches!(
        word,
        "the"
            | "a"
            | "an"
            | "this"
            | "that"
            | "these"
            | "those"
            | "his"
            | "her"
            | "its"
            | "their"
            | "our"
            | "my"
            | "some"
            | "many"
            | "most"
            | "several"
            | "other"
            | "both"
            | "another"
            | "one"
            | "two"
            | "three"
            | "few"
            | "all"
            | "no"
            | "each"
            | "any"
    )
}

/// The gender a third-person pronoun refers to, or `None` for plural and neuter.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub(crate) enum Pronoun {
    He,
    She,
    They,
    It,
    /// "who", "which": the phrase just before.
    Relative,
    /// "I", "we", "you": the speaker of the surrounding quote.
    Speaker,
}

/// The pronoun a lower-case word is.
pub(crate) fn pronoun(word: &str) -> Option<Pronoun> {
    Some(match word {
        "he" | "him" => Pronoun::He,
        "she" | "her" => Pronoun::She,
        "they" | "them" => Pronoun::They,
        "it" => Pronoun::It,
        "who" | "which" => Pronoun::Relative,
        "i" | "we" | "you" => Pronoun::Speaker,
        _ => return None,
    })
}

/// The gender a role head or honorific (lower case, no final period) states.
pub(crate) fn gendered(word: &str) -> Option<Pronoun> {
    match word {
        "mr" | "spokesman" | "chairman" | "congressman" | "councilman" | "king" | "prince"
        | "emperor" | "businessman" | "sir" | "lord" | "father" | "son" | "brother" | "husband" => {
            Some(Pronoun::He)
        }
        "ms" | "mrs" | "miss" | "spokeswoman" | "chairwoman" | "congresswoman" | "councilwoman"
        | "queen" | "princess" | "empress" | "businesswoman" | "lady" | "dame" | "mother"
        | "daughter" | "sister" | "wife" => Some(Pronoun::She),
        _ => None,
    }
}

/// Words for organisations that "the X" may stand for ("the ministry", "the agency").
pub(crate) fn is_org_noun(word: &str) -> bool {
    matches!(
        word,
        "ministry"
            | "agency"
            | "company"
            | "firm"
            | "group"
            | "organization"
            | "organisation"
            | "department"
            | "government"
            | "campaign"
            | "committee"
            | "commission"
            | "council"
            | "office"
            | "administration"
            | "party"
            | "bank"
            | "court"
            | "board"
            | "union"
            | "network"
            | "newspaper"
            | "paper"
            | "station"
            | "site"
            | "website"
            | "outlet"
            | "agency's"
            | "institute"
            | "foundation"
            | "association"
            | "alliance"
            | "team"
            | "embassy"
            | "parliament"
            | "senate"
            | "house"
            | "fund"
            | "service"
            | "authority"
            | "military"
            | "army"
            | "police"
            | "regulator"
            | "watchdog"
            | "bureau"
            | "center"
            | "centre"
            | "university"
            | "corporation"
            | "channel"
            | "broadcaster"
    )
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn pronouns_and_genders() {
        assert_eq!(pronoun("she"), Some(Pronoun::She));
        assert_eq!(gendered("spokeswoman"), Some(Pronoun::She));
        assert_eq!(gendered("mr"), Some(Pronoun::He));
        assert_eq!(pronoun("table"), None);
    }
}
