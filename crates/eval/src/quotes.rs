//! `quotes POLNEAR_DIR`: quotes and reported speech scored on PolNeAR (brat standoff: Source,
//! Cue and Content spans tied by Attribution events).
//!
//! Each text is read as blocks: its first non-empty line is the title and every other non-empty
//! line a paragraph, with offsets kept back to the `.txt`. The tagger, entity linking and
//! [`find_quotes`] run on them; partial quotes are left out (PolNeAR annotates the reported
//! attribution that holds them). A text may have several annotators' files: it is scored
//! against each and the counts averaged, so every text weighs the same.
//!
//! A predicted content matches a gold one when the bytes they share are at least half of the
//! larger of the two (pieces of a split quote count together; one-to-one, best overlap first),
//! and exactly when they cover the same bytes. Precision, recall and F1 are given over all
//! attributions and over the quoted subset: gold contents holding a quotation mark on the
//! recall side, predicted ones on the precision side. Speaker accuracy is taken over matched
//! contents whose gold attribution has a source: the predicted speaker is right when its span
//! overlaps the source, or when it was resolved to the entity a mention in the source names.
//! Predictions inside an annotator's Discard spans are not scored. The last line is
//! `SCORE quoted_content_f1 <overlap F1 on the quoted subset>`.

use std::path::{Path, PathBuf};
use std::time::{Duration, Instant};

use anyhow::{Context, Result};
use chancery_annotate::entities::{
    annotate_article, ArticleEntities, ArticleText, BlockKind, TextSpan,
};
use chancery_annotate::quotes::{find_quotes, CueModel, Quote, QuoteKind};
use chancery_annotate::NerModel;

use crate::brat::{covered, normalise, parse, shared, Annotation, CharIndex, Pieces};

/// Options of `quotes`.
#[derive(Debug, clap::Args)]
pub struct QuotesArgs {
    /// PolNeAR directory with `text/` and `attributions/` (../shared/data/quotes/polnear/dev).
    pub dir: PathBuf,
    /// The NER model (crates/annotate/build-model.sh builds it).
    #[arg(long, default_value = "crates/annotate/model/ner.bin")]
    pub model: PathBuf,
    /// Print the first N missed gold contents, N spurious predictions and N wrong speakers
    /// (quoted subset only with --quoted).
    #[arg(long, default_value_t = 0, value_name = "N")]
    pub show: usize,
    /// With --show: print quoted contents only.
    #[arg(long)]
    pub quoted: bool,
    /// The learned cue model (crates/annotate/build-model.sh builds it with `quotes-train`).
    #[arg(
        long,
        value_name = "FILE",
        default_value = "crates/annotate/model/cues.bin"
    )]
    pub cue_model: PathBuf,
    /// Score only one half of the texts (sorted by name): with `quotes-train --half` on the
    /// other half of the training split, a held-out check that leaves the development split alone.
    #[arg(long, value_enum)]
    pub half: Option<Half>,
    /// Find quotes by the rules alone, without the cue model.
    #[arg(long)]
    pub rules_only: bool,
    /// Print, for each cue lemma, the predictions made with it and the share that match.
    #[arg(long)]
    pub cues: bool,
    /// Score only the texts whose name holds this, and print every quote found in them.
    #[arg(long, value_name = "PART")]
    pub only: Option<String>,
}

/// One half of a directory's texts, sorted by name.
#[derive(Debug, Clone, Copy, PartialEq, Eq, clap::ValueEnum)]
pub enum Half {
    First,
    Second,
}

impl Half {
    /// The texts of `half` (all of them without one).
    pub(crate) fn select(mut texts: Vec<PathBuf>, half: Option<Half>) -> Vec<PathBuf> {
        let middle = texts.len() / 2;
        match half {
            None => texts,
            Some(Half::First) => {
                texts.truncate(middle);
                texts
            }
            Some(Half::Second) => texts.split_off(middle),
        }
    }
}

/// Least shared share of the larger span for an overlap match.
const OVERLAP: f64 = 0.5;

/// One predicted attribution in `.txt` byte offsets.
#[derive(Debug)]
struct Predicted {
    content: Pieces,
    speaker: Option<(usize, usize)>,
    entity: Option<usize>,
    quoted: bool,
    /// The cue's lemma ("-" without a cue).
    cue: &'static str,
}

