//! Exact and near-duplicate articles, found incrementally and grouped.
//!
//! Adding an article hashes its words once: the normalised word sequence gives the exact key, the
//! `k`-word shingles give the MinHash signature whose bands find candidates, and every candidate
//! is verified by the real Jaccard similarity of the two shingle sets, so a reported match is
//! never a guess. An article that matches joins the group of its most similar verified match
//! (when only groups are wanted, of the first one verified, candidates taken by the number of
//! bands they share, an estimate of similarity that costs nothing); otherwise it starts a group
//! of its own.
//!
//! A group's canonical article is the earliest-dated member; among members with the same (or no)
//! date, the one with more words, then the one added first. Dated members come before undated
//! ones, since a copy's date is the better evidence of when the text first appeared.
//!
//! Most candidates in a corpus rich in copies fall short of the threshold. Before computing a
//! Jaccard similarity exactly, two 512-bin sketches (a second one-permutation signature, four
//! bits a bin, b-bit MinHash in the manner of Li and König) are compared: a bin agrees with
//! probability `s + (1 - s) / 16` for similarity `s`, so a pair whose bins agree far less often
//! than the threshold implies is set aside unverified. The margin is 4.5 standard deviations of
//! the count, taken over the bins a shingle really fell into (densified bins repeat others and
//! add no evidence), so a pair at the threshold is set aside about three times in a million;
//! acceptance is by the exact Jaccard similarity while both shingle sets are held.
//!
//! Memory per article: 256 bytes of sketch, four bytes per band for the bucket chains and a small
//! record, for as long as the index lives; its shingle set as sorted 32-bit hashes (exact copies
//! share the original's) only while the newest sets fit in [`DedupConfig::max_shingle_bytes`].
//! The oldest sets are dropped past that, so memory grows by a few hundred bytes per article
//! rather than by its text. A candidate whose set was dropped is judged by its sketch: the
//! similarity is estimated from the share of agreeing bins (standard error about 0.02 at 0.8),
//! so copies that arrive long after their original are still found.

mod lsh;
mod minhash;
mod shingle;

pub use minhash::candidate_probability;

use chrono::NaiveDate;
use rustc_hash::FxHashMap;
use serde::{Deserialize, Serialize};

use crate::ConfigError;
use lsh::BandTables;
use minhash::{MinHasher, Sketch, SKETCH_BINS};
use rayon::prelude::*;
use shingle::{compact, SetProbe, Shingler, TextKey};

/// An article's number in a [`DedupIndex`], in the order articles were added (from 0).
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash, PartialOrd, Ord, Serialize, Deserialize)]
pub struct DocId(pub u32);

/// A duplicate group's number in a [`DedupIndex`], in the order groups were started (from 0).
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash, PartialOrd, Ord, Serialize, Deserialize)]
pub struct GroupId(pub u32);

/// How near duplicates are found.
#[derive(Debug, Clone, PartialEq)]
pub struct DedupConfig {
    /// Words per shingle.
    pub shingle_words: usize,
    /// Number of LSH bands.
    pub bands: usize,
    /// MinHash values per band.
    pub rows: usize,
    /// Verified Jaccard similarity from which two articles are near duplicates.
    pub threshold: f64,
    /// Seed of the MinHash permutations; indexes to be compared must share it.
    pub seed: u64,
    /// Shingle sets held for exact verification, newest first, in bytes; older articles are
    /// verified by their sketches (see the module documentation).
    pub max_shingle_bytes: usize,
    /// Verify every candidate and report every earlier article at or above the threshold
    /// (`true`), or stop at the first verified match, trying candidates by the bands they share,
    /// which is all grouping needs (`false`, the default and several times faster in corpora
    /// rich in copies).
    pub all_matches: bool,
}

impl Default for DedupConfig {
    /// 5-word shingles and 20 bands of 5 rows: a pair at similarity 0.8 becomes a candidate with
    /// probability 0.9996, a pair at 0.5 with 0.47 and at 0.3 with 0.05, so few candidates are
    /// verified in vain and almost none above the threshold is missed.
    fn default() -> Self {
        Self {
            shingle_words: 5,
            bands: 20,
            rows: 5,
            threshold: 0.8,
            seed: 0x6368_616e_6365_7279,
            max_shingle_bytes: 256 << 20,
            all_matches: false,
        }
    }
}

