//! Document-level context: how each word is spelled elsewhere in the document, and what the
//! same word was tagged earlier (Ratinov & Roth's non-local features).
//!
//! A capitalised word that also occurs in lower case elsewhere is likely a common word at a
//! sentence start; an upper-case headline word whose title-case form occurs in the body is likely
//! a name; a word already tagged `LOC` twice is likely `LOC` again.

use std::collections::{HashMap, HashSet};

use super::features::{Fx, WordInfo};
use super::tags::{split, Chunk, Tag};

/// Spellings of the words of one document.
#[derive(Debug, Default)]
pub struct DocIndex {
    lower: HashSet<u64>,
    title_mid: HashSet<u64>,
    caps_mid: HashSet<u64>,
}

fn key(norm: &str) -> u64 {
    Fx::new(200).str(norm).key()
}

impl DocIndex {
    /// Indexes a document given as sentences of words.
    pub fn new(sentences: &[Vec<WordInfo>]) -> Self {
        let mut ix = DocIndex::default();
        for sent in sentences {
            for (i, w) in sent.iter().enumerate() {
                let initial =
                    i == 0 || (i == 1 && sent[0].short.chars().all(|c| !c.is_alphanumeric()));
                let first_lower = w.shape.starts_with('x');
                if first_lower {
                    ix.lower.insert(key(&w.norm));
                } else if w.cap && !w.all_caps && !initial {
                    ix.title_mid.insert(key(&w.norm));
                } else if w.all_caps && w.norm.chars().count() > 1 && !initial {
                    ix.caps_mid.insert(key(&w.norm));
                }
            }
        }
        ix
    }

    /// Flags of a word: names of the other spellings it has in the document.
    pub fn flags(&self, w: &WordInfo, initial: bool) -> impl Iterator<Item = &'static str> {
        let k = key(&w.norm);
        let mut out: [Option<&'static str>; 3] = [None; 3];
        if w.cap {
            if self.lower.contains(&k) {
                out[0] = Some(if initial {
                    "lower-elsewhere-initial"
                } else {
                    "lower-elsewhere"
                });
            }
            if w.all_caps && self.title_mid.contains(&k) {
                out[1] = Some("title-elsewhere");
            }
            if initial && !w.all_caps && self.title_mid.contains(&k) {
                out[1] = Some("title-mid-elsewhere");
            }
            if !w.all_caps && self.caps_mid.contains(&k) {
                out[2] = Some("caps-elsewhere");
            }
        }
        out.into_iter().flatten()
    }
}

/// Tags given so far in the document, per word.
#[derive(Debug)]
pub struct History {
    n_types: usize,
    counts: HashMap<u64, Vec<u16>>,
}

impl History {
    /// An empty history for `n_types` entity types.
    pub fn new(n_types: usize) -> Self {
        History {
            n_types,
            counts: HashMap::new(),
        }
    }

    /// Records that the word `w` was tagged `t` (capitalised words only).
    pub fn record(&mut self, w: &WordInfo, t: Tag) {
        if !w.cap {
            return;
        }
        let slot = split(t).map_or(0, |(k, _)| k + 1);
        let counts = self
            .counts
            .entry(key(&w.norm))
            .or_insert_with(|| vec![0; self.n_types + 1]);
        counts[slot] = counts[slot].saturating_add(1);
    }

    /// Appends features for the earlier tags of `w`: each type seen, with its share in thirds.
    pub fn features(&self, w: &WordInfo, tpl: u8, out: &mut Vec<u64>) {
        if !w.cap {
            return;
        }
        let Some(counts) = self.counts.get(&key(&w.norm)) else {
            return;
        };
        let total: u32 = counts.iter().map(|&c| u32::from(c)).sum();
        for (slot, &c) in counts.iter().enumerate() {
            if c > 0 {
                let share = (3 * u32::from(c)).div_ceil(total.max(1));
                out.push(Fx::new(tpl).num(slot as u32).num(share).key());
            }
        }
    }
}

/// What a first tagging pass said about the whole document, for the second pass: each
/// capitalised word's types over all its occurrences, and each entity string's types.
#[derive(Debug)]
pub struct Aggregate {
    words: HashMap<u64, Vec<u16>>,
    chunks: HashMap<u64, Vec<u16>>,
}

