//! Training: an averaged perceptron over greedy decoding, documents shuffled by a seeded
//! generator so that a run is reproducible.
//!
//! Each epoch decodes every training document with the current weights, using the predicted
//! tags as history (as at tagging time), and updates the weights wherever a token's prediction
//! differs from its gold tag. The model after each epoch holds the averaged weights.
//!
//! With `folds >= 2` a second pass is trained on top of the first (stacking): the training
//! documents are split into folds, each fold is tagged by a first-pass model trained on the other
//! folds, and the second pass learns from those honest first-pass tags, as it will see them on
//! new text.
//!
//! With `ensemble > 1` each pass is trained that many times from different shuffles and the
//! averaged weights are kept (one model, same tagging speed; a few more features). The
//! jackknifed first-pass tags come from single models.

use super::decode::{decode_document, Fixed, Learner};
use super::tags::{allowed, split, tag, Part, Tag};
use super::weights::{Perceptron, Weights};
use super::NerModel;
use super::Resources;

/// Options of [`train`].
#[derive(Debug, Clone)]
pub struct TrainConfig {
    /// Passes over the training documents for the first pass.
    pub epochs: usize,
    /// Passes over the training documents for the second pass (it overfits sooner).
    pub second_epochs: usize,
    /// Seed of the document shuffle.
    pub seed: u64,
    /// Folds for the second pass's first-pass tags; below 2, the model has one pass.
    pub folds: usize,
    /// Models trained per pass with different shuffles (seeds `seed`, `seed + 1`...) and
    /// averaged into one; 1 trains a single model.
    pub ensemble: usize,
}

impl Default for TrainConfig {
    fn default() -> Self {
        TrainConfig {
            epochs: 8,
            second_epochs: 8,
            seed: 2003,
            folds: 5,
            ensemble: 10,
        }
    }
}

/// One training document: sentences of words and their gold BILOU tags.
#[derive(Debug, Clone, Default)]
pub struct TrainDoc {
    /// Sentences of words.
    pub sentences: Vec<Vec<String>>,
    /// Gold tags, one per word (see [`super::tags`]).
    pub tags: Vec<Vec<Tag>>,
}

/// Trains a model for entity `types` on `docs`; `on_epoch(pass, epoch, model)` sees the model
/// after every epoch of the final first pass (1) and of the second pass (2); epochs count from 1,
/// and epoch 0 is the averaged ensemble when `config.ensemble > 1`.
pub fn train(
    types: &[String],
    resources: &Resources,
    docs: &[TrainDoc],
    config: &TrainConfig,
    mut on_epoch: impl FnMut(usize, usize, &NerModel),
) -> NerModel {
    let corpus = Corpus {
        n_types: types.len(),
        resources,
        docs,
        words: docs
            .iter()
            .map(|d| {
                d.sentences
                    .iter()
                    .map(|s| s.iter().map(String::as_str).collect())
                    .collect()
            })
            .collect(),
        seed: config.seed,
    };
    let all: Vec<usize> = (0..docs.len()).collect();
    let model_of =
        |stages: Vec<Weights>| NerModel::from_weights(types.to_vec(), resources.clone(), stages);

    let members = config.ensemble.max(1);
    // First-pass tags of every training document from models that did not see it.
    let mut first: Vec<Vec<Vec<Tag>>> = Vec::new();
    if config.folds >= 2 {
        first = vec![Vec::new(); docs.len()];
        for f in 0..config.folds {
            let train_on: Vec<usize> = all
                .iter()
                .copied()
                .filter(|d| d % config.folds != f)
                .collect();
            let w = corpus.train_pass(None, &train_on, config.epochs, |_, _| {});
            for d in all.iter().copied().filter(|d| d % config.folds == f) {
                first[d] = decode_document(
                    &corpus.words[d],
                    corpus.n_types,
                    resources,
                    None,
                    &mut Fixed(&w),
                );
            }
        }
    }
    let mut stage1 = Weights::new(super::tags::n_tags(corpus.n_types));
    for m in 0..members {
        let w = corpus.train_pass_seeded(
            None,
            &all,
            config.epochs,
            config.seed + m as u64,
            |epoch, w| {
                if m == 0 {
                    on_epoch(1, epoch, &model_of(vec![w.clone()]));
                }
            },
        );
        stage1.add_scaled(&w, 1.0 / members as f32);
    }
    if members > 1 {
        on_epoch(1, 0, &model_of(vec![stage1.clone()]));
    }
    if config.folds < 2 {
        return model_of(vec![stage1]);
    }
    let mut stage2 = Weights::new(super::tags::n_tags(corpus.n_types));
    for m in 0..members {
        let w = corpus.train_pass_seeded(
            Some(&first),
            &all,
            config.second_epochs,
            config.seed + m as u64,
            |epoch, w| {
                if m == 0 {
                    on_epoch(2, epoch, &model_of(vec![stage1.clone(), w.clone()]));
                }
            },
        );
        stage2.add_scaled(&w, 1.0 / members as f32);
    }
    if members > 1 {
        on_epoch(2, 0, &model_of(vec![stage1.clone(), stage2.clone()]));
    }
    model_of(vec![stage1, stage2])
}

