//! A learned cue finder for the long tail of attribution verbs the lexicon does not list
//! ("is once again questioning", "complained about", "has faced questions about", "sings").
//!
//! [`CueModel`] is a binary averaged perceptron over hashed features of a token and its
//! neighbours (words, affixes, what the lexicon makes of them, quotation marks, sentence
//! position). It marks the last word of a cue whose content follows it; [`find`] then reads
//! that content as the rules read an object cue's: from the next word to the end of the clause,
//! with the nearest name or pronoun before the cue as its speaker. Tokens the rules already used
//! as cues, and contents the rules already found, are left alone.
//!
//! The model is trained on attribution annotations (`CueModel::train`, run by
//! `crates/annotate/build-model.sh`) and stored like the NER model's weights.

use std::collections::HashMap;

use super::ends;
use super::frame::{Draft, Frame, Range};
use super::lexicon::{bare_cue, cue, Takes};
use super::phrase::{bytes, subject_before};
use super::reported::content_end;
use super::types::QuoteKind;
use super::words::pronoun;
use crate::entities::{ArticleEntities, ArticleText, EntityType, TextSpan};
use crate::ner::features::Fx;
use crate::ner::format::{read_weights_file, write_weights_file};
use crate::ner::weights::{Perceptron, Weights};
use crate::ner::FormatError;

const MAGIC: &[u8; 5] = b"CHCUE";
const VERSION: u8 = 3;
/// Passes over the training texts.
pub const EPOCHS: usize = 6;
/// Drafts looked back over for one already holding a learned cue's content.
const KNOWN_REACH: usize = 16;
/// Words of content a learned cue needs.
const MIN_CONTENT: usize = 2;
/// Words a learned cue may run to before its last ("has faced questions about").
const CUE_WORDS: usize = 4;
/// Tokens looked back from a cue for its speaker.
const SPEAKER_REACH: usize = 12;
/// The margin above which a token is taken as a learned cue's end. Below zero: a candidate
/// only becomes an attribution when content follows it and the rules have not found that
/// content, which weeds out most wrong candidates, so the best end-to-end threshold lies below
/// the best token-level one. Chosen with the model trained on half of PolNeAR's training split
/// and scored on the other half (`chancery-eval quotes-train TRAIN --half first --out F`, then
/// `quotes TRAIN --half second --cue-model F`): content F1 over all attributions 0.662 at 0,
/// 0.674 here, 0.660 at -30.
const ACCEPT: f32 = -20.0;
/// How far below zero the model's margin for a rule's cue must fall for the attribution to be
/// dropped: only where the model is sure (margins run to a few tens).
const VETO: f32 = 10.0;
/// The lemma given to a cue the lexicon does not hold.
pub const OTHER: &str = "other";

/// One training text's token features and labels.
type Prepared = (Vec<Vec<u64>>, Vec<Option<bool>>);

/// Finds the last word of attribution cues, whatever the verb.
#[derive(Debug, Clone)]
pub struct CueModel {
    weights: Weights,
    /// Where the content after a learned cue ends ([`super::ends`]).
    ends: Weights,
    /// Word clusters (from word embeddings, as the NER model's resources have them): a word's
    /// hash to its cluster at three granularities, so that verbs unseen in training still share
    /// what was learned of their neighbours.
    clusters: Clusters,
}

/// Word hash to cluster ids at three granularities.
pub type Clusters = HashMap<u64, [u16; 3]>;

/// One training text: its blocks, its entities and the cues annotated in it.
#[derive(Debug, Clone)]
pub struct CueExample {
    pub text: ArticleText,
    /// The text's entities, as [`crate::entities::annotate_article`] finds them.
    pub entities: ArticleEntities,
    pub cues: Vec<LabelledCue>,
}

/// An annotated cue: whether its content comes after it (the cues the model learns; the others
/// are left out of training), and that content when it is one piece in the cue's block.
#[derive(Debug, Clone)]
pub struct LabelledCue {
    pub cue: TextSpan,
    pub after: bool,
    pub content: Option<TextSpan>,
}

/// How the model marks a set of texts: tokens, cue ends among them, the tokens it marks and
/// how many of those are cue ends.
#[derive(Debug, Clone, Copy, Default)]
pub struct TrainReport {
    pub tokens: usize,
    pub cue_ends: usize,
    pub found: usize,
    pub found_right: usize,
    /// Contents after a cue, and those the end model ends where the annotation does.
    pub contents: usize,
    pub ends_right: usize,
}

