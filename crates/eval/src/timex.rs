//! `timex TBAQ_DIR`: time expressions scored on TimeML files (TimeBank + AQUAINT) as TempEval-3
//! Task A scores them.
//!
//! Every `.tml` file under the directory is read: the text inside `<TEXT>` with its tags
//! stripped and entities decoded (gold spans mapped onto that text), and the document creation
//! time (the TIMEX3 with `functionInDocument="CREATION_TIME"`) as the reference date. The scorer
//! follows TempEval-3's `evaluate_entities.py`: a gold expression is found (relaxed) when a
//! system expression overlaps it and exactly when one has the same extent; precision counts the
//! system expressions overlapping (or equal to) a gold one. Type and value accuracy are taken over
//! the relaxed matches (gold side), and their F1 is that accuracy times the relaxed F1.

use std::path::{Path, PathBuf};

use anyhow::{Context, Result};
use chancery_annotate::time::{find_timexes, Date, Timex};
use regex::Regex;

/// Options of `timex`.
#[derive(Debug, clap::Args)]
pub struct TimexArgs {
    /// Directory of TimeML `.tml` files (searched recursively), e.g. ../shared/data/time/tbaq.
    pub dir: PathBuf,
    /// Print the first N errors of each kind (missed, spurious, wrong value, other extent).
    #[arg(long, default_value_t = 0, value_name = "N")]
    pub show_errors: usize,
    /// Ignore the creation time (resolve without a reference date).
    #[arg(long)]
    pub no_reference: bool,
}

/// A gold expression on the stripped text.
#[derive(Debug, Clone)]
struct Gold {
    start: usize,
    end: usize,
    kind: String,
    value: String,
}

/// One document: stripped text, creation time, gold expressions.
#[derive(Debug)]
struct Doc {
    name: String,
    text: String,
    dct: Option<Date>,
    gold: Vec<Gold>,
}

/// Counts over the corpus.
#[derive(Debug, Default)]
struct Tally {
    gold: usize,
    system: usize,
    relaxed_recall: usize,
    strict_recall: usize,
    relaxed_precision: usize,
    strict_precision: usize,
    type_match: usize,
    value_match: usize,
}

/// Runs the command.
pub fn run(args: &TimexArgs) -> Result<()> {
    let mut files = Vec::new();
    collect(&args.dir, &mut files)?;
    files.sort();
    anyhow::ensure!(
        !files.is_empty(),
        "no .tml files under {}",
        args.dir.display()
    );
    let mut tally = Tally::default();
    let mut errors: [Vec<String>; 4] = Default::default();
    for path in &files {
        let raw =
            std::fs::read_to_string(path).with_context(|| format!("reading {}", path.display()))?;
        let name = path
            .file_name()
            .map_or_else(String::new, |n| n.to_string_lossy().into_owned());
        let doc = parse_tml(&name, &raw)?;
        let reference = if args.no_reference { None } else { doc.dct };
        let system = find_timexes(&doc.text, reference);
        score(&doc, &system, &mut tally, &mut errors, args.show_errors);
    }
    report(&tally, files.len());
    for (title, list) in ["missed", "spurious", "wrong value or type", "other extent"]
        .iter()
        .zip(&errors)
    {
        if !list.is_empty() {
            println!("\n{title} (first {}):", list.len());
            for e in list {
                println!("  {e}");
            }
        }
    }
    let (_, _, relaxed_f1) = prf(
        tally.relaxed_precision,
        tally.system,
        tally.relaxed_recall,
        tally.gold,
    );
    let value_f1 = ratio(tally.value_match, tally.relaxed_recall) * relaxed_f1;
    println!("SCORE value_f1 {value_f1:.4}");
    Ok(())
}

