//! `chancery-eval trafilatura DATA_DIR`: the HTML extractor on trafilatura's own evaluation set
//! (`extraction/trafilatura-eval`: `evaldata.json` maps each URL to `{file, with[], without[],
//! title, author, date, ...}`; the pages are `html/<file>.gz`).
//!
//! Body text is scored as trafilatura scores it. For each page, every `with` segment found in the
//! output (as a substring) is a true positive, else a false negative; every `without` segment found
//! is a false positive, else a true negative; counts are summed over pages, and precision
//! `tp/(tp+fp)`, recall `tp/(tp+fn)`, F `2tp/(2tp+fp+fn)`. Two variants are printed:
//! - `strict`: raw substring matching, as `evaluate_result` in trafilatura's
//!   `tests/comparison_small.py`;
//! - `ws-normalised`: every run of whitespace in both output and segments folded to one space and
//!   the ends trimmed before matching, as `count_item` in trafilatura's current
//!   `tests/eval_common.py`. This is the figure on the `SCORE f` line.
//!
//! The output is the article's paragraphs joined by newlines; title and captions are left out, as
//! trafilatura's text output leaves them out.
//!
//! Metadata are scored by exact match where the set gives a non-empty value:
//! - title: whitespace collapsed, ends trimmed, case folded;
//! - author: each side becomes the sorted list of the words of its names (lowercase, punctuation
//!   dropped, "and"/"und"/"&" dropped), so "Holly, Jessica; Levy" and ["Jessica Holly", "Levy"]
//!   match but a missing or extra name does not; the set's lists and `;`-separated strings are both
//!   read;
//! - date: the year, month and day of the publication date. The set writes `2022-11-1` once, and
//!   twice puts the day before the month (`2022-29-11`): a "month" above 12 with a "day" of at
//!   most 12 is read as day and month swapped.
//!
//! The page URL (the set's key, when it is a URL) is given to the extractor, as a crawl would give
//! it, and the fetch date is taken to be now (so no future date is accepted), as htmldate assumes.
//! With `--htmldate PYTHON`, htmldate runs on the same pages and URLs in a Python subprocess
//! (`find_date` with its defaults, and with `original_date=True`) and its date accuracy is printed
//! beside ours; `--trafilatura PYTHON` does the same for trafilatura's body (`extract` with the
//! evaluation's settings) and metadata (`extract_metadata`).

use std::io::{BufRead, BufReader, Read, Write};
use std::path::{Path, PathBuf};
use std::process::{Command, Stdio};
use std::time::Instant;

use anyhow::{bail, Context, Result};
use chancery_extract::{html, ExtractConfig};
use chancery_model::{ArticleMeta, DocFormat, DocMeta, Provenance, RawDoc};
use flate2::read::GzDecoder;
use rayon::prelude::*;
use serde_json::Value;

/// Arguments of `trafilatura`.
#[derive(Debug, clap::Args)]
pub struct TrafArgs {
    /// The data directory (holding extraction/trafilatura-eval).
    pub data_dir: PathBuf,
    /// Python with htmldate installed: run htmldate on the same pages and compare dates.
    #[arg(long, value_name = "PYTHON")]
    pub htmldate: Option<PathBuf>,
    /// Python with trafilatura installed: score trafilatura on the same pages alongside.
    #[arg(long, value_name = "PYTHON")]
    pub trafilatura: Option<PathBuf>,
    /// Print one line per page with its counts and the segments it got wrong.
    #[arg(long)]
    pub verbose: bool,
    /// Write each page's output (and its visible text) here, for inspection.
    #[arg(long, value_name = "DIR")]
    pub dump_dir: Option<PathBuf>,
}

/// One page of the set with its annotations.
#[derive(Debug, Clone)]
struct Item {
    url: String,
    file: String,
    with: Vec<String>,
    without: Vec<String>,
    title: Option<String>,
    authors: Option<Vec<String>>,
    date: Option<String>,
}

/// Segment counts.
#[derive(Debug, Clone, Copy, Default)]
struct Counts {
    tp: usize,
    fp: usize,
    fn_: usize,
    tn: usize,
}

impl Counts {
    fn add(&mut self, other: Counts) {
        self.tp += other.tp;
        self.fp += other.fp;
        self.fn_ += other.fn_;
        self.tn += other.tn;
    }