impl Aggregate {
    /// Counts the first-pass `tags` of a document's sentences (`infos`).
    pub fn new(infos: &[Vec<WordInfo>], tags: &[Vec<Tag>], n_types: usize) -> Self {
        let mut agg = Aggregate {
            words: HashMap::new(),
            chunks: HashMap::new(),
        };
        for (info, tags) in infos.iter().zip(tags) {
            for (w, &t) in info.iter().zip(tags) {
                if w.cap {
                    let slot = split(t).map_or(0, |(k, _)| k + 1);
                    bump(&mut agg.words, key(&w.norm), slot, n_types);
                }
            }
            for c in super::tags::chunks_from_tags(tags) {
                if let Some(k) = chunk_key(info, c.start, c.end) {
                    bump(&mut agg.chunks, k, c.kind + 1, n_types);
                }
            }
        }
        agg
    }

    /// Appends the aggregate features of word `i` of a sentence (`info`); `chunk` is the
    /// first-pass chunk holding it, if any.
    pub fn features(
        &self,
        info: &[WordInfo],
        i: usize,
        chunk: Option<Chunk>,
        tpl: u8,
        out: &mut Vec<u64>,
    ) {
        let w = &info[i];
        if w.cap {
            if let Some(counts) = self.words.get(&key(&w.norm)) {
                push_shares(counts, Fx::new(tpl).num(0), out);
            }
        }
        if let Some(c) = chunk {
            if let Some(counts) = chunk_key(info, c.start, c.end).and_then(|k| self.chunks.get(&k))
            {
                push_shares(counts, Fx::new(tpl).num(1), out);
            }
        }
    }
}

fn bump(map: &mut HashMap<u64, Vec<u16>>, k: u64, slot: usize, n_types: usize) {
    let counts = map.entry(k).or_insert_with(|| vec![0; n_types + 1]);
    if let Some(c) = counts.get_mut(slot) {
        *c = c.saturating_add(1);
    }
}

fn chunk_key(info: &[WordInfo], start: usize, end: usize) -> Option<u64> {
    let words = info.get(start..end)?;
    Some(words.iter().fold(Fx::new(201), |h, w| h.str(&w.norm)).key())
}

fn push_shares(counts: &[u16], base: Fx, out: &mut Vec<u64>) {
    let total: u32 = counts.iter().map(|&c| u32::from(c)).sum();
    let mut best = (0usize, 0u16);
    for (slot, &c) in counts.iter().enumerate() {
        if c > 0 {
            let share = (3 * u32::from(c)).div_ceil(total.max(1));
            out.push(base.num(slot as u32).num(share).key());
            if c > best.1 {
                best = (slot, c);
            }
        }
    }
    out.push(base.num(99).num(best.0 as u32).num(total.min(3)).key());
}

#[cfg(test)]
mod tests {
    use super::*;

    fn doc(sents: &[&[&str]]) -> Vec<Vec<WordInfo>> {
        sents
            .iter()
            .map(|s| s.iter().map(|w| WordInfo::new(w)).collect())
            .collect()
    }

    #[test]
    fn flags_other_spellings() {
        let d = doc(&[
            &["BONN", "says"],
            &["Officials", "in", "Bonn", "said", "officials", "left"],
        ]);
        let ix = DocIndex::new(&d);
        let bonn_caps = WordInfo::new("BONN");
        assert_eq!(
            ix.flags(&bonn_caps, true).collect::<Vec<_>>(),
            ["title-elsewhere"]
        );
        let officials = WordInfo::new("Officials");
        assert_eq!(
            ix.flags(&officials, true).collect::<Vec<_>>(),
            ["lower-elsewhere-initial"]
        );
    }

    #[test]
    fn history_counts_types() {
        let mut h = History::new(4);
        let w = WordInfo::new("Bonn");
        h.record(
            &w,
            super::super::tags::tag(2, super::super::tags::Part::Unit),
        );
        let mut out = Vec::new();
        h.features(&w, 1, &mut out);
        assert_eq!(out.len(), 1);
    }
}
