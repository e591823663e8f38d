//! Short lines that are page furniture by what they say: share and subscribe prompts, "related
//! articles" headings, tag lists, copyright and credit lines, in the languages news is most often
//! published in.
//!
//! A line is compared in a folded form (lowercase, punctuation and symbols as spaces, single
//! spaces). Phrases match whole lines, or line starts when the line is short, so a sentence of the
//! article that happens to begin with "Share" is never taken.

/// What a furniture line announces.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Boiler {
    /// The line itself is furniture (a prompt, a label, a credit).
    Line,
    /// The line heads a section of links or teasers ("Related articles", "Mehr zum Thema"): the
    /// article has ended.
    SectionEnd,
}

/// Longest line, in characters, that a prefix phrase may start.
const MAX_PREFIX_LINE_CHARS: usize = 90;

/// Line starts that head a section of other articles.
const SECTION_END: &[&str] = &[
    // English
    "related",
    "read more",
    "read also",
    "also read",
    "read next",
    "more from",
    "more on",
    "more about",
    "more stories",
    "more news",
    "more articles",
    "you may also like",
    "you might also like",
    "you may be interested",
    "you might be interested",
    "recommended",
    "most read",
    "most popular",
    "trending",
    "latest news",
    "latest stories",
    "top stories",
    "editor s picks",
    "further reading",
    "see also",
    "keep reading",
    "popular posts",
    "recent posts",
    "similar posts",
    "previous post",
    "next post",
    // German
    "weitere artikel",
    "weitere beiträge",
    "weitere themen",
    "weitere nachrichten",
    "weitere meldungen",
    "weitere aktuelle",
    "weiterlesen",
    "weiterführende",
    "mehr zum thema",
    "mehr themen",
    "mehr artikel",
    "mehr aus",
    "mehr zu",
    "mehr von",
    "mehr lesen",
    "mehr kolumnen",
    "lesen sie auch",
    "lesen sie mehr",
    "das könnte sie auch interessieren",
    "das könnte dich auch interessieren",
    "das könnte sie interessieren",
    "auch interessant",
    "ähnliche beiträge",
    "ähnliche artikel",
    "ähnliche themen",
    "verwandte artikel",
    "verwandte beiträge",
    "passend zum thema",
    "zum weiterlesen",
    "top themen",
    "meistgelesen",
    "meist gelesen",
    "beliebte beiträge",
    "neueste beiträge",
    "aktuelle beiträge",
    "aktuelle news",
    "aktuelle artikel",
    "empfehlungen",
    "vorheriger beitrag",
    "nächster beitrag",
    // French
    "à lire aussi",
    "a lire aussi",
    "lire aussi",
    "à voir aussi",
    "sur le même sujet",
    "dans la même rubrique",
    "articles similaires",
    "articles liés",
    "les plus lus",
    "vous aimerez aussi",
    "vous pourriez aussi aimer",
    "nos derniers articles",
    // Spanish, Portuguese, Italian
    "lee también",
    "lea también",
    "te puede interesar",
    "le puede interesar",
    "también te puede interesar",
    "noticias relacionadas",
    "artículos relacionados",
    "más noticias",
    "lo más leído",
    "leia também",
    "veja também",
    "notícias relacionadas",
    "mais lidas",
    "leggi anche",
    "articoli correlati",
    "potrebbe interessarti",
    "i più letti",
];