    fn ratio(num: usize, den: usize) -> f64 {
        if den == 0 {
            0.0
        } else {
            num as f64 / den as f64
        }
    }

    fn precision(&self) -> f64 {
        Self::ratio(self.tp, self.tp + self.fp)
    }

    fn recall(&self) -> f64 {
        Self::ratio(self.tp, self.tp + self.fn_)
    }

    fn accuracy(&self) -> f64 {
        Self::ratio(self.tp + self.tn, self.tp + self.tn + self.fp + self.fn_)
    }

    fn f(&self) -> f64 {
        Self::ratio(2 * self.tp, 2 * self.tp + self.fp + self.fn_)
    }
}

/// What one tool made of one page.
#[derive(Debug, Default, Clone)]
struct Output {
    body: Option<String>,
    title: Option<String>,
    authors: Vec<String>,
    date: Option<String>,
    /// Where the date was read, for the dump files.
    date_source: Option<&'static str>,
}

/// Exact-match tallies of one metadata field.
#[derive(Debug, Default, Clone, Copy)]
struct Tally {
    right: usize,
    given: usize,
    /// Pages where the tool gave no value.
    missing: usize,
}

impl Tally {
    fn add(&mut self, gold: Option<String>, pred: Option<String>) {
        let Some(gold) = gold.filter(|g| !g.is_empty()) else {
            return;
        };
        self.given += 1;
        match pred.filter(|p| !p.is_empty()) {
            Some(p) if p == gold => self.right += 1,
            Some(_) => {}
            None => self.missing += 1,
        }
    }

    fn share(&self) -> f64 {
        Counts::ratio(self.right, self.given)
    }
}

/// Runs the command.
pub fn run(args: &TrafArgs) -> Result<()> {
    let dir = args.data_dir.join("extraction").join("trafilatura-eval");
    let items = load(&dir.join("evaldata.json"))?;
    let now = now_rfc3339();
    let docs: Vec<RawDoc> = items
        .iter()
        .map(|item| read_page(&dir, item, &now))
        .collect::<Result<_>>()?;
    let started = Instant::now();
    let ours: Vec<Output> = docs.par_iter().map(extract).collect();
    let elapsed = started.elapsed();

    if let Some(out) = &args.dump_dir {
        std::fs::create_dir_all(out)
            .with_context(|| format!("{}: cannot create", out.display()))?;
        for ((item, o), doc) in items.iter().zip(&ours).zip(&docs) {
            let visible = out.join(format!("{}.visible.txt", item.file));
            std::fs::write(&visible, html::visible_text(&doc.text))
                .with_context(|| format!("{}: cannot write", visible.display()))?;
            let path = out.join(format!("{}.txt", item.file));
            let text = format!(
                "title: {}\nauthors: {}\ndate: {}\ndate source: {}\n\n{}\n",
                o.title.as_deref().unwrap_or(""),
                o.authors.join("; "),
                o.date.as_deref().unwrap_or(""),
                o.date_source.unwrap_or(""),
                o.body.as_deref().unwrap_or("")
            );
            std::fs::write(&path, text)
                .with_context(|| format!("{}: cannot write", path.display()))?;
        }
    }

    let trafilatura = match &args.trafilatura {
        Some(python) => Some(run_python(python, TRAFILATURA_PROGRAM, &dir, &items)?),
        None => None,
    };
    let htmldate = match &args.htmldate {
        Some(python) => Some(run_python(python, HTMLDATE_PROGRAM, &dir, &items)?),
        None => None,
    };

    println!("pages {}", items.len());
    println!(
        "pages/s {:.1}",
        items.len() as f64 / elapsed.as_secs_f64().max(1e-9)
    );
    let (strict, normalised) = body_scores(&items, &ours, args.verbose);
    print_counts("chancery strict", &strict);
    print_counts("chancery ws-normalised", &normalised);
    if let Some(traf) = &trafilatura {
        let outputs: Vec<Output> = traf.iter().map(python_output).collect();
        let (strict, normalised) = body_scores(&items, &outputs, false);
        print_counts("trafilatura strict", &strict);
        print_counts("trafilatura ws-normalised", &normalised);
        print_meta("trafilatura", &items, &outputs);
    }
    print_meta("chancery", &items, &ours);
    if let Some(dates) = &htmldate {
        for key in ["date", "original"] {
            let outputs: Vec<Output> = dates
                .iter()
                .map(|v| Output {
                    date: v.get(key).and_then(Value::as_str).map(str::to_string),
                    ..Output::default()
                })
                .collect();
            let mut ours_tally = Tally::default();
            let mut theirs = Tally::default();
            for ((item, o), h) in items.iter().zip(&ours).zip(&outputs) {
                ours_tally.add(
                    norm_date(item.date.as_deref()),
                    norm_date(o.date.as_deref()),
                );
                theirs.add(
                    norm_date(item.date.as_deref()),
                    norm_date(h.date.as_deref()),
                );
            }
            let label = if key == "date" {
                "htmldate find_date"
            } else {
                "htmldate find_date(original_date=True)"
            };
            println!(
                "date accuracy: chancery {:.4} ({}/{})  {label} {:.4} ({}/{})",
                ours_tally.share(),
                ours_tally.right,
                ours_tally.given,
                theirs.share(),
                theirs.right,
                theirs.given
            );
        }
    }
    println!("SCORE f {:.4}", normalised.f());
    Ok(())
}

