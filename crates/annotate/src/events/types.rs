//! What event extraction produces: who did what to whom, where, when and for how much, with the
//! sentence that says so.
//!
//! Plain data. Action types are PLOVER's; the finer diplomacy frames ([`Frame`]) say which kind of
//! CONSULT, AID, DISAPPROVE or SANCTION an event is. Countries are ISO 3166-1 alpha-3 codes.

use crate::amounts::Amount;
use crate::entities::TextSpan;

/// The PLOVER event types (Political Language Ontology for Verifiable Event Records).
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash, PartialOrd, Ord)]
pub enum EventType {
    Agree,
    Consult,
    Support,
    Cooperate,
    Aid,
    Concede,
    Retreat,
    Investigate,
    Demand,
    Disapprove,
    Reject,
    Threaten,
    Protest,
    Mobilize,
    Sanction,
    Coerce,
    Assault,
    Fight,
}

impl EventType {
    /// Every type, in PLOVER's order (from cooperation to violence).
    pub const ALL: [EventType; 18] = [
        EventType::Agree,
        EventType::Consult,
        EventType::Support,
        EventType::Cooperate,
        EventType::Aid,
        EventType::Concede,
        EventType::Retreat,
        EventType::Investigate,
        EventType::Demand,
        EventType::Disapprove,
        EventType::Reject,
        EventType::Threaten,
        EventType::Protest,
        EventType::Mobilize,
        EventType::Sanction,
        EventType::Coerce,
        EventType::Assault,
        EventType::Fight,
    ];

    /// The PLOVER name: `AGREE`, `CONSULT`, ...
    pub fn as_str(self) -> &'static str {
        match self {
            EventType::Agree => "AGREE",
            EventType::Consult => "CONSULT",
            EventType::Support => "SUPPORT",
            EventType::Cooperate => "COOPERATE",
            EventType::Aid => "AID",
            EventType::Concede => "CONCEDE",
            EventType::Retreat => "RETREAT",
            EventType::Investigate => "INVESTIGATE",
            EventType::Demand => "DEMAND",
            EventType::Disapprove => "DISAPPROVE",
            EventType::Reject => "REJECT",
            EventType::Threaten => "THREATEN",
            EventType::Protest => "PROTEST",
            EventType::Mobilize => "MOBILIZE",
            EventType::Sanction => "SANCTION",
            EventType::Coerce => "COERCE",
            EventType::Assault => "ASSAULT",
            EventType::Fight => "FIGHT",
        }
    }

    /// The type named `name` (PLOVER's upper-case name).
    pub fn from_name(name: &str) -> Option<EventType> {
        EventType::ALL.into_iter().find(|t| t.as_str() == name)
    }

    /// Cooperative types: promised or offered, PLOVER codes them as AGREE; refused, as REJECT.
    pub fn is_cooperative(self) -> bool {
        matches!(
            self,
            EventType::Consult
                | EventType::Support
                | EventType::Cooperate
                | EventType::Aid
                | EventType::Concede
                | EventType::Retreat
        )
    }

    /// Coercive and violent types: announced for the future or held out as possible, PLOVER
    /// codes them as THREATEN.
    pub fn is_coercive(self) -> bool {
        matches!(
            self,
            EventType::Sanction | EventType::Coerce | EventType::Assault | EventType::Fight
        )
    }
}

/// Finer diplomacy frames, each a kind of one PLOVER type.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash)]
pub enum Frame {
    Meet,
    Visit,
    Travel,
    Negotiate,
    ProvideAid,
    Censure,
    Sanction,
}

impl Frame {
    /// The frame's name: "meet", "visit", "travel", "negotiate", "provide aid", "censure",
    /// "sanction".
    pub fn as_str(self) -> &'static str {
        match self {
            Frame::Meet => "meet",
            Frame::Visit => "visit",
            Frame::Travel => "travel",
            Frame::Negotiate => "negotiate",
            Frame::ProvideAid => "provide aid",
            Frame::Censure => "censure",
            Frame::Sanction => "sanction",
        }
    }

    /// The PLOVER type the frame is a kind of.
    pub fn event_type(self) -> EventType {
        match self {
            Frame::Meet | Frame::Visit | Frame::Travel | Frame::Negotiate => EventType::Consult,
            Frame::ProvideAid => EventType::Aid,
            Frame::Censure => EventType::Disapprove,
            Frame::Sanction => EventType::Sanction,
        }
    }
}

/// Whether the text says the event happened.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash)]
pub enum Modality {
    /// Stated as happening or having happened: "met", "is meeting".
    Asserted,
    /// Planned or announced: "will meet", "plans to hold talks", "upcoming negotiations".
    Future,
    /// Possible, offered or conditional: "could end", "is ready to host", "threatened to cut".
    Hypothetical,
    /// Denied or refused: "did not meet", "refused to attend".
    Negated,
}

impl Modality {
    /// Lower-case name: "asserted", "future", "hypothetical", "negated".
    pub fn as_str(self) -> &'static str {
        match self {
            Modality::Asserted => "asserted",
            Modality::Future => "future",
            Modality::Hypothetical => "hypothetical",
            Modality::Negated => "negated",
        }
    }
}

