//! The vocabulary every chancery stage speaks.
//!
//! This crate holds plain data types only: what a raw input document is, what an article is, where each
//! piece of text came from, and what went wrong with an input. It knows nothing of files, SQL, HTTP or
//! search indexes, so every other crate can depend on it and nothing here can fail on IO.

mod article;
mod diagnostic;
mod entity;
mod facts;
mod meta;
mod offsets;
mod plover;
mod provenance;
mod raw;
mod statements;
mod story;

pub use article::{
    Article, ArticleId, Block, DateEvidence, DateSource, RemovalReason, RemovedLine,
};
pub use diagnostic::{Diagnostic, DiagnosticKind};
pub use entity::{entity_key, EntityKind, EntityRecord, MentionBlock, MentionRecord, PlaceRecord};
pub use facts::{AmountKind, AmountRecord, DateKind, DateRecord};
pub use meta::{ArticleMeta, MetaSource, StatedTime};
pub use offsets::OffsetMap;
pub use plover::{plover_scale, PloverScale, PLOVER_SCALES};
pub use provenance::{Provenance, Span};
pub use raw::{DocFormat, DocMeta, RawDoc};
pub use statements::{
    ActorRecord, EventAmountRecord, EventDateRecord, EventPlaceRecord, EventRecord, MemberRecord,
    PartyRecord, QuoteRecord, TextLocation,
};
pub use story::{ArticlePlacement, NamedCount, StoryRecord};
