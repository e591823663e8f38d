//! `bench-load`: the real `chancery serve` under load. Fills a data directory with generated
//! articles through the store and the index (as an ingest leaves them), starts the `chancery`
//! binary on a loopback port, and drives `/api/search` with wrk: two-word queries with a source
//! filter, drawn from the generated prose. Prints requests per second, latency percentiles and the
//! count of failed or non-2xx responses.

use std::io::{BufRead, BufReader, Write};
use std::path::{Path, PathBuf};
use std::process::{Child, Command, Stdio};
use std::time::Instant;

use anyhow::{bail, Context, Result};
use chancery_search::ArticleIndex;
use chancery_store::Store;
use clap::Args;

use crate::bench_search::{generated, source, vocabulary, SOURCES};

/// Articles stored per transaction while filling the store.
const STORE_BATCH: usize = 10_000;

/// Distinct request paths wrk cycles through.
const PATHS: usize = 1_000;

#[derive(Debug, Args)]
pub struct LoadArgs {
    /// Articles to generate when the data directory holds none.
    #[arg(long, default_value_t = 200_000)]
    articles: usize,
    /// Data directory to serve (default: a temporary one, removed afterwards). One that already
    /// holds articles is served as it is, so a large directory is built once.
    #[arg(long, value_name = "DIR")]
    data: Option<PathBuf>,
    /// How long wrk drives the server.
    #[arg(long, default_value_t = 10)]
    seconds: u32,
    /// Open connections.
    #[arg(long, default_value_t = 32)]
    connections: u32,
    /// wrk threads.
    #[arg(long, default_value_t = 2)]
    threads: u32,
    /// The `chancery` binary to serve with (default: the one beside this program).
    #[arg(long, value_name = "FILE")]
    chancery: Option<PathBuf>,
    /// The wrk binary.
    #[arg(long, default_value = "wrk", value_name = "FILE")]
    wrk: PathBuf,
}

pub fn run(args: &LoadArgs) -> Result<()> {
    let chancery = match &args.chancery {
        Some(path) => path.clone(),
        None => crate::bench::sibling_binary("chancery")?,
    };
    let temp = tempfile::tempdir()?;
    let data = args
        .data
        .clone()
        .unwrap_or_else(|| temp.path().join("data"));
    fill(&data, args.articles)?;
    let script = temp.path().join("queries.lua");
    write_script(&script)?;
    let mut server = Server::start(&chancery, &data)?;
    let output = Command::new(&args.wrk)
        .arg(format!("-t{}", args.threads))
        .arg(format!("-c{}", args.connections))
        .arg(format!("-d{}s", args.seconds))
        .arg("--latency")
        .arg("-s")
        .arg(&script)
        .arg(&server.url)
        .output()
        .with_context(|| format!("cannot run {}", args.wrk.display()))?;
    server.stop();
    let report = String::from_utf8_lossy(&output.stdout);
    if !output.status.success() {
        bail!(
            "wrk failed: {}{}",
            report,
            String::from_utf8_lossy(&output.stderr)
        );
    }
    print!("{report}");
    let figures = Figures::read(&report).context("wrk printed no requests/sec line")?;
    println!(
        "{} articles served by {}; {} connections for {} s, two-word queries with a source filter: {:.0} requests/s, p50 {}, p99 {}, {} errors or non-2xx",
        server.articles,
        chancery.display(),
        args.connections,
        args.seconds,
        figures.requests_per_second,
        figures.p50,
        figures.p99,
        figures.errors
    );
    println!(
        "SCORE requests_per_second {:.0}",
        figures.requests_per_second
    );
    Ok(())
}

/// Stores and indexes `articles` generated articles in `data`, unless it holds articles already.
fn fill(data: &Path, articles: usize) -> Result<()> {
    let mut store = Store::open(data).with_context(|| format!("cannot open {}", data.display()))?;
    if store.last_seq()? > 0 {
        return Ok(());
    }
    let started = Instant::now();
    let mut batch = Vec::with_capacity(STORE_BATCH);
    for n in 0..articles {
        batch.push(generated(n));
        if batch.len() == STORE_BATCH {
            store.insert_batch(&batch)?;
            batch.clear();
        }
    }
    store.insert_batch(&batch)?;
    let stored = started.elapsed().as_secs_f64();
    let index = ArticleIndex::open(data)?;
    let threads = std::thread::available_parallelism().map_or(1, usize::from);
    let mut updater = index.updater(threads)?;
    let outcome = updater.sync(&store)?;
    updater.finish()?;
    println!(
        "stored {articles} generated articles in {stored:.1}s and indexed {} in {:.1}s into {}",
        outcome.indexed,
        started.elapsed().as_secs_f64() - stored,
        data.display()
    );
    Ok(())
}

