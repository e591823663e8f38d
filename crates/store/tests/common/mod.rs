//! Articles for the store's tests.

#![allow(dead_code)]

use chancery_model::{
    ActorRecord, AmountKind, AmountRecord, Article, ArticleId, ArticleMeta, Block, DateEvidence,
    DateKind, DateRecord, DateSource, EntityKind, EntityRecord, EventAmountRecord, EventDateRecord,
    EventPlaceRecord, EventRecord, MemberRecord, MentionBlock, MentionRecord, MetaSource,
    PartyRecord, PlaceRecord, Provenance, QuoteRecord, RemovalReason, RemovedLine, Span,
    StatedTime, TextLocation,
};
use chrono::{DateTime, NaiveDate, NaiveTime, Utc};

pub fn block(text: &str, start: u64) -> Block {
    Block {
        text: text.to_string(),
        span: Span {
            start,
            end: start + text.len() as u64,
        },
    }
}

pub fn date(y: i32, m: u32, d: u32) -> NaiveDate {
    NaiveDate::from_ymd_opt(y, m, d).expect("valid date")
}

pub fn instant(text: &str) -> DateTime<Utc> {
    DateTime::parse_from_rfc3339(text)
        .expect("valid instant")
        .with_timezone(&Utc)
}

/// An article with every field set, including every removal reason and two full provenance rows.
pub fn full_article() -> Article {
    let title = block("Talks ‘Based on Trust’ Resume in Vienna", 0);
    let paragraphs = vec![
        block(
            "VIENNA, Feb. 28, 2023 (Reuters) - Talks resumed on Tuesday.",
            120,
        ),
        block(
            "Diplomats said the mood was “constructive”; 🙂 émigrés agreed.",
            190,
        ),
    ];
    let reasons = [
        RemovalReason::BoilerplatePhrase,
        RemovalReason::RepeatedInSource,
        RemovalReason::RepeatedTitle,
        RemovalReason::RepeatedCaption,
        RemovalReason::RepeatedParagraph,
        RemovalReason::Fragment,
        RemovalReason::PageFurniture,
        RemovalReason::Comments,
    ];
    let removed = reasons
        .iter()
        .enumerate()
        .map(|(i, &reason)| RemovedLine {
            text: format!("removed line {i} \"quoted\"\tand tabbed"),
            span: Span {
                start: 300 + 40 * i as u64,
                end: 330 + 40 * i as u64,
            },
            reason,
        })
        .collect();
    Article {
        id: Article::content_id(Some(&title), &paragraphs),
        title: Some(title),
        captions: vec![block(
            "Delegates arrive in Vienna, February 28, 2023. (Reuters)",
            60,
        )],
        paragraphs,
        language: Some("eng".into()),
        published: Some(date(2023, 2, 28)),
        published_evidence: Some(DateEvidence {
            source: DateSource::Dateline,
            text: "Feb. 28, 2023".into(),
            span: Some(Span {
                start: 128,
                end: 141,
            }),
        }),
        source: "reuters.com".into(),
        url: Some("https://www.reuters.com/world/talks-2023-02-28/".into()),
        provenance: vec![
            Provenance {
                path: "crawl/CC-NEWS-20230228.warc.gz".into(),
                offset: 1_234_567,
                length: 8_910,
                line: None,
                record_id: Some("<urn:uuid:0b8a0c9e-1111-2222-3333-444455556666>".into()),
                url: Some("https://www.reuters.com/world/talks-2023-02-28/".into()),
                fetched_at: Some(instant("2023-02-28T10:11:12.123456789Z")),
            },
            Provenance {
                path: "dumps/news.jsonl".into(),
                offset: 4_096,
                length: 2_048,
                line: Some(3),
                record_id: Some("rec-3".into()),
                url: Some("https://reuters.com/world/talks".into()),
                fetched_at: Some(instant("2023-03-01T00:00:00Z")),
            },
        ],
        removed,
        meta: ArticleMeta {
            subtitle: Some("Talks resume after a year".into()),
            authors: vec!["Jane Doe".into(), "Émile Zola".into()],
            authors_source: Some(MetaSource::JsonLd),
            published: Some(StatedTime {
                date: date(2023, 2, 28),
                time: NaiveTime::from_hms_opt(9, 30, 0),
                utc_offset: Some(3600),
            }),
            published_source: Some(MetaSource::OpenGraph),
            site_name: Some("Reuters".into()),
            canonical_url: Some("https://www.reuters.com/world/talks-2023-02-28/".into()),
            section: Some("World".into()),
            tags: vec!["Iran".into(), "Diplomacy".into()],
            image: Some("https://www.reuters.com/img/talks.jpg".into()),
            ..ArticleMeta::default()
        },
        entities: entities(),
        dates: dates(),
        amounts: amounts(),
        quotes: quotes(),
        events: events(),
    }
}