/// Scores the body of every page, strictly and with whitespace normalised.
fn body_scores(items: &[Item], outputs: &[Output], verbose: bool) -> (Counts, Counts) {
    let mut strict = Counts::default();
    let mut normalised = Counts::default();
    for (item, output) in items.iter().zip(outputs) {
        let s = count(item, output.body.as_deref(), |t| t.to_string());
        let n = count(item, output.body.as_deref(), norm_ws);
        strict.add(s);
        normalised.add(n);
        if verbose && (n.fp > 0 || n.fn_ > 0) {
            println!(
                "{}  tp {} fn {} fp {} tn {}",
                item.file, n.tp, n.fn_, n.fp, n.tn
            );
            let body = output.body.as_deref().map(norm_ws).unwrap_or_default();
            for w in &item.with {
                if !body.contains(&norm_ws(w)) {
                    println!("  missed: {}", clip(w));
                }
            }
            for w in &item.without {
                if body.contains(&norm_ws(w)) {
                    println!("  kept:   {}", clip(w));
                }
            }
        }
    }
    (strict, normalised)
}

/// The counts of one page: `evaluate_result` of trafilatura's evaluation, with `prepare` applied
/// to the output and to every segment. No output at all counts every segment as missing.
fn count(item: &Item, body: Option<&str>, prepare: impl Fn(&str) -> String) -> Counts {
    let Some(body) = body else {
        return Counts {
            fn_: item.with.len(),
            tn: item.without.len(),
            ..Counts::default()
        };
    };
    let body = prepare(body);
    let tp = item
        .with
        .iter()
        .filter(|w| body.contains(&prepare(w)))
        .count();
    let fp = item
        .without
        .iter()
        .filter(|w| body.contains(&prepare(w)))
        .count();
    Counts {
        tp,
        fp,
        fn_: item.with.len() - tp,
        tn: item.without.len() - fp,
    }
}

fn print_counts(label: &str, c: &Counts) {
    println!(
        "{label}: tp {} fp {} fn {} tn {}  precision {:.4} recall {:.4} accuracy {:.4} f {:.4}",
        c.tp,
        c.fp,
        c.fn_,
        c.tn,
        c.precision(),
        c.recall(),
        c.accuracy(),
        c.f()
    );
}

fn print_meta(label: &str, items: &[Item], outputs: &[Output]) {
    let (mut title, mut author, mut date) = (Tally::default(), Tally::default(), Tally::default());
    for (item, o) in items.iter().zip(outputs) {
        title.add(
            item.title.as_deref().map(norm_title),
            o.title.as_deref().map(norm_title),
        );
        author.add(
            item.authors.as_deref().map(norm_authors),
            Some(norm_authors(&o.authors)),
        );
        date.add(
            norm_date(item.date.as_deref()),
            norm_date(o.date.as_deref()),
        );
    }
    for (field, t) in [("title", title), ("author", author), ("date", date)] {
        println!(
            "{label} {field} accuracy {:.4} ({}/{}, {} without a value)",
            t.share(),
            t.right,
            t.given,
            t.missing
        );
    }
}

