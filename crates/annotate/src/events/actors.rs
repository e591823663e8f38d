//! Actors from a stretch of a sentence: which chunk holds the actor for its slot (subject,
//! object, agent of a passive), the chunk's head name (English noun phrases end in their head:
//! "Kazakhstan's President Kassym-Jomart Tokayev"), the country it is or acts for, and groups:
//! coordinated names ("France, Britain and Germany"), known groups ("the E3") and collective
//! names with the list that follows them ("Western powers, including ...") or, failing that, the
//! last group named before ("the three European nations").

use crate::entities::countries::{self, Place};
use crate::entities::{lexicon, EntityType};

use super::doc::Doc;
use super::groups;
use super::iso3::alpha3;
use super::types::{Actor, ActorKind, Member};
use super::units::{analyse, Chunk, Unit, UnitKind};

/// Which slot an actor fills: it decides which chunks may hold it.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub(crate) enum Slot {
    /// Before the action: the first name outside prepositional phrases (but "of" and "from",
    /// which belong to the subject: "Doctors from two American aid groups"), else the first
    /// name that is no agent.
    Subject,
    /// After the action; `places` lets a place after "in", "at" or "to" be the target (for
    /// visits and travel); `spoken` makes a name after "to" the addressee, the target only when
    /// no other name follows ("complained to the UN over Israeli air raids").
    Object { places: bool, spoken: bool },
    /// After "by" (the agent of a passive).
    Agent,
    /// The last name before a participle or noun ("Yellen's visit", "a resolution by the IAEA
    /// censuring"), not one of place or time.
    Nearest,
    /// The last name, whatever its preposition ("a reminder to Iraq that it must").
    Last,
    /// A name in the first chunk: the subject right after "that" or "which".
    Opening,
}

/// An actor with the tokens `start..end` its phrase covers.
pub(crate) type Placed = (Actor, usize, usize);

/// What the sentences so far tell about groups: the last one with listed members.
#[derive(Debug, Default)]
pub(crate) struct Context {
    pub last_group: Vec<Member>,
}

/// How far from its action an actor may be, in tokens.
const REACH: usize = 60;

/// Openers of chunks that may hold a subject.
const SUBJECT_OPENERS: &[&str] = &["", ",", "and", "of", "from"];
/// Openers of chunks that may hold an object.
const OBJECT_OPENERS: &[&str] = &[
    "", "with", "to", "against", "on", "from", "into", "toward", "towards", "of", "for", "over",
    "between", "among", "and", "that",
];
/// Openers of chunks that cannot hold the name nearest an action.
const NOT_NEAREST: &[&str] = &[
    "in", "at", "on", "to", "into", "near", "during", "since", "until",
];
/// Openers of places.
const PLACE_OPENERS: &[&str] = &["in", "at", "to", "into", "near"];

/// The actor of `slot` in tokens `a..b`, with the token range it covers.
pub(crate) fn find_actor(
    doc: &Doc,
    a: usize,
    b: usize,
    slot: Slot,
    context: &mut Context,
) -> Option<Placed> {
    // Actors stand near their action: a bounded stretch keeps run-on text linear.
    let (a, b) = match slot {
        Slot::Object { .. } | Slot::Agent | Slot::Opening => (a, b.min(a.saturating_add(REACH))),
        Slot::Subject | Slot::Nearest | Slot::Last => (a.max(b.saturating_sub(REACH)), b),
    };
    let (units, chunks) = analyse(doc, a, b);
    let chunk = pick_chunk(&units, &chunks, slot)?;
    let heads = noun_phrase(doc, &units, chunk);
    let head = *heads.last()?;
    let places = matches!(slot, Slot::Object { places: true, .. });
    let described = describe(doc, head, &heads, places);
    let first = heads.first().map_or(head.start, |u| u.start);
    let chunk_start = chunks.get(chunk).map_or(first, |c| c.start.min(first));
    let start = phrase_start(doc, chunk_start, first);
    let end = described.end;
    let mut actor = build(doc, start, end, described)?;
    let members = coordinated(doc, &units, &chunks, chunk);
    if members.len() > 1 {
        let last = members.last().map_or(head.end, |(u, _)| u.end);
        let listed: Vec<Member> = members.iter().map(|(_, m)| m.clone()).collect();
        actor = group(doc, start, last, listed)?;
        context.last_group = actor.members.clone();
        return Some((actor, start, last));
    }
    if actor.kind == ActorKind::Group && actor.members.is_empty() {
        let listed = listed_after(doc, &units, &chunks, chunk);
        if listed.len() > 1 {
            actor.members = listed;
            context.last_group = actor.members.clone();
        } else if !context.last_group.is_empty() {
            actor.members = context.last_group.clone();
        }
        actor.country = common_country(&actor.members);
    } else if actor.kind == ActorKind::Group {
        context.last_group = actor.members.clone();
    }
    Some((actor, start, end))
}

