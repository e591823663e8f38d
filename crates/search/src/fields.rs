//! The index's schema: which article fields are searched, filtered, counted and kept for display.

use tantivy::schema::{
    FacetOptions, Field, NumericOptions, Schema, FAST, INDEXED, STORED, STRING, TEXT,
};

/// Handles of the schema's fields.
#[derive(Debug, Clone, Copy)]
pub(crate) struct Fields {
    /// Article id (exact).
    pub id: Field,
    /// The store's sequence number of the article.
    pub seq: Field,
    pub title: Field,
    /// Paragraphs, kept for snippets.
    pub body: Field,
    /// Photo captions: searched, not shown.
    pub captions: Field,
    pub source: Field,
    pub language: Field,
    /// Publication date as days from the common era, for range filters.
    pub published: Field,
    /// Entity names and aliases, lowercased (exact match).
    pub entity: Field,
    /// ISO 3166-1 alpha-2 codes of the countries the article's entities are in.
    pub country: Field,
    /// Names of the places the article names, lowercased (exact match).
    pub place: Field,
    /// The id of the story the article was placed in (decimal), once it is placed; kept so hits
    /// carry it.
    pub story: Field,
    /// Hierarchical facets: `/source/…`, `/language/…`, `/type/…`, `/country/…`,
    /// `/entity/TYPE/name`, `/story/id`.
    pub facets: Field,
}

impl Fields {
    /// The schema and its field handles.
    pub fn build() -> (Schema, Fields) {
        let mut builder = Schema::builder();
        let day = NumericOptions::default()
            .set_indexed()
            .set_stored()
            .set_fast();
        let fields = Fields {
            id: builder.add_text_field("id", STRING | STORED),
            seq: builder.add_u64_field("seq", INDEXED | STORED | FAST),
            title: builder.add_text_field("title", TEXT | STORED),
            body: builder.add_text_field("body", TEXT | STORED),
            captions: builder.add_text_field("captions", TEXT),
            source: builder.add_text_field("source", STRING | STORED),
            language: builder.add_text_field("language", STRING | STORED),
            published: builder.add_i64_field("published", day),
            entity: builder.add_text_field("entity", STRING),
            country: builder.add_text_field("country", STRING),
            place: builder.add_text_field("place", STRING),
            story: builder.add_text_field("story", STRING | STORED),
            facets: builder.add_facet_field("facets", FacetOptions::default()),
        };
        (builder.build(), fields)
    }
}
