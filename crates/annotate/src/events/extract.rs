//! Events of one sentence: each action the lexicon finds, with its source and target read from
//! the sentence's shape.
//!
//! - An active verb's source is the clause's subject (a sentence-opening adjunct such as "In
//!   Astana on Tuesday," is skipped; after "that", the complement clause's subject; in a
//!   relative clause, the name before "who" or "which"), its target the first name after it.
//! - A passive ("was sanctioned by the EU") takes its source from "by" and its target from the
//!   subject.
//! - A participle ("a resolution by the IAEA censuring Tehran") and a noun ("Yellen's visit to
//!   Kyiv") take their source from the name just before them, else from the clause's subject.
//! - "must" ("Washington declared that China must drop barriers") is a demand by the subject on
//!   the name before it.

use crate::amounts::Amount;
use crate::sentence::Sentence;
use crate::time::Timex;

use super::actors::{find_actor, is_armed, Context, Placed, Slot};
use super::anchors;
use super::doc::Doc;
use super::lexicon::{find_triggers, Part, Trigger};
use super::modality::{adjust, modality};
use super::types::{ActorKind, Event, EventType, Frame, Modality};

/// Words that open a sentence with an adjunct, ended by the first comma.
const ADJUNCT_OPENERS: &[&str] = &[
    "in",
    "on",
    "at",
    "after",
    "before",
    "despite",
    "following",
    "during",
    "with",
    "amid",
    "as",
    "while",
    "when",
    "since",
    "because",
    "although",
    "though",
    "if",
    "asked",
    "under",
    "for",
];

/// Words after which a clause's object is no longer looked for.
const CLAUSE_ENDS: &[&str] = &[
    ";",
    "said",
    "says",
    "told",
    "according",
    "reported",
    "while",
    "but",
    "because",
    "which",
    "who",
    "whom",
    "where",
    "when",
    "although",
    "though",
    "whereas",
    "saying",
    "after",
    "before",
    "until",
    "unless",
    "since",
    "following",
    "amid",
    "despite",
    "if",
    "—",
];

/// Words before a noun that mark it as one ("a visit", "Blinken's visit").
const DETERMINERS: &[&str] = &[
    "a",
    "an",
    "the",
    "in",
    "'s",
    "’s",
    "his",
    "her",
    "its",
    "their",
    "our",
    "first",
    "upcoming",
    "planned",
    "unannounced",
    "official",
    "state",
    "this",
    "that",
    "recent",
    "new",
];

/// Forms of "be" that make a following participle passive.
const BE: &[&str] = &["is", "are", "was", "were", "be", "been", "being"];

/// Words that stand for an actor named before: a relative or complement clause boundary.
const CLAUSE_LINKS: &[&str] = &["who", "which", "that"];

/// Words that offer the action after them ("ready to", "willing to").
const OFFERS: &[&str] = &["ready", "willing", "prepared"];

/// Verbs that take a "that" complement clause.
const REPORTING: &[&str] = &[
    "said",
    "says",
    "say",
    "stated",
    "told",
    "declared",
    "announced",
    "demanded",
    "warned",
    "confirmed",
    "noted",
    "insisted",
    "reiterated",
    "added",
    "argued",
    "claimed",
    "reported",
    "believes",
    "believe",
    "urged",
    "stressed",
    "asked",
    "agreed",
    "decided",
    "ruled",
    "charged",
    "accused",
    "alleged",
    "acknowledged",
    "admitted",
    "denied",
    "indicated",
    "signalled",
    "signaled",
];

/// How far before "that" a reporting verb may be (a date or an addressee may stand between).
const REPORT_REACH: usize = 4;

/// How many tokens before an action its verb group is read from.
const LOOK_BACK: usize = 12;

/// How many tokens before a participle or noun its source may be.
const NEAR: usize = 10;

/// Appends the events of `sentence` to `out`.
pub(crate) fn sentence_events(
    doc: &Doc,
    sentence: &Sentence,
    timexes: &[Timex],
    amounts: &[Amount],
    context: &mut Context,
    out: &mut Vec<Event>,
) {
    let (s0, s1) = (sentence.tokens.start, sentence.tokens.end);
    let words = doc.lower_range(s0, s1);
    let main = main_clause_start(&words) + s0;
    let found_all = find_triggers(&words);
    let mut previous: Option<Previous> = None;
    for (k, &found) in found_all.iter().enumerate() {
        // "is prepared to impose martial law": the offer is the imposing, held out.
        let offered = found_all
            .get(k + 1)
            .is_some_and(|next| next.start <= found.end + 1);
        if offered && OFFERS.contains(&words.get(found.start).copied().unwrap_or("")) {
            continue;
        }
        let trigger = Trigger {
            start: found.start + s0,
            end: found.end + s0,
            ..found
        };
        let found = event(
            doc,
            sentence,
            main,
            trigger,
            previous.as_ref(),
            (timexes, amounts),
            context,
        );
        if let Some((event, source, target)) = found {
            previous = Some(Previous {
                end: trigger.end,
                event_type: event.event_type,
                modality: event.modality,
                source,
                target,
            });
            out.push(event);
        }
    }
}

