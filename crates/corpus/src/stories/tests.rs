//! Tests of story clustering on small hand-written articles.

use super::*;

fn day(month: u32, day: u32) -> Option<NaiveDate> {
    NaiveDate::from_ymd_opt(2023, month, day)
}

fn input<'a>(
    title: &'a str,
    body: &'a str,
    date: Option<NaiveDate>,
    source: &'a str,
) -> StoryInput<'a> {
    StoryInput {
        title,
        body,
        date,
        source,
        entities: &[],
        places: &[],
    }
}

const QUAKE_A: &str =
    "A powerful earthquake struck Qeshm island in southern Iran, killing ten people \
and damaging villages near Bandar Abbas, officials in Hormozgan province reported.";
const QUAKE_B: &str =
    "Rescuers searched damaged villages on Qeshm island after the earthquake near \
Bandar Abbas killed ten people, Hormozgan officials reported on Monday.";
const TRADE: &str =
    "Central bank governors meeting in Frankfurt raised interest rates by a quarter \
point, citing persistent inflation in services and a tight labour market across the eurozone.";

fn index() -> StoryIndex {
    StoryIndex::new(StoryConfig::default()).expect("the default configuration is valid")
}

#[test]
fn related_articles_share_a_story_and_others_do_not() {
    let mut index = index();
    let a = index.add(&input(
        "Quake kills ten in southern Iran",
        QUAKE_A,
        day(11, 27),
        "bbc",
    ));
    let b = index.add(&input(
        "Qeshm quake: rescuers search villages",
        QUAKE_B,
        day(11, 28),
        "ap",
    ));
    let c = index.add(&input("Rates rise again", TRADE, day(11, 28), "ft"));
    assert!(a.started);
    assert_eq!(b.story, a.story, "similarity {}", b.similarity);
    assert_ne!(c.story, a.story);
    let summary = index.summary(a.story).expect("story exists");
    assert_eq!(summary.title, "Quake kills ten in southern Iran");
    assert_eq!(summary.articles, 2);
    assert_eq!(summary.first_date, day(11, 27));
    assert_eq!(summary.last_date, day(11, 28));
    assert_eq!(summary.independent_sources, 2);
}

#[test]
fn far_apart_dates_split_the_same_words() {
    let mut index = index();
    let a = index.add(&input(
        "Quake kills ten in southern Iran",
        QUAKE_A,
        day(1, 5),
        "bbc",
    ));
    let b = index.add(&input(
        "Qeshm quake: rescuers search villages",
        QUAKE_B,
        day(6, 5),
        "ap",
    ));
    assert_ne!(a.story, b.story);
}

#[test]
fn copies_are_not_independent_sources() {
    let mut index = index();
    let a = index.add(&input("Quake kills ten", QUAKE_A, day(11, 27), "wire"));
    index.add_copy(
        a.story,
        &input("Quake kills ten", QUAKE_A, day(11, 27), "paper one"),
    );
    index.add_copy(
        a.story,
        &input("Quake kills ten", QUAKE_A, day(11, 28), "paper two"),
    );
    let summary = index.summary(a.story).expect("story exists");
    assert_eq!(summary.articles, 3);
    assert_eq!(summary.sources.len(), 3);
    assert_eq!(summary.independent_sources, 1);
}

#[test]
fn entities_and_places_are_summarised() {
    let mut index = index();
    let entities = [
        NamedEntity {
            name: "Antony Blinken".into(),
            kind: EntityKind::Person,
        },
        NamedEntity {
            name: "Kazakhstan".into(),
            kind: EntityKind::Gpe,
        },
    ];
    let places = ["Astana".to_owned()];
    let article = StoryInput {
        entities: &entities,
        places: &places,
        ..input(
            "Blinken in Astana",
            "Talks with Central Asian ministers.",
            None,
            "nyt",
        )
    };
    let outcome = index.add(&article);
    let summary = index.summary(outcome.story).expect("story exists");
    assert_eq!(summary.key_entities[0].name, "Antony Blinken");
    let places: Vec<&str> = summary.key_places.iter().map(|p| p.name.as_str()).collect();
    assert_eq!(places, ["Astana", "Kazakhstan"]);
}

#[test]
fn stale_stories_retire_and_keep_their_summary() {
    let config = StoryConfig {
        retire_after_articles: 10,
        ..StoryConfig::default()
    };
    let mut index = StoryIndex::new(config).expect("valid");
    let first = index.add(&input("Quake kills ten", QUAKE_A, None, "bbc"));
    for i in 0..SWEEP_EVERY {
        let body = format!("unrelated filler number w{i} about q{i} and z{i}");
        index.add(&input("", &body, None, "x"));
    }
    let summary = index.summary(first.story).expect("story exists");
    assert!(!summary.active);
    assert_eq!(summary.articles, 1);
    assert_eq!(summary.independent_sources, 1);
    let again = index.add(&input("Quake kills ten", QUAKE_A, None, "bbc"));
    assert_ne!(again.story, first.story);
    assert!(index.active_len() < index.len());
}

#[test]
fn empty_and_odd_articles_do_not_panic() {
    let mut index = index();
    let empty = index.add(&input("", "", None, ""));
    assert!(empty.started);
    let odd = index.add(&input("☃", "東京 ∅ \u{0}", day(2, 28), " "));
    assert!(odd.started);
    assert_eq!(index.summaries().len(), 2);
    let copy = index.add_copy(StoryId(42), &input("", "", None, ""));
    assert!(copy.started);
}
