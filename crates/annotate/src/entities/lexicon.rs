//! The curated words that make up roles, honorifics and the nouns that show a country's
//! officials.
//!
//! A role title is modifiers, then one or more head words, then `of`/`for` complements:
//! "Deputy Foreign Minister for International Affairs". Heads are singular nouns for a position
//! held by one person; modifiers narrow it ("Deputy", "Foreign", "Prime", "government"); portfolio
//! words may fill a complement in lower case ("secretary of state"). The lists live in
//! `roles.tsv`, one language per line (English, French, Spanish, German so far); lookups consult
//! every language, so articles in any listed language, and mixed ones, need no configuration.

use std::collections::HashMap;
use std::sync::OnceLock;

/// The role word lists, every language together.
const TABLE: &str = include_str!("roles.tsv");

/// One role word list.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash)]
enum List {
    /// Nouns for a position: "president", "minister", "spokeswoman".
    Head,
    /// Words narrowing a head: "deputy", "foreign", "prime", "government".
    Modifier,
    /// Words joining a head to its complement: "of", "for".
    Connector,
    /// Lower-case words that may fill a complement: "state", "defense", "affairs".
    Portfolio,
    /// Nouns after a country that show its officials or institutions: "officials".
    Institution,
}

fn lists() -> &'static HashMap<&'static str, Vec<List>> {
    static LISTS: OnceLock<HashMap<&'static str, Vec<List>>> = OnceLock::new();
    LISTS.get_or_init(|| {
        let mut out: HashMap<&'static str, Vec<List>> = HashMap::new();
        for line in TABLE.lines().filter(|l| !l.starts_with('#')) {
            let mut fields = line.split('\t');
            let (Some(_language), Some(list), Some(words)) =
                (fields.next(), fields.next(), fields.next())
            else {
                continue;
            };
            let list = match list {
                "head" => List::Head,
                "modifier" => List::Modifier,
                "connector" => List::Connector,
                "portfolio" => List::Portfolio,
                "institution" => List::Institution,
                _ => continue,
            };
            for word in words.split_whitespace() {
                let entry = out.entry(word).or_default();
                if !entry.contains(&list) {
                    entry.push(list);
                }
            }
        }
        out
    })
}

fn in_list(list: List, word: &str) -> bool {
    let lower = word.to_lowercase();
    lists()
        .get(lower.as_str())
        .is_some_and(|l| l.contains(&list))
}

/// Honorifics: never part of a name. Those that are ranks or offices give a role.
const HONORIFICS: &[(&str, Option<&str>)] = &[
    ("Mr.", None),
    ("Mr", None),
    ("Mrs.", None),
    ("Mrs", None),
    ("Ms.", None),
    ("Ms", None),
    ("Miss", None),
    ("Mx.", None),
    ("Messrs.", None),
    ("Dr.", None),
    ("Dr", None),
    ("Sir", None),
    ("Dame", None),
    ("Madam", None),
    ("Mme", None),
    ("Mme.", None),
    ("Mlle", None),
    ("Herr", None),
    ("Frau", None),
    ("Sr.", None),
    ("Sra.", None),
    ("Dott.", None),
    ("Hon.", None),
    ("Rev.", None),
    ("Prof.", Some("Professor")),
    ("Sen.", Some("Senator")),
    ("Rep.", Some("Representative")),
    ("Gov.", Some("Governor")),
    ("Gen.", Some("General")),
    ("Lt.", Some("Lieutenant")),
    ("Col.", Some("Colonel")),
    ("Maj.", Some("Major")),
    ("Capt.", Some("Captain")),
    ("Sgt.", Some("Sergeant")),
    ("Adm.", Some("Admiral")),
    ("Cmdr.", Some("Commander")),
    ("Pres.", Some("President")),
];

/// Whether `word` (any case) is a role head.
pub fn is_head(word: &str) -> bool {
    in_list(List::Head, word)
}

/// Whether `word` (any case) is a role modifier.
pub fn is_modifier(word: &str) -> bool {
    in_list(List::Modifier, word)
}

/// Whether `word` (any case) joins a head to its complement.
pub fn is_connector(word: &str) -> bool {
    in_list(List::Connector, word)
}

/// Whether `word` (any case) may fill a complement in lower case.
pub fn is_portfolio(word: &str) -> bool {
    in_list(List::Portfolio, word)
}

/// Whether `word` (any case) is a noun for a country's officials or institutions.
pub fn is_institution(word: &str) -> bool {
    in_list(List::Institution, word)
}

/// Whether `word` is part of a role title.
pub fn is_role_word(word: &str) -> bool {
    is_head(word) || is_modifier(word)
}

/// Role words that are as often surnames or given names: "Dean Baquet", "Larry King".
const NAME_LIKE: &[&str] = &[
    "Dean",
    "Major",
    "King",
    "Prince",
    "Bishop",
    "Marshal",
    "Judge",
    "Chancellor",
    "Pope",
    "Sheikh",
    "Chair",
    "Head",
    "Deputy",
];

/// Role words that are as often given names, so not cut from the front of a name.
const GIVEN_NAMES: &[&str] = &["Dean", "Major"];

/// Whether `word` (exact case) is a role word also common as a name: alone, it is a name.
pub fn is_name_like(word: &str) -> bool {
    NAME_LIKE.contains(&word)
}

/// Whether `word` (exact case) is a role word also common as a given name.
pub fn is_given_name(word: &str) -> bool {
    GIVEN_NAMES.contains(&word)
}

/// Whether `word` (exact case) is an honorific, and the role it gives if it is a rank or office.
pub fn honorific(word: &str) -> Option<Option<&'static str>> {
    HONORIFICS.iter().find(|(h, _)| *h == word).map(|&(_, r)| r)
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn table_is_well_formed() {
        for line in TABLE.lines().filter(|l| !l.starts_with('#')) {
            let fields: Vec<&str> = line.split('\t').collect();
            assert_eq!(fields.len(), 3, "{line}");
            assert!(
                ["head", "modifier", "connector", "portfolio", "institution"].contains(&fields[1]),
                "{line}"
            );
            assert_eq!(fields[2], fields[2].to_lowercase(), "{line}");
        }
        assert!(lists().len() > 300);
    }

    #[test]
    fn words_in_any_case() {
        assert!(is_head("Spokeswoman"));
        assert!(is_head("ministre"));
        assert!(is_modifier("Deputy"));
        assert!(is_connector("for"));
        assert!(!is_head("officials"));
        assert_eq!(honorific("Mr."), Some(None));
        assert_eq!(honorific("Gen."), Some(Some("General")));
        assert_eq!(honorific("mr."), None);
    }
}
