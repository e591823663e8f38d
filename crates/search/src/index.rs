//! Opening the index and searching it.

use std::path::{Path, PathBuf};

use tantivy::collector::{Count, FacetCollector, TopDocs};
use tantivy::directory::error::LockError;
use tantivy::query::{Query, QueryParser};
use tantivy::{Index, IndexReader, ReloadPolicy, TantivyError};

use crate::error::{AtIndex, Result, SearchError};
use crate::exclusion::{boosted_exclusion, guard_exclusions};
use crate::fields::Fields;
use crate::query::{combine, filter_clauses, SearchRequest};
use crate::results::{self, SearchResults};
use crate::updater::IndexUpdater;
use crate::INDEX_DIR;

/// Titles count this much more than bodies and captions in the ranking.
const TITLE_BOOST: f32 = 2.0;

/// Memory the writer may fill before it writes a segment out, per indexing thread.
const WRITER_MEMORY_PER_THREAD: usize = 64 << 20;

/// The search index of one data directory.
pub struct ArticleIndex {
    path: PathBuf,
    index: Index,
    reader: IndexReader,
    fields: Fields,
    parser: QueryParser,
}

impl std::fmt::Debug for ArticleIndex {
    fn fmt(&self, f: &mut std::fmt::Formatter<'_>) -> std::fmt::Result {
        f.debug_struct("ArticleIndex")
            .field("path", &self.path)
            .finish_non_exhaustive()
    }
}

impl ArticleIndex {
    /// Opens the index of the data directory `data_dir` (`<data_dir>/index`), creating it empty
    /// when missing. An index written with another schema is emptied, to be filled again from
    /// the store by the next [`IndexUpdater::sync`].
    pub fn open(data_dir: &Path) -> Result<ArticleIndex> {
        ArticleIndex::open_dir(&data_dir.join(INDEX_DIR))
    }

    /// Opens (or creates) the index in the directory `path` itself.
    pub fn open_dir(path: &Path) -> Result<ArticleIndex> {
        let open_error = |source| SearchError::Open {
            path: path.to_path_buf(),
            source,
        };
        std::fs::create_dir_all(path)
            .map_err(|e| open_error(TantivyError::IoError(std::sync::Arc::new(e))))?;
        let (schema, fields) = Fields::build();
        let directory = tantivy::directory::MmapDirectory::open(path)
            .map_err(|e| open_error(TantivyError::from(e)))?;
        let mut index = Index::open_or_create(directory, schema.clone());
        if let Err(TantivyError::SchemaError(_)) = index {
            // Written by an earlier layout: the store holds everything, so start again.
            remove_index_files(path).map_err(|e| open_error(TantivyError::IoError(e.into())))?;
            let directory = tantivy::directory::MmapDirectory::open(path)
                .map_err(|e| open_error(TantivyError::from(e)))?;
            index = Index::open_or_create(directory, schema);
        }
        let index = index.map_err(open_error)?;
        let reader = index
            .reader_builder()
            .reload_policy(ReloadPolicy::OnCommitWithDelay)
            .try_into()
            .map_err(open_error)?;
        let mut parser =
            QueryParser::for_index(&index, vec![fields.title, fields.body, fields.captions]);
        parser.set_conjunction_by_default();
        parser.set_field_boost(fields.title, TITLE_BOOST);
        Ok(ArticleIndex {
            path: path.to_path_buf(),
            index,
            reader,
            fields,
            parser,
        })
    }

    /// The index directory.
    pub fn path(&self) -> &Path {
        &self.path
    }

    /// Takes the index's writer, with `threads` indexing threads. Only one process at a time may
    /// hold it: [`SearchError::Busy`] otherwise.
    pub fn updater(&self, threads: usize) -> Result<IndexUpdater> {
        let threads = threads.clamp(1, 8);
        let writer = self
            .index
            .writer_with_num_threads(threads, threads * WRITER_MEMORY_PER_THREAD);
        let writer = match writer {
            Err(TantivyError::LockFailure(LockError::LockBusy, _)) => {
                return Err(SearchError::Busy {
                    path: self.path.clone(),
                })
            }
            other => other.at(&self.path)?,
        };
        IndexUpdater::new(self.path.clone(), &self.index, writer, self.fields)
    }

