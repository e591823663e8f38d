//! Incremental story clustering: each new article joins the most similar active story or starts
//! a new one, and no article is ever moved afterwards.
//!
//! An article is a unit vector of words (title words count more), entity names and places, each
//! weighted by tf·idf with document frequencies counted as articles arrive (see `features`). A
//! story is the sum of its articles' vectors, pruned to its heaviest features. The article's
//! similarity to a story is the cosine with that sum, scaled down by the number of days between
//! the article's date and the story's date range (beyond a few days of slack); the article joins
//! the best story when the similarity reaches the threshold.
//!
//! Only active stories are candidates, found through an inverted index from each story's
//! heaviest features to the story. A story retires (keeps its summary, frees its centroid) when
//! its last article is older than `retire_after_days` than the newest date seen, or when
//! `retire_after_articles` articles have arrived since it last took one, so the active set stays
//! bounded however long the stream runs.

mod features;
mod story;

pub use story::{NameCount, StorySummary};

use chancery_model::EntityKind;
use chrono::NaiveDate;
use rustc_hash::FxHashMap;
use serde::{Deserialize, Serialize};

use crate::ConfigError;
use features::{dot, SparseVector, Vocabulary};
use story::Story;

/// A story's number in a [`StoryIndex`], in the order stories were started (from 0).
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash, PartialOrd, Ord, Serialize, Deserialize)]
pub struct StoryId(pub u32);

/// A name an article gives, with its kind.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
pub struct NamedEntity {
    /// The name as written ("Antony J. Blinken").
    pub name: String,
    /// What it names.
    pub kind: EntityKind,
}

/// An article as story clustering sees it. Entities of place kinds (GPE, LOC) count as places;
/// `places` takes further place names (resolved toponyms, datelines). Give each name once.
#[derive(Debug, Clone, Copy)]
pub struct StoryInput<'a> {
    /// The headline (may be empty).
    pub title: &'a str,
    /// The body text.
    pub body: &'a str,
    /// The publication date, if known.
    pub date: Option<NaiveDate>,
    /// Where the article comes from (a site, a feed); empty if unknown.
    pub source: &'a str,
    /// The entities the article names.
    pub entities: &'a [NamedEntity],
    /// Place names the article gives besides its entities.
    pub places: &'a [String],
}

/// How articles are grouped into stories.
#[derive(Debug, Clone, PartialEq)]
pub struct StoryConfig {
    /// Similarity from which an article joins a one-article story.
    pub threshold: f64,
    /// How the threshold grows with a story's size `n` (original articles):
    /// `threshold × (1 + threshold_growth × ln n)`.
    pub threshold_growth: f64,
    /// Weight of a title word relative to a body word.
    pub title_weight: f32,
    /// Share of an article's vector given to its entity names and places (the rest goes to its
    /// words), when it has any.
    pub name_share: f64,
    /// Weight of an entity name relative to a place name of the same tf·idf.
    pub entity_weight: f32,
    /// Weight of a place name relative to an entity name of the same tf·idf.
    pub place_weight: f32,
    /// Features kept per article vector.
    pub doc_features: usize,
    /// Features kept per story centroid.
    pub centroid_features: usize,
    /// An article's heaviest features used to look up candidate stories.
    pub query_features: usize,
    /// A story's heaviest features under which it is found.
    pub index_features: usize,
    /// Days outside a story's date range that cost nothing.
    pub date_slack_days: i64,
    /// Beyond the slack, the similarity is multiplied by `exp(-days / date_decay_days)`.
    pub date_decay_days: f64,
    /// Days outside a story's date range beyond which the story is not considered.
    pub max_date_gap_days: i64,
    /// A story whose last date is this many days before the newest date seen retires.
    pub retire_after_days: i64,
    /// A story that took no article among this many arrivals retires.
    pub retire_after_articles: u64,
    /// Entities and places listed in a summary.
    pub key_names: usize,
}