impl CueModel {
    /// Trains on `examples` for `epochs` passes, in the order given (deterministic).
    pub fn train(
        examples: &[CueExample],
        clusters: Clusters,
        epochs: usize,
    ) -> (CueModel, TrainReport) {
        let prepared: Vec<Prepared> = examples
            .iter()
            .map(|ex| {
                let frame = Frame::new(&ex.text, &ex.entities);
                let labels = labels(&frame, &ex.cues);
                let lex = lexicon_classes(&frame);
                let feats = (0..frame.tokens.len())
                    .map(|k| features(&frame, &lex, &clusters, k))
                    .collect();
                (feats, labels)
            })
            .collect();
        let end_examples: Vec<(Vec<u64>, bool)> = examples
            .iter()
            .flat_map(|ex| {
                let frame = Frame::new(&ex.text, &ex.entities);
                let lex = lexicon_classes(&frame);
                ex.cues
                    .iter()
                    .filter_map(|c| content_after(&frame, c))
                    .flat_map(|(cue, start, last)| {
                        (start..=last)
                            .map(|t| (ends::features(&frame, &lex, cue, start, t), t == last))
                            .collect::<Vec<_>>()
                    })
                    .collect::<Vec<_>>()
            })
            .collect();
        let mut p = Perceptron::new(2);
        let mut ends = Perceptron::new(2);
        for epoch in 0..epochs {
            // Each pass reads the texts in its own fixed order: a perceptron learns better from
            // shuffled data, and the order stays the same from run to run.
            let mut order: Vec<usize> = (0..prepared.len()).collect();
            order.sort_by_key(|&i| Fx::new(200).num(epoch as u32).num(i as u32).key());
            for (feats, labels) in order.iter().map(|&i| &prepared[i]) {
                for (f, label) in feats.iter().zip(labels) {
                    if let Some(gold) = label {
                        learn(&mut p, f, *gold);
                    }
                }
            }
            for (f, gold) in &end_examples {
                learn(&mut ends, f, *gold);
            }
        }
        let model = CueModel {
            weights: p.averaged(),
            ends: ends.averaged(),
            clusters,
        };
        let report = model.evaluate(examples);
        (model, report)
    }

    /// How the model marks the cue ends of `examples`.
    pub fn evaluate(&self, examples: &[CueExample]) -> TrainReport {
        let mut report = TrainReport::default();
        for ex in examples {
            let frame = Frame::new(&ex.text, &ex.entities);
            let lex = lexicon_classes(&frame);
            for (k, label) in labels(&frame, &ex.cues).into_iter().enumerate() {
                let Some(gold) = label else { continue };
                report.tokens += 1;
                report.cue_ends += usize::from(gold);
                if self.is_cue_end(&frame, &lex, k) {
                    report.found += 1;
                    report.found_right += usize::from(gold);
                }
            }
            for (cue, start, last) in ex.cues.iter().filter_map(|c| content_after(&frame, c)) {
                let end = frame.sentence_tokens(start).end;
                let stop = ends::content_stop(&frame, &lex, &self.ends, cue, start, end);
                report.contents += 1;
                report.ends_right += usize::from(stop == last + 1);
            }
        }
        report
    }

    /// Reads a model written by [`CueModel::to_bytes`].
    pub fn from_bytes(bytes: &[u8]) -> Result<Self, FormatError> {
        let (sets, extra) = read_weights_file(bytes, MAGIC, VERSION, &[2, 2])?;
        let mut sets = sets.into_iter();
        let (Some(weights), Some(ends)) = (sets.next(), sets.next()) else {
            return Err(FormatError("missing weight sets".into()));
        };
        // The cluster table: `u64` word hash and three `u16` ids per word.
        let clusters = extra
            .chunks_exact(14)
            .map(|c| {
                let at = |i: usize| u16::from_le_bytes([c[8 + 2 * i], c[9 + 2 * i]]);
                let mut key = [0u8; 8];
                key.copy_from_slice(&c[..8]);
                (u64::from_le_bytes(key), [at(0), at(1), at(2)])
            })
            .collect();
        Ok(CueModel {
            weights,
            ends,
            clusters,
        })
    }

