//! Where, when and how much: the place named with "in" or "at" in the action's sentence, its time
//! expression and its money amount, each the one nearest the action.

use crate::amounts::{Amount, AmountKind};
use crate::entities::countries;
use crate::entities::EntityType;
use crate::time::{Timex, TimexType};

use super::doc::Doc;
use super::iso3::alpha3;
use super::types::{EventAmount, EventDate, EventPlace};
use super::units::{analyse, UnitKind};

/// How far from the action (in tokens) its place may be named.
const PLACE_REACH: usize = 40;

/// How far from the action (in bytes) a money amount may be and still be its amount.
const AMOUNT_REACH: usize = 160;

/// The place of an action at tokens `action` in the sentence of tokens `sentence`, avoiding
/// tokens `taken` (the actors').
pub(crate) fn place(
    doc: &Doc,
    sentence: (usize, usize),
    action: (usize, usize),
    taken: &[(usize, usize)],
) -> Option<EventPlace> {
    // Only names near the action: run-on text stays linear.
    let from = sentence.0.max(action.0.saturating_sub(PLACE_REACH));
    let to = sentence.1.min(action.1.saturating_add(PLACE_REACH));
    let (units, chunks) = analyse(doc, from, to);
    let candidates = units.iter().filter(|u| {
        let opener = chunks.get(u.chunk).map_or("", |c| c.opener.as_str());
        (opener == "in" || opener == "at")
            && !taken.iter().any(|&(a, b)| u.start < b && a < u.end)
            && is_place(doc, u.kind)
    });
    // The nearest, counting a place after the action as nearer than one the same distance before.
    let best = candidates.min_by_key(|u| {
        if u.start >= action.1 {
            2 * (u.start - action.1)
        } else {
            2 * action.0.saturating_sub(u.end) + 1
        }
    })?;
    let (entity, country) = match best.kind {
        UnitKind::Mention(m) => {
            let mention = doc.entities.mentions.get(m)?;
            (Some(mention.entity), doc.entity_country(mention.entity))
        }
        UnitKind::Country(place) => (None, place.country().map(|c| c.iso)),
        _ => (None, None),
    };
    Some(EventPlace {
        text: doc.slice(best.start, best.end).to_string(),
        span: doc.span(best.start, best.end)?,
        entity,
        country: country.and_then(alpha3),
    })
}

fn is_place(doc: &Doc, kind: UnitKind) -> bool {
    match kind {
        UnitKind::Mention(m) => doc
            .entities
            .mentions
            .get(m)
            .and_then(|m| doc.entities.entities.get(m.entity))
            .is_some_and(|e| {
                e.kind.is_place()
                    || (e.kind != EntityType::Person
                        && countries::lookup(&e.name).is_some_and(|p| {
                            matches!(
                                p,
                                countries::Place::Country(_) | countries::Place::Capital(_)
                            )
                        }))
            }),
        UnitKind::Country(place) => matches!(
            place,
            countries::Place::Country(_) | countries::Place::Capital(_)
        ),
        _ => false,
    }
}

/// The date or time expression of the sentence spanning bytes `sentence` nearest the action at
/// byte `at`.
pub(crate) fn date(
    doc: &Doc,
    timexes: &[Timex],
    sentence: (usize, usize),
    at: usize,
) -> Option<EventDate> {
    let dates = timexes
        .iter()
        .filter(|t| matches!(t.kind, TimexType::Date | TimexType::Time));
    let best = nearest(dates, |t| (t.start, t.end), sentence, at)?;
    Some(EventDate {
        text: doc.text.get(best.start..best.end)?.to_string(),
        span: doc.article.locate(best.start, best.end)?,
        value: best.value.clone(),
    })
}

/// The money amount of the sentence spanning bytes `sentence` nearest the action at byte `at`.
pub(crate) fn amount(
    doc: &Doc,
    amounts: &[Amount],
    sentence: (usize, usize),
    at: usize,
) -> Option<EventAmount> {
    let money = amounts
        .iter()
        .filter(|a| matches!(a.kind, AmountKind::Money { .. }))
        .filter(|a| a.start.abs_diff(at).min(a.end.abs_diff(at)) <= AMOUNT_REACH);
    let best = nearest(money, |a| (a.start, a.end), sentence, at)?;
    Some(EventAmount {
        text: doc.text.get(best.start..best.end)?.to_string(),
        span: doc.article.locate(best.start, best.end)?,
        amount: best.clone(),
    })
}

/// The item inside the byte range `sentence` whose start is nearest byte `at`.
fn nearest<'a, T>(
    items: impl Iterator<Item = &'a T>,
    bytes: impl Fn(&T) -> (usize, usize),
    sentence: (usize, usize),
    at: usize,
) -> Option<&'a T>
where
    T: 'a,
{
    items
        .filter(|item| {
            let (start, end) = bytes(item);
            start >= sentence.0 && end <= sentence.1
        })
        .min_by_key(|item| bytes(item).0.abs_diff(at))
}
