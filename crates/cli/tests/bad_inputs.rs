//! One `chancery ingest` run over a directory of good and bad inputs: two real text dumps, a binary
//! file, an empty file, a truncated gzip, a Latin-1 HTML page without a charset declaration, a 50 MB
//! single line, HTML nested 100,000 levels deep, a WARC with a corrupt record in the middle and a
//! JSONL file with a broken line between good ones.
//!
//! The run must exit with code 3 without panicking; report each bad input on standard error, one
//! diagnostic line naming the file (and the record or line where the format has them) with a reason;
//! store the articles of every good input, record and line (accented words decoded correctly, the
//! deeply nested article found); and keep its peak memory (the child's VmHWM, polled from /proc)
//! under a generous bound.

mod common;

use std::collections::BTreeSet;
use std::fs::File;
use std::io::{BufWriter, Write};
use std::path::Path;
use std::thread::sleep;
use std::time::{Duration, Instant};

use common::{chancery, copy_examples, export, seed_articles, text, Run};
use flate2::write::GzEncoder;
use flate2::Compression;
use serde_json::Value;

/// Peak resident memory the run may reach: generous, but far below what holding several copies of
/// the 50 MB line or a tree of 100,000 nodes per level would take.
const MAX_PEAK_RSS_KB: u64 = 1_500_000;

/// The Latin-1 page: title and paragraphs, as they must come out of the store.
const LATIN1_TITLE: &str = "Café du marché rouvert";
const LATIN1_PARAGRAPHS: [&str; 2] = [
    "Le café du marché a rouvert après des années de travaux, a déclaré la mairie jeudi.",
    "Les habitués étaient ravis de retrouver leur café préféré au centre du quartier, près de l'église.",
];

const DEEP_TITLE: &str = "Ferry timetable approved after long debate";
const DEEP_PARAGRAPHS: [&str; 2] = [
    "The harbour council approved the new ferry timetable on Tuesday after a long debate about evening crossings and fares.",
    "Residents said the extra boats would make commuting to the mainland far easier for families and shift workers.",
];

/// One WARC/1.0 `response` record holding an HTML page.
fn warc_response(n: u32) -> Vec<u8> {
    let body = format!(
        "<html><head><title>Harbour story {n}</title></head><body><h1>Harbour story {n}</h1>\
         <p>Paragraph of harbour story {n}: the council met on Tuesday to discuss the new ferry \
         timetable and the price of evening crossings.</p></body></html>"
    );
    let http = format!(
        "HTTP/1.1 200 OK\r\nContent-Type: text/html; charset=utf-8\r\nContent-Length: {}\r\n\r\n{body}",
        body.len()
    );
    let mut record = format!(
        "WARC/1.0\r\nWARC-Type: response\r\n\
         WARC-Record-ID: <urn:uuid:00000000-0000-0000-0000-{n:012}>\r\n\
         WARC-Target-URI: https://harbour.example.org/story/{n}\r\n\
         WARC-Date: 2023-02-28T12:00:00Z\r\n\
         Content-Type: application/http; msgtype=response\r\n\
         Content-Length: {}\r\n\r\n",
        http.len()
    )
    .into_bytes();
    record.extend_from_slice(http.as_bytes());
    record.extend_from_slice(b"\r\n\r\n");
    record
}

fn gzip(data: &[u8]) -> Vec<u8> {
    let mut encoder = GzEncoder::new(Vec::new(), Compression::default());
    encoder.write_all(data).expect("gzip into memory");
    encoder.finish().expect("gzip into memory")
}

/// What was written for the bad inputs that have a place inside them.
struct Written {
    /// Byte offset of the corrupt WARC record.
    bad_record_offset: usize,
}

