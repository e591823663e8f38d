//! Entity tags: the BILOU scheme the tagger predicts, and chunks read from IOB1, IOB2, IOBES or
//! BILOU label strings with conlleval's rules.
//!
//! Tag 0 is `O`; entity type `k` owns tags `1 + 4k ..= 4 + 4k` for B, I, L, U. A chunk is a
//! half-open token range with a type; conlleval starts a chunk at `B`/`S`/`U`, at an `I` after
//! `O` or after the end of a chunk, and at any change of type.

/// Position of a tag inside its entity.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Part {
    /// First token of a multi-token entity.
    Begin,
    /// Inner token.
    Inside,
    /// Last token of a multi-token entity.
    Last,
    /// Single-token entity.
    Unit,
}

/// A tag index: 0 is `O`, otherwise `1 + 4 * type + part`.
pub type Tag = u8;

/// The outside tag.
pub const OUTSIDE: Tag = 0;

/// Number of tags for `n_types` entity types.
pub fn n_tags(n_types: usize) -> usize {
    1 + 4 * n_types
}

/// The tag of `part` for entity type `kind`.
pub fn tag(kind: usize, part: Part) -> Tag {
    let p = match part {
        Part::Begin => 0,
        Part::Inside => 1,
        Part::Last => 2,
        Part::Unit => 3,
    };
    (1 + 4 * kind + p) as Tag
}

/// The entity type and part of `t`, or `None` for `O`.
pub fn split(t: Tag) -> Option<(usize, Part)> {
    if t == OUTSIDE {
        return None;
    }
    let i = usize::from(t - 1);
    let part = match i % 4 {
        0 => Part::Begin,
        1 => Part::Inside,
        2 => Part::Last,
        _ => Part::Unit,
    };
    Some((i / 4, part))
}

/// Whether `cur` may follow `prev` (`None` at the start of a sentence) in a valid BILOU sequence.
pub fn allowed(prev: Option<Tag>, cur: Tag) -> bool {
    let open = prev
        .and_then(split)
        .filter(|(_, p)| matches!(p, Part::Begin | Part::Inside));
    match (open, split(cur)) {
        (Some((k, _)), Some((j, p))) => k == j && matches!(p, Part::Inside | Part::Last),
        (Some(_), None) => false,
        (None, None) => true,
        (None, Some((_, p))) => matches!(p, Part::Begin | Part::Unit),
    }
}

/// Whether a sentence may end on `t` (not inside an open entity).
pub fn can_end(t: Tag) -> bool {
    !matches!(split(t), Some((_, Part::Begin | Part::Inside)))
}

/// An entity chunk: tokens `start..end` of one sentence, of type `kind`.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash, PartialOrd, Ord)]
pub struct Chunk {
    /// First token.
    pub start: usize,
    /// One past the last token.
    pub end: usize,
    /// Entity type index.
    pub kind: usize,
}

/// Chunks of a BILOU tag sequence, read leniently (an `I` or `L` without a `B` still opens one).
pub fn chunks_from_tags(tags: &[Tag]) -> Vec<Chunk> {
    let labels: Vec<(char, usize)> = tags
        .iter()
        .map(|&t| match split(t) {
            None => ('O', 0),
            Some((k, Part::Begin)) => ('B', k),
            Some((k, Part::Inside)) => ('I', k),
            Some((k, Part::Last)) => ('E', k),
            Some((k, Part::Unit)) => ('S', k),
        })
        .collect();
    chunks_from_parts(&labels)
}

/// Chunks of label strings such as `B-PER`, `I-ORG`, `O` (IOB1, IOB2, IOBES or BILOU) with
/// conlleval's rules; `kind_of` maps a type name to an index, or `None` to ignore the label.
pub fn chunks_from_labels(
    labels: &[&str],
    mut kind_of: impl FnMut(&str) -> Option<usize>,
) -> Vec<Chunk> {
    let parts: Vec<(char, usize)> = labels
        .iter()
        .map(|l| {
            let (prefix, name) = l.split_once('-').unwrap_or((l, ""));
            let p = match prefix {
                "B" => 'B',
                "I" => 'I',
                "E" | "L" => 'E',
                "S" | "U" => 'S',
                _ => 'O',
            };
            match (p, kind_of(name)) {
                ('O', _) | (_, None) => ('O', 0),
                (p, Some(k)) => (p, k),
            }
        })
        .collect();
    chunks_from_parts(&parts)
}