impl Default for StoryConfig {
    /// Tuned on the ECB+ development topics. The date terms are gentle: the stated dates of
    /// articles on one event spread over weeks (follow-ups, trials, a misread date), so dates
    /// mainly separate events months or years apart; in a stream, retirement after 30 quiet
    /// days is what keeps old stories from taking new articles.
    fn default() -> Self {
        Self {
            threshold: 0.24,
            threshold_growth: 0.0,
            title_weight: 2.0,
            name_share: 0.2,
            entity_weight: 1.0,
            place_weight: 1.0,
            doc_features: 64,
            centroid_features: 160,
            query_features: 12,
            index_features: 24,
            date_slack_days: 3,
            date_decay_days: 200.0,
            max_date_gap_days: 400,
            retire_after_days: 30,
            retire_after_articles: 200_000,
            key_names: 8,
        }
    }
}

impl StoryConfig {
    /// Checks that every parameter means something.
    pub fn validate(&self) -> Result<(), ConfigError> {
        let problem = |name, expected, got: String| {
            Err(ConfigError::OutOfRange {
                name,
                expected,
                got,
            })
        };
        if !(self.threshold > 0.0 && self.threshold <= 1.0) {
            return problem("threshold", "in (0, 1]", self.threshold.to_string());
        }
        let weights = [self.title_weight, self.entity_weight, self.place_weight];
        if weights.iter().any(|w| !(w.is_finite() && *w >= 0.0)) {
            return problem("weights", "finite and not negative", format!("{weights:?}"));
        }
        if !(self.threshold_growth >= 0.0 && self.threshold_growth.is_finite()) {
            return problem(
                "threshold_growth",
                "finite and not negative",
                self.threshold_growth.to_string(),
            );
        }
        if !(0.0..=1.0).contains(&self.name_share) {
            return problem("name_share", "in [0, 1]", self.name_share.to_string());
        }
        if self.doc_features == 0 || self.centroid_features == 0 || self.query_features == 0 {
            return problem("feature counts", "at least 1", "0".into());
        }
        if self.date_decay_days.is_nan()
            || self.date_decay_days <= 0.0
            || self.date_slack_days < 0
            || self.max_date_gap_days < 0
        {
            return problem(
                "date parameters",
                "a positive decay and non-negative day counts",
                format!(
                    "decay {}, slack {}, max gap {}",
                    self.date_decay_days, self.date_slack_days, self.max_date_gap_days
                ),
            );
        }
        Ok(())
    }
}

/// Where [`StoryIndex::add`] put an article.
#[derive(Debug, Clone, Copy, PartialEq, Serialize, Deserialize)]
pub struct StoryOutcome {
    /// The story the article joined or started.
    pub story: StoryId,
    /// Whether it started the story.
    pub started: bool,
    /// Its similarity to the story it joined (1 for a story it started).
    pub similarity: f64,
}

/// The incremental story index.
#[derive(Debug)]
pub struct StoryIndex {
    config: StoryConfig,
    vocabulary: Vocabulary,
    stories: Vec<Story>,
    /// Feature → active stories indexed under it (may hold stale entries until the next sweep).
    postings: FxHashMap<u32, Vec<u32>>,
    /// Features each active story is indexed under.
    indexed: FxHashMap<u32, Vec<u32>>,
    /// Per story, the last query that looked at it, to score each candidate once per query.
    visited: Vec<u64>,
    articles: u64,
    newest_date: Option<NaiveDate>,
    active: usize,
    last_sweep: u64,
}

/// Arrivals between two sweeps of the active set.
const SWEEP_EVERY: u64 = 4096;

impl StoryIndex {
    /// An empty index.
    pub fn new(config: StoryConfig) -> Result<Self, ConfigError> {
        config.validate()?;
        Ok(Self {
            config,
            vocabulary: Vocabulary::default(),
            stories: Vec::new(),
            postings: FxHashMap::default(),
            indexed: FxHashMap::default(),
            visited: Vec::new(),
            articles: 0,
            newest_date: None,
            active: 0,
            last_sweep: 0,
        })
    }

