//! Author names out of what pages put in bylines and author fields: "By Jane Doe and John Roe,
//! Senior Reporters | 3 min read", "Von Max Muster", "@handle", "Email the author".
//!
//! A raw byline is cut where dates, reading times and separators begin, its "By" dropped, split
//! into names at commas, semicolons and "and" in several languages; each part is kept only when it
//! looks like a name (a few capitalised words, no digits, no role or prompt), and repeats are
//! dropped.

use crate::dates;

/// Most names read from one page.
const MAX_AUTHORS: usize = 12;
/// Longest name, in characters.
const MAX_NAME_CHARS: usize = 60;
/// Most words in one name.
const MAX_NAME_WORDS: usize = 5;

/// Words that open a byline, folded to lowercase, longest first where one starts another.
const LEADS: &[&str] = &[
    "written by",
    "posted by",
    "published by",
    "reported by",
    "words by",
    "story by",
    "text by",
    "geschrieben von",
    "eingestellt von",
    "erstellt von",
    "artikel von",
    "beitrag von",
    "publiziert von",
    "submitted by",
    "publié par",
    "publicado por",
    "escrito por",
    "scritto da",
    "verfasst von",
    "ein beitrag von",
    "ein artikel von",
    "article by",
    "auteur",
    "author",
    "autor",
    "autorin",
    "autoren",
    "by",
    "von",
    "par",
    "por",
    "di",
    "door",
    "av",
    "af",
    "text",
    "texto",
    "redaktion",
    "from",
];

/// Words that end a byline: what follows is a date, a role or a prompt.
const STOPS: &[&str] = &[
    "updated",
    "published",
    "posted",
    "last modified",
    "aktualisiert",
    "veröffentlicht",
    "publié",
    "publicado",
    "actualizado",
    "min read",
    "minute read",
    "minutes read",
    "min. lesezeit",
    "lesezeit",
    "email the author",
    "e-mail the author",
    "follow",
    "view all",
    "more by",
    "more from",
    "read more",
    "see all",
    "all posts",
    "contact",
    "twitter",
    "facebook",
    "alle artikel",
    "all articles",
    "all stories",
    "publiziert",
    "monday",
    "tuesday",
    "wednesday",
    "thursday",
    "friday",
    "saturday",
    "sunday",
    "montag",
    "dienstag",
    "mittwoch",
    "donnerstag",
    "freitag",
    "samstag",
    "sonntag",
];

/// Words of job titles and credits: a part holding one is a role, not a name.
const ROLES: &[&str] = &[
    "reporter",
    "correspondent",
    "editor",
    "writer",
    "journalist",
    "columnist",
    "contributor",
    "contributing",
    "staff",
    "producer",
    "photographer",
    "analyst",
    "senior",
    "chief",
    "intern",
    "freelance",
    "news desk",
    "newsdesk",
    "redakteur",
    "redakteurin",
    "korrespondent",
    "korrespondentin",
    "journalistin",
    "reporterin",
    "fotograf",
    "fotografin",
    "chefredakteur",
    "chefredakteurin",
    "rédacteur",
    "rédactrice",
    "journaliste",
    "periodista",
    "redactor",
    "redactora",
    "corresponsal",
    "phd",
    "ph.d",
    "m.d.",
    "professor",
    "updated",
    "published",
    "posted",
    "admin",
    "administrator",
    "guest",
    "anonymous",
    "unknown",
    "comments",
    "kommentare",
    "share",
    "teilen",
    "advertisement",
    "anzeige",
    // comment forms and comment bylines: not the article's author
    "name",
    "required",
    "erforderlich",
    "says",
    "said",
    "sagt",
    "schreibt",
    "meint",
    "writes",
    "dit",
    "dice",
    "profil",
    "profile",
    "sponsored",
    "gesponserte",
    "inhalte",
];

/// Connectors between names.
const AND: &[&str] = &[
    " and ", " und ", " & ", " et ", " y ", " e ", " en ", " och ", " og ",
];

/// Cleans raw author strings (in order of trust) into names, without repeats. `site` names the
/// publication (its `og:site_name` or host), so that a site name given as the author is dropped.
pub fn clean<'a>(raw: impl IntoIterator<Item = &'a str>, site: &[String]) -> Vec<String> {
    let mut names: Vec<String> = Vec::new();
    for value in raw {
        for name in split(value) {
            if names.len() >= MAX_AUTHORS {
                return names;
            }
            let folded = fold(&name);
            if site
                .iter()
                .any(|s| fold(s) == folded || folded_host_match(s, &folded))
            {
                continue;
            }
            if !names.iter().any(|n| fold(n) == folded) {
                names.push(name);
            }
        }
    }
    names
}

