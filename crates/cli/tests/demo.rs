//! `chancery demo` with a corpus directory beside the examples: ECB+-shaped documents (hand-made
//! here, in the corpus's layout of one folder per topic) are ingested, placed in stories,
//! searchable by story, and credited.

mod common;

use std::path::Path;

use chancery_search::{ArticleIndex, Filters, SearchRequest};
use common::{examples_dir, run};

/// An ECB+ document: the URL line, a headline, a date line and body sentences, one token
/// element per word.
fn ecb_document(url: &[&str], sentences: &[&str]) -> String {
    let mut xml = String::from("<Document doc_name=\"x.xml\" doc_id=\"DOC1\">\n");
    let mut id = 0;
    let url = url.join(" ");
    for (s, sentence) in std::iter::once(url.as_str())
        .chain(sentences.iter().copied())
        .enumerate()
    {
        for (n, word) in sentence.split(' ').enumerate() {
            id += 1;
            xml.push_str(&format!(
                "<token t_id=\"{id}\" sentence=\"{s}\" number=\"{n}\">{word}</token>\n"
            ));
        }
    }
    xml.push_str("<Markables>\n</Markables>\n</Document>\n");
    xml
}

const QUAKE: [&str; 4] = [
    "A strong earthquake struck the island of Keshet on Sunday , destroying homes in three villages and injuring dozens of people .",
    "Rescue teams from the provincial capital reached the villages by evening , the island 's governor said .",
    "The quake was felt across the region and was followed by several aftershocks overnight .",
    "Officials said schools on the island would stay closed while engineers inspect the buildings .",
];

fn write_corpus(dir: &Path) {
    let topic = dir.join("1");
    std::fs::create_dir_all(&topic).expect("the topic folder is created");
    let documents = [
        (
            "1_1ecbplus.xml",
            ["http", ":", "/", "/", "news", ".", "example", "/", "quake"],
            "Earthquake destroys homes on Keshet island",
        ),
        (
            "1_2ecbplus.xml",
            ["http", ":", "/", "/", "wire", ".", "example", "/", "keshet"],
            "Strong quake hits Keshet , dozens hurt",
        ),
    ];
    for (name, url, headline) in documents {
        let mut sentences = vec![headline, "November 27 , 2005"];
        sentences.extend(QUAKE);
        std::fs::write(topic.join(name), ecb_document(&url, &sentences))
            .expect("the document is written");
    }
}

#[test]
fn demo_ingests_a_corpus_beside_the_examples() {
    let dir = tempfile::tempdir().unwrap();
    let corpus = dir.path().join("ecbplus");
    write_corpus(&corpus);
    let data = dir.path().join("data");
    let demo = run(
        &data,
        &[
            "demo",
            "--examples",
            examples_dir().to_str().unwrap(),
            "--corpus",
            corpus.to_str().unwrap(),
        ],
    );
    demo.expect_code(0);
    assert_eq!(demo.ingest_summary(), (5, 0), "{}", demo.stdout);
    for expected in [
        "Earthquake destroys homes on Keshet island",
        "Strong quake hits Keshet, dozens hurt",
        "Cybulska & Vossen",
        "CC BY 3.0",
        "chancery serve",
    ] {
        assert!(
            demo.stdout.contains(expected),
            "{expected}:\n{}",
            demo.stdout
        );
    }
    // Both reports of the quake are one story, and searching that story finds them.
    let index = ArticleIndex::open(&data).unwrap();
    let request = SearchRequest {
        text: "Keshet".to_string(),
        ..SearchRequest::default()
    };
    let hits = index.search(&request).unwrap().hits;
    assert_eq!(hits.len(), 2);
    let story = hits[0].story.expect("placed in a story");
    assert_eq!(hits[1].story, Some(story));
    assert!(hits.iter().all(|hit| hit.published.is_some()));
    let sources: Vec<&str> = hits.iter().map(|hit| hit.source.as_str()).collect();
    assert!(sources.contains(&"wire.example"), "{sources:?}");
    let request = SearchRequest {
        filters: Filters {
            story: Some(story.to_string()),
            ..Filters::default()
        },
        ..SearchRequest::default()
    };
    assert_eq!(index.search(&request).unwrap().total, 2);
}

#[test]
fn demo_without_a_corpus_says_so_and_a_missing_one_is_an_error() {
    let dir = tempfile::tempdir().unwrap();
    let data = dir.path().join("data");
    let examples = examples_dir();
    let examples = examples.to_str().unwrap();
    // Run where no ../shared/data exists.
    let output = common::chancery(&data)
        .current_dir(dir.path())
        .args(["demo", "--examples", examples])
        .output()
        .unwrap();
    let demo = common::Run::from_output(output);
    demo.expect_code(0);
    assert!(demo.stdout.contains("No corpus at"), "{}", demo.stdout);
    assert!(!demo.stdout.contains("Cybulska"), "{}", demo.stdout);

    let missing = dir.path().join("nowhere");
    let demo = run(
        &data,
        &[
            "demo",
            "--examples",
            examples,
            "--corpus",
            missing.to_str().unwrap(),
        ],
    );
    demo.expect_code(1);
    assert!(demo.stderr.contains("nowhere"), "{}", demo.stderr);
}
