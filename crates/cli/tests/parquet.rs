//! `export --format parquet`: the five tables have exactly the columns `docs/parquet.md` lists,
//! read back both by the parquet crate and by Python's pyarrow, with as many rows as the store
//! holds articles, entities, quotes, events and stories; with the NER model, the seeds' Blinken
//! articles, Tokayev's quote and the United States–Kazakhstan meeting come through pyarrow intact.

#![cfg(feature = "parquet")]

mod common;

use std::collections::BTreeMap;
use std::fs::File;
use std::path::{Path, PathBuf};
use std::process::Command;

use arrow_schema::{DataType, TimeUnit};
use parquet::arrow::arrow_reader::ParquetRecordBatchReaderBuilder;
use serde_json::Value;

use common::{export, export_seeds, model_path, path_str, run, text};

const TABLES: [&str; 5] = ["articles", "entities", "quotes", "events", "stories"];

/// A column as the docs list it: name, type as pyarrow prints it, whether it may be null.
type ColumnSpec = (String, String, bool);

fn repo_root() -> PathBuf {
    Path::new(env!("CARGO_MANIFEST_DIR")).join("../..")
}

/// The columns of every table, read from the tables of `docs/parquet.md`.
fn documented_columns() -> BTreeMap<String, Vec<ColumnSpec>> {
    let docs = std::fs::read_to_string(repo_root().join("docs/parquet.md"))
        .expect("docs/parquet.md is readable");
    let mut tables: BTreeMap<String, Vec<ColumnSpec>> = BTreeMap::new();
    let mut current = None;
    for line in docs.lines() {
        if let Some(heading) = line.strip_prefix("## ") {
            current = heading.strip_suffix(".parquet").map(String::from);
            continue;
        }
        let Some(table) = &current else { continue };
        let cells: Vec<&str> = line
            .split(" | ")
            .map(|c| c.trim_matches(['|', ' ']))
            .collect();
        if let [name, kind, null, _] = cells.as_slice() {
            if let (Some(name), Some(kind)) = (unquote(name), unquote(kind)) {
                let nullable = match *null {
                    "yes" => true,
                    "no" => false,
                    other => panic!("null is yes or no, not {other:?}: {line}"),
                };
                tables
                    .entry(table.clone())
                    .or_default()
                    .push((name, kind, nullable));
            }
        }
    }
    assert_eq!(
        tables.keys().collect::<Vec<_>>(),
        ["articles", "entities", "events", "quotes", "stories"],
        "docs/parquet.md documents the five tables"
    );
    tables
}

fn unquote(cell: &str) -> Option<String> {
    cell.strip_prefix('`')?.strip_suffix('`').map(String::from)
}

/// An Arrow type as pyarrow prints it, without list items' names and not-null markers.
fn type_name(data_type: &DataType) -> String {
    match data_type {
        DataType::Utf8 => "string".into(),
        DataType::Int64 => "int64".into(),
        DataType::Float64 => "double".into(),
        DataType::Date32 => "date32".into(),
        DataType::Timestamp(TimeUnit::Microsecond, Some(zone)) => {
            format!("timestamp[us, tz={zone}]")
        }
        DataType::List(item) => format!("list<{}>", type_name(item.data_type())),
        DataType::Struct(fields) => {
            let fields: Vec<String> = fields
                .iter()
                .map(|f| format!("{}: {}", f.name(), type_name(f.data_type())))
                .collect();
            format!("struct<{}>", fields.join(", "))
        }
        other => panic!("a type the docs do not use: {other:?}"),
    }
}

/// A table read back with the parquet crate: its columns and its number of rows.
fn read_with_parquet_crate(path: &Path) -> (Vec<ColumnSpec>, usize) {
    let file = File::open(path).unwrap_or_else(|e| panic!("cannot open {}: {e}", path.display()));
    let builder = ParquetRecordBatchReaderBuilder::try_new(file).expect("a Parquet file");
    let columns = builder
        .schema()
        .fields()
        .iter()
        .map(|f| (f.name().clone(), type_name(f.data_type()), f.is_nullable()))
        .collect();
    let mut rows = 0;
    for batch in builder.build().expect("a batch reader") {
        rows += batch.expect("a record batch").num_rows();
    }
    (columns, rows)
}