impl DedupConfig {
    /// Checks that every parameter means something.
    pub fn validate(&self) -> Result<(), ConfigError> {
        let out_of_range = |name, expected, got: String| {
            Err(ConfigError::OutOfRange {
                name,
                expected,
                got,
            })
        };
        if self.shingle_words == 0 {
            return out_of_range("shingle_words", "at least 1", "0".into());
        }
        if self.bands == 0 || self.rows == 0 || self.bands * self.rows > 4096 {
            return out_of_range(
                "bands × rows",
                "between 1 and 4096, neither 0",
                format!("{} × {}", self.bands, self.rows),
            );
        }
        if !(self.threshold > 0.0 && self.threshold <= 1.0) {
            return out_of_range("threshold", "in (0, 1]", self.threshold.to_string());
        }
        Ok(())
    }
}

/// How an added article relates to those before it.
#[derive(Debug, Clone, Copy, PartialEq, Serialize, Deserialize)]
#[serde(tag = "kind", rename_all = "lowercase")]
pub enum MatchKind {
    /// No earlier article is a duplicate: the article starts a group.
    New,
    /// The same words as an earlier article (case, punctuation and spacing aside).
    Exact {
        /// The earlier article.
        of: DocId,
    },
    /// Shingle Jaccard similarity at or above the threshold with an earlier article.
    Near {
        /// The most similar earlier article.
        of: DocId,
        /// Their Jaccard similarity.
        jaccard: f64,
    },
}

/// What [`DedupIndex::add`] found.
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
pub struct DedupOutcome {
    /// The new article's number.
    pub doc: DocId,
    /// The group it joined or started.
    pub group: GroupId,
    /// How it relates to earlier articles.
    pub kind: MatchKind,
    /// Earlier articles verified at or above the threshold, with their similarity, by number:
    /// every one with [`DedupConfig::all_matches`], else the one that settled the group.
    pub matches: Vec<(DocId, f64)>,
}

impl DedupOutcome {
    /// Whether the article is a copy (exact or near) of an earlier one.
    pub fn is_copy(&self) -> bool {
        !matches!(self.kind, MatchKind::New)
    }
}

/// A group of copies of one text.
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
pub struct DupGroup {
    /// The member that stands for the group (see the module documentation for the rule).
    pub canonical: DocId,
    /// Every member, in the order added.
    pub members: Vec<DocId>,
}

#[derive(Debug, Clone, Copy)]
struct DocRecord {
    group: u32,
    date: Option<NaiveDate>,
    words: u32,
    /// Where the shingle set lies in the shared arena.
    shingles_start: u64,
    shingles_len: u32,
    /// Sketch bins a shingle fell into.
    sketch_filled: u16,
    /// Kept beside the record so that checking a candidate reads one stretch of memory.
    sketch: Sketch,
}

/// Incremental duplicate index: add articles one at a time, each is told its group at once.
#[derive(Debug)]
pub struct DedupIndex {
    config: DedupConfig,
    /// Scratch for [`DedupIndex::add`]'s own preparing.
    preparer: Preparer,
    tables: BandTables,
    /// The newest shingle sets, back to back.
    arena: Vec<u32>,
    /// Position of `arena[0]` among every shingle ever stored: records keep absolute positions,
    /// and those before it were dropped.
    arena_base: u64,
    docs: Vec<DocRecord>,
    groups: Vec<DupGroup>,
    exact: FxHashMap<u64, u32>,
    keys: Vec<u64>,
    candidates: Vec<u32>,
    probe: SetProbe,
    /// Fewest agreeing sketch bins with which a pair is still verified exactly, by the number
    /// of independent bins (the smaller of the two articles' filled bins).
    min_agreeing_bins: Vec<u16>,
    stats: DedupStats,
}

/// Work counters of a [`DedupIndex`], for benchmarks and capacity planning.
#[derive(Debug, Clone, Copy, Default, PartialEq, Eq, Serialize, Deserialize)]
pub struct DedupStats {
    /// Articles added.
    pub articles: u64,
    /// Distinct candidates the band tables proposed, over all additions.
    pub candidates: u64,
    /// Candidates whose Jaccard similarity was computed (the others were ruled out by their
    /// sizes or signatures).
    pub verified: u64,
    /// Candidates at or above the threshold.
    pub matches: u64,
    /// 32-bit shingle hashes stored (exact copies store none).
    pub stored_shingles: u64,
}

