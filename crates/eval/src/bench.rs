//! Speed benchmarks: figures printed, never asserted.
//!
//! - `bench-clean`: the text-dump cleaner alone, on one core, over generated dumps and (when the data
//!   directory is given) over the Scrapinghub pages rendered to their visible text, the way a scraper
//!   that saved text would have left them;
//! - `bench-ingest`: the release `chancery ingest` binary end to end (read, extract in parallel, store)
//!   over a generated corpus of text dumps, with its wall time, its peak memory and its resident
//!   memory over the run (bounded memory shows as a flat profile, whatever the corpus size).

use std::path::{Path, PathBuf};
use std::process::Command;
use std::time::Instant;

use anyhow::{bail, Context, Result};
use chancery_extract::{html, text, ExtractConfig, NoEvidence};
use chancery_model::{DocFormat, DocMeta, Provenance, RawDoc};
use chancery_testkit::{write_corpus, CorpusSpec};

use crate::aeb::Benchmark;
use crate::timing::{available_cores, best_of};

/// Options of `bench-clean`.
#[derive(Debug, clap::Args)]
pub struct CleanArgs {
    /// Articles in the generated corpus.
    #[arg(long, default_value_t = 20_000)]
    pub articles: usize,
    /// Timed passes over each corpus; the best is reported.
    #[arg(long, default_value_t = 3)]
    pub repeats: usize,
    /// Data directory holding extraction/scrapinghub-aeb, to time real pages rendered as dumps too.
    #[arg(long, value_name = "DIR")]
    pub data: Option<PathBuf>,
    /// Python with jusText installed (print it with ../shared/anchors/setup.sh), to time jusText
    /// on the same dumps, each line given to it as one paragraph.
    #[arg(long, value_name = "PYTHON")]
    pub python: Option<PathBuf>,
}

/// Options of `bench-ingest`.
#[derive(Debug, clap::Args)]
pub struct IngestArgs {
    /// Articles in the generated corpus.
    #[arg(long, default_value_t = 100_000)]
    pub articles: usize,
    /// Articles per generated file.
    #[arg(long, default_value_t = 50)]
    pub per_file: usize,
    /// The `chancery` binary to run (default: the one beside this program).
    #[arg(long, value_name = "FILE")]
    pub chancery: Option<PathBuf>,
    /// Where to write the corpus and the store (default: a temporary directory, removed after).
    #[arg(long, value_name = "DIR")]
    pub work_dir: Option<PathBuf>,
    /// Annotate entities with this NER model too (by default ingest runs with `--no-entities`:
    /// the figure is for reading, cleaning and storing).
    #[arg(long, value_name = "FILE")]
    pub model: Option<PathBuf>,
    /// Also place the articles in stories (by default ingest runs with `--no-stories`; the
    /// corpus view's own figures come from `bench-corpus`).
    #[arg(long)]
    pub stories: bool,
}

/// `chancery-eval bench-clean`.
pub fn clean(args: &CleanArgs) -> Result<()> {
    let work = tempfile::tempdir().context("cannot create a temporary directory")?;
    let spec = CorpusSpec {
        articles: args.articles,
        ..CorpusSpec::default()
    };
    let corpus = write_corpus(work.path(), &spec).context("cannot write the generated corpus")?;
    let generated = corpus
        .files
        .iter()
        .map(|path| read_dump(path))
        .collect::<Result<Vec<_>>>()?;
    println!("one core, best of {} passes", args.repeats.max(1));
    let ours = report_clean("generated dumps", &generated, args.repeats);
    if let Some(python) = &args.python {
        let theirs = justext_mb_per_second(python, &corpus.files, args.repeats)?;
        println!("jusText on the same dumps: {theirs:.2} MB/s");
        println!(
            "ratio chancery/jusText one core: {:.0}x",
            ours / theirs.max(1e-9)
        );
    }

    if let Some(data) = &args.data {
        let bench = Benchmark::open(data)?;
        let mut pages = Vec::with_capacity(bench.pages.len());
        for page in &bench.pages {
            let doc = bench.read_page(page)?;
            let visible = html::visible_text(&doc.text);
            pages.push(RawDoc::utf8(
                doc.provenance.clone(),
                DocFormat::Text,
                visible,
                doc.meta.clone(),
            ));
        }
        report_clean("real pages as dumps", &pages, args.repeats);
    }
    Ok(())
}

fn read_dump(path: &Path) -> Result<RawDoc> {
    let text = std::fs::read_to_string(path)
        .with_context(|| format!("{}: cannot read", path.display()))?;
    let provenance = Provenance {
        path: path.display().to_string(),
        length: text.len() as u64,
        ..Provenance::default()
    };
    Ok(RawDoc::utf8(
        provenance,
        DocFormat::Text,
        text,
        DocMeta::default(),
    ))
}