/// BILOU tags for a sentence of `len` tokens holding `chunks` (non-overlapping).
pub fn tags_from_chunks(len: usize, chunks: &[Chunk]) -> Vec<Tag> {
    let mut out = vec![OUTSIDE; len];
    for c in chunks {
        if c.start >= c.end || c.end > len {
            continue;
        }
        if c.end - c.start == 1 {
            out[c.start] = tag(c.kind, Part::Unit);
        } else {
            out[c.start] = tag(c.kind, Part::Begin);
            for t in &mut out[c.start + 1..c.end - 1] {
                *t = tag(c.kind, Part::Inside);
            }
            out[c.end - 1] = tag(c.kind, Part::Last);
        }
    }
    out
}

/// conlleval's chunking over (prefix, type) pairs with prefixes B, I, E, S, O.
fn chunks_from_parts(parts: &[(char, usize)]) -> Vec<Chunk> {
    let mut out = Vec::new();
    let mut open: Option<(usize, usize)> = None; // (start, kind)
    let mut prev = ('O', 0);
    for (i, &(p, k)) in parts.iter().enumerate() {
        let ends = match open {
            Some((_, ok)) => matches!(prev.0, 'E' | 'S') || matches!(p, 'B' | 'S' | 'O') || ok != k,
            None => false,
        };
        if ends {
            if let Some((s, ok)) = open.take() {
                out.push(Chunk {
                    start: s,
                    end: i,
                    kind: ok,
                });
            }
        }
        if p != 'O' && open.is_none() {
            open = Some((i, k));
        }
        prev = (p, k);
    }
    if let Some((s, k)) = open {
        out.push(Chunk {
            start: s,
            end: parts.len(),
            kind: k,
        });
    }
    out
}

#[cfg(test)]
mod tests {
    use super::*;

    fn kind(name: &str) -> Option<usize> {
        ["PER", "ORG", "LOC", "MISC"]
            .iter()
            .position(|&n| n == name)
    }

    fn c(start: usize, end: usize, kind: usize) -> Chunk {
        Chunk { start, end, kind }
    }

    #[test]
    fn reads_iob1_as_conlleval_does() {
        // IOB1: a B only separates two adjacent chunks of one type.
        let labels = ["I-ORG", "O", "I-PER", "I-PER", "B-PER", "I-LOC", "I-MISC"];
        assert_eq!(
            chunks_from_labels(&labels, kind),
            [c(0, 1, 1), c(2, 4, 0), c(4, 5, 0), c(5, 6, 2), c(6, 7, 3)]
        );
    }

    #[test]
    fn reads_iob2_and_bioes() {
        assert_eq!(
            chunks_from_labels(&["B-PER", "I-PER", "O", "B-LOC"], kind),
            [c(0, 2, 0), c(3, 4, 2)]
        );
        assert_eq!(
            chunks_from_labels(&["S-PER", "B-ORG", "E-ORG", "I-ORG"], kind),
            [c(0, 1, 0), c(1, 3, 1), c(3, 4, 1)]
        );
    }

    #[test]
    fn bilou_round_trip_and_constraints() {
        let chunks = [c(0, 1, 0), c(2, 5, 1)];
        let tags = tags_from_chunks(6, &chunks);
        assert_eq!(chunks_from_tags(&tags), chunks);
        assert!(tags.windows(2).all(|w| allowed(Some(w[0]), w[1])));
        assert!(allowed(None, tags[0]) && tags.iter().all(|&t| t < n_tags(4) as Tag));
        assert!(!allowed(Some(tag(1, Part::Begin)), OUTSIDE));
        assert!(!allowed(Some(tag(1, Part::Begin)), tag(2, Part::Last)));
        assert!(!can_end(tag(0, Part::Inside)) && can_end(tag(0, Part::Last)));
    }
}
