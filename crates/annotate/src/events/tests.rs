//! Events on hand-made sentences, with the tagger's mentions given by hand (so no model is
//! needed): frames, passives, groups, countries and modality.

use super::*;
use crate::amounts::find_amounts;
use crate::entities::link_mentions;
use crate::ner::gazetteer::Gazetteer;
use crate::ner::EntityMention;
use crate::time::{find_timexes, Date};

/// The events of one paragraph, `names` tagged as (text, tagger type) at every occurrence.
fn events(paragraph: &str, names: &[(&str, &str)]) -> Vec<Event> {
    let article = ArticleText::from_texts(None, &[], &[paragraph]);
    let text = article.text();
    let mut mentions: Vec<EntityMention> = Vec::new();
    for (name, kind) in names {
        for (start, _) in text.match_indices(name) {
            mentions.push(EntityMention {
                start,
                end: start + name.len(),
                kind: kind.to_string(),
            });
        }
    }
    mentions.sort_by_key(|m| m.start);
    let entities = link_mentions(&article, &mentions, &Gazetteer::default());
    let timexes = find_timexes(text, Date::new(2023, 2, 28));
    let amounts = find_amounts(text);
    find_events(&article, &entities, &timexes, &amounts)
}

fn only(paragraph: &str, names: &[(&str, &str)]) -> Event {
    let found = events(paragraph, names);
    main_event(&found)
        .cloned()
        .unwrap_or_else(|| panic!("no event in {paragraph:?}"))
}

fn source(event: &Event) -> &Actor {
    event.source.as_ref().expect("the event has a source")
}

fn target(event: &Event) -> &Actor {
    event.target.as_ref().expect("the event has a target")
}

#[test]
fn a_meeting_with_place_date_and_affiliations() {
    let e = only(
        "US Secretary of State Antony Blinken attends a meeting with Kyrgyz Foreign Minister \
         Jeenbek Kulubaev in Astana, Kazakhstan, February 28, 2023.",
        &[
            ("US", "LOC"),
            ("Antony Blinken", "PER"),
            ("Kyrgyz", "MISC"),
            ("Jeenbek Kulubaev", "PER"),
            ("Astana", "LOC"),
            ("Kazakhstan", "LOC"),
        ],
    );
    assert_eq!(e.event_type, EventType::Consult);
    assert_eq!(e.frame, Some(Frame::Meet));
    assert_eq!(e.modality, Modality::Asserted);
    assert_eq!(e.trigger, "attends a meeting with");
    assert_eq!(source(&e).name, "Antony Blinken");
    assert_eq!(source(&e).country, Some("USA"));
    assert_eq!(target(&e).name, "Jeenbek Kulubaev");
    assert_eq!(target(&e).country, Some("KGZ"));
    assert_eq!(e.place.as_ref().map(|p| p.text.as_str()), Some("Astana"));
    assert_eq!(e.place.as_ref().and_then(|p| p.country), Some("KAZ"));
    let date = e.date.as_ref().and_then(|d| d.value.as_deref());
    assert_eq!(date, Some("2023-02-28"));
}

#[test]
fn future_talks_with_a_listed_group() {
    let e = only(
        "Iran plans to hold talks on Friday in Geneva with France, Britain and Germany.",
        &[
            ("Iran", "LOC"),
            ("Geneva", "LOC"),
            ("France", "LOC"),
            ("Britain", "LOC"),
            ("Germany", "LOC"),
        ],
    );
    assert_eq!(e.frame, Some(Frame::Negotiate));
    assert_eq!(e.modality, Modality::Future);
    // PLOVER codes a planned consultation as an agreement to consult.
    assert_eq!(e.event_type, EventType::Agree);
    assert_eq!(source(&e).country, Some("IRN"));
    let t = target(&e);
    assert_eq!(t.kind, ActorKind::Group);
    assert_eq!(t.countries(), ["FRA", "GBR", "DEU"]);
    assert_eq!(e.place.as_ref().map(|p| p.text.as_str()), Some("Geneva"));
}

#[test]
fn capitals_and_state_words_are_governments() {
    let e = only(
        "A resolution by the International Atomic Energy Agency censuring Tehran was passed.",
        &[
            ("International Atomic Energy Agency", "ORG"),
            ("Tehran", "LOC"),
        ],
    );
    assert_eq!(e.frame, Some(Frame::Censure));
    assert_eq!(e.event_type, EventType::Disapprove);
    assert_eq!(source(&e).kind, ActorKind::International);
    assert_eq!(target(&e).name, "Iran");
    assert_eq!(target(&e).kind, ActorKind::State);

    let e = only(
        "The Iranian government rejected the proposal of the E3.",
        &[("Iranian", "MISC"), ("E3", "ORG")],
    );
    assert_eq!(e.event_type, EventType::Reject);
    assert_eq!(source(&e).kind, ActorKind::State);
    assert_eq!(source(&e).name, "Iran");
    assert_eq!(source(&e).text, "The Iranian government");
    assert_eq!(target(&e).countries(), ["FRA", "GBR", "DEU"]);
}

