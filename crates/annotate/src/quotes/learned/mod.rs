//! A learned cue finder for the long tail of attribution verbs the lexicon does not list
//! ("is once again questioning", "complained about", "has faced questions about", "sings").
//!
//! [`CueModel`] is a binary averaged perceptron over hashed features of a token and its
//! neighbours (words, affixes, what the lexicon makes of them, entity classes, word clusters,
//! quotation marks, sentence position). It marks the last word of a cue whose content follows
//! it; the pass beside the rules (`apply`) then reads that content as the rules read an object
//! cue's, from the next word to where a second perceptron (`ends`) or the clause ends it, with
//! the subject before the cue (else the nearest name or pronoun) as its speaker. Tokens the
//! rules already used as cues, and contents the rules already found, are left alone; the pass
//! also drops a rule's attribution whose cue the model is sure is none, and ends the rules'
//! reported contents as `ends` says.
//!
//! The model is trained on attribution annotations (`CueModel::train`, run by
//! `crates/annotate/build-model.sh`) and stored like the NER model's weights.
//!
//! `features`: what the cue model reads of a token; `ends`: the content-end model; `apply`:
//! the model run over an article beside the rules.

mod apply;
mod ends;
mod features;

use std::collections::HashMap;

use super::frame::Frame;
use crate::entities::{ArticleEntities, ArticleText, TextSpan};
use crate::ner::features::Fx;
use crate::ner::format::{read_weights_file, write_weights_file};
use crate::ner::weights::{Perceptron, Weights};
use crate::ner::FormatError;
pub(crate) use apply::run;
use features::{features, lexicon_classes};

const MAGIC: &[u8; 5] = b"CHCUE";
const VERSION: u8 = 3;
/// Passes over the training texts.
pub const EPOCHS: usize = 6;
/// The lemma given to a cue the lexicon does not hold.
pub const OTHER: &str = "other";

/// One training text's token features and labels.
type Prepared = (Vec<Vec<u64>>, Vec<Option<bool>>);

/// Finds the last word of attribution cues, whatever the verb.
#[derive(Debug, Clone)]
pub struct CueModel {
    weights: Weights,
    /// Where the content after a learned cue ends ([`super::ends`]).
    ends: Weights,
    /// Word clusters (from word embeddings, as the NER model's resources have them): a word's
    /// hash to its cluster at three granularities, so that verbs unseen in training still share
    /// what was learned of their neighbours.
    clusters: Clusters,
}

/// Word hash to cluster ids at three granularities.
pub type Clusters = HashMap<u64, [u16; 3]>;

/// One training text: its blocks, its entities and the cues annotated in it.
#[derive(Debug, Clone)]
pub struct CueExample {
    pub text: ArticleText,
    /// The text's entities, as [`crate::entities::annotate_article`] finds them.
    pub entities: ArticleEntities,
    pub cues: Vec<LabelledCue>,
}

/// An annotated cue: whether its content comes after it (the cues the model learns; the others
/// are left out of training), and that content when it is one piece in the cue's block.
#[derive(Debug, Clone)]
pub struct LabelledCue {
    pub cue: TextSpan,
    pub after: bool,
    pub content: Option<TextSpan>,
}

/// How the model marks a set of texts: tokens, cue ends among them, the tokens it marks and
/// how many of those are cue ends.
#[derive(Debug, Clone, Copy, Default)]
pub struct TrainReport {
    pub tokens: usize,
    pub cue_ends: usize,
    pub found: usize,
    pub found_right: usize,
    /// Contents after a cue, and those the end model ends where the annotation does.
    pub contents: usize,
    pub ends_right: usize,
}