/// The training documents, split into words once.
struct Corpus<'a> {
    n_types: usize,
    resources: &'a Resources,
    docs: &'a [TrainDoc],
    words: Vec<Vec<Vec<&'a str>>>,
    seed: u64,
}

impl Corpus<'_> {
    /// Trains one pass for `epochs` on the documents `subset`; `first` holds first-pass tags
    /// for a second pass.
    fn train_pass(
        &self,
        first: Option<&[Vec<Vec<Tag>>]>,
        subset: &[usize],
        epochs: usize,
        on_epoch: impl FnMut(usize, &Weights),
    ) -> Weights {
        self.train_pass_seeded(first, subset, epochs, self.seed, on_epoch)
    }

    /// [`Self::train_pass`] with documents shuffled from `seed`.
    fn train_pass_seeded(
        &self,
        first: Option<&[Vec<Vec<Tag>>]>,
        subset: &[usize],
        epochs: usize,
        seed: u64,
        mut on_epoch: impl FnMut(usize, &Weights),
    ) -> Weights {
        let mut perceptron = Perceptron::new(super::tags::n_tags(self.n_types));
        let mut order = subset.to_vec();
        let mut rng = XorShift(seed.max(1));
        for epoch in 1..=epochs {
            rng.shuffle(&mut order);
            for &d in &order {
                let mut learner = Learning {
                    perceptron: &mut perceptron,
                    gold: &self.docs[d].tags,
                };
                let first_tags = first.map(|f| f[d].as_slice());
                decode_document(
                    &self.words[d],
                    self.n_types,
                    self.resources,
                    first_tags,
                    &mut learner,
                );
            }
            on_epoch(epoch, &perceptron.averaged());
        }
        perceptron.averaged()
    }
}

struct Learning<'a> {
    perceptron: &'a mut Perceptron,
    gold: &'a [Vec<Tag>],
}

impl Learner for Learning<'_> {
    fn weights(&self) -> &Weights {
        &self.perceptron.current
    }

    fn observe(&mut self, s: usize, i: usize, prev: Option<Tag>, feats: &[u64], pred: Tag) {
        self.perceptron.tick();
        let gold = self
            .gold
            .get(s)
            .and_then(|t| t.get(i))
            .copied()
            .unwrap_or(0);
        let target = oracle(prev, gold);
        self.perceptron
            .update(feats, usize::from(target), usize::from(pred));
    }
}

/// The best tag reachable after `prev` (possibly a wrong prediction) when the gold tag is
/// `gold`: `gold` itself when the sequence allows it; otherwise closing the wrongly open entity
/// at once (`L`), or opening the entity whose start was missed (`B` or `U`). Training towards it
/// rather than towards an unreachable gold tag teaches the tagger to recover from its mistakes.
fn oracle(prev: Option<Tag>, gold: Tag) -> Tag {
    if allowed(prev, gold) {
        return gold;
    }
    match (prev.and_then(split), split(gold)) {
        (Some((k, Part::Begin | Part::Inside)), _) => tag(k, Part::Last),
        (_, Some((j, Part::Inside))) => tag(j, Part::Begin),
        (_, Some((j, _))) => tag(j, Part::Unit),
        _ => gold,
    }
}

/// A small deterministic generator (xorshift64*).
#[derive(Debug)]
struct XorShift(u64);

impl XorShift {
    fn next(&mut self) -> u64 {
        self.0 ^= self.0 >> 12;
        self.0 ^= self.0 << 25;
        self.0 ^= self.0 >> 27;
        self.0.wrapping_mul(0x2545_f491_4f6c_dd1d)
    }

    fn shuffle<T>(&mut self, items: &mut [T]) {
        for i in (1..items.len()).rev() {
            let j = (self.next() % (i as u64 + 1)) as usize;
            items.swap(i, j);
        }
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn oracle_recovers_from_wrong_history() {
        let b_per = tag(0, Part::Begin);
        // Gold reachable: keep it.
        assert_eq!(oracle(Some(b_per), tag(0, Part::Last)), tag(0, Part::Last));
        // A wrongly opened entity closes at once.
        assert_eq!(oracle(Some(b_per), 0), tag(0, Part::Last));
        assert_eq!(oracle(Some(b_per), tag(1, Part::Begin)), tag(0, Part::Last));
        // A missed start opens the gold entity.
        assert_eq!(oracle(Some(0), tag(2, Part::Inside)), tag(2, Part::Begin));
        assert_eq!(oracle(None, tag(2, Part::Last)), tag(2, Part::Unit));
    }
}
