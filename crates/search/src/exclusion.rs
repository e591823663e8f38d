//! Excluded clauses (`-word`, `-"a phrase"`) made safe to probe backwards.
//!
//! tantivy's `Exclude` asks each excluded scorer whether it holds the first candidate document
//! before that scorer has been moved there. A phrase scorer starts on its first match, so when the
//! candidate comes before it the scorer is asked to seek backwards, which its contract forbids
//! (tantivy 0.27 panics on it in debug builds and may answer wrongly in release builds; upstream
//! quickwit-oss/tantivy#2811). Every excluded clause of a parsed query is wrapped here so that a
//! probe behind the scorer's position answers "not there" without touching the scorer: nothing
//! before its position can be a match, since the scorer only ever moves forward over non-matches.
//!
//! A boosted group (`(a -"b c")^2`) hides its clauses inside a `BoostQuery`, which cannot be
//! opened, so a query with an exclusion inside a boost is refused instead ([`boosted_exclusion`]).

use tantivy::query::{
    AllScorer, BooleanQuery, EmptyScorer, EnableScoring, Explanation, Occur, Query, Scorer, Weight,
};
use tantivy::query_grammar::{self, Occur as GrammarOccur, UserInputAst};
use tantivy::{DocId, DocSet, Score, SeekDangerResult, SegmentReader, Term};

/// Whether the query text excludes something inside a boosted group, which
/// [`guard_exclusions`] cannot reach.
pub(crate) fn boosted_exclusion(text: &str) -> bool {
    fn walk(ast: &UserInputAst, boosted: bool) -> bool {
        match ast {
            UserInputAst::Clause(clauses) => clauses.iter().any(|(occur, clause)| {
                (boosted && *occur == Some(GrammarOccur::MustNot)) || walk(clause, boosted)
            }),
            UserInputAst::Boost(inner, _) => walk(inner, true),
            UserInputAst::Leaf(_) => false,
        }
    }
    walk(&query_grammar::parse_query_lenient(text).0, false)
}

/// `query` with each excluded clause, at any depth of boolean nesting, guarded against backward
/// probes.
pub(crate) fn guard_exclusions(query: Box<dyn Query>) -> Box<dyn Query> {
    let Some(boolean) = query.downcast_ref::<BooleanQuery>() else {
        return query;
    };
    let clauses = boolean
        .clauses()
        .iter()
        .map(|(occur, clause)| {
            let clause = guard_exclusions(clause.box_clone());
            match occur {
                Occur::MustNot => (*occur, Box::new(Excluded(clause)) as Box<dyn Query>),
                _ => (*occur, clause),
            }
        })
        .collect();
    Box::new(BooleanQuery::new(clauses))
}

/// A clause that is only ever probed for membership.
#[derive(Debug)]
struct Excluded(Box<dyn Query>);

impl Clone for Excluded {
    fn clone(&self) -> Self {
        Excluded(self.0.box_clone())
    }
}

impl Query for Excluded {
    fn weight(&self, enable_scoring: EnableScoring<'_>) -> tantivy::Result<Box<dyn Weight>> {
        Ok(Box::new(ExcludedWeight(self.0.weight(enable_scoring)?)))
    }

    fn query_terms<'a>(&'a self, visitor: &mut dyn FnMut(&'a Term, bool)) {
        self.0.query_terms(visitor);
    }
}

struct ExcludedWeight(Box<dyn Weight>);

impl Weight for ExcludedWeight {
    fn scorer(&self, reader: &SegmentReader, boost: Score) -> tantivy::Result<Box<dyn Scorer>> {
        let scorer = self.0.scorer(reader, boost)?;
        // Left bare, tantivy recognises these and skips the exclusion (or the whole query).
        if scorer.is::<EmptyScorer>() || scorer.is::<AllScorer>() {
            return Ok(scorer);
        }
        Ok(Box::new(ForwardOnly(scorer)))
    }

    fn explain(&self, reader: &SegmentReader, doc: DocId) -> tantivy::Result<Explanation> {
        self.0.explain(reader, doc)
    }
}

/// A scorer that answers probes behind its position itself.
struct ForwardOnly(Box<dyn Scorer>);

impl DocSet for ForwardOnly {
    fn advance(&mut self) -> DocId {
        self.0.advance()
    }

    fn seek(&mut self, target: DocId) -> DocId {
        let doc = self.0.doc();
        if target <= doc {
            return doc;
        }
        self.0.seek(target)
    }

    fn seek_danger(&mut self, target: DocId) -> SeekDangerResult {
        let doc = self.0.doc();
        if target < doc {
            return SeekDangerResult::SeekLowerBound(doc);
        }
        self.0.seek_danger(target)
    }

    fn doc(&self) -> DocId {
        self.0.doc()
    }

    fn size_hint(&self) -> u32 {
        self.0.size_hint()
    }

    fn cost(&self) -> u64 {
        self.0.cost()
    }
}

impl Scorer for ForwardOnly {
    fn score(&mut self) -> Score {
        self.0.score()
    }
}