fn pick_chunk(units: &[Unit], chunks: &[Chunk], slot: Slot) -> Option<usize> {
    let opener = |u: &Unit| chunks.get(u.chunk).map_or("", |c| c.opener.as_str());
    let found = match slot {
        // A subject's own prepositional phrases belong to it ("Demonstrators in Baghdad").
        Slot::Subject => units
            .iter()
            .find(|u| SUBJECT_OPENERS.contains(&opener(u)))
            .or_else(|| units.iter().find(|u| opener(u) != "by")),
        Slot::Last => units.last(),
        Slot::Opening => units.first().filter(|u| u.chunk == 0),
        Slot::Agent => units.iter().find(|u| opener(u) == "by"),
        Slot::Nearest => units.iter().rfind(|u| !NOT_NEAREST.contains(&opener(u))),
        Slot::Object { places, spoken } => {
            let object = |u: &&Unit| {
                let o = opener(u);
                OBJECT_OPENERS.contains(&o) || (places && PLACE_OPENERS.contains(&o))
            };
            units
                .iter()
                .filter(object)
                .find(|u| !spoken || opener(u) != "to")
                .or_else(|| units.iter().find(object))
        }
    };
    found.map(|u| u.chunk)
}

/// The units of the first noun phrase in `chunk`: names joined only by capitalised words,
/// possessives and role titles ("Kazakhstan's President Kassym-Jomart Tokayev"); a lower-case
/// word between two names ends the phrase ("the United States match the European Union's").
fn noun_phrase<'u>(doc: &Doc, units: &'u [Unit], chunk: usize) -> Vec<&'u Unit> {
    let mut out: Vec<&Unit> = Vec::new();
    for unit in units.iter().filter(|u| u.chunk == chunk) {
        if let Some(last) = out.last() {
            let joined = (last.end..unit.start)
                .all(|i| is_name_word(doc, i) || matches!(doc.word(i), "-" | "'" | "’"));
            if !joined {
                break;
            }
        }
        out.push(unit);
    }
    out
}

/// Where the phrase of a name starting at token `first` starts: back over determiners, role
/// titles and capitalised words ("The Iranian government", "US Secretary of State Antony
/// Blinken"), not before `floor`.
fn phrase_start(doc: &Doc, floor: usize, first: usize) -> usize {
    let mut start = first;
    while start > floor && is_name_word(doc, start - 1) {
        start -= 1;
    }
    start
}

/// What a head unit names.
#[derive(Debug, Clone)]
struct Described {
    kind: ActorKind,
    name: String,
    /// Alpha-2 code.
    country: Option<&'static str>,
    entity: Option<usize>,
    members: Vec<Member>,
    /// One past the last token of the actor (the head, and a state word after a demonym).
    end: usize,
}

