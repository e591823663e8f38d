//! Abbreviations that keep their final period, and which of them may also end a sentence.
//!
//! Titles (`Mr.`, `Gen.`), months (`Feb.`), `No.` and US state forms (`Calif.`) are almost always
//! followed by more of the same sentence; company suffixes (`Inc.`, `Corp.`) and dotted acronyms
//! (`U.S.`) often close one. Matching is case-sensitive for capitalised forms so that ordinary
//! words at a sentence end ("to wash.") are not taken for abbreviations.

/// Abbreviations (without the period) that are normally followed by more of the sentence.
const NON_FINAL: &[&str] = &[
    "Mr", "Mrs", "Ms", "Messrs", "Mme", "Mlle", "Dr", "Prof", "Gen", "Lt", "Col", "Maj", "Capt",
    "Cpt", "Sgt", "Cpl", "Pvt", "Cmdr", "Adm", "Brig", "Gov", "Sen", "Rep", "Reps", "Sens", "Rev",
    "Hon", "Pres", "Supt", "Det", "Insp", "Fr", "Sr", "St", "Ste", "Mt", "Ft", "Jan", "Feb", "Mar",
    "Apr", "Jun", "Jul", "Aug", "Sep", "Sept", "Oct", "Nov", "Dec", "No", "Nos", "Vol", "Art",
    "Ala", "Ariz", "Ark", "Calif", "Colo", "Conn", "Fla", "Ga", "Ill", "Kan", "Kans", "Ky", "Md",
    "Mich", "Minn", "Mont", "Neb", "Nev", "Okla", "Ore", "Penn", "Tenn", "Tex", "Wis", "Wyo", "vs",
    "v", "approx", "Fig", "fig", "Ave", "Blvd", "Rd", "Dept", "Univ", "Assn", "ca",
];

/// Abbreviations (without the period) that may also close a sentence.
const FINAL: &[&str] = &[
    "Inc", "Corp", "Co", "Ltd", "Bros", "Jr", "Plc", "plc", "etc", "Ph.D", "a.m", "p.m", "A.M",
    "P.M",
];

/// Words that start sentences; after a sentence-capable abbreviation they signal a boundary.
const STARTERS: &[&str] = &[
    "The",
    "A",
    "An",
    "He",
    "She",
    "It",
    "They",
    "We",
    "I",
    "You",
    "This",
    "That",
    "These",
    "Those",
    "But",
    "And",
    "In",
    "On",
    "At",
    "For",
    "If",
    "As",
    "Its",
    "His",
    "Her",
    "Their",
    "There",
    "Our",
    "My",
    "What",
    "When",
    "Where",
    "Why",
    "How",
    "Who",
    "After",
    "Before",
    "While",
    "So",
    "Yet",
    "Some",
    "Many",
    "Most",
    "Such",
    "Also",
    "However",
    "Meanwhile",
    "Still",
    "Then",
];

/// Whether `stem` (a word without its final period) is a known abbreviation.
pub fn is_abbreviation(stem: &str) -> bool {
    NON_FINAL.contains(&stem) || FINAL.contains(&stem)
}

/// Whether the abbreviation token `word` (with its period) can close a sentence when `next`
/// follows it: company suffixes, dotted acronyms and `etc.` can, before a typical sentence
/// starter; titles, months, initials and `No.` never do.
pub fn may_end_sentence(word: &str, next: &str) -> bool {
    let stem = word.strip_suffix('.').unwrap_or(word);
    if NON_FINAL.contains(&stem) {
        return false;
    }
    let dotted_acronym = stem.contains('.');
    if !(FINAL.contains(&stem) || dotted_acronym) {
        return false;
    }
    STARTERS.contains(&next)
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn titles_never_end_sentences() {
        assert!(is_abbreviation("Gen"));
        assert!(!may_end_sentence("Gen.", "The"));
        assert!(!may_end_sentence("J.", "The"));
    }

    #[test]
    fn acronyms_end_sentences_before_starters() {
        assert!(may_end_sentence("U.S.", "The"));
        assert!(!may_end_sentence("U.S.", "Treasury"));
        assert!(may_end_sentence("Inc.", "He"));
    }
}
