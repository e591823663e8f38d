//! The language of an article body, as an ISO 639-3 code.
//!
//! whatlang judges any of its ~70 languages from character trigrams, but it costs more per byte than
//! all the rest of cleaning together. Most news is in a handful of Latin-script languages whose
//! function words alone settle the question, so a body that is plainly one of them (a quarter of
//! its words are that language's function words, four times as many as any other's) is decided by
//! a word count; anything less plain goes to whatlang.

use std::collections::HashMap;
use std::sync::LazyLock;

use chancery_model::Block;

/// The commonest function words of languages often scraped, by ISO 639-3 code. Each list is the
/// language's own, shared words included: the decision needs one clear winner, not unique words.
const FUNCTION_WORDS: &[(&str, &str)] = &[
    (
        "eng",
        "the of and to a in that is for it on was with he as at by his are be from this have \
         had has not but an they or which their were been will would who said its she her",
    ),
    (
        "deu",
        "der die und in den von zu das mit sich des auf für ist im dem nicht ein eine als auch es \
         an werden aus er hat dass sie nach wird bei einer um am sind noch wie einem über einen",
    ),
    (
        "fra",
        "de la le et les des en un du une que est pour qui dans a par plus pas au sur ne se il \
         sont ce avec elle mais ont été aux leur ses cette",
    ),
    (
        "spa",
        "de la que el en y a los del se las por un para con no una su al es lo como más pero sus \
         le ha fue este entre cuando muy sin sobre también",
    ),
    (
        "ita",
        "di e il la che a in per un del non è una le si con da al sono della dei gli nel anche \
         alla come più ha ma degli stato questo",
    ),
    (
        "por",
        "de a o que e do da em um para é com não uma os no se na por mais as dos como mas foi ao \
         ele das tem à seu sua ou ser quando também",
    ),
    (
        "nld",
        "de van een het en in is dat op te zijn voor met die niet aan er om ook als bij of uit \
         maar door over ze werd naar heeft",
    ),
];

/// Bytes of body text the language is judged on.
const SAMPLE_BYTES: usize = 1024;
/// Fewer words than this and the count is left to whatlang.
const MIN_WORDS: usize = 20;

/// For each function word, the languages (bits by index in [`FUNCTION_WORDS`]) it belongs to.
static WORD_LANGUAGES: LazyLock<HashMap<&'static str, u8>> = LazyLock::new(|| {
    let mut map: HashMap<&str, u8> = HashMap::new();
    for (index, (_, words)) in FUNCTION_WORDS.iter().enumerate() {
        for word in words.split_whitespace() {
            *map.entry(word).or_default() |= 1 << index;
        }
    }
    map
});

/// A language guess: the ISO 639-3 code, and whether the evidence settles it.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub struct Guess {
    pub code: &'static str,
    pub reliable: bool,
}

/// ISO 639-3 code of the body's language, judged on its first kilobyte.
pub fn detect_language(paragraphs: &[Block]) -> Option<String> {
    let sample = sample(paragraphs);
    let guess = guess(&sample)?;
    (guess.reliable || sample.len() > 200).then(|| guess.code.to_string())
}

/// The language of a sample of prose: by function words when they settle it, else whatlang's.
pub fn guess(sample: &str) -> Option<Guess> {
    if let Some(code) = by_function_words(sample) {
        return Some(Guess {
            code,
            reliable: true,
        });
    }
    let info = whatlang::detect(sample)?;
    Some(Guess {
        code: info.lang().code(),
        reliable: info.is_reliable(),
    })
}