    /// The model file's bytes.
    pub fn to_bytes(&self) -> Vec<u8> {
        let mut words: Vec<(&u64, &[u16; 3])> = self.clusters.iter().collect();
        words.sort_unstable();
        let mut extra = Vec::with_capacity(words.len() * 14);
        for (key, ids) in words {
            extra.extend(key.to_le_bytes());
            for id in ids {
                extra.extend(id.to_le_bytes());
            }
        }
        write_weights_file(MAGIC, VERSION, &[&self.weights, &self.ends], &extra)
    }

    /// Reads a cluster file (`word<TAB>c50:8 c100:57 c200:124 ...`, as the NER resources build
    /// it): the ids at the 50, 200 and 1000 cluster granularities.
    pub fn read_clusters(tsv: &str) -> Clusters {
        tsv.lines()
            .filter_map(|line| {
                let (word, ids) = line.split_once('\t')?;
                let id = |name: &str| {
                    ids.split_whitespace()
                        .find_map(|p| p.strip_prefix(name)?.strip_prefix(':')?.parse().ok())
                };
                let key = Fx::new(250).str(&word.to_lowercase()).key();
                Some((key, [id("c50")?, id("c200")?, id("c1000")?]))
            })
            .collect()
    }

    /// Whether token `k` of the frame ends a cue; `lex` is [`lexicon_classes`] of the frame.
    pub(crate) fn is_cue_end(&self, frame: &Frame, lex: &[&'static str], k: usize) -> bool {
        self.scores(&features(frame, lex, &self.clusters, k))
    }

    /// A model that reads every token as no cue end by `margin` (tests of the veto).
    #[cfg(test)]
    pub(crate) fn sure_of_none(margin: f32) -> CueModel {
        let mut p = Perceptron::new(2);
        let bias = [Fx::new(0).key()];
        for _ in 0..margin as usize {
            p.update(&bias, 0, 1);
        }
        CueModel {
            ends: p.current.clone(),
            weights: p.current,
            clusters: Clusters::default(),
        }
    }

    /// How much more the model reads token `k` as a cue end than not.
    pub(crate) fn margin(&self, frame: &Frame, lex: &[&'static str], k: usize) -> f32 {
        let mut s = [0f32; 2];
        self.weights
            .score(&features(frame, lex, &self.clusters, k), &mut s);
        s[1] - s[0]
    }

    fn scores(&self, feats: &[u64]) -> bool {
        let mut s = [0f32; 2];
        self.weights.score(feats, &mut s);
        s[1] > s[0]
    }
}

/// One perceptron step towards `gold` on features `f`.
fn learn(p: &mut Perceptron, f: &[u64], gold: bool) {
    let mut scores = [0f32; 2];
    p.current.score(f, &mut scores);
    p.update(f, usize::from(gold), usize::from(scores[1] > scores[0]));
    p.tick();
}

/// For a cue whose one-piece content follows it closely in the same sentence: the cue's last
/// token, and the content's first and last tokens.
fn content_after(frame: &Frame, c: &LabelledCue) -> Option<(usize, usize, usize)> {
    let (_, cue_end) = frame.place(&c.cue)?;
    let (s, e) = frame.place(c.content.as_ref()?)?;
    let cue = frame.token_from(cue_end).checked_sub(1)?;
    let (start, last) = (frame.token_from(s), frame.token_from(e).checked_sub(1)?);
    let sentence = frame.sentence_tokens(start);
    let close = start > cue && start - cue <= 3;
    (close && last >= start && last < sentence.end && last - start < ends::READ_MAX)
        .then_some((cue, start, last))
}

/// Per token: `Some(true)` where a cue with content after it ends, `None` inside other cues
/// (left out), `Some(false)` elsewhere.
fn labels(frame: &Frame, cues: &[LabelledCue]) -> Vec<Option<bool>> {
    let mut out = vec![Some(false); frame.tokens.len()];
    for LabelledCue {
        cue: span, after, ..
    } in cues
    {
        let Some((s, e)) = frame.place(span) else {
            continue;
        };
        let first = frame.token_from(s);
        let last = frame.token_from(e).saturating_sub(1);
        for slot in out.get_mut(first..=last).into_iter().flatten() {
            *slot = None;
        }
        if *after {
            if let Some(slot) = out.get_mut(last) {
                *slot = Some(true);
            }
        }
    }
    out
}

/// [`lexicon_class`] of every token of the frame with the token after it.
fn lexicon_classes(frame: &Frame) -> Vec<&'static str> {
    (0..frame.tokens.len())
        .map(|k| lexicon_class(frame.word(k), frame.word(k + 1)))
        .collect()
}

/// The lexicon's reading of a word: which table holds it, as a cue form or a bare lemma.
fn lexicon_class(word: &str, next: &str) -> &'static str {
    let takes = |t: Takes| match t {
        Takes::Speech => "speech",
        Takes::Clause => "clause",
        Takes::Object => "object",
    };
    match (cue(word, next), bare_cue(word, next)) {
        (Some((c, _)), _) => takes(c.takes),
        (None, Some((c, _))) => match c.takes {
            Takes::Speech => "bare-speech",
            Takes::Clause => "bare-clause",
            Takes::Object => "bare-object",
        },
        (None, None) => "none",
    }
}

