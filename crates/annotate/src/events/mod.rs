//! Events between actors: who did what to whom, with place, date, amount and the sentence as
//! evidence.
//!
//! [`find_events`] reads an article's sentences with its entities, time expressions and amounts
//! and returns [`Event`]s: a source actor, an action with its PLOVER type ([`EventType`]) and,
//! for diplomacy, a finer [`Frame`] (meet, visit, travel, negotiate, provide aid, censure,
//! sanction), a target actor, and the [`Modality`] the text gives the action (asserted, future,
//! hypothetical, negated).
//!
//! The method is rules over tokens, no parser:
//!
//! 1. `lexicon`: word patterns per PLOVER type find the actions ("attends a meeting with",
//!    "dismissed", "plans to hold talks" gives "hold talks");
//! 2. `extract`: the sentence's shape gives each action its source and target (subject before
//!    the verb, object after it, "by" in a passive, possessives before a noun);
//! 3. `units` and `actors`: a stretch of words becomes an actor: entity mentions, international
//!    organisations, countries, capitals ("Tehran" is Iran's government), demonyms with state
//!    words ("the Iranian government"), people with their affiliation ("US Secretary of State
//!    Antony Blinken" acts for the USA); `groups` expands groups ("the E3", "France, Britain and
//!    Germany", "Western powers, including ...", "the three European nations") to members;
//! 4. `modality`: "will", "plans to", "could", "not" mark the action, and PLOVER's coding turns a
//!    promised cooperative act into AGREE and an announced coercive one into THREATEN;
//! 5. `anchors`: the place after "in" or "at", the nearest time expression and money amount.
//!
//! [`place_countries`] gives cities and regions their country through the geo resolver, for
//! [`find_events_with_places`].
//!
//! Countries are ISO 3166-1 alpha-3 codes (`iso3`). Pure: no IO, and no input makes it panic.

mod actors;
mod anchors;
mod doc;
mod extract;
mod groups;
mod iso3;
mod lexicon;
mod modality;
mod places;
#[cfg(test)]
mod tests;
mod types;
mod units;

pub use places::place_countries;
pub use types::{
    Actor, ActorKind, Event, EventAmount, EventDate, EventPlace, EventType, Frame, Member, Modality,
};

use crate::amounts::Amount;
use crate::entities::{ArticleEntities, ArticleText};
use crate::sentence::split_sentences;
use crate::time::Timex;

/// The events of an article, in text order.
///
/// `entities` are the article's entities ([`crate::entities::annotate_article`] or
/// [`crate::entities::link_mentions`] over the same `article`); `timexes` and `amounts` are
/// those found in [`ArticleText::text`] ([`crate::time::find_timexes`] with the article's date,
/// [`crate::amounts::find_amounts`]), with offsets into that text.
pub fn find_events(
    article: &ArticleText,
    entities: &ArticleEntities,
    timexes: &[Timex],
    amounts: &[Amount],
) -> Vec<Event> {
    find_events_with_places(article, entities, &[], timexes, amounts)
}

/// [`find_events`], with the country (ISO 3166-1 alpha-2) each entity's place resolved to, by
/// entity index ([`place_countries`]): cities and regions then give their country to the actors
/// and places they are ("Abidjan" acts for Ivory Coast).
pub fn find_events_with_places(
    article: &ArticleText,
    entities: &ArticleEntities,
    places: &[Option<&'static str>],
    timexes: &[Timex],
    amounts: &[Amount],
) -> Vec<Event> {
    let doc = doc::Doc::new(article, entities, places);
    let mut context = actors::Context::default();
    let mut out = Vec::new();
    for sentence in split_sentences(doc.text, &doc.tokens) {
        extract::sentence_events(&doc, &sentence, timexes, amounts, &mut context, &mut out);
    }
    out
}

/// The ISO 3166-1 alpha-3 code for an alpha-2 code (the entities' country codes).
pub fn alpha3(alpha2: &str) -> Option<&'static str> {
    iso3::alpha3(alpha2)
}

/// Whether `code` is an ISO 3166-1 alpha-3 country code (or a former state's).
pub fn is_country_code(code: &str) -> bool {
    iso3::is_alpha3(code)
}

/// The event that best stands for a sentence's events: the first of its main clause, actions
/// named by verbs before those named by nouns.
pub fn main_event(events: &[Event]) -> Option<&Event> {
    events.iter().min_by_key(|e| {
        (
            !e.main_clause,
            e.nominal,
            e.trigger_span.block,
            e.trigger_span.start,
        )
    })
}