/// Counts, averaged over each text's annotators.
#[derive(Debug, Default, Clone, Copy)]
struct Tally {
    gold: f64,
    predicted: f64,
    /// Gold contents matched by overlap, and exactly.
    found: f64,
    exact: f64,
    /// Predicted contents matched by overlap, and exactly.
    correct: f64,
    correct_exact: f64,
    /// Matched contents with a gold source, and those whose speaker is right.
    with_source: f64,
    speaker_right: f64,
}

impl Tally {
    fn add(&mut self, o: &Tally, weight: f64) {
        self.gold += o.gold * weight;
        self.predicted += o.predicted * weight;
        self.found += o.found * weight;
        self.exact += o.exact * weight;
        self.correct += o.correct * weight;
        self.correct_exact += o.correct_exact * weight;
        self.with_source += o.with_source * weight;
        self.speaker_right += o.speaker_right * weight;
    }

    /// (precision, recall, F1) by overlap or exactly.
    fn prf(&self, exact: bool) -> (f64, f64, f64) {
        let (c, f) = if exact {
            (self.correct_exact, self.exact)
        } else {
            (self.correct, self.found)
        };
        let p = ratio(c, self.predicted);
        let r = ratio(f, self.gold);
        let f1 = if p + r > 0.0 {
            2.0 * p * r / (p + r)
        } else {
            0.0
        };
        (p, r, f1)
    }
}

fn ratio(a: f64, b: f64) -> f64 {
    if b > 0.0 {
        a / b
    } else {
        0.0
    }
}

/// Runs `quotes`.
pub fn run(args: &QuotesArgs) -> Result<()> {
    let bytes = std::fs::read(&args.model)
        .with_context(|| format!("{}: cannot read the NER model", args.model.display()))?;
    let model = NerModel::from_bytes(&bytes).context("not a NER model")?;
    let cues = if args.rules_only {
        None
    } else {
        let path = &args.cue_model;
        let bytes = std::fs::read(path).with_context(|| {
            format!(
                "{}: cannot read the cue model (--rules-only to go without)",
                path.display()
            )
        })?;
        Some(CueModel::from_bytes(&bytes).context("not a cue model")?)
    };
    let texts = Half::select(list(&args.dir.join("text"), "txt")?, args.half);
    let anns = list(&args.dir.join("attributions"), "ann")?;
    let (mut all, mut quoted) = (Tally::default(), Tally::default());
    let mut by_cue: std::collections::HashMap<&'static str, (f64, f64)> = Default::default();
    let (mut annotate_time, mut quote_time) = (Duration::ZERO, Duration::ZERO);
    let (mut tokens, mut n_texts, mut n_files) = (0usize, 0usize, 0usize);
    let mut shown = (0usize, 0usize, 0usize);
    for path in &texts {
        let stem = path.file_stem().and_then(|s| s.to_str()).unwrap_or("");
        let files = annotations_of(&anns, stem);
        if files.is_empty()
            || args
                .only
                .as_ref()
                .is_some_and(|o| !stem.contains(o.as_str()))
        {
            continue;
        }
        let text = std::fs::read_to_string(path)
            .with_context(|| format!("{}: cannot read", path.display()))?;
        let (article, offsets) = blocks(&text);
        let started = Instant::now();
        let entities = annotate_article(&model, &article);
        let middle = Instant::now();
        let found = find_quotes(&article, &entities, cues.as_ref());
        quote_time += middle.elapsed();
        annotate_time += middle - started;
        tokens += chancery_annotate::tokenize(&text).len();
        n_texts += 1;
        if args.only.is_some() {
            print_found(&found, &entities);
        }
        let predicted = predictions(&found, &offsets, &text);
        let index = CharIndex::new(&text);
        let weight = 1.0 / files.len() as f64;
        for file in files {
            n_files += 1;
            let ann = std::fs::read_to_string(file)
                .with_context(|| format!("{}: cannot read", file.display()))?;
            let gold = parse(&ann, &index);
            let (a, q, misses) = score(&gold, &predicted, &entities, &offsets, &text);
            all.add(&a, weight);
            quoted.add(&q, weight);
            for &(cue, right) in &misses.by_cue {
                let entry = by_cue.entry(cue).or_insert((0.0, 0.0));
                entry.0 += weight;
                entry.1 += if right { weight } else { 0.0 };
            }
            show_misses(args, stem, &text, &misses, &mut shown);
        }
    }
    println!(
        "{}: {n_texts} texts, {n_files} annotation files",
        args.dir.display()
    );
    report("all attributions", &all);
    report("quoted contents", &quoted);
    if args.cues {
        let mut rows: Vec<_> = by_cue.into_iter().collect();
        rows.sort_by(|a, b| b.1 .0.total_cmp(&a.1 .0));
        println!("cue: predicted, matched, precision");
        for (cue, (n, right)) in rows {
            println!("  {cue}: {n:.1} {right:.1} {:.2}", ratio(right, n));
        }
    }
    let secs = quote_time.as_secs_f64().max(1e-9);
    let total = (quote_time + annotate_time).as_secs_f64().max(1e-9);
    println!(
        "speed: find_quotes {:.0} articles/s ({:.0} tokens/s); with tagging and entities {:.1} \
         articles/s ({:.0} tokens/s), one core",
        n_texts as f64 / secs,
        tokens as f64 / secs,
        n_texts as f64 / total,
        tokens as f64 / total
    );
    println!("SCORE quoted_content_f1 {:.4}", quoted.prf(false).2);
    Ok(())
}

