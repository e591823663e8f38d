//! What a search returns: hits with highlighted snippets, the total, and facet counts.

use chancery_model::EntityKind;
use chrono::NaiveDate;
use serde::Serialize;
use tantivy::collector::FacetCounts;
use tantivy::query::Query;
use tantivy::schema::Value;
use tantivy::snippet::SnippetGenerator;
use tantivy::{Searcher, TantivyDocument};

use crate::document::date_of_day;
use crate::fields::Fields;

/// Longest body excerpt shown with a hit, in characters.
const SNIPPET_CHARS: usize = 240;

/// Values listed per facet, most frequent first.
const FACET_VALUES: usize = 20;

/// Entity types whose entities are counted, in the order they are listed.
const ENTITY_TYPES: [EntityKind; 6] = [
    EntityKind::Person,
    EntityKind::Org,
    EntityKind::Gpe,
    EntityKind::Loc,
    EntityKind::Norp,
    EntityKind::Misc,
];

/// The facet subtrees a search with facets counts.
pub(crate) const FACET_ROOTS: [&str; 11] = [
    "/source",
    "/story",
    "/language",
    "/type",
    "/country",
    "/entity/PERSON",
    "/entity/ORG",
    "/entity/GPE",
    "/entity/LOC",
    "/entity/NORP",
    "/entity/MISC",
];

/// The results of one search.
#[derive(Debug, Clone, PartialEq, Serialize)]
pub struct SearchResults {
    /// Articles matching, on every page.
    pub total: usize,
    /// Hits skipped before the first one here.
    pub offset: usize,
    /// This page's hits, best first.
    pub hits: Vec<Hit>,
    /// Counts over every match, when asked for.
    #[serde(skip_serializing_if = "Option::is_none")]
    pub facets: Option<Facets>,
}

/// One matching article.
#[derive(Debug, Clone, PartialEq, Serialize)]
pub struct Hit {
    pub id: String,
    pub title: Option<String>,
    /// The title as HTML (escaped), the query's words in `<b>`; absent without a text query.
    #[serde(skip_serializing_if = "Option::is_none")]
    pub title_html: Option<String>,
    pub source: String,
    pub language: Option<String>,
    pub published: Option<NaiveDate>,
    /// The story the article was placed in; `None` until it is placed.
    pub story: Option<u64>,
    /// BM25 score (0 when only filters were given).
    pub score: f32,
    /// An excerpt of the body as HTML (escaped), the query's words in `<b>`; absent without a
    /// text query or when snippets were not asked for.
    #[serde(skip_serializing_if = "Option::is_none")]
    pub snippet: Option<String>,
}

/// Counts of the matching articles by value.
#[derive(Debug, Clone, PartialEq, Serialize)]
pub struct Facets {
    pub source: Vec<FacetCount>,
    /// Story ids (decimal), the stories with most matching articles first.
    pub story: Vec<FacetCount>,
    pub language: Vec<FacetCount>,
    /// Entity types (PERSON, ORG, ...): articles naming at least one of the type.
    pub entity_type: Vec<FacetCount>,
    /// Countries (ISO 3166-1 alpha-2) of the articles' entities.
    pub country: Vec<FacetCount>,
    /// The entities named most often, with their type.
    pub entity: Vec<EntityCount>,
}

/// A value and how many matching articles have it.
#[derive(Debug, Clone, PartialEq, Eq, Serialize)]
pub struct FacetCount {
    pub value: String,
    pub count: u64,
}

/// An entity and how many matching articles name it.
#[derive(Debug, Clone, PartialEq, Eq, Serialize)]
pub struct EntityCount {
    pub name: String,
    #[serde(rename = "type")]
    pub kind: EntityKind,
    pub count: u64,
}

/// Generators of the highlighted title and body of each hit.
pub(crate) struct Highlighter {
    title: SnippetGenerator,
    body: SnippetGenerator,
}

/// Highlighters for the words of `query`.
pub(crate) fn snippet_generator(
    searcher: &Searcher,
    query: &dyn Query,
    fields: &Fields,
) -> tantivy::Result<Highlighter> {
    let mut title = SnippetGenerator::create(searcher, query, fields.title)?;
    // Whole titles: a title cut short reads as a different title.
    title.set_max_num_chars(1_000);
    let mut body = SnippetGenerator::create(searcher, query, fields.body)?;
    body.set_max_num_chars(SNIPPET_CHARS);
    Ok(Highlighter { title, body })
}

/// The hit a stored document describes.
pub(crate) fn hit(
    fields: &Fields,
    doc: &TantivyDocument,
    score: f32,
    highlighter: Option<&Highlighter>,
) -> Hit {
    let text = |field| {
        doc.get_first(field)
            .and_then(|v| v.as_str().map(str::to_string))
    };
    let title = text(fields.title);
    let title_html = highlighter.and_then(|h| {
        let title = title.as_deref()?;
        let snippet = h.title.snippet(title);
        Some(if snippet.is_empty() {
            snippet_escape(title)
        } else {
            snippet.to_html()
        })
    });
    let snippet = highlighter.map(|h| h.body.snippet_from_doc(doc).to_html());
    Hit {
        id: text(fields.id).unwrap_or_default(),
        title,
        title_html,
        source: text(fields.source).unwrap_or_default(),
        language: text(fields.language),
        published: doc
            .get_first(fields.published)
            .and_then(|v| v.as_i64())
            .and_then(date_of_day),
        story: text(fields.story).and_then(|story| story.parse().ok()),
        score,
        snippet: snippet.filter(|s| !s.is_empty()),
    }
}

/// The counts a search with facets collected.
pub(crate) fn facets(counts: &FacetCounts) -> Facets {
    let values = |root: &str| -> Vec<FacetCount> {
        counts
            .top_k(root, FACET_VALUES)
            .into_iter()
            .filter_map(|(facet, count)| {
                let value = facet.to_path().last()?.to_string();
                Some(FacetCount { value, count })
            })
            .collect()
    };
    let mut entity: Vec<EntityCount> = ENTITY_TYPES
        .iter()
        .flat_map(|kind| {
            counts
                .top_k(format!("/entity/{}", kind.as_str()).as_str(), FACET_VALUES)
                .into_iter()
                .filter_map(|(facet, count)| {
                    let name = facet.to_path().last()?.to_string();
                    Some(EntityCount {
                        name,
                        kind: *kind,
                        count,
                    })
                })
        })
        .collect();
    entity.sort_by(|a, b| b.count.cmp(&a.count).then_with(|| a.name.cmp(&b.name)));
    entity.truncate(FACET_VALUES);
    Facets {
        source: values("/source"),
        story: values("/story"),
        language: values("/language"),
        entity_type: values("/type"),
        country: values("/country"),
        entity,
    }
}

/// Text escaped for HTML, as snippets are.
fn snippet_escape(text: &str) -> String {
    let mut out = String::with_capacity(text.len());
    for ch in text.chars() {
        match ch {
            '&' => out.push_str("&amp;"),
            '<' => out.push_str("&lt;"),
            '>' => out.push_str("&gt;"),
            '"' => out.push_str("&quot;"),
            '\'' => out.push_str("&#x27;"),
            _ => out.push(ch),
        }
    }
    out
}
