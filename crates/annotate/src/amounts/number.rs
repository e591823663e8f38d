//! Numbers over scanned tokens: digits ("1,250.5", "5 1/2"), number words ("twenty-four",
//! "two hundred and fifty", "a dozen", "a million"), each optionally scaled ("1.25 billion",
//! "5m", "€3bn", "10 crore"). Shared by the amount and time rules.

use super::scan::{Kind, Tok};

/// A number read from tokens `start..end`.
#[derive(Debug, Clone, Copy, PartialEq)]
pub(crate) struct Number {
    /// Its value, scale applied.
    pub value: f64,
    /// Index one past its last token.
    pub end: usize,
    /// Whether it was spelled in words.
    pub words: bool,
    /// The scale word's factor, if a scale word followed (1e6 for "million").
    pub scale: Option<f64>,
}

/// The value of a spelled-out unit, teen or ten ("seven" -> 7, "forty" -> 40).
///
/// A `match`, not a list or a map: it runs for nearly every word of every text.
pub(crate) fn small_word(w: &str) -> Option<u32> {
    Some(match w {
        "zero" => 0,
        "one" => 1,
        "two" => 2,
        "three" => 3,
        "four" => 4,
        "five" => 5,
        "six" => 6,
        "seven" => 7,
        "eight" => 8,
        "nine" => 9,
        "ten" => 10,
        "eleven" => 11,
        "twelve" => 12,
        "thirteen" => 13,
        "fourteen" => 14,
        "fifteen" => 15,
        "sixteen" => 16,
        "seventeen" => 17,
        "eighteen" => 18,
        "nineteen" => 19,
        "twenty" => 20,
        "thirty" => 30,
        "forty" => 40,
        "fifty" => 50,
        "sixty" => 60,
        "seventy" => 70,
        "eighty" => 80,
        "ninety" => 90,
        _ => return None,
    })
}

/// Whether a spelled-out number can start at this word ("seven", "a" million).
pub(crate) fn may_start(w: &str) -> bool {
    small_word(w).is_some() || w == "a" || w == "an"
}

/// The factor of a scale word that may follow a number ("million" -> 1e6, "bn" -> 1e9).
/// `attached` is true when the word follows the digits without a space ("5m").
pub(crate) fn scale_word(w: &str, attached: bool) -> Option<f64> {
    let v = match w {
        "thousand" => 1e3,
        "million" | "millions" | "mln" | "mn" => 1e6,
        "billion" | "billions" | "bln" | "bn" => 1e9,
        "trillion" | "trillions" | "tn" => 1e12,
        "lakh" | "lakhs" | "lac" => 1e5,
        "crore" | "crores" => 1e7,
        "k" if attached => 1e3,
        "m" if attached => 1e6,
        "b" if attached => 1e9,
        _ => return None,
    };
    Some(v)
}

/// Reads a number starting at token `i`, digits or words, with any scale word after it.
pub(crate) fn parse(toks: &[Tok], i: usize) -> Option<Number> {
    let t = toks.get(i)?;
    let (value, end, words) = if t.kind == Kind::Num {
        let (v, e) = digits(toks, i)?;
        (v, e, false)
    } else {
        let (v, e) = words_value(toks, i)?;
        (v, e, true)
    };
    Some(apply_scale(
        toks,
        Number {
            value,
            end,
            words,
            scale: None,
        },
    ))
}

/// Adds the scale word after `n`, if any ("1.25 billion", "5m", "a million").
fn apply_scale(toks: &[Tok], mut n: Number) -> Number {
    if let Some(t) = toks.get(n.end) {
        if t.kind == Kind::Word {
            let attached = !t.gap && !n.words;
            // A lone letter only scales when attached and not followed by more letters or a dot
            // ("5m", not "5 m" or "5 a.m.").
            let lone_ok = t.low.len() > 1
                || (attached
                    && !toks
                        .get(n.end + 1)
                        .is_some_and(|u| !u.gap && u.is_punct('.')));
            if let Some(f) = scale_word(&t.low, attached).filter(|_| lone_ok) {
                n.value *= f;
                n.scale = Some(f);
                n.end += 1;
            }
        }
    }
    n
}

