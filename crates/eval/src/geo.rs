//! `geo GWN.xml`: toponym recognition and resolution on GeoWebNews (Gritta et al. 2019).
//!
//! Gold toponyms are the annotations that carry a point (types Literal, Literal_Modifier,
//! Mixed, Coercion, Embedded_Literal, Metonymic, Non_Literal_Modifier, Embedded_Non_Lit); the
//! non-toponym types (Demonym, Language, Non_Toponym, Homonym, *_Expression) are not scored.
//! GeoWebNews offsets count characters; they are turned into byte offsets here.
//!
//! Recognition: predicted toponyms are the tagger's LOC mentions plus the gazetteer's spots
//! outside its PER and LOC mentions (`--no-spot`: LOC mentions alone). Spots may fall inside
//! ORG and MISC mentions: GeoWebNews counts embedded toponyms (`Tbilisi State University`)
//! and adjectival ones (`Russian forces`). A prediction
//! matches a gold toponym *exactly* when both byte offsets are equal, and *by overlap* when
//! they share at least one byte (one-to-one, in text order). Precision, recall and F1 are
//! given for both.
//!
//! Resolution: for every gold toponym matched by overlap, the great-circle distance from the
//! resolved point (the resolver sees all predicted spans of the article as context) to the
//! gold point; an unresolved toponym counts as 20,039 km. Reported: the share within 161 km
//! (acc161), the mean and median error, the AUC of log(1 + error km) as in Gritta et al.
//! (trapezoid over the sorted errors, normalised by log(20039); lower is better), and the
//! share whose GeoNames id is the gold one (of those with a gold id). The same figures are
//! given for gold spans (resolution alone, as Mordecai 3's 94.1% is measured). The last line
//! is `SCORE acc161 <end-to-end acc161>`.

use std::collections::BTreeMap;
use std::path::{Path, PathBuf};

use anyhow::{bail, Context, Result};
use chancery_annotate::geo::spot::{spot, SpotConfig};
use chancery_annotate::geo::{distance_km, Gazetteer, Resolver, ResolverConfig};
use chancery_annotate::NerModel;
use regex::Regex;

/// Options of `geo`.
#[derive(Debug, clap::Args)]
pub struct GeoArgs {
    /// GeoWebNews XML file (../shared/data/geo/geowebnews/GWN.xml).
    pub file: PathBuf,
    /// The NER model (crates/annotate/build-model.sh builds it).
    #[arg(long, default_value = "crates/annotate/model/ner.bin")]
    pub model: PathBuf,
    /// The place gazetteer (crates/annotate/resources/build-geo.sh builds it).
    #[arg(long, default_value = "crates/annotate/src/geo/data/places.tsv.gz")]
    pub gazetteer: PathBuf,
    /// Predicted toponyms are the tagger's LOC mentions only (no gazetteer spotting).
    #[arg(long)]
    pub no_spot: bool,
    /// Print the first N gold-span resolution errors beyond 161 km.
    #[arg(long, default_value_t = 0, value_name = "N")]
    pub show_errors: usize,
    /// Print the first N recognition misses: gold toponyms not found, predictions not gold.
    #[arg(long, default_value_t = 0, value_name = "N")]
    pub show_misses: usize,
    /// Override a resolver weight (a field of `ResolverConfig`, such as `population=0.8`);
    /// repeatable.
    #[arg(long = "set", value_name = "NAME=VALUE")]
    pub set: Vec<String>,
}

/// Half the Earth's circumference, km: the error of an unresolved toponym.
const MAX_ERROR_KM: f64 = 20_039.0;

#[derive(Debug)]
struct Toponym {
    start: usize,
    end: usize,
    kind: String,
    geonameid: Option<u32>,
    lat: f64,
    lon: f64,
}

#[derive(Debug)]
struct Article {
    text: String,
    toponyms: Vec<Toponym>,
}

/// Errors (km) and GeoNames-id agreement of resolved gold toponyms.
#[derive(Debug, Default)]
struct Resolved {
    errors: Vec<f64>,
    with_id: usize,
    same_id: usize,
    /// The gold GeoNames id chosen, yet beyond 161 km: the gazetteer's point for the place is
    /// not GeoNames' (country points come from countryinfo, division points from their towns).
    same_id_far: usize,
}

