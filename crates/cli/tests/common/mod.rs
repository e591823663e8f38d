//! Helpers shared by the end-to-end tests: running the `chancery` binary against a data directory
//! and reading back what it printed and stored.

#![allow(dead_code)]

use std::path::{Path, PathBuf};
use std::process::{Command, Output, Stdio};

use serde_json::Value;

/// The binary under test.
pub const BIN: &str = env!("CARGO_BIN_EXE_chancery");

/// A `chancery --data DATA` command, ready for its arguments.
pub fn chancery(data: &Path) -> Command {
    let mut command = Command::new(BIN);
    command
        .arg("--data")
        .arg(data)
        .stdin(Stdio::null())
        .env_remove("RUST_BACKTRACE")
        .env_remove("RUST_LOG")
        // Runs are annotated only when a test asks for the model with `--model`.
        .env_remove("CHANCERY_NER_MODEL");
    command
}

/// What one run printed, and how it ended.
#[derive(Debug)]
pub struct Run {
    /// The exit code; `None` when the process was killed by a signal.
    pub code: Option<i32>,
    pub stdout: String,
    pub stderr: String,
}

impl Run {
    pub fn from_output(output: Output) -> Run {
        Run {
            code: output.status.code(),
            stdout: String::from_utf8(output.stdout).expect("stdout is UTF-8"),
            stderr: String::from_utf8(output.stderr).expect("stderr is UTF-8"),
        }
    }

    /// Panics with the whole output unless the run exited with `code`.
    pub fn expect_code(&self, code: i32) -> &Run {
        assert_eq!(
            self.code,
            Some(code),
            "unexpected exit\n--- stdout\n{}\n--- stderr\n{}",
            self.stdout,
            self.stderr
        );
        self.expect_no_panic()
    }

    pub fn expect_no_panic(&self) -> &Run {
        assert!(
            !self.stderr.contains("panicked"),
            "the binary panicked:\n{}",
            self.stderr
        );
        self
    }

    /// The numbers of new articles and duplicates from the `ingest` summary line.
    pub fn ingest_summary(&self) -> (usize, usize) {
        let line = self
            .stdout
            .lines()
            .find(|line| line.starts_with("ingested "))
            .unwrap_or_else(|| panic!("no ingest summary in:\n{}", self.stdout));
        let number_before = |marker: &str| -> usize {
            let end = line
                .find(marker)
                .unwrap_or_else(|| panic!("no {marker:?} in {line:?}"));
            let start = line[..end].rfind(' ').map_or(0, |space| space + 1);
            line[start..end]
                .parse()
                .unwrap_or_else(|_| panic!("no count before {marker:?} in {line:?}"))
        };
        (number_before(" new articles"), number_before(" duplicates"))
    }
}

/// Runs `chancery --data DATA ARGS...` to completion.
pub fn run(data: &Path, args: &[&str]) -> Run {
    let output = chancery(data)
        .args(args)
        .output()
        .expect("the chancery binary runs");
    Run::from_output(output)
}

/// `chancery serve` on a free loopback port over `data`, and the base URL it printed
/// (`http://127.0.0.1:PORT/`). The caller kills the child.
pub fn serve(data: &Path) -> (std::process::Child, String) {
    use std::io::{BufRead, BufReader};
    let mut server = chancery(data)
        .args(["serve", "--addr", "127.0.0.1:0"])
        .stdout(Stdio::piped())
        .spawn()
        .expect("chancery serve starts");
    let mut line = String::new();
    BufReader::new(server.stdout.take().expect("the server's stdout"))
        .read_line(&mut line)
        .expect("the address line");
    let url = line
        .split_whitespace()
        .find(|w| w.starts_with("http://"))
        .unwrap_or_else(|| panic!("no address printed: {line:?}"))
        .to_string();
    (server, url)
}

/// Parses output holding one JSON object per line.
pub fn json_lines(text: &str) -> Vec<Value> {
    text.lines()
        .filter(|line| !line.trim().is_empty())
        .map(|line| serde_json::from_str(line).unwrap_or_else(|e| panic!("not JSON ({e}): {line}")))
        .collect()
}

/// `chancery articles --json` with extra flags, parsed.
pub fn articles(data: &Path, flags: &[&str]) -> Vec<Value> {
    let mut args = vec!["articles", "--json", "--limit", "100000"];
    args.extend_from_slice(flags);
    let run = run(data, &args);
    run.expect_code(0);
    json_lines(&run.stdout)
}

/// `chancery export --format jsonl` to standard output, parsed.
pub fn export(data: &Path) -> Vec<Value> {
    let run = run(data, &["export", "--format", "jsonl"]);
    run.expect_code(0);
    json_lines(&run.stdout)
}

