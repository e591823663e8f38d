//! Hand-made articles with entities and places, for tests that need a small known corpus: two
//! articles about Antony Blinken in Central Asia (one dated, one not) and one about Tehran.

use chancery_model::{
    Article, ArticleMeta, Block, EntityKind, EntityRecord, PlaceRecord, Provenance, Span,
};
use chrono::NaiveDate;

/// Title of one of the [`briefing`] articles.
pub const ASTANA: &str = "Blinken Holds Talks with Central Asian Nations";
/// Title of one of the [`briefing`] articles.
pub const NYT: &str = "In Central Asia, Blinken Will Urge Distance From Russia";
/// Title of one of the [`briefing`] articles.
pub const TEHRAN: &str = "Tehran Ready for Negotiations with Washington";

/// A block covering its own text.
pub fn block(text: &str) -> Block {
    Block {
        text: text.to_string(),
        span: Span {
            start: 0,
            end: text.len() as u64,
        },
    }
}

/// An entity with no mentions, roles or place.
pub fn entity(name: &str, kind: EntityKind, country: Option<&str>) -> EntityRecord {
    EntityRecord {
        name: name.to_string(),
        kind,
        aliases: Vec::new(),
        mentions: Vec::new(),
        roles: Vec::new(),
        affiliation: None,
        country: country.map(str::to_string),
        place: None,
    }
}

/// An English article of `source` with a title and paragraphs.
pub fn article(
    title: &str,
    body: &[&str],
    source: &str,
    published: Option<(i32, u32, u32)>,
) -> Article {
    let title = block(title);
    let paragraphs: Vec<Block> = body.iter().map(|p| block(p)).collect();
    Article {
        id: Article::content_id(Some(&title), &paragraphs),
        title: Some(title),
        captions: Vec::new(),
        paragraphs,
        language: Some("eng".to_string()),
        published: published.and_then(|(y, m, d)| NaiveDate::from_ymd_opt(y, m, d)),
        published_evidence: None,
        source: source.to_string(),
        url: None,
        provenance: vec![Provenance {
            path: format!("{source}.txt"),
            ..Provenance::default()
        }],
        removed: Vec::new(),
        meta: ArticleMeta::default(),
        entities: Vec::new(),
        dates: Vec::new(),
        amounts: Vec::new(),
        quotes: Vec::new(),
        events: Vec::new(),
    }
}

/// Three articles: two about Blinken in Central Asia (one dated, one not), one about Tehran.
pub fn briefing() -> Vec<Article> {
    let mut astana = article(
        "Blinken Holds Talks with Central Asian Nations",
        &["Secretary of State Antony Blinken met foreign ministers in Astana on Tuesday."],
        "tasnim",
        Some((2023, 2, 28)),
    );
    let mut kazakh = entity("Kazakhstan", EntityKind::Gpe, Some("KZ"));
    kazakh.place = Some(PlaceRecord {
        name: "Astana".to_string(),
        geonames_id: 1526273,
        country: "KZ".to_string(),
        lat: 51.18,
        lon: 71.45,
    });
    let mut blinken = entity("Antony J. Blinken", EntityKind::Person, None);
    blinken.aliases = vec!["Blinken".to_string()];
    astana.entities = vec![blinken.clone(), kazakh];
    let mut nyt = article(
        "In Central Asia, Blinken Will Urge Distance From Russia",
        &[
            "The secretary of state is flying into the heart of what Moscow considers its sphere.",
            "Mr. Blinken will meet officials convening in Kazakhstan.",
        ],
        "nytimes",
        None,
    );
    nyt.entities = vec![blinken, entity("Russia", EntityKind::Gpe, Some("RU"))];
    let mut tehran = article(
        "Tehran Ready for Negotiations with Washington",
        &["Iran says talks must be based on trust, the foreign ministry said in Tehran."],
        "tasnim",
        Some((2023, 3, 1)),
    );
    tehran.entities = vec![entity("Iran", EntityKind::Gpe, Some("IR"))];
    vec![astana, nyt, tehran]
}
