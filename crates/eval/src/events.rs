//! `events PLOVER_GOLD.json`: events scored on PLOVER gold-standard records.
//!
//! Each record is one sentence with its gold PLOVER event type, source actors and target actors
//! (each an `actorText` and a `code`: ISO 3166-1 alpha-3 for countries, or a CAMEO-style group
//! code such as `IGO` or `NGO`). The sentence goes through the whole pipeline (entities with the
//! NER model, time expressions, amounts, events) and the sentence's main event
//! ([`chancery_annotate::events::main_event`]) is compared with the gold one:
//!
//! - type accuracy: the main event's PLOVER type is the gold type (a sentence with no event is
//!   wrong);
//! - source and target accuracy, over the records with gold source (target) actors: the main
//!   event's source (target) matches one of them. An actor matches a gold actor when one of its
//!   countries (its own or its members') is the gold code, when it is an international
//!   organisation and the gold code is `IGO`, or when its text or name and the gold text contain
//!   one another (word for word, ignoring case). The data writes Japan `JAP` (CAMEO's code);
//!   codes are read as ISO.
//! - actor accuracy: source and target slots together.
//!
//! Prints a confusion summary per gold type, the misses with `--misses`, and the speed of event
//! extraction alone and of the whole pipeline. The last line is `SCORE type_acc <value>`.

use std::collections::BTreeMap;
use std::path::PathBuf;
use std::time::Instant;

use anyhow::{Context, Result};
use chancery_annotate::amounts::{find_amounts, Amount};
use chancery_annotate::entities::{annotate_article, ArticleEntities, ArticleText};
use chancery_annotate::events::{find_events, main_event, Actor, ActorKind, Event};
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
    targets: usize,
    target_hits: usize,
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

    let started = Instant::now();
    let annotated: Vec<Annotated> = records.iter().map(|r| annotate(&model, &r.text)).collect();
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
        "speed: events alone {:.0} words/s; whole pipeline (NER, entities, time, amounts, events) {:.0} words/s, one core",
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

fn annotate(model: &NerModel, sentence: &str) -> Annotated {
    let article = ArticleText::from_texts(None, &[], &[sentence]);
    let entities = annotate_article(model, &article);
    // The records' dates are placeholders: no reference date.
    let timexes = find_timexes(article.text(), None);
    let amounts = find_amounts(article.text());
    Annotated {
        article,
        entities,
        timexes,
        amounts,
    }
}

fn events_of(a: &Annotated) -> Vec<Event> {
    find_events(&a.article, &a.entities, &a.timexes, &a.amounts)
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
        source_ok = source.is_some_and(|a| matches_any(a, &record.sources));
        tally.source_hits += usize::from(source_ok);
    }
    let mut target_ok = true;
    if !record.targets.is_empty() {
        tally.targets += 1;
        target_ok = target.is_some_and(|a| matches_any(a, &record.targets));
        tally.target_hits += usize::from(target_ok);
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

fn matches_any(actor: &Actor, gold: &[GoldActor]) -> bool {
    gold.iter().any(|g| matches(actor, g))
}

/// Whether our actor is the gold actor: by country code, international organisation, or text.
fn matches(actor: &Actor, gold: &GoldActor) -> bool {
    let code = iso_code(&gold.code);
    if actor.countries().contains(&code) {
        return true;
    }
    if code == "IGO" && actor.kind == ActorKind::International {
        return true;
    }
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
    println!(
        "source accuracy: {:.3} ({}/{})",
        ratio(t.source_hits, t.sources),
        t.source_hits,
        t.sources
    );
    println!(
        "target accuracy: {:.3} ({}/{})",
        ratio(t.target_hits, t.targets),
        t.target_hits,
        t.targets
    );
    println!(
        "actor accuracy:  {:.3} ({}/{}, sources and targets)",
        ratio(t.source_hits + t.target_hits, t.sources + t.targets),
        t.source_hits + t.target_hits,
        t.sources + t.targets
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
