//! Reading the corpus view back for browsing: pages of stories, a story's articles in time
//! order with copies marked, quotes by speaker, article and story, events by actor, type and
//! dates, and relations totalled per pair.

mod common;

use chancery_model::{EntityKind, EntityRecord, NamedCount, StoryRecord};
use chancery_store::{
    EventFilter, Period, Placement, QuoteFilter, RelationQuery, Store, StoryArticle,
};
use common::{date, full_article, small};

fn person(name: &str) -> EntityRecord {
    EntityRecord {
        name: name.into(),
        kind: EntityKind::Person,
        aliases: Vec::new(),
        mentions: Vec::new(),
        roles: Vec::new(),
        affiliation: None,
        country: None,
        place: None,
    }
}

fn story(id: u64, title: &str, articles: u32) -> StoryRecord {
    StoryRecord {
        id,
        title: title.into(),
        first_date: Some(date(2023, 2, 28)),
        last_date: Some(date(2023, 2, 28)),
        articles,
        independent_sources: 1,
        sources: vec![NamedCount {
            name: "reuters".into(),
            count: articles,
        }],
        key_entities: vec![NamedCount {
            name: "Kassym-Jomart Tokayev".into(),
            count: 1,
        }],
        key_places: Vec::new(),
    }
}

/// A store of three articles: the full article (with Tokayev and Blinken as entities), a later
/// copy of it in the same story, and an undated one in a story of its own.
fn corpus() -> (tempfile::TempDir, Store, [String; 3]) {
    let dir = tempfile::tempdir().expect("temporary directory");
    let mut store = Store::open(dir.path()).expect("store");
    let mut full = full_article();
    full.entities
        .extend([person("Kassym-Jomart Tokayev"), person("Antony Blinken")]);
    let mut copy = small(1, "copies", "copy.txt");
    copy.published = Some(date(2023, 3, 2));
    let other = small(2, "elsewhere", "other.txt");
    let ids = [&full, &copy, &other].map(|a| a.id.as_str().to_string());
    // Stored copy first: time order, not storage order, decides the timeline.
    store.insert_batch(&[copy, full, other]).expect("stored");
    let placements = [
        Placement {
            seq: 1,
            story: 7,
            duplicate_of: Some(2),
            similarity: Some(0.9),
        },
        Placement {
            seq: 2,
            story: 7,
            duplicate_of: None,
            similarity: None,
        },
        Placement {
            seq: 3,
            story: 8,
            duplicate_of: None,
            similarity: None,
        },
    ];
    store
        .write_placements(&placements, &[story(7, "Talks", 2), story(8, "Other", 1)])
        .expect("placed");
    (dir, store, ids)
}

#[test]
fn stories_page_and_a_storys_timeline_marks_copies() {
    let (_dir, store, [full, copy, other]) = corpus();
    assert_eq!(store.story_count().unwrap(), 2);
    let first: Vec<u64> = store
        .stories_page(1, 0)
        .unwrap()
        .iter()
        .map(|s| s.id)
        .collect();
    let second: Vec<u64> = store
        .stories_page(5, 1)
        .unwrap()
        .iter()
        .map(|s| s.id)
        .collect();
    assert_eq!((first, second), (vec![7], vec![8]));
    assert_eq!(
        store.story(8).unwrap().map(|s| s.title),
        Some("Other".into())
    );
    assert_eq!(store.story(9).unwrap(), None);

    let timeline = store.story_articles(7).unwrap();
    let ids: Vec<&str> = timeline.iter().map(|a| a.id.as_str()).collect();
    assert_eq!(ids, [full.as_str(), copy.as_str()]);
    // The copy names what it copies.
    assert_eq!(
        timeline[1],
        StoryArticle {
            id: copy.clone(),
            title: Some("Story number 1".into()),
            source: "copies".into(),
            date: Some(date(2023, 3, 2)),
            date_inferred: false,
            duplicate_of: Some(full.clone()),
            similarity: Some(0.9),
        }
    );
    assert!(timeline[0].duplicate_of.is_none());
    // The undated article takes its story's date.
    let undated = &store.story_articles(8).unwrap()[0];
    assert_eq!(undated.id, other);
    assert_eq!(
        (undated.date, undated.date_inferred),
        (Some(date(2023, 2, 28)), true)
    );
    assert!(store.story_articles(9).unwrap().is_empty());
}

