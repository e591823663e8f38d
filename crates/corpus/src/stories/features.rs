//! An article as a weighted feature vector: words, entity names and places, each weighted by its
//! frequency in the article and its rarity in the corpus seen so far.
//!
//! Document frequencies grow as articles arrive, so a word's weight is what the corpus knew when
//! the article came in; nothing is recomputed later. Entity names and places are features of
//! their own (kept apart from words by a prefix), weighted up because they say which instance of
//! an event an article is about: two earthquakes share their words, not their towns.

use rustc_hash::FxHashMap;

use super::{StoryConfig, StoryInput};
use crate::hash::{hash_bytes, mix64};
use crate::text::for_each_word;

/// Feature numbers and how many articles had each. Features are known by a 64-bit hash of their
/// kind and text, not by the text itself: no string is stored, and two features would have to
/// share a hash (about once among four billion pairs) to be counted as one.
#[derive(Debug, Default)]
pub(crate) struct Vocabulary {
    ids: FxHashMap<u64, u32>,
    document_frequency: Vec<u32>,
    documents: u32,
}

/// A sparse vector: feature numbers in increasing order with their weights.
pub(crate) type SparseVector = Vec<(u32, f32)>;

/// Salts keeping the three kinds of feature apart in one vocabulary.
const WORD: u64 = 0x776f_7264;
const ENTITY: u64 = 0x656e_7469_7479;
const PLACE: u64 = 0x0070_6c61_6365;

impl Vocabulary {
    fn intern(&mut self, kind: u64, text: &str) -> u32 {
        let key = mix64(hash_bytes(text.as_bytes()) ^ kind);
        let next = u32::try_from(self.document_frequency.len()).unwrap_or(u32::MAX);
        let id = *self.ids.entry(key).or_insert(next);
        if id == next {
            self.document_frequency.push(0);
        }
        id
    }

    /// Number of distinct features seen.
    pub(crate) fn len(&self) -> usize {
        self.document_frequency.len()
    }

    /// The article's vector, unit length: its `config.doc_features` heaviest words and half as
    /// many names, the names taking `config.name_share` of the length when there are any.
    /// Counts the article in the document frequencies first.
    pub(crate) fn vectorise(
        &mut self,
        input: &StoryInput<'_>,
        config: &StoryConfig,
    ) -> SparseVector {
        let mut counts: FxHashMap<u32, f32> = FxHashMap::default();
        let mut buffer = String::new();
        for (text, weight) in [(input.title, config.title_weight), (input.body, 1.0)] {
            for_each_word(text, &mut buffer, |w| {
                if is_content_word(w) {
                    *counts.entry(self.intern(WORD, w)).or_default() += weight;
                }
            });
        }
        let mut boosts: FxHashMap<u32, f32> = FxHashMap::default();
        let names = input
            .entities
            .iter()
            .map(|e| (ENTITY, e.name.as_str(), config.entity_weight));
        let places = input
            .places
            .iter()
            .map(|p| (PLACE, p.as_str(), config.place_weight));
        for (kind, name, weight) in names.chain(places) {
            let normalised = normalise_name(name);
            if normalised.is_empty() {
                continue;
            }
            let id = self.intern(kind, &normalised);
            *counts.entry(id).or_default() += 1.0;
            boosts.insert(id, weight);
        }
        self.documents = self.documents.saturating_add(1);
        for &id in counts.keys() {
            let df = &mut self.document_frequency[id as usize];
            *df = df.saturating_add(1);
        }
        let documents = f64::from(self.documents);
        let (mut words, mut names): (SparseVector, SparseVector) = (Vec::new(), Vec::new());
        for (id, count) in counts {
            let df = f64::from(self.document_frequency[id as usize]);
            let idf = ((documents + 1.0) / (df + 1.0)).ln() + 1.0;
            let tf = 1.0 + f64::from(count).ln().max(0.0);
            match boosts.get(&id) {
                Some(&boost) => names.push((id, (tf * idf * f64::from(boost)) as f32)),
                None => words.push((id, (tf * idf) as f32)),
            }
        }
        // Words and names are normalised apart and then share the unit length, so that a
        // cosine is a blend of how alike the words are and how alike the names are: many
        // words cannot drown the few names that tell two events of one kind apart.
        keep_heaviest(&mut words, config.doc_features);
        keep_heaviest(&mut names, config.doc_features / 2);
        normalise(&mut words);
        normalise(&mut names);
        let name_share = if names.is_empty() {
            0.0
        } else {
            config.name_share
        };
        let word_scale = (1.0 - name_share).sqrt() as f32;
        let name_scale = name_share.sqrt() as f32;
        words.iter_mut().for_each(|entry| entry.1 *= word_scale);
        names.iter_mut().for_each(|entry| entry.1 *= name_scale);
        add(&words, &names)
    }
}

