//! A near-duplicate set generated from real article texts, with known origins.
//!
//! Every base text (a title and paragraphs) is kept as it is and copied `variants` times; each
//! copy undergoes a random selection of the edits syndication and re-scraping make: word edits
//! (deletions, insertions, substitutions at a rate of up to 6%), truncation (up to 30% of the
//! words cut from the end), added boilerplate lines, a paragraph moved elsewhere, and a changed
//! title. The edit strengths straddle the 0.8 Jaccard threshold, so the set holds pairs on both
//! sides of it. Deterministic for a seed.

/// A text to copy: its title and paragraphs.
#[derive(Debug, Clone)]
pub struct BaseText {
    /// The headline.
    pub title: String,
    /// Paragraphs of the body.
    pub paragraphs: Vec<String>,
}

/// One generated document.
#[derive(Debug, Clone)]
pub struct GeneratedDoc {
    /// The base it was made from.
    pub base: usize,
    /// The title and body as one text, the title on the first line.
    pub text: String,
    /// The edits applied, for inspection ("original" for a base kept as it is).
    pub edits: String,
}

/// Furniture lines a re-publishing site adds.
const BOILERPLATE: &[&str] = &[
    "Sign up for our morning newsletter and get the day's top stories in your inbox.",
    "Share this article on Facebook, Twitter or by email.",
    "Source link",
    "Copyright 2023 The Associated Press. All rights reserved. This material may not be published, broadcast, rewritten or redistributed.",
    "Read more: the stories you may have missed this week.",
    "Follow us on social media for the latest updates.",
];

/// SplitMix64, enough for choosing edits.
#[derive(Debug, Clone)]
pub struct Rng(pub u64);

impl Rng {
    /// The next 64 random bits.
    pub fn next_u64(&mut self) -> u64 {
        self.0 = self.0.wrapping_add(0x9e37_79b9_7f4a_7c15);
        let mut z = self.0;
        z = (z ^ (z >> 30)).wrapping_mul(0xbf58_476d_1ce4_e5b9);
        z = (z ^ (z >> 27)).wrapping_mul(0x94d0_49bb_1331_11eb);
        z ^ (z >> 31)
    }

    /// A uniform integer below `n` (0 for `n == 0`).
    pub fn below(&mut self, n: usize) -> usize {
        if n == 0 {
            0
        } else {
            (self.next_u64() % n as u64) as usize
        }
    }

    /// A uniform float in [0, 1).
    pub fn unit(&mut self) -> f64 {
        (self.next_u64() >> 11) as f64 / (1u64 << 53) as f64
    }

    /// True with probability `p`.
    pub fn chance(&mut self, p: f64) -> bool {
        self.unit() < p
    }
}

/// The bases and `variants` edited copies of each, in base order (shuffle before use).
pub fn generate(bases: &[BaseText], variants: usize, seed: u64) -> Vec<GeneratedDoc> {
    let mut rng = Rng(seed);
    let vocabulary: Vec<&str> = bases
        .iter()
        .flat_map(|b| b.paragraphs.iter().flat_map(|p| p.split_whitespace()))
        .collect();
    let mut docs = Vec::new();
    for (index, base) in bases.iter().enumerate() {
        docs.push(GeneratedDoc {
            base: index,
            text: render(&base.title, &base.paragraphs),
            edits: "original".into(),
        });
        for _ in 0..variants {
            docs.push(variant(index, bases, &vocabulary, &mut rng));
        }
    }
    docs
}

