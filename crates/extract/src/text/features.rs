//! What a unit of text looks like: the evidence the segmenter and the body finder decide on.

use std::sync::LazyLock;

use regex::Regex;

use super::evidence::{line_hash, LineEvidence, MAX_EVIDENCE_WORDS};
use super::phrases::{self, Phrase};
use super::stopwords::stopword_ratio;
use crate::dates;

/// Units of at least this many words that end a sentence are body text without further checks.
const LONG_WORDS: usize = 40;

/// Features of one unit.
#[derive(Debug, Clone)]
pub struct Features {
    pub words: usize,
    /// Ends like a sentence: `.`, `!`, `?`, `…`, possibly followed by closing quotes or brackets.
    pub ends_sentence: bool,
    /// Share of stopwords; only computed for units shorter than [`LONG_WORDS`].
    pub stopwords: f32,
    /// Short, no sentence-ending period, starts with a capital, digit or quote: could be a title.
    pub title_like: bool,
    /// Ends with a photo credit such as "(Reuters)" or starts with "Photo:".
    pub caption: bool,
    /// Curated boilerplate.
    pub phrase: Option<Phrase>,
    /// Recurs across many documents of the same source.
    pub repeated_in_source: bool,
    /// Too short to carry meaning, or no letters at all.
    pub fragment: bool,
    /// A line of separator characters (`-----`, `*****`).
    pub separator: bool,
    /// Mostly a date ("March 3, 2021", "Published 28 Feb 2023 10:45 GMT").
    pub date_line: bool,
    /// A byline ("By Jane Doe").
    pub byline: bool,
    /// Hash of the normalised text, for finding repeats.
    pub hash: u64,
}

static CREDIT: LazyLock<Regex> = LazyLock::new(|| {
    Regex::new(
        r#"(?x)
        [.!?]["”’]?\s+\([^()]{2,60}\)\s*$                                              # Mohajerani. (Jamaran news)
        | \((?:[Pp]hoto|[Ii]mage|[Pp]icture|[Ff]ile|[Cc]redit|AP|AFP|Reuters|EPA|Getty)[^()]{0,60}\)\s*$
        | ^(?:[Pp]hoto|[Ii]mage|[Pp]icture|[Cc]redit|[Ff]oto|[Bb]ild)\s*(?:[Cc]redit)?\s*:   # Photo: X
        | \b(?:[Pp]hoto|[Ii]mage|[Cc]redit|[Ff]oto|[Bb]ild)\s*:\s*[^.]{2,60}$            # ... Photo: X
        | (?:Getty\ Images|Shutterstock|\bAFP\ via\ Getty|\bEPA-EFE)\s*$
        "#,
    )
    .expect("fixed pattern compiles")
});

static SEPARATOR: LazyLock<Regex> =
    LazyLock::new(|| Regex::new(r"^[-=*_#~•·.+ ]{3,}$").expect("fixed pattern compiles"));

impl Features {
    pub fn of(text: &str, source: &str, evidence: &dyn LineEvidence) -> Features {
        let words = text.split_whitespace().count();
        let chars = text.chars().count();
        let letters = text.chars().filter(|c| c.is_alphabetic()).count();
        let last = last_meaningful_char(text);
        let ends_sentence = matches!(last, Some('.' | '!' | '?' | '…' | '。' | '！' | '？'));
        let stopwords = if words < LONG_WORDS {
            stopword_ratio(text)
        } else {
            0.5
        };
        let first = text.chars().next().unwrap_or(' ');
        let starts_like_title = first.is_uppercase()
            || first.is_numeric()
            || "\"'“‘«¿¡".contains(first)
            || (first.is_alphabetic() && !first.is_lowercase());
        let title_like = (1..=30).contains(&words)
            && chars <= 250
            && starts_like_title
            && !matches!(last, Some('.' | ',' | ';' | ':'))
            && letters * 2 >= chars.saturating_sub(words);
        let short = words <= MAX_EVIDENCE_WORDS;
        let hash = line_hash(text);
        let caption = (3..=80).contains(&words) && !text.starts_with('(') && CREDIT.is_match(text);
        Features {
            words,
            ends_sentence,
            stopwords,
            title_like,
            caption,
            phrase: if short {
                phrases::match_line(text)
            } else {
                None
            },
            repeated_in_source: short && evidence.is_repeated(source, hash),
            fragment: letters == 0 || (chars <= 3 && !text.chars().any(|c| c.is_numeric())),
            separator: SEPARATOR.is_match(text),
            date_line: words <= 12 && dates::is_date_line(text),
            byline: is_byline(text, words),
            hash,
        }
    }

    /// Reads like body prose: a long enough sentence dense in function words.
    pub fn is_prose(&self) -> bool {
        self.ends_sentence
            && (self.words >= LONG_WORDS || (self.words >= 10 && self.stopwords >= 0.15))
    }

    /// A short sentence: body text when surrounded by prose.
    pub fn is_short_sentence(&self) -> bool {
        self.ends_sentence && self.words >= 4 && !self.is_prose()
    }
}

/// The last character that is not a closing quote, bracket, or space.
fn last_meaningful_char(text: &str) -> Option<char> {
    text.chars()
        .rev()
        .find(|c| !c.is_whitespace() && !"\"'”’»)]*".contains(*c))
}

fn is_byline(text: &str, words: usize) -> bool {
    if words > 12 {
        return false;
    }
    let lower_start: String = text.chars().take(6).flat_map(char::to_lowercase).collect();
    ["by ", "von ", "par ", "por ", "di ", "door "]
        .iter()
        .any(|p| lower_start.starts_with(p))
        && text.chars().nth(3).is_some()
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::NoEvidence;

    fn of(text: &str) -> Features {
        Features::of(text, "s", &NoEvidence)
    }

    #[test]
    fn captions_by_credit() {
        assert!(of("Iranian government spokeswoman Fatemeh Mohajerani. (Jamaran news)").caption);
        assert!(of("US Secretary of State Antony Blinken attends a meeting in Astana, Kazakhstan, February 28, 2023. (Reuters)").caption);
        assert!(of("Rescue workers at the site. Photo: John Smith").caption);
        assert!(
            !of("The talks were held in Geneva (Switzerland) on Friday and lasted hours.").caption
        );
        assert!(!of("(Reporting by Jane Doe; Editing by John Roe)").caption);
    }

    #[test]
    fn titles_prose_and_fragments() {
        let title = of("Tehran Ready for Negotiations with Washington ‘Based on Trust’");
        assert!(title.title_like && !title.is_prose());
        let prose = of("Blinken's visit to the capitals of Kazakhstan and Uzbekistan is his first to the region as the Biden administration's top diplomat.");
        assert!(prose.is_prose() && !prose.title_like);
        assert!(of("The main context is the war in Ukraine.").is_short_sentence());
        assert!(of("TT").fragment);
        assert!(of("•").fragment);
        assert!(of("-----").separator);
        assert!(of("By Jane Doe").byline);
    }
}
