//! `chancery export`: every stored article as one JSON object per line (`--format jsonl`), as
//! GDELT event and GKG files (`--format gdelt`, in [`super::gdelt`]), or as Parquet tables
//! (`--format parquet`, in `super::parquet`, when built with the `parquet` feature).

use std::fs::File;
use std::io::{self, BufWriter, Write};
use std::path::Path;

use anyhow::{Context, Result};
use chancery_store::Store;

use super::{json, Outcome};
use crate::cli::{ExportArgs, ExportFormat};

pub fn run(data: &Path, args: &ExportArgs) -> Result<Outcome> {
    match args.format {
        ExportFormat::Gdelt => return super::gdelt::run(data, args),
        ExportFormat::Parquet => return parquet(data, args),
        ExportFormat::Jsonl => {}
    }
    let store = Store::open(data)?;
    let mut out: Box<dyn Write> = match &args.out {
        Some(path) => Box::new(BufWriter::new(
            File::create(path).with_context(|| format!("cannot create {}", path.display()))?,
        )),
        None => Box::new(BufWriter::new(io::stdout().lock())),
    };
    let target = args.out.as_ref().map_or_else(
        || "standard output".to_string(),
        |p| p.display().to_string(),
    );
    let mut write_error = None;
    store.for_each_article(&args.filter.to_filter(None, 0), &mut |article| {
        let placement = store.placement_of(article.id.as_str())?;
        let line = json::placed_article(&article, placement.as_ref());
        if let Err(e) = writeln!(out, "{line}") {
            write_error.get_or_insert(e);
        }
        Ok(())
    })?;
    if let Some(e) = write_error {
        return Err(e).with_context(|| format!("cannot write to {target}"));
    }
    out.flush()
        .with_context(|| format!("cannot write to {target}"))?;
    Ok(Outcome::Clean)
}

#[cfg(feature = "parquet")]
fn parquet(data: &Path, args: &ExportArgs) -> Result<Outcome> {
    super::parquet::run(data, args)
}

/// Arrow and Parquet are a long build, so they are left out unless asked for.
#[cfg(not(feature = "parquet"))]
fn parquet(_data: &Path, _args: &ExportArgs) -> Result<Outcome> {
    anyhow::bail!(
        "this chancery was built without Parquet support: build it with the `parquet` feature \
         (cargo build --release -p chancery-cli --features parquet)"
    )
}
