//! The model file: a small header, then a deflate stream of the entity types, the lexical
//! resources, and each pass's feature keys with weights quantised to 16-bit integers.
//!
//! Layout (little endian): `CHNER` + format version byte; then compressed:
//! - types: `u32` count, each as `u16` length + UTF-8 bytes;
//! - gazetteer: list names (as types), `u32` entry count, `u64` phrase hashes (sorted), then
//!   `u32` list masks;
//! - lexicon: `u32` word count, `u64` word hashes (sorted), `u8` feature counts, then the `u32`
//!   feature hashes of every word in order;
//! - passes: `u32` count; per pass `u32` row count, `f32` scale, `u64` feature keys (sorted), then
//!   `i16` weights tag by tag (column-major, `1 + 4 * types` columns). Rows whose weights all
//!   quantise to zero are dropped.

use std::collections::HashMap;
use std::io::{Read, Write};

use super::gazetteer::Gazetteer;
use super::lexicon::Lexicon;
use super::tags::n_tags;
use super::weights::{Table, Weights};
use super::Resources;

const MAGIC: &[u8; 5] = b"CHNER";
const VERSION: u8 = 4;

/// Why model bytes could not be read.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct FormatError(pub String);

impl std::fmt::Display for FormatError {
    fn fmt(&self, f: &mut std::fmt::Formatter<'_>) -> std::fmt::Result {
        write!(f, "bad model file: {}", self.0)
    }
}

impl std::error::Error for FormatError {}

/// Serialises `types`, the resources and the weights of each pass.
pub fn write(types: &[String], resources: &Resources, stages: &[Weights]) -> Vec<u8> {
    let mut body = Vec::new();
    write_strings(types, &mut body);
    let gazetteer = &resources.gazetteer;
    write_strings(&gazetteer.lists, &mut body);
    let mut entries: Vec<(u64, u32)> = gazetteer.entries.iter().map(|(&k, &m)| (k, m)).collect();
    entries.sort_unstable();
    body.extend((entries.len() as u32).to_le_bytes());
    for (k, _) in &entries {
        body.extend(k.to_le_bytes());
    }
    for (_, m) in &entries {
        body.extend(m.to_le_bytes());
    }
    let mut words: Vec<(&u64, &Vec<u32>)> = resources.lexicon.entries.iter().collect();
    words.sort_unstable_by_key(|(k, _)| **k);
    body.extend((words.len() as u32).to_le_bytes());
    for (k, _) in &words {
        body.extend(k.to_le_bytes());
    }
    for (_, f) in &words {
        body.push(f.len().min(255) as u8);
    }
    for (_, f) in &words {
        for id in f.iter().take(255) {
            body.extend(id.to_le_bytes());
        }
    }
    body.extend((stages.len() as u32).to_le_bytes());
    for weights in stages {
        write_weights(weights, &mut body);
    }
    seal(MAGIC, VERSION, &body)
}

/// `magic` and `version`, then `body` deflated.
fn seal(magic: &[u8; 5], version: u8, body: &[u8]) -> Vec<u8> {
    let mut out = Vec::from(&magic[..]);
    out.push(version);
    let mut enc = flate2::write::DeflateEncoder::new(out, flate2::Compression::best());
    // Writing into a Vec cannot fail.
    let _ = enc.write_all(body);
    enc.finish().unwrap_or_default()
}

/// The body of bytes written by [`seal`] with `magic` and `version`.
fn unseal(bytes: &[u8], magic: &[u8; 5], version: u8) -> Result<Vec<u8>, FormatError> {
    if bytes.len() < 6 || &bytes[..5] != magic {
        return Err(FormatError(
            "not a chancery model of this kind (bad magic)".into(),
        ));
    }
    if bytes[5] != version {
        return Err(FormatError(format!(
            "unsupported format version {}",
            bytes[5]
        )));
    }
    let mut body = Vec::new();
    flate2::read::DeflateDecoder::new(&bytes[6..])
        .read_to_end(&mut body)
        .map_err(|e| FormatError(format!("corrupt data: {e}")))?;
    Ok(body)
}

/// A file holding weight sets: `magic` + `version`, then a `u32` count and the sets, each as a
/// pass of [`write`], then `extra` bytes of the model's own. Other models (the attribution cue
/// finder) share the weights' encoding.
pub(crate) fn write_weights_file(
    magic: &[u8; 5],
    version: u8,
    sets: &[&Weights],
    extra: &[u8],
) -> Vec<u8> {
    let mut body = Vec::new();
    body.extend((sets.len() as u32).to_le_bytes());
    for weights in sets {
        write_weights(weights, &mut body);
    }
    body.extend(extra);
    seal(magic, version, &body)
}

/// Reads a file written by [`write_weights_file`]: `n_tags[i]` weights per feature in set `i`,
/// and the extra bytes after them.
pub(crate) fn read_weights_file(
    bytes: &[u8],
    magic: &[u8; 5],
    version: u8,
    n_tags: &[usize],
) -> Result<(Vec<Weights>, Vec<u8>), FormatError> {
    let body = unseal(bytes, magic, version)?;
    let mut r = Reader { b: &body, at: 0 };
    if r.u32()? as usize != n_tags.len() {
        return Err(FormatError("unexpected number of weight sets".into()));
    }
    let sets = n_tags
        .iter()
        .map(|&nt| read_weights(&mut r, nt))
        .collect::<Result<_, _>>()?;
    Ok((sets, body[r.at..].to_vec()))
}

fn write_strings(items: &[String], body: &mut Vec<u8>) {
    body.extend((items.len() as u32).to_le_bytes());
    for t in items {
        let b = &t.as_bytes()[..t.len().min(u16::MAX as usize)];
        body.extend((b.len() as u16).to_le_bytes());
        body.extend(b);
    }
}