/// Times the cleaner over `docs` on the calling thread, prints MB/s and articles/s, returns MB/s.
fn report_clean(label: &str, docs: &[RawDoc], repeats: usize) -> f64 {
    let bytes: usize = docs.iter().map(|d| d.text.len()).sum();
    let config = ExtractConfig::default();
    let mut articles = 0;
    let best = best_of(repeats, || {
        articles = docs
            .iter()
            .map(|doc| text::clean_dump(doc, &NoEvidence, &config).articles.len())
            .sum();
    });
    let seconds = best.as_secs_f64().max(1e-9);
    println!(
        "{label}: {} files, {:.1} MB, {articles} articles in {seconds:.3}s: {:.1} MB/s, {:.0} articles/s",
        docs.len(),
        bytes as f64 / 1e6,
        bytes as f64 / 1e6 / seconds,
        articles as f64 / seconds,
    );
    bytes as f64 / 1e6 / seconds
}

/// jusText's MB/s over the dump files, best of `repeats` passes, files read before the clock
/// starts. jusText takes HTML, so each non-blank line becomes one `<p>`: the paragraphs a text
/// dump has.
const JUSTEXT_TIMER: &str = r#"
import html, sys, time, justext
stop = justext.get_stoplist("English")
texts = [open(p, encoding="utf-8").read() for p in sys.argv[2:]]
pages = ["<html><body>" + "".join("<p>%s</p>" % html.escape(l) for l in t.splitlines() if l.strip())
         + "</body></html>" for t in texts]
size = sum(len(t.encode("utf-8")) for t in texts)
best = float("inf")
for _ in range(int(sys.argv[1])):
    started = time.perf_counter()
    for page in pages:
        justext.justext(page, stop)
    best = min(best, time.perf_counter() - started)
print(size / 1e6 / best)
"#;

fn justext_mb_per_second(python: &Path, files: &[PathBuf], repeats: usize) -> Result<f64> {
    let output = Command::new(python)
        .args(["-c", JUSTEXT_TIMER])
        .arg(repeats.max(1).to_string())
        .args(files)
        .output()
        .with_context(|| format!("cannot run {}", python.display()))?;
    if !output.status.success() {
        bail!(
            "jusText timing failed: {}",
            String::from_utf8_lossy(&output.stderr)
        );
    }
    let figure = String::from_utf8_lossy(&output.stdout);
    figure
        .trim()
        .parse()
        .with_context(|| format!("jusText timing printed {figure:?}"))
}

/// `chancery-eval bench-ingest`.
pub fn ingest(args: &IngestArgs) -> Result<()> {
    let chancery = match &args.chancery {
        Some(path) => path.clone(),
        None => sibling_binary("chancery")?,
    };
    let temp;
    let work = match &args.work_dir {
        Some(dir) => dir.clone(),
        None => {
            temp = tempfile::tempdir().context("cannot create a temporary directory")?;
            temp.path().to_path_buf()
        }
    };
    let corpus_dir = work.join("corpus");
    let data_dir = work.join("data");
    if data_dir.exists() {
        bail!(
            "{}: a store is already there; give an empty --work-dir",
            data_dir.display()
        );
    }
    let spec = CorpusSpec {
        articles: args.articles,
        articles_per_file: args.per_file,
        ..CorpusSpec::default()
    };
    let generating = Instant::now();
    let corpus = write_corpus(&corpus_dir, &spec).context("cannot write the generated corpus")?;
    println!(
        "corpus: {} articles in {} files, {:.1} MB (generated in {:.1}s)",
        corpus.titles.len(),
        corpus.files.len(),
        corpus.bytes as f64 / 1e6,
        generating.elapsed().as_secs_f64()
    );
    println!("cores: {}", available_cores());

    let entities = match &args.model {
        Some(model) => vec!["--model".into(), model.as_os_str().to_owned()],
        None => vec!["--no-entities".into()],
    };
    println!(
        "entities: {}",
        args.model
            .as_ref()
            .map_or("not annotated (--no-entities)".to_string(), |m| format!(
                "annotated with {}",
                m.display()
            ))
    );
    println!(
        "stories: {}",
        if args.stories {
            "placed"
        } else {
            "not placed (--no-stories)"
        }
    );
    let stories: &[&str] = if args.stories { &[] } else { &["--no-stories"] };
    let mut command = Command::new(&chancery);
    command
        .arg("--data")
        .arg(&data_dir)
        .args(["ingest", "--quiet"])
        .args(&entities)
        .args(stories)
        .arg(&corpus_dir);
    let run = run_traced(&mut command, &work)
        .with_context(|| format!("cannot run {}", chancery.display()))?;
    let seconds = run.seconds.max(1e-9);
    let stdout = run.stdout;
    if !run.status.success() {
        bail!(
            "{} ingest failed ({}):\n{stdout}{}",
            chancery.display(),
            run.status,
            run.stderr
        );
    }
    print!("{stdout}");
    let stored = stored_articles(&stdout);
    println!("wall time {seconds:.2}s");
    let megabytes = |kbs: &[u64]| {
        kbs.iter()
            .map(|kb| format!("{:.0}", *kb as f64 / 1024.0))
            .collect::<Vec<_>>()
            .join(" ")
    };
    println!(
        "resident memory, highest in each tenth of the run (MB): {}",
        megabytes(&run.resident_by_tenth)
    );
    // Resident memory also counts the pages of index files the process maps and reads (tantivy
    // maps its segments); those are page cache the kernel takes back when it needs it. The
    // anonymous part is what the process itself allocated.
    println!(
        "of which anonymous (allocated, not file pages) (MB): {}",
        megabytes(&run.anonymous_by_tenth)
    );
    println!(
        "peak anonymous memory {:.0} MB",
        run.anonymous_by_tenth.iter().max().copied().unwrap_or(0) as f64 / 1024.0
    );
    println!(
        "articles/s {:.0}",
        stored.unwrap_or(corpus.titles.len()) as f64 / seconds
    );
    println!("MB/s {:.1}", corpus.bytes as f64 / 1e6 / seconds.max(1e-9));
    match stored {
        Some(n) if n == corpus.titles.len() => {}
        Some(n) => println!(
            "note: {n} articles stored for {} generated",
            corpus.titles.len()
        ),
        None => println!("note: the ingest summary did not give an article count"),
    }
    Ok(())
}

