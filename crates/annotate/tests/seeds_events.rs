//! The bundled seed dumps, cleaned by chancery-extract and annotated with the NER model, time
//! expressions (against each article's extracted date), places (the bundled gazetteer) and
//! amounts, must give every event the hand-made expected output lists (`events` in
//! `crates/extract/tests/fixtures/seeds-expected.json`, a copy of the shared seeds'
//! `expected.json`): an event of the article with
//!
//! - `actor1` as its source and `actor2` as its target: the actor's name, text or country, or for
//!   a list ("France, Britain, Germany") every listed name among the group's members;
//! - `action` as its frame ("meet", "visit", "provide aid", "censure") or PLOVER type ("reject");
//! - `place` as its place, `date` as its date's value and `amount` as its amount, when given.
//!
//! The model file is built, not committed: the test is ignored by default and fails (never
//! skips) when run without it.

use std::path::{Path, PathBuf};

use chancery_annotate::amounts::find_amounts;
use chancery_annotate::entities::{annotate_article, ArticleText};
use chancery_annotate::events::{find_events_with_places, place_countries, Actor, Event};
use chancery_annotate::geo::{Gazetteer, Resolver};
use chancery_annotate::time::{find_timexes, Date};
use chancery_annotate::NerModel;
use chancery_extract::{text::clean_dump, ExtractConfig, NoEvidence};
use chancery_model::{DocFormat, DocMeta, Provenance, RawDoc};
use serde_json::Value;

const MODEL: &str = "crates/annotate/model/ner.bin";
const EXPECTED: &str = "crates/extract/tests/fixtures/seeds-expected.json";
const GAZETTEER: &str = "crates/annotate/src/geo/data/places.tsv.gz";

fn root() -> PathBuf {
    Path::new(env!("CARGO_MANIFEST_DIR"))
        .parent()
        .and_then(Path::parent)
        .expect("the crate lives two levels below the workspace root")
        .to_path_buf()
}

#[test]
#[ignore = "needs the NER model: crates/annotate/build-model.sh"]
fn seeds_events_are_found() {
    let path = root().join(MODEL);
    let bytes = std::fs::read(&path).unwrap_or_else(|e| {
        panic!(
            "cannot read the NER model {}: {e}; build it with crates/annotate/build-model.sh",
            path.display()
        )
    });
    let model = NerModel::from_bytes(&bytes).expect("the NER model file loads");
    let gazetteer = Gazetteer::from_bytes(
        &std::fs::read(root().join(GAZETTEER)).expect("the place gazetteer reads"),
    )
    .expect("the place gazetteer loads");
    let resolver = Resolver::new(&gazetteer);
    let expected: Value = serde_json::from_str(
        &std::fs::read_to_string(root().join(EXPECTED)).expect("expected.json reads"),
    )
    .expect("expected.json has the documented shape");
    let wanted = expected["events"]
        .as_array()
        .expect("expected.json lists events");
    assert!(!wanted.is_empty());
    let mut misses = Vec::new();
    for want in wanted {
        let key = want["article"]
            .as_str()
            .expect("each event names its article");
        let events = article_events(&model, &resolver, key);
        if !events.iter().any(|e| fits(e, want)) {
            let found: Vec<String> = events.iter().map(describe).collect();
            misses.push(format!("{want}\n  found:\n    {}", found.join("\n    ")));
        }
    }
    assert!(
        misses.is_empty(),
        "{} events not found:\n{}",
        misses.len(),
        misses.join("\n")
    );
}

/// The events of the article `file#index` of the bundled examples.
fn article_events(model: &NerModel, resolver: &Resolver, key: &str) -> Vec<Event> {
    let (name, index) = key.split_once('#').expect("article keys are file#index");
    let index: usize = index.parse().expect("article keys are file#index");
    let raw =
        std::fs::read_to_string(root().join("examples").join(name)).expect("the seed dump reads");
    let provenance = Provenance {
        path: name.to_string(),
        length: raw.len() as u64,
        ..Default::default()
    };
    let doc = RawDoc::utf8(provenance, DocFormat::Text, raw, DocMeta::default());
    let extraction = clean_dump(&doc, &NoEvidence, &ExtractConfig::default());
    let article = extraction
        .articles
        .get(index)
        .unwrap_or_else(|| panic!("{key}: no such article"));
    let text = ArticleText::from_article(article);
    let entities = annotate_article(model, &text);
    let places = place_countries(resolver, &text, &entities);
    let reference = article.published.and_then(|d| {
        let ymd = d.to_string();
        let mut parts = ymd.split('-').map(|p| p.parse::<u32>().ok());
        let year = parts.next().flatten()?;
        Date::new(
            i32::try_from(year).ok()?,
            parts.next().flatten()?,
            parts.next().flatten()?,
        )
    });
    let timexes = find_timexes(text.text(), reference);
    let amounts = find_amounts(text.text());
    find_events_with_places(&text, &entities, &places, &timexes, &amounts)
}

fn fits(event: &Event, want: &Value) -> bool {
    let field = |k: &str| want[k].as_str();
    let action = field("action").unwrap_or("");
    let action_ok = event.frame.is_some_and(|f| f.as_str() == action)
        || event.event_type.as_str().eq_ignore_ascii_case(action);
    let actor_ok = |actor: Option<&Actor>, name: Option<&str>| match name {
        None => true,
        Some(name) => actor.is_some_and(|a| names(a, name)),
    };
    action_ok
        && actor_ok(event.source.as_ref(), field("actor1"))
        && actor_ok(event.target.as_ref(), field("actor2"))
        && field("place").is_none_or(|p| event.place.as_ref().is_some_and(|pl| pl.text == p))
        && field("date").is_none_or(|d| {
            event
                .date
                .as_ref()
                .is_some_and(|dt| dt.value.as_deref() == Some(d))
        })
        && field("amount").is_none_or(|m| event.amount.as_ref().is_some_and(|a| a.text == m))
}

/// Whether the actor is `name`: by name, text or country, or (for a list) by its members.
fn names(actor: &Actor, name: &str) -> bool {
    if actor.name == name || actor.text == name || actor.country_name == Some(name) {
        return true;
    }
    let listed: Vec<&str> = name.split(", ").collect();
    listed.len() > 1
        && listed
            .iter()
            .all(|n| actor.members.iter().any(|m| m.name == *n))
}

fn describe(e: &Event) -> String {
    let actor = |a: Option<&Actor>| {
        a.map_or("-".to_string(), |a| {
            format!("{} ({}; {:?})", a.name, a.text, a.country)
        })
    };
    format!(
        "{} {:?} {:?} [{}] {} -> {} at {:?} on {:?} for {:?}",
        e.event_type.as_str(),
        e.frame.map(|f| f.as_str()),
        e.modality.as_str(),
        e.trigger,
        actor(e.source.as_ref()),
        actor(e.target.as_ref()),
        e.place.as_ref().map(|p| &p.text),
        e.date.as_ref().and_then(|d| d.value.as_deref()),
        e.amount.as_ref().map(|a| &a.text),
    )
}
