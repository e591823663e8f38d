//! Command-line flags and their help.

use std::path::PathBuf;

use chrono::NaiveDate;
use clap::{Args, Parser, Subcommand, ValueEnum};

const ABOUT: &str =
    "chancery: offline news intelligence. Turns piles of scraped news (text dumps, HTML, \
WARC, JSONL) into clean, deduplicated articles with provenance, stored in one SQLite file.";

const AFTER_HELP: &str = "\
Examples:
  chancery demo                             ingest the bundled examples (and ECB+ when found), list them
  chancery demo --serve                     the same, then serve it on http://127.0.0.1:8080/
  chancery ingest examples/                 ingest every file under examples/ into ./chancery-data
  chancery ingest crawl.warc.gz --data /srv/news
  cat dump.txt | chancery ingest -          read standard input
  chancery articles --since 2023-02-01 --language eng
  chancery show 3f2a9c1d                    an article by id (or unique id prefix)
  chancery export --format jsonl --out articles.jsonl
  chancery export --format gdelt --out gdelt/   GDELT 2.0 events and GKG 2.1 files
  chancery export --format parquet --out tables/  Parquet tables (built with --features parquet)
  chancery extract page.html --format json  print the article of a page, store nothing
  chancery serve --addr 127.0.0.1:8080      search, read and browse the store in a web browser
  chancery reindex                          rebuild the search index from the store
  chancery check                            verify the store and that the index agrees with it

Exit codes:
  0  success
  1  fatal error (store cannot be opened, output cannot be written, unknown id)
  2  bad usage
  3  completed, but some inputs had problems (each reported on standard error)";

/// The command line.
#[derive(Debug, Parser)]
#[command(name = "chancery", version, about = ABOUT, after_help = AFTER_HELP)]
pub struct Cli {
    /// Data directory holding the store (created if missing).
    #[arg(
        long,
        global = true,
        default_value = "chancery-data",
        value_name = "DIR"
    )]
    pub data: PathBuf,
    #[command(subcommand)]
    pub command: Command,
}

/// The commands.
#[derive(Debug, Subcommand)]
pub enum Command {
    /// Read inputs (files, directories, `-` for stdin), extract and clean their articles, store them.
    #[command(
        after_help = "Formats are detected by content: text dumps, HTML (also .gz), WARC (also .warc.gz), \
JSONL (fields text/html/url/title/date/source), ECB+ corpus XML (tokens joined into text). Re-ingesting the same inputs adds nothing."
    )]
    Ingest(IngestArgs),
    /// List stored articles.
    Articles(ArticlesArgs),
    /// Print one article with its captions, removed lines and provenance.
    Show(ShowArgs),
    /// Write stored articles out: one JSON object per line, GDELT event and GKG files, or Parquet
    /// tables.
    Export(ExportArgs),
    /// Extract articles from inputs and print them, without storing anything.
    #[command(
        after_help = "Prints one JSON object per article: one per HTML page or WARC record, one per \
article of a text dump. Fields: path, url, title, authors, published (ISO 8601, with the time and \
offset when the page states them), text (paragraphs joined by blank lines), captions, language, id, \
subtitle, description, updated, site_name, canonical_url, section, tags, image, the source of each \
stated value, and provenance.\n\nExample:\n  chancery extract pages/ --format json > articles.jsonl"
    )]
    Extract(ExtractArgs),
    /// Ingest the bundled example dumps and a corpus of real news (ECB+, when found), and list
    /// what was made of them.
    #[command(
        after_help = "With ../shared/data/stories/ecbplus present (or --corpus DIR), the demo also ingests \
the ECB+ corpus texts (Cybulska & Vossen, LREC 2014, CC BY 3.0): a few hundred news articles about \
real events, so the stories have several articles each.\n\nExamples:\n  chancery demo\n  \
chancery demo --corpus ~/ecbplus --serve"
    )]
    Demo(DemoArgs),
    /// How pairs of countries (or actors) relate over time: events by PLOVER type and a
    /// cooperation–conflict score per period.
    #[command(
        after_help = "Each side is an ISO 3166-1 alpha-3 country code (USA, KAZ) or an actor's name (\"Antony Blinken\"). With two sides, both directions of the pair; with one, every partner; with none, every pair. The score is the mean Goldstein score of the events, from -10 (conflict) to +10 (cooperation). Only events stated as happening count, unless --all-modalities.\n\nExamples:\n  chancery relations USA KAZ\n  chancery relations IRN --by week --json > iran.jsonl"
    )]
    Relations(RelationsArgs),
    /// Stories: articles grouped by the news event they report, largest first; with an id, one
    /// story and its articles.
    Stories(StoriesArgs),
    /// People, organisations and places across articles ("Antony J. Blinken" and "Antony Blinken"
    /// are one), most articles first; with a name, one entity's names, roles over time, mentions
    /// by month, articles, quotes and co-occurring entities.
    Entities(EntitiesArgs),
    /// Serve the JSON API (under /api) and the web UI over the store and its search index.
    #[command(
        after_help = "Open http://127.0.0.1:8080/ in a browser; the API is described at \
/api/openapi.json. The search index is brought up to date with the store before serving."
    )]
    Serve(ServeArgs),
    /// Rebuild the search index (<data>/index) from the store.
    #[command(
        after_help = "Ingest keeps the index up to date by itself; reindex is for an index that was \
deleted, damaged, or written by another version."
    )]
    Reindex,
    /// Verify the store (SQLite's integrity check, provenance) and that the search index agrees
    /// with it; exits 1 when they do not.
    #[command(
        after_help = "The index may trail the store (an ingest or serve brings it up to date) but \
never lead it, and it must hold each article it covers exactly once."
    )]
    Check,
}