/// What an action leaves to an infinitive right after it: "urged Iran to return" (Iran returns,
/// if it does), "will travel to Moscow to meet Putin" (the meeting is planned too).
#[derive(Debug, Clone)]
struct Previous {
    /// One past its last token.
    end: usize,
    event_type: EventType,
    modality: Modality,
    source: Option<Placed>,
    target: Option<Placed>,
}

/// How far after the previous action an infinitive may take from it, in tokens.
const INFINITIVE_REACH: usize = 8;

/// Token offset (within the sentence) where the main clause starts: after an opening adjunct.
fn main_clause_start(words: &[&str]) -> usize {
    let opens = words.first().is_some_and(|w| ADJUNCT_OPENERS.contains(w));
    if !opens {
        return 0;
    }
    words
        .iter()
        .position(|w| *w == ",")
        .map_or(0, |comma| comma + 1)
}

fn event(
    doc: &Doc,
    sentence: &Sentence,
    main: usize,
    trigger: Trigger,
    previous: Option<&Previous>,
    (timexes, amounts): (&[Timex], &[Amount]),
    context: &mut Context,
) -> Option<(Event, Option<Placed>, Option<Placed>)> {
    let (s0, s1) = (sentence.tokens.start, sentence.tokens.end);
    let clause_start = if trigger.start >= main { main } else { s0 };
    // The verb group and its modality lie just before the action.
    let before = doc.lower_range(
        trigger.start.saturating_sub(LOOK_BACK).max(s0),
        trigger.start,
    );
    let prev = before.last().copied().unwrap_or("");
    let first_word = doc.lower(trigger.start);
    let nominal = trigger.part == Part::Noun || DETERMINERS.contains(&prev);
    let be_before = before.iter().rev().take(3).any(|w| BE.contains(w));
    let to_infinitive = doc.lower(trigger.end.saturating_sub(1)) == "to";
    // "is opposed to", "were engaged in": an adjective with its preposition, not a passive.
    let adjectival = doc.lower(trigger.end) == "to"
        || (trigger.start + 1..trigger.end).any(|i| matches!(doc.lower(i), "to" | "in" | "with"));
    let passive =
        !nominal && be_before && !to_infinitive && !adjectival && looks_participle(first_word);
    let participle =
        !nominal && !be_before && first_word.ends_with("ing") && prev != "to" && prev != "of";
    let clause_end = clause_end(doc, trigger.end, s1);
    let places = matches!(trigger.frame, Some(Frame::Visit | Frame::Travel));
    // "complained to the UN over ...", "appealed to the UN for ...": the addressee.
    let spoken = matches!(
        trigger.event_type,
        EventType::Demand | EventType::Disapprove
    );

    // An infinitive right after another action: "urged Iran to return", "will travel ... to meet".
    let governing = previous.filter(|p| {
        prev == "to" && p.end <= trigger.start && trigger.start - p.end <= INFINITIVE_REACH
    });
    // "urged Iran to return": the one urged is the one to act.
    let controller = governing
        .filter(|p| p.event_type == EventType::Demand)
        .and_then(|p| p.target.clone())
        .filter(|(_, _, end)| end + 1 == trigger.start);

    let (source, target) = if let Some(controller) = controller {
        let slot = Slot::Object { places, spoken };
        let target = find_actor(doc, trigger.end, clause_end, slot, context);
        (Some(controller), target)
    } else if first_word == "must" {
        let target = find_actor(doc, clause_start, trigger.start, Slot::Last, context);
        let target_start = target.as_ref().map_or(trigger.start, |t| t.1);
        let source = find_actor(doc, clause_start, target_start, Slot::Subject, context);
        (source, target)
    } else if passive {
        let source = find_actor(doc, trigger.end, clause_end, Slot::Agent, context);
        let target = subject(doc, clause_start, trigger.start, context);
        (source, target)
    } else if nominal || participle {
        let near = trigger.start.saturating_sub(NEAR).max(clause_start);
        let source = find_actor(doc, near, trigger.start, Slot::Nearest, context)
            .or_else(|| {
                let window = (trigger.end + NEAR).min(clause_end);
                find_actor(doc, trigger.end, window, Slot::Agent, context)
            })
            // "Yellen's visit to Kyiv to announce $1.25 billion in assistance": the actor of
            // the action before it in the sentence.
            .or_else(|| previous.and_then(|p| p.source.clone()))
            .or_else(|| subject(doc, clause_start, trigger.start, context));
        let window = (trigger.end + NEAR).min(clause_end);
        let target = find_actor(
            doc,
            trigger.end,
            window,
            Slot::Object { places, spoken },
            context,
        );
        (source, target)
    } else {
        let source = subject(doc, clause_start, trigger.start, context);
        // A place is the target only when no other name follows ("strengthened its forces in
        // Lebanon").
        let object = |places: bool, context: &mut Context| {
            let slot = Slot::Object { places, spoken };
            find_actor(doc, trigger.end, clause_end, slot, context)
        };
        let target = object(places, context).or_else(|| object(true, context));
        (source, target)
    };
    // A place acts only as its state ("Tehran"); "the Geneva talks" are not Geneva's.
    let source = source.filter(|(a, _, _)| a.kind != ActorKind::Place);
    if source.is_none() && target.is_none() {
        return None;
    }
    let modality = match governing {
        Some(p) if p.event_type == EventType::Demand => Modality::Hypothetical,
        Some(p) if p.modality != Modality::Asserted => p.modality,
        _ => modality(&before),
    };
    let mut event_type = adjust(trigger.event_type, modality);
    if trigger.event_type == EventType::Protest
        && first_word.starts_with("protest")
        && source.as_ref().is_some_and(|(a, _, _)| {
            matches!(
                a.kind,
                ActorKind::State
                    | ActorKind::Person
                    | ActorKind::International
                    | ActorKind::Organisation
            )
        })
    {
        // PLOVER: a government or a person protesting in words disapproves; PROTEST is for
        // crowds in the street.
        event_type = EventType::Disapprove;
    }
    if event_type == EventType::Assault
        && first_word.starts_with("kill")
        && source
            .as_ref()
            .is_some_and(|(a, s, e)| is_armed(doc, *s, *e) || a.kind == ActorKind::State)
    {
        // PLOVER: killing by organised armed forces is FIGHT; ASSAULT is violence against
        // people outside such combat.
        event_type = EventType::Fight;
    }
    let taken: Vec<(usize, usize)> = [&source, &target]
        .into_iter()
        .flatten()
        .map(|(_, a, b)| (*a, *b))
        .collect();
    let sentence_bytes = (sentence.start, sentence.end);
    let at = doc
        .tokens
        .get(trigger.start)
        .map_or(sentence.start, |t| t.start);
    let event = Event {
        event_type,
        frame: trigger.frame,
        trigger: doc.slice(trigger.start, trigger.end).to_string(),
        trigger_span: doc.span(trigger.start, trigger.end)?,
        nominal,
        main_clause: trigger.start >= main,
        modality,
        source: source.as_ref().map(|(a, _, _)| a.clone()),
        target: target.as_ref().map(|(a, _, _)| a.clone()),
        place: anchors::place(doc, (s0, s1), (trigger.start, trigger.end), &taken),
        date: anchors::date(doc, timexes, sentence_bytes, at),
        amount: anchors::amount(doc, amounts, sentence_bytes, at),
        evidence: doc.slice(s0, s1).to_string(),
        evidence_span: doc.span(s0, s1)?,
    };
    Some((event, source, target))
}