/// Line starts (in short lines) that are furniture.
const LINE_STARTS: &[&str] = &[
    // sharing, following, subscribing
    "share",
    "teilen",
    "partager",
    "compartir",
    "condividi",
    "compartilhe",
    "follow us",
    "follow the",
    "folgen sie uns",
    "folge uns",
    "suivez nous",
    "síguenos",
    "seguici",
    "subscribe",
    "sign up",
    "abonnieren",
    "jetzt abonnieren",
    "newsletter",
    "abonnez vous",
    "suscríbete",
    "like it",
    "like this",
    "gefällt mir",
    "download the",
    "get the latest",
    "get our",
    "join our",
    "support our",
    "support us",
    "unterstützen sie",
    // labels of lists
    "tags",
    "tagged",
    "schlagworte",
    "schlagwörter",
    "stichworte",
    "themen",
    "topics",
    "filed under",
    "posted in",
    "categories",
    "category",
    "kategorie",
    "kategorien",
    "rubrik",
    "mots clés",
    "étiquettes",
    "etiquetas",
    "temas",
    // credits, sources, legal
    "copyright",
    "all rights reserved",
    "alle rechte vorbehalten",
    "tous droits réservés",
    "todos los derechos reservados",
    "vervielfältigung nur",
    "photo credit",
    "image credit",
    "credit",
    "crédits photo",
    "crédit photo",
    "foto ",
    "fotos ",
    "bild ",
    "bilder ",
    "photo ",
    "image ",
    "abbildung ",
    "abb ",
    "grafik ",
    "figure ",
    "illustration ",
    "quelle ",
    "quellen",
    "quellenangaben",
    "source ",
    "fuente ",
    "alle angaben ohne gewähr",
    // comments
    "keine kommentare",
    "no comments",
    "comments",
    "kommentare",
    "kommentar schreiben",
    "leave a comment",
    "leave a reply",
    "add comment",
    "commentaires",
    "comentarios",
    "sie sind aktuell nicht eingeloggt",
    "you must be logged in",
    // dates and authors as labels
    "published",
    "updated",
    "last updated",
    "last modified",
    "veröffentlicht",
    "aktualisiert",
    "letzte aktualisierung",
    "verfasst von",
    "publié le",
    "mis à jour",
    "publicado",
    "actualizado",
    // navigation and prompts
    "back to top",
    "nach oben",
    "zurück",
    "zur übersicht",
    "print",
    "drucken",
    "imprimer",
    "advertisement",
    "anzeige",
    "werbung",
    "publicité",
    "publicidad",
    "sponsored",
    "war der artikel",
    "war dieser artikel",
    "was this article",
    "was this helpful",
    "hat ihnen der artikel",
    "kontakt",
    "contact us",
    "telefon",
    "phone",
    "e mail",
];

/// Verbs of sharing: a short question or label using one is a share prompt.
const SHARE_WORDS: &[&str] = &[
    "share",
    "teilen",
    "partager",
    "partagez",
    "compartir",
    "comparte",
    "condividi",
    "compartilhe",
    "empfehlen",
    "weiterempfehlen",
];

/// What a share prompt offers to share.
const SHARED_THINGS: &[&str] = &[
    "this",
    "article",
    "story",
    "post",
    "page",
    "artikel",
    "beitrag",
    "seite",
    "article",
    "cet",
    "ce",
    "artículo",
    "nota",
    "articolo",
    "post",
    "matéria",
    "it",
];

/// Longest share prompt, in characters.
const MAX_PROMPT_CHARS: usize = 60;

/// Line ends (in short lines) of teasers that link on to another page.
const LINE_ENDS: &[&str] = &[
    "read more",
    "more",
    "continue reading",
    "weiterlesen",
    "mehr",
    "mehr lesen",
    "zum artikel",
    "lire la suite",
    "en savoir plus",
    "leer más",
    "seguir leyendo",
    "leia mais",
    "continua a leggere",
];

/// Words of photo agencies and stock libraries: a short line naming one is a credit.
const CREDIT_WORDS: &[&str] = &[
    "getty images",
    "gettyimages",
    "ap photo",
    "afp photo",
    "afp via getty",
    "reuters photo",
    "shutterstock",
    "istock",
    "istockphoto",
    "imago images",
    "picture alliance",
    "picture-alliance",
    "dpa-bildfunk",
    "epa-efe",
    "adobe stock",
    "unsplash",
    "pixabay",
    "pexels",
];

/// Longest line, in characters, taken for a photo credit.
const MAX_CREDIT_CHARS: usize = 70;

/// Folds a line for matching: lowercase letters and digits, everything else a single space.
fn fold(text: &str) -> String {
    let mut out = String::with_capacity(text.len());
    let mut space = false;
    for c in text.chars() {
        if c.is_alphanumeric() {
            if space && !out.is_empty() {
                out.push(' ');
            }
            space = false;
            out.extend(c.to_lowercase());
        } else {
            space = true;
        }
    }
    out
}

/// Whether a folded line starts with a folded phrase at a word boundary.
fn starts_with_phrase(folded: &str, phrase: &str) -> bool {
    let phrase = phrase.trim_end();
    folded.starts_with(phrase)
        && folded[phrase.len()..]
            .chars()
            .next()
            .is_none_or(|c| c == ' ')
}

