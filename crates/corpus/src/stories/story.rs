//! One story's state: its centroid for matching, and what its summary reports.

use chrono::NaiveDate;
use rustc_hash::{FxHashMap, FxHashSet};
use serde::{Deserialize, Serialize};

use super::features::{add, keep_heaviest, normalise_name, SparseVector};
use super::{StoryId, StoryInput};
use chancery_model::EntityKind;

/// Most names (entities, places, sources) a story counts; past it, only names already counted
/// are. Keeps one long-running story from growing without bound.
const MAX_NAMES: usize = 256;

/// A name and how many of the story's articles give it.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
pub struct NameCount {
    /// The name as first seen.
    pub name: String,
    /// The entity's kind, where the name is an entity's.
    pub kind: Option<EntityKind>,
    /// Articles of the story naming it.
    pub articles: u32,
}

/// What a story is, for display and export: plain data.
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
pub struct StorySummary {
    /// The story's number.
    pub id: StoryId,
    /// The title of the article that started the story (the first titled article, if that one had
    /// none).
    pub title: String,
    /// Earliest article date.
    pub first_date: Option<NaiveDate>,
    /// Latest article date.
    pub last_date: Option<NaiveDate>,
    /// Articles in the story, copies included.
    pub articles: u32,
    /// Every source with its number of articles, most articles first.
    pub sources: Vec<NameCount>,
    /// Sources that wrote an article of their own: syndicated and duplicate copies are not
    /// counted, so a wire story reprinted by ten sites counts once.
    pub independent_sources: u32,
    /// The entities most articles name (people, organisations, groups), most named first.
    pub key_entities: Vec<NameCount>,
    /// The places most articles name, most named first.
    pub key_places: Vec<NameCount>,
    /// Whether the story still takes new articles.
    pub active: bool,
}

#[derive(Debug, Default)]
struct NameCounts(FxHashMap<String, (String, Option<EntityKind>, u32)>);

impl NameCounts {
    fn count(&mut self, name: &str, kind: Option<EntityKind>) {
        let key = normalise_name(name);
        if key.is_empty() {
            return;
        }
        if let Some(entry) = self.0.get_mut(&key) {
            entry.2 = entry.2.saturating_add(1);
        } else if self.0.len() < MAX_NAMES {
            self.0.insert(key, (name.trim().to_owned(), kind, 1));
        }
    }

    /// Drops all but the `limit` most counted names.
    fn keep_top(&mut self, limit: usize) {
        if self.0.len() <= limit {
            self.0.shrink_to_fit();
            return;
        }
        let mut counts: Vec<u32> = self.0.values().map(|v| v.2).collect();
        counts.sort_unstable_by(|a, b| b.cmp(a));
        let floor = counts.get(limit.saturating_sub(1)).copied().unwrap_or(0);
        self.0.retain(|_, v| v.2 >= floor);
        self.0.shrink_to_fit();
    }

    fn top(&self, limit: usize) -> Vec<NameCount> {
        let mut all: Vec<NameCount> = self
            .0
            .values()
            .map(|(name, kind, articles)| NameCount {
                name: name.clone(),
                kind: *kind,
                articles: *articles,
            })
            .collect();
        all.sort_by(|a, b| {
            b.articles
                .cmp(&a.articles)
                .then_with(|| a.name.cmp(&b.name))
        });
        all.truncate(limit);
        all
    }
}

/// A story as the index keeps it.
#[derive(Debug)]
pub(crate) struct Story {
    /// Sum of the member articles' unit vectors, pruned to the heaviest features; emptied when
    /// the story retires.
    pub(crate) centroid: SparseVector,
    pub(crate) centroid_norm: f64,
    pub(crate) first_date: Option<NaiveDate>,
    pub(crate) last_date: Option<NaiveDate>,
    /// Number of articles added to the index when this story last took one.
    pub(crate) last_seen: u64,
    pub(crate) active: bool,
    /// Articles that are not copies of an earlier one.
    pub(crate) originals: u32,
    title: String,
    articles: u32,
    sources: NameCounts,
    independent: FxHashSet<String>,
    /// Size of `independent` when the story retired and the set was dropped.
    independent_count: u32,
    entities: NameCounts,
    places: NameCounts,
}

impl Story {
    pub(crate) fn new() -> Self {
        Self {
            centroid: Vec::new(),
            centroid_norm: 0.0,
            first_date: None,
            last_date: None,
            last_seen: 0,
            active: true,
            originals: 0,
            title: String::new(),
            articles: 0,
            sources: NameCounts::default(),
            independent: FxHashSet::default(),
            independent_count: 0,
            entities: NameCounts::default(),
            places: NameCounts::default(),
        }
    }

    /// Adds an article. `vector` is `None` for a copy of an earlier article, which adds nothing
    /// new to the centroid and no independent source.
    pub(crate) fn absorb(
        &mut self,
        input: &StoryInput<'_>,
        vector: Option<&SparseVector>,
        centroid_features: usize,
        seen: u64,
    ) {
        if let Some(vector) = vector {
            let mut centroid = add(&self.centroid, vector);
            keep_heaviest(&mut centroid, centroid_features);
            self.centroid_norm = centroid
                .iter()
                .map(|&(_, w)| f64::from(w) * f64::from(w))
                .sum::<f64>()
                .sqrt();
            self.centroid = centroid;
            self.originals = self.originals.saturating_add(1);
            let source = input.source.trim();
            if !source.is_empty() && self.independent.len() < MAX_NAMES {
                self.independent.insert(source.to_owned());
            }
        }
        if let Some(date) = input.date {
            self.first_date = Some(self.first_date.map_or(date, |d| d.min(date)));
            self.last_date = Some(self.last_date.map_or(date, |d| d.max(date)));
        }
        if self.title.is_empty() {
            self.title = input.title.trim().to_owned();
        }
        self.articles = self.articles.saturating_add(1);
        self.sources.count(input.source, None);
        for entity in input.entities {
            if entity.kind.is_place() {
                self.places.count(&entity.name, Some(entity.kind));
            } else {
                self.entities.count(&entity.name, Some(entity.kind));
            }
        }
        for place in input.places {
            self.places.count(place, None);
        }
        self.last_seen = seen;
    }

    /// Stops taking articles: the centroid is freed and the name counts are cut to what a
    /// summary lists (`key_names` entities and places), so a retired story costs little.
    pub(crate) fn retire(&mut self, key_names: usize) {
        self.active = false;
        self.centroid = Vec::new();
        self.centroid_norm = 0.0;
        self.entities.keep_top(key_names);
        self.places.keep_top(key_names);
        self.independent_count = u32::try_from(self.independent.len()).unwrap_or(u32::MAX);
        self.independent = FxHashSet::default();
    }

    pub(crate) fn summary(&self, id: StoryId, key_names: usize) -> StorySummary {
        StorySummary {
            id,
            title: self.title.clone(),
            first_date: self.first_date,
            last_date: self.last_date,
            articles: self.articles,
            sources: self.sources.top(MAX_NAMES),
            independent_sources: if self.active {
                u32::try_from(self.independent.len()).unwrap_or(u32::MAX)
            } else {
                self.independent_count
            },
            key_entities: self.entities.top(key_names),
            key_places: self.places.top(key_names),
            active: self.active,
        }
    }
}
