//! The web UI in a real browser: headless Chromium driven through chromedriver (WebDriver) against
//! a real `chancery serve` on the seeds ingested with the NER model. Search "Blinken", see both
//! Blinken articles, open one, see its entities, open an entity's page; open the story of a hit
//! and see both Blinken articles on it, open Tokayev's page and see his quote, open the relations
//! map and a pair's page. A screenshot of each page is kept under the target directory and its
//! path printed.
//!
//! Needs `chromium`, `chromium-driver` and the built model (`crates/annotate/build-model.sh`), so it
//! is ignored in the plain test run; `.ci/run` installs them and runs it with `--ignored`.

mod common;

use std::net::TcpListener;
use std::path::{Path, PathBuf};
use std::process::{Child, Command, Stdio};
use std::time::Duration;

use common::{examples_dir, run, serve};
use fantoccini::{Client, ClientBuilder, Locator};
use hyper_util::client::legacy::connect::HttpConnector;

/// A child process killed when the test ends, passed or not.
struct Killed(Child);

impl Drop for Killed {
    fn drop(&mut self) {
        let _ = self.0.kill();
        let _ = self.0.wait();
    }
}

fn free_port() -> u16 {
    let listener = TcpListener::bind("127.0.0.1:0").expect("a free port");
    listener.local_addr().expect("an address").port()
}

/// Where screenshots are kept: beside the test binary, under the target directory.
fn artifacts() -> PathBuf {
    let exe = std::env::current_exe().expect("the test binary's path");
    let dir = exe
        .parent()
        .and_then(Path::parent)
        .expect("the target profile directory")
        .join("browser-screenshots");
    std::fs::create_dir_all(&dir).expect("the screenshot directory");
    dir
}

async fn screenshot(client: &Client, name: &str) {
    let png = client.screenshot().await.expect("a screenshot");
    let path = artifacts().join(format!("{name}.png"));
    std::fs::write(&path, png).expect("the screenshot is written");
    // The path is the artifact's address for whoever reads the test log.
    #[allow(clippy::print_stdout)]
    {
        println!("screenshot: {}", path.display());
    }
}

/// How long a page may take to show what the test waits for.
const PATIENCE: Duration = Duration::from_secs(30);

/// The text of the first element `css` finds, waiting for it to appear.
async fn text_of(client: &Client, css: &str) -> String {
    texts_of(client, css).await.remove(0)
}

/// The text of every element `css` finds, once at least one is there. The page re-renders as
/// its data arrives, so an element found a moment ago may be gone: read them all again then.
async fn texts_of(client: &Client, css: &str) -> Vec<String> {
    let started = std::time::Instant::now();
    loop {
        client
            .wait()
            .at_most(PATIENCE)
            .for_element(Locator::Css(css))
            .await
            .unwrap_or_else(|e| panic!("{css} never appeared: {e}"));
        let mut texts = Vec::new();
        let mut stale = false;
        for element in client.find_all(Locator::Css(css)).await.expect("elements") {
            match element.text().await {
                Ok(text) => texts.push(text),
                Err(_) if started.elapsed() < PATIENCE => {
                    stale = true;
                    break;
                }
                Err(e) => panic!("{css}: cannot read its text: {e}"),
            }
        }
        if !stale && !texts.is_empty() {
            return texts;
        }
        tokio::time::sleep(Duration::from_millis(100)).await;
    }
}

