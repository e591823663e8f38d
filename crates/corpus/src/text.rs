//! Words of a text as both indexes see them: runs of letters and digits, lower-cased.
//!
//! Punctuation, quotes and spacing differ between copies of one article (curly or straight
//! quotes, dashes, line wrapping), so none of them takes part in a word.

/// Calls `each` with every word of `text`, lower-cased, in order. `buffer` is reused between
/// words so that lower-casing allocates nothing after the first long word.
pub(crate) fn for_each_word(text: &str, buffer: &mut String, mut each: impl FnMut(&str)) {
    buffer.clear();
    for c in text.chars() {
        if c.is_alphanumeric() {
            if c.is_ascii() {
                buffer.push(c.to_ascii_lowercase());
            } else {
                buffer.extend(c.to_lowercase());
            }
        } else if !buffer.is_empty() {
            each(buffer);
            buffer.clear();
        }
    }
    if !buffer.is_empty() {
        each(buffer);
        buffer.clear();
    }
}

/// Calls `each` with a 64-bit hash of every word of `text` (the words of [`for_each_word`]), in
/// order, without building the words: the lower-cased bytes go straight into an FNV-1a state.
pub(crate) fn for_each_word_hash(text: &str, mut each: impl FnMut(u64)) {
    let mut state = FNV_OFFSET;
    let mut length = 0u64;
    let mut utf8 = [0u8; 4];
    for c in text.chars() {
        if c.is_ascii() {
            if c.is_ascii_alphanumeric() {
                state = fnv_step(state, c.to_ascii_lowercase() as u8);
                length += 1;
                continue;
            }
        } else if c.is_alphanumeric() {
            for lower in c.to_lowercase() {
                for &byte in lower.encode_utf8(&mut utf8).as_bytes() {
                    state = fnv_step(state, byte);
                    length += 1;
                }
            }
            continue;
        }
        if length > 0 {
            each(finish(state, length));
            state = FNV_OFFSET;
            length = 0;
        }
    }
    if length > 0 {
        each(finish(state, length));
    }
}

const FNV_OFFSET: u64 = 0xcbf2_9ce4_8422_2325;

fn fnv_step(state: u64, byte: u8) -> u64 {
    (state ^ u64::from(byte)).wrapping_mul(0x0000_0100_0000_01b3)
}

fn finish(state: u64, length: u64) -> u64 {
    crate::hash::mix64(state ^ length)
}

#[cfg(test)]
mod tests {
    use super::*;

    fn words(text: &str) -> Vec<String> {
        let mut out = Vec::new();
        for_each_word(text, &mut String::new(), |w| out.push(w.to_owned()));
        out
    }

    #[test]
    fn word_hashes_are_hashes_of_the_words() {
        let text = "“Blinken’s” TRIP, 2023—Astana İstanbul";
        let mut hashes = Vec::new();
        for_each_word_hash(text, |h| hashes.push(h));
        let expected: Vec<u64> = words(text)
            .iter()
            .map(|w| crate::hash::hash_bytes(w.as_bytes()))
            .collect();
        assert_eq!(hashes, expected);
    }

    #[test]
    fn words_ignore_punctuation_and_case() {
        assert_eq!(
            words("“Blinken’s” TRIP, 2023—Astana"),
            ["blinken", "s", "trip", "2023", "astana"]
        );
        assert_eq!(words(""), Vec::<String>::new());
        assert_eq!(words("Ümlaut İstanbul"), ["ümlaut", "i̇stanbul"]);
    }
}