fn variant(index: usize, bases: &[BaseText], vocabulary: &[&str], rng: &mut Rng) -> GeneratedDoc {
    let base = &bases[index];
    let mut title = base.title.clone();
    let mut paragraphs: Vec<Vec<String>> = base
        .paragraphs
        .iter()
        .map(|p| p.split_whitespace().map(str::to_owned).collect())
        .collect();
    let mut edits = Vec::new();
    if rng.chance(0.7) {
        let rate = rng.unit() * 0.06;
        edit_words(&mut paragraphs, rate, vocabulary, rng);
        edits.push(format!("words {:.1}%", rate * 100.0));
    }
    if rng.chance(0.3) {
        let cut = rng.unit() * 0.3;
        truncate(&mut paragraphs, cut);
        edits.push(format!("truncated {:.0}%", cut * 100.0));
    }
    if rng.chance(0.3) && paragraphs.len() > 1 {
        let from = rng.below(paragraphs.len());
        let moved = paragraphs.remove(from);
        let to = rng.below(paragraphs.len() + 1);
        paragraphs.insert(to, moved);
        edits.push("paragraph moved".into());
    }
    if rng.chance(0.3) {
        let lines = 1 + rng.below(3);
        for _ in 0..lines {
            let line = BOILERPLATE[rng.below(BOILERPLATE.len())];
            let words = line.split_whitespace().map(str::to_owned).collect();
            if rng.chance(0.5) {
                paragraphs.push(words);
            } else {
                paragraphs.insert(0, words);
            }
        }
        edits.push(format!("{lines} boilerplate"));
    }
    if rng.chance(0.3) {
        title = bases[rng.below(bases.len())].title.clone();
        edits.push("title changed".into());
    }
    let paragraphs: Vec<String> = paragraphs.iter().map(|p| p.join(" ")).collect();
    GeneratedDoc {
        base: index,
        text: render(&title, &paragraphs),
        edits: if edits.is_empty() {
            "none".into()
        } else {
            edits.join(", ")
        },
    }
}

fn render(title: &str, paragraphs: &[String]) -> String {
    let mut text = title.to_owned();
    for p in paragraphs {
        text.push('\n');
        text.push_str(p);
    }
    text
}

/// Deletes, inserts or substitutes words at about `rate` edits per word.
fn edit_words(paragraphs: &mut [Vec<String>], rate: f64, vocabulary: &[&str], rng: &mut Rng) {
    let total: usize = paragraphs.iter().map(Vec::len).sum();
    let edits = (total as f64 * rate).round() as usize;
    for _ in 0..edits {
        let Some(paragraph) = pick_nonempty(paragraphs, rng) else {
            return;
        };
        let at = rng.below(paragraph.len());
        let replacement = vocabulary
            .get(rng.below(vocabulary.len()))
            .copied()
            .unwrap_or("word")
            .to_owned();
        match rng.below(3) {
            0 if paragraph.len() > 1 => {
                paragraph.remove(at);
            }
            1 => paragraph.insert(at, replacement),
            _ => paragraph[at] = replacement,
        }
    }
}

fn pick_nonempty<'a>(
    paragraphs: &'a mut [Vec<String>],
    rng: &mut Rng,
) -> Option<&'a mut Vec<String>> {
    let nonempty: Vec<usize> = (0..paragraphs.len())
        .filter(|&i| !paragraphs[i].is_empty())
        .collect();
    let chosen = *nonempty.get(rng.below(nonempty.len()))?;
    paragraphs.get_mut(chosen)
}

/// Cuts the last `fraction` of the words.
fn truncate(paragraphs: &mut Vec<Vec<String>>, fraction: f64) {
    let total: usize = paragraphs.iter().map(Vec::len).sum();
    let mut keep = total - (total as f64 * fraction).round() as usize;
    paragraphs.retain_mut(|p| {
        if keep == 0 {
            return false;
        }
        if p.len() > keep {
            p.truncate(keep);
        }
        keep -= p.len();
        true
    });
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn generation_is_deterministic_and_keeps_originals() {
        let bases = vec![BaseText {
            title: "Quake hits Iran".into(),
            paragraphs: vec![
                "one two three four five six".into(),
                "seven eight nine ten".into(),
            ],
        }];
        let a = generate(&bases, 5, 9);
        let b = generate(&bases, 5, 9);
        assert_eq!(a.len(), 6);
        assert_eq!(
            a[0].text,
            "Quake hits Iran\none two three four five six\nseven eight nine ten"
        );
        assert!(a.iter().zip(&b).all(|(x, y)| x.text == y.text));
    }

    #[test]
    fn truncation_cuts_from_the_end() {
        let mut paragraphs = vec![
            vec!["a".to_owned(), "b".to_owned()],
            vec!["c".to_owned(), "d".to_owned()],
        ];
        truncate(&mut paragraphs, 0.5);
        assert_eq!(paragraphs, vec![vec!["a".to_owned(), "b".to_owned()]]);
    }
}
