//! The search index through the `chancery` binary on the seed dumps: ingest indexes what it
//! stores, `reindex` rebuilds the same index from the store, a store commit the index missed (a
//! kill between the two commits) is indexed by the next run, and `serve` answers searches.

mod common;

use chancery_search::{ArticleIndex, Filters, SearchRequest};
use chancery_store::{Placement, Store};
use common::{examples_dir, ingested_seeds, run, serve};

/// Titles of the hits of a search of `text`, best first.
fn titles(index: &ArticleIndex, text: &str, filters: Filters) -> Vec<String> {
    index.reload().expect("the index reloads");
    let request = SearchRequest {
        text: text.to_string(),
        filters,
        ..SearchRequest::default()
    };
    let results = index.search(&request).expect("the search runs");
    results
        .hits
        .into_iter()
        .map(|hit| hit.title.unwrap_or_default())
        .collect()
}

const NYT_TITLE: &str = "In Central Asia, Blinken Will Urge Distance From Russia, and Ukraine War";
const TASNIM_TITLE: &str =
    "Blinken Holds Talks with Central Asian Nations in Wake of Ukraine Anniversary";

#[test]
fn ingest_indexes_the_seeds_and_reindex_gives_the_same_results() {
    let (_dir, data) = ingested_seeds();
    let index = ArticleIndex::open(&data).unwrap();
    let mut blinken = titles(&index, "Blinken", Filters::default());
    blinken.sort();
    assert_eq!(blinken, [TASNIM_TITLE, NYT_TITLE]);
    let phrase = titles(&index, "\"secretary of state\"", Filters::default());
    assert!(phrase.contains(&NYT_TITLE.to_string()), "{phrase:?}");
    // Both seeds come from one input directory, hence one source: the language tells apart.
    let german = Filters {
        language: Some("deu".to_string()),
        ..Filters::default()
    };
    assert!(titles(&index, "Blinken", german).is_empty());
    let english = Filters {
        language: Some("eng".to_string()),
        ..Filters::default()
    };
    assert_eq!(titles(&index, "Blinken", english).len(), 2);
    let tehran = titles(&index, "Tehran trust", Filters::default());
    let before = (titles(&index, "Blinken", Filters::default()), tehran);
    drop(index);

    let reindex = run(&data, &["reindex"]);
    reindex.expect_code(0);
    assert!(
        reindex.stdout.starts_with("indexed 3 articles"),
        "{}",
        reindex.stdout
    );
    let index = ArticleIndex::open(&data).unwrap();
    let after = (
        titles(&index, "Blinken", Filters::default()),
        titles(&index, "Tehran trust", Filters::default()),
    );
    assert_eq!(after, before);
    assert_eq!(index.len(), 3);
}

#[test]
fn a_store_commit_the_index_missed_is_indexed_by_the_next_run() {
    let dir = tempfile::tempdir().unwrap();
    let data = dir.path().join("data");
    let seeds = examples_dir();
    let nyt = seeds.join("000_7a780bc5721e2cfc.txt");
    run(
        &data,
        &["ingest", "--quiet", "--no-entities", nyt.to_str().unwrap()],
    )
    .expect_code(0);
    // The other seed stored as a killed run leaves it: committed to the store, never indexed.
    let other = dir.path().join("other");
    run(
        &other,
        &[
            "ingest",
            "--quiet",
            "--no-entities",
            seeds.join("003_c56f87f3a27affae.txt").to_str().unwrap(),
        ],
    )
    .expect_code(0);
    let missed: Vec<_> = Store::open(&other)
        .unwrap()
        .articles_after(0, 100)
        .unwrap()
        .into_iter()
        .map(|(_, a)| a)
        .collect();
    assert_eq!(missed.len(), 2);
    Store::open(&data).unwrap().insert_batch(&missed).unwrap();
    let index = ArticleIndex::open(&data).unwrap();
    assert_eq!(titles(&index, "Blinken", Filters::default()), [NYT_TITLE]);
    drop(index);

    // The next run has nothing new to store, and indexes what the store holds beyond the index.
    let rerun = run(
        &data,
        &["ingest", "--quiet", "--no-entities", nyt.to_str().unwrap()],
    );
    rerun.expect_code(0);
    assert_eq!(rerun.ingest_summary(), (0, 1), "{}", rerun.stdout);
    let index = ArticleIndex::open(&data).unwrap();
    assert_eq!(titles(&index, "Blinken", Filters::default()).len(), 2);
    assert_eq!(index.len(), 3);
    assert_eq!(
        index.last_indexed().unwrap(),
        Store::open(&data).unwrap().last_seq().unwrap()
    );
}