fn report(name: &str, t: &Tally) {
    let (p, r, f) = t.prf(false);
    let (pe, re, fe) = t.prf(true);
    println!(
        "{name}: gold {:.1}, predicted {:.1}\n  overlap>=50%: P {p:.3} R {r:.3} F1 {f:.3}\n  \
         exact:        P {pe:.3} R {re:.3} F1 {fe:.3}\n  speaker accuracy {:.3} of {:.1} \
         matched contents with a source",
        t.gold,
        t.predicted,
        ratio(t.speaker_right, t.with_source),
        t.with_source
    );
}

/// The annotators' files (`STEM_ANNOTATOR.ann`) of the text `stem`, in `anns`' order.
pub(crate) fn annotations_of<'a>(anns: &'a [PathBuf], stem: &str) -> Vec<&'a PathBuf> {
    anns.iter()
        .filter(|a| {
            a.file_stem()
                .and_then(|s| s.to_str())
                .and_then(|s| s.rsplit_once('_'))
                .is_some_and(|(base, _)| base == stem)
        })
        .collect()
}

/// Files with extension `ext` in `dir`, sorted.
pub(crate) fn list(dir: &Path, ext: &str) -> Result<Vec<PathBuf>> {
    let mut out: Vec<PathBuf> = std::fs::read_dir(dir)
        .with_context(|| format!("{}: cannot list", dir.display()))?
        .filter_map(|e| e.ok().map(|e| e.path()))
        .filter(|p| p.extension().is_some_and(|e| e == ext))
        .collect();
    out.sort();
    Ok(out)
}

/// The text as blocks (first non-empty line the title, the others paragraphs) and each block's
/// byte offset in the text: the title's first, then the paragraphs'.
pub(crate) fn blocks(text: &str) -> (ArticleText, Vec<usize>) {
    let mut lines = Vec::new();
    let mut at = 0;
    for line in text.split('\n') {
        if !line.trim().is_empty() {
            lines.push((at, line));
        }
        at += line.len() + 1;
    }
    let offsets = lines.iter().map(|l| l.0).collect();
    let title = lines.first().map(|l| l.1);
    let paragraphs: Vec<&str> = lines.iter().skip(1).map(|l| l.1).collect();
    (ArticleText::from_texts(title, &[], &paragraphs), offsets)
}

/// A block span in `.txt` bytes.
fn in_text(span: &TextSpan, offsets: &[usize]) -> Option<(usize, usize)> {
    let i = match span.block.kind {
        BlockKind::Title => 0,
        _ => span.block.index + 1,
    };
    let base = *offsets.get(i)?;
    Some((base + span.start, base + span.end))
}

fn has_mark(s: &str) -> bool {
    s.contains(['"', '“', '”', '«', '»', '„']) || s.contains("''")
}

