//! The bundled seed dumps, cleaned by chancery-extract, annotated with the NER model and read by
//! [`find_quotes`], must give the quotes the hand-made expected output lists (`quotes` in
//! `crates/extract/tests/fixtures/seeds-expected.json`, a copy of the shared seeds'
//! `expected.json`): for each, a quote in the named article with a piece of content whose words
//! (past an opening quotation mark) start with the expected text (a quote split around its cue
//! has two pieces), and whose speaker resolves to the entity with the expected canonical name.
//!
//! Checked twice: by the rules alone, and with the learned cue model the build puts beside the
//! NER model (as `ingest` runs). The model files are built, not committed: the test is ignored
//! by default and fails (never skips) when run without them.

use std::path::PathBuf;

use chancery_annotate::entities::{annotate_article, ArticleText, BlockKind, TextSpan};
use chancery_annotate::quotes::{find_quotes, CueModel};
use chancery_annotate::NerModel;
use chancery_extract::{text::clean_dump, ExtractConfig, NoEvidence};
use chancery_model::{DocFormat, DocMeta, Provenance, RawDoc};
use serde_json::Value;

/// A path under the workspace root.
fn workspace(relative: &str) -> PathBuf {
    PathBuf::from(env!("CARGO_MANIFEST_DIR"))
        .join("../..")
        .join(relative)
}

/// One seed article's quote pieces as `(speaker's canonical name, words)`.
type Said = Vec<(Option<String>, String)>;

/// The quotes of article `index` of the seed dump `file`.
fn quotes_of(model: &NerModel, cues: Option<&CueModel>, file: &str, index: usize) -> Said {
    let raw = std::fs::read_to_string(workspace("examples").join(file))
        .unwrap_or_else(|e| panic!("the seed dump {file} reads: {e}"));
    let provenance = Provenance {
        path: file.to_string(),
        length: raw.len() as u64,
        ..Default::default()
    };
    let doc = RawDoc::utf8(provenance, DocFormat::Text, raw, DocMeta::default());
    let cleaned = clean_dump(&doc, &NoEvidence, &ExtractConfig::default());
    let Some(article) = cleaned.articles.get(index) else {
        panic!("{file} has no article #{index}");
    };
    let text = ArticleText::from_article(article);
    let entities = annotate_article(model, &text);
    let block_text = |span: &TextSpan| {
        let block = match span.block.kind {
            BlockKind::Title => article.title.as_ref(),
            BlockKind::Caption => article.captions.get(span.block.index),
            BlockKind::Paragraph => article.paragraphs.get(span.block.index),
        };
        block
            .and_then(|b| b.text.get(span.start..span.end))
            .unwrap_or("")
            .trim_start_matches(['"', '“', '‘', '\'', '«', '„'])
            .to_string()
    };
    let mut out = Said::new();
    for q in find_quotes(&text, &entities, cues) {
        let speaker = q
            .speaker_entity()
            .and_then(|e| entities.entities.get(e))
            .map(|e| e.name.clone());
        for piece in &q.content {
            out.push((speaker.clone(), block_text(piece)));
        }
    }
    out
}

#[test]
#[ignore = "needs the NER model: crates/annotate/build-model.sh"]
fn seeds_quotes_with_their_speakers() {
    let path = workspace("crates/annotate/model/ner.bin");
    let bytes = std::fs::read(&path).unwrap_or_else(|e| {
        panic!(
            "cannot read the NER model {}: {e}; build it with crates/annotate/build-model.sh",
            path.display()
        )
    });
    let model = NerModel::from_bytes(&bytes).expect("the NER model file loads");
    let cue_path = path.with_file_name("cues.bin");
    let cues = std::fs::read(&cue_path).unwrap_or_else(|e| {
        panic!(
            "cannot read the cue model {}: {e}; build it with crates/annotate/build-model.sh",
            cue_path.display()
        )
    });
    let cues = CueModel::from_bytes(&cues).expect("the cue model file loads");
    let expected: Value = std::fs::read_to_string(workspace(
        "crates/extract/tests/fixtures/seeds-expected.json",
    ))
    .ok()
    .and_then(|s| serde_json::from_str(&s).ok())
    .expect("expected.json reads and parses");
    let wanted = expected["quotes"]
        .as_array()
        .expect("expected.json lists quotes");
    assert!(!wanted.is_empty(), "expected.json lists no quotes");
    let mut misses = Vec::new();
    for want in wanted {
        let field = |k: &str| {
            want[k]
                .as_str()
                .expect("a quote has article, speaker, starts")
        };
        let (article, speaker, starts) = (field("article"), field("speaker"), field("starts"));
        let (file, index) = article
            .rsplit_once('#')
            .and_then(|(f, i)| Some((f, i.parse::<usize>().ok()?)))
            .expect("an article is FILE#INDEX");
        for (how, cues) in [("rules", None), ("cue model", Some(&cues))] {
            let found = quotes_of(&model, cues, file, index);
            let hit = found.iter().find(|(_, words)| words.starts_with(starts));
            match hit {
                Some((Some(name), _)) if name == speaker => {}
                Some((other, _)) => misses.push(format!(
                    "{article} ({how}): {starts:?} said by {other:?}, want {speaker:?}"
                )),
                None => misses.push(format!(
                    "{article} ({how}): no quote starts {starts:?}; found {:?}",
                    found.iter().map(|(_, w)| w).collect::<Vec<_>>()
                )),
            }
        }
    }
    assert!(misses.is_empty(), "{}", misses.join("\n"));
}
