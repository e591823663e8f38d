//! Alignment between decoded text and the raw bytes it was decoded from.
//!
//! Spans are computed on decoded UTF-8 text but must point into the raw input, which may be Latin-1,
//! Shift_JIS or any other encoding. `OffsetMap` records enough to translate any text offset back.

use serde::{Deserialize, Serialize};

/// Maps byte offsets in decoded text to byte offsets in the raw bytes.
#[derive(Debug, Clone, PartialEq, Eq, Default, Serialize, Deserialize)]
pub enum OffsetMap {
    /// The raw bytes were UTF-8 (possibly after a BOM of `shift` bytes): offsets are equal.
    #[default]
    Identity,
    /// Raw offsets are text offsets plus a constant (a stripped byte-order mark).
    Shifted(u64),
    /// Sorted anchor points `(text_offset, raw_offset)`; between two anchors every text character
    /// has the raw width recorded by the anchor's successor. Built by the decoder at every point
    /// where the ratio of text bytes to raw bytes changes.
    Anchors(Vec<(u64, u64)>),
}

impl OffsetMap {
    /// The raw offset of a text offset. Offsets past the last anchor are extrapolated one to one.
    pub fn to_raw(&self, text_offset: u64) -> u64 {
        match self {
            OffsetMap::Identity => text_offset,
            OffsetMap::Shifted(shift) => text_offset + shift,
            OffsetMap::Anchors(anchors) => {
                let idx = anchors.partition_point(|&(t, _)| t <= text_offset);
                if idx == 0 {
                    return text_offset;
                }
                let (t, r) = anchors[idx - 1];
                r + (text_offset - t)
            }
        }
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn anchors_translate_offsets() {
        // "é" is two bytes in UTF-8 and one in Latin-1: text "aéb" -> raw "a\xe9b".
        let map = OffsetMap::Anchors(vec![(0, 0), (1, 1), (3, 2)]);
        assert_eq!(map.to_raw(0), 0);
        assert_eq!(map.to_raw(1), 1);
        assert_eq!(map.to_raw(3), 2);
        assert_eq!(map.to_raw(4), 3);
    }
}