/// Whitespace runs folded to one space, ends trimmed: `norm` in trafilatura's evaluation.
fn norm_ws(text: &str) -> String {
    text.split_whitespace().collect::<Vec<_>>().join(" ")
}

fn norm_title(title: &str) -> String {
    norm_ws(title).to_lowercase()
}

/// Connectors between names, dropped when comparing author lists.
const NAME_CONNECTORS: &[&str] = &["and", "und", "et", "y", "e", "&"];

/// The sorted words of a list of names: lowercase, punctuation dropped, connectors dropped.
fn norm_authors(names: &[String]) -> String {
    let mut words: Vec<String> = names
        .iter()
        .flat_map(|n| n.split(';'))
        .flat_map(|n| {
            n.chars()
                .map(|c| if c.is_alphanumeric() { c } else { ' ' })
                .collect::<String>()
                .to_lowercase()
                .split_whitespace()
                .map(str::to_string)
                .collect::<Vec<_>>()
        })
        .filter(|w| !NAME_CONNECTORS.contains(&w.as_str()))
        .collect();
    words.sort();
    words.join(" ")
}

/// `YYYY-MM-DD` of a date written `YYYY-M-D` or longer (a time after the day is ignored).
fn norm_date(date: Option<&str>) -> Option<String> {
    let date = date?.trim();
    let head = date.get(..date.find('T').unwrap_or(date.len()))?;
    let mut parts = head.splitn(3, '-').map(|p| p.trim().parse::<u32>().ok());
    let (Some(Some(y)), Some(Some(m)), Some(Some(d))) = (parts.next(), parts.next(), parts.next())
    else {
        return None;
    };
    let (m, d) = if m > 12 && d <= 12 { (d, m) } else { (m, d) };
    Some(format!("{y:04}-{m:02}-{d:02}"))
}

fn clip(text: &str) -> String {
    let mut out: String = text.chars().take(100).collect();
    if out.len() < text.len() {
        out.push('…');
    }
    out
}

/// Reads `evaldata.json`, sorted by URL.
fn load(path: &Path) -> Result<Vec<Item>> {
    let text = std::fs::read_to_string(path)
        .with_context(|| format!("{}: cannot read", path.display()))?;
    let data: Value =
        serde_json::from_str(&text).with_context(|| format!("{}: bad JSON", path.display()))?;
    let Some(object) = data.as_object() else {
        bail!("{}: not a JSON object", path.display());
    };
    let strings = |v: Option<&Value>| -> Vec<String> {
        v.and_then(Value::as_array)
            .map(|a| {
                a.iter()
                    .filter_map(Value::as_str)
                    .map(str::to_string)
                    .collect()
            })
            .unwrap_or_default()
    };
    let mut items: Vec<Item> = object
        .iter()
        .filter_map(|(url, v)| {
            let file = v.get("file").and_then(Value::as_str)?.to_string();
            let authors = match v.get("author") {
                Some(Value::String(s)) => Some(vec![s.clone()]),
                Some(Value::Array(_)) => Some(strings(v.get("author"))),
                _ => None,
            };
            Some(Item {
                url: url.clone(),
                file,
                with: strings(v.get("with")),
                without: strings(v.get("without")),
                title: v.get("title").and_then(Value::as_str).map(str::to_string),
                authors: authors.filter(|a| a.iter().any(|n| !n.trim().is_empty())),
                date: v.get("date").and_then(Value::as_str).map(str::to_string),
            })
        })
        .collect();
    items.sort_by(|a, b| a.url.cmp(&b.url));
    Ok(items)
}

/// The page file: `html/<file>.gz`, else `html/<file>`.
fn page_path(dir: &Path, item: &Item) -> PathBuf {
    let gz = dir.join("html").join(format!("{}.gz", item.file));
    if gz.exists() {
        gz
    } else {
        dir.join("html").join(&item.file)
    }
}

/// The page URL, when the set's key is one.
fn page_url(item: &Item) -> Option<String> {
    (item.url.starts_with("http://") || item.url.starts_with("https://")).then(|| item.url.clone())
}