/// An article's text hashed for an index: its shingles, band keys and sketch, which depend on
/// the text alone ([`Preparer::prepare`]); [`DedupIndex::add_prepared`] then places it.
#[derive(Debug, Clone)]
pub struct PreparedText {
    key: TextKey,
    shingles: Vec<u64>,
    band_keys: Vec<u64>,
    sketch: Sketch,
    sketch_filled: usize,
}

/// Hashes texts the way one index does; one per thread (see [`DedupIndex::preparer`]).
#[derive(Debug, Clone)]
pub struct Preparer {
    shingle_words: usize,
    shingler: Shingler,
    hasher: MinHasher,
}

impl Preparer {
    /// The shingles, band keys and sketch of `text`.
    pub fn prepare(&mut self, text: &str) -> PreparedText {
        let key = self.shingler.shingle(text, self.shingle_words);
        let mut band_keys = Vec::new();
        self.hasher.band_keys(&self.shingler.hashes, &mut band_keys);
        PreparedText {
            key,
            shingles: self.shingler.hashes.clone(),
            band_keys,
            sketch: self.hasher.sketch(),
            sketch_filled: self.hasher.sketch_filled(),
        }
    }
}

impl DedupIndex {
    /// An empty index.
    pub fn new(config: DedupConfig) -> Result<Self, ConfigError> {
        config.validate()?;
        Ok(Self {
            preparer: Preparer {
                shingle_words: config.shingle_words,
                shingler: Shingler::default(),
                hasher: MinHasher::new(config.bands, config.rows, config.seed),
            },
            tables: BandTables::new(config.bands),
            arena: Vec::new(),
            arena_base: 0,
            docs: Vec::new(),
            groups: Vec::new(),
            exact: FxHashMap::default(),
            keys: Vec::new(),
            candidates: Vec::new(),
            probe: SetProbe::default(),
            min_agreeing_bins: (0..=SKETCH_BINS)
                .map(|filled| min_agreeing_bins(config.threshold, filled))
                .collect(),
            stats: DedupStats::default(),
            config,
        })
    }

    /// Adds an article (its title and body as one text, with its date if known) and returns the
    /// group it joined and every earlier article it duplicates.
    pub fn add(&mut self, text: &str, date: Option<NaiveDate>) -> DedupOutcome {
        let prepared = self.preparer.prepare(text);
        self.add_prepared(prepared, date)
    }

    /// Adds articles in order, as [`DedupIndex::add`] would one by one, hashing their texts on
    /// every core first: hashing depends on each text alone, only the additions that follow read
    /// the index.
    pub fn add_batch(&mut self, articles: &[(&str, Option<NaiveDate>)]) -> Vec<DedupOutcome> {
        let preparer = self.preparer();
        let prepared: Vec<PreparedText> = articles
            .par_iter()
            .map_init(|| preparer.clone(), |p, (text, _)| p.prepare(text))
            .collect();
        prepared
            .into_iter()
            .zip(articles)
            .map(|(p, (_, date))| self.add_prepared(p, *date))
            .collect()
    }

    /// A preparer of texts for this index, for callers hashing on threads of their own.
    pub fn preparer(&self) -> Preparer {
        Preparer {
            shingle_words: self.config.shingle_words,
            shingler: Shingler::default(),
            hasher: self.preparer.hasher.clone(),
        }
    }