/// A coarse class of the token: pronoun, capitalised, lower case, mark, punctuation.
fn class(frame: &Frame, k: usize) -> &'static str {
    let written = frame.written(k);
    if written.is_empty() {
        "edge"
    } else if frame.is_mark(k) {
        "mark"
    } else if frame.is_punct(k) {
        "punct"
    } else if pronoun(frame.word(k)).is_some() {
        "pronoun"
    } else if let Some(m) = frame.tokens.get(k).and_then(|t| frame.mention_at(t.start)) {
        match m.kind {
            EntityType::Person => "person",
            EntityType::Org | EntityType::Norp => "organisation",
            _ => "place",
        }
    } else if written.starts_with(char::is_uppercase) {
        "cap"
    } else {
        "lower"
    }
}

/// What stands nearest before token `k` in its sentence that could speak: a person, an
/// organisation, a pronoun, and how far back (within four tokens, or further, up to
/// [`SPEAKER_REACH`]).
fn nearest_party(frame: &Frame, k: usize, first: usize) -> &'static str {
    let lowest = first.max(k.saturating_sub(SPEAKER_REACH));
    for (d, j) in (lowest..k).rev().enumerate() {
        let c = class(frame, j);
        if matches!(c, "person" | "organisation" | "pronoun") {
            return match (c, d < 4) {
                ("person", true) => "person-near",
                ("person", false) => "person-far",
                ("organisation", true) => "organisation-near",
                ("organisation", false) => "organisation-far",
                (_, true) => "pronoun-near",
                _ => "pronoun-far",
            };
        }
    }
    "none"
}

/// A word with its inflection cut: "questioning", "questioned", "questions" give "question".
fn stem(word: &str) -> &str {
    for suffix in ["ing", "ied", "ies", "ed", "es", "s"] {
        if let Some(base) = word.strip_suffix(suffix) {
            if base.len() >= 3 {
                return base;
            }
        }
    }
    word
}