/// The names in one raw byline.
pub fn split(raw: &str) -> Vec<String> {
    let text = raw.split_whitespace().collect::<Vec<_>>().join(" ");
    let text = after_late_lead(&text);
    let text = cut_at_stops(text);
    let text = drop_lead(text);
    let mut parts: Vec<String> = vec![text.to_string()];
    for sep in [
        ";", ",", " | ", " / ", " · ", " • ", " – ", " — ", " - ", "\u{2022}",
    ] {
        parts = parts
            .iter()
            .flat_map(|p| p.split(sep).map(str::to_string).collect::<Vec<_>>())
            .collect();
    }
    for and in AND {
        parts = parts.iter().flat_map(|p| split_folded(p, and)).collect();
    }
    parts.iter().filter_map(|p| name_of(drop_lead(p))).collect()
}

/// Splits on a connector matched case-insensitively.
fn split_folded(text: &str, sep: &str) -> Vec<String> {
    let lower = text.to_lowercase();
    if lower.len() != text.len() {
        return vec![text.to_string()];
    }
    let mut out = Vec::new();
    let mut start = 0;
    for (at, _) in lower.match_indices(sep) {
        if let Some(piece) = text.get(start..at) {
            out.push(piece.to_string());
        }
        start = at + sep.len();
    }
    if let Some(rest) = text.get(start..) {
        out.push(rest.to_string());
    }
    out
}

/// "Posted on March 3, 2021 by Jane Doe": when a date or a stop word comes before a "by", the
/// name is what follows the "by".
fn after_late_lead(text: &str) -> &str {
    let lower = text.to_lowercase();
    if lower.len() != text.len() {
        return text;
    }
    for lead in [" by ", " von ", " par ", " por "] {
        if let Some(at) = lower.find(lead) {
            let before = text.get(..at).unwrap_or("");
            let before_lower = lower.get(..at).unwrap_or("");
            let dated = dates::find_full_date(before).is_some()
                || STOPS.iter().any(|s| find_word(before_lower, s).is_some());
            if dated {
                return text.get(at + lead.len()..).unwrap_or(text);
            }
        }
    }
    text
}

/// Cuts a byline where a date or a stop word begins.
fn cut_at_stops(text: &str) -> &str {
    let lower = text.to_lowercase();
    let mut end = text.len();
    if lower.len() == text.len() {
        for stop in STOPS {
            if let Some(at) = find_word(&lower, stop) {
                end = end.min(at);
            }
        }
    }
    if let Some((_, range)) = dates::find_full_date(text) {
        end = end.min(range.start);
    }
    let cut = text.get(..end).unwrap_or(text);
    cut.trim_end_matches([' ', ',', '|', '-', '–', '—', '·', '•', ':', '/'])
}

/// The position of `word` in `lower` at word boundaries.
fn find_word(lower: &str, word: &str) -> Option<usize> {
    lower.match_indices(word).map(|(at, _)| at).find(|&at| {
        let before = lower.get(..at).and_then(|s| s.chars().next_back());
        let after = lower.get(at + word.len()..).and_then(|s| s.chars().next());
        !before.is_some_and(char::is_alphanumeric) && !after.is_some_and(char::is_alphanumeric)
    })
}

/// Drops an opening "By", "Von", "Autor:" and the like.
fn drop_lead(text: &str) -> &str {
    let mut text = text
        .trim()
        .trim_start_matches([':', '-', '–', '—', '|', '·', '•']);
    loop {
        let trimmed = text.trim_start();
        let lower = trimmed.to_lowercase();
        if lower.len() != trimmed.len() {
            return trimmed;
        }
        let lead = LEADS.iter().find(|lead| {
            lower.starts_with(*lead)
                && lower
                    .get(lead.len()..)
                    .and_then(|rest| rest.chars().next())
                    .is_some_and(|c| c == ' ' || c == ':')
        });
        match lead {
            Some(lead) => {
                text = trimmed
                    .get(lead.len()..)
                    .unwrap_or("")
                    .trim_start_matches([' ', ':']);
            }
            None => return trimmed,
        }
    }
}

