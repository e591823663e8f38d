//! brat standoff files as PolNeAR ships them: text-bound annotations (`T1<TAB>Source 68 84<TAB>
//! text`, discontinuous as `209 236;91 186`) and events tying them into attributions
//! (`E1<TAB>Attribution:T4 Content:T3 Cue:T2 Source:T1`).
//!
//! Offsets in the files count characters; [`CharIndex`] turns them into byte offsets of the text.
//! Lines of any other shape (notes, the continuation of an annotation's text over a newline) are
//! skipped.

use std::collections::HashMap;

/// Byte ranges, sorted and not overlapping.
pub type Pieces = Vec<(usize, usize)>;

/// One attribution: its content, cue and source, as byte ranges of the text.
#[derive(Debug, Clone, Default)]
pub struct Attribution {
    pub content: Pieces,
    pub cue: Pieces,
    pub source: Pieces,
}

/// What one annotator's file says of one text.
#[derive(Debug, Clone, Default)]
pub struct Annotation {
    pub attributions: Vec<Attribution>,
    /// Stretches the annotator set aside (editor's notes and the like): not scored.
    pub discarded: Pieces,
}

/// Character offsets to byte offsets of one text.
#[derive(Debug)]
pub struct CharIndex {
    bytes: Vec<usize>,
}

impl CharIndex {
    pub fn new(text: &str) -> Self {
        let mut bytes: Vec<usize> = text.char_indices().map(|(b, _)| b).collect();
        bytes.push(text.len());
        CharIndex { bytes }
    }

    /// The byte offset of character `c` (clamped to the text's end).
    pub fn byte(&self, c: usize) -> usize {
        self.bytes
            .get(c)
            .or(self.bytes.last())
            .copied()
            .unwrap_or(0)
    }
}

/// Reads one `.ann` file over the text `index` was made from.
pub fn parse(ann: &str, index: &CharIndex) -> Annotation {
    let mut spans: HashMap<&str, (&str, Pieces)> = HashMap::new();
    let mut events = Vec::new();
    for line in ann.lines() {
        let mut fields = line.split('\t');
        let (Some(id), Some(body)) = (fields.next(), fields.next()) else {
            continue;
        };
        if id.starts_with('T') {
            let Some((kind, ranges)) = body.split_once(' ') else {
                continue;
            };
            let pieces = ranges
                .split(';')
                .filter_map(|r| {
                    let (s, e) = r.trim().split_once(' ')?;
                    Some((index.byte(s.parse().ok()?), index.byte(e.parse().ok()?)))
                })
                .collect();
            spans.insert(id, (kind, normalise(pieces)));
        } else if id.starts_with('E') {
            events.push(body);
        }
    }
    let mut out = Annotation::default();
    for (kind, pieces) in spans.values() {
        if *kind == "Discard" {
            out.discarded.extend(pieces);
        }
    }
    out.discarded = normalise(out.discarded);
    for body in events {
        let mut a = Attribution::default();
        for arg in body.split_whitespace() {
            let Some((role, id)) = arg.split_once(':') else {
                continue;
            };
            let Some((_, pieces)) = spans.get(id) else {
                continue;
            };
            match role {
                "Content" => a.content = pieces.clone(),
                "Cue" => a.cue = pieces.clone(),
                "Source" => a.source = pieces.clone(),
                _ => {}
            }
        }
        if !a.content.is_empty() {
            out.attributions.push(a);
        }
    }
    out
}

/// Sorted, merged, non-empty ranges.
pub fn normalise(mut pieces: Pieces) -> Pieces {
    pieces.retain(|p| p.1 > p.0);
    pieces.sort_unstable();
    let mut out: Pieces = Vec::with_capacity(pieces.len());
    for p in pieces {
        match out.last_mut() {
            Some(last) if p.0 <= last.1 => last.1 = last.1.max(p.1),
            _ => out.push(p),
        }
    }
    out
}

/// Bytes covered by `pieces`.
pub fn covered(pieces: &[(usize, usize)]) -> usize {
    pieces.iter().map(|p| p.1 - p.0).sum()
}

/// Bytes two normalised piece lists share.
pub fn shared(a: &[(usize, usize)], b: &[(usize, usize)]) -> usize {
    let (mut i, mut j, mut n) = (0, 0, 0);
    while i < a.len() && j < b.len() {
        let lo = a[i].0.max(b[j].0);
        let hi = a[i].1.min(b[j].1);
        n += hi.saturating_sub(lo);
        if a[i].1 < b[j].1 {
            i += 1;
        } else {
            j += 1;
        }
    }
    n
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn attributions_read_with_byte_offsets() {
        let text = "A\u{a0}poll shows that we won.";
        let ann =
            "T1\tSource 0 6\tA poll\nT2\tCue 7 12\tshows\nT3\tContent 13 24;0 1\tthat we won\n\
                   E1\tAttribution:T2 Content:T3 Cue:T2 Source:T1\n#1\tAnnotatorNotes T1\tnote\n";
        let got = parse(ann, &CharIndex::new(text));
        assert_eq!(got.attributions.len(), 1);
        let a = &got.attributions[0];
        // The no-break space is two bytes: every offset after it moves by one.
        assert_eq!(a.source, vec![(0, 7)]);
        assert_eq!(&text[a.cue[0].0..a.cue[0].1], "shows");
        assert_eq!(a.content, vec![(0, 1), (14, 25)]);
    }

    #[test]
    fn overlap_of_piece_lists() {
        assert_eq!(shared(&[(0, 10), (20, 30)], &[(5, 25)]), 10);
        assert_eq!(shared(&[(0, 5)], &[(5, 9)]), 0);
        assert_eq!(normalise(vec![(5, 9), (0, 6), (3, 3)]), vec![(0, 9)]);
    }
}
