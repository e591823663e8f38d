//! `show`'s lines for quotes and events: who said what to whom, who did what to whom.

use std::io::{self, Write};

use chancery_model::{ActorRecord, EventRecord, QuoteRecord};

/// One entry per quote: kind, speaker (and addressee), cue and the words.
pub fn write_quotes(quotes: &[QuoteRecord]) -> io::Result<()> {
    if quotes.is_empty() {
        return Ok(());
    }
    let mut out = io::stdout();
    writeln!(out, "quotes:")?;
    for quote in quotes {
        let mut who = quote.speaker_name().unwrap_or("(unattributed)").to_string();
        if let Some(addressee) = &quote.addressee {
            let name = addressee.entity.as_deref().unwrap_or(&addressee.text);
            who.push_str(&format!(" to {name}"));
        }
        let cue = quote.cue.as_deref().unwrap_or("-");
        writeln!(out, "  {:<8} {who} [{cue}]: {}", quote.kind, quote.text)?;
    }
    writeln!(out)
}

/// One entry per event: type and frame, actor – action – target, then place, date, amount and
/// modality when known.
pub fn write_events(events: &[EventRecord]) -> io::Result<()> {
    if events.is_empty() {
        return Ok(());
    }
    let mut out = io::stdout();
    writeln!(out, "events:")?;
    for event in events {
        let mut line = format!(
            "  {:<11} {} -{}-> {}",
            event.event_type,
            actor(event.source.as_ref()),
            event.action(),
            actor(event.target.as_ref())
        );
        if let Some(place) = &event.place {
            line.push_str(&format!(" in {}", place.text));
        }
        if let Some(date) = &event.date {
            line.push_str(&format!(
                " on {}",
                date.value.as_deref().unwrap_or(&date.text)
            ));
        }
        if let Some(amount) = &event.amount {
            line.push_str(&format!(" ({})", amount.text));
        }
        if event.modality != "asserted" {
            line.push_str(&format!(" [{}]", event.modality));
        }
        writeln!(out, "{line}")?;
    }
    writeln!(out)
}

/// An actor's name with its countries: "Antony Blinken (USA)".
fn actor(actor: Option<&ActorRecord>) -> String {
    let Some(actor) = actor else {
        return "?".to_string();
    };
    let countries = actor.countries();
    if countries.is_empty() || countries == [actor.name.as_str()] {
        actor.name.clone()
    } else {
        format!("{} ({})", actor.name, countries.join(", "))
    }
}