/// Time expressions of [`full_article`]: resolved dates with raw spans, one in a caption, and a
/// duration without a value or raw span.
pub fn dates() -> Vec<DateRecord> {
    let record =
        |text: &str, kind, value: Option<&str>, block, index, start: usize, raw: Option<u64>| {
            DateRecord {
                text: text.to_string(),
                kind,
                value: value.map(str::to_string),
                block,
                index,
                start,
                end: start + text.len(),
                raw: raw.map(|r| Span::new(r, r + text.len() as u64)),
            }
        };
    vec![
        record(
            "February 28, 2023",
            DateKind::Date,
            Some("2023-02-28"),
            MentionBlock::Caption,
            0,
            28,
            Some(88),
        ),
        record(
            "Feb. 28, 2023",
            DateKind::Date,
            Some("2023-02-28"),
            MentionBlock::Paragraph,
            0,
            8,
            Some(128),
        ),
        record(
            "Tuesday",
            DateKind::Date,
            Some("2023-02-28"),
            MentionBlock::Paragraph,
            0,
            51,
            Some(171),
        ),
        record(
            "a year",
            DateKind::Duration,
            None,
            MentionBlock::Title,
            0,
            0,
            None,
        ),
    ]
}

/// Amounts of [`full_article`]: one of each kind, fractional values, one without a raw span.
pub fn amounts() -> Vec<AmountRecord> {
    let record = |text: &str, kind, value, unit: &str, raw: Option<u64>| AmountRecord {
        text: text.to_string(),
        kind,
        value,
        unit: unit.to_string(),
        block: MentionBlock::Paragraph,
        index: 1,
        start: 0,
        end: text.len(),
        raw: raw.map(|r| Span::new(r, r + text.len() as u64)),
    };
    vec![
        record("$1.25 billion", AmountKind::Money, 1.25e9, "USD", Some(190)),
        record("60%", AmountKind::Percent, 60.0, "percent", Some(190)),
        record(
            "0.25 percentage points",
            AmountKind::PercentagePoints,
            0.25,
            "percentage points",
            None,
        ),
        record(
            "five Central Asian republics",
            AmountKind::Count,
            5.0,
            "Central Asian republics",
            None,
        ),
    ]
}

/// Where a fixture's quote or event lies: paragraph `index`, bytes `start..end`, and the raw
/// input bytes when `raw` gives their start.
fn at(index: usize, start: usize, end: usize, raw: Option<u64>) -> TextLocation {
    TextLocation {
        block: MentionBlock::Paragraph,
        index,
        start,
        end,
        raw: raw.map(|r| Span::new(r, r + (end - start) as u64)),
    }
}

/// Quotes of [`full_article`]: a direct quote split in two pieces with a named addressee, and an
/// indirect one whose speaker is a pronoun left unresolved.
pub fn quotes() -> Vec<QuoteRecord> {
    vec![
        QuoteRecord {
            kind: "direct".into(),
            text: "\"We have built\" \"partnerships\"".into(),
            pieces: vec![at(1, 0, 16, Some(190)), at(2, 0, 14, None)],
            cue: Some("told".into()),
            speaker: Some(PartyRecord {
                text: "Tokayev".into(),
                entity: Some("Kassym-Jomart Tokayev".into()),
                link: "name".into(),
                at: at(1, 18, 25, Some(208)),
            }),
            addressee: Some(PartyRecord {
                text: "Blinken".into(),
                entity: Some("Antony Blinken".into()),
                link: "name".into(),
                at: at(1, 31, 38, None),
            }),
        },
        QuoteRecord {
            kind: "indirect".into(),
            text: "that talks will proceed".into(),
            pieces: vec![at(3, 12, 35, None)],
            cue: Some("confirmed".into()),
            speaker: Some(PartyRecord {
                text: "she".into(),
                entity: None,
                link: "unresolved".into(),
                at: at(3, 0, 3, None),
            }),
            addressee: None,
        },
    ]
}