/// The part as a name, if it looks like one.
fn name_of(part: &str) -> Option<String> {
    // Handles, e-mail addresses and links are not names.
    if part.contains('@') || part.contains("://") || part.contains("www.") {
        return None;
    }
    let part = part
        .trim()
        .trim_matches(|c: char| !c.is_alphanumeric() && c != '.' && c != ')' && c != '(')
        .trim();
    let part = part.trim_end_matches(['(', ')']).trim();
    if part.is_empty() || part.chars().count() > MAX_NAME_CHARS {
        return None;
    }
    if part.contains('@') || part.contains("://") || part.contains("www.") {
        return None;
    }
    let words: Vec<&str> = part.split_whitespace().collect();
    // A user name ("freeman1984", "tlow") is one word; a name of several words has no digits.
    let handle = words.len() == 1
        && part
            .chars()
            .all(|c| c.is_alphanumeric() || matches!(c, '_' | '-' | '.'));
    if !handle && part.chars().any(|c| c.is_ascii_digit()) {
        return None;
    }
    if words.is_empty() || words.len() > MAX_NAME_WORDS {
        return None;
    }
    let lower = part.to_lowercase();
    if ROLES.iter().any(|r| find_word(&lower, r).is_some()) || LEADS.contains(&lower.as_str()) {
        return None;
    }
    // A name has a capitalised word (scripts without case pass), and is not a lone initial.
    let cased = part.chars().any(|c| c.is_uppercase() || c.is_lowercase());
    let capitalised = words
        .iter()
        .any(|w| w.chars().next().is_some_and(char::is_uppercase));
    if cased && !capitalised && !handle {
        return None;
    }
    if part.chars().filter(|c| c.is_alphabetic()).count() < 2 {
        return None;
    }
    Some(part.to_string())
}

/// Lowercase letters and digits only.
fn fold(text: &str) -> String {
    text.chars()
        .filter(|c| c.is_alphanumeric())
        .flat_map(char::to_lowercase)
        .collect()
}

/// Whether a folded name is, or holds, a site's host name without its top-level domain
/// (`ukbdnews` for `ukbdnews.com`, "EFC Bayrische Bembel" for `bayrische-bembel.de`).
fn folded_host_match(site: &str, folded: &str) -> bool {
    let host = site.trim_start_matches("www.");
    host.contains('.')
        && host.rsplit_once('.').is_some_and(|(name, _)| {
            let name = fold(name);
            name == folded || (name.chars().count() >= MIN_HOST_CHARS && folded.contains(&name))
        })
}

/// Shortest host name looked for inside a name.
const MIN_HOST_CHARS: usize = 6;

#[cfg(test)]
mod tests {
    use super::*;

    fn names(raw: &str) -> Vec<String> {
        clean(
            [raw],
            &["The Gazette".to_string(), "gazette.com".to_string()],
        )
    }

    #[test]
    fn bylines_are_cleaned() {
        assert_eq!(names("By Jane Doe"), ["Jane Doe"]);
        assert_eq!(names("By Jane Doe and John Roe"), ["Jane Doe", "John Roe"]);
        assert_eq!(
            names("Jane Doe, Senior Reporter | 3 min read"),
            ["Jane Doe"]
        );
        assert_eq!(
            names("Von Max Muster und Erika Mustermann"),
            ["Max Muster", "Erika Mustermann"]
        );
        assert_eq!(names("Jane Doe Email the author"), ["Jane Doe"]);
        assert_eq!(names("By JANE DOE Updated March 3, 2021"), ["JANE DOE"]);
        assert_eq!(names("@janedoe"), Vec::<String>::new());
        assert_eq!(names("The Gazette"), Vec::<String>::new());
        assert_eq!(names("Gazette"), Vec::<String>::new());
        assert_eq!(names("Michael L. Anderson, PhD"), ["Michael L. Anderson"]);
        assert_eq!(names("孔德明"), ["孔德明"]);
        assert_eq!(names("Gabi sagt"), Vec::<String>::new());
        assert_eq!(names("Name (erforderlich)"), Vec::<String>::new());
        assert_eq!(names("Eingestellt von der Michel"), ["der Michel"]);
        assert_eq!(names("J.R. Stone Thursday, March 3"), ["J.R. Stone"]);
        assert_eq!(names("EFC Gazette Fans"), Vec::<String>::new());
        assert_eq!(
            names("Posted on September 21, 2020 by Adi Tzlil"),
            ["Adi Tzlil"]
        );
        assert_eq!(names("freeman1984"), ["freeman1984"]);
        assert_eq!(names("By"), Vec::<String>::new());
        assert_eq!(names("posted on march 3"), Vec::<String>::new());
        assert_eq!(names("posted on march 3"), Vec::<String>::new());
        assert_eq!(
            clean(["Jane Doe", "jane doe", "JANE DOE"], &[]),
            ["Jane Doe"]
        );
        assert_eq!(names("A, B & C"), Vec::<String>::new());
        assert_eq!(
            names("Ana Lima, Rui Costa & Eva Sá"),
            ["Ana Lima", "Rui Costa", "Eva Sá"]
        );
    }
}