/// Loads every table with pyarrow (installed into a venv by `scripts/pyarrow-venv.sh` when
/// missing): per table its columns as pyarrow types them, its row count and its rows.
fn read_with_pyarrow(dir: &Path) -> Value {
    let venv = Command::new("bash")
        .arg(repo_root().join("scripts/pyarrow-venv.sh"))
        .output()
        .expect("scripts/pyarrow-venv.sh runs");
    assert!(
        venv.status.success(),
        "pyarrow-venv.sh failed: {}",
        String::from_utf8_lossy(&venv.stderr)
    );
    let python = String::from_utf8(venv.stdout).expect("a UTF-8 path");
    let script = r#"
import json, sys
import pyarrow.parquet as pq

def name(t):
    return str(t).replace(" not null", "").replace("item: ", "").replace("[day]", "")

out = {}
for table_name in sys.argv[2:]:
    table = pq.read_table(f"{sys.argv[1]}/{table_name}.parquet")
    out[table_name] = {
        "columns": [[f.name, name(f.type), f.nullable] for f in table.schema],
        "rows": table.num_rows,
        "data": table.to_pylist(),
    }
print(json.dumps(out, default=str))
"#;
    let read = Command::new(python.trim())
        .arg("-c")
        .arg(script)
        .arg(dir)
        .args(TABLES)
        .output()
        .expect("python runs");
    assert!(
        read.status.success(),
        "pyarrow could not read the tables: {}",
        String::from_utf8_lossy(&read.stderr)
    );
    serde_json::from_slice(&read.stdout).expect("the snippet prints JSON")
}

/// Rows each table should have: articles and their entities, quotes and events as the JSON
/// export lists them, and the store's stories.
fn store_counts(data: &Path) -> BTreeMap<&'static str, usize> {
    let articles = export(data);
    let sum = |field: &str| -> usize {
        articles
            .iter()
            .map(|a| a[field].as_array().map_or(0, Vec::len))
            .sum()
    };
    let stories = chancery_store::Store::open(data)
        .expect("the store opens")
        .stories(usize::MAX)
        .expect("stories")
        .len();
    BTreeMap::from([
        ("articles", articles.len()),
        ("entities", sum("entities")),
        ("quotes", sum("quotes")),
        ("events", sum("events")),
        ("stories", stories),
    ])
}

/// Every table read by the parquet crate has the documented columns and the store's row count.
fn check_with_parquet_crate(data: &Path, out: &Path) -> BTreeMap<&'static str, usize> {
    let documented = documented_columns();
    let counts = store_counts(data);
    for table in TABLES {
        let (columns, rows) = read_with_parquet_crate(&out.join(format!("{table}.parquet")));
        assert_eq!(columns, documented[table], "columns of {table}.parquet");
        assert_eq!(rows, counts[table], "rows of {table}.parquet");
    }
    assert!(
        std::fs::read_dir(out)
            .expect("the output directory")
            .all(|e| !e
                .expect("entry")
                .path()
                .to_string_lossy()
                .ends_with(".partial")),
        "no partial table is left behind"
    );
    counts
}

#[test]
fn parquet_export_needs_an_output_directory() {
    let dir = tempfile::tempdir().expect("temporary directory");
    let exported = run(dir.path(), &["export", "--format", "parquet"]);
    exported.expect_code(2);
    assert!(exported.stderr.contains("--out"), "{}", exported.stderr);
}

#[test]
fn without_the_model_the_tables_hold_the_articles_and_stories_only() {
    let dir = tempfile::tempdir().expect("temporary directory");
    let (data, out) = export_seeds(dir.path(), None, "parquet");
    let counts = check_with_parquet_crate(&data, &out);
    assert_eq!(counts["articles"], 3, "{counts:?}");
    assert!(counts["stories"] >= 1, "{counts:?}");
    assert_eq!(counts["entities"] + counts["quotes"] + counts["events"], 0);
}

