//! `chancery demo`: ingest the bundled example dumps, and a corpus of real news when one is at
//! hand, and show what chancery made of them.
//!
//! The two example dumps hold three articles, too few for stories of several articles. The ECB+
//! corpus (news texts about real events, openly licensed) is read where the evaluation data
//! lives, never copied into the repository: when it is absent the demo runs on the examples and
//! says how to add it.

use std::io::{self, Write};
use std::path::{Path, PathBuf};

use anyhow::{bail, Context, Result};

use super::Outcome;
use crate::cli::{ArticlesArgs, DemoArgs, FilterArgs, IngestArgs, ServeArgs, StoriesArgs};

/// The example dumps, built into the binary so the demo runs from any directory.
const BUNDLED: &[(&str, &str)] = &[
    (
        "000_7a780bc5721e2cfc.txt",
        include_str!("../../../../examples/000_7a780bc5721e2cfc.txt"),
    ),
    (
        "003_c56f87f3a27affae.txt",
        include_str!("../../../../examples/003_c56f87f3a27affae.txt"),
    ),
];

/// Where the ECB+ corpus is, from the repository root, in the evaluation data's layout.
const DEFAULT_CORPUS: &str = "../shared/data/stories/ecbplus";

/// Credit owed for the ECB+ texts (CC BY 3.0 asks for attribution).
const ECBPLUS_CREDIT: &str = "News texts from ECB+ (Cybulska & Vossen, \"Using a sledgehammer to \
crack a nut? Lexical diversity and event coreference resolution\", LREC 2014), CC BY 3.0.";

/// Rows of the article and story listings: enough to see the shape, not the whole corpus.
const LISTED: usize = 20;

pub fn run(data: &Path, args: &DemoArgs) -> Result<Outcome> {
    let mut out = io::stdout();
    let examples = if args.examples.is_dir() {
        args.examples.clone()
    } else {
        write_bundled(data)?
    };
    let corpus = corpus_dir(args.corpus.as_deref())?;
    let mut paths = vec![examples];
    match &corpus {
        Some(dir) => paths.push(dir.clone()),
        None => writeln!(
            out,
            "No corpus at {DEFAULT_CORPUS}: the demo uses the two example dumps only \
             (add real stories with --corpus DIR, e.g. a copy of the ECB+ corpus)."
        )?,
    }
    let shown: Vec<String> = paths.iter().map(|p| p.display().to_string()).collect();
    writeln!(out, "== chancery ingest {}", shown.join(" "))?;
    let ingest = IngestArgs {
        paths,
        quiet: false,
        batch: 2000,
        model: None,
        no_entities: false,
        no_stories: false,
    };
    // The demo's inputs are fixed: a corpus document with no article in it is reported on
    // standard error, but is no failure of the demo.
    super::ingest::run(data, &ingest)?;
    writeln!(out, "\n== chancery articles --limit {LISTED}")?;
    let list = ArticlesArgs {
        filter: FilterArgs::default(),
        limit: LISTED,
        offset: 0,
        json: false,
    };
    super::articles::run(data, &list)?;
    writeln!(out, "\n== chancery stories --limit {LISTED}")?;
    let stories = StoriesArgs {
        id: None,
        limit: LISTED,
        json: false,
    };
    super::stories::run(data, &stories)?;
    if corpus.is_some() {
        writeln!(out, "\n{ECBPLUS_CREDIT}")?;
    }
    writeln!(
        out,
        "\nSee one with `chancery show ID`, or everything with `chancery export --format jsonl`."
    )?;
    if !args.serve {
        writeln!(
            out,
            "Search and browse it: `chancery serve`, then open http://127.0.0.1:8080/ \
             (or run the demo with --serve)."
        )?;
        return Ok(Outcome::Clean);
    }
    out.flush()?;
    super::serve::run(data, &ServeArgs { addr: args.addr })
}

/// The corpus to ingest: the one asked for (which must exist), else the default when present.
fn corpus_dir(asked: Option<&Path>) -> Result<Option<PathBuf>> {
    match asked {
        Some(dir) if dir.is_dir() => Ok(Some(dir.to_path_buf())),
        Some(dir) => bail!("corpus {} is not a directory", dir.display()),
        None => Ok(Some(PathBuf::from(DEFAULT_CORPUS)).filter(|dir| dir.is_dir())),
    }
}

fn write_bundled(data: &Path) -> Result<PathBuf> {
    let dir = data.join("examples");
    std::fs::create_dir_all(&dir).with_context(|| format!("cannot create {}", dir.display()))?;
    for (name, text) in BUNDLED {
        let path = dir.join(name);
        std::fs::write(&path, text).with_context(|| format!("cannot write {}", path.display()))?;
    }
    Ok(dir)
}
