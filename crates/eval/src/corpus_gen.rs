//! A stream of generated news articles shaped like a year of a news feed, for the corpus
//! benchmark: stories start, gather articles from several sources over a few days and fade; a
//! fifth of the articles are syndicated copies of a recent article (another source, a changed
//! headline, a few words edited, a boilerplate line added). Words are pseudo-words: a general
//! vocabulary drawn with a skew towards common words, each story's own topic words, and its
//! people and place. Deterministic for a seed; memory stays bounded whatever the length.

use chancery_corpus::NamedEntity;
use chancery_model::EntityKind;
use chrono::NaiveDate;

use crate::dedup_gen::Rng;

/// One generated article.
#[derive(Debug, Clone)]
pub struct GeneratedArticle {
    /// The headline.
    pub title: String,
    /// The body.
    pub body: String,
    /// The publication date.
    pub date: NaiveDate,
    /// The site it appeared on.
    pub source: String,
    /// The people it names.
    pub entities: Vec<NamedEntity>,
    /// The places it names.
    pub places: Vec<String>,
    /// Whether it is a syndicated copy of an earlier article.
    pub copy: bool,
}

#[derive(Debug, Clone)]
struct Story {
    topic: Vec<u32>,
    people: Vec<u32>,
    place: u32,
}

/// The article stream.
#[derive(Debug)]
pub struct ArticleStream {
    rng: Rng,
    total: usize,
    produced: usize,
    stories: Vec<Story>,
    /// Recent originals, for syndication.
    recent: Vec<GeneratedArticle>,
}

const GENERAL_WORDS: u32 = 4000;
const TOPIC_WORDS: u32 = 80_000;
const PEOPLE: u32 = 60_000;
const PLACES: u32 = 5_000;
const SOURCES: usize = 400;
/// Articles over which the stream spans a year.
const DAYS: usize = 365;
/// Stories among which a new article picks (the most recent ones).
const LIVE_STORIES: usize = 3000;
const RECENT_ARTICLES: usize = 512;

const SYLLABLES: &[&str] = &[
    "ka", "lo", "mi", "ren", "tas", "vo", "de", "shi", "pra", "gun", "el", "or", "bal", "tin",
    "sor", "mu", "qua", "zen", "fi", "ros", "an", "te", "vik", "dal", "po", "ser", "ni", "ju",
    "hal", "bre", "cu", "wen",
];

/// A pseudo-word for a number, distinct for distinct numbers within a namespace.
fn pseudo_word(mut n: u32, namespace: u32, capitalised: bool) -> String {
    let mut word = String::new();
    n = n.wrapping_mul(3).wrapping_add(namespace);
    loop {
        word.push_str(SYLLABLES[(n % SYLLABLES.len() as u32) as usize]);
        n /= SYLLABLES.len() as u32;
        if n == 0 {
            break;
        }
    }
    if capitalised {
        let mut chars = word.chars();
        chars
            .next()
            .map(|c| c.to_uppercase().collect::<String>() + chars.as_str())
            .unwrap_or(word)
    } else {
        word
    }
}

impl ArticleStream {
    /// A stream of `total` articles.
    pub fn new(total: usize, seed: u64) -> Self {
        Self {
            rng: Rng(seed),
            total,
            produced: 0,
            stories: Vec::new(),
            recent: Vec::new(),
        }
    }

    fn date(&self) -> NaiveDate {
        let day = (self.produced * DAYS / self.total.max(1)) as i64;
        NaiveDate::from_ymd_opt(2024, 1, 1).unwrap_or_default() + chrono::Duration::days(day)
    }

    fn general_word(&mut self) -> String {
        // Squaring a uniform draw favours the low (common) words, roughly as in real text.
        let u = self.rng.unit();
        pseudo_word((u * u * f64::from(GENERAL_WORDS)) as u32, 0, false)
    }

