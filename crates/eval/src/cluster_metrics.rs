//! Clustering scores: B-cubed precision, recall and F1 (Bagga and Baldwin, 1998) and the adjusted
//! Rand index (Hubert and Arabie, 1985), for a predicted and a gold label per item.

use std::collections::HashMap;
use std::hash::Hash;

/// B-cubed precision, recall and F1 (of the two averages).
#[derive(Debug, Clone, Copy, PartialEq)]
pub struct BCubed {
    /// Mean over items of the share of its predicted cluster that shares its gold cluster.
    pub precision: f64,
    /// Mean over items of the share of its gold cluster that shares its predicted cluster.
    pub recall: f64,
    /// Harmonic mean of the two.
    pub f1: f64,
}

/// B-cubed scores of `predicted` against `gold` (one label each per item, same length).
pub fn b_cubed<P: Eq + Hash, G: Eq + Hash>(predicted: &[P], gold: &[G]) -> BCubed {
    let n = predicted.len().min(gold.len());
    if n == 0 {
        return BCubed {
            precision: 1.0,
            recall: 1.0,
            f1: 1.0,
        };
    }
    let mut predicted_size: HashMap<&P, usize> = HashMap::new();
    let mut gold_size: HashMap<&G, usize> = HashMap::new();
    let mut both: HashMap<(&P, &G), usize> = HashMap::new();
    for (p, g) in predicted.iter().zip(gold) {
        *predicted_size.entry(p).or_default() += 1;
        *gold_size.entry(g).or_default() += 1;
        *both.entry((p, g)).or_default() += 1;
    }
    let (mut precision, mut recall) = (0.0, 0.0);
    for (p, g) in predicted.iter().zip(gold) {
        let shared = both[&(p, g)] as f64;
        precision += shared / predicted_size[p] as f64;
        recall += shared / gold_size[g] as f64;
    }
    let (precision, recall) = (precision / n as f64, recall / n as f64);
    let f1 = if precision + recall > 0.0 {
        2.0 * precision * recall / (precision + recall)
    } else {
        0.0
    };
    BCubed {
        precision,
        recall,
        f1,
    }
}

/// The adjusted Rand index of `predicted` against `gold`.
pub fn adjusted_rand_index<P: Eq + Hash, G: Eq + Hash>(predicted: &[P], gold: &[G]) -> f64 {
    let n = predicted.len().min(gold.len());
    let pairs = |k: usize| (k * k.saturating_sub(1) / 2) as f64;
    let mut predicted_size: HashMap<&P, usize> = HashMap::new();
    let mut gold_size: HashMap<&G, usize> = HashMap::new();
    let mut both: HashMap<(&P, &G), usize> = HashMap::new();
    for (p, g) in predicted.iter().zip(gold) {
        *predicted_size.entry(p).or_default() += 1;
        *gold_size.entry(g).or_default() += 1;
        *both.entry((p, g)).or_default() += 1;
    }
    let index: f64 = both.values().map(|&k| pairs(k)).sum();
    let predicted_pairs: f64 = predicted_size.values().map(|&k| pairs(k)).sum();
    let gold_pairs: f64 = gold_size.values().map(|&k| pairs(k)).sum();
    let total = pairs(n);
    if total == 0.0 {
        return 1.0;
    }
    let expected = predicted_pairs * gold_pairs / total;
    let maximum = (predicted_pairs + gold_pairs) / 2.0;
    if maximum == expected {
        return 1.0;
    }
    (index - expected) / (maximum - expected)
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn perfect_clustering_scores_one() {
        let labels = [1, 1, 2, 2, 3];
        let names = ["a", "a", "b", "b", "c"];
        assert_eq!(b_cubed(&labels, &names).f1, 1.0);
        assert!((adjusted_rand_index(&labels, &names) - 1.0).abs() < 1e-12);
    }

    #[test]
    fn one_big_cluster_has_full_recall_and_poor_precision() {
        let predicted = [0, 0, 0, 0];
        let gold = [1, 1, 2, 2];
        let scores = b_cubed(&predicted, &gold);
        assert_eq!(scores.recall, 1.0);
        assert_eq!(scores.precision, 0.5);
        assert!(adjusted_rand_index(&predicted, &gold).abs() < 1e-12);
    }

    #[test]
    fn known_adjusted_rand_index() {
        // sklearn.metrics.adjusted_rand_score([0, 0, 1, 1], [0, 0, 1, 2]) = 0.5714285714285715
        let ari = adjusted_rand_index(&[0, 0, 1, 2], &[0, 0, 1, 1]);
        assert!((ari - 0.571_428_571_428_571_5).abs() < 1e-12, "{ari}");
    }
}