/// Keeps the `limit` heaviest entries and puts them back in feature order.
pub(crate) fn keep_heaviest(vector: &mut SparseVector, limit: usize) {
    if vector.len() > limit {
        vector.select_nth_unstable_by(limit, |a, b| b.1.total_cmp(&a.1).then(a.0.cmp(&b.0)));
        vector.truncate(limit);
    }
    vector.sort_unstable_by_key(|&(id, _)| id);
}

/// Scales a vector to unit length (an empty or zero vector stays as it is).
pub(crate) fn normalise(vector: &mut SparseVector) {
    let norm = vector
        .iter()
        .map(|&(_, w)| f64::from(w) * f64::from(w))
        .sum::<f64>()
        .sqrt();
    if norm > 0.0 {
        for entry in vector.iter_mut() {
            entry.1 = (f64::from(entry.1) / norm) as f32;
        }
    }
}

/// Dot product of two sparse vectors.
pub(crate) fn dot(a: &[(u32, f32)], b: &[(u32, f32)]) -> f64 {
    let (mut i, mut j, mut sum) = (0, 0, 0.0f64);
    while i < a.len() && j < b.len() {
        match a[i].0.cmp(&b[j].0) {
            std::cmp::Ordering::Less => i += 1,
            std::cmp::Ordering::Greater => j += 1,
            std::cmp::Ordering::Equal => {
                sum += f64::from(a[i].1) * f64::from(b[j].1);
                i += 1;
                j += 1;
            }
        }
    }
    sum
}

/// `a + b` for sparse vectors.
pub(crate) fn add(a: &[(u32, f32)], b: &[(u32, f32)]) -> SparseVector {
    let mut out = Vec::with_capacity(a.len() + b.len());
    let (mut i, mut j) = (0, 0);
    while i < a.len() || j < b.len() {
        match (a.get(i), b.get(j)) {
            (Some(&x), Some(&y)) if x.0 == y.0 => {
                out.push((x.0, x.1 + y.1));
                i += 1;
                j += 1;
            }
            (Some(&x), Some(&y)) if x.0 < y.0 => {
                out.push(x);
                i += 1;
            }
            (Some(&x), None) => {
                out.push(x);
                i += 1;
            }
            (_, Some(&y)) => {
                out.push(y);
                j += 1;
            }
            (None, None) => break,
        }
    }
    out
}

/// A name as a feature: lower-cased words joined by single spaces.
pub(crate) fn normalise_name(name: &str) -> String {
    let mut out = String::new();
    for_each_word(name, &mut String::new(), |w| {
        if !out.is_empty() {
            out.push(' ');
        }
        out.push_str(w);
    });
    out
}

/// Whether a word says something about the topic: not a function word, not a bare number
/// (years, four digits, are kept: they date the event).
fn is_content_word(word: &str) -> bool {
    if word.chars().all(|c| c.is_ascii_digit()) {
        return word.len() == 4;
    }
    word.chars().count() >= 3 && STOPWORDS.binary_search(&word).is_err()
}

/// English function words and reporting verbs common to every story (sorted for binary search).
const STOPWORDS: &[&str] = &[
    "about", "after", "again", "against", "all", "also", "among", "and", "any", "are", "around",
    "because", "been", "before", "being", "between", "both", "but", "can", "could", "did", "does",
    "down", "during", "each", "even", "for", "from", "had", "has", "have", "her", "here", "hers",
    "him", "his", "how", "into", "its", "just", "last", "like", "made", "many", "may", "more",
    "most", "much", "must", "new", "not", "now", "off", "one", "only", "other", "our", "out",
    "over", "said", "same", "says", "she", "should", "since", "some", "such", "than", "that",
    "the", "their", "them", "then", "there", "these", "they", "this", "those", "through", "told",
    "too", "two", "under", "until", "very", "was", "way", "well", "were", "what", "when", "where",
    "which", "while", "who", "whom", "why", "will", "with", "would", "year", "years", "yet", "you",
    "your",
];

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn stopwords_are_sorted() {
        assert!(STOPWORDS.windows(2).all(|w| w[0] < w[1]));
    }

    #[test]
    fn sparse_arithmetic() {
        let a = vec![(1, 1.0), (3, 2.0)];
        let b = vec![(2, 5.0), (3, 1.0)];
        assert_eq!(dot(&a, &b), 2.0);
        assert_eq!(add(&a, &b), vec![(1, 1.0), (2, 5.0), (3, 3.0)]);
        let mut v = vec![(4, 3.0), (1, 4.0), (2, 0.5)];
        keep_heaviest(&mut v, 2);
        assert_eq!(v, vec![(1, 4.0), (4, 3.0)]);
        normalise(&mut v);
        assert!((dot(&v, &v) - 1.0).abs() < 1e-6);
    }

    #[test]
    fn content_words() {
        assert!(is_content_word("earthquake"));
        assert!(is_content_word("2009"));
        assert!(!is_content_word("the"));
        assert!(!is_content_word("42"));
        assert!(!is_content_word("of"));
        assert_eq!(normalise_name("  Antony J. BLINKEN "), "antony j blinken");
    }
}
