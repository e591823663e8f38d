//! `ner-train` and `ner`: train the named-entity tagger on CoNLL-2003 data and score it.
//!
//! Files are in CoNLL format (word first, label last, blank lines between sentences,
//! `-DOCSTART-` between documents); labels may be IOB1 (as CoNLL-2003 ships them), IOB2, IOBES
//! or BILOU. Scoring follows conlleval: a predicted chunk counts only when its type and both
//! boundaries match a gold chunk; precision, recall and F1 per type and micro-averaged overall.
//! Speed is tokens per second on one core (this thread), best of `--repeats` passes over the
//! file already in memory; with `--python`, spaCy's en_core_web_sm is run by the anchors'
//! `ner_spacy.py` on the same file for the ratio.

use std::collections::BTreeMap;
use std::path::{Path, PathBuf};
use std::process::Command;
use std::time::Instant;

use anyhow::{bail, Context, Result};
use chancery_annotate::ner::gazetteer::Gazetteer;
use chancery_annotate::ner::lexicon::Lexicon;
use chancery_annotate::ner::tags::{chunks_from_labels, chunks_from_tags, tags_from_chunks};
use chancery_annotate::ner::train::{train, TrainConfig, TrainDoc};
use chancery_annotate::ner::Resources;
use chancery_annotate::NerModel;
use serde_json::Value;

use crate::timing::best_of;

/// Options of `ner-train`.
#[derive(Debug, clap::Args)]
pub struct TrainArgs {
    /// CoNLL training file (CoNLL-2003 train.txt).
    pub train: PathBuf,
    /// CoNLL development file, scored after every epoch.
    #[arg(long)]
    pub dev: Option<PathBuf>,
    /// Where to write the model.
    #[arg(long)]
    pub out: PathBuf,
    /// Passes over the training data for the first pass.
    #[arg(long, default_value_t = TrainConfig::default().epochs)]
    pub epochs: usize,
    /// Passes over the training data for the second pass.
    #[arg(long, default_value_t = TrainConfig::default().second_epochs)]
    pub second_epochs: usize,
    /// Seed of the document shuffle.
    #[arg(long, default_value_t = TrainConfig::default().seed)]
    pub seed: u64,
    /// Gazetteer (`LIST<TAB>phrase` lines, from crates/annotate/resources/build.sh) to build
    /// into the model.
    #[arg(long)]
    pub gazetteer: Option<PathBuf>,
    /// Word features (`word<TAB>feature...` lines, such as the clusters from
    /// crates/annotate/resources/build.sh) to build into the model.
    #[arg(long)]
    pub clusters: Option<PathBuf>,
    /// Models averaged per pass, trained with seeds SEED, SEED+1...
    #[arg(long, default_value_t = TrainConfig::default().ensemble)]
    pub ensemble: usize,
    /// Folds for the second pass (stacking); 0 trains a single pass.
    #[arg(long, default_value_t = TrainConfig::default().folds)]
    pub folds: usize,
}

/// Options of `ner`.
#[derive(Debug, clap::Args)]
pub struct ScoreArgs {
    /// CoNLL file to tag and score (CoNLL-2003 dev.txt).
    pub file: PathBuf,
    /// The model written by `ner-train`.
    #[arg(long)]
    pub model: PathBuf,
    /// Timed passes; the best is reported.
    #[arg(long, default_value_t = 3)]
    pub repeats: usize,
    /// Python with spaCy and en_core_web_sm (../shared/anchors/setup.sh prints it); runs the
    /// spaCy anchor on the same file.
    #[arg(long, value_name = "PYTHON")]
    pub python: Option<PathBuf>,
    /// Write `word gold predicted` lines (IOB2 predictions) to this file, for conlleval.pl.
    #[arg(long, value_name = "FILE")]
    pub write: Option<PathBuf>,
    /// Print the first N sentences with errors (gold and predicted chunks).
    #[arg(long, default_value_t = 0, value_name = "N")]
    pub show_errors: usize,
    /// Directory holding ner_spacy.py (default: an `anchors` folder beside an ancestor of FILE).
    #[arg(long, value_name = "DIR")]
    pub anchors: Option<PathBuf>,
}

/// A CoNLL document: sentences of (word, label).
#[derive(Debug, Default)]
struct Doc {
    words: Vec<Vec<String>>,
    labels: Vec<Vec<String>>,
}

