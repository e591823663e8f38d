//! Placing stored articles in the corpus view: duplicates linked to the article they copy, every
//! article in a story, story summaries kept, undated articles dated by their stories.
//!
//! The duplicate and story indexes live in memory: each run replays the placed articles in
//! storage order (the order they were placed in, so the replay rebuilds the same stories) and
//! then places the articles stored since. A run killed before placing leaves those articles
//! unplaced, and the next run places them.

use std::collections::BTreeSet;

use anyhow::{Context, Result};
use chancery_corpus::stories::NameCount;
use chancery_corpus::{Corpus, CorpusConfig, MatchKind, NamedEntity, StoryInput, StorySummary};
use chancery_model::{Article, NamedCount, StoryRecord};
use chancery_store::{Placement, Store};

/// Articles hashed together for the duplicate index.
const BATCH: usize = 512;

/// What a placing run did.
#[derive(Debug, Default, Clone, Copy, PartialEq, Eq)]
pub struct Placed {
    /// Articles placed by this run.
    pub articles: usize,
    /// Of those, copies of an earlier article.
    pub copies: usize,
    /// Stories they started or joined.
    pub stories: usize,
}

/// Places every stored article not yet placed.
pub fn place_new(store: &mut Store) -> Result<Placed> {
    let last = store.last_placed()?;
    let mut corpus =
        Corpus::new(CorpusConfig::default()).context("the corpus configuration is invalid")?;
    // Storage number of each article, by its number in the corpus.
    let mut seqs: Vec<i64> = Vec::new();
    let mut new: Vec<Placement> = Vec::new();
    let mut touched = BTreeSet::new();
    // Articles go through the corpus in batches, their texts hashed on every core.
    let mut pending: Vec<(i64, Article, StoryText)> = Vec::with_capacity(BATCH);
    let mut place_batch = |pending: &mut Vec<(i64, Article, StoryText)>| {
        let inputs: Vec<StoryInput<'_>> = pending
            .iter()
            .map(|(_, article, text)| text.input(article))
            .collect();
        let placements = corpus.add_batch(&inputs);
        for ((seq, _, _), placement) in pending.iter().zip(placements) {
            let seq = *seq;
            seqs.push(seq);
            if seq <= last {
                continue;
            }
            let (of, similarity) = match placement.duplicate.kind {
                MatchKind::New => (None, None),
                MatchKind::Exact { of } => (Some(of), Some(1.0)),
                MatchKind::Near { of, jaccard } => (Some(of), Some(jaccard)),
            };
            new.push(Placement {
                seq,
                story: u64::from(placement.story.0),
                duplicate_of: of.and_then(|d| seqs.get(d.0 as usize).copied()),
                similarity,
            });
            touched.insert(placement.story);
        }
        pending.clear();
    };
    store.for_each_in_order(&mut |seq, article| {
        let text = StoryText::of(&article);
        pending.push((seq, article, text));
        if pending.len() >= BATCH {
            place_batch(&mut pending);
        }
        Ok(())
    })?;
    place_batch(&mut pending);
    let placed = Placed {
        articles: new.len(),
        copies: new.iter().filter(|p| p.duplicate_of.is_some()).count(),
        stories: touched.len(),
    };
    if new.is_empty() {
        return Ok(placed);
    }
    let stories: Vec<StoryRecord> = touched
        .into_iter()
        .filter_map(|s| corpus.summary(s))
        .map(story_record)
        .collect();
    store.write_placements(&new, &stories)?;
    Ok(placed)
}

/// The owned text story clustering reads from an article.
struct StoryText {
    body: String,
    entities: Vec<NamedEntity>,
    places: Vec<String>,
}

impl StoryText {
    fn of(article: &Article) -> StoryText {
        let body = article
            .paragraphs
            .iter()
            .map(|p| p.text.as_str())
            .collect::<Vec<_>>()
            .join("\n\n");
        let entities = article
            .entities
            .iter()
            .map(|e| NamedEntity {
                name: e.name.clone(),
                kind: e.kind,
            })
            .collect();
        let places = article
            .entities
            .iter()
            .filter_map(|e| e.place.as_ref().filter(|p| p.name != e.name))
            .map(|p| p.name.clone())
            .collect();
        StoryText {
            body,
            entities,
            places,
        }
    }

    fn input<'a>(&'a self, article: &'a Article) -> StoryInput<'a> {
        StoryInput {
            title: article.title_text().unwrap_or(""),
            body: &self.body,
            date: article.published,
            source: &article.source,
            entities: &self.entities,
            places: &self.places,
        }
    }
}

fn story_record(summary: StorySummary) -> StoryRecord {
    let counts = |list: Vec<NameCount>| {
        list.into_iter()
            .map(|n| NamedCount {
                name: n.name,
                count: n.articles,
            })
            .collect()
    };
    StoryRecord {
        id: u64::from(summary.id.0),
        title: summary.title,
        first_date: summary.first_date,
        last_date: summary.last_date,
        articles: summary.articles,
        independent_sources: summary.independent_sources,
        sources: counts(summary.sources),
        key_entities: counts(summary.key_entities),
        key_places: counts(summary.key_places),
    }
}