    /// Adds an article prepared by this index's [`Preparer`].
    pub fn add_prepared(
        &mut self,
        prepared: PreparedText,
        date: Option<NaiveDate>,
    ) -> DedupOutcome {
        let doc = u32::try_from(self.docs.len()).unwrap_or(u32::MAX);
        let PreparedText {
            key,
            shingles,
            band_keys,
            sketch,
            sketch_filled,
        } = prepared;
        self.keys = band_keys;
        let exact_of = self.exact.get(&key.exact).copied();
        let held = exact_of
            .map(|original| &self.docs[original as usize])
            .filter(|record| record.shingles_start >= self.arena_base);
        let (shingles_start, shingles_len) = match held {
            // An exact copy shares its original's shingles while they are held.
            Some(record) => (record.shingles_start, record.shingles_len),
            None => {
                self.make_room(shingles.len());
                let start = self.arena.len();
                compact(&shingles, &mut self.arena);
                let len = self.arena.len() - start;
                self.stats.stored_shingles += len as u64;
                (
                    self.arena_base + start as u64,
                    u32::try_from(len).unwrap_or(u32::MAX),
                )
            }
        };
        let matches = self.verified_matches(shingles_start, shingles_len, &sketch, sketch_filled);
        let kind = match (exact_of, matches.first()) {
            (Some(original), _) => MatchKind::Exact {
                of: DocId(original),
            },
            (None, Some(&(of, jaccard))) => MatchKind::Near { of, jaccard },
            (None, None) => MatchKind::New,
        };
        let group = match kind {
            MatchKind::Exact { of } | MatchKind::Near { of, .. } => {
                let group = self.docs[of.0 as usize].group;
                self.groups[group as usize].members.push(DocId(doc));
                group
            }
            MatchKind::New => {
                self.groups.push(DupGroup {
                    canonical: DocId(doc),
                    members: vec![DocId(doc)],
                });
                u32::try_from(self.groups.len() - 1).unwrap_or(u32::MAX)
            }
        };
        self.docs.push(DocRecord {
            group,
            date,
            words: key.words,
            shingles_start,
            shingles_len,
            sketch_filled: u16::try_from(sketch_filled).unwrap_or(u16::MAX),
            sketch,
        });
        self.update_canonical(group, doc);
        self.exact.entry(key.exact).or_insert(doc);
        self.tables.insert(doc, &self.keys);
        self.stats.articles += 1;
        let mut matches = matches;
        matches.sort_by_key(|&(id, _)| id);
        DedupOutcome {
            doc: DocId(doc),
            group: GroupId(group),
            kind,
            matches,
        }
    }

    /// Drops the oldest shingle sets, down to half the budget, when `incoming` more would not
    /// fit. Halving makes the move of the kept half rare: its cost is spread over the many
    /// additions that fill the freed room.
    fn make_room(&mut self, incoming: usize) {
        let budget = self.config.max_shingle_bytes / std::mem::size_of::<u32>();
        if self.arena.len() + incoming <= budget {
            return;
        }
        let keep = (budget / 2).min(self.arena.len());
        let dropped = self.arena.len() - keep;
        self.arena.drain(..dropped);
        self.arena_base += dropped as u64;
    }

    /// Candidates from the band tables, verified; the most similar first.
    fn verified_matches(
        &mut self,
        start: u64,
        len: u32,
        my_sketch: &Sketch,
        my_filled: usize,
    ) -> Vec<(DocId, f64)> {
        self.candidates.clear();
        self.tables.candidates(&self.keys, &mut self.candidates);
        // Each candidate appears once per band it shares: count the bands, which estimate the
        // similarity before any shingle is read.
        self.candidates.sort_unstable();
        let mut ranked: Vec<(u32, u32)> = Vec::new();
        for run in self.candidates.chunk_by(|a, b| a == b) {
            ranked.push((run.len() as u32, run[0]));
        }
        if !self.config.all_matches {
            // The most promising candidate first: the first verified match settles the group.
            ranked.sort_unstable_by(|a, b| b.0.cmp(&a.0).then(a.1.cmp(&b.1)));
        }
        let mut matches = Vec::new();
        let threshold = self.config.threshold;
        let (arena, base) = (&self.arena, self.arena_base);
        let mine = held_slice(arena, base, start, len).unwrap_or(&[]);
        self.probe.load(mine);
        let (mut candidates, mut verified) = (0, 0);
        for &(_, other) in &ranked {
            let Some(record) = self.docs.get(other as usize) else {
                continue;
            };
            candidates += 1;
            // Jaccard cannot exceed the ratio of the smaller set to the larger.
            let theirs_len = record.shingles_len as usize;
            let (small, large) = (mine.len().min(theirs_len), mine.len().max(theirs_len));
            if (small as f64) < threshold * large as f64 {
                continue;
            }
            let agreeing = agreeing_bins(my_sketch, &record.sketch);
            let filled = my_filled.min(usize::from(record.sketch_filled));
            let needed = self.min_agreeing_bins.get(filled).copied().unwrap_or(0);
            if agreeing < usize::from(needed) {
                continue;
            }
            verified += 1;
            let similarity =
                match held_slice(arena, base, record.shingles_start, record.shingles_len) {
                    Some(theirs) => self.probe.jaccard_at_least(theirs, threshold),
                    None => Some(estimated_jaccard(agreeing)).filter(|&s| s >= threshold),
                };
            if let Some(similarity) = similarity {
                matches.push((DocId(other), similarity));
                if !self.config.all_matches {
                    break;
                }
            }
        }
        self.stats.candidates += candidates;
        self.stats.verified += verified;
        self.stats.matches += matches.len() as u64;
        matches.sort_by(|a, b| b.1.total_cmp(&a.1).then(a.0.cmp(&b.0)));
        matches
    }

