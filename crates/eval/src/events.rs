//! `events PLOVER_GOLD.json`: events scored on PLOVER gold-standard records.
//!
//! Each record is one sentence with its gold PLOVER event type, source actors and target actors
//! (each an `actorText` and a `code`: ISO 3166-1 alpha-3 for countries, or a CAMEO-style group
//! code such as `IGO` or `NGO`). The sentence goes through the whole pipeline (entities with the
//! NER model, places resolved with the gazetteer, time expressions, amounts, events) and its main
//! event ([`chancery_annotate::events::main_event`]) is compared with the gold one:
//!
//! - type accuracy: the main event's PLOVER type is the gold type (a sentence with no event is
//!   wrong);
//! - source and target country accuracy, over the records with gold source (target) actors: the
//!   main event's source (target) matches one of them as the data gives it: for a country code,
//!   one of the actor's countries (its own or its members') is that code; for `IGO`, the actor is
//!   an international organisation or names it; for any other code, the actor's text or name and
//!   the gold text contain one another (word for word, ignoring case). "Any match" also accepts
//!   that text match for a country code (the right actor, its country not found). The data
//!   writes Japan `JAP` (CAMEO's code); codes are read as ISO.
//! - actor country accuracy: source and target slots together.
//!
//! Prints a confusion summary per gold type, the misses with `--misses`, and the speed of event
//! extraction alone and of the whole pipeline. The last line is `SCORE type_acc <value>`.

use std::collections::BTreeMap;
use std::path::PathBuf;
use std::time::Instant;

use anyhow::{Context, Result};
use chancery_annotate::amounts::{find_amounts, Amount};
use chancery_annotate::entities::{annotate_article, ArticleEntities, ArticleText};
use chancery_annotate::events::{
    find_events_with_places, is_country_code, main_event, place_countries, Actor, ActorKind, Event,
};
use chancery_annotate::geo::{Gazetteer, Resolver};
use chancery_annotate::time::{find_timexes, Timex};
use chancery_annotate::NerModel;
use serde_json::Value;

use crate::timing::best_of;

/// Options of `events`.
#[derive(Debug, clap::Args)]
pub struct EventsArgs {
    /// PLOVER gold records (../shared/data/events/plover-gold.json).
    pub file: PathBuf,
    /// The NER model (crates/annotate/build-model.sh builds it).
    #[arg(long, default_value = "crates/annotate/model/ner.bin")]
    pub model: PathBuf,
    /// The place gazetteer (cities and regions give actors their country).
    #[arg(long, default_value = "crates/annotate/src/geo/data/places.tsv.gz")]
    pub gazetteer: PathBuf,
    /// Print every record whose type, source or target is wrong.
    #[arg(long)]
    pub misses: bool,
}

/// A gold actor.
#[derive(Debug, Clone)]
struct GoldActor {
    text: String,
    code: String,
}

/// One gold record.
#[derive(Debug)]
struct Record {
    id: String,
    text: String,
    event: String,
    sources: Vec<GoldActor>,
    targets: Vec<GoldActor>,
}

/// One sentence through the pipeline.
#[derive(Debug)]
struct Annotated {
    article: ArticleText,
    entities: ArticleEntities,
    /// The country each entity's place resolved to.
    places: Vec<Option<&'static str>>,
    timexes: Vec<Timex>,
    amounts: Vec<Amount>,
}

/// Counts over the records.
#[derive(Debug, Default)]
struct Tally {
    records: usize,
    with_event: usize,
    type_hits: usize,
    sources: usize,
    source_hits: usize,
    /// Source matches that are not [`Match::CountryByText`].
    source_strict: usize,
    targets: usize,
    target_hits: usize,
    /// Target matches that are not [`Match::CountryByText`].
    target_strict: usize,
    /// Actor matches by kind of match.
    matched: BTreeMap<Match, usize>,
    /// Gold type -> predicted type (or "none") -> count.
    confusion: BTreeMap<String, BTreeMap<String, usize>>,
}

/// Runs `events`.
pub fn run(args: &EventsArgs) -> Result<()> {
    let records = read_records(&args.file)?;
    let model = std::fs::read(&args.model)
        .context("cannot read the file")
        .and_then(|b| NerModel::from_bytes(&b).context("not a NER model"))
        .with_context(|| format!("{}: cannot load the NER model", args.model.display()))?;

    let gazetteer = std::fs::read(&args.gazetteer)
        .context("cannot read the file")
        .and_then(|b| Gazetteer::from_bytes(&b).context("not a gazetteer"))
        .with_context(|| format!("{}: cannot load the gazetteer", args.gazetteer.display()))?;
    let resolver = Resolver::new(&gazetteer);

    let started = Instant::now();
    let annotated: Vec<Annotated> = records
        .iter()
        .map(|r| annotate(&model, &resolver, &r.text))
        .collect();
    let found: Vec<Vec<Event>> = annotated.iter().map(events_of).collect();
    let pipeline = started.elapsed();
    let events_only = best_of(5, || {
        for a in &annotated {
            std::hint::black_box(events_of(a));
        }
    });

    let mut tally = Tally::default();
    for (record, events) in records.iter().zip(&found) {
        score(record, events, &mut tally, args.misses);
    }
    report(&tally);
    let words: usize = records
        .iter()
        .map(|r| r.text.split_whitespace().count())
        .sum();
    let per_s = |secs: f64| words as f64 / secs.max(1e-9);
    println!(
        "speed: events alone {:.0} words/s; whole pipeline (NER, entities, places, time, amounts, events) {:.0} words/s, one core",
        per_s(events_only.as_secs_f64()),
        per_s(pipeline.as_secs_f64())
    );
    println!(
        "SCORE type_acc {:.4}",
        ratio(tally.type_hits, tally.records)
    );
    Ok(())
}