/// Runs `geo`.
pub fn run(args: &GeoArgs) -> Result<()> {
    let (articles, skipped) = read_gwn(&args.file)?;
    let model = read(&args.model)
        .and_then(|b| NerModel::from_bytes(&b).context("not a NER model"))
        .with_context(|| format!("{}: cannot load the NER model", args.model.display()))?;
    let gazetteer = read(&args.gazetteer)
        .and_then(|b| Gazetteer::from_bytes(&b).context("not a gazetteer"))
        .with_context(|| format!("{}: cannot load the gazetteer", args.gazetteer.display()))?;
    let mut config = ResolverConfig::default();
    for assignment in &args.set {
        set(&mut config, assignment)?;
    }
    let resolver = Resolver::with_config(&gazetteer, config);
    let gold: usize = articles.iter().map(|a| a.toponyms.len()).sum();
    println!(
        "{}: {} articles, {gold} gold toponyms ({skipped} with offsets off their text skipped); \
         gazetteer {} places",
        args.file.display(),
        articles.len(),
        gazetteer.places().len()
    );
    let mut by_kind: BTreeMap<&str, usize> = BTreeMap::new();
    for t in articles.iter().flat_map(|a| &a.toponyms) {
        *by_kind.entry(t.kind.as_str()).or_default() += 1;
    }
    println!("gold by type: {by_kind:?}");

    let config = SpotConfig::default();
    let (mut n_pred, mut exact, mut overlap) = (0, 0, 0);
    let mut e2e = Resolved::default();
    let mut oracle = Resolved::default();
    let (mut shown, mut shown_e2e, mut missed) = (0, 0, 0);
    for a in &articles {
        let entities = model.entities(&a.text);
        let mut pred: Vec<(usize, usize)> = entities
            .iter()
            .filter(|e| e.kind == "LOC")
            .map(|e| (e.start, e.end))
            .collect();
        if !args.no_spot {
            let blocked: Vec<(usize, usize)> = entities
                .iter()
                .filter(|e| e.kind == "PER" || e.kind == "LOC")
                .map(|e| (e.start, e.end))
                .collect();
            pred.extend(spot(&gazetteer, &a.text, &blocked, &config));
            pred.sort_unstable();
        }
        n_pred += pred.len();
        let gold_spans: Vec<(usize, usize)> = a.toponyms.iter().map(|t| (t.start, t.end)).collect();
        exact += gold_spans.iter().filter(|g| pred.contains(g)).count();
        let matched = match_overlap(&gold_spans, &pred);
        overlap += matched.iter().flatten().count();
        if missed < args.show_misses {
            for (t, m) in a.toponyms.iter().zip(&matched) {
                if m.is_none() {
                    println!(
                        "  missed {:<20} {}",
                        t.kind,
                        a.text.get(t.start..t.end).unwrap_or("?")
                    );
                }
            }
            for (j, &(s, e)) in pred.iter().enumerate() {
                if !matched.contains(&Some(j)) {
                    println!("  extra  {}", a.text.get(s..e).unwrap_or("?"));
                }
            }
            missed += 1;
        }
        let resolved = resolver.resolve_spans(&a.text, &pred);
        for (t, m) in a.toponyms.iter().zip(&matched) {
            if let Some(i) = m {
                let place = resolved
                    .get(*i)
                    .copied()
                    .flatten()
                    .and_then(|r| resolver.place(&r));
                let err = e2e.add(t, place.map(|p| (p.lat, p.lon, p.geonameid)));
                if err > 161.0 && shown_e2e < args.show_errors {
                    shown_e2e += 1;
                    let (s, e) = pred.get(*i).copied().unwrap_or((0, 0));
                    println!(
                        "  e2e error {err:>7.0} km  {:<30} gold {:<30} ({:.2},{:.2})  got {}",
                        a.text.get(s..e).unwrap_or("?"),
                        a.text.get(t.start..t.end).unwrap_or("?"),
                        t.lat,
                        t.lon,
                        place.map_or("unresolved".to_string(), |p| {
                            format!(
                                "{} {} {} ({:.2},{:.2})",
                                p.name, p.country, p.code, p.lat, p.lon
                            )
                        })
                    );
                }
            }
        }
        let resolved = resolver.resolve_spans(&a.text, &gold_spans);
        let ranked = if args.show_errors > shown {
            resolver.rank_spans(&a.text, &gold_spans)
        } else {
            Vec::new()
        };
        for (k, (t, r)) in a.toponyms.iter().zip(&resolved).enumerate() {
            let place = r.and_then(|r| resolver.place(&r));
            let err = oracle.add(t, place.map(|p| (p.lat, p.lon, p.geonameid)));
            if err > 161.0 && shown < args.show_errors {
                shown += 1;
                let got = place.map_or("unresolved".to_string(), |p| {
                    format!(
                        "{} {} {} ({:.2},{:.2})",
                        p.name, p.country, p.code, p.lat, p.lon
                    )
                });
                let others: Vec<String> = ranked
                    .get(k)
                    .map(|r| r.iter().skip(1).take(2).collect::<Vec<_>>())
                    .unwrap_or_default()
                    .iter()
                    .filter_map(|&&(i, score)| {
                        let p = gazetteer.place(i)?;
                        Some(format!("{} {} {} {score:.2}", p.name, p.country, p.code))
                    })
                    .collect();
                println!(
                    "  error {err:>7.0} km  {:<30} gold {:?} ({:.2},{:.2})  got {got} {:.2}  next {}",
                    a.text.get(t.start..t.end).unwrap_or("?"),
                    t.geonameid,
                    t.lat,
                    t.lon,
                    r.map_or(0.0, |r| r.score),
                    others.join("; ")
                );
            }
        }
    }
    let prf = |correct: usize| {
        let p = ratio(correct, n_pred);
        let r = ratio(correct, gold);
        (
            p,
            r,
            if p + r > 0.0 {
                2.0 * p * r / (p + r)
            } else {
                0.0
            },
        )
    };
    println!("recognition ({} predicted, {gold} gold):", n_pred);
    for (name, c) in [("exact", exact), ("overlap", overlap)] {
        let (p, r, f) = prf(c);
        println!("  {name:<8} P {p:.4}  R {r:.4}  F1 {f:.4}  ({c} matched)");
    }
    e2e.print("resolution of recognised toponyms (overlap matches)");
    oracle.print("resolution given gold spans");
    println!("SCORE acc161 {:.4}", e2e.acc161());
    Ok(())
}

