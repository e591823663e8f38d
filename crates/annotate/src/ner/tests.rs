//! End-to-end tests of the tagger on small hand-made documents: it learns them, survives a trip
//! through its file format, finds entities with byte offsets in raw text, and rejects bad bytes.

use super::gazetteer::Gazetteer;
use super::lexicon::Lexicon;
use super::tags::{chunks_from_labels, tags_from_chunks};
use super::train::{train, TrainConfig, TrainDoc};
use super::NerModel;
use super::Resources;

const TYPES: [&str; 4] = ["LOC", "MISC", "ORG", "PER"];

/// Sentences as `word/LABEL` (IOB1, as CoNLL-2003) or bare words for `O`.
const DOCS: &[&[&str]] = &[
    &[
        "Peter/I-PER Blackburn/I-PER met officials in Brussels/I-LOC on Monday .",
        "The European/I-ORG Commission/I-ORG said it would reply .",
        "Blackburn/I-PER left for Paris/I-LOC .",
    ],
    &[
        "German/I-MISC farmers protested in Berlin/I-LOC .",
        "Anna/I-PER Schmidt/I-PER of Siemens/I-ORG spoke to reporters .",
        "Schmidt/I-PER said Siemens/I-ORG would invest in Paris/I-LOC .",
    ],
    &[
        "John/I-PER Smith/I-PER joined Reuters/I-ORG in London/I-LOC .",
        "He said French/I-MISC wine sold well in London/I-LOC .",
    ],
];

fn docs() -> Vec<TrainDoc> {
    DOCS.iter()
        .map(|sents| {
            let mut doc = TrainDoc::default();
            for s in *sents {
                let (words, labels): (Vec<String>, Vec<String>) = s
                    .split(' ')
                    .map(|t| match t.split_once('/') {
                        Some((w, l)) => (w.to_string(), l.to_string()),
                        None => (t.to_string(), "O".to_string()),
                    })
                    .unzip();
                let labels: Vec<&str> = labels.iter().map(String::as_str).collect();
                let chunks = chunks_from_labels(&labels, |n| TYPES.iter().position(|t| *t == n));
                doc.tags.push(tags_from_chunks(words.len(), &chunks));
                doc.sentences.push(words);
            }
            doc
        })
        .collect()
}

fn model(folds: usize) -> NerModel {
    let types: Vec<String> = TYPES.iter().map(|t| t.to_string()).collect();
    let resources = Resources {
        gazetteer: Gazetteer::from_tsv("city\tLondon\ncity\tParis\nfirst\tJohn\n"),
        lexicon: Lexicon::from_tsv("london\tc1:1\nparis\tc1:1\nberlin\tc1:1\njohn\tc1:2\n"),
    };
    let config = TrainConfig {
        epochs: 8,
        second_epochs: 4,
        seed: 7,
        folds,
        ensemble: 1,
    };
    train(&types, &resources, &docs(), &config, |_, _, _| {})
}

#[test]
fn learns_its_training_documents() {
    for folds in [0, 3] {
        let m = model(folds);
        for doc in docs() {
            let words: Vec<Vec<&str>> = doc
                .sentences
                .iter()
                .map(|s| s.iter().map(String::as_str).collect())
                .collect();
            assert_eq!(m.tag_document(&words), doc.tags, "folds {folds}");
        }
    }
}

#[test]
fn round_trips_through_bytes() {
    let m = model(3);
    let bytes = m.to_bytes();
    let back = NerModel::from_bytes(&bytes).expect("model bytes read back");
    assert_eq!(back.types(), m.types());
    let doc: Vec<Vec<&str>> = vec!["Anna Smith flew from Berlin to London ."
        .split(' ')
        .collect()];
    assert_eq!(back.tag_document(&doc), m.tag_document(&doc));
}

#[test]
fn finds_entities_with_byte_offsets_in_text() {
    let m = model(0);
    let text = "John Smith joined Reuters in London.";
    let mentions = m.entities(text);
    let found: Vec<(&str, &str)> = mentions
        .iter()
        .map(|e| (&text[e.start..e.end], e.kind.as_str()))
        .collect();
    assert_eq!(
        found,
        [("John Smith", "PER"), ("Reuters", "ORG"), ("London", "LOC")]
    );
}

#[test]
fn odd_text_never_panics() {
    let m = model(0);
    for text in [
        "",
        " ",
        "...",
        "\u{0}",
        "ÉÉÉ ééé",
        "\"\"\"",
        "a\n\n\nb",
        "—--—",
        "日本語のテキスト。",
    ] {
        for e in m.entities(text) {
            assert!(
                e.start < e.end && text.is_char_boundary(e.start) && text.is_char_boundary(e.end)
            );
        }
    }
    assert!(m
        .tag_document(&[vec![], vec!["."]])
        .iter()
        .all(|t| t.len() <= 1));
}

#[test]
fn rejects_bad_model_bytes() {
    let good = model(0).to_bytes();
    assert!(NerModel::from_bytes(b"").is_err());
    assert!(NerModel::from_bytes(b"CHNER\x03garbage").is_err());
    assert!(NerModel::from_bytes(&good[..good.len() / 2]).is_err());
    let mut other = good.clone();
    other[5] = 99;
    assert!(NerModel::from_bytes(&other).is_err());
}