fn read_page(dir: &Path, item: &Item, now: &str) -> Result<RawDoc> {
    let path = page_path(dir, item);
    let raw = std::fs::read(&path).with_context(|| format!("{}: cannot read", path.display()))?;
    let bytes = if path.extension().is_some_and(|e| e == "gz") {
        let mut out = Vec::new();
        GzDecoder::new(raw.as_slice())
            .read_to_end(&mut out)
            .with_context(|| format!("{}: bad gzip", path.display()))?;
        out
    } else {
        raw
    };
    let decoded = chancery_ingest::decode(&bytes, None, true);
    let provenance = Provenance {
        path: path.display().to_string(),
        length: bytes.len() as u64,
        url: page_url(item),
        // Typed by the field: a UTC date-time read from RFC 3339.
        fetched_at: serde_json::from_value(Value::String(now.to_string())).ok(),
        ..Provenance::default()
    };
    Ok(RawDoc {
        provenance,
        format: DocFormat::Html,
        text: decoded.text,
        encoding: decoded.encoding,
        offsets: decoded.offsets,
        meta: DocMeta::default(),
    })
}

fn extract(doc: &RawDoc) -> Output {
    let (extraction, meta): (_, ArticleMeta) =
        html::extract_page_with_meta(doc, &ExtractConfig::default());
    let article = extraction.articles.first();
    let body = article.map(|a| {
        a.paragraphs
            .iter()
            .map(|p| p.text.as_str())
            .collect::<Vec<_>>()
            .join("\n")
    });
    Output {
        body,
        title: article.and_then(|a| a.title_text()).map(str::to_string),
        authors: meta.authors.clone(),
        date: meta
            .published
            .map(|p| p.date.to_string())
            .or_else(|| article.and_then(|a| a.published).map(|d| d.to_string())),
        date_source: meta.published_source.map(|s| s.as_str()),
    }
}

/// The current time as RFC 3339, from the system clock (the eval has no date library).
fn now_rfc3339() -> String {
    let secs = std::time::SystemTime::now()
        .duration_since(std::time::UNIX_EPOCH)
        .map_or(0, |d| d.as_secs());
    let days = i64::try_from(secs / 86_400).unwrap_or(0);
    let rest = secs % 86_400;
    // Civil date from days since 1970-01-01 (H. Hinnant's algorithm).
    let z = days + 719_468;
    let era = z.div_euclid(146_097);
    let doe = z.rem_euclid(146_097);
    let yoe = (doe - doe / 1460 + doe / 36_524 - doe / 146_096) / 365;
    let doy = doe - (365 * yoe + yoe / 4 - yoe / 100);
    let mp = (5 * doy + 2) / 153;
    let day = doy - (153 * mp + 2) / 5 + 1;
    let month = if mp < 10 { mp + 3 } else { mp - 9 };
    let year = yoe + era * 400 + i64::from(month <= 2);
    format!(
        "{year:04}-{month:02}-{day:02}T{:02}:{:02}:{:02}Z",
        rest / 3600,
        rest % 3600 / 60,
        rest % 60
    )
}

/// Reads jobs (`{"path", "url"}` lines) on standard input and prints one JSON line per job:
/// htmldate's date with its defaults and with `original_date=True`.
const HTMLDATE_PROGRAM: &str = r#"
import gzip, json, logging, sys, warnings
logging.disable(logging.CRITICAL)
warnings.filterwarnings("ignore")
from htmldate import find_date
for line in sys.stdin:
    job = json.loads(line)
    out = {}
    try:
        with open(job["path"], "rb") as f:
            data = f.read()
        if job["path"].endswith(".gz"):
            data = gzip.decompress(data)
        out["date"] = find_date(data, url=job.get("url"))
        out["original"] = find_date(data, url=job.get("url"), original_date=True)
    except Exception as err:
        out["error"] = repr(err)
    print(json.dumps(out), flush=True)
"#;

/// Same protocol: trafilatura's text with the evaluation's settings, and its metadata.
const TRAFILATURA_PROGRAM: &str = r#"
import gzip, json, logging, sys, warnings
logging.disable(logging.CRITICAL)
warnings.filterwarnings("ignore")
from trafilatura import extract, extract_metadata
for line in sys.stdin:
    job = json.loads(line)
    out = {}
    try:
        with open(job["path"], "rb") as f:
            data = f.read()
        if job["path"].endswith(".gz"):
            data = gzip.decompress(data)
        out["body"] = extract(data, include_comments=False, include_tables=True, include_formatting=False)
        meta = extract_metadata(data, default_url=job.get("url"))
        if meta is not None:
            out["title"] = meta.title
            out["author"] = meta.author
            out["date"] = meta.date
    except Exception as err:
        out["error"] = repr(err)
    print(json.dumps(out), flush=True)