impl Resolved {
    /// Records one gold toponym and what it resolved to; returns the error, km.
    fn add(&mut self, t: &Toponym, got: Option<(f64, f64, u32)>) -> f64 {
        let err = got.map_or(MAX_ERROR_KM, |(lat, lon, _)| {
            distance_km(lat, lon, t.lat, t.lon)
        });
        self.errors.push(err);
        if let Some(id) = t.geonameid {
            self.with_id += 1;
            if got.is_some_and(|g| g.2 == id) {
                self.same_id += 1;
                if err > 161.0 {
                    self.same_id_far += 1;
                }
            }
        }
        err
    }

    fn acc161(&self) -> f64 {
        ratio(
            self.errors.iter().filter(|&&e| e <= 161.0).count(),
            self.errors.len(),
        )
    }

    fn print(&self, title: &str) {
        let mut sorted = self.errors.clone();
        sorted.sort_by(f64::total_cmp);
        let n = sorted.len();
        let mean = sorted.iter().sum::<f64>() / n.max(1) as f64;
        let median = sorted.get(n / 2).copied().unwrap_or(0.0);
        let logs: Vec<f64> = sorted.iter().map(|e| (1.0 + e).ln()).collect();
        let area: f64 = logs.windows(2).map(|w| (w[0] + w[1]) / 2.0).sum();
        let auc = area / ((n.max(2) - 1) as f64 * MAX_ERROR_KM.ln());
        println!("{title} ({n} toponyms):");
        println!(
            "  acc161 {:.4}  AUC {auc:.4}  mean error {mean:.0} km  median {median:.1} km  \
             GeoNames id match {:.4} ({} of {})",
            self.acc161(),
            ratio(self.same_id, self.with_id),
            self.same_id,
            self.with_id
        );
        println!(
            "  right GeoNames id but beyond 161 km (the gazetteer's point is not GeoNames'): {}",
            self.same_id_far
        );
    }
}

/// Applies `name=value` to a resolver weight.
fn set(c: &mut ResolverConfig, assignment: &str) -> Result<()> {
    let Some((name, value)) = assignment.split_once('=') else {
        bail!("--set {assignment}: expected NAME=VALUE");
    };
    let v: f64 = value
        .parse()
        .with_context(|| format!("--set {assignment}: not a number"))?;
    let field = match name {
        "population" => &mut c.population,
        "country" => &mut c.country,
        "continent" => &mut c.continent,
        "capital" => &mut c.capital,
        "admin1" => &mut c.admin1,
        "admin2" => &mut c.admin2,
        "seat" => &mut c.seat,
        "region" => &mut c.region,
        "alternate_city" => &mut c.alternate_city,
        "alternate_other" => &mut c.alternate_other,
        "adjective" => &mut c.adjective,
        "inner" => &mut c.inner,
        "qualifier" => &mut c.qualifier,
        "longer_form" => &mut c.longer_form,
        "city_over_division" => &mut c.city_over_division,
        "country_context" => &mut c.country_context,
        "admin1_context" => &mut c.admin1_context,
        "proximity" => &mut c.proximity,
        "proximity_km" => &mut c.proximity_km,
        "rounds" => {
            c.rounds = v as usize;
            return Ok(());
        }
        _ => bail!("--set {assignment}: no resolver weight named {name}"),
    };
    *field = v;
    Ok(())
}