/// `chancery-eval ner-train`.
pub fn train_cmd(args: &TrainArgs) -> Result<()> {
    let docs = read_conll(&args.train)?;
    let types = entity_types(&docs);
    let dev = args.dev.as_deref().map(read_conll).transpose()?;
    let train_docs: Vec<TrainDoc> = docs
        .iter()
        .map(|d| TrainDoc {
            sentences: d.words.clone(),
            tags: d
                .labels
                .iter()
                .map(|l| {
                    let labels: Vec<&str> = l.iter().map(String::as_str).collect();
                    let chunks = chunks_from_labels(&labels, |n| types.iter().position(|t| t == n));
                    tags_from_chunks(labels.len(), &chunks)
                })
                .collect(),
        })
        .collect();
    let tokens: usize = docs.iter().flat_map(|d| &d.words).map(Vec::len).sum();
    println!(
        "training on {} documents, {tokens} tokens, types {types:?}, {} epochs, seed {}, {} folds",
        docs.len(),
        args.epochs,
        args.seed,
        args.folds
    );
    let config = TrainConfig {
        epochs: args.epochs,
        second_epochs: args.second_epochs,
        seed: args.seed,
        folds: args.folds,
        ensemble: args.ensemble,
    };
    let started = Instant::now();
    let read = |path: &Option<PathBuf>| -> Result<String> {
        match path {
            Some(p) => {
                std::fs::read_to_string(p).with_context(|| format!("{}: cannot read", p.display()))
            }
            None => Ok(String::new()),
        }
    };
    let resources = Resources {
        gazetteer: Gazetteer::from_tsv(&read(&args.gazetteer)?),
        lexicon: Lexicon::from_tsv(&read(&args.clusters)?),
    };
    println!(
        "gazetteer: {} phrases in lists {:?}; lexicon: {} words",
        resources.gazetteer.entries.len(),
        resources.gazetteer.lists,
        resources.lexicon.entries.len()
    );
    let model = train(
        &types,
        &resources,
        &train_docs,
        &config,
        |pass, epoch, model| {
            let dev_f1 = dev.as_ref().map(|d| score(model, d).overall().2);
            let elapsed = started.elapsed().as_secs_f64();
            match dev_f1 {
                Some(f1) if epoch == 0 => {
                    println!("pass {pass} ensemble: dev F1 {f1:.4} ({elapsed:.0} s)")
                }
                Some(f1) => println!("pass {pass} epoch {epoch}: dev F1 {f1:.4} ({elapsed:.0} s)"),
                None => println!("pass {pass} epoch {epoch} ({elapsed:.0} s)"),
            }
        },
    );
    let bytes = model.to_bytes();
    std::fs::write(&args.out, &bytes)
        .with_context(|| format!("{}: cannot write the model", args.out.display()))?;
    println!(
        "wrote {} ({:.2} MB, {} features) after {:.0} s",
        args.out.display(),
        bytes.len() as f64 / 1e6,
        model.n_features(),
        started.elapsed().as_secs_f64()
    );
    Ok(())
}

/// `chancery-eval ner`.
pub fn score_cmd(args: &ScoreArgs) -> Result<()> {
    let bytes = std::fs::read(&args.model)
        .with_context(|| format!("{}: cannot read the model", args.model.display()))?;
    let model = NerModel::from_bytes(&bytes)
        .with_context(|| format!("{}: not a NER model", args.model.display()))?;
    let docs = read_conll(&args.file)?;
    let tokens: usize = docs.iter().flat_map(|d| &d.words).map(Vec::len).sum();
    let sentences: usize = docs.iter().map(|d| d.words.len()).sum();
    println!(
        "{}: {} documents, {sentences} sentences, {tokens} tokens",
        args.file.display(),
        docs.len()
    );
    let counts = score(&model, &docs);
    if let Some(path) = &args.write {
        write_predictions(&model, &docs, path)?;
    }
    if args.show_errors > 0 {
        show_errors(&model, &docs, args.show_errors);
    }
    println!(
        "{:<8} {:>9} {:>9} {:>9} {:>7} {:>7} {:>7}",
        "type", "precision", "recall", "F1", "gold", "pred", "correct"
    );
    for (name, c) in &counts.per_type {
        let (p, r, f) = prf(c);
        println!(
            "{name:<8} {p:>9.4} {r:>9.4} {f:>9.4} {:>7} {:>7} {:>7}",
            c.gold, c.pred, c.correct
        );
    }
    let (p, r, f1) = counts.overall();
    println!("{:<8} {p:>9.4} {r:>9.4} {f1:>9.4}", "overall");

    let inputs: Vec<Vec<Vec<&str>>> = docs
        .iter()
        .map(|d| {
            d.words
                .iter()
                .map(|s| s.iter().map(String::as_str).collect())
                .collect()
        })
        .collect();
    let best = best_of(args.repeats, || {
        for doc in &inputs {
            std::hint::black_box(model.tag_document(doc));
        }
    })
    .as_secs_f64();
    let ours = tokens as f64 / best.max(1e-9);
    println!(
        "chancery one core: {ours:.0} tokens/s (best of {} passes)",
        args.repeats.max(1)
    );
    // The same documents as raw text (words joined by spaces, one sentence a line), through the
    // tokenizer and sentence splitter too.
    let texts: Vec<String> = docs
        .iter()
        .map(|d| {
            d.words
                .iter()
                .map(|s| s.join(" "))
                .collect::<Vec<_>>()
                .join("\n")
        })
        .collect();
    let raw = best_of(args.repeats, || {
        for text in &texts {
            std::hint::black_box(model.entities(text));
        }
    })
    .as_secs_f64();
    println!(
        "chancery one core from raw text (tokenizer, sentences, tagging): {:.0} tokens/s",
        tokens as f64 / raw.max(1e-9)
    );

    if let Some(python) = &args.python {
        let anchors = match &args.anchors {
            Some(dir) => dir.clone(),
            None => find_anchors(&args.file)
                .context("no anchors/ner_spacy.py beside the data; pass --anchors DIR")?,
        };
        let (their_f1, their_tps) = run_spacy(python, &anchors, &args.file)?;
        println!("spaCy en_core_web_sm (labels mapped) one core: {their_tps:.0} tokens/s, F1 {their_f1:.4}");
        println!(
            "ratio chancery/spaCy one core: {:.1}x",
            ours / their_tps.max(1e-9)
        );
    }
    println!("SCORE f1 {f1:.4}");
    Ok(())
}

