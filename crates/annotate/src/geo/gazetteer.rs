//! The place gazetteer: places read from the bytes of the file that
//! `crates/annotate/resources/build-geo.sh` writes, indexed by the [`key`] of every name.
//!
//! The file has one place a line, tab-separated:
//! `geonameid name alt|alt|... country admin1 lat lon population class code adj|adj|...`
//! (the last column, adjectives such as `Russian`, may be absent), plain or gzip-compressed.
//! Malformed lines are skipped and counted, never fatal.

use std::collections::HashMap;
use std::fmt;
use std::io::Read;

use super::normalize::{key, words};
use super::place::Place;

/// How a name names its place.
#[derive(Debug, Clone, Copy, PartialEq, Eq, PartialOrd, Ord)]
pub enum Form {
    /// The preferred name (or it without a trailing `City`: `New York`).
    Name,
    /// An alternate name.
    Alternate,
    /// An adjective (`Russian`, `European`).
    Adjective,
    /// A name found inside a longer mention (`California` in `University of California`);
    /// never in the index, only in the resolver's candidates.
    Inner,
}

/// A name's entry in the index.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub struct NameHit {
    /// Index of the place in [`Gazetteer::places`].
    pub place: u32,
    /// How the name names it.
    pub form: Form,
}

/// Places and the index of their names.
#[derive(Debug, Clone, Default)]
pub struct Gazetteer {
    places: Vec<Place>,
    index: HashMap<String, Vec<NameHit>>,
    max_words: usize,
    skipped: usize,
}

/// The gazetteer bytes could not be read.
#[derive(Debug)]
pub enum GazetteerError {
    /// The gzip stream is corrupt.
    Gzip(std::io::Error),
    /// The text is not UTF-8.
    Utf8,
}

impl fmt::Display for GazetteerError {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        match self {
            GazetteerError::Gzip(e) => write!(f, "corrupt gzip stream in the gazetteer: {e}"),
            GazetteerError::Utf8 => write!(f, "the gazetteer is not UTF-8 text"),
        }
    }
}

impl std::error::Error for GazetteerError {}

impl Gazetteer {
    /// Reads a gazetteer file's bytes, gzip-compressed or plain.
    pub fn from_bytes(bytes: &[u8]) -> Result<Self, GazetteerError> {
        if bytes.starts_with(&[0x1f, 0x8b]) {
            let mut raw = Vec::new();
            flate2::read::GzDecoder::new(bytes)
                .read_to_end(&mut raw)
                .map_err(GazetteerError::Gzip)?;
            let text = std::str::from_utf8(&raw).map_err(|_| GazetteerError::Utf8)?;
            Ok(Self::from_tsv(text))
        } else {
            let text = std::str::from_utf8(bytes).map_err(|_| GazetteerError::Utf8)?;
            Ok(Self::from_tsv(text))
        }
    }

    /// Reads the tab-separated text; malformed lines are skipped (see [`Gazetteer::skipped`]).
    pub fn from_tsv(text: &str) -> Self {
        let mut places = Vec::new();
        let mut skipped = 0;
        for line in text.lines().filter(|l| !l.trim().is_empty()) {
            match parse_line(line) {
                Some(p) => places.push(p),
                None => skipped += 1,
            }
        }
        let mut g = Self::from_places(places);
        g.skipped = skipped;
        g
    }

    /// A gazetteer of the given places.
    pub fn from_places(places: Vec<Place>) -> Self {
        // About two names a place: sized once rather than grown a dozen times.
        let mut index: HashMap<String, Vec<NameHit>> = HashMap::with_capacity(places.len() * 2);
        let mut max_words = 0;
        for (i, p) in places.iter().enumerate() {
            let Ok(place) = u32::try_from(i) else { break };
            let primary = key(&p.name);
            let names = std::iter::once((None, Form::Name))
                .chain(p.alternates.iter().map(|a| (Some(a), Form::Alternate)))
                .chain(p.adjectives.iter().map(|a| (Some(a), Form::Adjective)));
            for (name, mut form) in names {
                let k = name.map_or_else(|| primary.clone(), |n| key(n));
                if k.is_empty() {
                    continue;
                }
                if form == Form::Alternate && primary.strip_suffix(" city") == Some(k.as_str()) {
                    form = Form::Name;
                }
                max_words = max_words.max(words(&k));
                let hits = index.entry(k).or_default();
                match hits.iter_mut().find(|h| h.place == place) {
                    Some(h) => h.form = h.form.min(form),
                    None => hits.push(NameHit { place, form }),
                }
            }
        }
        Gazetteer {
            places,
            index,
            max_words,
            skipped: 0,
        }
    }

    /// All places.
    pub fn places(&self) -> &[Place] {
        &self.places
    }

    /// The place at an index from [`NameHit::place`].
    pub fn place(&self, i: u32) -> Option<&Place> {
        self.places.get(i as usize)
    }

    /// Places named `name` (any spelling with the same [`key`]).
    pub fn lookup(&self, name: &str) -> &[NameHit] {
        self.lookup_key(&key(name))
    }

    /// Places whose name has this key.
    pub fn lookup_key(&self, k: &str) -> &[NameHit] {
        self.index.get(k).map(Vec::as_slice).unwrap_or(&[])
    }

    /// Most words in any name's key.
    pub fn max_words(&self) -> usize {
        self.max_words
    }

    /// Lines skipped as malformed when reading.
    pub fn skipped(&self) -> usize {
        self.skipped
    }
}

fn parse_line(line: &str) -> Option<Place> {
    let f: Vec<&str> = line.split('\t').collect();
    if f.len() != 10 && f.len() != 11 {
        return None;
    }
    let lat: f64 = f[5].parse().ok()?;
    let lon: f64 = f[6].parse().ok()?;
    if !(-90.0..=90.0).contains(&lat) || !(-180.0..=180.0).contains(&lon) || f[1].is_empty() {
        return None;
    }
    Some(Place {
        geonameid: f[0].parse().ok()?,
        name: f[1].to_string(),
        alternates: f[2]
            .split('|')
            .filter(|a| !a.is_empty())
            .map(str::to_string)
            .collect(),
        country: f[3].to_string(),
        admin1: f[4].to_string(),
        lat,
        lon,
        population: f[7].parse().unwrap_or(0),
        class: f[8].chars().next()?,
        code: f[9].to_string(),
        adjectives: f
            .get(10)
            .map(|a| {
                a.split('|')
                    .filter(|a| !a.is_empty())
                    .map(str::to_string)
                    .collect()
            })
            .unwrap_or_default(),
    })
}