/// The hashed features of token `k`.
fn features(frame: &Frame, lex: &[&'static str], clusters: &Clusters, k: usize) -> Vec<u64> {
    let cluster = |j: Option<usize>| {
        j.and_then(|j| clusters.get(&Fx::new(250).str(frame.word(j)).key()))
            .copied()
    };
    let lex_at = |j: Option<usize>| j.and_then(|j| lex.get(j)).copied().unwrap_or("none");
    let w = |i: isize| -> &str { k.checked_add_signed(i).map_or("", |j| frame.word(j)) };
    let w0 = w(0);
    let suffix = |n: usize| w0.get(w0.len().saturating_sub(n)..).unwrap_or("");
    let first = frame.sentence_tokens(k).start;
    let end = frame.sentence_tokens(k).end;
    let in_quote = frame
        .tokens
        .get(k)
        .and_then(|t| frame.quote_at(t.start))
        .is_some();
    let that_soon = (k + 1..(k + 4).min(end)).any(|j| frame.word(j) == "that");
    let cue_before =
        (k.saturating_sub(3)..k).any(|j| matches!(lex_at(Some(j)), "speech" | "clause" | "object"));
    let mut f = vec![
        Fx::new(0).key(),
        Fx::new(1).str(w0).key(),
        Fx::new(2).str(w(-1)).key(),
        Fx::new(3).str(w(1)).key(),
        Fx::new(4).str(w(-2)).key(),
        Fx::new(5).str(w(2)).key(),
        Fx::new(6).str(w0).str(w(1)).key(),
        Fx::new(7).str(w(-1)).str(w0).key(),
        Fx::new(8).str(suffix(3)).key(),
        Fx::new(9).str(suffix(2)).key(),
        Fx::new(10).str(lex_at(Some(k))).key(),
        Fx::new(11).str(lex_at(k.checked_sub(1))).key(),
        Fx::new(12).str(class(frame, k)).key(),
        Fx::new(13).str(class(frame, k.wrapping_sub(1))).key(),
        Fx::new(14).str(class(frame, k + 1)).key(),
        Fx::new(15).num(u32::from(in_quote)).key(),
        Fx::new(16).num(u32::from(cue_before)).key(),
        Fx::new(17).num((k - first).min(8) as u32).key(),
        Fx::new(18).num((end.saturating_sub(k)).min(8) as u32).key(),
        Fx::new(19).str(class(frame, k + 1)).str(w0).key(),
        Fx::new(20).str(suffix(3)).str(w(1)).key(),
        Fx::new(21).str(stem(w0)).key(),
        Fx::new(22).str(stem(w0)).str(class(frame, k + 1)).key(),
        Fx::new(23).num(u32::from(that_soon)).key(),
        Fx::new(24)
            .str(class(frame, k.wrapping_sub(1)))
            .str(class(frame, k + 1))
            .key(),
        Fx::new(25).str(stem(w(-1))).str(stem(w0)).key(),
        Fx::new(26).str(stem(w0)).str(w(1)).key(),
        Fx::new(27).str(nearest_party(frame, k, first)).key(),
        Fx::new(28)
            .str(nearest_party(frame, k, first))
            .str(stem(w0))
            .key(),
    ];
    for (tpl, j) in [(30u8, Some(k)), (31, k.checked_sub(1)), (32, Some(k + 1))] {
        if let Some(ids) = cluster(j) {
            for (g, id) in ids.iter().enumerate() {
                f.push(Fx::new(tpl).num(g as u32).num(u32::from(*id)).key());
            }
        }
    }
    if let (Some(here), Some(next)) = (cluster(Some(k)), cluster(Some(k + 1))) {
        f.push(
            Fx::new(33)
                .num(u32::from(here[1]))
                .num(u32::from(next[0]))
                .key(),
        );
    }
    f.sort_unstable();
    f.dedup();
    f
}

/// Adds the attributions of the cues `model` finds that the rules did not use.
pub(crate) fn find(frame: &Frame, model: &CueModel, drafts: &mut Vec<Draft>) {
    let mut cue_tokens: Vec<Range> = drafts.iter().filter_map(|d| d.cue.map(|c| c.0)).collect();
    cue_tokens.sort_unstable();
    let lex = lexicon_classes(frame);
    let mut found = Vec::new();
    for s in &frame.sentences {
        let (first, end) = (s.tokens.start, s.tokens.end);
        for k in first..end.saturating_sub(MIN_CONTENT) {
            let Some(token) = frame.tokens.get(k) else {
                continue;
            };
            // Cues do not overlap one another, so only the last starting before the token's
            // end can hold it.
            let before = cue_tokens.partition_point(|c| c.0 < token.end);
            let used = before
                .checked_sub(1)
                .is_some_and(|i| token.start < cue_tokens[i].1);
            // Cue ends are words written in lower case ("said", "about", "questioning").
            let lower = frame.written(k).starts_with(char::is_lowercase);
            if used
                || !lower
                || frame.quote_at(token.start).is_some()
                || model.margin(frame, &lex, k) <= ACCEPT
            {
                continue;
            }
            if let Some(d) = attribution(frame, (model, &lex), k, first, end, drafts) {
                found.push(d);
            }
        }
    }
    drafts.extend(found);
}

/// Ends the content the rules read after a cue where the end model says it ends: "condemned
/// the annexation | in an on-air diatribe". Only shortens, and only one-piece reported content
/// right after its cue.
pub(crate) fn re_end(frame: &Frame, model: &CueModel, drafts: &mut [Draft]) {
    let lex = lexicon_classes(frame);
    for d in drafts.iter_mut() {
        let (Some(((_, cue_end), _)), [piece]) = (d.cue, d.pieces.as_mut_slice()) else {
            continue;
        };
        if d.kind != QuoteKind::Indirect || piece.0 < cue_end {
            continue;
        }
        let cue = frame.token_from(cue_end).saturating_sub(1);
        let start = frame.token_from(piece.0);
        let stop = frame.token_from(piece.1);
        if start <= cue || start - cue > 3 || stop <= start {
            continue;
        }
        let new_stop = ends::content_stop(frame, &lex, &model.ends, cue, start, stop);
        if new_stop < stop {
            piece.1 = bytes(frame, (start, new_stop)).1;
        }
    }
}

/// Drops the reported attributions whose cue the model reads as no cue at all (by more than
/// [`VETO`]): "he would call the shots", "continued to climb".
pub(crate) fn veto(frame: &Frame, model: &CueModel, drafts: &mut Vec<Draft>) {
    let lex = lexicon_classes(frame);
    drafts.retain(|d| {
        let Some(((_, cue_end), _)) = d.cue else {
            return true;
        };
        if d.kind != QuoteKind::Indirect || d.start() < cue_end {
            return true;
        }
        let k = frame.token_from(cue_end).saturating_sub(1);
        model.margin(frame, &lex, k) > -VETO
    });
}

/// The attribution of a learned cue ending at token `k` of the sentence `first..end`, unless
/// the rules found its content already.
fn attribution(
    frame: &Frame,
    (model, lex): (&CueModel, &[&'static str]),
    k: usize,
    first: usize,
    end: usize,
    drafts: &[Draft],
) -> Option<Draft> {
    let start = k + 1;
    let mut stop = ends::content_stop(
        frame,
        lex,
        &model.ends,
        k,
        start,
        content_end(frame, start, end),
    );
    // "... “burning the Constitution” - a charge that ...": a dash, a comma or a conjunction of
    // time or cause opens what the writer adds.
    if let Some(cut) = (start + 1..stop).find(|&t| {
        let adds = matches!(frame.written(t), "-" | "—" | "–" | "--" | ",")
            || matches!(
                frame.word(t),
                "during" | "since" | "after" | "before" | "while" | "when" | "because"
            );
        adds && frame.quote_at(frame.tokens[t].start).is_none()
    }) {
        stop = cut;
    }
    let words = (start..stop).filter(|&t| !frame.is_punct(t)).count();
    if words < MIN_CONTENT || (frame.is_punct(start) && !frame.is_mark(start)) {
        return None;
    }
    let content = bytes(frame, (start, stop));
    let len = content.1 - content.0;
    // `drafts` are sorted by start: those that can share words with the content start before
    // its end, and a bounded look back keeps the work per token bounded.
    let upto = drafts.partition_point(|d| d.start() < content.1);
    let known = drafts[upto.saturating_sub(KNOWN_REACH)..upto]
        .iter()
        .any(|d| {
            let shared: usize = d
                .pieces
                .iter()
                .map(|p| p.1.min(content.1).saturating_sub(p.0.max(content.0)))
                .sum();
            2 * shared >= len
        });
    if known {
        return None;
    }
    let cue_bytes = bytes(frame, (k, k + 1));
    let lemma = cue(frame.word(k), frame.word(k + 1))
        .or_else(|| bare_cue(frame.word(k), frame.word(k + 1)))
        .map_or(OTHER, |(c, _)| c.lemma);
    Some(Draft {
        kind: QuoteKind::Indirect,
        pieces: vec![content],
        cue: Some((cue_bytes, lemma)),
        speaker: speaker_before(frame, k, first),
        addressee: None,
        within: None,
        frame_end: cue_bytes.1,
    })
}

/// The speaker of a learned cue ending at token `k`: the subject before the cue's first word
/// (back over the lower-case words run into it: "has faced questions about"), as the rules find
/// subjects; else the nearest name or personal pronoun before it in its sentence.
fn speaker_before(frame: &Frame, k: usize, first: usize) -> Option<Range> {
    let mut cue_start = k;
    while cue_start > first
        && k - cue_start < CUE_WORDS
        && frame.written(cue_start - 1).starts_with(char::is_lowercase)
        && pronoun(frame.word(cue_start - 1)).is_none()
        && !can_speak(frame, cue_start - 1)
    {
        cue_start -= 1;
    }
    if let Some(s) = subject_before(frame, cue_start, first) {
        return Some(bytes(frame, s));
    }
    (first.max(k.saturating_sub(SPEAKER_REACH))..k)
        .rev()
        .find(|&t| can_speak(frame, t))
        .and_then(|t| {
            let token = frame.tokens.get(t)?;
            Some(
                frame
                    .mention_at(token.start)
                    .map_or((token.start, token.end), |m| (m.start, m.end)),
            )
        })
}

/// Whether token `t` is a personal pronoun or part of a name.
fn can_speak(frame: &Frame, t: usize) -> bool {
    matches!(frame.word(t), "he" | "she" | "they" | "we" | "i")
        || frame
            .tokens
            .get(t)
            .is_some_and(|tok| frame.mention_at(tok.start).is_some())
}