impl CueModel {
    /// Trains on `examples` for `epochs` passes, in the order given (deterministic).
    pub fn train(
        examples: &[CueExample],
        clusters: Clusters,
        epochs: usize,
    ) -> (CueModel, TrainReport) {
        let prepared: Vec<Prepared> = examples
            .iter()
            .map(|ex| {
                let frame = Frame::new(&ex.text, &ex.entities);
                let labels = labels(&frame, &ex.cues);
                let lex = lexicon_classes(&frame);
                let feats = (0..frame.tokens.len())
                    .map(|k| features(&frame, &lex, &clusters, k))
                    .collect();
                (feats, labels)
            })
            .collect();
        let end_examples: Vec<(Vec<u64>, bool)> = examples
            .iter()
            .flat_map(|ex| {
                let frame = Frame::new(&ex.text, &ex.entities);
                let lex = lexicon_classes(&frame);
                ex.cues
                    .iter()
                    .filter_map(|c| content_after(&frame, c))
                    .flat_map(|(cue, start, last)| {
                        (start..=last)
                            .map(|t| (ends::features(&frame, &lex, cue, start, t), t == last))
                            .collect::<Vec<_>>()
                    })
                    .collect::<Vec<_>>()
            })
            .collect();
        let mut p = Perceptron::new(2);
        let mut ends = Perceptron::new(2);
        for epoch in 0..epochs {
            // Each pass reads the texts in its own fixed order: a perceptron learns better from
            // shuffled data, and the order stays the same from run to run.
            let mut order: Vec<usize> = (0..prepared.len()).collect();
            order.sort_by_key(|&i| Fx::new(200).num(epoch as u32).num(i as u32).key());
            for (feats, labels) in order.iter().map(|&i| &prepared[i]) {
                for (f, label) in feats.iter().zip(labels) {
                    if let Some(gold) = label {
                        learn(&mut p, f, *gold);
                    }
                }
            }
            for (f, gold) in &end_examples {
                learn(&mut ends, f, *gold);
            }
        }
        let model = CueModel {
            weights: p.averaged(),
            ends: ends.averaged(),
            clusters,
        };
        let report = model.evaluate(examples);
        (model, report)
    }

    /// How the model marks the cue ends of `examples`.
    pub fn evaluate(&self, examples: &[CueExample]) -> TrainReport {
        let mut report = TrainReport::default();
        for ex in examples {
            let frame = Frame::new(&ex.text, &ex.entities);
            let lex = lexicon_classes(&frame);
            for (k, label) in labels(&frame, &ex.cues).into_iter().enumerate() {
                let Some(gold) = label else { continue };
                report.tokens += 1;
                report.cue_ends += usize::from(gold);
                if self.is_cue_end(&frame, &lex, k) {
                    report.found += 1;
                    report.found_right += usize::from(gold);
                }
            }
            for (cue, start, last) in ex.cues.iter().filter_map(|c| content_after(&frame, c)) {
                let end = frame.sentence_tokens(start).end;
                let stop = ends::content_stop(&frame, &lex, &self.ends, cue, start, end);
                report.contents += 1;
                report.ends_right += usize::from(stop == last + 1);
            }
        }
        report
    }

    /// Reads a model written by [`CueModel::to_bytes`].
    pub fn from_bytes(bytes: &[u8]) -> Result<Self, FormatError> {
        let (sets, extra) = read_weights_file(bytes, MAGIC, VERSION, &[2, 2])?;
        let mut sets = sets.into_iter();
        let (Some(weights), Some(ends)) = (sets.next(), sets.next()) else {
            return Err(FormatError("missing weight sets".into()));
        };
        // The cluster table: `u64` word hash and three `u16` ids per word.
        let clusters = extra
            .chunks_exact(14)
            .map(|c| {
                let at = |i: usize| u16::from_le_bytes([c[8 + 2 * i], c[9 + 2 * i]]);
                let mut key = [0u8; 8];
                key.copy_from_slice(&c[..8]);
                (u64::from_le_bytes(key), [at(0), at(1), at(2)])
            })
            .collect();
        Ok(CueModel {
            weights,
            ends,
            clusters,
        })
    }