/// A finished child process with its output and how much memory it held over time.
struct TracedRun {
    status: std::process::ExitStatus,
    stdout: String,
    stderr: String,
    seconds: f64,
    /// The highest resident set (kB) sampled in each tenth of the wall time.
    resident_by_tenth: Vec<u64>,
    /// The same for its anonymous part (`RssAnon`: allocated memory, no file pages).
    anonymous_by_tenth: Vec<u64>,
}

/// Runs `command` to completion with its output in files under `dir` (so a chatty child never
/// blocks on a full pipe), sampling its resident memory (`VmRSS`) four times a second.
fn run_traced(command: &mut Command, dir: &Path) -> Result<TracedRun> {
    let stdout_path = dir.join("ingest.stdout");
    let stderr_path = dir.join("ingest.stderr");
    let mut child = command
        .stdout(std::fs::File::create(&stdout_path)?)
        .stderr(std::fs::File::create(&stderr_path)?)
        .spawn()?;
    let started = Instant::now();
    let mut samples: Vec<(f64, Memory)> = Vec::new();
    let status = loop {
        if let Some(memory) = memory_of(child.id()) {
            samples.push((started.elapsed().as_secs_f64(), memory));
        }
        if let Some(status) = child.try_wait()? {
            break status;
        }
        std::thread::sleep(std::time::Duration::from_millis(250));
    };
    let seconds = started.elapsed().as_secs_f64();
    let mut resident_by_tenth = vec![0; 10];
    let mut anonymous_by_tenth = vec![0; 10];
    for (at, memory) in samples {
        let tenth = (((at / seconds.max(1e-9)) * 10.0) as usize).min(9);
        resident_by_tenth[tenth] = resident_by_tenth[tenth].max(memory.resident);
        anonymous_by_tenth[tenth] = anonymous_by_tenth[tenth].max(memory.anonymous);
    }
    Ok(TracedRun {
        status,
        stdout: std::fs::read_to_string(&stdout_path)?,
        stderr: String::from_utf8_lossy(&std::fs::read(&stderr_path)?).into_owned(),
        seconds,
        resident_by_tenth,
        anonymous_by_tenth,
    })
}

/// A live process's resident memory and its anonymous part, in kB.
#[derive(Debug, Clone, Copy)]
struct Memory {
    resident: u64,
    anonymous: u64,
}

/// Reads [`Memory`] from Linux's `/proc/PID/status` (`VmRSS`, `RssAnon`).
fn memory_of(pid: u32) -> Option<Memory> {
    let status = std::fs::read_to_string(format!("/proc/{pid}/status")).ok()?;
    let field = |name: &str| -> Option<u64> {
        let line = status.lines().find(|l| l.starts_with(name))?;
        line.split_whitespace().nth(1)?.parse().ok()
    };
    Some(Memory {
        resident: field("VmRSS:")?,
        anonymous: field("RssAnon:")?,
    })
}

/// New plus duplicate articles, read from the ingest summary line.
fn stored_articles(summary: &str) -> Option<usize> {
    let line = summary.lines().find(|l| l.starts_with("ingested "))?;
    let count_before = |marker: &str| -> Option<usize> {
        let end = line.find(marker)?;
        line[..end].rsplit(' ').next()?.parse().ok()
    };
    Some(count_before(" new articles")? + count_before(" duplicates")?)
}

pub(crate) fn sibling_binary(name: &str) -> Result<PathBuf> {
    let me = std::env::current_exe().context("cannot locate this program")?;
    let path = me.with_file_name(name);
    if !path.exists() {
        bail!(
            "{}: not found; build it first with `cargo build --release` or pass --chancery",
            path.display()
        );
    }
    Ok(path)
}

#[cfg(test)]
mod tests {
    use super::stored_articles;

    #[test]
    fn summary_counts_are_read() {
        let summary = "ingested 3 inputs (0.1 MB, 2 documents) in 0.01s: 12 new articles, 3 duplicates (5 articles/s) into x\nproblems: none\n";
        assert_eq!(stored_articles(summary), Some(15));
        assert_eq!(stored_articles("nothing here"), None);
    }
}
