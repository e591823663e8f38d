//! Quotes and events stored with an article: who said what to whom, and who did what to whom,
//! each tied to the entities of the same article by canonical name and located in its text.
//!
//! Kinds, types and modalities are stored as their names (listed on each field) so the JSON an
//! export writes reads without this crate's enums.

use serde::{Deserialize, Serialize};

use crate::{MentionBlock, Span};

/// Where a piece of an article's text lies: a block and byte offsets into its text, and the same
/// bytes in the raw input when the block's text is a verbatim slice of it.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Serialize, Deserialize)]
pub struct TextLocation {
    /// The title, or a caption or paragraph.
    pub block: MentionBlock,
    /// Position among the blocks of its kind (0 for the title).
    pub index: usize,
    pub start: usize,
    pub end: usize,
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub raw: Option<Span>,
}

/// A speaker or an addressee.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
pub struct PartyRecord {
    /// As written where the attribution is made: a name, a pronoun ("she") or a description
    /// ("the spokeswoman").
    pub text: String,
    /// The canonical name of the article's entity it resolves to.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub entity: Option<String>,
    /// How it was resolved: `name`, `pronoun`, `description` or `unresolved`.
    pub link: String,
    pub at: TextLocation,
}

/// One attribution: who said (or believes, or reported) what, to whom.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
pub struct QuoteRecord {
    /// `direct` (between quotation marks), `partial` (quoted words inside reported speech) or
    /// `indirect` (reported speech: "stated that ...", "according to ...").
    pub kind: String,
    /// The content, its pieces joined by single spaces.
    pub text: String,
    /// The content's pieces in text order: one, or several when the quote is split around its
    /// cue or runs across paragraphs.
    pub pieces: Vec<TextLocation>,
    /// The words marking the attribution, as written ("said", "told", "according to").
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub cue: Option<String>,
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub speaker: Option<PartyRecord>,
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub addressee: Option<PartyRecord>,
}

impl QuoteRecord {
    /// The speaker's entity name, else the speaker as written.
    pub fn speaker_name(&self) -> Option<&str> {
        let speaker = self.speaker.as_ref()?;
        Some(speaker.entity.as_deref().unwrap_or(&speaker.text))
    }
}

/// Who acts in an event, or is acted on.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
pub struct ActorRecord {
    /// The phrase as written ("US Secretary of State Antony Blinken", "the three European
    /// nations").
    pub text: String,
    /// The entity's canonical name, the country a capital or demonym stands for, else the text.
    pub name: String,
    /// `state`, `person`, `organisation`, `international`, `people`, `group` or `place`.
    pub kind: String,
    /// ISO 3166-1 alpha-3 code of the country the actor is or acts for.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub country: Option<String>,
    /// The canonical name of the article's entity the actor is.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub entity: Option<String>,
    /// A group's members where known ("France", "United Kingdom", "Germany" for "the E3").
    #[serde(default, skip_serializing_if = "Vec::is_empty")]
    pub members: Vec<MemberRecord>,
    pub at: TextLocation,
}

impl ActorRecord {
    /// The countries the actor stands for: its own, else its members'.
    pub fn countries(&self) -> Vec<&str> {
        if let Some(c) = &self.country {
            return vec![c.as_str()];
        }
        let mut out: Vec<&str> = Vec::new();
        for c in self.members.iter().filter_map(|m| m.country.as_deref()) {
            if !out.contains(&c) {
                out.push(c);
            }
        }
        out
    }
}

/// One member of a group actor.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
pub struct MemberRecord {
    pub name: String,
    /// ISO 3166-1 alpha-3 code, when the member is or belongs to a country.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub country: Option<String>,
}

/// Where an event happened.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
pub struct EventPlaceRecord {
    /// As written ("Astana").
    pub text: String,
    /// ISO 3166-1 alpha-3 code of the country it is or lies in.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub country: Option<String>,
    pub at: TextLocation,
}

/// When an event happened.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
pub struct EventDateRecord {
    /// As written ("Tuesday").
    pub text: String,
    /// TIMEX3 value ("2023-02-28") when the article's date resolves it; never invented.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub value: Option<String>,
    pub at: TextLocation,
}

/// How much an event involved.
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
pub struct EventAmountRecord {
    /// As written ("$1.25 billion").
    pub text: String,
    /// The value, any scale word applied.
    pub value: f64,
    /// Currency code, "percent" or the thing counted.
    pub unit: String,
    pub at: TextLocation,
}

/// One event: actor – action – target, with place, date, amount and the sentence as evidence.
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
pub struct EventRecord {
    /// PLOVER type: `AGREE`, `CONSULT`, `SUPPORT`, `COOPERATE`, `AID`, `CONCEDE`, `RETREAT`,
    /// `INVESTIGATE`, `DEMAND`, `DISAPPROVE`, `REJECT`, `THREATEN`, `PROTEST`, `MOBILIZE`,
    /// `SANCTION`, `COERCE`, `ASSAULT` or `FIGHT`.
    #[serde(rename = "type")]
    pub event_type: String,
    /// The diplomacy frame, when the action is one: `meet`, `visit`, `travel`, `negotiate`,
    /// `provide aid`, `censure` or `sanction`.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub frame: Option<String>,
    /// The words naming the action, as written ("attends a meeting with", "censuring").
    pub trigger: String,
    /// `asserted`, `future` (planned or announced), `hypothetical` or `negated`.
    pub modality: String,
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub source: Option<ActorRecord>,
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub target: Option<ActorRecord>,
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub place: Option<EventPlaceRecord>,
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub date: Option<EventDateRecord>,
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub amount: Option<EventAmountRecord>,
    /// The sentence stating the event, as written.
    pub evidence: String,
    pub at: TextLocation,
}

impl EventRecord {
    /// The action: the frame when there is one ("meet"), else the PLOVER type in lower case.
    pub fn action(&self) -> String {
        self.frame
            .clone()
            .unwrap_or_else(|| self.event_type.to_lowercase())
    }
}