fn describe(doc: &Doc, head: &Unit, chunk_units: &[&Unit], places: bool) -> Described {
    let written = doc.slice(head.start, head.end).to_string();
    let mut out = Described {
        kind: ActorKind::Organisation,
        name: written.clone(),
        country: None,
        entity: None,
        members: Vec::new(),
        end: head.end,
    };
    let next = doc.word(head.end);
    match head.kind {
        UnitKind::Mention(m) => {
            let mention = doc.entities.mentions.get(m);
            let entity = mention.and_then(|m| doc.entities.entities.get(m.entity));
            out.entity = mention.map(|m| m.entity);
            if let Some(entity) = entity {
                out.name = entity.name.clone();
                let country_named = countries::lookup(&entity.name)
                    .filter(|p| matches!(p, Place::Country(_) | Place::Capital(_)));
                if let (Some(place), true) = (country_named, matches!(next, "'s" | "’s")) {
                    // "Jordan's King Abdullah II" with "Jordan" tagged as a person: the country.
                    place_actor(&mut out, place, &written, next, places);
                } else if entity.kind == EntityType::Person {
                    out.kind = ActorKind::Person;
                    out.country = entity.affiliation.as_ref().and_then(|a| a.country);
                } else if let Some(place) =
                    countries::lookup(&entity.name).or_else(|| countries::lookup(&written))
                {
                    place_actor(&mut out, place, &written, next, places);
                } else if std::iter::once(&entity.name)
                    .chain(&entity.aliases)
                    .any(|n| groups::names_international(n))
                {
                    out.kind = ActorKind::International;
                } else {
                    out.kind = match entity.kind {
                        EntityType::Gpe | EntityType::Loc => ActorKind::Place,
                        EntityType::Norp => ActorKind::People,
                        _ => ActorKind::Organisation,
                    };
                    out.country = out
                        .entity
                        .and_then(|e| doc.entity_country(e))
                        .or_else(|| {
                            std::iter::once(&entity.name)
                                .chain(&entity.aliases)
                                .find_map(|n| groups::organisation_country(n))
                        })
                        .or_else(|| word_country(&entity.name));
                }
            }
        }
        UnitKind::International => out.kind = ActorKind::International,
        UnitKind::Country(place) => place_actor(&mut out, place, &written, next, places),
        UnitKind::Known(members) => {
            out.kind = ActorKind::Group;
            out.members = members
                .iter()
                .filter_map(|iso| countries::by_iso(iso))
                .map(|c| Member {
                    name: c.name.to_string(),
                    country: alpha3(c.iso),
                    entity: None,
                })
                .collect();
        }
        UnitKind::Collective => out.kind = ActorKind::Group,
    }
    if out.kind == ActorKind::People && next == "capital" {
        // "the Ukrainian capital": the capital the article names, else the state.
        if let Some(iso) = out.country {
            out.end = head.end + 1;
            match capital_entity(doc, iso) {
                Some((index, name)) if places => {
                    out.kind = ActorKind::Place;
                    out.entity = Some(index);
                    out.name = name;
                }
                _ => {
                    out.kind = ActorKind::State;
                    if let Some(c) = countries::by_iso(iso) {
                        out.name = c.name.to_string();
                    }
                }
            }
        }
    }
    if matches!(out.kind, ActorKind::State | ActorKind::People) && is_state_word(next) {
        out.end = head.end + 1;
    } else if out.kind == ActorKind::People && lexicon::is_head(next) {
        // "the Spanish ambassador": one of the country's officials.
        out.kind = ActorKind::Person;
        out.end = head.end + 1;
    }
    if out.country.is_none() && out.kind != ActorKind::Group {
        // A modifier in the same phrase: "Kyrgyz Foreign Minister Jeenbek Kulubaev".
        out.country = chunk_units
            .iter()
            .filter(|u| u.start != head.start)
            .find_map(|u| unit_country(doc, u));
    }
    out
}

/// Whether `word` after a demonym makes the phrase the state: "the Iranian government",
/// "Serbian authorities", "the Russian leadership".
fn is_state_word(word: &str) -> bool {
    groups::is_state_head(word) || lexicon::is_institution(word)
}

/// A country, capital or demonym as an actor.
fn place_actor(out: &mut Described, place: Place, written: &str, next: &str, places: bool) {
    let Some(country) = place.country() else {
        out.kind = ActorKind::People;
        return;
    };
    out.country = Some(country.iso);
    match place {
        Place::Capital(_) if places => {
            out.kind = ActorKind::Place;
            out.name = written.to_string();
        }
        Place::Demonym(_) if !is_state_word(next) => {
            out.kind = ActorKind::People;
            out.name = written.to_string();
        }
        _ => {
            out.kind = ActorKind::State;
            out.name = country.name.to_string();
        }
    }
}

/// The article's entity that is the capital of the country `iso` (alpha-2), with its name.
fn capital_entity(doc: &Doc, iso: &str) -> Option<(usize, String)> {
    doc.entities
        .entities
        .iter()
        .enumerate()
        .find_map(|(i, e)| match countries::lookup(&e.name) {
            Some(Place::Capital(c)) if c.iso == iso => Some((i, e.name.clone())),
            _ => None,
        })
}

/// The country a unit is or belongs to (alpha-2).
fn unit_country(doc: &Doc, unit: &Unit) -> Option<&'static str> {
    match unit.kind {
        UnitKind::Mention(m) => {
            let index = doc.entities.mentions.get(m)?.entity;
            let entity = doc.entities.entities.get(index)?;
            doc.entity_country(index)
                .or_else(|| entity.affiliation.as_ref().and_then(|a| a.country))
                .or_else(|| groups::organisation_country(&entity.name))
                .or_else(|| word_country(&entity.name))
        }
        UnitKind::Country(place) => place.country().map(|c| c.iso),
        _ => None,
    }
}

/// The first country a name's words name: "Nigerian Union of Teachers" gives NG.
fn word_country(name: &str) -> Option<&'static str> {
    name.split_whitespace()
        .filter(|w| !countries::is_ambiguous(w))
        .find_map(|w| countries::lookup(w.trim_end_matches("'s")).and_then(Place::country))
        .map(|c| c.iso)
}