"#;

/// Runs a Python program over every page; one JSON object per page, in order.
fn run_python(python: &Path, program: &str, dir: &Path, items: &[Item]) -> Result<Vec<Value>> {
    let mut child = Command::new(python)
        .arg("-c")
        .arg(program)
        .stdin(Stdio::piped())
        .stdout(Stdio::piped())
        .stderr(Stdio::inherit())
        .spawn()
        .with_context(|| format!("{}: cannot run", python.display()))?;
    let jobs: String = items
        .iter()
        .map(|item| {
            let job = serde_json::json!({
                "path": page_path(dir, item).display().to_string(),
                "url": page_url(item),
            });
            format!("{job}\n")
        })
        .collect();
    let mut stdin = child.stdin.take().context("no stdin for python")?;
    // Written from another thread, so a full output pipe cannot block both sides.
    let writer = std::thread::spawn(move || stdin.write_all(jobs.as_bytes()));
    let stdout = child.stdout.take().context("no stdout for python")?;
    let mut results = Vec::with_capacity(items.len());
    for line in BufReader::new(stdout).lines() {
        let line = line.context("reading python output")?;
        results.push(serde_json::from_str(&line).unwrap_or(Value::Null));
    }
    let status = child.wait().context("waiting for python")?;
    match writer.join() {
        Ok(written) => written.context("writing jobs to python")?,
        Err(_) => bail!("writing jobs to python failed"),
    }
    if !status.success() || results.len() != items.len() {
        bail!(
            "{} {status}: {} results for {} pages",
            python.display(),
            results.len(),
            items.len()
        );
    }
    Ok(results)
}

/// A Python result as an output: author strings split on `;` as trafilatura joins them.
fn python_output(v: &Value) -> Output {
    let text = |key: &str| v.get(key).and_then(Value::as_str).map(str::to_string);
    Output {
        body: text("body"),
        title: text("title"),
        authors: text("author")
            .map(|a| a.split(';').map(|s| s.trim().to_string()).collect())
            .unwrap_or_default(),
        date: text("date"),
        date_source: None,
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    fn item() -> Item {
        Item {
            url: "https://x.example/a".into(),
            file: "a.html".into(),
            with: vec!["alpha  beta".into(), "gamma".into()],
            without: vec!["Share this".into()],
            title: None,
            authors: None,
            date: None,
        }
    }

    #[test]
    fn counts_follow_trafilatura() {
        let i = item();
        let c = count(&i, Some("alpha beta\nShare this"), |t| t.to_string());
        assert_eq!((c.tp, c.fn_, c.fp, c.tn), (0, 2, 1, 0));
        let c = count(&i, Some("alpha\nbeta gamma"), norm_ws);
        assert_eq!((c.tp, c.fn_, c.fp, c.tn), (2, 0, 0, 1));
        let c = count(&i, None, norm_ws);
        assert_eq!((c.tp, c.fn_, c.fp, c.tn), (0, 2, 0, 1));
        assert!((c.precision() - 0.0).abs() < 1e-12);
    }

    #[test]
    fn normalisations() {
        assert_eq!(norm_date(Some("2022-11-1")).as_deref(), Some("2022-11-01"));
        assert_eq!(
            norm_date(Some("2022-11-01T10:00:00+01:00")).as_deref(),
            Some("2022-11-01")
        );
        assert_eq!(norm_date(Some("yesterday")), None);
        assert_eq!(norm_date(Some("2022-29-11")).as_deref(), Some("2022-11-29"));
        assert_eq!(
            norm_authors(&["Holly, Jessica; Gail Levy".into()]),
            norm_authors(&["Jessica Holly".into(), "Gail Levy".into()])
        );
        assert_eq!(
            norm_authors(&["A. Smith and B. Jones".into()]),
            norm_authors(&["B. Jones".into(), "A. Smith".into()])
        );
        assert_eq!(norm_title("  A \n Title "), "a title");
        assert!(now_rfc3339().starts_with("20"));
    }
}
