//! Feature extraction: every feature is a 64-bit hash of a template number and some strings.
//!
//! Static features depend only on the words (the token, its neighbours ±2, shapes, affixes,
//! capitalisation patterns, sentence position, document-level spellings); dynamic features depend
//! on the tags already predicted (previous tags, and what the same word was tagged earlier in the
//! document) and are added by the decoder. Hashing keeps extraction allocation-light and lets
//! the weight table hold only features that training ever touched.

use super::context::DocIndex;

/// FNV-1a over a template number and parts, never 0 (0 marks an empty slot in the table).
#[derive(Debug, Clone, Copy)]
pub struct Fx(u64);

impl Fx {
    /// Starts a feature of template `tpl`.
    pub fn new(tpl: u8) -> Self {
        Fx(0xcbf2_9ce4_8422_2325).byte(tpl)
    }

    fn byte(self, b: u8) -> Self {
        Fx((self.0 ^ u64::from(b)).wrapping_mul(0x0100_0000_01b3))
    }

    /// Adds a string part (with a separator, so ("ab","c") differs from ("a","bc")).
    pub fn str(self, s: &str) -> Self {
        let mut h = self;
        for &b in s.as_bytes() {
            h = h.byte(b);
        }
        h.byte(0xff)
    }

    /// Adds a small number.
    pub fn num(self, n: u32) -> Self {
        n.to_le_bytes().iter().fold(self, |h, &b| h.byte(b))
    }

    /// The finished feature key.
    pub fn key(self) -> u64 {
        let x = self.0 ^ (self.0 >> 29);
        x.max(1)
    }
}

/// Per-word strings computed once per token and shared by its neighbours' features.
#[derive(Debug, Clone)]
pub struct WordInfo {
    /// Lower case, digits folded to `0`.
    pub norm: String,
    /// Character classes with runs longer than two cut: `Xxx`, `dd-dd`.
    pub shape: String,
    /// Character classes with every run cut to one: `Xx`, `d-d`.
    pub short: String,
    /// First character upper case.
    pub cap: bool,
    /// Has letters, all of them upper case.
    pub all_caps: bool,
}

impl WordInfo {
    /// Computes the strings of `word`.
    pub fn new(word: &str) -> Self {
        let mut norm = String::with_capacity(word.len());
        let mut shape = String::with_capacity(8);
        let mut short = String::with_capacity(4);
        let (mut last, mut run) = ('\0', 0);
        let (mut letters, mut uppers) = (0, 0);
        for c in word.chars() {
            let class = if c.is_uppercase() {
                'X'
            } else if c.is_lowercase() {
                'x'
            } else if c.is_numeric() {
                'd'
            } else {
                c
            };
            if c.is_alphabetic() {
                letters += 1;
                if c.is_uppercase() {
                    uppers += 1;
                }
            }
            if c.is_numeric() {
                norm.push('0');
            } else {
                norm.extend(c.to_lowercase());
            }
            if class == last {
                run += 1;
            } else {
                run = 1;
                last = class;
                short.push(class);
            }
            if run <= 2 && shape.len() < 16 {
                shape.push(class);
            }
        }
        let cap = word.chars().next().is_some_and(char::is_uppercase);
        WordInfo {
            norm,
            shape,
            short,
            cap,
            all_caps: letters > 0 && uppers == letters,
        }
    }
}

/// Template numbers (kept stable: a model file depends on them).
mod tpl {
    pub const BIAS: u8 = 0;
    pub const WORD: u8 = 1;
    pub const NORM: u8 = 2;
    pub const NORM_AT: u8 = 3;
    pub const BIGRAM_LEFT: u8 = 4;
    pub const BIGRAM_RIGHT: u8 = 5;
    pub const SHAPE: u8 = 6;
    pub const SHORT: u8 = 7;
    pub const SHAPE_AT: u8 = 8;
    pub const SHORT_WINDOW: u8 = 9;
    pub const PREFIX: u8 = 10;
    pub const SUFFIX: u8 = 11;
    pub const INITIAL: u8 = 12;
    pub const HEADLINE: u8 = 13;
    pub const WORD_AT: u8 = 14;
    pub const DOC: u8 = 15;
    pub const LENGTH: u8 = 16;
    pub const CAP_WINDOW: u8 = 17;
    pub const TRIGRAM: u8 = 18;
    pub const LEFT_SHAPE: u8 = 19;
    pub const SHAPE_RIGHT: u8 = 20;
}

/// Whether a sentence looks like a headline: most of its words capitalised.
pub fn is_headline(info: &[WordInfo]) -> bool {
    info.len() > 1 && info.iter().filter(|x| x.cap || x.all_caps).count() * 2 > info.len()
}

