//! `chancery export --format gdelt --out DIR`: the store as a GDELT 2.0 Event file (one row per
//! event with a source and a target, 61 columns) and a GDELT GKG 2.1 file (one row per article,
//! 27 columns), tab-separated and without a header row, as GDELT publishes them, so tools that
//! read GDELT read these. `docs/gdelt.md` documents every column.

mod columns;
mod document;
mod events;
mod fields;
mod geo;
mod gkg;

use std::fs::{self, File};
use std::io::{self, BufWriter, Write};
use std::path::Path;

use anyhow::{Context, Result};
use chancery_store::Store;

use columns::{EVENT_COLUMNS, GKG_COLUMNS};

use super::Outcome;
use crate::cli::ExportArgs;

/// The Event file's name in the output directory (GDELT's own end in `.export.CSV`).
pub const EVENTS_FILE: &str = "chancery.export.CSV";
/// The GKG file's name in the output directory (GDELT's own end in `.gkg.csv`).
pub const GKG_FILE: &str = "chancery.gkg.csv";

/// Writes both files into `--out` and prints how many rows each got.
pub fn run(data: &Path, args: &ExportArgs) -> Result<Outcome> {
    let dir = args
        .out
        .as_deref()
        .context("--format gdelt writes two files: give the directory with --out DIR")?;
    fs::create_dir_all(dir).with_context(|| format!("cannot create {}", dir.display()))?;
    let store = Store::open(data)?;
    let places = geo::Places::load()?;
    let mut events = TsvFile::create(&dir.join(EVENTS_FILE), &EVENT_COLUMNS)?;
    let mut gkg = TsvFile::create(&dir.join(GKG_FILE), &GKG_COLUMNS)?;
    store.for_each_article(&args.filter.to_filter(None, 0), &mut |article| {
        for (index, event) in article.events.iter().enumerate() {
            if let Some(cells) = events::row(&article, index, event, &places) {
                events.write(&cells);
            }
        }
        gkg.write(&gkg::row(&article, &places));
        Ok(())
    })?;
    let (event_rows, gkg_rows) = (events.finish()?, gkg.finish()?);
    let mut stdout = io::stdout().lock();
    writeln!(
        stdout,
        "wrote {event_rows} events to {} and {gkg_rows} GKG records to {}",
        dir.join(EVENTS_FILE).display(),
        dir.join(GKG_FILE).display()
    )?;
    Ok(Outcome::Clean)
}

/// A tab-separated output file that remembers its first write error, so the store walk is not
/// interrupted mid-row and the error is reported once, with the file's name.
struct TsvFile {
    path: String,
    /// The columns every row must fill, no more and no fewer.
    columns: &'static [&'static str],
    out: BufWriter<File>,
    rows: u64,
    error: Option<io::Error>,
}

impl TsvFile {
    fn create(path: &Path, columns: &'static [&'static str]) -> Result<TsvFile> {
        let file =
            File::create(path).with_context(|| format!("cannot create {}", path.display()))?;
        Ok(TsvFile {
            path: path.display().to_string(),
            columns,
            out: BufWriter::new(file),
            rows: 0,
            error: None,
        })
    }

    fn write(&mut self, cells: &[String]) {
        if self.error.is_some() {
            return;
        }
        if cells.len() != self.columns.len() {
            // A row of the wrong width would shift every later column for its readers.
            self.error = Some(io::Error::other(format!(
                "a row of {} cells where the format has {} columns ({} first)",
                cells.len(),
                self.columns.len(),
                self.columns.first().copied().unwrap_or("none"),
            )));
            return;
        }
        match writeln!(self.out, "{}", cells.join("\t")) {
            Ok(()) => self.rows += 1,
            Err(e) => self.error = Some(e),
        }
    }

    /// Flushes the file; the number of rows written.
    fn finish(mut self) -> Result<u64> {
        if let Some(e) = self.error.take() {
            return Err(e).with_context(|| format!("cannot write to {}", self.path));
        }
        self.out
            .flush()
            .with_context(|| format!("cannot write to {}", self.path))?;
        Ok(self.rows)
    }
}
