//! Generated corpora for tests and benchmarks.
//!
//! Text dumps shaped like scraped news: each file holds several articles of one source, separated by
//! blank lines, each with a title, sometimes a photo caption repeated as scrapers repeat it, prose
//! paragraphs, and the source's furniture lines. Generation is deterministic for a seed, so a test knows
//! exactly which articles a corpus holds.
//!
//! [`articles`] holds small hand-made [`chancery_model::Article`]s, with entities, for the tests of
//! the stages after the store (search, the server).

pub mod articles;

use std::io::Write;
use std::path::{Path, PathBuf};

/// What to generate.
#[derive(Debug, Clone)]
pub struct CorpusSpec {
    pub articles: usize,
    pub articles_per_file: usize,
    pub sources: usize,
    pub seed: u64,
}

impl Default for CorpusSpec {
    fn default() -> Self {
        CorpusSpec {
            articles: 1000,
            articles_per_file: 50,
            sources: 20,
            seed: 7,
        }
    }
}

/// What was generated.
#[derive(Debug, Clone)]
pub struct Corpus {
    pub files: Vec<PathBuf>,
    /// Titles of all articles, in generation order; all distinct.
    pub titles: Vec<String>,
    pub bytes: u64,
}

/// Writes the corpus under `dir` (one subdirectory per source) and returns what it holds.
pub fn write_corpus(dir: &Path, spec: &CorpusSpec) -> std::io::Result<Corpus> {
    let mut rng = SplitMix(spec.seed);
    let mut corpus = Corpus {
        files: Vec::new(),
        titles: Vec::new(),
        bytes: 0,
    };
    let per_file = spec.articles_per_file.max(1);
    let mut written = 0;
    let mut file_index = 0;
    while written < spec.articles {
        let source = file_index % spec.sources.max(1);
        let source_dir = dir.join(format!("site{source:03}"));
        std::fs::create_dir_all(&source_dir)?;
        let path = source_dir.join(format!("dump{file_index:06}.txt"));
        let mut text = String::new();
        for _ in 0..per_file.min(spec.articles - written) {
            if !text.is_empty() {
                text.push_str("\n\n\n\n");
            }
            let title = format!("{} (No. {written})", title(&mut rng));
            write_article(&mut text, &title, source, &mut rng);
            corpus.titles.push(title);
            written += 1;
        }
        let mut file = std::io::BufWriter::new(std::fs::File::create(&path)?);
        file.write_all(text.as_bytes())?;
        file.flush()?;
        corpus.bytes += text.len() as u64;
        corpus.files.push(path);
        file_index += 1;
    }
    Ok(corpus)
}

/// One article as a scraper would save it.
pub fn article_text(title: &str, source: usize, seed: u64) -> String {
    let mut text = String::new();
    write_article(&mut text, title, source, &mut SplitMix(seed));
    text
}

fn write_article(out: &mut String, title: &str, source: usize, rng: &mut SplitMix) {
    out.push_str(title);
    out.push_str("\n\n");
    if rng.below(3) == 0 {
        let caption = format!("{} (Reuters)", sentence(rng, 12));
        for _ in 0..2 {
            out.push_str(&caption);
            out.push('\n');
        }
        out.push('\n');
    }
    for _ in 0..4 + rng.below(8) {
        let sentences = 1 + rng.below(4);
        let paragraph: Vec<String> = (0..sentences)
            .map(|_| {
                let words = 14 + rng.below(20) as usize;
                sentence(rng, words)
            })
            .collect();
        out.push_str(&paragraph.join(" "));
        out.push_str("\n\n");
    }
    out.push_str(&format!(
        "Sign up for the Site {source} morning briefing\n\nSource link\n"
    ));
}

const NOUNS: &[&str] = &[
    "minister",
    "government",
    "talks",
    "agreement",
    "economy",
    "market",
    "border",
    "election",
    "court",
    "council",
    "budget",
    "report",
    "ceasefire",
    "pipeline",
    "summit",
    "inflation",
    "protest",
    "parliament",
    "company",
    "region",
    "official",
    "policy",
    "sanctions",
    "trade",
    "energy",
    "security",
    "delegation",
];
const VERBS: &[&str] = &[
    "said",
    "announced",
    "rejected",
    "approved",
    "discussed",
    "criticised",
    "expected",
    "reported",
    "confirmed",
    "proposed",
    "signed",
    "delayed",
    "welcomed",
    "opposed",
    "reviewed",
];
const FILLERS: &[&str] = &[
    "the",
    "a",
    "of",
    "in",
    "on",
    "for",
    "with",
    "and",
    "that",
    "to",
    "by",
    "after",
    "before",
    "as",
    "its",
    "their",
    "this",
    "new",
    "first",
    "last",
    "week",
    "year",
    "on Tuesday",
    "late on Friday",
];
const PLACES: &[&str] = &[
    "Kazakhstan",
    "Geneva",
    "Brussels",
    "Nairobi",
    "Lima",
    "Jakarta",
    "Ottawa",
    "Warsaw",
    "Tashkent",
    "Seoul",
    "Cairo",
    "Madrid",
    "Hanoi",
    "Oslo",
    "Accra",
];

fn title(rng: &mut SplitMix) -> String {
    let words = [
        capitalise(pick(rng, NOUNS)),
        capitalise(pick(rng, VERBS)),
        "in".to_string(),
        pick(rng, PLACES).to_string(),
        "as".to_string(),
        capitalise(pick(rng, NOUNS)),
        capitalise(pick(rng, NOUNS)),
    ];
    words.join(" ")
}

fn sentence(rng: &mut SplitMix, words: usize) -> String {
    let mut out = String::from("The");
    for i in 0..words {
        out.push(' ');
        out.push_str(match i % 4 {
            0 => pick(rng, NOUNS),
            1 => pick(rng, VERBS),
            2 if rng.below(5) == 0 => pick(rng, PLACES),
            _ => pick(rng, FILLERS),
        });
    }
    out.push('.');
    out
}

fn capitalise(word: &str) -> String {
    let mut chars = word.chars();
    chars
        .next()
        .map(|c| c.to_uppercase().chain(chars).collect())
        .unwrap_or_default()
}

fn pick<'a>(rng: &mut SplitMix, list: &[&'a str]) -> &'a str {
    list[rng.below(list.len() as u64) as usize]
}

/// A small deterministic generator (SplitMix64): reproducible corpora without a dependency.
struct SplitMix(u64);

impl SplitMix {
    fn next(&mut self) -> u64 {
        self.0 = self.0.wrapping_add(0x9E37_79B9_7F4A_7C15);
        let mut z = self.0;
        z = (z ^ (z >> 30)).wrapping_mul(0xBF58_476D_1CE4_E5B9);
        z = (z ^ (z >> 27)).wrapping_mul(0x94D0_49BB_1331_11EB);
        z ^ (z >> 31)
    }

    fn below(&mut self, n: u64) -> u64 {
        if n == 0 {
            0
        } else {
            self.next() % n
        }
    }
}
