//! Duplicates and stories together: a copy joins its original's story and is not counted as an
//! independent source; an original is clustered.

use chrono::NaiveDate;
use serde::{Deserialize, Serialize};

use rayon::prelude::*;

use crate::dedup::{DedupConfig, DedupIndex, DedupOutcome, PreparedText};
use crate::stories::{StoryConfig, StoryId, StoryIndex, StoryInput, StorySummary};
use crate::ConfigError;

/// What the duplicate index compares: the title and the body together.
fn duplicate_text(input: &StoryInput<'_>) -> String {
    format!("{}\n{}", input.title, input.body)
}

/// Configuration of both indexes.
#[derive(Debug, Clone, Default, PartialEq)]
pub struct CorpusConfig {
    /// Duplicate detection.
    pub dedup: DedupConfig,
    /// Story clustering.
    pub stories: StoryConfig,
}

/// Where an article went.
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
pub struct Placement {
    /// Its duplicate group and matches.
    pub duplicate: DedupOutcome,
    /// Its story.
    pub story: StoryId,
    /// Whether it started that story.
    pub started_story: bool,
}

/// The corpus view, built one article at a time.
#[derive(Debug)]
pub struct Corpus {
    dedup: DedupIndex,
    stories: StoryIndex,
    /// Story of each article, by article number.
    story_of: Vec<StoryId>,
}

impl Corpus {
    /// An empty corpus.
    pub fn new(config: CorpusConfig) -> Result<Self, ConfigError> {
        Ok(Self {
            dedup: DedupIndex::new(config.dedup)?,
            stories: StoryIndex::new(config.stories)?,
            story_of: Vec::new(),
        })
    }

    /// Adds an article. Its duplicate text is the title and the body together.
    pub fn add(&mut self, input: &StoryInput<'_>) -> Placement {
        let duplicate = self.dedup.add(&duplicate_text(input), input.date);
        self.place(input, duplicate)
    }

    /// Adds articles in order, as [`Corpus::add`] would one by one, hashing their texts for the
    /// duplicate index on every core first.
    pub fn add_batch(&mut self, inputs: &[StoryInput<'_>]) -> Vec<Placement> {
        let preparer = self.dedup.preparer();
        let prepared: Vec<PreparedText> = inputs
            .par_iter()
            .map_init(
                || preparer.clone(),
                |p, input| p.prepare(&duplicate_text(input)),
            )
            .collect();
        inputs
            .iter()
            .zip(prepared)
            .map(|(input, p)| {
                let duplicate = self.dedup.add_prepared(p, input.date);
                self.place(input, duplicate)
            })
            .collect()
    }

    /// Puts an article the duplicate index has placed into its story.
    fn place(&mut self, input: &StoryInput<'_>, duplicate: DedupOutcome) -> Placement {
        let original = match duplicate.kind {
            crate::MatchKind::Exact { of } | crate::MatchKind::Near { of, .. } => {
                self.story_of.get(of.0 as usize).copied()
            }
            crate::MatchKind::New => None,
        };
        let outcome = match original {
            Some(story) => self.stories.add_copy(story, input),
            None => self.stories.add(input),
        };
        self.story_of.push(outcome.story);
        Placement {
            duplicate,
            story: outcome.story,
            started_story: outcome.started,
        }
    }

    /// The duplicate index.
    pub fn dedup(&self) -> &DedupIndex {
        &self.dedup
    }

    /// The story index.
    pub fn stories(&self) -> &StoryIndex {
        &self.stories
    }

    /// The story of an article, by the article's number.
    pub fn story_of(&self, doc: crate::DocId) -> Option<StoryId> {
        self.story_of.get(doc.0 as usize).copied()
    }

    /// Summary of a story.
    pub fn summary(&self, story: StoryId) -> Option<StorySummary> {
        self.stories.summary(story)
    }

    /// The earliest date of the story an article is in: the date an undated article can be
    /// given, marked as inferred by the caller.
    pub fn story_date(&self, doc: crate::DocId) -> Option<NaiveDate> {
        let story = self.story_of(doc)?;
        self.stories.summary(story)?.first_date
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    const BODY: &str = "Foreign ministers of five Central Asian nations met Secretary of State \
Antony Blinken in Astana on Tuesday to discuss trade, security and the war in Ukraine, a year \
after the Russian invasion shook the region.";

    #[test]
    fn syndicated_copy_joins_its_story_without_a_new_source() {
        let mut corpus = Corpus::new(CorpusConfig::default()).expect("valid");
        let date = NaiveDate::from_ymd_opt(2023, 2, 28);
        let original = StoryInput {
            title: "Blinken meets Central Asian ministers",
            body: BODY,
            date,
            source: "wire",
            entities: &[],
            places: &[],
        };
        let first = corpus.add(&original);
        let copy = corpus.add(&StoryInput {
            source: "reprint",
            date: None,
            ..original
        });
        assert!(copy.duplicate.is_copy());
        assert_eq!(copy.story, first.story);
        let summary = corpus.summary(first.story).expect("story exists");
        assert_eq!(summary.articles, 2);
        assert_eq!(summary.independent_sources, 1);
        assert_eq!(corpus.story_date(copy.duplicate.doc), date);
    }

    #[test]
    fn a_batch_places_articles_as_one_by_one_does() {
        let date = NaiveDate::from_ymd_opt(2023, 2, 28);
        let other = "Farmers in the north reported a late harvest after weeks of heavy rain.";
        let inputs: Vec<StoryInput<'_>> = [
            ("Blinken meets ministers", BODY, "wire"),
            ("Harvest late", other, "farm"),
            ("Blinken meets ministers", BODY, "reprint"),
            ("Ministers meet Blinken", BODY, "daily"),
        ]
        .into_iter()
        .map(|(title, body, source)| StoryInput {
            title,
            body,
            date,
            source,
            entities: &[],
            places: &[],
        })
        .collect();
        let mut one_by_one = Corpus::new(CorpusConfig::default()).expect("valid");
        let expected: Vec<Placement> = inputs.iter().map(|i| one_by_one.add(i)).collect();
        let mut batched = Corpus::new(CorpusConfig::default()).expect("valid");
        assert_eq!(batched.add_batch(&inputs), expected);
        assert!(expected[2].duplicate.is_copy());
    }
}