#[test]
fn collective_names_take_their_listed_members() {
    let e = only(
        "Western powers, including the United States, France, Britain and Germany, dismissed \
         Iran's proposal as inadequate.",
        &[
            ("United States", "LOC"),
            ("France", "LOC"),
            ("Britain", "LOC"),
            ("Germany", "LOC"),
            ("Iran", "LOC"),
        ],
    );
    assert_eq!(e.event_type, EventType::Reject);
    let s = source(&e);
    assert_eq!(s.text, "Western powers");
    assert_eq!(s.countries(), ["USA", "FRA", "GBR", "DEU"]);
    assert_eq!(target(&e).country, Some("IRN"));
}

#[test]
fn passives_take_their_source_from_by() {
    let e = only(
        "Iran was sanctioned by the European Union on Monday.",
        &[("Iran", "LOC"), ("European Union", "ORG")],
    );
    assert_eq!(e.event_type, EventType::Sanction);
    assert_eq!(source(&e).name, "European Union");
    assert_eq!(target(&e).country, Some("IRN"));
}

#[test]
fn nouns_take_possessors_and_amounts() {
    let found = events(
        "Janet Yellen's visit on Monday to the Ukrainian capital followed a trip to Kyiv. She \
         announced the transfer of $1.25 billion in assistance to Ukraine.",
        &[
            ("Janet Yellen", "PER"),
            ("Ukrainian", "MISC"),
            ("Kyiv", "LOC"),
            ("Ukraine", "LOC"),
        ],
    );
    let visit = found
        .iter()
        .find(|e| e.frame == Some(Frame::Visit))
        .expect("the visit is found");
    assert_eq!(source(visit).name, "Janet Yellen");
    assert_eq!(target(visit).name, "Kyiv");
    assert_eq!(target(visit).kind, ActorKind::Place);
    let aid = found
        .iter()
        .find(|e| e.frame == Some(Frame::ProvideAid))
        .expect("the aid is found");
    assert_eq!(target(aid).country, Some("UKR"));
    let amount = aid.amount.as_ref().expect("the aid has an amount");
    assert_eq!(amount.text, "$1.25 billion");
}

#[test]
fn threats_and_violence() {
    let e = only(
        "Iran threatened to cut off electricity to Azerbaijan.",
        &[("Iran", "LOC"), ("Azerbaijan", "LOC")],
    );
    assert_eq!(e.event_type, EventType::Threaten);
    assert_eq!(target(&e).country, Some("AZE"));
    let e = only(
        "Russian troops killed 46 Afghan civilians in Herat.",
        &[("Russian", "MISC"), ("Afghan", "MISC"), ("Herat", "LOC")],
    );
    assert_eq!(e.event_type, EventType::Fight);
    assert_eq!(source(&e).country, Some("RUS"));
    assert_eq!(target(&e).country, Some("AFG"));
}

#[test]
fn odd_input_gives_no_events_and_no_panic() {
    assert!(events("", &[]).is_empty());
    assert!(events("met met met ( ) , , 's", &[]).is_empty());
    let odd = events("Ünïcödé — “met” with «Iran» in 東京 ’s", &[("Iran", "LOC")]);
    assert!(odd.iter().all(|e| !e.evidence.is_empty()));
}

#[test]
fn addressees_give_way_to_the_target() {
    let e = only(
        "Lebanon complained to the United Nations over Israeli air raids.",
        &[
            ("Lebanon", "LOC"),
            ("United Nations", "ORG"),
            ("Israeli", "MISC"),
        ],
    );
    assert_eq!(e.event_type, EventType::Disapprove);
    assert_eq!(target(&e).country, Some("ISR"));
    let e = only(
        "Israel is opposed to French mediation.",
        &[("Israel", "LOC"), ("French", "MISC")],
    );
    assert_eq!(e.event_type, EventType::Reject);
    assert_eq!(source(&e).country, Some("ISR"));
    assert_eq!(target(&e).country, Some("FRA"));
}

#[test]
fn collective_names_take_the_last_group_named() {
    let found = events(
        "Iran will meet France, Britain and Germany. Representatives from the three European \
         nations rejected the plan.",
        &[
            ("Iran", "LOC"),
            ("France", "LOC"),
            ("Britain", "LOC"),
            ("Germany", "LOC"),
            ("European", "MISC"),
        ],
    );
    let rejected = found
        .iter()
        .find(|e| e.event_type == EventType::Reject)
        .expect("the rejection is found");
    let s = source(rejected);
    assert_eq!(s.kind, ActorKind::Group);
    assert_eq!(s.countries(), ["FRA", "GBR", "DEU"]);
}

