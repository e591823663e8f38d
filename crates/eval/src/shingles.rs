//! The Scrapinghub article-extraction-benchmark metric, computed exactly as the reference scorer
//! `score_extraction.py` computes it, so figures from either can be compared directly:
//! - tokens are the maximal runs of Python `re`'s Unicode `\w` (letters, digits and numerals of any
//!   script, and `_`), case kept;
//! - a page's units are the multiset of its word 4-gram shingles; a text of 1 to 3 tokens is one
//!   shingle of all its tokens, an empty text has none;
//! - true positives are the shared shingles (minimum counts), false positives and negatives the
//!   surplus on either side, all three divided by their sum so each page weighs the same;
//! - precision and recall per page (1.0 when there is neither surplus), averaged over the pages
//!   with a non-empty prediction and a non-empty truth respectively; F1 from the two averages;
//! - accuracy is the share of pages whose token list equals the truth's exactly;
//! - the ± figures are standard deviations over bootstrap resamples drawn with Python's own
//!   generator and seed, see [`crate::pyrandom`].
//!
//! Python's `\w` is `str.isalnum()` plus `_`, which is exactly general categories L and N plus `_`;
//! compared code point by code point with Python 3.11 (Unicode 14), the class below differs only on
//! characters unassigned in Unicode 14. Sums run left to right as Python 3.11's `sum` does.

use std::collections::{BTreeMap, HashMap};
use std::sync::LazyLock;

use anyhow::{bail, Result};
use regex::Regex;

use crate::pyrandom::PyRandom;

static WORD: LazyLock<Regex> =
    LazyLock::new(|| Regex::new(r"[\p{L}\p{N}_]+").expect("the word pattern is valid"));

/// The word tokens of a text.
pub fn tokens(text: &str) -> Vec<&str> {
    WORD.find_iter(text).map(|m| m.as_str()).collect()
}

/// The multiset of word `n`-gram shingles of a token list.
fn shingle_counts<'a>(toks: &'a [&'a str], n: usize) -> HashMap<&'a [&'a str], u64> {
    let mut counts = HashMap::new();
    if toks.is_empty() {
        return counts;
    }
    if toks.len() < n {
        counts.insert(toks, 1);
        return counts;
    }
    for window in toks.windows(n) {
        *counts.entry(window).or_insert(0) += 1;
    }
    counts
}

/// One page's true positives, false positives and false negatives, as shares of their sum.
#[derive(Debug, Clone, Copy, PartialEq)]
pub struct PageCounts {
    /// Shared shingles.
    pub tp: f64,
    /// Predicted shingles not in the truth.
    pub fp: f64,
    /// True shingles not predicted.
    pub fn_: f64,
}

impl PageCounts {
    /// Precision of the page, as the reference's `_prec`.
    pub fn precision(&self) -> f64 {
        if self.fp == 0.0 && self.fn_ == 0.0 {
            1.0
        } else if self.tp + self.fp > 0.0 {
            self.tp / (self.tp + self.fp)
        } else {
            0.0
        }
    }

    /// Recall of the page, as the reference's `_rec`.
    pub fn recall(&self) -> f64 {
        if self.fp == 0.0 && self.fn_ == 0.0 {
            1.0
        } else if self.tp + self.fn_ > 0.0 {
            self.tp / (self.tp + self.fn_)
        } else {
            0.0
        }
    }
}

/// Compares a page's predicted body with its true body.
pub fn page_counts(truth: &str, pred: &str, n: usize) -> PageCounts {
    let (gt_tokens, pred_tokens) = (tokens(truth), tokens(pred));
    let g = shingle_counts(&gt_tokens, n);
    let p = shingle_counts(&pred_tokens, n);
    let mut tp = 0u64;
    let mut fn_ = 0u64;
    for (shingle, &gc) in &g {
        let pc = p.get(shingle).copied().unwrap_or(0);
        tp += gc.min(pc);
        fn_ += gc.saturating_sub(pc);
    }
    let fp: u64 = p
        .iter()
        .map(|(shingle, &pc)| pc.saturating_sub(g.get(shingle).copied().unwrap_or(0)))
        .sum();
    let total = tp + fp + fn_;
    if total == 0 {
        return PageCounts {
            tp: 0.0,
            fp: 0.0,
            fn_: 0.0,
        };
    }
    let total = total as f64;
    PageCounts {
        tp: tp as f64 / total,
        fp: fp as f64 / total,
        fn_: fn_ as f64 / total,
    }
}

/// Whether the prediction has exactly the truth's tokens.
pub fn exact(truth: &str, pred: &str) -> bool {
    tokens(truth) == tokens(pred)
}

/// Macro-averaged precision and recall, and their F1.
#[derive(Debug, Clone, Copy, Default, PartialEq)]
pub struct Summary {
    pub precision: f64,
    pub recall: f64,
    pub f1: f64,
}

/// Averages per-page figures as the reference's `aggregate`.
pub fn aggregate<'a>(rows: impl IntoIterator<Item = &'a PageCounts>) -> Summary {
    let (mut p_sum, mut p_n, mut r_sum, mut r_n) = (0.0, 0usize, 0.0, 0usize);
    for row in rows {
        if row.tp + row.fp > 0.0 {
            p_sum += row.precision();
            p_n += 1;
        }
        if row.tp + row.fn_ > 0.0 {
            r_sum += row.recall();
            r_n += 1;
        }
    }
    let precision = if p_n > 0 { p_sum / p_n as f64 } else { 0.0 };
    let recall = if r_n > 0 { r_sum / r_n as f64 } else { 0.0 };
    let f1 = if precision + recall > 0.0 {
        2.0 * precision * recall / (precision + recall)
    } else {
        0.0
    };
    Summary {
        precision,
        recall,
        f1,
    }
}

