//! `stories`: incremental story clustering scored on ECB+ (`stories/ecbplus` in the data
//! directory). Each topic holds two real events of one kind; the gold story of a document is its
//! topic and its half (ECB or ECB+). B-cubed precision, recall and F1 and the adjusted Rand index
//! are printed for the documents added in a fixed order (topic number, then file name) and for
//! several seeded shuffles, since an incremental method depends on the order it sees articles.
//!
//! Entities are capitalised phrases (runs of capitalised words, a sentence's first word only
//! when the run goes on), which needs no model.

use std::path::PathBuf;

use anyhow::{Context, Result};
use chancery_annotate::NerModel;
use chancery_corpus::{NamedEntity, StoryConfig, StoryIndex, StoryInput};
use chancery_model::EntityKind;
use clap::Args;

use crate::cluster_metrics::{adjusted_rand_index, b_cubed, BCubed};
use crate::dedup::shuffle;
use crate::ecbplus::{read_corpus, EcbDoc};

/// Arguments of `stories`.
#[derive(Debug, Args)]
pub struct StoriesArgs {
    /// The ECB+ directory (one folder per topic).
    pub dir: PathBuf,
    /// Seeded shuffles to report beside the fixed order.
    #[arg(long, default_value_t = 5)]
    pub shuffles: u64,
    /// The named-entity model: entities are then what it finds (people, organisations, places,
    /// other names) instead of capitalised phrases.
    #[arg(long, value_name = "FILE")]
    pub model: Option<PathBuf>,
    /// Print each predicted story with its documents.
    #[arg(long)]
    pub verbose: bool,
    /// Similarity from which an article joins a story (default: the library's).
    #[arg(long)]
    pub threshold: Option<f64>,
    /// Growth of the threshold with story size (default: the library's).
    #[arg(long)]
    pub threshold_growth: Option<f64>,
    /// Share of the similarity given to names (default: the library's).
    #[arg(long)]
    pub name_share: Option<f64>,
    /// Weight of title words (default: the library's).
    #[arg(long)]
    pub title_weight: Option<f32>,
    /// Days of date decay (default: the library's).
    #[arg(long)]
    pub date_decay: Option<f64>,
    /// Days outside a story's dates beyond which it is not considered (default: the library's).
    #[arg(long)]
    pub max_gap: Option<i64>,
    /// Article features used to look up candidate stories (default: the library's).
    #[arg(long)]
    pub query_features: Option<usize>,
    /// Story features under which a story is found (default: the library's).
    #[arg(long)]
    pub index_features: Option<usize>,
    /// Features kept per article (default: the library's).
    #[arg(long)]
    pub doc_features: Option<usize>,
}

impl StoriesArgs {
    /// The library's configuration with the overrides given.
    fn config(&self) -> StoryConfig {
        let default = StoryConfig::default();
        StoryConfig {
            threshold: self.threshold.unwrap_or(default.threshold),
            name_share: self.name_share.unwrap_or(default.name_share),
            threshold_growth: self.threshold_growth.unwrap_or(default.threshold_growth),
            title_weight: self.title_weight.unwrap_or(default.title_weight),
            date_decay_days: self.date_decay.unwrap_or(default.date_decay_days),
            max_date_gap_days: self.max_gap.unwrap_or(default.max_date_gap_days),
            query_features: self.query_features.unwrap_or(default.query_features),
            index_features: self.index_features.unwrap_or(default.index_features),
            doc_features: self.doc_features.unwrap_or(default.doc_features),
            ..default
        }
    }
}

/// One document ready for clustering.
struct Prepared {
    doc: EcbDoc,
    entities: Vec<NamedEntity>,
    places: Vec<String>,
}

/// Runs `stories`.
pub fn run(args: &StoriesArgs) -> Result<()> {
    let docs = read_corpus(&args.dir)?;
    let model = match &args.model {
        Some(path) => {
            let bytes =
                std::fs::read(path).with_context(|| format!("{}: cannot read", path.display()))?;
            Some(
                NerModel::from_bytes(&bytes)
                    .map_err(|e| anyhow::anyhow!("{}: {e}", path.display()))?,
            )
        }
        None => None,
    };
    println!(
        "entities: {}",
        if model.is_some() {
            "named-entity model"
        } else {
            "capitalised phrases"
        }
    );
    let prepared: Vec<Prepared> = docs
        .into_iter()
        .map(|doc| {
            let text = format!("{}\n{}", doc.title, doc.body);
            let (entities, places) = match &model {
                Some(model) => model_entities(model, &text),
                None => (capitalised_phrases(&text), Vec::new()),
            };
            Prepared {
                doc,
                entities,
                places,
            }
        })
        .collect();
    let gold_stories: std::collections::HashSet<(u32, bool)> =
        prepared.iter().map(|p| p.doc.gold_story()).collect();
    let dated = prepared.iter().filter(|p| p.doc.date.is_some()).count();
    println!(
        "{} documents, {} gold stories, {} topics; {dated} with a stated date",
        prepared.len(),
        gold_stories.len(),
        gold_stories
            .iter()
            .map(|g| g.0)
            .collect::<std::collections::HashSet<_>>()
            .len()
    );
    let order: Vec<usize> = (0..prepared.len()).collect();
    let config = args.config();
    let (fixed, ari, stories) = cluster(&prepared, &order, &config, args.verbose)?;
    println!("fixed order (topic, file name): {stories} stories");
    print_scores("  ", fixed, ari);
    let mut f1s = Vec::new();
    for seed in 0..args.shuffles {
        let mut shuffled = order.clone();
        shuffle(&mut shuffled, 0x0570_71e5 + seed);
        let (scores, ari, stories) = cluster(&prepared, &shuffled, &config, false)?;
        println!("shuffle {seed}: {stories} stories");
        print_scores("  ", scores, ari);
        f1s.push(scores.f1);
    }
    if !f1s.is_empty() {
        let mean = f1s.iter().sum::<f64>() / f1s.len() as f64;
        let worst = f1s.iter().copied().fold(f64::INFINITY, f64::min);
        println!("shuffled orders: mean B-cubed F1 {mean:.4}, worst {worst:.4}");
    }
    println!("SCORE b3_f1 {:.4}", fixed.f1);
    Ok(())
}