/// What an actor is.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash)]
pub enum ActorKind {
    /// A country or its government: "Iran", "Tehran", "the Iranian government", "Washington".
    State,
    /// A person, usually with a role: "US Secretary of State Antony Blinken".
    Person,
    /// An organisation that is not international: a party, ministry, company, rebel group.
    Organisation,
    /// An international organisation: "the IAEA", "the United Nations", "NATO".
    International,
    /// A people or a part of one: "Palestinians", "Serb forces", "Kyrgyz officials".
    People,
    /// Several actors named together: "France, Britain and Germany", "the E3", "Western powers".
    Group,
    /// A place that is not a state, as the target of travel or of an attack: "Kyiv", "Central
    /// Asia".
    Place,
}

impl ActorKind {
    /// Lower-case name: "state", "person", "organisation", "international", "people", "group",
    /// "place".
    pub fn as_str(self) -> &'static str {
        match self {
            ActorKind::State => "state",
            ActorKind::Person => "person",
            ActorKind::Organisation => "organisation",
            ActorKind::International => "international",
            ActorKind::People => "people",
            ActorKind::Group => "group",
            ActorKind::Place => "place",
        }
    }
}

/// One member of a group actor.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Member {
    /// The member's name: as written in the text, or the table's name when the group was
    /// expanded from a known group ("France" for "the E3").
    pub name: String,
    /// ISO 3166-1 alpha-3 code of the member country, when it is one or belongs to one.
    pub country: Option<&'static str>,
    /// Index of the member's entity in [`crate::entities::ArticleEntities::entities`].
    pub entity: Option<usize>,
}

/// Who acts, or is acted on.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Actor {
    /// The phrase as written: "US Secretary of State Antony Blinken", "the three European
    /// nations".
    pub text: String,
    /// The actor's name: the entity's canonical name ("Antony Blinken"), the country a capital or
    /// demonym stands for ("Iran" for "Tehran" or "the Iranian government"), else the text.
    pub name: String,
    /// Where the phrase is.
    pub span: TextSpan,
    pub kind: ActorKind,
    /// Index of the actor's entity in [`crate::entities::ArticleEntities::entities`].
    pub entity: Option<usize>,
    /// ISO 3166-1 alpha-3 code of the country the actor is or acts for ("USA" for Blinken through
    /// his affiliation). A group has one only when all its members share it.
    pub country: Option<&'static str>,
    /// The country's common English name ("United States").
    pub country_name: Option<&'static str>,
    /// A group's members, where known ("France", "United Kingdom", "Germany" for "the E3").
    pub members: Vec<Member>,
}

impl Actor {
    /// The countries the actor stands for: its own, else its members'.
    pub fn countries(&self) -> Vec<&'static str> {
        if let Some(c) = self.country {
            return vec![c];
        }
        let mut out: Vec<&'static str> = Vec::new();
        for c in self.members.iter().filter_map(|m| m.country) {
            if !out.contains(&c) {
                out.push(c);
            }
        }
        out
    }
}

/// Where an event happened: a place named with "in", "at" or "to".
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct EventPlace {
    /// As written: "Astana".
    pub text: String,
    pub span: TextSpan,
    /// Index of the place's entity in [`crate::entities::ArticleEntities::entities`].
    pub entity: Option<usize>,
    /// ISO 3166-1 alpha-3 code of the country it is or lies in.
    pub country: Option<&'static str>,
}

/// When an event happened: the sentence's time expression nearest the action.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct EventDate {
    /// As written: "on Tuesday" gives "Tuesday".
    pub text: String,
    pub span: TextSpan,
    /// The TIMEX3 value ("2023-02-28"), when the article's date resolves it.
    pub value: Option<String>,
}

/// How much an event involved: the money amount next to the action.
#[derive(Debug, Clone, PartialEq)]
pub struct EventAmount {
    /// As written: "$1.25 billion".
    pub text: String,
    pub span: TextSpan,
    /// The amount as found by [`crate::amounts::find_amounts`].
    pub amount: Amount,
}

/// One event: actor – action – target, with place, date, amount and the sentence as evidence.
#[derive(Debug, Clone, PartialEq)]
pub struct Event {
    /// PLOVER type, after modality: a promised cooperative act is AGREE, a refused one REJECT,
    /// an announced or possible coercive one THREATEN.
    pub event_type: EventType,
    /// The diplomacy frame, when the action is one.
    pub frame: Option<Frame>,
    /// The words that name the action, as written ("attends a meeting with", "censuring").
    pub trigger: String,
    pub trigger_span: TextSpan,
    /// Whether a noun names the action ("Blinken's visit", "talks with") rather than a verb.
    pub nominal: bool,
    /// Whether the action is in the sentence's main clause, not in an opening adjunct ("In a
    /// letter handed to the UN, Iraq said ...").
    pub main_clause: bool,
    pub modality: Modality,
    /// Who acts (the agent of a passive: "sanctioned by the EU" gives the EU).
    pub source: Option<Actor>,
    /// Who or what is acted on, met or visited.
    pub target: Option<Actor>,
    pub place: Option<EventPlace>,
    pub date: Option<EventDate>,
    pub amount: Option<EventAmount>,
    /// The sentence that states the event, as written.
    pub evidence: String,
    pub evidence_span: TextSpan,
}
