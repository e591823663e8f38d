//! `quotes-train POLNEAR_DIR --out FILE`: trains the learned cue finder on PolNeAR attribution
//! annotations (the training split) and writes its model.
//!
//! Each text is read into blocks as `quotes` reads it, with the entities the NER model finds;
//! every annotated cue becomes a training
//! label, marked as a cue the model learns when its content comes after it. A text with several
//! annotators' files is read from its first file only, so no text counts twice. Deterministic:
//! the same files give the same model bytes.

use std::path::PathBuf;

use anyhow::{Context, Result};
use chancery_annotate::entities::{annotate_article, BlockKind, BlockRef, TextSpan};
use chancery_annotate::quotes::{CueExample, CueModel, LabelledCue, TrainReport, CUE_EPOCHS};
use chancery_annotate::NerModel;

use crate::brat::{parse, CharIndex};
use crate::quotes::{annotations_of, blocks, list, Half};

/// Options of `quotes-train`.
#[derive(Debug, clap::Args)]
pub struct QuotesTrainArgs {
    /// PolNeAR directory with `text/` and `attributions/` (../shared/data/quotes/polnear/train).
    pub dir: PathBuf,
    /// Where to write the model.
    #[arg(long)]
    pub out: PathBuf,
    /// The NER model (crates/annotate/build-model.sh builds it): entities are features.
    #[arg(long, default_value = "crates/annotate/model/ner.bin")]
    pub model: PathBuf,
    /// Train on one half of the texts only (see `quotes --half`).
    #[arg(long, value_enum)]
    pub half: Option<Half>,
    /// Word clusters (crates/annotate/resources/build.sh writes them beside the NER model).
    #[arg(long, default_value = "crates/annotate/model/clusters.tsv")]
    pub clusters: PathBuf,
    /// Also report how the model marks the cues of this PolNeAR directory (the development split).
    #[arg(long, value_name = "DIR")]
    pub dev: Option<PathBuf>,
}

/// Runs `quotes-train`.
pub fn run(args: &QuotesTrainArgs) -> Result<()> {
    let bytes = std::fs::read(&args.model)
        .with_context(|| format!("{}: cannot read the NER model", args.model.display()))?;
    let ner = NerModel::from_bytes(&bytes).context("not a NER model")?;
    let examples = read_examples(&args.dir, &ner, args.half)?;
    let clusters = std::fs::read_to_string(&args.clusters)
        .with_context(|| format!("{}: cannot read the word clusters", args.clusters.display()))?;
    let (model, report) =
        CueModel::train(&examples, CueModel::read_clusters(&clusters), CUE_EPOCHS);
    let bytes = model.to_bytes();
    std::fs::write(&args.out, &bytes)
        .with_context(|| format!("{}: cannot write", args.out.display()))?;
    println!(
        "{} texts; wrote {} ({} bytes)",
        examples.len(),
        args.out.display(),
        bytes.len()
    );
    print_report("training texts", &report);
    if let Some(dev) = &args.dev {
        print_report(
            "development texts",
            &model.evaluate(&read_examples(dev, &ner, None)?),
        );
    }
    Ok(())
}

fn print_report(name: &str, r: &TrainReport) {
    let p = r.found_right as f64 / r.found.max(1) as f64;
    let rec = r.found_right as f64 / r.cue_ends.max(1) as f64;
    println!(
        "{name}: {} tokens, {} cue ends; marked {}, {} right: precision {p:.3} recall {rec:.3} \
         F1 {:.3}; contents after a cue ended where annotated: {} of {} ({:.3})",
        r.tokens,
        r.cue_ends,
        r.found,
        r.found_right,
        2.0 * p * rec / (p + rec).max(1e-9),
        r.ends_right,
        r.contents,
        r.ends_right as f64 / r.contents.max(1) as f64
    );
}

/// The texts of a PolNeAR directory with their annotated cues.
fn read_examples(
    dir: &std::path::Path,
    ner: &NerModel,
    half: Option<Half>,
) -> Result<Vec<CueExample>> {
    let texts = Half::select(list(&dir.join("text"), "txt")?, half);
    let anns = list(&dir.join("attributions"), "ann")?;
    let mut examples = Vec::new();
    for path in &texts {
        let stem = path.file_stem().and_then(|s| s.to_str()).unwrap_or("");
        let Some(file) = annotations_of(&anns, stem).first().copied() else {
            continue;
        };
        let text = std::fs::read_to_string(path)
            .with_context(|| format!("{}: cannot read", path.display()))?;
        let ann = std::fs::read_to_string(file)
            .with_context(|| format!("{}: cannot read", file.display()))?;
        let gold = parse(&ann, &CharIndex::new(&text));
        let (article, offsets) = blocks(&text);
        let mut cues = Vec::new();
        for a in &gold.attributions {
            let content_start = a.content.iter().map(|p| p.0).min().unwrap_or(0);
            let content = match a.content.as_slice() {
                &[(s, e)] => in_blocks(s, e, &offsets, &text),
                _ => None,
            };
            for &(s, e) in &a.cue {
                if let Some(span) = in_blocks(s, e, &offsets, &text) {
                    cues.push(LabelledCue {
                        cue: span,
                        after: content_start >= e,
                        content: content.filter(|_| content_start >= e),
                    });
                }
            }
        }
        examples.push(CueExample {
            entities: annotate_article(ner, &article),
            text: article,
            cues,
        });
    }
    Ok(examples)
}

/// The block span of `.txt` bytes `s..e`, when they lie within one block (line).
fn in_blocks(s: usize, e: usize, offsets: &[usize], text: &str) -> Option<TextSpan> {
    let i = offsets.partition_point(|&o| o <= s).checked_sub(1)?;
    let base = offsets[i];
    let line_end = text[base..].find('\n').map_or(text.len(), |n| base + n);
    if e > line_end {
        return None;
    }
    let block = if i == 0 {
        BlockRef {
            kind: BlockKind::Title,
            index: 0,
        }
    } else {
        BlockRef {
            kind: BlockKind::Paragraph,
            index: i - 1,
        }
    };
    Some(TextSpan {
        block,
        start: s - base,
        end: e - base,
        raw: None,
    })
}
