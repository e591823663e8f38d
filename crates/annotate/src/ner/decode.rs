//! Greedy left-to-right decoding of a document, shared by tagging and training.
//!
//! Each token's score vector is the sum of the weight rows of its features: the static ones of
//! [`super::features`], gazetteer matches and lexicon (cluster) features of the word and its
//! neighbours, the word's earlier tags in the document, the first pass's tags when this is the
//! second pass, and the two previous tags (alone, with the word, with its shape). The best tag
//! that keeps the BILOU sequence valid wins. Training plugs in through [`Learner`], which sees
//! every decision and may update weights.

use super::context::{Aggregate, DocIndex, History};
use super::features::{is_headline, static_features, Fx, WordInfo};
use super::tags::{allowed, can_end, chunks_from_tags, n_tags, Tag};
use super::weights::Weights;
use super::Resources;

/// Template numbers of the features added here (stable: model files depend on them).
mod tpl {
    pub const PREV: u8 = 100;
    pub const PREV2: u8 = 101;
    pub const PREV_WORD: u8 = 102;
    pub const PREV_SHAPE: u8 = 103;
    pub const HISTORY: u8 = 104;
    pub const FIRST_AT: u8 = 105;
    pub const FIRST_SHAPE: u8 = 106;
    pub const AGGREGATE: u8 = 107;
    pub const GAZ: u8 = 108;
    pub const GAZ_CAP: u8 = 109;
    pub const LEX: u8 = 110;
    pub const LEX_CAP: u8 = 111;
    pub const LEX_AT: u8 = 112;
}

/// Receives every decision while a document is decoded.
pub trait Learner {
    /// Weights to score with.
    fn weights(&self) -> &Weights;
    /// Called with the features and the predicted tag of token `i` of sentence `s`, and the
    /// tag predicted before it (`None` at the start of the sentence).
    fn observe(&mut self, s: usize, i: usize, prev: Option<Tag>, feats: &[u64], pred: Tag);
}

/// Plain tagging: observes nothing.
#[derive(Debug)]
pub struct Fixed<'a>(pub &'a Weights);

impl Learner for Fixed<'_> {
    fn weights(&self) -> &Weights {
        self.0
    }
    fn observe(&mut self, _: usize, _: usize, _: Option<Tag>, _: &[u64], _: Tag) {}
}

/// Tags every sentence of a document (sentences of words) for `n_types` entity types; `first`
/// holds a first pass's tags when this is the second pass.
pub fn decode_document(
    doc: &[Vec<&str>],
    n_types: usize,
    resources: &Resources,
    first: Option<&[Vec<Tag>]>,
    learner: &mut impl Learner,
) -> Vec<Vec<Tag>> {
    let infos: Vec<Vec<WordInfo>> = doc
        .iter()
        .map(|s| s.iter().map(|w| WordInfo::new(w)).collect())
        .collect();
    let index = DocIndex::new(&infos);
    let mut history = History::new(n_types);
    let aggregate = first.map(|f| Aggregate::new(&infos, f, n_types));
    let nt = n_tags(n_types);
    let mut scores = vec![0.0f32; nt];
    let mut feats: Vec<u64> = Vec::with_capacity(96);
    let mut out = Vec::with_capacity(doc.len());
    for (s, (words, info)) in doc.iter().zip(&infos).enumerate() {
        let headline = is_headline(info);
        let hits = resources.gazetteer.hits(info);
        let lex: Vec<&[u32]> = info
            .iter()
            .map(|w| resources.lexicon.get(&w.norm))
            .collect();
        let first_tags = first
            .and_then(|f| f.get(s))
            .filter(|t| t.len() == words.len());
        let first_chunks = first_tags.map(|t| chunks_from_tags(t)).unwrap_or_default();
        let mut tags: Vec<Tag> = Vec::with_capacity(words.len());
        for i in 0..words.len() {
            feats.clear();
            static_features(words, info, i, headline, &index, &mut feats);
            for h in &hits[i] {
                let (list, part) = (u32::from(h.list), u32::from(h.part));
                feats.push(Fx::new(tpl::GAZ).num(list).num(part).key());
                feats.push(
                    Fx::new(tpl::GAZ_CAP)
                        .num(list)
                        .num(part)
                        .str(&info[i].short)
                        .key(),
                );
            }
            lexicon_features(
                &lex,
                i,
                info[i].cap,
                !resources.lexicon.is_empty(),
                &mut feats,
            );
            history.features(&info[i], tpl::HISTORY, &mut feats);
            if let (Some(ft), Some(agg)) = (first_tags, &aggregate) {
                for d in [-1isize, 0, 1] {
                    let j = i as isize + d;
                    let t = (j >= 0)
                        .then(|| ft.get(j as usize))
                        .flatten()
                        .map_or(255, |&t| u32::from(t));
                    feats.push(Fx::new(tpl::FIRST_AT).num(d as u32).num(t).key());
                }
                feats.push(
                    Fx::new(tpl::FIRST_SHAPE)
                        .num(u32::from(ft[i]))
                        .str(&info[i].short)
                        .key(),
                );
                let chunk = first_chunks
                    .iter()
                    .find(|c| c.start <= i && i < c.end)
                    .copied();
                agg.features(info, i, chunk, tpl::AGGREGATE, &mut feats);
            }
            tag_features(&tags, &info[i], &mut feats);
            learner.weights().score(&feats, &mut scores);
            let prev = tags.last().copied();
            let last = i + 1 == words.len();
            let mut best: Option<(Tag, f32)> = None;
            for (t, &sc) in scores.iter().enumerate() {
                let t = t as Tag;
                if allowed(prev, t) && (!last || can_end(t)) && best.is_none_or(|(_, b)| sc > b) {
                    best = Some((t, sc));
                }
            }
            let pred = best.map_or(0, |(t, _)| t);
            learner.observe(s, i, prev, &feats, pred);
            history.record(&info[i], pred);
            tags.push(pred);
        }
        out.push(tags);
    }
    out
}

/// Features of the tags already chosen in this sentence, for the next word `w`.
fn tag_features(tags: &[Tag], w: &WordInfo, out: &mut Vec<u64>) {
    let n = tags.len();
    let p1 = tags.last().map_or(255, |&t| u32::from(t));
    let p2 = if n >= 2 { u32::from(tags[n - 2]) } else { 255 };
    out.push(Fx::new(tpl::PREV).num(p1).key());
    out.push(Fx::new(tpl::PREV2).num(p2).num(p1).key());
    out.push(Fx::new(tpl::PREV_WORD).num(p1).str(&w.norm).key());
    out.push(Fx::new(tpl::PREV_SHAPE).num(p1).str(&w.short).key());
}

/// Lexicon features of word `i`: its features (alone and with its capitalisation), its
/// neighbours' features, or a marker when a non-empty lexicon does not know it.
fn lexicon_features(lex: &[&[u32]], i: usize, cap: bool, active: bool, out: &mut Vec<u64>) {
    if !active {
        return;
    }
    if lex[i].is_empty() {
        out.push(Fx::new(tpl::LEX).num(0).num(u32::from(cap)).key());
    }
    for &f in lex[i] {
        out.push(Fx::new(tpl::LEX).num(f).key());
        out.push(Fx::new(tpl::LEX_CAP).num(f).num(u32::from(cap)).key());
    }
    for d in [-1isize, 1] {
        let j = i as isize + d;
        if j < 0 {
            continue;
        }
        for &f in lex.get(j as usize).copied().unwrap_or(&[]) {
            out.push(Fx::new(tpl::LEX_AT).num(d as u32).num(f).key());
        }
    }
}
