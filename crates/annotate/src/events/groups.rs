//! Named groups of countries with their members ("the E3", "the G7"), collective names whose
//! members the sentence may list ("Western powers, including ..."), international organisations
//! ("the IAEA", "NATO"), and the words that make a people's name a state actor ("the Iranian
//! government") or an armed one ("Serb forces").

/// Groups whose members are fixed, by name as written (without a leading "the"), with the
/// members' ISO 3166-1 alpha-2 codes.
const KNOWN: &[(&str, &[&str])] = &[
    ("E3", &["FR", "GB", "DE"]),
    ("EU3", &["FR", "GB", "DE"]),
    ("E3 countries", &["FR", "GB", "DE"]),
    ("P5", &["US", "GB", "FR", "RU", "CN"]),
    ("P5+1", &["US", "GB", "FR", "RU", "CN", "DE"]),
    ("G7", &["US", "GB", "FR", "DE", "IT", "JP", "CA"]),
    (
        "Group of Seven",
        &["US", "GB", "FR", "DE", "IT", "JP", "CA"],
    ),
    ("Baltic states", &["EE", "LV", "LT"]),
    ("Benelux", &["BE", "NL", "LU"]),
    ("Quad", &["US", "JP", "IN", "AU"]),
    ("Five Eyes", &["US", "GB", "CA", "AU", "NZ"]),
];

/// Collective names with no fixed membership: members come from the sentence ("including
/// France, Britain and Germany") or from the countries named just before ("the three European
/// nations").
const COLLECTIVE_HEADS: &[&str] = &[
    "powers",
    "nations",
    "countries",
    "states",
    "allies",
    "partners",
    "governments",
    "counterparts",
    "members",
    "neighbours",
    "neighbors",
    "republics",
];

/// Modifiers that make a collective name with [`COLLECTIVE_HEADS`] ("Western powers", "the three
/// European nations", "Central Asian states").
const COLLECTIVE_MODIFIERS: &[&str] = &[
    "Western", "western", "European", "Arab", "Gulf", "Nordic", "Baltic", "Central", "Asian",
    "African", "world", "major", "three", "two", "four", "five", "six", "seven", "NATO", "member",
    "allied", "Muslim", "Islamic", "donor",
];

/// International organisations by name or acronym as written (without a leading "the").
const INTERNATIONAL: &[&str] = &[
    "UN",
    "U.N.",
    "United Nations",
    "Security Council",
    "UN Security Council",
    "U.N. Security Council",
    "General Assembly",
    "UNHCR",
    "UNICEF",
    "UNESCO",
    "WHO",
    "World Health Organization",
    "World Food Programme",
    "WFP",
    "IAEA",
    "International Atomic Energy Agency",
    "NATO",
    "EU",
    "E.U.",
    "European Union",
    "European Community",
    "EC",
    "European Commission",
    "European Parliament",
    "OSCE",
    "Organization for Security and Cooperation in Europe",
    "Arab League",
    "African Union",
    "AU",
    "Organization of African Unity",
    "OAU",
    "ECOWAS",
    "ASEAN",
    "APEC",
    "Asia-Pacific Economic Cooperation",
    "OPEC",
    "IMF",
    "International Monetary Fund",
    "World Bank",
    "WTO",
    "World Trade Organization",
    "Red Cross",
    "Red Crescent",
    "ICRC",
    "International Committee of the Red Cross",
    "Interpol",
    "International Criminal Court",
    "ICC",
    "International Court of Justice",
    "Council of Europe",
    "Commonwealth",
    "G20",
    "Group of 20",
    "Shanghai Cooperation Organisation",
    "SCO",
    "Gulf Cooperation Council",
    "GCC",
    "Organisation of Islamic Cooperation",
    "OIC",
    "Warsaw Pact",
];

/// Well-known institutions, parties and armed groups by name as written (without a leading
/// "the"), with the country (alpha-2) they belong to, as actor dictionaries of event coders list
/// them.
const ORGANISATIONS: &[(&str, &str)] = &[
    ("White House", "US"),
    ("Pentagon", "US"),
    ("State Department", "US"),
    ("Congress", "US"),
    ("CIA", "US"),
    ("FBI", "US"),
    ("Kremlin", "RU"),
    ("Duma", "RU"),
    ("Downing Street", "GB"),
    ("Whitehall", "GB"),
    ("Elysee", "FR"),
    ("Élysée", "FR"),
    ("Bundestag", "DE"),
    ("Knesset", "IL"),
    ("Mossad", "IL"),
    ("IDF", "IL"),
    ("Hamas", "PS"),
    ("Fatah", "PS"),
    ("PLO", "PS"),
    ("Palestine Liberation Organization", "PS"),
    ("Islamic Jihad", "PS"),
    ("Hezbollah", "LB"),
    ("Hizbollah", "LB"),
    ("Hizbullah", "LB"),
    ("Amal", "LB"),
    ("Taliban", "AF"),
    ("al-Shabaab", "SO"),
    ("Boko Haram", "NG"),
    ("FARC", "CO"),
    ("ELN", "CO"),
    ("UNITA", "AO"),
    ("MPLA", "AO"),
    ("ANC", "ZA"),
    ("PKK", "TR"),
    ("Houthis", "YE"),
    ("Houthi", "YE"),
    ("IRGC", "IR"),
    ("Revolutionary Guards", "IR"),
    ("Sinn Fein", "GB"),
    ("IRA", "GB"),
    ("ETA", "ES"),
    ("LTTE", "LK"),
    ("Tamil Tigers", "LK"),
    ("Liberation Tigers of Tamil Eelam", "LK"),
    ("Muslim Brotherhood", "EG"),
    ("Wagner", "RU"),
];

