//! Money: a currency sign or code before the number ("$1.25 billion", "US$6.3 billion", "€5m",
//! "£300,000", "Rs 10 crore", "EUR 5m") or a currency name after it ("5 million euros",
//! "seventy million dollars", "10 billion yen", "2 billion Canadian dollars", "10 cents").

use super::number;
use super::scan::{Kind, Tok};

/// Signs and codes written before the number, with their ISO 4217 code; longest first where
/// one is a prefix of another in tokens ("US" "$" before "$").
const BEFORE: &[(&[&str], &str)] = &[
    (&["us", "$"], "USD"),
    (&["u", ".", "s", ".", "$"], "USD"),
    (&["c", "$"], "CAD"),
    (&["ca", "$"], "CAD"),
    (&["a", "$"], "AUD"),
    (&["au", "$"], "AUD"),
    (&["nz", "$"], "NZD"),
    (&["hk", "$"], "HKD"),
    (&["s", "$"], "SGD"),
    (&["$"], "USD"),
    (&["€"], "EUR"),
    (&["£"], "GBP"),
    (&["¥"], "JPY"),
    (&["₹"], "INR"),
    (&["rs", "."], "INR"),
    (&["rs"], "INR"),
    (&["₽"], "RUB"),
    (&["₩"], "KRW"),
    (&["₪"], "ILS"),
    (&["₺"], "TRY"),
    (&["₴"], "UAH"),
    (&["₸"], "KZT"),
    (&["usd"], "USD"),
    (&["eur"], "EUR"),
    (&["gbp"], "GBP"),
    (&["jpy"], "JPY"),
    (&["chf"], "CHF"),
    (&["cny"], "CNY"),
    (&["inr"], "INR"),
    (&["rub"], "RUB"),
];

/// Whether `w` is the first token of a sign or code in [`BEFORE`].
pub(crate) fn is_sign_start(w: &str) -> bool {
    matches!(
        w,
        "us" | "u"
            | "c"
            | "ca"
            | "a"
            | "au"
            | "nz"
            | "hk"
            | "s"
            | "$"
            | "€"
            | "£"
            | "¥"
            | "₹"
            | "rs"
            | "₽"
            | "₩"
            | "₪"
            | "₺"
            | "₴"
            | "₸"
            | "usd"
            | "eur"
            | "gbp"
            | "jpy"
            | "chf"
            | "cny"
            | "inr"
            | "rub"
    )
}

/// Currency names written after the number (plural and singular), with their code.
const AFTER: &[(&str, &str)] = &[
    ("dollars", "USD"),
    ("dollar", "USD"),
    ("euros", "EUR"),
    ("euro", "EUR"),
    ("yen", "JPY"),
    ("yuan", "CNY"),
    ("renminbi", "CNY"),
    ("rupees", "INR"),
    ("rupee", "INR"),
    ("rubles", "RUB"),
    ("roubles", "RUB"),
    ("ruble", "RUB"),
    ("rouble", "RUB"),
    ("riyals", "SAR"),
    ("dirhams", "AED"),
    ("shekels", "ILS"),
    ("hryvnias", "UAH"),
    ("hryvnia", "UAH"),
    ("tenge", "KZT"),
    ("lira", "TRY"),
    ("liras", "TRY"),
    ("rand", "ZAR"),
    ("naira", "NGN"),
    ("pesos", "MXN"),
    ("won", "KRW"),
    ("usd", "USD"),
    ("eur", "EUR"),
    ("gbp", "GBP"),
    ("jpy", "JPY"),
    ("chf", "CHF"),
];

/// Adjectives that change the dollar ("Canadian dollars" -> CAD).
const DOLLAR_KINDS: &[(&str, &str)] = &[
    ("canadian", "CAD"),
    ("australian", "AUD"),
    ("singapore", "SGD"),
    ("taiwan", "TWD"),
    ("zealand", "NZD"),
    ("kong", "HKD"),
    ("u", "USD"),
    ("us", "USD"),
    ("american", "USD"),
];