    fn update_canonical(&mut self, group: u32, doc: u32) {
        let Some(entry) = self.groups.get_mut(group as usize) else {
            return;
        };
        let current = &self.docs[entry.canonical.0 as usize];
        let candidate = &self.docs[doc as usize];
        let earlier = match (candidate.date, current.date) {
            (Some(a), Some(b)) if a != b => a < b,
            (Some(_), None) => true,
            (None, Some(_)) => false,
            _ => candidate.words > current.words,
        };
        if earlier {
            entry.canonical = DocId(doc);
        }
    }

    /// Number of articles added.
    pub fn len(&self) -> usize {
        self.docs.len()
    }

    /// Whether no article was added.
    pub fn is_empty(&self) -> bool {
        self.docs.is_empty()
    }

    /// The group an article belongs to.
    pub fn group_of(&self, doc: DocId) -> Option<GroupId> {
        self.docs.get(doc.0 as usize).map(|r| GroupId(r.group))
    }

    /// A group by number.
    pub fn group(&self, group: GroupId) -> Option<&DupGroup> {
        self.groups.get(group.0 as usize)
    }

    /// Every group, in the order started.
    pub fn groups(&self) -> &[DupGroup] {
        &self.groups
    }

    /// Shingle hashes held for exact verification (four bytes each).
    pub fn held_shingles(&self) -> usize {
        self.arena.len()
    }

    /// Work done so far.
    pub fn stats(&self) -> DedupStats {
        self.stats
    }

    /// The configuration in use.
    pub fn config(&self) -> &DedupConfig {
        &self.config
    }
}

/// Fewest agreeing sketch bins (of [`SKETCH_BINS`]) consistent with a similarity at the
/// threshold when `filled` bins are independent: the expected share less 4.5 standard
/// deviations of a binomial count over `filled` trials. A bin agrees when the minima agree, or
/// by chance (one in 16) when their low four bits do.
fn min_agreeing_bins(threshold: f64, filled: usize) -> u16 {
    if filled == 0 {
        return 0;
    }
    let p = threshold + (1.0 - threshold) / 16.0;
    let deviation = (p * (1.0 - p) / filled as f64).sqrt();
    let share = (p - 4.5 * deviation).max(0.0);
    (SKETCH_BINS as f64 * share).floor() as u16
}

/// Bins in which two packed sketches agree: sixteen per word, less the nibbles with a bit set
/// in their difference.
fn agreeing_bins(a: &Sketch, b: &Sketch) -> usize {
    const LOW_BIT_OF_EACH_NIBBLE: u64 = 0x1111_1111_1111_1111;
    a.iter()
        .zip(b)
        .map(|(x, y)| {
            let differ = x ^ y;
            let any = (differ | differ >> 1 | differ >> 2 | differ >> 3) & LOW_BIT_OF_EACH_NIBBLE;
            16 - any.count_ones() as usize
        })
        .sum()
}

/// The shingle set stored at absolute positions `start..start + len`, if still held by the
/// arena whose first value is at `base`.
fn held_slice(arena: &[u32], base: u64, start: u64, len: u32) -> Option<&[u32]> {
    let start = usize::try_from(start.checked_sub(base)?).ok()?;
    arena.get(start..start.checked_add(len as usize)?)
}

/// The Jaccard similarity two sketches imply when `agreeing` of their [`SKETCH_BINS`] bins
/// agree: a bin agrees with probability `s + (1 - s) / 16`.
fn estimated_jaccard(agreeing: usize) -> f64 {
    let share = agreeing.min(SKETCH_BINS) as f64 / SKETCH_BINS as f64;
    ((share - 1.0 / 16.0) / (15.0 / 16.0)).clamp(0.0, 1.0)
}

#[cfg(test)]
mod tests;