    /// Adds an original article: it joins the most similar active story or starts one.
    pub fn add(&mut self, input: &StoryInput<'_>) -> StoryOutcome {
        self.articles += 1;
        if let Some(date) = input.date {
            self.newest_date = Some(self.newest_date.map_or(date, |d| d.max(date)));
        }
        let vector = self.vocabulary.vectorise(input, &self.config);
        let best = self.best_story(&vector, input.date);
        let (story, started, similarity) = match best {
            Some((story, similarity, true)) => (story, false, similarity),
            _ => (self.start_story(), true, 1.0),
        };
        let seen = self.articles;
        let centroid_features = self.config.centroid_features;
        if let Some(entry) = self.stories.get_mut(story as usize) {
            entry.absorb(input, Some(&vector), centroid_features, seen);
        }
        self.reindex(story);
        self.sweep_if_due();
        StoryOutcome {
            story: StoryId(story),
            started,
            similarity,
        }
    }

    /// Adds a copy of an article already in `story` (a syndicated or duplicate text): it joins
    /// that story without changing what the story is about and without counting as an
    /// independent source. An unknown story number starts a new story from the copy instead.
    pub fn add_copy(&mut self, story: StoryId, input: &StoryInput<'_>) -> StoryOutcome {
        if story.0 as usize >= self.stories.len() {
            return self.add(input);
        }
        self.articles += 1;
        if let Some(date) = input.date {
            self.newest_date = Some(self.newest_date.map_or(date, |d| d.max(date)));
        }
        let seen = self.articles;
        let centroid_features = self.config.centroid_features;
        if let Some(entry) = self.stories.get_mut(story.0 as usize) {
            entry.absorb(input, None, centroid_features, seen);
        }
        StoryOutcome {
            story,
            started: false,
            similarity: 1.0,
        }
    }

    fn start_story(&mut self) -> u32 {
        self.stories.push(Story::new());
        self.visited.push(0);
        self.active += 1;
        u32::try_from(self.stories.len() - 1).unwrap_or(u32::MAX)
    }

    /// The active story with the best margin over its threshold, its similarity, and whether it
    /// clears the threshold; `None` if no active story shares a feature.
    fn best_story(
        &mut self,
        vector: &SparseVector,
        date: Option<NaiveDate>,
    ) -> Option<(u32, f64, bool)> {
        let mut query: Vec<(u32, f32)> = vector.clone();
        query.sort_by(|a, b| b.1.total_cmp(&a.1).then(a.0.cmp(&b.0)));
        query.truncate(self.config.query_features);
        let stamp = self.articles;
        let mut best: Option<(u32, f64, f64)> = None;
        for (feature, _) in query {
            let Some(stories) = self.postings.get(&feature) else {
                continue;
            };
            for &candidate in stories {
                let index = candidate as usize;
                if self.visited[index] == stamp {
                    continue;
                }
                self.visited[index] = stamp;
                let story = &self.stories[index];
                if !story.active || story.centroid_norm <= 0.0 {
                    continue;
                }
                let Some(time) = date_factor(&self.config, date, story) else {
                    continue;
                };
                let similarity = dot(vector, &story.centroid) / story.centroid_norm * time;
                // Judged against the story's own threshold: the best margin wins.
                let margin = similarity / self.threshold_for(story.originals);
                if best.is_none_or(|(_, _, m)| margin > m) {
                    best = Some((candidate, similarity, margin));
                }
            }
        }
        best.map(|(story, similarity, margin)| (story, similarity, margin >= 1.0))
    }