/// Chunk counts of one entity type.
#[derive(Debug, Default, Clone, Copy)]
struct Counts {
    gold: usize,
    pred: usize,
    correct: usize,
}

#[derive(Debug, Default)]
struct Scores {
    per_type: BTreeMap<String, Counts>,
}

impl Scores {
    fn overall(&self) -> (f64, f64, f64) {
        let total = self
            .per_type
            .values()
            .fold(Counts::default(), |a, c| Counts {
                gold: a.gold + c.gold,
                pred: a.pred + c.pred,
                correct: a.correct + c.correct,
            });
        prf(&total)
    }
}

fn prf(c: &Counts) -> (f64, f64, f64) {
    let p = if c.pred > 0 {
        c.correct as f64 / c.pred as f64
    } else {
        0.0
    };
    let r = if c.gold > 0 {
        c.correct as f64 / c.gold as f64
    } else {
        0.0
    };
    let f = if p + r > 0.0 {
        2.0 * p * r / (p + r)
    } else {
        0.0
    };
    (p, r, f)
}

/// Tags `docs` with `model` and counts chunks against the gold labels, conlleval style.
fn score(model: &NerModel, docs: &[Doc]) -> Scores {
    let mut names: Vec<String> = model.types().to_vec();
    let mut scores = Scores::default();
    for n in &names {
        scores.per_type.entry(n.clone()).or_default();
    }
    for doc in docs {
        let words: Vec<Vec<&str>> = doc
            .words
            .iter()
            .map(|s| s.iter().map(String::as_str).collect())
            .collect();
        let predicted = model.tag_document(&words);
        for (labels, tags) in doc.labels.iter().zip(&predicted) {
            let labels: Vec<&str> = labels.iter().map(String::as_str).collect();
            let gold = chunks_from_labels(&labels, |n| {
                Some(names.iter().position(|t| t == n).unwrap_or_else(|| {
                    names.push(n.to_string());
                    names.len() - 1
                }))
            });
            let pred = chunks_from_tags(tags);
            for c in &gold {
                scores
                    .per_type
                    .entry(names[c.kind].clone())
                    .or_default()
                    .gold += 1;
            }
            for c in &pred {
                let entry = scores.per_type.entry(names[c.kind].clone()).or_default();
                entry.pred += 1;
                if gold.contains(c) {
                    entry.correct += 1;
                }
            }
        }
    }
    scores
}

/// Writes each token as `word gold predicted`, predictions in IOB2, a blank line after each
/// sentence: the input conlleval.pl reads.
fn write_predictions(model: &NerModel, docs: &[Doc], path: &Path) -> Result<()> {
    let names = model.types();
    let mut out = String::new();
    for doc in docs {
        let words: Vec<Vec<&str>> = doc
            .words
            .iter()
            .map(|s| s.iter().map(String::as_str).collect())
            .collect();
        for ((w, labels), tags) in words
            .iter()
            .zip(&doc.labels)
            .zip(model.tag_document(&words))
        {
            let mut pred = vec!["O".to_string(); w.len()];
            for c in chunks_from_tags(&tags) {
                for (i, p) in pred.iter_mut().enumerate().take(c.end).skip(c.start) {
                    let prefix = if i == c.start { "B" } else { "I" };
                    *p = format!("{prefix}-{}", names[c.kind]);
                }
            }
            for ((word, gold), p) in w.iter().zip(labels).zip(&pred) {
                out.push_str(&format!("{word} {gold} {p}\n"));
            }
            out.push('\n');
        }
    }
    std::fs::write(path, out).with_context(|| format!("{}: cannot write", path.display()))
}