/// A sum of money at token `i`: (end, value, ISO code, scale).
pub(crate) fn money_at(toks: &[Tok], i: usize) -> Option<(usize, f64, &'static str, Option<f64>)> {
    sign_first(toks, i).or_else(|| name_after(toks, i))
}

/// "$1.25 billion", "US$ 6.3 billion", "€5m", "Rs 10 crore".
fn sign_first(toks: &[Tok], i: usize) -> Option<(usize, f64, &'static str, Option<f64>)> {
    for (seq, code) in BEFORE {
        let matches = seq.iter().enumerate().all(|(k, w)| {
            toks.get(i + k)
                .is_some_and(|t| t.low == *w && (k == 0 || !t.gap))
        });
        if !matches {
            continue;
        }
        let j = i + seq.len();
        // Letter codes need a following number with a space ("EUR 5m", "Rs 10"); signs take one
        // with or without.
        let letters = toks[i].kind == Kind::Word;
        let n = number::parse(toks, j).filter(|n| !n.words || !letters)?;
        if toks.get(j).is_some_and(|t| t.kind != Kind::Num) {
            // A sign is followed by digits ("$5"), not words ("$ five").
            return None;
        }
        return Some((n.end, n.value, code, n.scale));
    }
    None
}

/// "5 million euros", "seventy million dollars", "2 billion Canadian dollars", "10 cents".
fn name_after(toks: &[Tok], i: usize) -> Option<(usize, f64, &'static str, Option<f64>)> {
    // Do not start inside a longer number ("1,200" is one token; "twenty four" starts at "twenty").
    if i > 0 && toks[i - 1].kind == Kind::Num && !toks[i].gap {
        return None;
    }
    let n = number::parse(toks, i)?;
    let mut j = n.end;
    let mut code = None;
    // "Canadian dollars", "Hong Kong dollars", "U.S. dollars", "dollars"
    let mut k = j;
    let mut kind = None;
    while k < j + 4 {
        let Some(t) = toks.get(k) else { break };
        if let Some((_, c)) = DOLLAR_KINDS.iter().find(|(w, _)| *w == t.low) {
            kind = kind.or(Some(*c));
        } else if !matches!(t.low.as_str(), "new" | "hong" | "." | "s") {
            break;
        }
        k += 1;
    }
    match toks.get(k).map(|t| t.low.as_str()) {
        Some("dollars" | "dollar") => {
            code = Some(kind.unwrap_or("USD"));
            j = k + 1;
        }
        // "75 Canadian cents"
        Some("cents" | "cent") if kind.is_some() => {
            return Some((k + 1, n.value / 100.0, kind?, n.scale));
        }
        _ => {}
    }
    if code.is_none() {
        let t = toks.get(j)?;
        if t.low == "cents" || t.low == "cent" {
            return Some((j + 1, n.value / 100.0, "USD", n.scale));
        }
        if matches!(t.low.as_str(), "pounds" | "pound")
            && (n.scale.is_some() || toks.get(j + 1).is_some_and(|s| s.low == "sterling"))
        {
            let end = if toks.get(j + 1).is_some_and(|s| s.low == "sterling") {
                j + 2
            } else {
                j + 1
            };
            return Some((end, n.value, "GBP", n.scale));
        }
        if t.low == "swiss" && toks.get(j + 1).is_some_and(|f| f.low == "francs") {
            return Some((j + 2, n.value, "CHF", n.scale));
        }
        // "won" is also a verb: only after a scaled number ("5 billion won").
        if t.low == "won" && n.scale.is_none() {
            return None;
        }
        let c = AFTER.iter().find(|(w, _)| *w == t.low).map(|(_, c)| *c)?;
        code = Some(c);
        j += 1;
    }
    Some((j, n.value, code?, n.scale))
}

#[cfg(test)]
mod tests {
    use super::{is_sign_start, BEFORE};

    #[test]
    fn every_sign_starts_with_a_sign_start() {
        for (seq, code) in BEFORE {
            assert!(is_sign_start(seq[0]), "{code}: {:?}", seq[0]);
        }
    }
}
