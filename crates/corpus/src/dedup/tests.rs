//! Tests of the duplicate index on small hand-written texts.

use super::*;

const STORY: &str =
    "Secretary of State Antony Blinken flew on Tuesday to Astana, where he will urge \
senior officials from five Central Asian countries to keep their distance from Russia and China. \
The meetings come at a critical juncture for American diplomacy in the region, officials said, \
as the United States and its allies send new weapons to Ukraine.";

fn index() -> DedupIndex {
    let config = DedupConfig {
        all_matches: true,
        ..DedupConfig::default()
    };
    DedupIndex::new(config).expect("the default configuration is valid")
}

fn date(day: u32) -> Option<NaiveDate> {
    NaiveDate::from_ymd_opt(2023, 2, day)
}

#[test]
fn exact_copy_joins_the_original_group() {
    let mut index = index();
    let first = index.add(STORY, date(28));
    assert_eq!(first.kind, MatchKind::New);
    let copy = index.add(&STORY.to_uppercase().replace(',', " "), date(28));
    assert_eq!(copy.kind, MatchKind::Exact { of: first.doc });
    assert_eq!(copy.group, first.group);
    assert_eq!(copy.matches, vec![(first.doc, 1.0)]);
}

#[test]
fn near_copy_is_verified_and_unrelated_text_is_not() {
    let mut index = index();
    let first = index.add(STORY, None);
    let edited = STORY.replace("critical juncture", "crucial juncture");
    let near = index.add(&edited, None);
    match near.kind {
        MatchKind::Near { of, jaccard } => {
            assert_eq!(of, first.doc);
            assert!((0.8..1.0).contains(&jaccard), "{jaccard}");
        }
        other => panic!("expected a near copy, got {other:?}"),
    }
    let other = index.add(
        "Tehran is ready for negotiations with Washington based on trust, the foreign minister \
         said on Monday after talks in Moscow about the nuclear agreement and sanctions relief.",
        None,
    );
    assert_eq!(other.kind, MatchKind::New);
    assert_ne!(other.group, first.group);
    assert_eq!(index.groups().len(), 2);
}

#[test]
fn heavy_rewrite_falls_below_the_threshold() {
    let mut index = index();
    index.add(STORY, None);
    // Every fourth word changed: most 5-word shingles are broken.
    let rewritten: Vec<String> = STORY
        .split(' ')
        .enumerate()
        .map(|(i, w)| {
            if i % 4 == 0 {
                format!("x{i}")
            } else {
                w.to_owned()
            }
        })
        .collect();
    let outcome = index.add(&rewritten.join(" "), None);
    assert_eq!(outcome.kind, MatchKind::New);
    assert!(outcome.matches.is_empty());
}

#[test]
fn canonical_is_earliest_then_longest() {
    let mut index = index();
    let late = index.add(STORY, date(28));
    let longer = format!("{STORY} More follows.");
    let early = index.add(&longer, date(27));
    let group = index.group(late.group).expect("group exists");
    assert_eq!(group.canonical, early.doc);
    assert_eq!(group.members, vec![late.doc, early.doc]);

    let mut undated = self::index();
    let short = undated.add(STORY, None);
    let long = undated.add(&longer, None);
    let group = undated.group(short.group).expect("group exists");
    assert_eq!(group.canonical, long.doc);
}

#[test]
fn grouping_mode_stops_at_the_first_match() {
    let mut index = DedupIndex::new(DedupConfig::default()).expect("valid");
    let first = index.add(STORY, None);
    let second = index.add(&STORY.replace("critical", "crucial"), None);
    let third = index.add(&STORY.replace("Tuesday", "Monday"), None);
    assert_eq!(second.group, first.group);
    assert_eq!(third.group, first.group);
    assert_eq!(third.matches.len(), 1);
    assert_eq!(index.group(first.group).map(|g| g.members.len()), Some(3));
}

#[test]
fn odd_inputs_do_not_panic() {
    let mut index = index();
    let empty = index.add("", None);
    let blank = index.add(" \n\t ,.", None);
    assert_eq!(blank.kind, MatchKind::Exact { of: empty.doc });
    let short = index.add("Ünïcödé ☃ 東京", None);
    assert_eq!(short.kind, MatchKind::New);
    assert_eq!(index.len(), 3);
    assert_eq!(index.group_of(DocId(99)), None);
}

#[test]
fn bad_configuration_is_refused() {
    let zero_bands = DedupConfig {
        bands: 0,
        ..DedupConfig::default()
    };
    assert!(DedupIndex::new(zero_bands).is_err());
    let bad_threshold = DedupConfig {
        threshold: 1.5,
        ..DedupConfig::default()
    };
    assert!(DedupIndex::new(bad_threshold).is_err());
}

#[test]
fn a_batch_places_articles_as_one_by_one_does() {
    let texts: Vec<String> = (0..40)
        .map(|i| match i % 4 {
            0 => format!("{STORY} Update {}.", i / 4),
            1 => STORY.replace("Tuesday", "Wednesday"),
            2 => format!("Unrelated report number {i} about harvests, rain and grain prices."),
            _ => STORY.to_uppercase(),
        })
        .collect();
    let articles: Vec<(&str, Option<NaiveDate>)> =
        texts.iter().map(|t| (t.as_str(), date(28))).collect();
    let mut one_by_one = index();
    let expected: Vec<DedupOutcome> = articles
        .iter()
        .map(|(text, day)| one_by_one.add(text, *day))
        .collect();
    let mut batched = index();
    let mut got = batched.add_batch(&articles[..15]);
    got.extend(batched.add_batch(&articles[15..]));
    assert_eq!(got, expected);
    assert_eq!(batched.groups(), one_by_one.groups());
    assert!(got.iter().any(|o| matches!(o.kind, MatchKind::Near { .. })));
}

#[test]
fn copies_of_articles_whose_shingles_were_dropped_are_found_by_their_sketches() {
    let budget = 2048;
    let mut index = DedupIndex::new(DedupConfig {
        max_shingle_bytes: budget,
        all_matches: true,
        ..DedupConfig::default()
    })
    .expect("a valid configuration");
    let first = index.add(STORY, None);
    // Enough other articles to push the first one's shingles out of the budget.
    for i in 0..30 {
        let filler: Vec<String> = (0..60).map(|j| format!("w{i}x{j}")).collect();
        index.add(&filler.join(" "), None);
        assert!(index.held_shingles() * 4 <= budget);
    }
    let edited = STORY.replace("critical juncture", "crucial juncture");
    match index.add(&edited, None).kind {
        MatchKind::Near { of, jaccard } => {
            assert_eq!(of, first.doc);
            assert!((0.8..=1.0).contains(&jaccard), "{jaccard}");
        }
        other => panic!("expected a near copy, got {other:?}"),
    }
    let copy = index.add(&STORY.to_uppercase(), None);
    assert_eq!(copy.kind, MatchKind::Exact { of: first.doc });
    let rewrite = index.add(
        &STORY
            .split_whitespace()
            .enumerate()
            .filter(|(i, _)| i % 3 != 0)
            .map(|(_, w)| w)
            .collect::<Vec<_>>()
            .join(" "),
        None,
    );
    assert_eq!(rewrite.kind, MatchKind::New);
}
