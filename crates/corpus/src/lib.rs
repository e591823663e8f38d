//! The corpus view of chancery: what many articles say together.
//!
//! - [`dedup`]: exact and near-duplicate detection. Word shingles are hashed once per article, a
//!   MinHash signature is cut into LSH bands to find candidates, and every candidate is verified by
//!   the real Jaccard similarity of the two shingle sets. Copies are grouped, each group with one
//!   canonical article.
//! - [`stories`]: incremental story clustering. Each new article joins the most similar active
//!   story (words weighted by incremental inverse document frequency, entities, places, and date
//!   proximity) or starts a new one; nothing is ever re-clustered.
//! - [`Corpus`]: both together, so that syndicated copies join their original's story and are not
//!   counted as independent sources.
//!
//! Everything here is pure: no IO, no panics on odd input, plain data in and out.

pub mod dedup;
pub mod stories;

mod corpus;
mod hash;
mod text;

pub use corpus::{Corpus, CorpusConfig, Placement};
pub use dedup::{
    DedupConfig, DedupIndex, DedupOutcome, DedupStats, DocId, DupGroup, GroupId, MatchKind,
    PreparedText, Preparer,
};
pub use stories::{
    NamedEntity, StoryConfig, StoryId, StoryIndex, StoryInput, StoryOutcome, StorySummary,
};

/// A configuration that cannot work.
#[derive(Debug, Clone, PartialEq, thiserror::Error)]
pub enum ConfigError {
    /// A parameter is outside the range where it means anything.
    #[error("{name} must be {expected}, got {got}")]
    OutOfRange {
        /// The parameter's name.
        name: &'static str,
        /// The range it must lie in, in words.
        expected: &'static str,
        /// The value given.
        got: String,
    },
}