/// Events of [`full_article`]: a dated meeting in a place, and aid from a group with members
/// and an amount, announced for the future.
pub fn events() -> Vec<EventRecord> {
    let actor = |text: &str, name: &str, kind: &str, country: Option<&str>| ActorRecord {
        text: text.into(),
        name: name.into(),
        kind: kind.into(),
        country: country.map(Into::into),
        entity: None,
        members: Vec::new(),
        at: at(1, 0, text.len(), None),
    };
    let mut group = actor(
        "France, Britain and Germany",
        "France, Britain and Germany",
        "group",
        None,
    );
    group.members = vec![
        MemberRecord {
            name: "France".into(),
            country: Some("FRA".into()),
        },
        MemberRecord {
            name: "Britain".into(),
            country: Some("GBR".into()),
        },
    ];
    vec![
        EventRecord {
            event_type: "CONSULT".into(),
            frame: Some("meet".into()),
            trigger: "met".into(),
            modality: "asserted".into(),
            source: Some(ActorRecord {
                entity: Some("Antony Blinken".into()),
                ..actor("Blinken", "Antony Blinken", "person", Some("USA"))
            }),
            target: Some(actor(
                "Tokayev",
                "Kassym-Jomart Tokayev",
                "person",
                Some("KAZ"),
            )),
            place: Some(EventPlaceRecord {
                text: "Astana".into(),
                country: Some("KAZ".into()),
                at: at(1, 3, 9, Some(193)),
            }),
            date: Some(EventDateRecord {
                text: "Tuesday".into(),
                value: Some("2023-02-28".into()),
                at: at(1, 13, 20, None),
            }),
            amount: None,
            evidence: "In Astana on Tuesday, Blinken met Tokayev.".into(),
            at: at(1, 0, 42, Some(190)),
        },
        EventRecord {
            event_type: "AID".into(),
            frame: Some("provide aid".into()),
            trigger: "will send".into(),
            modality: "future".into(),
            source: Some(group),
            target: Some(actor("Ukraine", "Ukraine", "state", Some("UKR"))),
            place: None,
            date: None,
            amount: Some(EventAmountRecord {
                text: "$1.25 billion".into(),
                value: 1.25e9,
                unit: "USD".into(),
                at: at(2, 40, 53, None),
            }),
            evidence: "France, Britain and Germany will send $1.25 billion to Ukraine.".into(),
            at: at(2, 0, 63, None),
        },
    ]
}

/// Entities of [`full_article`]: a person with a role and affiliation, a resolved place, and an
/// organisation whose mention has no raw span.
pub fn entities() -> Vec<EntityRecord> {
    let mention = |text: &str, block, index, start: usize, raw: Option<u64>| MentionRecord {
        text: text.to_string(),
        block,
        index,
        start,
        end: start + text.len(),
        raw: raw.map(|r| Span::new(r, r + text.len() as u64)),
    };
    vec![
        EntityRecord {
            name: "Émile Zola".into(),
            kind: EntityKind::Person,
            aliases: vec!["Zola".into()],
            mentions: vec![
                mention("Émile Zola", MentionBlock::Paragraph, 0, 4, Some(124)),
                mention("Zola", MentionBlock::Paragraph, 1, 10, None),
            ],
            roles: vec!["Secretary of State".into(), "envoy".into()],
            affiliation: Some("United States".into()),
            country: None,
            place: None,
        },
        EntityRecord {
            name: "Vienna".into(),
            kind: EntityKind::Gpe,
            aliases: Vec::new(),
            mentions: vec![mention("Vienna", MentionBlock::Title, 0, 33, Some(33))],
            roles: Vec::new(),
            affiliation: None,
            country: Some("AT".into()),
            place: Some(PlaceRecord {
                name: "Vienna".into(),
                geonames_id: 2_761_369,
                country: "AT".into(),
                lat: 48.208_49,
                lon: 16.372_08,
            }),
        },
        EntityRecord {
            name: "Reuters".into(),
            kind: EntityKind::Org,
            aliases: Vec::new(),
            mentions: vec![mention("Reuters", MentionBlock::Caption, 0, 48, None)],
            roles: Vec::new(),
            affiliation: None,
            country: None,
            place: None,
        },
    ]
}

/// A small distinct article number `n` read from `path`.
pub fn small(n: usize, source: &str, path: &str) -> Article {
    let title = block(&format!("Story number {n}"), 0);
    let paragraphs = vec![block(&format!("Body of story {n}, with a few words."), 20)];
    Article {
        id: Article::content_id(Some(&title), &paragraphs),
        title: Some(title),
        captions: Vec::new(),
        paragraphs,
        language: None,
        published: None,
        published_evidence: None,
        source: source.to_string(),
        url: None,
        provenance: vec![Provenance {
            path: path.to_string(),
            offset: n as u64 * 100,
            length: 100,
            ..Provenance::default()
        }],
        removed: Vec::new(),
        meta: ArticleMeta::default(),
        entities: Vec::new(),
        dates: Vec::new(),
        amounts: Vec::new(),
        quotes: Vec::new(),
        events: Vec::new(),
    }
}

/// Batch `index` of a deterministic sequence of batches of `size` small articles.
pub fn batch(index: usize, size: usize) -> Vec<Article> {
    (index * size..(index + 1) * size)
        .map(|n| small(n, &format!("source-{}", n % 7), "inputs/batches.jsonl"))
        .collect()
}

/// An article with a hand-picked id, for prefix tests.
pub fn with_id(id: &str, n: usize) -> Article {
    Article {
        id: ArticleId(id.to_string()),
        ..small(n, "prefix.test", "inputs/prefix.txt")
    }
}