fn ratio(a: usize, b: usize) -> f64 {
    if b == 0 {
        0.0
    } else {
        a as f64 / b as f64
    }
}

fn read(path: &Path) -> Result<Vec<u8>> {
    std::fs::read(path).with_context(|| format!("{}: cannot read", path.display()))
}

/// For each gold span (in order), the index of the first unused predicted span overlapping it.
fn match_overlap(gold: &[(usize, usize)], pred: &[(usize, usize)]) -> Vec<Option<usize>> {
    let mut used = vec![false; pred.len()];
    let mut order: Vec<usize> = (0..gold.len()).collect();
    order.sort_by_key(|&i| gold[i]);
    let mut out = vec![None; gold.len()];
    for i in order {
        let (gs, ge) = gold[i];
        let hit = pred
            .iter()
            .enumerate()
            .find(|(j, &(s, e))| !used[*j] && s < ge && gs < e)
            .map(|(j, _)| j);
        if let Some(j) = hit {
            used[j] = true;
            out[i] = Some(j);
        }
    }
    out
}

/// Articles of GWN.xml with their gold toponyms (those with a point), and the number of
/// toponyms skipped because their offsets do not fall on their name.
fn read_gwn(path: &Path) -> Result<(Vec<Article>, usize)> {
    let xml = std::fs::read_to_string(path)
        .with_context(|| format!("{}: cannot read GeoWebNews", path.display()))?;
    let article_re = Regex::new(r"(?s)<article[^>]*>(.*?)</article>")?;
    let text_re = Regex::new(r"(?s)<text>(.*?)</text>")?;
    let toponym_re = Regex::new(r"(?s)<toponym>(.*?)</toponym>")?;
    let mut articles = Vec::new();
    let mut skipped = 0;
    for a in article_re.captures_iter(&xml) {
        let body = &a[1];
        let text = text_re
            .captures(body)
            .map(|c| unescape(&c[1]))
            .unwrap_or_default();
        let bytes_at: Vec<usize> = text
            .char_indices()
            .map(|(b, _)| b)
            .chain(std::iter::once(text.len()))
            .collect();
        let mut toponyms = Vec::new();
        for t in toponym_re.captures_iter(body) {
            let t = &t[1];
            let (Some(lat), Some(lon)) = (field(t, "latitude"), field(t, "longitude")) else {
                continue;
            };
            let name = field(t, "extractedName").unwrap_or_default();
            let span = field(t, "start")
                .and_then(|s| s.parse::<usize>().ok())
                .zip(field(t, "end").and_then(|e| e.parse::<usize>().ok()))
                .and_then(|(s, e)| Some((*bytes_at.get(s)?, *bytes_at.get(e)?)));
            let Some((start, end)) = span.filter(|&(s, e)| text.get(s..e) == Some(name.as_str()))
            else {
                skipped += 1;
                continue;
            };
            toponyms.push(Toponym {
                start,
                end,
                kind: field(t, "type").unwrap_or_default(),
                geonameid: field(t, "geonamesID").and_then(|g| g.parse().ok()),
                lat: lat.parse().context("latitude")?,
                lon: lon.parse().context("longitude")?,
            });
        }
        articles.push(Article { text, toponyms });
    }
    Ok((articles, skipped))
}

/// The unescaped text of `<name>...</name>` in `xml`; `None` when absent or empty.
fn field(xml: &str, name: &str) -> Option<String> {
    let open = format!("<{name}>");
    let start = xml.find(&open)? + open.len();
    let end = start + xml.get(start..)?.find(&format!("</{name}>"))?;
    let value = unescape(xml.get(start..end)?.trim());
    (!value.is_empty()).then_some(value)
}

fn unescape(s: &str) -> String {
    let mut out = String::with_capacity(s.len());
    let mut rest = s;
    while let Some(i) = rest.find('&') {
        out.push_str(&rest[..i]);
        rest = &rest[i..];
        let Some(j) = rest.find(';').filter(|&j| j <= 10) else {
            out.push('&');
            rest = &rest[1..];
            continue;
        };
        let entity = &rest[1..j];
        let c = match entity {
            "amp" => Some('&'),
            "lt" => Some('<'),
            "gt" => Some('>'),
            "quot" => Some('"'),
            "apos" => Some('\''),
            _ => entity
                .strip_prefix("#x")
                .and_then(|h| u32::from_str_radix(h, 16).ok())
                .or_else(|| entity.strip_prefix('#').and_then(|d| d.parse().ok()))
                .and_then(char::from_u32),
        };
        match c {
            Some(c) => {
                out.push(c);
                rest = &rest[j + 1..];
            }
            None => {
                out.push('&');
                rest = &rest[1..];
            }
        }
    }
    out.push_str(rest);
    out
}