    /// The store sequence number of the last article the index holds, as of its last commit.
    pub fn last_indexed(&self) -> Result<i64> {
        let metas = self.index.load_metas().at(&self.path)?;
        Ok(crate::updater::parse_payload(metas.payload.as_deref()).last_seq)
    }

    /// Makes the latest commit visible to searches now rather than within moments.
    pub fn reload(&self) -> Result<()> {
        self.reader.reload().at(&self.path)
    }

    /// Articles in the index, as of the last reload.
    pub fn len(&self) -> u64 {
        self.reader.searcher().num_docs()
    }

    /// Whether the index holds no article.
    pub fn is_empty(&self) -> bool {
        self.len() == 0
    }

    /// Runs a search.
    pub fn search(&self, request: &SearchRequest) -> Result<SearchResults> {
        request.check()?;
        let searcher = self.reader.searcher();
        let text = request.text.trim();
        let text_query: Option<Box<dyn Query>> = if text.is_empty() {
            None
        } else if boosted_exclusion(text) {
            return Err(SearchError::BadRequest(
                "a boosted group cannot exclude words: move the `-` terms out of `( )^n`".into(),
            ));
        } else {
            // Lenient: a stray quote or colon searches what it can instead of failing.
            Some(guard_exclusions(self.parser.parse_query_lenient(text).0))
        };
        let query = combine(
            text_query.as_ref().map(|q| q.box_clone()),
            filter_clauses(&self.fields, &request.filters),
        );
        let top = TopDocs::with_limit(request.limit)
            .and_offset(request.offset)
            .order_by_score();
        let (top, total, facet_counts) = if request.facets {
            let mut facets = FacetCollector::for_field("facets");
            for root in results::FACET_ROOTS {
                facets.add_facet(root);
            }
            let (top, total, counts) = self.ran(searcher.search(&*query, &(top, Count, facets)))?;
            (top, total, Some(counts))
        } else {
            let (top, total) = self.ran(searcher.search(&*query, &(top, Count)))?;
            (top, total, None)
        };
        let snippets = match (&text_query, request.snippets) {
            (Some(text_query), true) => Some(self.ran(results::snippet_generator(
                &searcher,
                &**text_query,
                &self.fields,
            ))?),
            _ => None,
        };
        let hits = top
            .into_iter()
            .map(|(score, address)| {
                let doc = searcher.doc(address).at(&self.path)?;
                Ok(results::hit(&self.fields, &doc, score, snippets.as_ref()))
            })
            .collect::<Result<Vec<_>>>()?;
        Ok(SearchResults {
            total,
            offset: request.offset,
            hits,
            facets: facet_counts.map(|counts| results::facets(&counts)),
        })
    }
}

impl ArticleIndex {
    /// The outcome of running a query: a field the query text names but the index lacks
    /// (`x:*`, which lenient parsing lets through) is the request's fault, not the index's.
    fn ran<T>(&self, outcome: tantivy::Result<T>) -> Result<T> {
        match outcome {
            Err(tantivy::TantivyError::FieldNotFound(field)) => Err(SearchError::BadRequest(
                format!("the query names a field that does not exist: {field:?}"),
            )),
            other => other.at(&self.path),
        }
    }
}

/// Removes the index's files, leaving the directory.
fn remove_index_files(path: &Path) -> std::io::Result<()> {
    for entry in std::fs::read_dir(path)? {
        let entry = entry?;
        if entry.file_type()?.is_dir() {
            std::fs::remove_dir_all(entry.path())?;
        } else {
            std::fs::remove_file(entry.path())?;
        }
    }
    Ok(())
}