    /// The model file's bytes.
    pub fn to_bytes(&self) -> Vec<u8> {
        let mut words: Vec<(&u64, &[u16; 3])> = self.clusters.iter().collect();
        words.sort_unstable();
        let mut extra = Vec::with_capacity(words.len() * 14);
        for (key, ids) in words {
            extra.extend(key.to_le_bytes());
            for id in ids {
                extra.extend(id.to_le_bytes());
            }
        }
        write_weights_file(MAGIC, VERSION, &[&self.weights, &self.ends], &extra)
    }

    /// Reads a cluster file (`word<TAB>c50:8 c100:57 c200:124 ...`, as the NER resources build
    /// it): the ids at the 50, 200 and 1000 cluster granularities.
    pub fn read_clusters(tsv: &str) -> Clusters {
        tsv.lines()
            .filter_map(|line| {
                let (word, ids) = line.split_once('\t')?;
                let id = |name: &str| {
                    ids.split_whitespace()
                        .find_map(|p| p.strip_prefix(name)?.strip_prefix(':')?.parse().ok())
                };
                let key = Fx::new(250).str(&word.to_lowercase()).key();
                Some((key, [id("c50")?, id("c200")?, id("c1000")?]))
            })
            .collect()
    }

    /// Whether token `k` of the frame ends a cue; `lex` is [`lexicon_classes`] of the frame.
    pub(crate) fn is_cue_end(&self, frame: &Frame, lex: &[&'static str], k: usize) -> bool {
        self.margin(frame, lex, k) > 0.0
    }

    /// A model that reads every token as no cue end by `margin` (tests of the veto).
    #[cfg(test)]
    pub(crate) fn sure_of_none(margin: f32) -> CueModel {
        let mut p = Perceptron::new(2);
        let bias = [Fx::new(0).key()];
        for _ in 0..margin as usize {
            p.update(&bias, 0, 1);
        }
        CueModel {
            ends: p.current.clone(),
            weights: p.current,
            clusters: Clusters::default(),
        }
    }

    /// How much more the model reads token `k` as a cue end than not.
    pub(crate) fn margin(&self, frame: &Frame, lex: &[&'static str], k: usize) -> f32 {
        let mut s = [0f32; 2];
        self.weights
            .score(&features(frame, lex, &self.clusters, k), &mut s);
        s[1] - s[0]
    }
}

/// One perceptron step towards `gold` on features `f`.
fn learn(p: &mut Perceptron, f: &[u64], gold: bool) {
    let mut scores = [0f32; 2];
    p.current.score(f, &mut scores);
    p.update(f, usize::from(gold), usize::from(scores[1] > scores[0]));
    p.tick();
}

/// For a cue whose one-piece content follows it closely in the same sentence: the cue's last
/// token, and the content's first and last tokens.
fn content_after(frame: &Frame, c: &LabelledCue) -> Option<(usize, usize, usize)> {
    let (_, cue_end) = frame.place(&c.cue)?;
    let (s, e) = frame.place(c.content.as_ref()?)?;
    let cue = frame.token_from(cue_end).checked_sub(1)?;
    let (start, last) = (frame.token_from(s), frame.token_from(e).checked_sub(1)?);
    let sentence = frame.sentence_tokens(start);
    let close = start > cue && start - cue <= ends::CUE_GAP_MAX;
    (close && last >= start && last < sentence.end && last - start < ends::READ_MAX)
        .then_some((cue, start, last))
}

/// Per token: `Some(true)` where a cue with content after it ends, `None` inside other cues
/// (left out), `Some(false)` elsewhere.
fn labels(frame: &Frame, cues: &[LabelledCue]) -> Vec<Option<bool>> {
    let mut out = vec![Some(false); frame.tokens.len()];
    for LabelledCue {
        cue: span, after, ..
    } in cues
    {
        let Some((s, e)) = frame.place(span) else {
            continue;
        };
        let first = frame.token_from(s);
        let last = frame.token_from(e).saturating_sub(1);
        for slot in out.get_mut(first..=last).into_iter().flatten() {
            *slot = None;
        }
        if *after {
            if let Some(slot) = out.get_mut(last) {
                *slot = Some(true);
            }
        }
    }
    out
}