#[test]
fn offers_and_refusals() {
    // No actor named: no event.
    assert!(events("The government is prepared to impose martial law.", &[]).is_empty());
    let e = only(
        "Iraq's government is prepared to impose martial law in Baghdad.",
        &[("Iraq", "LOC"), ("Baghdad", "LOC")],
    );
    assert_eq!(e.modality, Modality::Hypothetical);
    assert_eq!(e.event_type, EventType::Threaten);
    let e = only(
        "Katsav refused to meet King Abdullah in Tel Aviv.",
        &[("Katsav", "PER"), ("Abdullah", "PER"), ("Tel Aviv", "LOC")],
    );
    assert_eq!(e.event_type, EventType::Reject);
}

#[test]
fn every_word_a_name_and_odd_spans_do_not_panic() {
    let texts = [
        "Ünïcödé met «Iran» — and Tehran’s (E3) talks with, France and — UN — 東京 must.",
        "by by by was met by , and , and . 's 's — — ( ( ) ) that who which",
        "Iran Iran Iran threatened to to to sanctions against against",
    ];
    let kinds = ["LOC", "PER", "ORG", "MISC"];
    for text in texts {
        let article = ArticleText::from_texts(Some(text), &[text], &[text, text]);
        let joined = article.text();
        let mut mentions = Vec::new();
        let mut at = 0;
        for (k, word) in joined.split(' ').enumerate() {
            mentions.push(EntityMention {
                start: at,
                end: at + word.len(),
                kind: kinds[k % kinds.len()].to_string(),
            });
            // Spans off character boundaries and past the end are ignored, never a panic.
            mentions.push(EntityMention {
                start: at + 1,
                end: at + word.len() + 7,
                kind: "PER".to_string(),
            });
            at += word.len() + 1;
        }
        let entities = link_mentions(&article, &mentions, &Gazetteer::default());
        let found = find_events(&article, &entities, &find_timexes(joined, None), &[]);
        for e in &found {
            assert!(e.trigger_span.start <= e.trigger_span.end);
            assert!(!e.evidence.is_empty());
            for actor in [&e.source, &e.target].into_iter().flatten() {
                assert!(!actor.text.is_empty());
            }
        }
    }
}

#[test]
fn infinitives_take_the_one_urged_and_the_plan() {
    let found = events(
        "The E3 urged Iran to return to the deal.",
        &[("E3", "ORG"), ("Iran", "LOC")],
    );
    let back = found
        .iter()
        .find(|e| e.trigger == "return")
        .expect("the return is found");
    assert_eq!(source(back).country, Some("IRN"));
    assert_eq!(back.modality, Modality::Hypothetical);
    let found = events(
        "Erdogan will travel to Moscow next week to meet Putin.",
        &[("Erdogan", "PER"), ("Moscow", "LOC"), ("Putin", "PER")],
    );
    let meet = found
        .iter()
        .find(|e| e.frame == Some(Frame::Meet))
        .expect("the meeting is found");
    assert_eq!(meet.modality, Modality::Future);
    assert_eq!(target(meet).name, "Putin");
}

#[test]
fn run_on_text_is_read_whole() {
    let clause = "Iran met France and rejected Germany in Paris, ";
    let text = clause.repeat(400);
    let found = events(
        &text,
        &[
            ("Iran", "LOC"),
            ("France", "LOC"),
            ("Germany", "LOC"),
            ("Paris", "LOC"),
        ],
    );
    // Every clause's two actions are found, each with its own actors.
    assert_eq!(found.len(), 800);
    assert!(found
        .iter()
        .filter(|e| e.event_type == EventType::Reject)
        .all(|e| target(e).country == Some("DEU")));
}

#[test]
fn cities_give_their_country_through_the_resolver() {
    use crate::geo::Resolver;
    // A city the country table does not know (GeoNames fields, rounded).
    let gazetteer = crate::geo::Gazetteer::from_tsv(
        "2293538\tAbidjan\t\tCI\t82\t5.35\t-4.0\t3677115\tP\tPPLA\n",
    );
    let resolver = Resolver::new(&gazetteer);
    let paragraph = "Rebels from the north attacked Abidjan. Abidjan is calm.";
    let article = ArticleText::from_texts(None, &[], &[paragraph]);
    let text = article.text();
    let mentions: Vec<EntityMention> = text
        .match_indices("Abidjan")
        .map(|(start, name)| EntityMention {
            start,
            end: start + name.len(),
            kind: "LOC".to_string(),
        })
        .collect();
    let entities = link_mentions(&article, &mentions, &Gazetteer::default());
    let places = place_countries(&resolver, &article, &entities);
    assert_eq!(places.iter().flatten().collect::<Vec<_>>(), [&"CI"]);
    let found = find_events_with_places(&article, &entities, &places, &[], &[]);
    let attack = main_event(&found).expect("the attack is found");
    assert_eq!(attack.event_type, EventType::Fight);
    assert_eq!(target(attack).country, Some("CIV"));
    // Without the resolver the city has no country.
    let bare = find_events(&article, &entities, &[], &[]);
    let attack = main_event(&bare).expect("the attack is found");
    assert_eq!(target(attack).country, None);
}