fn print_scores(indent: &str, scores: BCubed, ari: f64) {
    println!(
        "{indent}B-cubed precision {:.4} recall {:.4} F1 {:.4}; ARI {ari:.4}",
        scores.precision, scores.recall, scores.f1
    );
}

/// Clusters the documents in `order`; returns the scores and the number of stories.
fn cluster(
    prepared: &[Prepared],
    order: &[usize],
    config: &StoryConfig,
    verbose: bool,
) -> Result<(BCubed, f64, usize)> {
    let mut index = StoryIndex::new(config.clone())?;
    let mut predicted = vec![0u32; prepared.len()];
    for &i in order {
        let p = &prepared[i];
        let input = StoryInput {
            title: &p.doc.title,
            body: &p.doc.body,
            date: p.doc.date,
            source: &p.doc.source,
            entities: &p.entities,
            places: &p.places,
        };
        predicted[i] = index.add(&input).story.0;
    }
    if verbose {
        for summary in index.summaries() {
            let members: Vec<&str> = (0..prepared.len())
                .filter(|&i| predicted[i] == summary.id.0)
                .map(|i| prepared[i].doc.name.as_str())
                .collect();
            println!(
                "story {} «{}» {:?}: {}",
                summary.id.0,
                summary.title,
                summary.first_date,
                members.join(" ")
            );
        }
    }
    let gold: Vec<(u32, bool)> = prepared.iter().map(|p| p.doc.gold_story()).collect();
    Ok((
        b_cubed(&predicted, &gold),
        adjusted_rand_index(&predicted, &gold),
        index.len(),
    ))
}

/// The model's entities, each name once: places (LOC) apart, the others with their kind.
fn model_entities(model: &NerModel, text: &str) -> (Vec<NamedEntity>, Vec<String>) {
    let mut entities: Vec<NamedEntity> = Vec::new();
    let mut places: Vec<String> = Vec::new();
    for mention in model.entities(text) {
        let Some(name) = text.get(mention.start..mention.end) else {
            continue;
        };
        let kind = match mention.kind.as_str() {
            "PER" => EntityKind::Person,
            "ORG" => EntityKind::Org,
            "LOC" => {
                if !places.iter().any(|p| p == name) {
                    places.push(name.to_owned());
                }
                continue;
            }
            _ => EntityKind::Misc,
        };
        if !entities.iter().any(|e| e.name == name) {
            entities.push(NamedEntity {
                name: name.to_owned(),
                kind,
            });
        }
    }
    (entities, places)
}

/// Runs of capitalised words as entity names. A sentence's (or line's) first word starts a run
/// only if the next word is capitalised too, since any word is capitalised there.
pub fn capitalised_phrases(text: &str) -> Vec<NamedEntity> {
    let mut names: Vec<String> = Vec::new();
    for line in text.lines() {
        let words: Vec<&str> = line.split_whitespace().collect();
        let mut run: Vec<&str> = Vec::new();
        let mut run_starts_sentence = false;
        for (i, word) in words.iter().enumerate() {
            let clean = word.trim_matches(|c: char| !c.is_alphanumeric());
            let capitalised = clean.chars().next().is_some_and(char::is_uppercase)
                && clean.chars().count() > 1
                && !FUNCTION_WORDS.contains(&clean);
            let sentence_start = i == 0 || words[i - 1].ends_with(['.', '!', '?', '"', '`', '\'']);
            if capitalised {
                if run.is_empty() {
                    run_starts_sentence = sentence_start;
                }
                run.push(clean);
            }
            if !capitalised || word.ends_with([',', '.', ';', ':']) {
                flush(&mut run, run_starts_sentence, &mut names);
            }
        }
        flush(&mut run, run_starts_sentence, &mut names);
    }
    names.sort();
    names.dedup();
    names
        .into_iter()
        .map(|name| NamedEntity {
            name,
            kind: EntityKind::Misc,
        })
        .collect()
}

fn flush(run: &mut Vec<&str>, starts_sentence: bool, names: &mut Vec<String>) {
    if run.len() > 1 || (run.len() == 1 && !starts_sentence) {
        names.push(run.join(" "));
    }
    run.clear();
}

/// Capitalised words that name nothing.
const FUNCTION_WORDS: &[&str] = &[
    "The",
    "A",
    "An",
    "He",
    "She",
    "It",
    "They",
    "We",
    "I",
    "In",
    "On",
    "At",
    "But",
    "And",
    "This",
    "That",
    "His",
    "Her",
    "Their",
    "Its",
    "Mr",
    "Mrs",
    "Ms",
    "Dr",
    "Monday",
    "Tuesday",
    "Wednesday",
    "Thursday",
    "Friday",
    "Saturday",
    "Sunday",
    "January",
    "February",
    "March",
    "April",
    "May",
    "June",
    "July",
    "August",
    "September",
    "October",
    "November",
    "December",
];

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn capitalised_runs_become_names() {
        let names: Vec<String> = capitalised_phrases(
            "Lindsay Lohan checked into the Betty Ford Center on Friday. The actress said so.",
        )
        .into_iter()
        .map(|e| e.name)
        .collect();
        assert_eq!(names, ["Betty Ford Center", "Lindsay Lohan"]);
    }
}