/// What a line announces, if it is furniture by its words.
pub fn classify(text: &str) -> Option<Boiler> {
    let chars = text.chars().count();
    if chars > MAX_PREFIX_LINE_CHARS {
        return None;
    }
    let folded = fold(text);
    if folded.is_empty() {
        return None;
    }
    if SECTION_END.iter().any(|p| starts_with_phrase(&folded, p)) {
        return Some(Boiler::SectionEnd);
    }
    if chars <= MAX_CREDIT_CHARS {
        let lower = text.to_lowercase();
        if CREDIT_WORDS.iter().any(|w| lower.contains(w)) {
            return Some(Boiler::Line);
        }
    }
    // Markup shown as text: a tag a template escaped twice.
    let trimmed = text.trim();
    if trimmed.starts_with('<') && trimmed.ends_with('>') && trimmed.contains('=') {
        return Some(Boiler::Line);
    }
    // Phrases with a trailing space need something after them ("Foto: dpa"), so a line that is
    // just the word is not taken for a credit.
    let hit = LINE_STARTS.iter().any(|p| {
        if p.ends_with(' ') {
            folded.len() > p.len() && starts_with_phrase(&folded, p)
        } else {
            starts_with_phrase(&folded, p)
        }
    });
    // A short question or label about sharing ("Möchten Sie den Artikel teilen?").
    let trimmed_end = text.trim_end();
    let share_prompt = chars <= MAX_PROMPT_CHARS
        && trimmed_end.ends_with(['?', ':'])
        && folded.split(' ').any(|w| SHARE_WORDS.contains(&w))
        && folded.split(' ').any(|w| SHARED_THINGS.contains(&w));
    let teaser = LINE_ENDS.iter().any(|p| {
        folded.len() > p.len() + 1
            && folded.ends_with(p)
            && folded[..folded.len() - p.len()].ends_with(' ')
    });
    (hit || teaser || share_prompt || text.trim_start().starts_with('©')).then_some(Boiler::Line)
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn credits_and_markup() {
        assert_eq!(
            classify("Natalie Naccache | Bloomberg | Getty Images"),
            Some(Boiler::Line)
        );
        assert_eq!(
            classify(r#"<img height="1" width="1" src="http://x.example/p">"#),
            Some(Boiler::Line)
        );
    }

    #[test]
    fn furniture_lines() {
        assert_eq!(
            classify("Das könnte Sie auch interessieren!"),
            Some(Boiler::SectionEnd)
        );
        assert_eq!(classify("Related Articles"), Some(Boiler::SectionEnd));
        assert_eq!(classify("Schlagworte:"), Some(Boiler::Line));
        assert_eq!(classify("Foto: dpa/Max Muster"), Some(Boiler::Line));
        assert_eq!(classify("© 2023 The Gazette"), Some(Boiler::Line));
        assert_eq!(classify("Share this story"), Some(Boiler::Line));
        assert_eq!(classify("Foto"), None);
        assert_eq!(
            classify("Auskunft über vergangenes Wetter… mehr •••"),
            Some(Boiler::Line)
        );
        assert_eq!(
            classify("Abbildung: Schneehöhen im Mai"),
            Some(Boiler::Line)
        );
        assert_eq!(classify("Tell me more"), Some(Boiler::Line));
        assert_eq!(
            classify("Möchten Sie den Artikel teilen?"),
            Some(Boiler::Line)
        );
        assert_eq!(
            classify("Den Artikel mit anderen teilen/diskutieren:"),
            Some(Boiler::Line)
        );
        assert_eq!(classify("Wie teilen sich die Kosten auf?"), None);
        assert_eq!(classify("Wie sich die Kosten teilen lassen"), None);
        assert_eq!(classify("Shared values hold the coalition together"), None);
        assert_eq!(classify("Related"), Some(Boiler::SectionEnd));
        assert_eq!(
            classify("Relations between the two countries have soured."),
            None
        );
        let long = "Share prices fell sharply on Monday after the central bank raised rates \
                    again, the third increase this year, surprising most analysts.";
        assert_eq!(classify(long), None);
    }
}
