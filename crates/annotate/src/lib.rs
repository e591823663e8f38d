//! Pure annotation of article text: tokens, sentences and named entities, each with byte offsets
//! into the text it was given.
//!
//! - [`token`]: tokens split the way news treebanks split them (abbreviations, initials, quotes,
//!   contractions);
//! - [`sentence`]: sentences over those tokens;
//! - [`ner`]: the named-entity tagger, its training and its model file;
//! - [`entities`]: an article's entities: types, coreference, roles and affiliations;
//! - [`geo`]: places on the map: a GeoNames-derived gazetteer and a resolver using the
//!   article's context;
//! - [`time`]: time expressions, normalised to TimeML values against a reference date;
//! - [`amounts`]: money, percentages and counts with the thing counted;
//! - [`quotes`]: direct and reported quotes with their cue, speaker and addressee;
//! - [`events`]: events between actors (PLOVER types, diplomacy frames, countries, modality).
//!
//! Nothing here reads files or fails on odd text: the only fallible call is loading model bytes
//! the caller supplies ([`ner::NerModel::from_bytes`]).

mod abbrev;
pub mod amounts;
pub mod entities;
pub mod events;
pub mod geo;
pub mod ner;
pub mod quotes;
pub mod sentence;
pub mod time;
pub mod token;

pub use ner::{EntityMention, NerModel};

/// The time expressions (resolved against `reference`) and the amounts of `text`, scanning it
/// once for both: what [`time::find_timexes`] and [`amounts::find_amounts`] give apart.
pub fn find_dates_and_amounts(
    text: &str,
    reference: Option<time::Date>,
) -> (Vec<time::Timex>, Vec<amounts::Amount>) {
    let toks = amounts::scan::scan(text);
    (
        time::find_timexes_in(text, &toks, reference),
        amounts::find_amounts_in(text, &toks),
    )
}
pub use sentence::{split_sentences, Sentence};
pub use token::{tokenize, Token};