    /// The similarity a story of `originals` articles asks of a newcomer. A large story's sum of
    /// vectors is smooth and close to anything on its topic, a one-article story's is as noisy
    /// as an article, so the bar rises slowly with size.
    fn threshold_for(&self, originals: u32) -> f64 {
        let size = f64::from(originals.max(1));
        self.config.threshold * (1.0 + self.config.threshold_growth * size.ln())
    }

    /// Files a story under its current heaviest features it is not yet filed under.
    fn reindex(&mut self, story: u32) {
        let Some(entry) = self.stories.get(story as usize) else {
            return;
        };
        let mut heaviest = entry.centroid.clone();
        heaviest.sort_by(|a, b| b.1.total_cmp(&a.1).then(a.0.cmp(&b.0)));
        heaviest.truncate(self.config.index_features);
        let filed = self.indexed.entry(story).or_default();
        for (feature, _) in heaviest {
            if !filed.contains(&feature) {
                filed.push(feature);
                self.postings.entry(feature).or_default().push(story);
            }
        }
    }

    /// Every `SWEEP_EVERY` arrivals: retires stale stories and rebuilds the inverted index from
    /// the active ones, dropping entries that no longer lead anywhere.
    fn sweep_if_due(&mut self) {
        if self.articles - self.last_sweep < SWEEP_EVERY {
            return;
        }
        self.last_sweep = self.articles;
        let cutoff = self.newest_date.and_then(|d| {
            d.checked_sub_signed(chrono::Duration::days(self.config.retire_after_days))
        });
        let mut retired = 0;
        let key_names = self.config.key_names;
        for story in self.stories.iter_mut().filter(|s| s.active) {
            let stale_by_date =
                matches!((story.last_date, cutoff), (Some(last), Some(cut)) if last < cut);
            let stale_by_arrivals =
                self.articles - story.last_seen > self.config.retire_after_articles;
            if stale_by_date || stale_by_arrivals {
                story.retire(key_names);
                retired += 1;
            }
        }
        self.active -= retired;
        let stories = &self.stories;
        self.indexed.retain(|&id, _| stories[id as usize].active);
        self.postings.clear();
        let active: Vec<u32> = self.indexed.keys().copied().collect();
        self.indexed.clear();
        for story in active {
            self.reindex(story);
        }
        self.postings.shrink_to_fit();
        self.indexed.shrink_to_fit();
    }

    /// The summary of one story.
    pub fn summary(&self, story: StoryId) -> Option<StorySummary> {
        self.stories
            .get(story.0 as usize)
            .map(|s| s.summary(story, self.config.key_names))
    }

    /// Summaries of every story, in the order started.
    pub fn summaries(&self) -> Vec<StorySummary> {
        (0..self.stories.len())
            .filter_map(|i| self.summary(StoryId(u32::try_from(i).ok()?)))
            .collect()
    }

    /// Number of stories started.
    pub fn len(&self) -> usize {
        self.stories.len()
    }

    /// Whether no story was started.
    pub fn is_empty(&self) -> bool {
        self.stories.is_empty()
    }

    /// Number of stories still taking articles.
    pub fn active_len(&self) -> usize {
        self.active
    }

    /// Number of distinct words, entity names and places seen.
    pub fn vocabulary_len(&self) -> usize {
        self.vocabulary.len()
    }
}

/// How much the dates allow an article into a story: 1 within the slack or when either date is
/// unknown, decaying beyond, `None` past the largest gap.
fn date_factor(config: &StoryConfig, date: Option<NaiveDate>, story: &Story) -> Option<f64> {
    let (Some(date), Some(first), Some(last)) = (date, story.first_date, story.last_date) else {
        return Some(1.0);
    };
    let gap = if date < first {
        (first - date).num_days()
    } else if date > last {
        (date - last).num_days()
    } else {
        0
    };
    if gap > config.max_date_gap_days {
        return None;
    }
    let beyond = (gap - config.date_slack_days).max(0) as f64;
    Some((-beyond / config.date_decay_days).exp())
}

#[cfg(test)]
mod tests;