fn write_weights(weights: &Weights, body: &mut Vec<u8>) {
    let nt = weights.n_tags;
    let max = weights.w.iter().fold(0f32, |m, x| m.max(x.abs()));
    let scale = if max > 0.0 { max / 32767.0 } else { 1.0 };
    let mut rows: Vec<(u64, Vec<i16>)> = weights
        .table
        .iter()
        .map(|(k, r)| {
            let row = &weights.w[r as usize * nt..(r as usize + 1) * nt];
            (
                k,
                row.iter()
                    .map(|x| (x / scale).round() as i16)
                    .collect::<Vec<i16>>(),
            )
        })
        .filter(|(_, q)| q.iter().any(|&x| x != 0))
        .collect();
    rows.sort_unstable_by_key(|(k, _)| *k);
    body.extend((rows.len() as u32).to_le_bytes());
    body.extend(scale.to_le_bytes());
    for (k, _) in &rows {
        body.extend(k.to_le_bytes());
    }
    // Column-major weights compress better: each tag's column is mostly zeros.
    for t in 0..nt {
        for (_, q) in &rows {
            body.extend(q[t].to_le_bytes());
        }
    }
}

/// Reads bytes written by [`write`].
pub fn read(bytes: &[u8]) -> Result<(Vec<String>, Resources, Vec<Weights>), FormatError> {
    let err = |m: &str| FormatError(m.to_string());
    let body = unseal(bytes, MAGIC, VERSION)?;
    let mut r = Reader { b: &body, at: 0 };
    let types = r.strings()?;
    let n_types = types.len();
    if n_types == 0 || n_types > 60 {
        return Err(err("implausible number of entity types"));
    }
    let lists = r.strings()?;
    let n_entries = r.u32()? as usize;
    if n_entries.saturating_mul(12) > r.b.len() - r.at {
        return Err(err("truncated"));
    }
    let mut keys = Vec::with_capacity(n_entries);
    for _ in 0..n_entries {
        keys.push(u64::from_le_bytes(r.array()?));
    }
    let mut entries = HashMap::with_capacity(n_entries);
    for k in keys {
        entries.insert(k, r.u32()?);
    }
    let gazetteer = Gazetteer { lists, entries };
    let lexicon = read_lexicon(&mut r)?;
    let nt = n_tags(n_types);
    let n_stages = r.u32()? as usize;
    if !(1..=4).contains(&n_stages) {
        return Err(err("implausible number of passes"));
    }
    let mut stages = Vec::with_capacity(n_stages);
    for _ in 0..n_stages {
        stages.push(read_weights(&mut r, nt)?);
    }
    Ok((types, Resources { gazetteer, lexicon }, stages))
}

fn read_lexicon(r: &mut Reader<'_>) -> Result<Lexicon, FormatError> {
    let n = r.u32()? as usize;
    if n.saturating_mul(9) > r.b.len() - r.at {
        return Err(FormatError("truncated".into()));
    }
    let mut keys = Vec::with_capacity(n);
    for _ in 0..n {
        keys.push(u64::from_le_bytes(r.array()?));
    }
    let counts = r.take(n)?.to_vec();
    let mut entries = HashMap::with_capacity(n);
    for (k, c) in keys.into_iter().zip(counts) {
        let mut ids = Vec::with_capacity(usize::from(c));
        for _ in 0..c {
            ids.push(r.u32()?);
        }
        entries.insert(k, ids);
    }
    Ok(Lexicon { entries })
}

fn read_weights(r: &mut Reader<'_>, nt: usize) -> Result<Weights, FormatError> {
    let err = |m: &str| FormatError(m.to_string());
    let n_rows = r.u32()? as usize;
    let scale = f32::from_le_bytes(r.array()?);
    if n_rows.saturating_mul(8 + 2 * nt) > r.b.len() - r.at {
        return Err(err("truncated"));
    }
    let mut table = Table::with_capacity(n_rows);
    for row in 0..n_rows {
        let k = u64::from_le_bytes(r.array()?);
        if k == 0 {
            return Err(err("zero feature key"));
        }
        table.insert(k, row as u32);
    }
    let mut w = vec![0f32; n_rows * nt];
    for t in 0..nt {
        for row in 0..n_rows {
            w[row * nt + t] = f32::from(i16::from_le_bytes(r.array()?)) * scale;
        }
    }
    Ok(Weights {
        n_tags: nt,
        table,
        w,
    })
}

struct Reader<'a> {
    b: &'a [u8],
    at: usize,
}

impl<'a> Reader<'a> {
    fn take(&mut self, n: usize) -> Result<&'a [u8], FormatError> {
        let s = self
            .b
            .get(self.at..self.at + n)
            .ok_or_else(|| FormatError("truncated".into()))?;
        self.at += n;
        Ok(s)
    }
    fn array<const N: usize>(&mut self) -> Result<[u8; N], FormatError> {
        let mut a = [0u8; N];
        a.copy_from_slice(self.take(N)?);
        Ok(a)
    }
    fn u32(&mut self) -> Result<u32, FormatError> {
        Ok(u32::from_le_bytes(self.array()?))
    }
    fn strings(&mut self) -> Result<Vec<String>, FormatError> {
        let n = self.u32()? as usize;
        if n > 1024 {
            return Err(FormatError("implausible string count".into()));
        }
        let mut out = Vec::with_capacity(n);
        for _ in 0..n {
            let len = self.u16()? as usize;
            let s = std::str::from_utf8(self.take(len)?)
                .map_err(|_| FormatError("name is not UTF-8".into()))?;
            out.push(s.to_string());
        }
        Ok(out)
    }
    fn u16(&mut self) -> Result<u16, FormatError> {
        Ok(u16::from_le_bytes(self.array()?))
    }
}