#[derive(Debug, Args)]
pub struct ServeArgs {
    /// Address and port to listen on.
    #[arg(long, default_value = "127.0.0.1:8080", value_name = "ADDR")]
    pub addr: std::net::SocketAddr,
}

#[derive(Debug, Args)]
pub struct IngestArgs {
    /// Files or directories (walked recursively); `-` reads standard input.
    #[arg(required = true, value_name = "PATH")]
    pub paths: Vec<PathBuf>,
    /// Never show the progress bar.
    #[arg(long)]
    pub quiet: bool,
    /// Documents extracted and stored per transaction.
    #[arg(long, default_value_t = 2000, value_parser = clap::value_parser!(u32).range(1..=100_000))]
    pub batch: u32,
    /// NER model for entity annotation. Default: crates/annotate/model/ner.bin under the current
    /// directory if it exists, else the file $CHANCERY_NER_MODEL names; without one, articles are
    /// stored without entities.
    #[arg(long, value_name = "FILE", conflicts_with = "no_entities")]
    pub model: Option<PathBuf>,
    /// Store articles without entity annotation, even when a model is found (the fastest ingest).
    #[arg(long)]
    pub no_entities: bool,
    /// Store articles without placing them in stories; the next run without this flag places
    /// every article not yet placed.
    #[arg(long)]
    pub no_stories: bool,
}

/// Filters shared by `articles` and `export`.
#[derive(Debug, Args, Clone, Default)]
pub struct FilterArgs {
    /// Only articles of this source (site, URL host or input directory).
    #[arg(long)]
    pub source: Option<String>,
    /// Only articles published on or after this date (YYYY-MM-DD).
    #[arg(long)]
    pub since: Option<NaiveDate>,
    /// Only articles published on or before this date (YYYY-MM-DD).
    #[arg(long)]
    pub until: Option<NaiveDate>,
    /// Only articles in this language (ISO 639-3 code, e.g. eng, deu).
    #[arg(long)]
    pub language: Option<String>,
}

#[derive(Debug, Args)]
pub struct ArticlesArgs {
    #[command(flatten)]
    pub filter: FilterArgs,
    /// At most this many articles.
    #[arg(long, default_value_t = 100)]
    pub limit: usize,
    /// Skip this many articles first.
    #[arg(long, default_value_t = 0)]
    pub offset: usize,
    /// One JSON object per line instead of a table.
    #[arg(long)]
    pub json: bool,
}