fn predictions(found: &[Quote], offsets: &[usize], text: &str) -> Vec<Predicted> {
    found
        .iter()
        .filter(|q| q.kind != QuoteKind::Partial)
        .filter_map(|q| {
            let content: Pieces = q
                .content
                .iter()
                .map(|s| in_text(s, offsets))
                .collect::<Option<_>>()?;
            let content = normalise(content);
            let quoted = content
                .iter()
                .any(|p| has_mark(text.get(p.0..p.1).unwrap_or("")));
            Some(Predicted {
                content,
                speaker: q.speaker.as_ref().and_then(|s| in_text(&s.span, offsets)),
                entity: q.speaker_entity(),
                quoted,
                cue: q.cue.as_ref().map_or("-", |c| c.lemma),
            })
        })
        .collect()
}

/// A matched content whose predicted speaker is not the gold source.
#[derive(Debug)]
struct WrongSpeaker {
    content: Pieces,
    quoted: bool,
    predicted: Option<(usize, usize)>,
    source: Pieces,
}

/// Gold contents missed and predictions matched to nothing, for `--show`.
#[derive(Debug, Default)]
struct Misses {
    /// Content, quoted, the overlap of the best prediction (0 when none overlaps), and cue.
    missed: Vec<(Pieces, bool, f64, Pieces)>,
    /// Matched contents whose speaker is wrong.
    wrong_speaker: Vec<WrongSpeaker>,
    /// Content, quoted, the overlap and content of the nearest gold content, and the cue lemma.
    spurious: Vec<(Pieces, bool, f64, Pieces, &'static str)>,
    /// Each scored prediction's cue lemma and whether it matched.
    by_cue: Vec<(&'static str, bool)>,
}

/// Scores one annotator's file: all attributions, the quoted subset, and the misses.
fn score(
    gold: &Annotation,
    predicted: &[Predicted],
    entities: &ArticleEntities,
    offsets: &[usize],
    text: &str,
) -> (Tally, Tally, Misses) {
    let discarded = |p: &Pieces| shared(p, &gold.discarded) * 2 > covered(p);
    let preds: Vec<&Predicted> = predicted
        .iter()
        .filter(|p| !discarded(&p.content))
        .collect();
    let golds = &gold.attributions;
    let gold_quoted: Vec<bool> = golds
        .iter()
        .map(|g| {
            g.content
                .iter()
                .any(|p| has_mark(text.get(p.0..p.1).unwrap_or("")))
        })
        .collect();
    let mut pairs = Vec::new();
    for (i, p) in preds.iter().enumerate() {
        for (j, g) in golds.iter().enumerate() {
            let r = overlap(&p.content, &g.content);
            if r >= OVERLAP {
                pairs.push((r, i, j));
            }
        }
    }
    pairs.sort_by(|a, b| b.0.total_cmp(&a.0));
    let (mut pred_of, mut gold_of) = (vec![None; golds.len()], vec![None; preds.len()]);
    for (r, i, j) in pairs {
        if gold_of[i].is_none() && pred_of[j].is_none() {
            gold_of[i] = Some((j, r >= 1.0));
            pred_of[j] = Some(i);
        }
    }
    let (mut all, mut quoted) = (Tally::default(), Tally::default());
    let mut misses = Misses::default();
    for (i, p) in preds.iter().enumerate() {
        for t in [Some(&mut all), p.quoted.then_some(&mut quoted)]
            .into_iter()
            .flatten()
        {
            t.predicted += 1.0;
            if let Some((_, exact)) = gold_of[i] {
                t.correct += 1.0;
                t.correct_exact += f64::from(u8::from(exact));
            }
        }
        misses.by_cue.push((p.cue, gold_of[i].is_some()));
        if gold_of[i].is_none() {
            let nearest = golds
                .iter()
                .map(|g| (overlap(&p.content, &g.content), &g.content))
                .max_by(|a, b| a.0.total_cmp(&b.0));
            let (best, near) = nearest.map_or((0.0, Pieces::new()), |(b, g)| (b, g.clone()));
            misses
                .spurious
                .push((p.content.clone(), p.quoted, best, near, p.cue));
        }
    }
    for (j, g) in golds.iter().enumerate() {
        let matched = pred_of[j].map(|i| (preds[i], gold_of[i].is_some_and(|m| m.1)));
        let right = matched.map(|(p, _)| speaker_right(p, &g.source, entities, offsets));
        for t in [Some(&mut all), gold_quoted[j].then_some(&mut quoted)]
            .into_iter()
            .flatten()
        {
            t.gold += 1.0;
            if let Some((_, exact)) = matched {
                t.found += 1.0;
                t.exact += f64::from(u8::from(exact));
            }
            if let Some(right) = right.filter(|_| !g.source.is_empty()) {
                t.with_source += 1.0;
                t.speaker_right += f64::from(u8::from(right));
            }
        }
        if let (Some(false), Some((p, _))) = (right, matched) {
            if !g.source.is_empty() {
                misses.wrong_speaker.push(WrongSpeaker {
                    content: g.content.clone(),
                    quoted: gold_quoted[j],
                    predicted: p.speaker,
                    source: g.source.clone(),
                });
            }
        }
        if matched.is_none() {
            let best = preds
                .iter()
                .map(|p| overlap(&p.content, &g.content))
                .fold(0.0, f64::max);
            misses
                .missed
                .push((g.content.clone(), gold_quoted[j], best, g.cue.clone()));
        }
    }
    (all, quoted, misses)
}

/// The bytes two contents share over the larger one's bytes.
fn overlap(a: &Pieces, b: &Pieces) -> f64 {
    let larger = covered(a).max(covered(b));
    if larger == 0 {
        return 0.0;
    }
    shared(a, b) as f64 / larger as f64
}

/// Whether the predicted speaker overlaps the gold source or is the entity it names.
fn speaker_right(
    p: &Predicted,
    source: &Pieces,
    entities: &ArticleEntities,
    offsets: &[usize],
) -> bool {
    if let Some(s) = p.speaker {
        if shared(&[s], source) > 0 {
            return true;
        }
    }
    let Some(entity) = p.entity else {
        return false;
    };
    entities.mentions.iter().any(|m| {
        m.entity == entity && in_text(&m.span, offsets).is_some_and(|r| shared(&[r], source) > 0)
    })
}

fn show_misses(
    args: &QuotesArgs,
    stem: &str,
    text: &str,
    misses: &Misses,
    shown: &mut (usize, usize, usize),
) {
    let show = |pieces: &Pieces| {
        pieces
            .iter()
            .map(|p| text.get(p.0..p.1).unwrap_or(""))
            .collect::<Vec<_>>()
            .join(" | ")
    };
    for (pieces, q, best, cue) in &misses.missed {
        if shown.0 < args.show && (*q || !args.quoted) {
            shown.0 += 1;
            let (s, e) = (pieces[0].0, pieces[pieces.len() - 1].1);
            let before = text.get(s.saturating_sub(100)..s).unwrap_or("");
            let after = text.get(e..(e + 60).min(text.len())).unwrap_or("");
            println!(
                "MISSED {stem} (best overlap {best:.2}, cue {:?}): {}\n    in: {before}[[...]]{after}",
                show(cue),
                show(pieces)
            );
        }
    }
    for w in &misses.wrong_speaker {
        if shown.2 < args.show && (w.quoted || !args.quoted) {
            shown.2 += 1;
            let said = w.predicted.map_or(String::from("-"), |s| show(&vec![s]));
            println!(
                "SPEAKER {stem}: {said:?} for {:?}, gold {:?}",
                show(&w.content),
                show(&w.source)
            );
        }
    }
    for (pieces, q, best, near, cue) in &misses.spurious {
        if shown.1 < args.show && (*q || !args.quoted) {
            shown.1 += 1;
            println!(
                "SPURIOUS {stem} (best overlap {best:.2}, cue {cue:?}): {}\n    nearest gold: {}",
                show(pieces),
                show(near)
            );
        }
    }
}

/// Every quote found, for `--only`.
fn print_found(found: &[Quote], entities: &ArticleEntities) {
    for q in found {
        let party = |p: &Option<chancery_annotate::quotes::Party>| {
            p.as_ref().map_or(String::from("-"), |p| {
                let name = p
                    .entity
                    .and_then(|e| entities.entities.get(e))
                    .map_or("?", |e| e.name.as_str());
                format!("{} [{name}]", p.text)
            })
        };
        println!(
            "FOUND {} cue={:?} speaker={} to={}: {}",
            q.kind.as_str(),
            q.cue.as_ref().map(|c| c.text.as_str()).unwrap_or("-"),
            party(&q.speaker),
            party(&q.addressee),
            q.text
        );
    }
}
