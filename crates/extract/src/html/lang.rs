//! The language of a page, as ISO 639-3: detected from the article text, else as `<html lang>`
//! declares it. Detection comes first because site templates often declare a default language for
//! every page whatever it holds.

/// ISO 639-1 codes of the languages the detector knows, with their ISO 639-3 code.
const ISO_639_1: &[(&str, &str)] = &[
    ("af", "afr"),
    ("ak", "aka"),
    ("am", "amh"),
    ("ar", "ara"),
    ("az", "aze"),
    ("be", "bel"),
    ("bg", "bul"),
    ("bn", "ben"),
    ("ca", "cat"),
    ("cs", "ces"),
    ("da", "dan"),
    ("de", "deu"),
    ("el", "ell"),
    ("en", "eng"),
    ("eo", "epo"),
    ("es", "spa"),
    ("et", "est"),
    ("fa", "pes"),
    ("fi", "fin"),
    ("fr", "fra"),
    ("gu", "guj"),
    ("he", "heb"),
    ("hi", "hin"),
    ("hr", "hrv"),
    ("hu", "hun"),
    ("hy", "hye"),
    ("id", "ind"),
    ("it", "ita"),
    ("iw", "heb"),
    ("ja", "jpn"),
    ("jv", "jav"),
    ("ka", "kat"),
    ("km", "khm"),
    ("kn", "kan"),
    ("ko", "kor"),
    ("la", "lat"),
    ("lt", "lit"),
    ("lv", "lav"),
    ("mk", "mkd"),
    ("ml", "mal"),
    ("mr", "mar"),
    ("my", "mya"),
    ("nb", "nob"),
    ("ne", "nep"),
    ("nl", "nld"),
    ("no", "nob"),
    ("or", "ori"),
    ("pa", "pan"),
    ("pl", "pol"),
    ("pt", "por"),
    ("ro", "ron"),
    ("ru", "rus"),
    ("si", "sin"),
    ("sk", "slk"),
    ("sl", "slv"),
    ("sn", "sna"),
    ("sr", "srp"),
    ("sv", "swe"),
    ("ta", "tam"),
    ("te", "tel"),
    ("th", "tha"),
    ("tk", "tuk"),
    ("tl", "tgl"),
    ("tr", "tur"),
    ("uk", "ukr"),
    ("ur", "urd"),
    ("uz", "uzb"),
    ("vi", "vie"),
    ("yi", "yid"),
    ("zh", "cmn"),
    ("zu", "zul"),
];

/// The ISO 639-3 code of a language tag such as `en-US`, `pt_BR` or `deu`.
pub fn iso639_3(tag: &str) -> Option<&'static str> {
    let primary = tag.split(['-', '_']).next()?.trim().to_ascii_lowercase();
    match primary.len() {
        2 => ISO_639_1
            .iter()
            .find(|(two, _)| *two == primary)
            .map(|(_, three)| *three),
        3 => whatlang::Lang::from_code(primary).map(|l| l.code()),
        _ => None,
    }
}

/// The language of a page: detected from its text when the detector is confident, else declared.
pub fn language(text: &str, declared: Option<&str>) -> Option<String> {
    let detected = crate::language::guess(text);
    if let Some(guess) = detected.filter(|g| g.reliable) {
        return Some(guess.code.to_string());
    }
    declared
        .and_then(iso639_3)
        .or_else(|| detected.map(|g| g.code))
        .map(str::to_string)
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn declared_codes() {
        assert_eq!(iso639_3("en-US"), Some("eng"));
        assert_eq!(iso639_3("pt_BR"), Some("por"));
        assert_eq!(iso639_3("deu"), Some("deu"));
        assert_eq!(iso639_3("x-klingon"), None);
    }

    #[test]
    fn detection_wins_over_a_template_default() {
        let text =
            "Die Bundesregierung hat am Mittwoch beschlossen, die Förderung für Elektroautos \
                    früher als geplant zu beenden, wie ein Sprecher des Ministeriums mitteilte.";
        assert_eq!(language(text, Some("en")).as_deref(), Some("deu"));
        assert_eq!(language("", Some("fr")).as_deref(), Some("fra"));
    }
}