/// The subject of a verb at token `verb`, in a clause starting at `start`: after "that", the
/// complement clause's subject; in a relative clause, the name before "who" or "which".
fn subject(doc: &Doc, start: usize, verb: usize, context: &mut Context) -> Option<Placed> {
    let link = (start..verb)
        .rev()
        .find(|&i| CLAUSE_LINKS.contains(&doc.lower(i)));
    if let Some(link) = link {
        if let Some(found) = find_actor(doc, link + 1, verb, Slot::Opening, context) {
            return Some(found);
        }
        // "that" after a reporting verb opens a complement clause whose subject is not named
        // ("said that it must"); otherwise it opens a relative clause about the name before it.
        let reported =
            (link.saturating_sub(REPORT_REACH)..link).any(|i| REPORTING.contains(&doc.lower(i)));
        if doc.lower(link) != "that" || !reported {
            return find_actor(doc, start, link, Slot::Nearest, context);
        }
    }
    find_actor(doc, start, verb, Slot::Subject, context)
}

/// Where a clause's object search stops.
fn clause_end(doc: &Doc, from: usize, sentence_end: usize) -> usize {
    (from..sentence_end)
        .find(|&i| CLAUSE_ENDS.contains(&doc.lower(i)))
        .unwrap_or(sentence_end)
}

/// Whether a verb form can be a past participle.
fn looks_participle(word: &str) -> bool {
    word.ends_with("ed")
        || word.ends_with("en")
        || word.ends_with("wn")
        || [
            "met", "held", "sent", "hit", "shot", "struck", "cut", "set", "fought", "put",
        ]
        .contains(&word)
}
