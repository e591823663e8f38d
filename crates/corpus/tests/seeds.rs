//! The seed dumps (`examples/`, the same files as the project's shared seeds) hold three articles:
//! two about Antony Blinken's Central Asia trip (one undated, one of 2023-02-28) and one about
//! Tehran's offer of talks with Washington. Extracted and clustered without any entity model,
//! the two Blinken articles must form one story and the Tehran article another.

use std::path::Path;

use chancery_corpus::{Corpus, CorpusConfig, StoryInput};
use chancery_extract::{text::clean_dump, ExtractConfig, NoEvidence};
use chancery_model::{Article, DocFormat, DocMeta, Provenance, RawDoc};

fn root() -> &'static Path {
    Path::new(env!("CARGO_MANIFEST_DIR"))
        .parent()
        .and_then(Path::parent)
        .expect("the crate lives two levels below the workspace root")
}

fn articles(name: &str) -> Vec<Article> {
    let path = root().join("examples").join(name);
    let text = std::fs::read_to_string(&path).expect("the seed dump is readable");
    let provenance = Provenance {
        path: path.display().to_string(),
        length: text.len() as u64,
        ..Default::default()
    };
    let doc = RawDoc::utf8(provenance, DocFormat::Text, text, DocMeta::default());
    clean_dump(&doc, &NoEvidence, &ExtractConfig::default()).articles
}

#[test]
fn blinken_articles_share_a_story_and_tehran_has_its_own() {
    let first = articles("000_7a780bc5721e2cfc.txt");
    let second = articles("003_c56f87f3a27affae.txt");
    assert_eq!(
        (first.len(), second.len()),
        (1, 2),
        "articles per seed dump"
    );
    let seeds = [("000", &first[0]), ("003", &second[0]), ("003", &second[1])];
    let bodies: Vec<String> = seeds.iter().map(|(_, a)| a.body_text()).collect();
    let mut corpus =
        Corpus::new(CorpusConfig::default()).expect("the default configuration is valid");
    let stories: Vec<_> = seeds
        .iter()
        .zip(&bodies)
        .map(|((source, article), body)| {
            let input = StoryInput {
                title: article.title_text().unwrap_or(""),
                body,
                date: article.published,
                source,
                entities: &[],
                places: &[],
            };
            corpus.add(&input).story
        })
        .collect();
    assert_eq!(
        stories[0], stories[1],
        "the two Blinken articles form one story"
    );
    assert_ne!(
        stories[2], stories[0],
        "the Tehran article is another story"
    );

    let blinken = corpus.summary(stories[0]).expect("the story exists");
    assert_eq!(blinken.articles, 2);
    assert_eq!(blinken.independent_sources, 2);
    assert!(blinken.title.contains("Blinken"), "{}", blinken.title);
    assert_eq!(
        blinken.first_date.map(|d| d.to_string()).as_deref(),
        Some("2023-02-28")
    );
    let tehran = corpus.summary(stories[2]).expect("the story exists");
    assert!(tehran.title.contains("Tehran"), "{}", tehran.title);
}
