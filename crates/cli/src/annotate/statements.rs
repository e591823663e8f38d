//! Quotes and events as the model's records: kinds and types by name, speakers, addressees and
//! actors tied to the article's entities by canonical name, every piece located in its block.

use chancery_annotate::entities::{ArticleEntities, BlockKind, TextSpan};
use chancery_annotate::events::{Actor, Event};
use chancery_annotate::quotes::{Link, Party, Quote};
use chancery_model::{
    ActorRecord, EventAmountRecord, EventDateRecord, EventPlaceRecord, EventRecord, MemberRecord,
    MentionBlock, PartyRecord, QuoteRecord, TextLocation,
};

/// The stored block kind of an annotated block.
pub fn block_of(kind: BlockKind) -> MentionBlock {
    match kind {
        BlockKind::Title => MentionBlock::Title,
        BlockKind::Caption => MentionBlock::Caption,
        BlockKind::Paragraph => MentionBlock::Paragraph,
    }
}

/// Where an annotated span lies.
fn location(span: &TextSpan) -> TextLocation {
    TextLocation {
        block: block_of(span.block.kind),
        index: span.block.index,
        start: span.start,
        end: span.end,
        raw: span.raw,
    }
}

/// The canonical name of entity `index`, when there is one.
fn entity_name(found: &ArticleEntities, index: Option<usize>) -> Option<String> {
    found.entities.get(index?).map(|e| e.name.clone())
}

/// A quote's record.
pub fn quote_record(quote: &Quote, found: &ArticleEntities) -> QuoteRecord {
    QuoteRecord {
        kind: quote.kind.as_str().to_string(),
        text: quote.text.clone(),
        pieces: quote.content.iter().map(location).collect(),
        cue: quote.cue.as_ref().map(|c| c.text.clone()),
        speaker: quote.speaker.as_ref().map(|p| party(p, found)),
        addressee: quote.addressee.as_ref().map(|p| party(p, found)),
    }
}

fn party(party: &Party, found: &ArticleEntities) -> PartyRecord {
    PartyRecord {
        text: party.text.clone(),
        entity: entity_name(found, party.entity),
        link: match party.link {
            Link::Name => "name",
            Link::Pronoun => "pronoun",
            Link::Description => "description",
            Link::Unresolved => "unresolved",
        }
        .to_string(),
        at: location(&party.span),
    }
}

/// An event's record.
pub fn event_record(event: &Event, found: &ArticleEntities) -> EventRecord {
    EventRecord {
        event_type: event.event_type.as_str().to_string(),
        frame: event.frame.map(|f| f.as_str().to_string()),
        trigger: event.trigger.clone(),
        modality: event.modality.as_str().to_string(),
        source: event.source.as_ref().map(|a| actor(a, found)),
        target: event.target.as_ref().map(|a| actor(a, found)),
        place: event.place.as_ref().map(|p| EventPlaceRecord {
            text: p.text.clone(),
            country: p.country.map(str::to_string),
            at: location(&p.span),
        }),
        date: event.date.as_ref().map(|d| EventDateRecord {
            text: d.text.clone(),
            value: d.value.clone(),
            at: location(&d.span),
        }),
        amount: event.amount.as_ref().map(|a| EventAmountRecord {
            text: a.text.clone(),
            value: a.amount.value,
            unit: a.amount.unit().to_string(),
            at: location(&a.span),
        }),
        evidence: event.evidence.clone(),
        at: location(&event.evidence_span),
    }
}

fn actor(actor: &Actor, found: &ArticleEntities) -> ActorRecord {
    ActorRecord {
        text: actor.text.clone(),
        name: actor.name.clone(),
        kind: actor.kind.as_str().to_string(),
        country: actor.country.map(str::to_string),
        entity: entity_name(found, actor.entity),
        members: actor
            .members
            .iter()
            .map(|m| MemberRecord {
                name: m.name.clone(),
                country: m.country.map(str::to_string),
            })
            .collect(),
        at: location(&actor.span),
    }
}
