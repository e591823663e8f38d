//! Tests of quote finding on hand-written articles.
