//! One module per command. Each returns an [`Outcome`] or a fatal error.

pub mod articles;
pub mod check;
pub mod demo;
pub mod entities;
pub mod export;
pub mod extract;
pub mod gdelt;
pub mod ingest;
pub mod json;
#[cfg(feature = "parquet")]
pub mod parquet;
pub mod reindex;
pub mod relations;
pub mod serve;
pub mod show;
mod show_statements;
pub mod stories;

use chancery_store::ArticleFilter;

use crate::cli::FilterArgs;

/// How a command that did not fail ended.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Outcome {
    Clean,
    /// Completed, but some inputs had problems.
    WithProblems,
}

impl FilterArgs {
    /// The store filter these flags select.
    pub fn to_filter(&self, limit: Option<usize>, offset: usize) -> ArticleFilter {
        ArticleFilter {
            source: self.source.clone(),
            since: self.since,
            until: self.until,
            language: self.language.clone(),
            limit,
            offset,
        }
    }
}
