//! `dedup`: near-duplicate pairs found by chancery's duplicate index, scored against the true
//! Jaccard similarity of every pair of a generated set (see `dedup_gen`).
//!
//! The bases are the article bodies of the Scrapinghub benchmark (titled by their URL's last
//! path segment) and the ECB+ documents. Gold pairs are all pairs whose exact 5-word shingle
//! Jaccard is at least 0.8, computed here independently of the index over every pair (copies of
//! one base and any pair across bases alike). Documents are added to the index in a shuffled
//! order; a predicted pair is an article and an earlier one it reports as a match.

use std::collections::hash_map::DefaultHasher;
use std::hash::Hasher;
use std::path::{Path, PathBuf};
use std::time::Instant;

use anyhow::Result;
use chancery_corpus::{DedupConfig, DedupIndex};
use clap::Args;

use crate::aeb::Benchmark;
use crate::dedup_gen::{generate, BaseText, GeneratedDoc, Rng};
use crate::ecbplus;

/// Arguments of `dedup`.
#[derive(Debug, Args)]
pub struct DedupArgs {
    /// The data directory (holding extraction/scrapinghub-aeb and stories/ecbplus).
    #[arg(default_value = "../shared/data")]
    pub data_dir: PathBuf,
    /// Edited copies made of each base text.
    #[arg(long, default_value_t = 6)]
    pub variants: usize,
    /// Seed of the generator and of the order of addition.
    #[arg(long, default_value_t = 2024)]
    pub seed: u64,
    /// Print every missed and every wrong pair.
    #[arg(long)]
    pub verbose: bool,
}

/// Runs `dedup`.
pub fn run(args: &DedupArgs) -> Result<()> {
    let bases = base_texts(&args.data_dir)?;
    let mut docs = generate(&bases, args.variants, args.seed);
    shuffle(&mut docs, args.seed ^ 0x5eed);
    // Every pair is scored, so every candidate is verified.
    let config = DedupConfig {
        all_matches: true,
        ..DedupConfig::default()
    };
    let threshold = config.threshold;
    println!(
        "{} base texts, {} documents ({} edited copies each); 5-word shingles, {} bands x {} rows, threshold {threshold}",
        bases.len(),
        docs.len(),
        args.variants,
        config.bands,
        config.rows
    );
    let started = Instant::now();
    let shingles: Vec<Vec<u64>> = docs.iter().map(|d| reference_shingles(&d.text)).collect();
    let gold = gold_pairs(&shingles, threshold);
    println!(
        "gold pairs at Jaccard >= {threshold}: {} ({:.1}s)",
        gold.len(),
        started.elapsed().as_secs_f64()
    );

    let mut index = DedupIndex::new(config)?;
    let started = Instant::now();
    let mut predicted: Vec<(usize, usize)> = Vec::new();
    for (i, doc) in docs.iter().enumerate() {
        let outcome = index.add(&doc.text, None);
        predicted.extend(
            outcome
                .matches
                .iter()
                .map(|&(earlier, _)| (earlier.0 as usize, i)),
        );
    }
    let seconds = started.elapsed().as_secs_f64();
    predicted.sort_unstable();
    let true_positives = predicted
        .iter()
        .filter(|p| gold.binary_search(p).is_ok())
        .count();
    if args.verbose {
        report_errors(&docs, &shingles, &gold, &predicted);
    }
    print_histogram(&docs, &shingles, &predicted);
    let precision = ratio(true_positives, predicted.len());
    let recall = ratio(true_positives, gold.len());
    let f1 = if precision + recall > 0.0 {
        2.0 * precision * recall / (precision + recall)
    } else {
        0.0
    };
    println!(
        "index: {} documents in {seconds:.2}s ({:.0} docs/s), {} groups",
        docs.len(),
        docs.len() as f64 / seconds,
        index.groups().len()
    );
    println!("predicted pairs {}, true {true_positives}", predicted.len());
    println!("pair precision {precision:.4}");
    println!("pair recall    {recall:.4}");
    println!("SCORE pair_f1 {f1:.4}");
    Ok(())
}

fn ratio(part: usize, whole: usize) -> f64 {
    if whole == 0 {
        1.0
    } else {
        part as f64 / whole as f64
    }
}

/// The base texts: benchmark bodies, then ECB+ documents where present.
fn base_texts(data_dir: &Path) -> Result<Vec<BaseText>> {
    let benchmark = Benchmark::open(data_dir)?;
    let mut bases: Vec<BaseText> = benchmark
        .pages
        .iter()
        .filter(|p| !p.truth.trim().is_empty())
        .map(|p| BaseText {
            title: p.url.as_deref().map(title_from_url).unwrap_or_default(),
            paragraphs: p
                .truth
                .lines()
                .filter(|l| !l.trim().is_empty())
                .map(str::to_owned)
                .collect(),
        })
        .collect();
    let ecb_dir = data_dir.join("stories").join("ecbplus");
    if ecb_dir.is_dir() {
        bases.extend(
            ecbplus::read_corpus(&ecb_dir)?
                .into_iter()
                .map(|d| BaseText {
                    title: d.title,
                    paragraphs: d.body.lines().map(str::to_owned).collect(),
                }),
        );
    }
    Ok(bases)
}