/// A wrk script cycling through search paths: two words of the generated prose and a source.
fn write_script(path: &Path) -> Result<()> {
    let words = vocabulary();
    let mut rng = 0x9e37_79b9_7f4a_7c15_u64;
    let mut next = move |below: usize| {
        rng ^= rng << 13;
        rng ^= rng >> 7;
        rng ^= rng << 17;
        (rng % below as u64) as usize
    };
    let mut script = String::from("local paths = {\n");
    for _ in 0..PATHS {
        let (a, b) = (&words[next(words.len())], &words[next(words.len())]);
        script.push_str(&format!(
            "  \"/api/search?q={a}+{b}&source={}\",\n",
            source(next(SOURCES))
        ));
    }
    script.push_str(
        "}\nlocal i = 0\nrequest = function()\n  i = i % #paths + 1\n  return wrk.format(\"GET\", paths[i])\nend\n",
    );
    let mut file = std::fs::File::create(path)?;
    file.write_all(script.as_bytes())?;
    Ok(())
}

/// `chancery serve` on a free loopback port.
struct Server {
    child: Child,
    /// The base URL it printed, without the trailing slash.
    url: String,
    articles: u64,
}

impl Server {
    fn start(chancery: &Path, data: &Path) -> Result<Server> {
        let articles = ArticleIndex::open(data)?.len();
        let mut child = Command::new(chancery)
            .arg("--data")
            .arg(data)
            .args(["serve", "--addr", "127.0.0.1:0"])
            .stdin(Stdio::null())
            .stdout(Stdio::piped())
            .spawn()
            .with_context(|| format!("cannot start {}", chancery.display()))?;
        let mut line = String::new();
        if let Some(stdout) = child.stdout.take() {
            BufReader::new(stdout).read_line(&mut line)?;
        }
        let Some(url) = line.split_whitespace().find(|w| w.starts_with("http://")) else {
            let _ = child.kill();
            bail!("chancery serve printed no address: {line:?}");
        };
        Ok(Server {
            url: url.trim_end_matches('/').to_string(),
            child,
            articles,
        })
    }

    fn stop(&mut self) {
        let _ = self.child.kill();
        let _ = self.child.wait();
    }
}

impl Drop for Server {
    fn drop(&mut self) {
        self.stop();
    }
}

/// What wrk reported.
#[derive(Debug, PartialEq)]
struct Figures {
    requests_per_second: f64,
    /// Latency percentiles as wrk prints them ("1.23ms").
    p50: String,
    p99: String,
    /// Socket errors (connect, read, write, timeout) plus non-2xx responses.
    errors: u64,
}

impl Figures {
    fn read(report: &str) -> Option<Figures> {
        let mut figures = Figures {
            requests_per_second: 0.0,
            p50: "?".to_string(),
            p99: "?".to_string(),
            errors: 0,
        };
        let mut seen = false;
        for line in report.lines() {
            let words: Vec<&str> = line.split_whitespace().collect();
            let number = |w: &str| w.trim_end_matches(',').parse::<u64>().unwrap_or(0);
            match words.as_slice() {
                ["Requests/sec:", rate, ..] => {
                    figures.requests_per_second = rate.parse().ok()?;
                    seen = true;
                }
                ["50%", latency] => figures.p50 = (*latency).to_string(),
                ["99%", latency] => figures.p99 = (*latency).to_string(),
                ["Socket", "errors:", rest @ ..] => {
                    figures.errors += rest.iter().map(|w| number(w)).sum::<u64>();
                }
                ["Non-2xx", "or", "3xx", "responses:", count] => figures.errors += number(count),
                _ => {}
            }
        }
        seen.then_some(figures)
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn wrk_reports_are_read() {
        let report = "  Latency Distribution\n     50%    1.20ms\n     99%    9.80ms\n\
  20000 requests in 10.00s, 5.00MB read\n  Socket errors: connect 0, read 2, write 0, timeout 1\n\
  Non-2xx or 3xx responses: 4\nRequests/sec:   2000.50\nTransfer/sec:    512.00KB\n";
        assert_eq!(
            Figures::read(report),
            Some(Figures {
                requests_per_second: 2000.5,
                p50: "1.20ms".to_string(),
                p99: "9.80ms".to_string(),
                errors: 7,
            })
        );
        assert_eq!(Figures::read("nothing"), None);
    }
}