#[test]
fn serve_answers_searches_on_the_seeds() {
    let (_dir, data) = ingested_seeds();
    let (mut server, url) = serve(&data);
    let agent: ureq::Agent = ureq::Agent::config_builder()
        .http_status_as_error(false)
        .build()
        .into();
    let body: serde_json::Value = agent
        .get(format!("{url}api/search?q=Blinken"))
        .call()
        .unwrap()
        .body_mut()
        .read_json()
        .unwrap();
    let (status, page) = {
        let mut response = agent
            .get(format!("{url}api/search?q=Blinken&page=-1"))
            .call()
            .unwrap();
        (
            response.status().as_u16(),
            response.body_mut().read_to_string().unwrap(),
        )
    };
    server.kill().unwrap();
    server.wait().unwrap();
    assert_eq!(body["total"], 2, "{body}");
    assert_eq!(status, 400, "{page}");
}

/// The story of every hit of a search for Blinken, and the story facet's counts.
fn blinken_stories(index: &ArticleIndex) -> (Vec<Option<u64>>, Vec<(String, u64)>) {
    index.reload().expect("the index reloads");
    let request = SearchRequest {
        text: "Blinken".to_string(),
        facets: true,
        ..SearchRequest::default()
    };
    let results = index.search(&request).expect("the search runs");
    let stories = results.hits.iter().map(|hit| hit.story).collect();
    let facet = results
        .facets
        .expect("facets were asked for")
        .story
        .into_iter()
        .map(|count| (count.value, count.count))
        .collect();
    (stories, facet)
}

fn story_filter(story: u64) -> Filters {
    Filters {
        story: Some(story.to_string()),
        ..Filters::default()
    }
}

#[test]
fn hits_carry_their_story_and_the_story_filter_and_facet_work() {
    let (_dir, data) = ingested_seeds();
    let index = ArticleIndex::open(&data).unwrap();
    let (stories, facet) = blinken_stories(&index);
    assert_eq!(stories.len(), 2);
    let story = stories[0].expect("the hit carries its story");
    assert_eq!(stories, [Some(story), Some(story)], "one story for both");
    assert_eq!(facet, [(story.to_string(), 2)]);
    let mut in_story = titles(&index, "", story_filter(story));
    in_story.sort();
    assert_eq!(in_story, [TASNIM_TITLE, NYT_TITLE]);
    // The story the store placed them in.
    let store = Store::open(&data).unwrap();
    let mut stored = store.story_article_ids(story).unwrap();
    stored.sort();
    let request = SearchRequest {
        filters: story_filter(story),
        ..SearchRequest::default()
    };
    let mut found: Vec<String> = index
        .search(&request)
        .unwrap()
        .hits
        .into_iter()
        .map(|hit| hit.id)
        .collect();
    found.sort();
    assert_eq!(found, stored);
    drop((index, store));

    run(&data, &["reindex"]).expect_code(0);
    let index = ArticleIndex::open(&data).unwrap();
    assert_eq!(blinken_stories(&index), (stories, facet));
}

#[test]
fn placements_the_index_missed_are_indexed_by_the_next_run() {
    let dir = tempfile::tempdir().unwrap();
    let seeds = examples_dir();
    let seeds = seeds.to_str().unwrap();
    // The same seeds ingested twice: `placed` as a normal run leaves them, `data` as a run killed
    // between its placement commit and the index commit (stored and indexed, placed in the store
    // only).
    let placed = dir.path().join("placed");
    run(&placed, &["ingest", "--quiet", "--no-entities", seeds]).expect_code(0);
    let data = dir.path().join("data");
    let no_stories = ["ingest", "--quiet", "--no-entities", "--no-stories", seeds];
    run(&data, &no_stories).expect_code(0);
    let source = Store::open(&placed).unwrap();
    let mut store = Store::open(&data).unwrap();
    let placements: Vec<Placement> = store
        .articles_after(0, 100)
        .unwrap()
        .into_iter()
        .map(|(seq, article)| {
            let placement = source.placement_of(article.id.as_str()).unwrap().unwrap();
            Placement {
                seq,
                story: placement.story,
                duplicate_of: None,
                similarity: placement.similarity,
            }
        })
        .collect();
    store
        .write_placements(&placements, &source.stories(100).unwrap())
        .unwrap();
    let index = ArticleIndex::open(&data).unwrap();
    let (before, _) = blinken_stories(&index);
    assert_eq!(before, [None, None]);
    drop(index);

    // The next run has nothing to store or place; its catch-up gives the index the stories.
    run(&data, &no_stories).expect_code(0);
    let index = ArticleIndex::open(&data).unwrap();
    let expected = blinken_stories(&ArticleIndex::open(&placed).unwrap());
    assert_eq!(blinken_stories(&index), expected);
    assert_eq!(index.len(), 3);
}