/// Standard deviations of the figures over bootstrap resamples of the pages.
#[derive(Debug, Clone, Copy, Default, PartialEq)]
pub struct Spread {
    pub f1: f64,
    pub precision: f64,
    pub recall: f64,
    pub accuracy: f64,
}

/// The scores of one prediction set.
#[derive(Debug, Clone, PartialEq)]
pub struct Report {
    /// Macro-averaged precision, recall and F1.
    pub summary: Summary,
    /// Share of pages predicted exactly.
    pub accuracy: f64,
    /// Pages scored.
    pub pages: usize,
    /// Pages whose prediction has no tokens.
    pub empty_pred: usize,
    /// Per-page figures, in key order.
    pub rows: Vec<PageCounts>,
    /// Bootstrap spread, when resamples were asked for.
    pub spread: Option<Spread>,
}

/// Scores predictions against the truth, both keyed by page id, as the reference's `score`.
pub fn score(
    truth: &BTreeMap<String, String>,
    pred: &BTreeMap<String, String>,
    n: usize,
    n_bootstrap: usize,
    seed: u32,
) -> Result<Report> {
    if truth.len() != pred.len() || truth.keys().any(|k| !pred.contains_key(k)) {
        let missing = truth.keys().filter(|k| !pred.contains_key(*k)).count();
        bail!("prediction keys differ from ground truth ({missing} missing)");
    }
    let mut rows = Vec::with_capacity(truth.len());
    let mut acc = Vec::with_capacity(truth.len());
    let mut empty_pred = 0;
    for (key, gt) in truth {
        let p = pred.get(key).map_or("", String::as_str);
        rows.push(page_counts(gt, p, n));
        acc.push(if exact(gt, p) { 1.0 } else { 0.0 });
        empty_pred += usize::from(tokens(p).is_empty());
    }
    let pages = rows.len();
    let accuracy = if pages > 0 {
        acc.iter().sum::<f64>() / pages as f64
    } else {
        0.0
    };
    let spread = match n_bootstrap {
        0 => None,
        1 => bail!("a standard deviation needs at least two bootstrap samples"),
        _ => Some(bootstrap(&rows, &acc, n_bootstrap, seed)),
    };
    Ok(Report {
        summary: aggregate(&rows),
        accuracy,
        pages,
        empty_pred,
        rows,
        spread,
    })
}

/// Resamples the pages with replacement, drawing indices exactly as the reference does.
fn bootstrap(rows: &[PageCounts], acc: &[f64], n_bootstrap: usize, seed: u32) -> Spread {
    let mut rng = PyRandom::new(seed);
    let m = rows.len();
    let mut samples: [Vec<f64>; 4] = Default::default();
    let mut idx = Vec::with_capacity(m);
    for _ in 0..n_bootstrap {
        idx.clear();
        idx.extend((0..m).map(|_| rng.randrange(m as u64) as usize));
        let a = aggregate(idx.iter().map(|&i| &rows[i]));
        samples[0].push(a.f1);
        samples[1].push(a.precision);
        samples[2].push(a.recall);
        samples[3].push(idx.iter().map(|&i| acc[i]).sum::<f64>() / m as f64);
    }
    let [f1, precision, recall, accuracy] = samples.map(|s| stdev(&s));
    Spread {
        f1,
        precision,
        recall,
        accuracy,
    }
}

/// Sample standard deviation, as `statistics.stdev`.
fn stdev(values: &[f64]) -> f64 {
    let n = values.len() as f64;
    let mean = values.iter().sum::<f64>() / n;
    let ss: f64 = values.iter().map(|v| (v - mean) * (v - mean)).sum();
    (ss / (n - 1.0)).sqrt()
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn tokens_are_python_word_runs() {
        assert_eq!(
            tokens("Don't stop_now, 3.5²  café — Ⅻ"),
            ["Don", "t", "stop_now", "3", "5²", "café", "Ⅻ"]
        );
        // Combining marks are not word characters for Python: the word splits around them.
        assert_eq!(tokens("नमस्ते"), ["नमस", "त"]);
    }

    #[test]
    fn short_and_empty_texts() {
        let c = page_counts("one two", "one two", 4);
        assert_eq!((c.precision(), c.recall()), (1.0, 1.0));
        let c = page_counts("one two", "one two three", 4);
        assert_eq!((c.tp, c.fp, c.fn_), (0.0, 0.5, 0.5));
        let c = page_counts("", "", 4);
        assert_eq!((c.tp, c.fp, c.fn_), (0.0, 0.0, 0.0));
        let s = aggregate(&[c]);
        assert_eq!((s.precision, s.recall, s.f1), (0.0, 0.0, 0.0));
    }

    #[test]
    fn shingles_count_as_multisets() {
        let c = page_counts("a b c d a b c d", "a b c d", 4);
        // Truth shingles: abcd bcda cdab dabc abcd (5); prediction: abcd (1).
        assert_eq!((c.tp, c.fp, c.fn_), (0.2, 0.0, 0.8));
        assert_eq!((c.precision(), c.recall()), (1.0, 0.2));
    }
}
