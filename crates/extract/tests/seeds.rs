//! The bundled seed dumps must come out exactly as their hand-made expected output says: the same
//! articles in the same order, with the same title, captions, paragraphs and published date.

use std::path::Path;

use chancery_extract::{text::clean_dump, ExtractConfig, NoEvidence};
use chancery_model::{DocFormat, DocMeta, Provenance, RawDoc};
use serde_json::Value;

fn root() -> &'static Path {
    Path::new(env!("CARGO_MANIFEST_DIR"))
        .parent()
        .and_then(Path::parent)
        .expect("the crate lives two levels below the workspace root")
}

#[test]
fn seeds_match_expected_output_exactly() {
    let expected: Value = serde_json::from_str(
        &std::fs::read_to_string(root().join("crates/extract/tests/fixtures/seeds-expected.json"))
            .unwrap(),
    )
    .unwrap();
    let files = expected["files"].as_object().unwrap();
    assert_eq!(files.len(), 2);
    for (name, file) in files {
        let path = root().join("examples").join(name);
        let text = std::fs::read_to_string(&path).unwrap();
        let provenance = Provenance {
            path: path.display().to_string(),
            length: text.len() as u64,
            ..Default::default()
        };
        let doc = RawDoc::utf8(provenance, DocFormat::Text, text, DocMeta::default());
        let extraction = clean_dump(&doc, &NoEvidence, &ExtractConfig::default());
        let want = file["articles"].as_array().unwrap();
        let got = &extraction.articles;
        assert_eq!(got.len(), want.len(), "{name}: number of articles");
        for (i, (article, want)) in got.iter().zip(want).enumerate() {
            let at = format!("{name}#{i}");
            assert_eq!(article.title_text(), want["title"].as_str(), "{at}: title");
            let captions: Vec<&str> = article.captions.iter().map(|c| c.text.as_str()).collect();
            let want_captions: Vec<&str> = want["captions"]
                .as_array()
                .unwrap()
                .iter()
                .map(|v| v.as_str().unwrap())
                .collect();
            assert_eq!(captions, want_captions, "{at}: captions");
            let paragraphs: Vec<&str> =
                article.paragraphs.iter().map(|p| p.text.as_str()).collect();
            let want_paragraphs: Vec<&str> = want["paragraphs"]
                .as_array()
                .unwrap()
                .iter()
                .map(|v| v.as_str().unwrap())
                .collect();
            assert_eq!(paragraphs, want_paragraphs, "{at}: paragraphs");
            let published = article.published.map(|d| d.to_string());
            assert_eq!(
                published.as_deref(),
                want["published"].as_str(),
                "{at}: published"
            );
            for p in &article.paragraphs {
                let raw = &doc.text[p.span.start as usize..p.span.end as usize];
                assert_eq!(raw, p.text, "{at}: paragraph span points at its text");
            }
            for removed in want["removed_boilerplate"].as_array().unwrap() {
                let line = removed.as_str().unwrap();
                if !line.starts_with('(') {
                    assert!(
                        article.removed.iter().any(|r| r.text == line),
                        "{at}: removed line {line:?} is recorded"
                    );
                }
            }
        }
    }
}