#[test]
fn quotes_by_speaker_article_and_story_are_paged() {
    let (_dir, store, [full, _, other]) = corpus();
    let all = QuoteFilter {
        limit: 10,
        ..QuoteFilter::default()
    };
    let page = store.quotes(&all).unwrap();
    assert_eq!((page.total, page.items.len()), (2, 2));
    let first = &page.items[0];
    assert_eq!(first.article, full);
    assert_eq!(first.date, Some(date(2023, 2, 28)));
    assert_eq!(
        first.speaker_key.as_deref(),
        Some("PERSON:kassym-jomart tokayev")
    );
    assert_eq!(
        first.addressee_key.as_deref(),
        Some("PERSON:antony blinken")
    );
    assert_eq!(page.items[1].speaker_key, None);

    // A speaker by surname, by key, or as written; none by someone unknown.
    for speaker in [
        "Tokayev",
        "PERSON:kassym-jomart tokayev",
        "KASSYM-JOMART TOKAYEV",
    ] {
        let page = store
            .quotes(&QuoteFilter {
                speaker: Some(speaker.into()),
                ..all.clone()
            })
            .unwrap();
        assert_eq!(page.total, 1, "{speaker}");
        assert!(page.items[0].quote.text.contains("We have built"));
    }
    let she = QuoteFilter {
        speaker: Some("she".into()),
        ..all.clone()
    };
    assert_eq!(store.quotes(&she).unwrap().items[0].quote.kind, "indirect");
    let nobody = QuoteFilter {
        speaker: Some("Nobody Known".into()),
        ..all.clone()
    };
    assert_eq!(store.quotes(&nobody).unwrap().total, 0);

    let count = |filter: QuoteFilter| store.quotes(&filter).unwrap();
    assert_eq!(
        count(QuoteFilter {
            story: Some(7),
            ..all.clone()
        })
        .total,
        2
    );
    assert_eq!(
        count(QuoteFilter {
            story: Some(8),
            ..all.clone()
        })
        .total,
        0
    );
    assert_eq!(
        count(QuoteFilter {
            article: Some(full[..8].into()),
            ..all.clone()
        })
        .total,
        2
    );
    assert_eq!(
        count(QuoteFilter {
            article: Some(other),
            ..all.clone()
        })
        .total,
        0
    );
    // Paging keeps the total and skips the first.
    let paged = count(QuoteFilter {
        offset: 1,
        limit: 1,
        ..all
    });
    assert_eq!((paged.total, paged.items.len()), (2, 1));
    assert_eq!(paged.items[0].quote.kind, "indirect");
}

#[test]
fn events_by_actor_type_and_dates() {
    let (_dir, store, [full, _, _]) = corpus();
    let all = EventFilter {
        limit: 10,
        ..EventFilter::default()
    };
    let types = |filter: EventFilter| -> Vec<String> {
        let page = store.events(&filter).unwrap();
        assert_eq!(page.total, page.items.len());
        page.items.into_iter().map(|e| e.event.event_type).collect()
    };
    assert_eq!(types(all.clone()), ["CONSULT", "AID"]);
    let with = |actor: &str| EventFilter {
        actor: Some(actor.into()),
        ..all.clone()
    };
    assert_eq!(types(with("KAZ")), ["CONSULT"]);
    assert_eq!(types(with("GBR")), ["AID"]);
    assert_eq!(types(with("Blinken")), ["CONSULT"]);
    assert_eq!(types(with("ukraine")), ["AID"]);
    assert!(types(with("CHN")).is_empty());
    let of_type = EventFilter {
        event_type: Some("aid".into()),
        ..all.clone()
    };
    assert_eq!(types(of_type), ["AID"]);
    // The meeting is dated by its own date; the aid by the article's.
    let page = store.events(&all).unwrap();
    assert_eq!(page.items[0].day, Some(date(2023, 2, 28)));
    assert_eq!(page.items[0].article, full);
    assert_eq!(
        page.items[0].source_key.as_deref(),
        Some("PERSON:antony blinken")
    );
    let after = EventFilter {
        from: Some(date(2023, 3, 1)),
        ..all.clone()
    };
    assert!(types(after).is_empty());
    let until = EventFilter {
        to: Some(date(2023, 2, 28)),
        article: Some(full),
        story: Some(7),
        ..all
    };
    assert_eq!(types(until).len(), 2);
}

#[test]
fn relations_total_per_pair() {
    let (_dir, store, _) = corpus();
    let pairs = store
        .relations(&RelationQuery {
            period: Period::Whole,
            all_modalities: true,
            ..RelationQuery::default()
        })
        .unwrap();
    let summary: Vec<(&str, &str, &str, u64)> = pairs
        .iter()
        .map(|r| {
            (
                r.period.as_str(),
                r.source.as_str(),
                r.target.as_str(),
                r.events,
            )
        })
        .collect();
    assert_eq!(
        summary,
        [
            ("all", "FRA", "UKR", 1),
            ("all", "GBR", "UKR", 1),
            ("all", "USA", "KAZ", 1)
        ]
    );
}