/// Writes every input into `dir`.
fn write_inputs(dir: &Path) -> Written {
    copy_examples(dir);
    let write = |name: &str, bytes: &[u8]| {
        std::fs::write(dir.join(name), bytes).expect("input is written");
    };

    // Binary: a PNG signature, then bytes with NULs and control characters.
    let mut binary = b"\x89PNG\r\n\x1a\n".to_vec();
    binary.extend((0..16_384u32).map(|i| (i.wrapping_mul(2_654_435_761) >> 24) as u8));
    write("photo.png", &binary);

    write("empty.txt", b"");

    // A gzipped text dump cut in the middle of its deflate stream.
    let dump: String = (0..200)
        .map(|i| {
            format!("Paragraph {i} of a story that was cut short when the download failed.\n\n")
        })
        .collect();
    let compressed = gzip(format!("Cut story headline\n\n{dump}").as_bytes());
    write("cut.txt.gz", &compressed[..compressed.len() / 2]);

    // Latin-1 without any charset declaration (no meta tag, no HTTP header).
    let latin1 = format!(
        "<html><head><title>{LATIN1_TITLE}</title></head><body><article><h1>{LATIN1_TITLE}</h1>\
         <p>{}</p><p>{}</p></article></body></html>",
        LATIN1_PARAGRAPHS[0], LATIN1_PARAGRAPHS[1]
    );
    let latin1: Vec<u8> = latin1
        .chars()
        .map(|c| u8::try_from(u32::from(c)).expect("the page is Latin-1"))
        .collect();
    assert!(std::str::from_utf8(&latin1).is_err(), "not UTF-8");
    write("latin1.html", &latin1);

    // A 50 MB text file that is one line.
    {
        let sentence = "The committee met again and agreed on nothing in particular, as usual. ";
        let mut file = BufWriter::new(File::create(dir.join("one-line.txt")).expect("create"));
        for _ in 0..50_000_000 / sentence.len() + 1 {
            file.write_all(sentence.as_bytes()).expect("write");
        }
        file.flush().expect("flush");
    }

    // An article nested 100,000 elements deep, the closing tags present.
    let depth = 100_000;
    let mut deep = format!("<!DOCTYPE html><html><head><title>{DEEP_TITLE}</title></head><body>");
    deep.push_str(&"<div>".repeat(depth));
    for paragraph in DEEP_PARAGRAPHS {
        deep.push_str(&format!("<p>{paragraph}</p>"));
    }
    deep.push_str(&"</div>".repeat(depth));
    deep.push_str("</body></html>");
    write("deep.html", deep.as_bytes());

    // Three records; the middle one has a damaged header line.
    let records: Vec<Vec<u8>> = (1..=3).map(warc_response).collect();
    let mut corrupt = records[1].clone();
    let line = corrupt
        .windows(19)
        .position(|w| w == b"WARC-Type: response")
        .expect("the record has a type line");
    corrupt[line..line + 19].copy_from_slice(b"\0\0\x01\x02garbled-sector!");
    write(
        "crawl.warc",
        &[records[0].clone(), corrupt, records[2].clone()].concat(),
    );

    // Good, broken, good.
    write(
        "feed.jsonl",
        concat!(
            r#"{"title": "Bridge repairs finish early", "text": "Bridge repairs on the river crossing finished two weeks early, the city engineer said on Monday.", "date": "2022-05-04", "url": "https://valley.example.org/bridge"}"#,
            "\n",
            r#"{"title": "A line cut in the middle", "text": "this line stops"#,
            "\n",
            r#"{"title": "School budget approved", "text": "The school board approved next year's budget after a long evening meeting with parents.", "url": "https://valley.example.org/budget"}"#,
            "\n",
        )
        .as_bytes(),
    );
    Written {
        bad_record_offset: records[0].len(),
    }
}

/// The peak resident set size of a running process, in kB, from `/proc/PID/status` (`None` once it
/// has exited).
fn vm_hwm_kb(pid: u32) -> Option<u64> {
    let status = std::fs::read_to_string(format!("/proc/{pid}/status")).ok()?;
    let line = status.lines().find(|line| line.starts_with("VmHWM:"))?;
    line.split_whitespace().nth(1)?.parse().ok()
}

