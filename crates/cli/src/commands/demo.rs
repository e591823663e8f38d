//! `chancery demo`: ingest the bundled example dumps and show what chancery made of them.

use std::io::{self, Write};
use std::path::{Path, PathBuf};

use anyhow::{Context, Result};

use super::Outcome;
use crate::cli::{ArticlesArgs, DemoArgs, FilterArgs, IngestArgs, StoriesArgs};

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

pub fn run(data: &Path, args: &DemoArgs) -> Result<Outcome> {
    let examples = if args.examples.is_dir() {
        args.examples.clone()
    } else {
        write_bundled(data)?
    };
    writeln!(io::stdout(), "== chancery ingest {}", examples.display())?;
    let ingest = IngestArgs {
        paths: vec![examples],
        quiet: false,
        batch: 2000,
        model: None,
        no_entities: false,
        no_stories: false,
    };
    let outcome = super::ingest::run(data, &ingest)?;
    writeln!(io::stdout(), "\n== chancery articles")?;
    let list = ArticlesArgs {
        filter: FilterArgs::default(),
        limit: 100,
        offset: 0,
        json: false,
    };
    super::articles::run(data, &list)?;
    writeln!(io::stdout(), "\n== chancery stories")?;
    let stories = StoriesArgs {
        id: None,
        limit: 100,
        json: false,
    };
    super::stories::run(data, &stories)?;
    writeln!(
        io::stdout(),
        "\nSee one with `chancery show ID`, or everything with `chancery export --format jsonl`."
    )?;
    Ok(outcome)
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