/// The language whose function words plainly dominate `text`, if one does: they make a quarter of
/// its words, and of the words only one of the listed languages uses, it has at least three and
/// four times as many as any other. Related languages share many function words ("de", "que",
/// "la"), so the shared ones count towards the share but not towards the margin.
fn by_function_words(text: &str) -> Option<&'static str> {
    let mut all = [0usize; FUNCTION_WORDS.len()];
    let mut own = [0usize; FUNCTION_WORDS.len()];
    let mut words = 0;
    let mut lower = String::new();
    for word in text.split(|c: char| !c.is_alphabetic()) {
        if word.is_empty() {
            continue;
        }
        words += 1;
        lower.clear();
        lower.extend(word.chars().flat_map(char::to_lowercase));
        if let Some(&mask) = WORD_LANGUAGES.get(lower.as_str()) {
            for (index, count) in all.iter_mut().enumerate() {
                *count += usize::from(mask >> index & 1);
            }
            if mask.count_ones() == 1 {
                own[mask.trailing_zeros() as usize] += 1;
            }
        }
    }
    if words < MIN_WORDS {
        return None;
    }
    let (best, &top) = own.iter().enumerate().max_by_key(|(_, count)| **count)?;
    let runner_up = own
        .iter()
        .enumerate()
        .filter(|(index, _)| *index != best)
        .map(|(_, count)| *count)
        .max()
        .unwrap_or(0);
    let plain = all[best] * 4 >= words && top >= 3 && top >= runner_up * 4;
    plain.then(|| FUNCTION_WORDS[best].0)
}

/// The paragraphs' text up to [`SAMPLE_BYTES`], cut at a character boundary.
pub fn sample(paragraphs: &[Block]) -> String {
    let mut sample = String::new();
    for paragraph in paragraphs {
        let room = SAMPLE_BYTES.saturating_sub(sample.len());
        if room == 0 {
            break;
        }
        let mut cut = paragraph.text.len().min(room);
        while !paragraph.text.is_char_boundary(cut) {
            cut -= 1;
        }
        sample.push_str(&paragraph.text[..cut]);
        sample.push('\n');
    }
    sample
}

#[cfg(test)]
mod tests {
    use super::*;

    fn detect(text: &str) -> Option<String> {
        let block = Block {
            text: text.to_string(),
            span: chancery_model::Span::new(0, text.len() as u64),
        };
        detect_language(&[block])
    }

    #[test]
    fn common_languages_are_decided_by_function_words() {
        let english = "The meetings come at a critical juncture in the efforts of the United States \
            to rally support for Ukraine, and the secretary said that the talks were useful for both \
            sides as they prepare for the summit.";
        assert_eq!(by_function_words(english), Some("eng"));
        assert_eq!(detect(english).as_deref(), Some("eng"));
        let german = "Die Regierung hat am Dienstag mit den Gesprächen begonnen, die nach Angaben \
            des Ministeriums noch bis zum Ende der Woche dauern sollen und bei denen es um die \
            Zukunft der Energieversorgung in der Region geht.";
        assert_eq!(by_function_words(german), Some("deu"));
        let spanish = "El gobierno anunció el martes que las negociaciones con los sindicatos se \
            reanudarán la próxima semana, después de que el ministro de Trabajo se reuniera con \
            los representantes de las empresas del sector.";
        assert_eq!(by_function_words(spanish), Some("spa"));
    }

    #[test]
    fn other_languages_fall_back_to_the_detector() {
        let polish = "Rząd ogłosił we wtorek, że negocjacje ze związkami zawodowymi zostaną \
            wznowione w przyszłym tygodniu, po tym jak minister pracy spotkał się z \
            przedstawicielami firm z sektora energetycznego.";
        assert_eq!(by_function_words(polish), None);
        let catalan = "El govern va anunciar dimarts que les negociacions amb els sindicats es \
            reprendran la setmana vinent, després que el ministre de Treball es reunís amb els \
            representants de les empreses del sector energètic.";
        assert_eq!(by_function_words(catalan), None);
        assert_eq!(detect(polish).as_deref(), Some("pol"));
        let russian = "Правительство во вторник объявило, что переговоры с профсоюзами \
            возобновятся на следующей неделе, после того как министр труда встретился с \
            представителями компаний энергетического сектора.";
        assert_eq!(detect(russian).as_deref(), Some("rus"));
    }

    #[test]
    fn short_or_empty_bodies_are_not_guessed_by_word_count() {
        assert_eq!(by_function_words("The end of the story."), None);
        assert_eq!(detect(""), None);
    }
}