/// The string field `name` of a JSON object (`None` when absent or null).
pub fn text<'a>(value: &'a Value, name: &str) -> Option<&'a str> {
    value.get(name).and_then(Value::as_str)
}

/// Titles of JSON articles, sorted.
pub fn titles(articles: &[Value]) -> Vec<String> {
    let mut titles: Vec<String> = articles
        .iter()
        .map(|a| text(a, "title").unwrap_or("(untitled)").to_string())
        .collect();
    titles.sort();
    titles
}

/// The repository's `examples/` directory: two real scraped dumps.
pub fn examples_dir() -> PathBuf {
    Path::new(env!("CARGO_MANIFEST_DIR")).join("../../examples")
}

/// The example dumps, sorted.
pub fn example_files() -> Vec<PathBuf> {
    let mut files: Vec<PathBuf> = std::fs::read_dir(examples_dir())
        .expect("examples/ is readable")
        .map(|entry| entry.expect("examples/ entry").path())
        .filter(|path| path.extension().is_some_and(|ext| ext == "txt"))
        .collect();
    files.sort();
    assert_eq!(files.len(), 2, "examples/ holds two dumps: {files:?}");
    files
}

/// The articles of the example dumps as their hand-made expected output lists them: `(file name,
/// title, published date)`, in file order. Read from the repository's copy of the seeds'
/// `expected.json` (identical to `../shared/seeds/expected.json`).
pub fn seed_articles() -> Vec<(String, String, Option<String>)> {
    let path =
        Path::new(env!("CARGO_MANIFEST_DIR")).join("../extract/tests/fixtures/seeds-expected.json");
    let expected: Value = serde_json::from_str(
        &std::fs::read_to_string(&path).expect("the seeds' expected output is readable"),
    )
    .expect("the seeds' expected output is JSON");
    let files = expected["files"]
        .as_object()
        .expect("expected.json has a files object");
    let mut articles = Vec::new();
    for (name, file) in files {
        for article in file["articles"].as_array().expect("a file has articles") {
            articles.push((
                name.clone(),
                text(article, "title")
                    .expect("a seed has a title")
                    .to_string(),
                text(article, "published").map(str::to_string),
            ));
        }
    }
    assert_eq!(articles.len(), 3, "the seeds hold three articles");
    articles
}

/// Copies the example dumps into `dir` (created if needed).
pub fn copy_examples(dir: &Path) {
    std::fs::create_dir_all(dir).expect("input directory is created");
    for file in example_files() {
        let name = file.file_name().expect("example has a name");
        std::fs::copy(&file, dir.join(name)).expect("example is copied");
    }
}

/// The NER model built by `crates/annotate/build-model.sh`; panics, saying how to build it, when
/// it is missing.
pub fn model_path() -> PathBuf {
    let path = Path::new(env!("CARGO_MANIFEST_DIR")).join("../annotate/model/ner.bin");
    assert!(
        path.is_file(),
        "no NER model at {}: build it with crates/annotate/build-model.sh",
        path.display()
    );
    path
}

/// A data directory holding the ingested seeds, without entities (no model needed); the
/// temporary directory holding it goes when the first value is dropped.
pub fn ingested_seeds() -> (tempfile::TempDir, PathBuf) {
    let dir = tempfile::tempdir().expect("a temporary directory");
    let data = dir.path().join("data");
    let seeds = examples_dir();
    let seeds = seeds.to_str().expect("a UTF-8 path");
    run(&data, &["ingest", "--quiet", "--no-entities", seeds]).expect_code(0);
    (dir, data)
}

/// A test path as the `&str` a command-line argument takes.
pub fn path_str(path: &Path) -> &str {
    path.to_str().expect("test paths are UTF-8")
}

/// Ingests the seeds copied under `dir` (tagged with `model` when given) into `dir/data`, exports
/// them with `--format FORMAT --out dir/FORMAT`, checks the export reported what it wrote, and
/// returns the data and output directories.
pub fn export_seeds(dir: &Path, model: Option<&Path>, format: &str) -> (PathBuf, PathBuf) {
    let inputs = dir.join("inputs");
    copy_examples(&inputs);
    let data = dir.join("data");
    let mut ingest = vec!["ingest", "--quiet"];
    if let Some(model) = model {
        ingest.extend(["--model", path_str(model)]);
    }
    ingest.push(path_str(&inputs));
    run(&data, &ingest).expect_code(0);
    let out = dir.join(format);
    let exported = run(
        &data,
        &["export", "--format", format, "--out", path_str(&out)],
    );
    exported.expect_code(0);
    assert!(exported.stdout.starts_with("wrote "), "{}", exported.stdout);
    (data, out)
}