/// A digit run, with a following simple fraction ("5 1/2") or attached to one ("1/2").
fn digits(toks: &[Tok], i: usize) -> Option<(f64, usize)> {
    let t = &toks[i];
    let value: f64 = t.low.replace(',', "").parse().ok()?;
    // "5 1/2": whole number, space, numerator, slash, denominator.
    if let (Some(a), Some(s), Some(b)) = (toks.get(i + 1), toks.get(i + 2), toks.get(i + 3)) {
        if a.gap && !s.gap && !b.gap && s.is_punct('/') && t.low.bytes().all(|c| c.is_ascii_digit())
        {
            if let (Some(num), Some(den)) = (a.int(), b.int()) {
                if den > num && den <= 16 && num > 0 {
                    return Some((value + num as f64 / den as f64, i + 4));
                }
            }
        }
    }
    Some((value, i + 1))
}

/// Spelled-out numbers: "twenty-four", "two hundred and fifty", "a dozen", "a million",
/// "one and a half".
fn words_value(toks: &[Tok], i: usize) -> Option<(f64, usize)> {
    let mut total = 0.0_f64;
    let mut current = 0.0_f64;
    let mut seen = false;
    let mut k = i;
    let mut last_small: Option<u32> = None;
    while let Some(t) = toks.get(k) {
        let w = t.low.as_str();
        if let Some(v) = small_word(w) {
            // "twenty four" / "twenty-four": a unit after a ten adds; otherwise two numbers meet.
            match last_small {
                Some(prev) if prev >= 20 && prev % 10 == 0 && v < 10 && v > 0 => {}
                Some(_) => break,
                None => {}
            }
            current += f64::from(v);
            last_small = Some(v);
            seen = true;
            k += 1;
        } else if (w == "a" || w == "an") && !seen {
            // "a hundred", "a million", "a dozen": only before a multiplier.
            match toks.get(k + 1).map(|n| n.low.as_str()) {
                Some("hundred" | "thousand" | "million" | "billion" | "trillion" | "dozen") => {
                    current = 1.0;
                    seen = true;
                    k += 1;
                }
                _ => break,
            }
        } else if w == "dozen" && seen {
            current *= 12.0;
            last_small = None;
            k += 1;
        } else if w == "hundred" && seen {
            current = current.max(1.0) * 100.0;
            last_small = None;
            k += 1;
        } else if w == "thousand" && seen {
            total += current.max(1.0) * 1e3;
            current = 0.0;
            last_small = None;
            k += 1;
        } else if t.is_punct('-') && !t.gap && last_small.is_some_and(|v| v >= 20 && v % 10 == 0) {
            // Hyphen inside "twenty-four" only.
            match toks.get(k + 1) {
                Some(n) if !n.gap && small_word(&n.low).is_some_and(|v| v > 0 && v < 10) => k += 1,
                _ => break,
            }
        } else if w == "and" && seen && last_small.is_none() {
            // "two hundred and fifty"
            match toks.get(k + 1) {
                Some(n) if small_word(&n.low).is_some() => k += 1,
                _ => break,
            }
        } else {
            break;
        }
    }
    if !seen {
        return None;
    }
    let mut value = total + current;
    // "one and a half", "two and a half"
    if toks.get(k).is_some_and(|t| t.is("and"))
        && toks.get(k + 1).is_some_and(|t| t.is("a"))
        && toks.get(k + 2).is_some_and(|t| t.is("half"))
    {
        value += 0.5;
        k += 3;
    }
    Some((value, k))
}

#[cfg(test)]
mod tests {
    use super::super::scan::scan;
    use super::*;

    fn num(text: &str) -> Option<(f64, usize)> {
        let toks = scan(text);
        parse(&toks, 0).map(|n| (n.value, n.end))
    }

    #[test]
    fn digits_and_scales() {
        assert_eq!(num("1.25 billion"), Some((1.25e9, 2)));
        assert_eq!(num("300,000 people"), Some((300000.0, 1)));
        assert_eq!(num("5m"), Some((5e6, 2)));
        assert_eq!(num("5 a.m."), Some((5.0, 1)));
        assert_eq!(num("5 1/2 hours"), Some((5.5, 4)));
        assert_eq!(num("10 crore"), Some((1e8, 2)));
    }

    #[test]
    fn words() {
        assert_eq!(num("twenty four hours"), Some((24.0, 2)));
        assert_eq!(num("twenty-four"), Some((24.0, 3)));
        assert_eq!(num("two hundred and fifty men"), Some((250.0, 4)));
        assert_eq!(num("seventy million dollars"), Some((7e7, 2)));
        assert_eq!(num("a dozen eggs"), Some((12.0, 2)));
        assert_eq!(num("two thousand years"), Some((2000.0, 2)));
        assert_eq!(num("one and a half"), Some((1.5, 4)));
        assert_eq!(num("a year"), None);
        assert_eq!(num("five four"), Some((5.0, 1)));
    }
}