/// Periods of a relation's timeline.
#[derive(Debug, Clone, Copy, PartialEq, Eq, clap::ValueEnum)]
pub enum PeriodArg {
    Day,
    Week,
    Month,
}

#[derive(Debug, Args)]
pub struct RelationsArgs {
    /// A country code or actor name.
    pub first: Option<String>,
    /// The other side of the pair.
    pub second: Option<String>,
    /// How finely to cut the timeline.
    #[arg(long = "by", value_enum, default_value_t = PeriodArg::Month)]
    pub period: PeriodArg,
    /// Also count planned, possible and denied events.
    #[arg(long)]
    pub all_modalities: bool,
    /// One JSON object per pair and period instead of a table.
    #[arg(long)]
    pub json: bool,
}

#[derive(Debug, Args)]
pub struct EntitiesArgs {
    /// An entity's name (or its last name: "Blinken"): show its profile.
    pub name: Option<String>,
    /// Only entities whose name contains this (any case).
    #[arg(long)]
    pub filter: Option<String>,
    /// At most this many entities.
    #[arg(long, default_value_t = 50)]
    pub limit: usize,
    /// JSON instead of a table.
    #[arg(long)]
    pub json: bool,
}

#[derive(Debug, Args)]
pub struct StoriesArgs {
    /// A story's number: show it with its articles.
    pub id: Option<u64>,
    /// At most this many stories.
    #[arg(long, default_value_t = 100)]
    pub limit: usize,
    /// One JSON object per story instead of a table.
    #[arg(long)]
    pub json: bool,
}

#[derive(Debug, Args)]
pub struct ShowArgs {
    /// Article id, or a unique prefix of at least 4 characters.
    pub id: String,
    /// Print the article as JSON.
    #[arg(long)]
    pub json: bool,
}

/// Export formats.
#[derive(Debug, Clone, Copy, ValueEnum)]
pub enum ExportFormat {
    /// One JSON object per article per line.
    Jsonl,
    /// GDELT 2.0 Event and GKG 2.1 tab-separated files (`--out DIR` required; see docs/gdelt.md).
    Gdelt,
    /// Apache Parquet tables of articles, entities, quotes, events and stories (`--out DIR`
    /// required; see docs/parquet.md). Needs a binary built with the `parquet` feature.
    Parquet,
}

#[derive(Debug, Args)]
pub struct ExportArgs {
    #[arg(long, value_enum, default_value_t = ExportFormat::Jsonl)]
    pub format: ExportFormat,
    /// Output file (standard output when absent); for `gdelt` and `parquet`, the directory to
    /// write into.
    #[arg(
        long,
        value_name = "PATH",
        required_if_eq_any([("format", "gdelt"), ("format", "parquet")])
    )]
    pub out: Option<PathBuf>,
    #[command(flatten)]
    pub filter: FilterArgs,
}

/// Output formats of `extract`.
#[derive(Debug, Clone, Copy, ValueEnum)]
pub enum ExtractFormat {
    /// One JSON object per article per line.
    Json,
}

#[derive(Debug, Args)]
pub struct ExtractArgs {
    /// Files or directories (walked recursively); `-` reads standard input.
    #[arg(required = true, value_name = "PATH")]
    pub paths: Vec<PathBuf>,
    #[arg(long, value_enum, default_value_t = ExtractFormat::Json)]
    pub format: ExtractFormat,
}

#[derive(Debug, Args)]
pub struct DemoArgs {
    /// Directory of example inputs; the bundled examples are used when it does not exist.
    #[arg(long, default_value = "examples", value_name = "DIR")]
    pub examples: PathBuf,
    /// Directory of news articles to ingest beside the examples, e.g. the ECB+ corpus (one folder
    /// per topic of `.xml` documents). Default: ../shared/data/stories/ecbplus when it exists.
    #[arg(long, value_name = "DIR")]
    pub corpus: Option<PathBuf>,
    /// Serve the result right away, as `chancery serve` does.
    #[arg(long)]
    pub serve: bool,
    /// Address and port to serve on with --serve.
    #[arg(long, default_value = "127.0.0.1:8080", value_name = "ADDR")]
    pub addr: std::net::SocketAddr,
}