/// Prints up to `limit` sentences whose predicted chunks differ from the gold ones.
fn show_errors(model: &NerModel, docs: &[Doc], limit: usize) {
    let names = model.types();
    let mut shown = 0;
    for doc in docs {
        let words: Vec<Vec<&str>> = doc
            .words
            .iter()
            .map(|s| s.iter().map(String::as_str).collect())
            .collect();
        for ((w, labels), tags) in words
            .iter()
            .zip(&doc.labels)
            .zip(model.tag_document(&words))
        {
            let labels: Vec<&str> = labels.iter().map(String::as_str).collect();
            let gold = chunks_from_labels(&labels, |n| names.iter().position(|t| t == n));
            let pred = chunks_from_tags(&tags);
            if gold == pred || shown >= limit {
                continue;
            }
            shown += 1;
            let show = |c: &chancery_annotate::ner::tags::Chunk| {
                format!("[{} {}]", names[c.kind], w[c.start..c.end].join(" "))
            };
            let missed: Vec<String> = gold
                .iter()
                .filter(|c| !pred.contains(c))
                .map(show)
                .collect();
            let wrong: Vec<String> = pred
                .iter()
                .filter(|c| !gold.contains(c))
                .map(show)
                .collect();
            println!(
                "| {}\n|   gold only: {}\n|   pred only: {}",
                w.join(" "),
                missed.join(" "),
                wrong.join(" ")
            );
        }
    }
}

/// Entity type names in the labels, sorted.
fn entity_types(docs: &[Doc]) -> Vec<String> {
    let mut types: Vec<String> = docs
        .iter()
        .flat_map(|d| d.labels.iter().flatten())
        .filter_map(|l| l.split_once('-').map(|(_, t)| t.to_string()))
        .collect();
    types.sort();
    types.dedup();
    types
}

/// Reads a CoNLL file into documents of sentences.
fn read_conll(path: &Path) -> Result<Vec<Doc>> {
    let text = std::fs::read_to_string(path)
        .with_context(|| format!("{}: cannot read", path.display()))?;
    let mut docs = vec![Doc::default()];
    let (mut words, mut labels) = (Vec::new(), Vec::new());
    for line in text.lines().chain(std::iter::once("")) {
        let line = line.trim();
        let docstart = line.starts_with("-DOCSTART-");
        if line.is_empty() || docstart {
            if !words.is_empty() {
                let doc = docs.last_mut().context("no document")?;
                doc.words.push(std::mem::take(&mut words));
                doc.labels.push(std::mem::take(&mut labels));
            }
            if docstart && docs.last().is_some_and(|d| !d.words.is_empty()) {
                docs.push(Doc::default());
            }
            continue;
        }
        let cols: Vec<&str> = line.split_whitespace().collect();
        if cols.len() < 2 {
            bail!("{}: line without a label: {line:?}", path.display());
        }
        words.push(cols[0].to_string());
        labels.push(cols[cols.len() - 1].to_string());
    }
    docs.retain(|d| !d.words.is_empty());
    Ok(docs)
}

/// The first ancestor of `file` with `anchors/ner_spacy.py` beside it.
fn find_anchors(file: &Path) -> Option<PathBuf> {
    let abs = std::fs::canonicalize(file).ok()?;
    abs.ancestors()
        .map(|a| a.join("anchors"))
        .find(|d| d.join("ner_spacy.py").exists())
}

/// Runs `ner_spacy.py conll FILE`; returns (F1 over the four types, tokens per second).
fn run_spacy(python: &Path, anchors: &Path, file: &Path) -> Result<(f64, f64)> {
    let script = anchors.join("ner_spacy.py");
    let out = Command::new(python)
        .arg(&script)
        .arg("conll")
        .arg(file)
        .output()
        .with_context(|| format!("cannot run {}", python.display()))?;
    if !out.status.success() {
        bail!(
            "{} failed ({}): {}",
            script.display(),
            out.status,
            String::from_utf8_lossy(&out.stderr)
        );
    }
    let v: Value = serde_json::from_slice(&out.stdout).context("ner_spacy.py printed no JSON")?;
    let f1 = v["micro_all4"]["f1"].as_f64().unwrap_or(0.0);
    let tokens = v["tokens"].as_f64().unwrap_or(0.0);
    let wall = v["wall_s"].as_f64().unwrap_or(0.0);
    Ok((f1, tokens / wall.max(1e-9)))
}
