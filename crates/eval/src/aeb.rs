//! The Scrapinghub article-extraction benchmark as stored in the data directory:
//! `extraction/scrapinghub-aeb/ground-truth.json` ({id: {articleBody, url}}) and
//! `html/<id>.html.gz`. Also the prediction-file format the reference scorer reads.

use std::collections::BTreeMap;
use std::io::Read;
use std::path::{Path, PathBuf};

use anyhow::{Context, Result};
use chancery_model::{DocFormat, DocMeta, Provenance, RawDoc};
use flate2::read::GzDecoder;
use serde_json::Value;

/// One page of the benchmark with its true article body.
#[derive(Debug, Clone)]
pub struct Page {
    /// The page id, the name of its file.
    pub id: String,
    /// The URL the page was saved from.
    pub url: Option<String>,
    /// The true article body.
    pub truth: String,
}

/// The benchmark's pages, sorted by id.
#[derive(Debug)]
pub struct Benchmark {
    /// The benchmark's directory.
    pub dir: PathBuf,
    /// The pages, sorted by id.
    pub pages: Vec<Page>,
}

impl Benchmark {
    /// Opens the benchmark under a data directory.
    pub fn open(data_dir: &Path) -> Result<Self> {
        let dir = data_dir.join("extraction").join("scrapinghub-aeb");
        let gt_path = dir.join("ground-truth.json");
        let data = read_json(&gt_path)?;
        let object = data
            .as_object()
            .with_context(|| format!("{}: not a JSON object", gt_path.display()))?;
        let mut pages: Vec<Page> = object
            .iter()
            .map(|(id, v)| Page {
                id: id.clone(),
                url: v.get("url").and_then(Value::as_str).map(str::to_string),
                truth: body_of(v),
            })
            .collect();
        pages.sort_by(|a, b| a.id.cmp(&b.id));
        Ok(Benchmark { dir, pages })
    }

    /// Path of a page's compressed HTML.
    pub fn page_path(&self, id: &str) -> PathBuf {
        self.dir.join("html").join(format!("{id}.html.gz"))
    }

    /// Reads a page as an HTML document.
    pub fn read_page(&self, page: &Page) -> Result<RawDoc> {
        let path = self.page_path(&page.id);
        let file = std::fs::File::open(&path)
            .with_context(|| format!("{}: cannot open", path.display()))?;
        let mut bytes = Vec::new();
        GzDecoder::new(file)
            .read_to_end(&mut bytes)
            .with_context(|| format!("{}: bad gzip", path.display()))?;
        // Every page of the benchmark is valid UTF-8, so lossy decoding changes nothing here.
        let text = String::from_utf8_lossy(&bytes).into_owned();
        let provenance = Provenance {
            path: path.display().to_string(),
            length: bytes.len() as u64,
            url: page.url.clone(),
            ..Provenance::default()
        };
        Ok(RawDoc::utf8(
            provenance,
            DocFormat::Html,
            text,
            DocMeta::default(),
        ))
    }

    /// The true bodies by page id.
    pub fn truth(&self) -> BTreeMap<String, String> {
        self.pages
            .iter()
            .map(|p| (p.id.clone(), p.truth.clone()))
            .collect()
    }
}

/// The `articleBody` of a record, empty when absent or null (the reference's `or ''`).
fn body_of(record: &Value) -> String {
    record
        .get("articleBody")
        .and_then(Value::as_str)
        .unwrap_or("")
        .to_string()
}

fn read_json(path: &Path) -> Result<Value> {
    let text = std::fs::read_to_string(path)
        .with_context(|| format!("{}: cannot read", path.display()))?;
    serde_json::from_str(&text).with_context(|| format!("{}: bad JSON", path.display()))
}

/// Reads a ground-truth file: {id: {"articleBody": ...}}.
pub fn load_truth(path: &Path) -> Result<BTreeMap<String, String>> {
    let data = read_json(path)?;
    let object = data
        .as_object()
        .with_context(|| format!("{}: not a JSON object", path.display()))?;
    Ok(object
        .iter()
        .map(|(k, v)| (k.clone(), body_of(v)))
        .collect())
}

/// Reads a prediction file, {id: {"articleBody": ...}} or {"version": v, "output": {...}}, with
/// its version.
pub fn load_pred(path: &Path) -> Result<(BTreeMap<String, String>, String)> {
    let mut data = read_json(path)?;
    let mut version = String::new();
    if let Some(object) = data.as_object() {
        if object.len() == 2 && object.contains_key("version") && object.contains_key("output") {
            version = match &object["version"] {
                Value::String(s) => s.clone(),
                Value::Null | Value::Bool(false) => String::new(),
                Value::Number(n) if n.as_f64() == Some(0.0) => String::new(),
                other => other.to_string(),
            };
            data = object["output"].clone();
        }
    }
    let object = data
        .as_object()
        .with_context(|| format!("{}: not a JSON object", path.display()))?;
    Ok((
        object
            .iter()
            .map(|(k, v)| (k.clone(), body_of(v)))
            .collect(),
        version,
    ))
}

/// Writes predictions in the format the reference scorer reads.
pub fn write_pred(path: &Path, pred: &BTreeMap<String, String>) -> Result<()> {
    let object: serde_json::Map<String, Value> = pred
        .iter()
        .map(|(k, v)| (k.clone(), serde_json::json!({ "articleBody": v })))
        .collect();
    let text = serde_json::to_string(&Value::Object(object))?;
    std::fs::write(path, text).with_context(|| format!("{}: cannot write", path.display()))
}