/// Appends the static features of token `i` of a sentence to `out`.
pub fn static_features(
    words: &[&str],
    info: &[WordInfo],
    i: usize,
    headline: bool,
    doc: &DocIndex,
    out: &mut Vec<u64>,
) {
    let w = words[i];
    let wi = &info[i];
    let at = |d: isize| -> Option<&WordInfo> {
        let j = i as isize + d;
        (j >= 0).then(|| info.get(j as usize)).flatten()
    };
    let norm_at = |d: isize| at(d).map_or(if d < 0 { "<s>" } else { "</s>" }, |x| x.norm.as_str());
    let shape_at = |d: isize| at(d).map_or("<s>", |x| x.short.as_str());

    out.push(Fx::new(tpl::BIAS).key());
    out.push(Fx::new(tpl::WORD).str(w).key());
    out.push(Fx::new(tpl::NORM).str(&wi.norm).key());
    for d in [-2isize, -1, 1, 2] {
        out.push(Fx::new(tpl::NORM_AT).num(d as u32).str(norm_at(d)).key());
        let form = at(d).map_or("", |_| words[(i as isize + d) as usize]);
        out.push(Fx::new(tpl::WORD_AT).num(d as u32).str(form).key());
        out.push(Fx::new(tpl::SHAPE_AT).num(d as u32).str(shape_at(d)).key());
    }
    out.push(
        Fx::new(tpl::BIGRAM_LEFT)
            .str(norm_at(-1))
            .str(&wi.norm)
            .key(),
    );
    out.push(
        Fx::new(tpl::BIGRAM_RIGHT)
            .str(&wi.norm)
            .str(norm_at(1))
            .key(),
    );
    out.push(
        Fx::new(tpl::TRIGRAM)
            .str(norm_at(-1))
            .str(&wi.norm)
            .str(norm_at(1))
            .key(),
    );
    out.push(
        Fx::new(tpl::LEFT_SHAPE)
            .str(norm_at(-1))
            .str(&wi.short)
            .key(),
    );
    out.push(
        Fx::new(tpl::SHAPE_RIGHT)
            .str(&wi.short)
            .str(norm_at(1))
            .key(),
    );
    out.push(Fx::new(tpl::SHAPE).str(&wi.shape).key());
    out.push(Fx::new(tpl::SHORT).str(&wi.short).key());
    out.push(
        Fx::new(tpl::SHORT_WINDOW)
            .str(shape_at(-1))
            .str(&wi.short)
            .str(shape_at(1))
            .key(),
    );
    let caps = |d: isize| at(d).map_or(2u32, |x| u32::from(x.cap));
    out.push(
        Fx::new(tpl::CAP_WINDOW)
            .num(caps(-1))
            .num(u32::from(wi.cap))
            .num(caps(1))
            .key(),
    );
    let chars: Vec<char> = wi.norm.chars().collect();
    for n in 1..=4.min(chars.len()) {
        let p: String = chars[..n].iter().collect();
        let s: String = chars[chars.len() - n..].iter().collect();
        out.push(Fx::new(tpl::PREFIX).str(&p).key());
        out.push(Fx::new(tpl::SUFFIX).str(&s).key());
    }
    out.push(Fx::new(tpl::LENGTH).num(chars.len().min(8) as u32).key());
    if i == 0 {
        out.push(Fx::new(tpl::INITIAL).num(u32::from(wi.cap)).key());
    }
    if headline {
        out.push(Fx::new(tpl::HEADLINE).str(&wi.short).key());
    }
    let initial = i == 0 || (i == 1 && info[0].short.chars().all(|c| !c.is_alphanumeric()));
    for flag in doc.flags(wi, initial) {
        out.push(Fx::new(tpl::DOC).str(flag).key());
        out.push(Fx::new(tpl::DOC).str(flag).str(&wi.short).key());
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn shapes_and_norms() {
        let w = WordInfo::new("McDonald's");
        assert_eq!((w.shape.as_str(), w.short.as_str()), ("XxXxx'x", "XxXx'x"));
        let d = WordInfo::new("1996-08-22");
        assert_eq!((d.norm.as_str(), d.short.as_str()), ("0000-00-00", "d-d-d"));
        assert!(WordInfo::new("EU").all_caps && WordInfo::new("EU").cap);
        assert!(!WordInfo::new("1-2").all_caps);
    }

    #[test]
    fn keys_differ_by_template_and_split() {
        assert_ne!(Fx::new(1).str("a").key(), Fx::new(2).str("a").key());
        assert_ne!(
            Fx::new(1).str("ab").str("c").key(),
            Fx::new(1).str("a").str("bc").key()
        );
        assert_ne!(Fx::new(0).key(), 0);
    }
}