fn read_records(path: &PathBuf) -> Result<Vec<Record>> {
    let text = std::fs::read_to_string(path)
        .with_context(|| format!("{}: cannot read", path.display()))?;
    let json: Value =
        serde_json::from_str(&text).with_context(|| format!("{}: not JSON", path.display()))?;
    let list = json
        .as_array()
        .with_context(|| format!("{}: not a list of records", path.display()))?;
    let str_of = |v: &Value, k: &str| v.get(k).and_then(Value::as_str).unwrap_or("").to_string();
    let actors = |v: Option<&Value>| -> Vec<GoldActor> {
        v.and_then(Value::as_array)
            .into_iter()
            .flatten()
            .map(|a| GoldActor {
                text: str_of(a, "actorText"),
                code: str_of(a, "code"),
            })
            .collect()
    };
    Ok(list
        .iter()
        .filter(|r| r.get("text").and_then(Value::as_str).is_some())
        .map(|r| Record {
            id: str_of(r, "id"),
            text: str_of(r, "text"),
            event: str_of(r, "event"),
            sources: actors(r.get("source")),
            targets: actors(r.get("target")),
        })
        .collect())
}

fn annotate(model: &NerModel, resolver: &Resolver, sentence: &str) -> Annotated {
    let article = ArticleText::from_texts(None, &[], &[sentence]);
    let entities = annotate_article(model, &article);
    let places = place_countries(resolver, &article, &entities);
    // The records' dates are placeholders: no reference date.
    let timexes = find_timexes(article.text(), None);
    let amounts = find_amounts(article.text());
    Annotated {
        article,
        entities,
        places,
        timexes,
        amounts,
    }
}

fn events_of(a: &Annotated) -> Vec<Event> {
    find_events_with_places(&a.article, &a.entities, &a.places, &a.timexes, &a.amounts)
}

fn score(record: &Record, events: &[Event], tally: &mut Tally, show: bool) {
    let best = main_event(events);
    tally.records += 1;
    let predicted = best.map_or("none", |e| e.event_type.as_str());
    let type_ok = predicted == record.event;
    tally.type_hits += usize::from(type_ok);
    tally.with_event += usize::from(best.is_some());
    *tally
        .confusion
        .entry(record.event.clone())
        .or_default()
        .entry(predicted.to_string())
        .or_default() += 1;
    let source = best.and_then(|e| e.source.as_ref());
    let target = best.and_then(|e| e.target.as_ref());
    let mut source_ok = true;
    if !record.sources.is_empty() {
        tally.sources += 1;
        let how = source.and_then(|a| matches_any(a, &record.sources, &mut tally.matched));
        source_ok = how.is_some_and(|m| m != Match::CountryByText);
        tally.source_hits += usize::from(how.is_some());
        tally.source_strict += usize::from(source_ok);
    }
    let mut target_ok = true;
    if !record.targets.is_empty() {
        tally.targets += 1;
        let how = target.and_then(|a| matches_any(a, &record.targets, &mut tally.matched));
        target_ok = how.is_some_and(|m| m != Match::CountryByText);
        tally.target_hits += usize::from(how.is_some());
        tally.target_strict += usize::from(target_ok);
    }
    if show && !(type_ok && source_ok && target_ok) {
        let shown = |a: Option<&Actor>| {
            a.map_or("-".to_string(), |a| {
                format!("{} [{}]", a.text, a.countries().join(","))
            })
        };
        let gold = |list: &[GoldActor]| {
            list.iter()
                .map(|g| format!("{} [{}]", g.text, g.code))
                .collect::<Vec<_>>()
                .join("; ")
        };
        println!("MISS {} {}", record.id, record.text);
        println!(
            "  type {} {} (trigger {:?})",
            mark(type_ok),
            predicted,
            best.map_or("-", |e| e.trigger.as_str())
        );
        println!(
            "  source {} {}  gold {}",
            mark(source_ok),
            shown(source),
            gold(&record.sources)
        );
        println!(
            "  target {} {}  gold {}",
            mark(target_ok),
            shown(target),
            gold(&record.targets)
        );
    }
}

fn mark(ok: bool) -> &'static str {
    if ok {
        "ok"
    } else {
        "WRONG"
    }
}