fn collect(dir: &Path, out: &mut Vec<PathBuf>) -> Result<()> {
    for entry in std::fs::read_dir(dir).with_context(|| format!("reading {}", dir.display()))? {
        let path = entry?.path();
        if path.is_dir() {
            collect(&path, out)?;
        } else if path.extension().is_some_and(|e| e == "tml") {
            out.push(path);
        }
    }
    Ok(())
}

/// Reads a TimeML document: the `<TEXT>` content without tags, its TIMEX3s, and the DCT.
fn parse_tml(name: &str, raw: &str) -> Result<Doc> {
    let dct_re = Regex::new(r#"<TIMEX3[^>]*functionInDocument="CREATION_TIME"[^>]*>"#)?;
    let dct = dct_re
        .find(raw)
        .and_then(|m| attr(m.as_str(), "value"))
        .and_then(|v| Date::parse_iso(&v));
    let body_start = raw
        .find("<TEXT>")
        .map(|i| i + "<TEXT>".len())
        .context("no <TEXT> element")?;
    let body_end = raw[body_start..]
        .find("</TEXT>")
        .map_or(raw.len(), |i| body_start + i);
    let body = &raw[body_start..body_end];
    let tag_re = Regex::new(r"<(/?)([A-Za-z0-9_]+)([^>]*)>")?;
    let mut text = String::with_capacity(body.len());
    let mut gold = Vec::new();
    let mut open: Option<(usize, String, String)> = None;
    let mut last = 0;
    for m in tag_re.captures_iter(body) {
        let whole = m.get(0).context("match")?;
        push_decoded(&mut text, &body[last..whole.start()]);
        last = whole.end();
        if &m[2] != "TIMEX3" {
            continue;
        }
        if m[1].is_empty() {
            let kind = attr(&m[3], "type").unwrap_or_default();
            let value = attr(&m[3], "value").unwrap_or_default();
            open = Some((text.len(), kind, value));
        } else if let Some((start, kind, value)) = open.take() {
            let (s, e) = trim_span(&text, start, text.len());
            if e > s {
                gold.push(Gold {
                    start: s,
                    end: e,
                    kind,
                    value,
                });
            }
        }
    }
    push_decoded(&mut text, &body[last..]);
    Ok(Doc {
        name: name.to_string(),
        text,
        dct,
        gold,
    })
}

/// The value of attribute `key` in a tag's attribute text.
fn attr(tag: &str, key: &str) -> Option<String> {
    let pat = format!(" {key}=\"");
    let i = tag.find(&pat)? + pat.len();
    let len = tag[i..].find('"')?;
    Some(tag[i..i + len].to_string())
}

/// Appends `s` with the XML entities decoded.
fn push_decoded(out: &mut String, s: &str) {
    let mut rest = s;
    while let Some(i) = rest.find('&') {
        out.push_str(&rest[..i]);
        let tail = &rest[i..];
        let (rep, len) = [
            ("&amp;", '&'),
            ("&lt;", '<'),
            ("&gt;", '>'),
            ("&quot;", '"'),
            ("&apos;", '\''),
        ]
        .iter()
        .find(|(e, _)| tail.starts_with(e))
        .map_or(('&', 1), |(e, c)| (*c, e.len()));
        out.push(rep);
        rest = &tail[len..];
    }
    out.push_str(rest);
}

/// A span without its surrounding whitespace.
fn trim_span(text: &str, mut s: usize, mut e: usize) -> (usize, usize) {
    let b = text.as_bytes();
    while s < e && b[s].is_ascii_whitespace() {
        s += 1;
    }
    while e > s && b[e - 1].is_ascii_whitespace() {
        e -= 1;
    }
    (s, e)
}

fn score(doc: &Doc, system: &[Timex], t: &mut Tally, errors: &mut [Vec<String>; 4], show: usize) {
    let overlaps = |g: &Gold, s: &Timex| s.start < g.end && g.start < s.end;
    t.gold += doc.gold.len();
    t.system += system.len();
    for g in &doc.gold {
        let exact = system.iter().find(|s| s.start == g.start && s.end == g.end);
        let Some(s) = exact.or_else(|| system.iter().find(|s| overlaps(g, s))) else {
            push_error(
                &mut errors[0],
                show,
                doc,
                g.start,
                g.end,
                &format!("{} {}", g.kind, g.value),
            );
            continue;
        };
        t.relaxed_recall += 1;
        t.strict_recall += usize::from(exact.is_some());
        t.type_match += usize::from(s.kind.as_str() == g.kind);
        let value = s.value.as_deref().unwrap_or("");
        t.value_match += usize::from(value == g.value);
        if exact.is_none() {
            let note = format!("system {:?}", &doc.text[s.start..s.end]);
            push_error(&mut errors[3], show, doc, g.start, g.end, &note);
        }
        if value != g.value || s.kind.as_str() != g.kind {
            let note = format!(
                "gold {} {} | system {:?} {} {value}",
                g.kind,
                g.value,
                &doc.text[s.start..s.end],
                s.kind.as_str()
            );
            push_error(&mut errors[2], show, doc, g.start, g.end, &note);
        }
    }
    for s in system {
        let exact = doc
            .gold
            .iter()
            .any(|g| s.start == g.start && s.end == g.end);
        let relaxed = doc.gold.iter().any(|g| overlaps(g, s));
        t.relaxed_precision += usize::from(relaxed);
        t.strict_precision += usize::from(exact);
        if !relaxed {
            let note = format!("{} {}", s.kind.as_str(), s.value.as_deref().unwrap_or("-"));
            push_error(&mut errors[1], show, doc, s.start, s.end, &note);
        }
    }
}

fn push_error(
    list: &mut Vec<String>,
    show: usize,
    doc: &Doc,
    start: usize,
    end: usize,
    note: &str,
) {
    if list.len() >= show {
        return;
    }
    let from = floor_char(&doc.text, start.saturating_sub(60));
    let to = floor_char(&doc.text, (end + 40).min(doc.text.len()));
    let context = format!(
        "{}[{}]{}",
        &doc.text[from..start],
        &doc.text[start..end],
        &doc.text[end..to]
    )
    .replace('\n', " ");
    let dct = doc.dct.map_or_else(|| "-".to_string(), |d| d.to_string());
    list.push(format!("{} ({dct}) {note} :: {context}", doc.name));
}

fn floor_char(s: &str, mut i: usize) -> usize {
    while i > 0 && !s.is_char_boundary(i) {
        i -= 1;
    }
    i
}

fn ratio(a: usize, b: usize) -> f64 {
    if b == 0 {
        0.0
    } else {
        a as f64 / b as f64
    }
}

/// Precision, recall and F1 from matched/total counts on each side.
fn prf(p_hits: usize, p_total: usize, r_hits: usize, r_total: usize) -> (f64, f64, f64) {
    let p = ratio(p_hits, p_total);
    let r = ratio(r_hits, r_total);
    let f = if p + r == 0.0 {
        0.0
    } else {
        2.0 * p * r / (p + r)
    };
    (p, r, f)
}

fn report(t: &Tally, files: usize) {
    println!(
        "documents {files}, gold expressions {}, system expressions {}",
        t.gold, t.system
    );
    let (rp, rr, rf) = prf(t.relaxed_precision, t.system, t.relaxed_recall, t.gold);
    let (sp, sr, sf) = prf(t.strict_precision, t.system, t.strict_recall, t.gold);
    println!("relaxed span  P {rp:.4}  R {rr:.4}  F1 {rf:.4}");
    println!("strict span   P {sp:.4}  R {sr:.4}  F1 {sf:.4}");
    let type_acc = ratio(t.type_match, t.relaxed_recall);
    let value_acc = ratio(t.value_match, t.relaxed_recall);
    println!("type  accuracy {type_acc:.4}  F1 {:.4}", type_acc * rf);
    println!("value accuracy {value_acc:.4}  F1 {:.4}", value_acc * rf);
}
