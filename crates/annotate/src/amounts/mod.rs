//! Amounts in English news text: money, percentages and counts of things, each with its byte
//! span and value.
//!
//! [`find_amounts`] reads
//! - money with its ISO 4217 currency and the scale the text states: "$1.25 billion" ->
//!   1 250 000 000 USD (scale 1e9), "€5m", "5 million euros", "£300,000", "Rs 10 crore",
//!   "seventy million dollars", "2 billion Canadian dollars";
//! - percentages: "60%" (also in "60%-enriched"), "60 percent", "twelve per cent", and
//!   "3 percentage points" apart;
//! - counts with the thing counted: "five former Soviet republics" -> 5, "former Soviet
//!   republics"; number words up to the millions ("twenty-four", "1.5 million people").
//!
//! Numbers that belong to dates, clock times, years and amounts of time are left to
//! [`crate::time`]. The scanner ([`scan`]) and number reader ([`number`]) here are shared with
//! it. Pure: no IO, never panics on odd text.

mod count;
mod money;
pub(crate) mod number;
pub(crate) mod scan;
#[cfg(test)]
mod tests;

use scan::Kind;

/// What an amount measures.
#[derive(Debug, Clone, PartialEq)]
pub enum AmountKind {
    /// Money in a currency (ISO 4217 code, e.g. "USD").
    Money {
        /// ISO 4217 code.
        currency: &'static str,
    },
    /// A percentage (the value is in percent: 60 for "60%").
    Percent,
    /// A difference in percentage points.
    PercentagePoints,
    /// A count of things.
    Count {
        /// The thing counted, as written ("former Soviet republics").
        thing: String,
        /// Byte offset of the thing's first byte.
        thing_start: usize,
        /// Byte offset one past the thing's last byte.
        thing_end: usize,
    },
}

/// One amount.
#[derive(Debug, Clone, PartialEq)]
pub struct Amount {
    /// Byte offset of its first byte in the text.
    pub start: usize,
    /// Byte offset one past its last byte.
    pub end: usize,
    /// The value, scale applied (1 250 000 000 for "$1.25 billion").
    pub value: f64,
    /// The factor of the scale word the text used, if any (1e9 for "billion", 1e7 for "crore").
    pub scale: Option<f64>,
    /// What it measures.
    pub kind: AmountKind,
}

impl Amount {
    /// The unit as a short label: the currency code, "percent", "percentage points" or the
    /// thing counted.
    pub fn unit(&self) -> &str {
        match &self.kind {
            AmountKind::Money { currency } => currency,
            AmountKind::Percent => "percent",
            AmountKind::PercentagePoints => "percentage points",
            AmountKind::Count { thing, .. } => thing,
        }
    }
}

/// Finds the amounts of `text`, in order, none overlapping.
pub fn find_amounts(text: &str) -> Vec<Amount> {
    find_amounts_in(text, &scan::scan(text))
}

/// [`find_amounts`] over tokens already scanned from `text`.
pub(crate) fn find_amounts_in(text: &str, toks: &[scan::Tok]) -> Vec<Amount> {
    let mut out = Vec::new();
    let mut i = 0;
    while i < toks.len() {
        if !may_start(&toks[i]) {
            i += 1;
            continue;
        }
        match amount_at(text, toks, i) {
            Some((end, amount)) => {
                out.push(amount);
                i = end.max(i + 1);
            }
            None => i += 1,
        }
    }
    out
}

/// Whether an amount can start at this token: digits, a number word or a currency sign or code.
/// Most tokens are none of these, and checking once here spares every rule its own look.
fn may_start(t: &scan::Tok) -> bool {
    t.kind == scan::Kind::Num || number::may_start(&t.low) || money::is_sign_start(&t.low)
}

/// The amount starting at token `i`, with the index after it.
fn amount_at(text: &str, toks: &[scan::Tok], i: usize) -> Option<(usize, Amount)> {
    let span = |a: usize, b: usize| (toks[a].start, toks[b - 1].end);
    if let Some((end, value, currency, scale)) = money::money_at(toks, i) {
        let (start, stop) = span(i, end);
        return Some((
            end,
            Amount {
                start,
                end: stop,
                value,
                scale,
                kind: AmountKind::Money { currency },
            },
        ));
    }
    if let Some((end, value, scale, kind)) = percent_at(toks, i) {
        let (start, stop) = span(i, end);
        return Some((
            end,
            Amount {
                start,
                end: stop,
                value,
                scale,
                kind,
            },
        ));
    }
    let (end, value, scale, a, b) = count::count_at(toks, i)?;
    let (start, stop) = span(i, end);
    let (thing_start, thing_end) = span(a, b);
    let thing = text.get(thing_start..thing_end)?.to_string();
    Some((
        end,
        Amount {
            start,
            end: stop,
            value,
            scale,
            kind: AmountKind::Count {
                thing,
                thing_start,
                thing_end,
            },
        },
    ))
}

/// "60%", "60 percent", "twelve per cent", "3 percentage points".
fn percent_at(toks: &[scan::Tok], i: usize) -> Option<(usize, f64, Option<f64>, AmountKind)> {
    if i > 0 && !toks[i].gap && matches!(toks[i - 1].kind, Kind::Num | Kind::Word) {
        return None;
    }
    let n = number::parse(toks, i)?;
    let j = n.end;
    let t = toks.get(j)?;
    let (end, kind) = if (t.is_punct('%') && !t.gap) || matches!(t.low.as_str(), "percent" | "pct")
    {
        (j + 1, AmountKind::Percent)
    } else if t.low == "per" && toks.get(j + 1).is_some_and(|c| c.low == "cent") {
        (j + 2, AmountKind::Percent)
    } else if t.low == "percentage" && toks.get(j + 1).is_some_and(|p| p.low.starts_with("point")) {
        (j + 2, AmountKind::PercentagePoints)
    } else {
        return None;
    };
    Some((end, n.value, n.scale, kind))
}
