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

#[cfg(test)]
mod tests {
    use super::*;

    fn words(text: &str) -> Vec<String> {
        let mut out = Vec::new();
        for_each_word(text, &mut String::new(), |w| out.push(w.to_owned()));
        out
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