    fn original(&mut self, story_index: u32) -> GeneratedArticle {
        let story = self.stories[story_index as usize].clone();
        let person =
            |rng: &mut Rng| pseudo_word(story.people[rng.below(story.people.len())], 7, true);
        let place = pseudo_word(story.place, 13, true);
        let topic =
            |rng: &mut Rng| pseudo_word(story.topic[rng.below(story.topic.len())], 3, false);
        let mut title = vec![person(&mut self.rng)];
        for _ in 0..5 {
            title.push(if self.rng.chance(0.5) {
                topic(&mut self.rng)
            } else {
                self.general_word()
            });
        }
        title.push(place.clone());
        let mut body = String::new();
        let words = 250 + self.rng.below(450);
        for i in 0..words {
            let draw = self.rng.unit();
            let word = if draw < 0.22 {
                topic(&mut self.rng)
            } else if draw < 0.26 {
                person(&mut self.rng)
            } else if draw < 0.27 {
                place.clone()
            } else {
                self.general_word()
            };
            body.push_str(&word);
            body.push(if i % 18 == 17 { '.' } else { ' ' });
            if i % 90 == 89 {
                body.push('\n');
            }
        }
        let entities = story
            .people
            .iter()
            .map(|&p| NamedEntity {
                name: pseudo_word(p, 7, true),
                kind: EntityKind::Person,
            })
            .collect();
        GeneratedArticle {
            title: title.join(" "),
            body,
            date: self.date(),
            source: format!("site{}.example", self.rng.below(SOURCES)),
            entities,
            places: vec![place],
            copy: false,
        }
    }

    fn syndicate(&mut self, original: &GeneratedArticle) -> GeneratedArticle {
        let mut words: Vec<String> = original.body.split(' ').map(str::to_owned).collect();
        for _ in 0..1 + self.rng.below(5) {
            let at = self.rng.below(words.len());
            words[at] = self.general_word();
        }
        let mut body = words.join(" ");
        body.push_str("\nRead more stories like this one on our site.");
        let title = if self.rng.chance(0.5) {
            format!("{} - {}", original.title, self.general_word())
        } else {
            original.title.clone()
        };
        GeneratedArticle {
            title,
            body,
            date: self.date(),
            source: format!("site{}.example", self.rng.below(SOURCES)),
            copy: true,
            ..original.clone()
        }
    }

    fn new_story(&mut self) -> u32 {
        let topic = (0..12)
            .map(|_| self.rng.below(TOPIC_WORDS as usize) as u32)
            .collect();
        let people = (0..3)
            .map(|_| self.rng.below(PEOPLE as usize) as u32)
            .collect();
        let place = self.rng.below(PLACES as usize) as u32;
        self.stories.push(Story {
            topic,
            people,
            place,
        });
        (self.stories.len() - 1) as u32
    }
}

impl Iterator for ArticleStream {
    type Item = GeneratedArticle;

    fn next(&mut self) -> Option<GeneratedArticle> {
        if self.produced >= self.total {
            return None;
        }
        let article = if !self.recent.is_empty() && self.rng.chance(0.2) {
            let original = self.recent[self.rng.below(self.recent.len())].clone();
            self.syndicate(&original)
        } else {
            let story = if self.stories.is_empty() || self.rng.chance(0.15) {
                self.new_story()
            } else {
                // Recent stories are likelier: a squared draw over the live window.
                let live = self.stories.len().min(LIVE_STORIES);
                let u = self.rng.unit();
                (self.stories.len() - 1 - (u * u * live as f64) as usize) as u32
            };
            let article = self.original(story);
            if self.recent.len() < RECENT_ARTICLES {
                self.recent.push(article.clone());
            } else {
                let slot = self.rng.below(RECENT_ARTICLES);
                self.recent[slot] = article.clone();
            }
            article
        };
        self.produced += 1;
        Some(article)
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn stream_is_deterministic_with_copies() {
        let a: Vec<GeneratedArticle> = ArticleStream::new(300, 5).collect();
        let b: Vec<GeneratedArticle> = ArticleStream::new(300, 5).collect();
        assert_eq!(a.len(), 300);
        assert!(a
            .iter()
            .zip(&b)
            .all(|(x, y)| x.body == y.body && x.title == y.title));
        let copies = a.iter().filter(|x| x.copy).count();
        assert!((30..90).contains(&copies), "{copies}");
        assert_ne!(pseudo_word(1, 0, false), pseudo_word(2, 0, false));
    }
}
