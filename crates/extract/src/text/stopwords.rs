//! The commonest function words of the languages news is most often scraped in. Prose is dense in
//! them; menus, tag lists and bylines are not, which is what tells body text from page furniture.

use std::collections::HashSet;
use std::sync::LazyLock;

const WORDS: &str = "\
a about after all also an and are as at be been but by can could for from had has have he her his \
i if in into is it its more no not of on one or our out over said says she so than that the their \
them there they this to up was we were what when which who will with would you \
aber als am an auch auf aus bei bis das dass dem den der des die durch ein eine einem einen einer \
es für hat ich im ist mit nach nicht noch nur oder sich sie sind so um und uns von vor war wie wird \
wir zu zum zur über \
au aux avec ce ces dans de des du elle en est et il ils la le les leur mais ne nous on ou par pas \
pour qu que qui sa se ses son sont sur un une été \
al como con del el era es esta este fue ha hay las lo los más para pero por se sin su sus una y \
che di gli ha il non per più sono tra \
ao da das do dos em foi mas na no os pela pelo ser um uma \
het een ook van voor zijn niet maar dat \
в и на не что с по как это из от за к для но он она они его был";

static SET: LazyLock<HashSet<&'static str>> = LazyLock::new(|| WORDS.split_whitespace().collect());

/// Whether a lowercased word is a stopword.
pub fn is_stopword(lower: &str) -> bool {
    SET.contains(lower)
}

/// Share of stopwords among the words of `text` (0 for no words).
pub fn stopword_ratio(text: &str) -> f32 {
    let mut words = 0usize;
    let mut stops = 0usize;
    let mut buf = String::new();
    for word in text.split(|c: char| !c.is_alphanumeric() && c != '\'') {
        if word.is_empty() {
            continue;
        }
        words += 1;
        buf.clear();
        buf.extend(word.chars().flat_map(char::to_lowercase));
        if is_stopword(&buf) {
            stops += 1;
        }
    }
    if words == 0 {
        0.0
    } else {
        stops as f32 / words as f32
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn prose_is_dense_in_stopwords() {
        assert!(
            stopword_ratio("The meetings come at a critical juncture in the efforts of the US.")
                > 0.3
        );
        assert!(stopword_ratio("Home World Politics Business Tech Sports") < 0.1);
        assert!(stopword_ratio("Die Regierung hat am Dienstag mit den Gesprächen begonnen.") > 0.3);
    }
}
