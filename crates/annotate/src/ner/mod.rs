//! Named-entity recognition: a greedy averaged-perceptron tagger over BILOU tags with rich
//! local features, gazetteers, word clusters and document-level (non-local) features, in two
//! passes (the second sees the first's tags over the whole document), trained on CoNLL-style
//! data.
//!
//! - [`tags`]: the BILOU tag set and conlleval-style chunk reading;
//! - [`features`]: hashed static features of a token;
//! - [`context`]: document-level spellings and prediction history;
//! - [`decode`]: greedy decoding shared by tagging and training;
//! - [`train`]: the training loop;
//! - [`gazetteer`] and [`lexicon`]: phrase lists and word clusters built into the model;
//! - [`weights`] and [`format`]: the weight table and the model file.
//!
//! [`NerModel::entities`] runs the whole chain on raw text: tokens, sentences, tags, and entity
//! mentions with byte offsets.

pub mod context;
pub mod decode;
pub mod features;
pub mod format;
pub mod gazetteer;
pub mod lexicon;
pub mod tags;
pub mod train;
pub mod weights;

use crate::sentence::split_sentences;
use crate::token::tokenize;
pub use format::FormatError;
use gazetteer::Gazetteer;
use lexicon::Lexicon;
use tags::{chunks_from_tags, Chunk, Tag};
use weights::Weights;

/// Lexical resources built into a model: phrase lists and word features.
#[derive(Debug, Clone, Default)]
pub struct Resources {
    /// Named phrase lists (cities, first names...).
    pub gazetteer: Gazetteer,
    /// Word features such as clusters.
    pub lexicon: Lexicon,
}

/// A trained tagger.
#[derive(Debug, Clone)]
pub struct NerModel {
    types: Vec<String>,
    resources: Resources,
    /// One weight set per pass: the first tags alone, a second (if any) also sees the first
    /// pass's tags over the whole document.
    stages: Vec<Weights>,
}

/// An entity mention found in text.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct EntityMention {
    /// Byte offset of the first byte in the text.
    pub start: usize,
    /// Byte offset one past the last byte.
    pub end: usize,
    /// Entity type name, such as `PER`.
    pub kind: String,
}

impl NerModel {
    /// A model from entity type names, its lexical resources and the weights of its passes
    /// (one or two).
    pub fn from_weights(types: Vec<String>, resources: Resources, stages: Vec<Weights>) -> Self {
        NerModel {
            types,
            resources,
            stages,
        }
    }

    /// Reads a model file's bytes.
    pub fn from_bytes(bytes: &[u8]) -> Result<Self, FormatError> {
        let (types, resources, stages) = format::read(bytes)?;
        Ok(NerModel {
            types,
            resources,
            stages,
        })
    }

    /// The model file's bytes.
    pub fn to_bytes(&self) -> Vec<u8> {
        format::write(&self.types, &self.resources, &self.stages)
    }

    /// Entity type names; type index `k` in tags and chunks is `types()[k]`.
    pub fn types(&self) -> &[String] {
        &self.types
    }

    /// The lexical resources built into the model (its gazetteer and word features).
    pub fn resources(&self) -> &Resources {
        &self.resources
    }

    /// Number of weighted features.
    pub fn n_features(&self) -> usize {
        self.stages.iter().map(|w| w.table.len()).sum()
    }

    /// BILOU tags for each sentence (a list of words) of one document.
    pub fn tag_document(&self, sentences: &[Vec<&str>]) -> Vec<Vec<Tag>> {
        let n = self.types.len();
        let mut tags: Option<Vec<Vec<Tag>>> = None;
        for weights in &self.stages {
            tags = Some(decode::decode_document(
                sentences,
                n,
                &self.resources,
                tags.as_deref(),
                &mut decode::Fixed(weights),
            ));
        }
        tags.unwrap_or_else(|| {
            sentences
                .iter()
                .map(|s| vec![tags::OUTSIDE; s.len()])
                .collect()
        })
    }

    /// Entity chunks (token ranges) for each sentence of one document.
    pub fn chunk_document(&self, sentences: &[Vec<&str>]) -> Vec<Vec<Chunk>> {
        self.tag_document(sentences)
            .iter()
            .map(|t| chunks_from_tags(t))
            .collect()
    }

    /// Entity mentions in `text`, taken as one document, with byte offsets into it.
    pub fn entities(&self, text: &str) -> Vec<EntityMention> {
        let tokens = tokenize(text);
        let sentences = split_sentences(text, &tokens);
        let words: Vec<Vec<&str>> = sentences
            .iter()
            .map(|s| {
                tokens[s.tokens.clone()]
                    .iter()
                    .map(|t| t.text(text))
                    .collect()
            })
            .collect();
        let mut out = Vec::new();
        for (s, chunks) in sentences.iter().zip(self.chunk_document(&words)) {
            for c in chunks {
                let (Some(first), Some(last)) = (
                    tokens.get(s.tokens.start + c.start),
                    tokens.get(s.tokens.start + c.end - 1),
                ) else {
                    continue;
                };
                out.push(EntityMention {
                    start: first.start,
                    end: last.end,
                    kind: self.types.get(c.kind).cloned().unwrap_or_default(),
                });
            }
        }
        out
    }
}

#[cfg(test)]
mod tests;