#[test]
fn a_filtered_export_keeps_the_stories_of_its_articles() {
    let dir = tempfile::tempdir().expect("temporary directory");
    let (data, _) = export_seeds(dir.path(), None, "parquet");
    let out = dir.path().join("none");
    let exported = run(
        &data,
        &[
            "export",
            "--format",
            "parquet",
            "--out",
            path_str(&out),
            "--since",
            "2100-01-01",
        ],
    );
    exported.expect_code(0);
    for table in TABLES {
        let (_, rows) = read_with_parquet_crate(&out.join(format!("{table}.parquet")));
        assert_eq!(rows, 0, "{table}.parquet of an export selecting no article");
    }
}

fn rows<'a>(tables: &'a Value, table: &str) -> &'a [Value] {
    tables[table]["data"].as_array().expect("rows")
}

#[test]
#[ignore = "needs the NER model: crates/annotate/build-model.sh"]
fn with_the_model_pyarrow_reads_articles_entities_quotes_events_and_stories() {
    let model = model_path();
    let dir = tempfile::tempdir().expect("temporary directory");
    let (data, out) = export_seeds(dir.path(), Some(&model), "parquet");
    let counts = check_with_parquet_crate(&data, &out);
    for table in ["entities", "quotes", "events"] {
        assert!(counts[table] > 0, "{counts:?}");
    }

    let tables = read_with_pyarrow(&out);
    let documented = documented_columns();
    for table in TABLES {
        let columns: Vec<ColumnSpec> = serde_json::from_value(tables[table]["columns"].clone())
            .expect("columns as [name, type, nullable]");
        assert_eq!(columns, documented[table], "pyarrow's columns of {table}");
        assert_eq!(
            tables[table]["rows"], counts[table],
            "pyarrow's rows of {table}"
        );
    }

    // Both Blinken articles, each in a story the stories table holds.
    let articles = rows(&tables, "articles");
    let blinken: Vec<&Value> = articles
        .iter()
        .filter(|a| text(a, "title").is_some_and(|t| t.contains("Blinken")))
        .collect();
    assert_eq!(blinken.len(), 2, "{articles:?}");
    let story_ids: Vec<&Value> = rows(&tables, "stories").iter().map(|s| &s["id"]).collect();
    for article in &blinken {
        assert!(story_ids.contains(&&article["story"]), "{article}");
        assert!(
            article["word_count"].as_u64().is_some_and(|n| n > 100),
            "{article}"
        );
    }

    // Tokayev's words, with his entity's key, which joins his row in entities.
    let quote = rows(&tables, "quotes")
        .iter()
        .find(|q| text(q, "text").is_some_and(|t| t.contains("We have built very good")))
        .expect("Tokayev's quote");
    assert_eq!(
        text(quote, "speaker_entity"),
        Some("Kassym-Jomart Tokayev"),
        "{quote}"
    );
    assert_eq!(text(quote, "kind"), Some("direct"), "{quote}");
    let key = text(quote, "speaker_entity_key").expect("the speaker's key");
    let tokayev = rows(&tables, "entities")
        .iter()
        .find(|e| e["article_id"] == quote["article_id"] && text(e, "entity_key") == Some(key))
        .unwrap_or_else(|| panic!("no entity {key} in the quote's article"));
    assert_eq!(text(tokayev, "type"), Some("PERSON"), "{tokayev}");

    // Astana is on the map.
    let astana = rows(&tables, "entities")
        .iter()
        .find(|e| text(e, "place_name") == Some("Astana"))
        .expect("Astana resolved");
    assert!(
        astana["latitude"]
            .as_f64()
            .is_some_and(|lat| (lat - 51.2).abs() < 0.5),
        "{astana}"
    );

    // The United States consult Kazakhstan on 2023-02-28.
    let meeting = rows(&tables, "events")
        .iter()
        .find(|e| {
            text(e, "source_country") == Some("USA") && text(e, "target_country") == Some("KAZ")
        })
        .expect("an event between USA and KAZ");
    assert_eq!(text(meeting, "type"), Some("CONSULT"), "{meeting}");
    assert_eq!(text(meeting, "cameo_root"), Some("04"), "{meeting}");
    assert_eq!(meeting["quad_class"], 1, "{meeting}");
    assert_eq!(text(meeting, "date"), Some("2023-02-28"), "{meeting}");
    assert!(
        text(meeting, "evidence").is_some_and(|s| s.contains("Tokayev")),
        "{meeting}"
    );
}