/// Runs `chancery ingest DIR` while polling its peak memory; returns the run and the highest
/// VmHWM seen, in kB. VmHWM only grows, so any sample after the peak sees it.
fn ingest_measured(data: &Path, inputs: &Path, logs: &Path) -> (Run, u64) {
    let stdout_path = logs.join("stdout");
    let stderr_path = logs.join("stderr");
    let mut child = chancery(data)
        .arg("ingest")
        .arg(inputs)
        .stdout(File::create(&stdout_path).expect("stdout file"))
        .stderr(File::create(&stderr_path).expect("stderr file"))
        .spawn()
        .expect("chancery ingest starts");
    let started = Instant::now();
    let mut peak = 0;
    let mut samples = 0;
    let status = loop {
        if let Some(kb) = vm_hwm_kb(child.id()) {
            peak = peak.max(kb);
            samples += 1;
        }
        if let Some(status) = child.try_wait().expect("child status") {
            break status;
        }
        if started.elapsed() > Duration::from_secs(300) {
            child.kill().expect("kill the stuck run");
            panic!("ingest of the bad inputs did not finish in 300 s");
        }
        sleep(Duration::from_millis(2));
    };
    assert!(samples > 0, "the run was never sampled");
    let run = Run {
        code: status.code(),
        stdout: std::fs::read_to_string(stdout_path).expect("stdout is UTF-8"),
        stderr: std::fs::read_to_string(stderr_path).expect("stderr is UTF-8"),
    };
    (run, peak)
}

fn strings(value: &Value) -> Vec<&str> {
    value
        .as_array()
        .unwrap_or_else(|| panic!("not a list: {value}"))
        .iter()
        .map(|v| v.as_str().unwrap_or_else(|| panic!("not a string: {v}")))
        .collect()
}