/// Words after a demonym or country that make it the state acting: "the Iranian government",
/// "Serbian authorities", "the Bush administration".
const STATE_HEADS: &[&str] = &[
    "government",
    "governments",
    "authorities",
    "administration",
    "regime",
    "cabinet",
    "Cabinet",
    "ministry",
    "Ministry",
    "leadership",
    "officials",
    "official",
    "state",
    "embassy",
    "parliament",
    "Parliament",
    "delegation",
    "court",
    "Court",
    "police",
    "army",
    "military",
    "navy",
    "forces",
    "troops",
];

/// Words that make an actor an armed force: an attack by one is a FIGHT, not an ASSAULT.
const MILITARY: &[&str] = &[
    "forces",
    "troops",
    "army",
    "military",
    "soldiers",
    "aircraft",
    "warplanes",
    "jets",
    "helicopters",
    "gunships",
    "artillery",
    "navy",
    "militia",
    "militias",
    "guerrillas",
    "rebels",
];

/// The members (alpha-2 codes) of a group named `name`.
pub(crate) fn known_members(name: &str) -> Option<&'static [&'static str]> {
    let name = strip_the(name);
    KNOWN.iter().find(|(n, _)| *n == name).map(|(_, m)| *m)
}

/// Whether `head` (a word) names a collection of states.
pub(crate) fn is_collective_head(head: &str) -> bool {
    COLLECTIVE_HEADS.contains(&head)
}

/// Whether `word` may modify a collective head.
pub(crate) fn is_collective_modifier(word: &str) -> bool {
    COLLECTIVE_MODIFIERS.contains(&word)
}

/// Whether `name` is exactly an international organisation's name or acronym.
pub(crate) fn is_international(name: &str) -> bool {
    INTERNATIONAL.contains(&strip_the(name))
}

/// Whether `name` is an international organisation or one of its bodies ("U.N. war crimes
/// court", "IAEA's Board of Governors").
pub(crate) fn names_international(name: &str) -> bool {
    let name = strip_the(name);
    INTERNATIONAL.contains(&name)
        || INTERNATIONAL.iter().any(|org| {
            name.strip_prefix(org)
                .is_some_and(|rest| rest.starts_with(' ') || rest.starts_with('\''))
        })
}

/// The country (alpha-2) of a well-known institution, party or armed group named `name`.
pub(crate) fn organisation_country(name: &str) -> Option<&'static str> {
    let name = strip_the(name);
    ORGANISATIONS
        .iter()
        .find(|(n, _)| *n == name)
        .map(|(_, iso)| *iso)
}

/// Whether `word` after a demonym makes the phrase the state.
pub(crate) fn is_state_head(word: &str) -> bool {
    STATE_HEADS.contains(&word)
}

/// Whether `word` names an armed force.
pub(crate) fn is_military(word: &str) -> bool {
    MILITARY.contains(&word)
}

/// Longest international organisation name, in words.
pub(crate) const MAX_INTERNATIONAL_WORDS: usize = 8;

fn strip_the(name: &str) -> &str {
    name.strip_prefix("the ")
        .or_else(|| name.strip_prefix("The "))
        .unwrap_or(name)
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn groups_and_organisations() {
        assert_eq!(known_members("the E3"), Some(&["FR", "GB", "DE"][..]));
        assert!(known_members("E4").is_none());
        assert!(is_international("the IAEA"));
        assert!(names_international("U.N. war crimes court"));
        assert!(!is_international("UN on Tuesday"));
        assert!(!is_international("UNITA"));
        assert!(is_collective_head("powers") && is_collective_modifier("Western"));
        assert!(is_state_head("government") && !is_state_head("people"));
        assert_eq!(organisation_country("the Kremlin"), Some("RU"));
        assert_eq!(organisation_country("Kremlin Palace"), None);
        assert!(is_military("troops") && !is_military("doctors"));
        assert!(INTERNATIONAL
            .iter()
            .all(|n| n.split(' ').count() <= MAX_INTERNATIONAL_WORDS));
    }
}