/// How an actor matched a gold actor.
#[derive(Debug, Clone, Copy, PartialEq, Eq, PartialOrd, Ord)]
enum Match {
    /// One of its countries is the gold code.
    Country,
    /// An international organisation for the code `IGO`.
    International,
    /// Its text or name and the gold text contain one another, for a gold actor that is no
    /// country (`NGO`, an organisation's name).
    Text,
    /// Text alone for a gold actor with a country code: our actor has no country or another one.
    CountryByText,
}

/// The best way `actor` matches one of the gold actors (counted in `by`), if any.
fn matches_any(
    actor: &Actor,
    gold: &[GoldActor],
    by: &mut BTreeMap<Match, usize>,
) -> Option<Match> {
    let best = gold.iter().filter_map(|g| matches(actor, g)).min();
    if let Some(how) = best {
        *by.entry(how).or_default() += 1;
    }
    best
}

/// How our actor is the gold actor: by country code, international organisation, or text.
/// A gold actor with a country code matches by text only in the lenient count.
fn matches(actor: &Actor, gold: &GoldActor) -> Option<Match> {
    let code = iso_code(&gold.code);
    if actor.countries().contains(&code) {
        return Some(Match::Country);
    }
    if is_country_code(code) {
        return text_match(actor, gold).then_some(Match::CountryByText);
    }
    if code == "IGO" && actor.kind == ActorKind::International {
        return Some(Match::International);
    }
    // Other codes (IGO for an actor we did not type, NGO, religious groups) by their text.
    text_match(actor, gold).then_some(Match::Text)
}

/// Whether our actor's text or name and the gold text contain one another, word for word.
fn text_match(actor: &Actor, gold: &GoldActor) -> bool {
    let gold_words = words(&gold.text);
    [&actor.text, &actor.name]
        .into_iter()
        .map(|t| words(t))
        .any(|ours| contains(&ours, &gold_words) || contains(&gold_words, &ours))
}

/// The data's code read as ISO 3166-1 alpha-3 (it writes Japan as CAMEO does).
fn iso_code(code: &str) -> &str {
    match code {
        "JAP" => "JPN",
        other => other,
    }
}

/// Lower-case words, without "the".
fn words(text: &str) -> Vec<String> {
    text.split(|c: char| !c.is_alphanumeric())
        .filter(|w| !w.is_empty())
        .map(str::to_lowercase)
        .filter(|w| w != "the")
        .collect()
}

/// Whether `inner` (not empty) is a run of words of `outer`.
fn contains(outer: &[String], inner: &[String]) -> bool {
    !inner.is_empty() && outer.windows(inner.len()).any(|w| w == inner)
}

fn ratio(a: usize, b: usize) -> f64 {
    if b == 0 {
        0.0
    } else {
        a as f64 / b as f64
    }
}

fn report(t: &Tally) {
    println!("records: {} ({} with an event)", t.records, t.with_event);
    println!("confusion (gold type: correct/total; predicted instead):");
    for (gold, predicted) in &t.confusion {
        let total: usize = predicted.values().sum();
        let right = predicted.get(gold).copied().unwrap_or(0);
        let mut wrong: Vec<(&String, &usize)> =
            predicted.iter().filter(|(p, _)| *p != gold).collect();
        wrong.sort_by(|a, b| b.1.cmp(a.1).then(a.0.cmp(b.0)));
        let wrong: Vec<String> = wrong.iter().map(|(p, n)| format!("{p} {n}")).collect();
        println!("  {gold:<12} {right:>3}/{total:<3} {}", wrong.join(", "));
    }
    println!(
        "type accuracy:   {:.3} ({}/{})",
        ratio(t.type_hits, t.records),
        t.type_hits,
        t.records
    );
    let line = |label: &str, strict: usize, any: usize, of: usize| {
        println!(
            "{label:<26} {:.3} ({strict}/{of}); any match {:.3} ({any}/{of})",
            ratio(strict, of),
            ratio(any, of)
        );
    };
    line(
        "source country accuracy:",
        t.source_strict,
        t.source_hits,
        t.sources,
    );
    line(
        "target country accuracy:",
        t.target_strict,
        t.target_hits,
        t.targets,
    );
    line(
        "actor country accuracy:",
        t.source_strict + t.target_strict,
        t.source_hits + t.target_hits,
        t.sources + t.targets,
    );
    let by = |m: Match| t.matched.get(&m).copied().unwrap_or(0);
    println!(
        "actor matches: country code {}, international organisation {}, name of a non-country {}, \
         text alone for a country (any match only) {}",
        by(Match::Country),
        by(Match::International),
        by(Match::Text),
        by(Match::CountryByText)
    );
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn word_runs_match_either_way() {
        let w = |s: &str| words(s);
        assert!(contains(
            &w("the Asia-Pacific Economic Cooperation (APEC) forum"),
            &w("Asia-Pacific Economic Cooperation")
        ));
        assert!(!contains(&w("Iran"), &w("Iraq")));
        assert!(!contains(&w("Iran"), &w("")));
        assert_eq!(iso_code("JAP"), "JPN");
        assert_eq!(iso_code("IRN"), "IRN");
    }
}