/// A headline from a URL's last meaningful path segment ("/2017/05/big-storm-hits" → "big storm
/// hits").
fn title_from_url(url: &str) -> String {
    let path = url.split('?').next().unwrap_or(url);
    let segment = path
        .trim_end_matches('/')
        .rsplit('/')
        .find(|s| s.chars().any(char::is_alphabetic))
        .unwrap_or("");
    let segment = segment.split('.').next().unwrap_or(segment);
    segment
        .split(['-', '_'])
        .filter(|w| !w.is_empty())
        .collect::<Vec<_>>()
        .join(" ")
}

/// Exact 5-word shingles as the duplicate index defines them (runs of letters and digits,
/// lower-cased; a text shorter than five words is one shingle), hashed to 64 bits, sorted.
pub fn reference_shingles(text: &str) -> Vec<u64> {
    let words: Vec<String> = text
        .split(|c: char| !c.is_alphanumeric())
        .filter(|w| !w.is_empty())
        .map(str::to_lowercase)
        .collect();
    let width = 5.min(words.len());
    let mut out: Vec<u64> = if words.is_empty() {
        Vec::new()
    } else {
        words
            .windows(width)
            .map(|w| {
                let mut hasher = DefaultHasher::new();
                hasher.write(w.join(" ").as_bytes());
                hasher.finish()
            })
            .collect()
    };
    out.sort_unstable();
    out.dedup();
    out
}

/// Jaccard similarity of two sorted sets.
pub fn exact_jaccard(a: &[u64], b: &[u64]) -> f64 {
    let (mut i, mut j, mut shared) = (0, 0, 0usize);
    while i < a.len() && j < b.len() {
        match a[i].cmp(&b[j]) {
            std::cmp::Ordering::Less => i += 1,
            std::cmp::Ordering::Greater => j += 1,
            std::cmp::Ordering::Equal => {
                shared += 1;
                i += 1;
                j += 1;
            }
        }
    }
    let union = a.len() + b.len() - shared;
    if union == 0 {
        1.0
    } else {
        shared as f64 / union as f64
    }
}

/// Every pair (earlier, later) at or above the threshold, sorted.
fn gold_pairs(shingles: &[Vec<u64>], threshold: f64) -> Vec<(usize, usize)> {
    let mut pairs = Vec::new();
    for later in 0..shingles.len() {
        for earlier in 0..later {
            let (a, b) = (&shingles[earlier], &shingles[later]);
            let (small, large) = (a.len().min(b.len()), a.len().max(b.len()));
            // Jaccard cannot exceed small / large: skip pairs that cannot reach the threshold.
            if (small as f64) < threshold * large as f64 {
                continue;
            }
            if exact_jaccard(a, b) >= threshold {
                pairs.push((earlier, later));
            }
        }
    }
    pairs.sort_unstable();
    pairs
}

fn report_errors(
    docs: &[GeneratedDoc],
    shingles: &[Vec<u64>],
    gold: &[(usize, usize)],
    predicted: &[(usize, usize)],
) {
    for &(a, b) in gold.iter().filter(|p| predicted.binary_search(p).is_err()) {
        println!(
            "missed {a} {b}: J {:.3} [{}] / [{}]",
            exact_jaccard(&shingles[a], &shingles[b]),
            docs[a].edits,
            docs[b].edits
        );
    }
    for &(a, b) in predicted.iter().filter(|p| gold.binary_search(p).is_err()) {
        println!(
            "wrong {a} {b}: J {:.3} [{}] / [{}]",
            exact_jaccard(&shingles[a], &shingles[b]),
            docs[a].edits,
            docs[b].edits
        );
    }
}

/// Copies of one base by true Jaccard, in bins of 0.05 from 0.6, with the share found: shows
/// that the set has pairs on both sides of the threshold and how the index does near it.
fn print_histogram(docs: &[GeneratedDoc], shingles: &[Vec<u64>], predicted: &[(usize, usize)]) {
    let mut bins = [(0usize, 0usize); 8];
    for later in 0..docs.len() {
        for earlier in 0..later {
            if docs[earlier].base != docs[later].base {
                continue;
            }
            let similarity = exact_jaccard(&shingles[earlier], &shingles[later]);
            if similarity < 0.6 {
                continue;
            }
            let bin = (((similarity - 0.6) / 0.05) as usize).min(bins.len() - 1);
            bins[bin].0 += 1;
            if predicted.binary_search(&(earlier, later)).is_ok() {
                bins[bin].1 += 1;
            }
        }
    }
    println!("copies of one base by true Jaccard: pairs, reported as duplicates");
    for (i, (pairs, found)) in bins.iter().enumerate() {
        let low = 0.6 + 0.05 * i as f64;
        println!(
            "  [{low:.2}, {:.2}): {pairs:>6} pairs, {found:>6} reported",
            low + 0.05
        );
    }
}

/// Fisher–Yates with a seeded generator.
pub fn shuffle<T>(items: &mut [T], seed: u64) {
    let mut rng = Rng(seed);
    for i in (1..items.len()).rev() {
        items.swap(i, rng.below(i + 1));
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn titles_from_urls() {
        assert_eq!(
            title_from_url("https://x.com/2017/05/big-storm-hits.html?a=1"),
            "big storm hits"
        );
        assert_eq!(title_from_url("https://x.com/"), "x");
    }

    #[test]
    fn reference_jaccard() {
        let a = reference_shingles("One two three four five six seven eight");
        let b = reference_shingles("one two three four five six seven nine");
        assert!((exact_jaccard(&a, &b) - 0.6).abs() < 1e-9);
        assert_eq!(reference_shingles("Hi there").len(), 1);
    }
}
