//! The briefing articles with what annotation and placing add: Tokayev named and quoted in the
//! Astana article, a dated meeting between the United States and Kazakhstan and a later
//! condemnation of Iran, and two stories (the New York Times article a copy of the Astana one).

use chancery_model::{
    ActorRecord, Article, EntityKind, EventDateRecord, EventRecord, MentionBlock, NamedCount,
    PartyRecord, QuoteRecord, StoryRecord, TextLocation,
};
use chancery_store::{Placement, Store};
use chancery_testkit::articles::{briefing, entity};
use chrono::NaiveDate;

/// Where every annotation of the fixture points: the first paragraph's first bytes.
fn at() -> TextLocation {
    TextLocation {
        block: MentionBlock::Paragraph,
        index: 0,
        start: 0,
        end: 5,
        raw: None,
    }
}

fn actor(name: &str, kind: &str, country: &str, entity: Option<&str>) -> ActorRecord {
    ActorRecord {
        text: name.into(),
        name: name.into(),
        kind: kind.into(),
        country: Some(country.into()),
        entity: entity.map(Into::into),
        members: Vec::new(),
        at: at(),
    }
}

fn event(kind: &str, source: ActorRecord, target: ActorRecord, day: &str) -> EventRecord {
    EventRecord {
        event_type: kind.into(),
        frame: None,
        trigger: "met".into(),
        modality: "asserted".into(),
        source: Some(source),
        target: Some(target),
        place: None,
        date: Some(EventDateRecord {
            text: day.into(),
            value: Some(day.into()),
            at: at(),
        }),
        amount: None,
        evidence: "Blinken met Tokayev.".into(),
        at: at(),
    }
}

/// The three briefing articles, annotated.
pub fn corpus() -> Vec<Article> {
    let mut articles = briefing();
    let blinken = || {
        actor(
            "Antony J. Blinken",
            "person",
            "USA",
            Some("Antony J. Blinken"),
        )
    };
    let astana = &mut articles[0];
    astana.entities.push(entity(
        "Kassym-Jomart Tokayev",
        EntityKind::Person,
        Some("KZ"),
    ));
    astana.quotes.push(QuoteRecord {
        kind: "direct".into(),
        text: "We have built very good and reliable long-term partnerships".into(),
        pieces: vec![at()],
        cue: Some("told".into()),
        speaker: Some(PartyRecord {
            text: "Tokayev".into(),
            entity: Some("Kassym-Jomart Tokayev".into()),
            link: "name".into(),
            at: at(),
        }),
        addressee: Some(PartyRecord {
            text: "Blinken".into(),
            entity: Some("Antony J. Blinken".into()),
            link: "name".into(),
            at: at(),
        }),
    });
    let tokayev = actor(
        "Kassym-Jomart Tokayev",
        "person",
        "KAZ",
        Some("Kassym-Jomart Tokayev"),
    );
    astana.events = vec![
        event("CONSULT", blinken(), tokayev.clone(), "2023-02-28"),
        event("SUPPORT", tokayev, blinken(), "2023-02-28"),
        event(
            "CONSULT",
            blinken(),
            actor("Kazakhstan", "state", "KAZ", None),
            "2023-03-07",
        ),
    ];
    let tehran = &mut articles[2];
    tehran.events = vec![event(
        "DISAPPROVE",
        actor("Iran", "state", "IRN", None),
        actor("United States", "state", "USA", None),
        "2023-03-01",
    )];
    articles
}

fn story(id: u64, title: &str, articles: u32, entities: &[&str]) -> StoryRecord {
    let date = NaiveDate::from_ymd_opt(2023, 2, 28);
    StoryRecord {
        id,
        title: title.into(),
        first_date: date,
        last_date: date,
        articles,
        independent_sources: 1,
        sources: vec![NamedCount {
            name: "tasnim".into(),
            count: 1,
        }],
        key_entities: entities
            .iter()
            .map(|name| NamedCount {
                name: (*name).into(),
                count: articles,
            })
            .collect(),
        key_places: Vec::new(),
    }
}

/// Places the stored corpus (storage numbers 1 to 3, in [`corpus`] order) in two stories.
pub fn place(store: &mut Store) {
    let placement = |seq, story, duplicate_of| Placement {
        seq,
        story,
        duplicate_of,
        similarity: duplicate_of.map(|_| 0.8),
    };
    store
        .write_placements(
            &[
                placement(1, 0, None),
                placement(2, 0, Some(1)),
                placement(3, 1, None),
            ],
            &[
                story(
                    0,
                    "Blinken in Central Asia",
                    2,
                    &["Antony J. Blinken", "Kazakhstan"],
                ),
                story(1, "Tehran Ready for Negotiations", 1, &["Iran"]),
            ],
        )
        .expect("the stories are placed");
}