fn build(doc: &Doc, start: usize, end: usize, d: Described) -> Option<Actor> {
    let span = doc.span(start, end)?;
    let country = d.country.and_then(countries::by_iso);
    let mut actor = Actor {
        text: doc.slice(start, end).to_string(),
        name: d.name,
        span,
        kind: d.kind,
        entity: d.entity,
        country: d.country.and_then(alpha3),
        country_name: country.map(|c| c.name),
        members: d.members,
    };
    if actor.kind == ActorKind::Group {
        actor.country = common_country(&actor.members);
        actor.country_name = None;
    }
    Some(actor)
}

fn group(doc: &Doc, start: usize, end: usize, members: Vec<Member>) -> Option<Actor> {
    let text = doc.slice(start, end).to_string();
    Some(Actor {
        name: text.clone(),
        text,
        span: doc.span(start, end)?,
        kind: ActorKind::Group,
        entity: None,
        country: common_country(&members),
        country_name: None,
        members,
    })
}

fn common_country(members: &[Member]) -> Option<&'static str> {
    let first = members.first()?.country?;
    members
        .iter()
        .all(|m| m.country == Some(first))
        .then_some(first)
}

/// The head chunk's unit and the units coordinated with it ("France, Britain and Germany"): a
/// run of chunks opened by commas that ends in one opened by "and" or "or", each holding one
/// name. Without the closing conjunction the commas set off an apposition, not a list.
fn coordinated(doc: &Doc, units: &[Unit], chunks: &[Chunk], head: usize) -> Vec<(Unit, Member)> {
    list_from(doc, units, chunks, head)
}

/// The list a collective name introduces: "Western powers, including the United States, France,
/// Britain and Germany".
fn listed_after(doc: &Doc, units: &[Unit], chunks: &[Chunk], head: usize) -> Vec<Member> {
    let mut k = head + 1;
    while chunks
        .get(k)
        .is_some_and(|c| c.opener == "," && c.start == c.end)
    {
        k += 1;
    }
    if chunks.get(k).is_none_or(|c| c.opener != "including") {
        return Vec::new();
    }
    list_from(doc, units, chunks, k)
        .into_iter()
        .map(|(_, m)| m)
        .collect()
}

fn list_from(doc: &Doc, units: &[Unit], chunks: &[Chunk], first: usize) -> Vec<(Unit, Member)> {
    let only = |k: usize| {
        let mut inside = units.iter().filter(|u| u.chunk == k);
        match (inside.next(), inside.next()) {
            (Some(u), None) => Some(*u),
            _ => None,
        }
    };
    // A list item is a bare name: "Kyiv last week and Yellen" is not a list of two.
    let bare = |from: usize, to: usize| (from..to).all(|i| is_name_word(doc, i));
    let Some(head) = units.iter().rfind(|u| u.chunk == first) else {
        return Vec::new();
    };
    let mut out = vec![(*head, member(doc, head))];
    if chunks.get(first).is_some_and(|c| !bare(head.end, c.end)) {
        return out;
    }
    let mut k = first + 1;
    let mut pending = Vec::new();
    while let Some(chunk) = chunks.get(k) {
        let Some(unit) = only(k) else { break };
        if !bare(chunk.start, unit.start) {
            break;
        }
        match chunk.opener.as_str() {
            "," if bare(unit.end, chunk.end) => pending.push((unit, member(doc, &unit))),
            "and" | "or" => {
                out.append(&mut pending);
                out.push((unit, member(doc, &unit)));
                break;
            }
            _ => break,
        }
        k += 1;
    }
    out
}

/// Whether token `i` can be part of a name's phrase: a determiner, a possessive, a role title or
/// a capitalised word.
fn is_name_word(doc: &Doc, i: usize) -> bool {
    doc.in_title(i)
        || matches!(
            doc.lower(i),
            "the" | "a" | "an" | "'s" | "’s" | "its" | "their"
        )
        || doc.word(i).chars().next().is_some_and(char::is_uppercase)
}

fn member(doc: &Doc, unit: &Unit) -> Member {
    let entity = match unit.kind {
        UnitKind::Mention(m) => doc.entities.mentions.get(m).map(|m| m.entity),
        _ => None,
    };
    Member {
        name: doc.slice(unit.start, unit.end).to_string(),
        country: unit_country(doc, unit).and_then(alpha3),
        entity,
    }
}

/// Whether the actor's phrase names an armed force ("Serb forces", "Russian aircraft").
pub(crate) fn is_armed(doc: &Doc, start: usize, end: usize) -> bool {
    (start..end.saturating_add(1)).any(|i| groups::is_military(doc.lower(i)))
}