#[test]
fn bad_inputs_are_reported_and_everything_else_is_ingested() {
    let dir = tempfile::tempdir().expect("temporary directory");
    let inputs = dir.path().join("inputs");
    let data = dir.path().join("data");
    let written = write_inputs(&inputs);

    let (run, peak_kb) = ingest_measured(&data, &inputs, dir.path());
    #[allow(clippy::print_stderr)]
    {
        eprintln!("peak RSS of the bad-input run: {peak_kb} kB");
    }
    run.expect_code(3);
    assert!(
        peak_kb < MAX_PEAK_RSS_KB,
        "peak RSS {peak_kb} kB over {MAX_PEAK_RSS_KB} kB"
    );

    // Diagnostics: every stderr line is a warning naming an input by its path (besides the one
    // saying that no NER model was found, as the tests run without one).
    let lines: Vec<&str> = run
        .stderr
        .lines()
        .filter(|line| !line.starts_with("warning: no NER model"))
        .collect();
    for line in &lines {
        assert!(
            line.starts_with("warning: "),
            "unexpected stderr line: {line:?}"
        );
    }
    let input = |name: &str| inputs.join(name).display().to_string();
    let lines_for = |name: &str| -> Vec<&str> {
        let prefix = format!("warning: {}", input(name));
        lines
            .iter()
            .copied()
            .filter(|line| {
                line.strip_prefix(&prefix)
                    .is_some_and(|rest| rest.starts_with(':') || rest.starts_with(" ("))
            })
            .collect()
    };
    // (file, place within it, kind, words of the reason)
    let expected = [
        ("photo.png", None, "binary", "binary content"),
        ("empty.txt", None, "empty", "empty"),
        ("cut.txt.gz", None, "truncated", "ends early or is corrupt"),
        (
            "one-line.txt",
            Some("line 1".to_string()),
            "too-large",
            "line is 50000",
        ),
        (
            "crawl.warc",
            Some(format!("record at byte {}", written.bad_record_offset)),
            "bad-record",
            "skipped to the next record",
        ),
        (
            "feed.jsonl",
            Some("line 2".to_string()),
            "bad-json",
            "invalid json",
        ),
    ];
    let mut explained = 0;
    for (name, place, kind, reason) in &expected {
        let found = lines_for(name);
        let head = match place {
            Some(place) => format!("warning: {} ({place}): {kind}: ", input(name)),
            None => format!("warning: {}: {kind}: ", input(name)),
        };
        let matching: Vec<&&str> = found
            .iter()
            .filter(|line| line.starts_with(&head) && line.contains(reason))
            .collect();
        assert_eq!(
            matching.len(),
            1,
            "{name}: want one line starting {head:?} with {reason:?}; stderr:\n{}",
            run.stderr
        );
        // One line per bad input. The over-long line may add that no article was left.
        let extra: Vec<&&str> = found
            .iter()
            .filter(|line| !line.starts_with(&head))
            .collect();
        let allowed_extra = *name == "one-line.txt"
            && extra.len() == 1
            && extra[0].starts_with(&format!("warning: {}: no-article: ", input(name)));
        assert!(
            extra.is_empty() || allowed_extra,
            "{name}: more than one diagnostic: {found:#?}"
        );
        explained += found.len();
    }
    assert_eq!(
        explained,
        lines.len(),
        "diagnostics about good inputs:\n{}",
        run.stderr
    );
    assert!(!run.stdout.contains("problems: none"), "{}", run.stdout);

    // Articles: those of every good input, record and line, and nothing else.
    let articles = export(&data);
    let titles: BTreeSet<&str> = articles
        .iter()
        .map(|a| text(a, "title").unwrap_or("(untitled)"))
        .collect();
    let seeds = seed_articles();
    let mut want: BTreeSet<&str> = seeds.iter().map(|(_, title, _)| title.as_str()).collect();
    want.extend([
        LATIN1_TITLE,
        DEEP_TITLE,
        "Harbour story 1",
        "Harbour story 3",
        "Bridge repairs finish early",
        "School budget approved",
    ]);
    assert_eq!(titles, want);
    assert_eq!(articles.len(), want.len(), "an article stored twice");
    let by_title = |title: &str| -> &Value {
        articles
            .iter()
            .find(|a| text(a, "title") == Some(title))
            .unwrap_or_else(|| panic!("no article {title:?}"))
    };
    let paths = |article: &Value| -> Vec<String> {
        article["provenance"]
            .as_array()
            .expect("provenance is a list")
            .iter()
            .map(|p| text(p, "path").expect("provenance has a path").to_string())
            .collect()
    };

    for (file, title, _) in &seeds {
        assert_eq!(paths(by_title(title)), [input(file)], "{title}");
    }

    let latin1 = by_title(LATIN1_TITLE);
    assert_eq!(strings(&latin1["paragraphs"]), LATIN1_PARAGRAPHS);
    assert_eq!(text(latin1, "language"), Some("fra"));
    assert_eq!(paths(latin1), [input("latin1.html")]);

    let deep = by_title(DEEP_TITLE);
    assert_eq!(strings(&deep["paragraphs"]), DEEP_PARAGRAPHS);
    assert_eq!(paths(deep), [input("deep.html")]);

    for n in [1, 3] {
        let story = by_title(&format!("Harbour story {n}"));
        let provenance = &story["provenance"][0];
        assert_eq!(text(provenance, "path"), Some(input("crawl.warc").as_str()));
        assert_eq!(
            text(provenance, "record_id"),
            Some(format!("<urn:uuid:00000000-0000-0000-0000-{n:012}>").as_str())
        );
        assert_eq!(
            text(story, "url"),
            Some(format!("https://harbour.example.org/story/{n}").as_str())
        );
    }

    for (title, line) in [
        ("Bridge repairs finish early", 1),
        ("School budget approved", 3),
    ] {
        let article = by_title(title);
        assert_eq!(paths(article), [input("feed.jsonl")]);
        assert_eq!(article["provenance"][0]["line"], line, "{title}");
    }
    assert_eq!(
        text(by_title("Bridge repairs finish early"), "published"),
        Some("2022-05-04")
    );
}