#[tokio::test(flavor = "multi_thread", worker_threads = 2)]
#[ignore = "needs chromium, chromium-driver and the NER model; run by .ci/run"]
async fn search_open_an_article_and_see_its_entities() {
    let model = Path::new(env!("CARGO_MANIFEST_DIR")).join("../annotate/model/ner.bin");
    assert!(
        model.exists(),
        "build the model first: crates/annotate/build-model.sh"
    );
    let dir = tempfile::tempdir().expect("a temporary directory");
    let data = dir.path().join("data");
    let seeds = examples_dir();
    run(
        &data,
        &[
            "ingest",
            "--quiet",
            "--model",
            model.to_str().unwrap(),
            seeds.to_str().unwrap(),
        ],
    )
    .expect_code(0);

    let (server, url) = serve(&data);
    let _server = Killed(server);

    let port = free_port();
    let driver = Command::new("chromedriver")
        .arg(format!("--port={port}"))
        .stdout(Stdio::null())
        .stderr(Stdio::null())
        .spawn()
        .expect("chromedriver starts (apt-get install chromium-driver)");
    let _driver = Killed(driver);
    let mut capabilities = serde_json::Map::new();
    capabilities.insert(
        "goog:chromeOptions".to_string(),
        serde_json::json!({"args": ["--headless=new", "--no-sandbox", "--disable-gpu", "--window-size=1280,1000"]}),
    );
    let mut client = None;
    // chromedriver takes a moment to listen; the connection is retried, not timed.
    for _ in 0..100 {
        match ClientBuilder::new(HttpConnector::new())
            .capabilities(capabilities.clone())
            .connect(&format!("http://127.0.0.1:{port}"))
            .await
        {
            Ok(c) => {
                client = Some(c);
                break;
            }
            Err(_) => tokio::task::yield_now().await,
        }
        std::thread::sleep(Duration::from_millis(100));
    }
    let client = client.expect("a WebDriver session");

    // Search.
    client.goto(&url).await.expect("the UI loads");
    let q = client.find(Locator::Id("q")).await.expect("the search box");
    q.send_keys("Blinken").await.expect("typing");
    client
        .find(Locator::Css("#search-form button"))
        .await
        .expect("the search button")
        .click()
        .await
        .expect("a click");
    assert_eq!(text_of(&client, "#total").await, "2 articles");
    let mut titles = texts_of(&client, ".hit-title").await;
    titles.sort();
    assert_eq!(
        titles,
        [
            "Blinken Holds Talks with Central Asian Nations in Wake of Ukraine Anniversary",
            "In Central Asia, Blinken Will Urge Distance From Russia, and Ukraine War"
        ]
    );
    screenshot(&client, "search").await;

    // An article, with its entities listed and marked in the text.
    client
        .find(Locator::Css(".hit-title"))
        .await
        .expect("a hit")
        .click()
        .await
        .expect("a click");
    let title = text_of(&client, "#article-title").await;
    assert!(title.contains("Blinken"), "{title}");
    let entities = texts_of(&client, "#entities .entity-link").await;
    assert!(
        entities.iter().any(|e| e.contains("Blinken")),
        "{entities:?}"
    );
    let marked = texts_of(&client, "article mark.entity").await;
    assert!(!marked.is_empty());
    screenshot(&client, "article").await;

    // The entity's page lists the articles naming it.
    click_xpath(
        &client,
        "//a[contains(@class,'entity-link')][contains(., 'Blinken')]",
    )
    .await;
    let name = text_of(&client, "#entity-name").await;
    assert!(name.contains("Blinken"), "{name}");
    // Entities are per article until they are linked across the corpus: the page lists at least
    // the article it was reached from.
    let articles = texts_of(&client, ".hit h2").await;
    assert!(articles.contains(&title), "{articles:?}");
    screenshot(&client, "entity").await;

    // Back to the search: a hit's story lists both Blinken articles in its timeline.
    client
        .goto(&format!("{url}#/search?q=Blinken"))
        .await
        .expect("the search loads");
    click(&client, ".hit-story").await;
    let story_title = text_of(&client, "#story-title").await;
    assert!(story_title.contains("Blinken"), "{story_title}");
    let mut story_articles = texts_of(&client, "#story-timeline .story-article").await;
    story_articles.sort();
    assert_eq!(story_articles, titles);
    screenshot(&client, "story").await;

    // Tokayev, quoted in the story, and his quote on his page.
    click_xpath(
        &client,
        "//*[@id='story-quotes']//a[contains(@class,'speaker')][contains(., 'Tokayev')]",
    )
    .await;
    let name = text_of(&client, "#entity-name").await;
    assert_eq!(name, "Kassym-Jomart Tokayev");
    let roles = text_of(&client, "#entity-roles").await;
    assert!(roles.contains("President"), "{roles}");
    let quotes = texts_of(&client, "#entity-quotes blockquote").await;
    assert!(
        quotes.iter().any(|q| q.contains("We have built")),
        "{quotes:?}"
    );
    texts_of(&client, "#mentions-chart rect").await;
    screenshot(&client, "tokayev").await;

    // The relations map, then the pair of the United States and Kazakhstan.
    click(&client, "header a[href='#/relations']").await;
    texts_of(&client, "#world-map .pair-line").await;
    let pairs = texts_of(&client, "#pairs .pair-link").await;
    assert!(
        pairs.contains(&"Kazakhstan – United States".to_string()),
        "{pairs:?}"
    );
    screenshot(&client, "relations").await;
    click_xpath(
        &client,
        "//a[contains(@class,'pair-link')][. = 'Kazakhstan – United States']",
    )
    .await;
    assert_eq!(
        text_of(&client, "#pair-title").await,
        "Kazakhstan – United States"
    );
    texts_of(&client, "#pair-chart rect").await;
    let types = text_of(&client, "#pair-directions").await;
    assert!(types.contains("CONSULT"), "{types}");
    screenshot(&client, "pair").await;
    client.close().await.expect("the session closes");
}

/// Clicks the first element the CSS selector `css` finds, once it is there.
async fn click(client: &Client, css: &str) {
    click_on(client, Locator::Css(css)).await;
}

/// Clicks the first element `xpath` finds, once it is there.
async fn click_xpath(client: &Client, xpath: &str) {
    click_on(client, Locator::XPath(xpath)).await;
}

async fn click_on(client: &Client, locator: Locator<'_>) {
    client
        .wait()
        .at_most(PATIENCE)
        .for_element(locator)
        .await
        .unwrap_or_else(|e| panic!("{locator:?} never appeared: {e}"))
        .click()
        .await
        .unwrap_or_else(|e| panic!("{locator:?}: cannot click: {e}"));
}
