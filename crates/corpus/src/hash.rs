//! Fixed, seedless 64-bit hashing for words and shingles.
//!
//! The hashes must be the same on every run and machine (signatures and exact-duplicate keys are
//! compared across articles added at different times), so no randomly seeded hasher is used.

/// The SplitMix64 finaliser: turns any 64-bit value into a well-mixed one.
pub(crate) fn mix64(mut x: u64) -> u64 {
    x = (x ^ (x >> 30)).wrapping_mul(0xbf58_476d_1ce4_e5b9);
    x = (x ^ (x >> 27)).wrapping_mul(0x94d0_49bb_1331_11eb);
    x ^ (x >> 31)
}

/// A 64-bit hash of a byte string: FNV-1a over the bytes, then mixed so that similar strings get
/// unrelated hashes. `text::for_each_word_hash` computes the same hash word by word.
pub(crate) fn hash_bytes(bytes: &[u8]) -> u64 {
    let mut h: u64 = 0xcbf2_9ce4_8422_2325;
    for &b in bytes {
        h ^= u64::from(b);
        h = h.wrapping_mul(0x0000_0100_0000_01b3);
    }
    mix64(h ^ bytes.len() as u64)
}

/// Combines an ordered sequence of hashes into one (order matters: "a b" and "b a" differ).
pub(crate) fn combine(hashes: &[u64]) -> u64 {
    hashes.iter().fold(0x9e37_79b9_7f4a_7c15_u64, |acc, &h| {
        mix64(acc.rotate_left(5) ^ h).wrapping_add(0x632b_e59b_d9b4_e019)
    })
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn order_changes_the_combined_hash() {
        assert_ne!(combine(&[1, 2]), combine(&[2, 1]));
        assert_eq!(combine(&[1, 2]), combine(&[1, 2]));
    }

    #[test]
    fn byte_hashes_are_stable() {
        assert_eq!(hash_bytes(b"news"), hash_bytes(b"news"));
        assert_ne!(hash_bytes(b"news"), hash_bytes(b"new"));
        assert_ne!(hash_bytes(b""), hash_bytes(b"\0"));
    }
}
