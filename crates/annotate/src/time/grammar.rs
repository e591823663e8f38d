//! The matcher: at each token every rule is tried and the longest match wins (the earlier rule on
//! a tie); matches do not overlap. Approximators ("about", "nearly", "more than") and position
//! words ("early", "late", "mid-", "the end of", "earlier") are taken into the extent when the
//! expression they qualify allows them; their value is that of the expression.

use super::sem::Sem;
use super::{rules_clock, rules_date, rules_dur, rules_period, rules_rel};
use crate::amounts::scan::{Kind, Tok};

/// A matched expression: tokens `start..end` and its meaning.
#[derive(Debug, Clone)]
pub(crate) struct Found {
    /// Index of the first token.
    pub start: usize,
    /// Index one past the last token.
    pub end: usize,
    /// The meaning.
    pub sem: Sem,
}

/// A rule: the end of the expression starting at the token and its meaning.
pub(crate) type Rule = fn(&Cx, usize) -> Option<(usize, Sem)>;

/// Every rule, most specific first (on equal length the earlier wins).
const RULES: &[Rule] = &[
    rules_clock::clock,
    rules_date::iso_date,
    rules_date::weekday_date,
    rules_date::month_date,
    rules_date::day_month,
    rules_period::quarter,
    rules_period::season,
    rules_period::holiday,
    rules_date::decade,
    rules_date::century,
    rules_date::year,
    rules_rel::day_word,
    rules_rel::weekday,
    rules_rel::offset,
    rules_rel::relative_unit,
    rules_rel::reference,
    rules_dur::set,
    rules_dur::duration,
];

/// Token access for the rules; out-of-range reads give empty text.
#[derive(Debug)]
pub(crate) struct Cx<'a> {
    /// The scanned tokens.
    pub toks: &'a [Tok],
}

impl Cx<'_> {
    /// The lower-cased text of token `i` ("" past the end).
    pub fn low(&self, i: usize) -> &str {
        self.toks.get(i).map_or("", |t| t.low.as_str())
    }

    /// Whether token `i` is the word `w`.
    pub fn is(&self, i: usize, w: &str) -> bool {
        self.low(i) == w
    }

    /// Whether token `i` is one of `ws`.
    pub fn any(&self, i: usize, ws: &[&str]) -> bool {
        ws.contains(&self.low(i))
    }

    /// Whether token `i` is the punctuation `c`.
    pub fn punct(&self, i: usize, c: char) -> bool {
        self.toks.get(i).is_some_and(|t| t.is_punct(c))
    }

    /// Whether token `i` follows the previous one without a space.
    pub fn attached(&self, i: usize) -> bool {
        self.toks.get(i).is_some_and(|t| !t.gap)
    }

    /// Whether token `i` starts with an upper-case letter.
    pub fn cap(&self, i: usize) -> bool {
        self.toks.get(i).is_some_and(|t| t.cap)
    }

    /// Whether token `i` is a word.
    pub fn is_word(&self, i: usize) -> bool {
        self.toks.get(i).is_some_and(|t| t.kind == Kind::Word)
    }

    /// Token `i` if it is a plain digit run.
    pub fn int(&self, i: usize) -> Option<i64> {
        self.toks.get(i).and_then(Tok::int)
    }

    /// Whether token `i` is a hyphen or dash attached on both sides ("two-year", "mid-1990s").
    pub fn hyphen(&self, i: usize) -> bool {
        (self.punct(i, '-') || self.punct(i, '‐') || self.punct(i, '–')) && self.attached(i)
    }

    /// `i + 1` when token `i` is `w`, else `i` (an optional word).
    pub fn opt(&self, i: usize, w: &str) -> usize {
        if self.is(i, w) {
            i + 1
        } else {
            i
        }
    }
}

/// Every expression in `toks`, in order, none overlapping.
pub(crate) fn find(toks: &[Tok]) -> Vec<Found> {
    let cx = Cx { toks };
    let anchors = next_anchors(toks);
    let mut out = Vec::new();
    let mut i = 0;
    while i < toks.len() {
        // Every expression holds an anchor near its start: far from one, no rule can match.
        if anchors[i] >= i + MAX_LEAD || (anchors[i] > i && !may_lead(&toks[i])) {
            i += 1;
            continue;
        }
        if let Some(f) = best_at(&cx, i) {
            i = f.end.max(i + 1);
            let second = second_day(&cx, &f);
            out.push(f);
            if let Some(g) = second {
                i = g.end;
                out.push(g);
            }
        } else {
            i += 1;
        }
    }
    out
}

/// How far past an expression's first token its first anchor may lie. Qualifiers and
/// determiners come first ("more than a decade", "the end of the first quarter"): on news and
/// TimeBank text the anchor is at most 6 tokens in.
const MAX_LEAD: usize = 8;

/// For each token, the index of the first anchor at or after it (`toks.len()` when none).
fn next_anchors(toks: &[Tok]) -> Vec<usize> {
    let mut next = vec![toks.len(); toks.len()];
    let mut at = toks.len();
    for (i, t) in toks.iter().enumerate().rev() {
        if is_anchor(t) {
            at = i;
        }
        next[i] = at;
    }
    next
}

/// Whether a token can carry the meaning of a time expression: digits, calendar and clock words,
/// number words ("two years"), and the words of relative, vague and recurring expressions.
/// Function words ("the", "last", "next", "ago" excepted) never suffice alone, so most tokens
/// of running text are far from an anchor and skip the rules.
fn is_anchor(t: &Tok) -> bool {
    use super::lexicon;
    if t.kind == Kind::Num {
        return true;
    }
    if t.kind != Kind::Word {
        return false;
    }
    let w = t.low.as_str();
    lexicon::unit(w).is_some()
        || lexicon::month(w).is_some()
        || lexicon::weekday(w).is_some()
        || lexicon::part_of_day(w).is_some()
        || lexicon::season(w).is_some()
        || lexicon::ordinal(w).is_some()
        || crate::amounts::number::small_word(w).is_some()
        || is_time_word(w)
}

/// Whether an expression whose anchor comes later may start at this token: punctuation ("'90s")
/// or one of the words the rules and qualifiers read before an anchor ("the", "last", "more",
/// "early", "fiscal", ...). Any other word is never an expression's first token.
fn may_lead(t: &Tok) -> bool {
    t.kind == Kind::Punct || is_lead_word(&t.low) || super::lexicon::is_vague_count(&t.low)
}

/// The words [`may_lead`] admits.
fn is_lead_word(w: &str) -> bool {
    matches!(
        w,
        "a" | "about"
            | "active"
            | "additional"
            | "after"
            | "ahead"
            | "almost"
            | "am"
            | "an"
            | "and"
            | "approximately"
            | "around"
            | "as"
            | "at"
            | "before"
            | "beginning"
            | "between"
            | "billion"
            | "bst"
            | "by"
            | "calendar"
            | "cdt"
            | "cest"
            | "cet"
            | "clock"
            | "coming"
            | "comparable"
            | "consecutive"
            | "corresponding"
            | "couple"
            | "cst"
            | "distant"
            | "during"
            | "each"
            | "early"
            | "edt"
            | "eleventh"
            | "end"
            | "ended"
            | "ending"
            | "ends"
            | "entire"
            | "est"
            | "et"
            | "evening"
            | "every"
            | "few"
            | "fewer"
            | "final"
            | "fiscal"
            | "flights"
            | "following"
            | "for"
            | "foreseeable"
            | "from"
            | "full"
            | "gmt"
            | "group"
            | "half"
            | "holidays"
            | "in"
            | "independence"
            | "initial"
            | "into"
            | "just"
            | "labor"
            | "labour"
            | "last"
            | "late"
            | "least"
            | "less"
            | "long"
            | "m"
            | "mdt"
            | "memorial"
            | "men"
            | "mid"
            | "middle"
            | "million"
            | "more"
            | "most"
            | "mst"
            | "near"
            | "nearly"
            | "new"
            | "next"
            | "nights"
            | "no"
            | "number"
            | "o"
            | "of"
            | "old"
            | "on"
            | "or"
            | "other"
            | "over"
            | "p"
            | "pdt"
            | "people"
            | "per"
            | "percent"
            | "pm"
            | "points"
            | "possible"
            | "preceding"
            | "previous"
            | "prices"
            | "prior"
            | "pst"
            | "pt"
            | "references"
            | "remainder"
            | "rest"
            | "results"
            | "right"
            | "roughly"
            | "rs"
            | "s"
            | "same"
            | "session"
            | "several"
            | "shares"
            | "short"
            | "since"
            | "so"
            | "some"
            | "sometime"
            | "stalemate"
            | "start"
            | "straight"
            | "than"
            | "that"
            | "the"
            | "these"
            | "this"
            | "thousand"
            | "through"
            | "throughout"
            | "till"
            | "to"
            | "trading"
            | "troops"
            | "turn"
            | "under"
            | "until"
            | "up"
            | "upcoming"
            | "us"
            | "utc"
            | "vague"
            | "well"
            | "whole"
            | "within"
    )
}

/// Words other than units, names and numbers that make a time expression on their own or head
/// one ("now", "recently", "ago", "Christmas", "the nineties", "twice", "noon").
fn is_time_word(w: &str) -> bool {
    matches!(
        w,
        "ago"
            | "annually"
            | "christmas"
            | "easter"
            | "halloween"
            | "thanksgiving"
            | "valentine"
            | "eve"
            | "currently"
            | "now"
            | "nowadays"
            | "recently"
            | "lately"
            | "presently"
            | "recent"
            | "today"
            | "tomorrow"
            | "tonight"
            | "yesterday"
            | "daily"
            | "weekly"
            | "monthly"
            | "yearly"
            | "hourly"
            | "future"
            | "past"
            | "present"
            | "soon"
            | "once"
            | "twice"
            | "thrice"
            | "midnight"
            | "noon"
            | "midday"
            | "twenties"
            | "thirties"
            | "forties"
            | "fifties"
            | "sixties"
            | "seventies"
            | "eighties"
            | "nineties"
            | "time"
            | "times"
            | "period"
            | "term"
            | "date"
            | "later"
            | "earlier"
            | "latest"
            | "fy"
            | "hence"
            | "election"
            | "current"
    )
}

/// The second day of "April 24 and 25", "March 5-7", "Feb. 3 or 4": the same month and year.
fn second_day(cx: &Cx, f: &Found) -> Option<Found> {
    let Sem::Cal {
        year,
        month: Some(month),
        day: Some(_),
    } = f.sem
    else {
        return None;
    };
    let k = f.end;
    let joined = cx.any(k, &["and", "or", "to", "through"]) || cx.hyphen(k) || cx.punct(k, '–');
    if !joined {
        return None;
    }
    let (day, end) = rules_date::day_at(cx, k + 1)?;
    // "April 24 and 25 May" is another pattern; "24 and 25 percent" is no date.
    let next = cx.low(end);
    if rules_date::month_at(cx, end).is_some()
        || cx.punct(end, '%')
        || matches!(next, "percent" | "per" | "million" | "billion" | "thousand")
        || super::lexicon::unit(next).is_some()
    {
        return None;
    }
    Some(Found {
        start: k + 1,
        end,
        sem: Sem::Cal {
            year,
            month: Some(month),
            day: Some(day),
        },
    })
}

/// The longest expression starting at token `i`, qualifiers included.
fn best_at(cx: &Cx, i: usize) -> Option<Found> {
    // Qualifiers before an expression: try the expression after them first.
    for (len, kind) in qualifiers(cx, i) {
        if let Some(f) = core_at(cx, i + len) {
            if kind.admits(&f.sem) {
                return Some(Found { start: i, ..f });
            }
        }
    }
    core_at(cx, i)
}

/// The longest unqualified expression starting at token `i`.
fn core_at(cx: &Cx, i: usize) -> Option<Found> {
    let mut best: Option<Found> = None;
    for rule in RULES {
        if let Some((end, sem)) = rule(cx, i) {
            if end > i && best.as_ref().is_none_or(|b| end > b.end) {
                best = Some(Found { start: i, end, sem });
            }
        }
    }
    best
}

/// What a qualifier may qualify.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
enum Qualifier {
    /// "about", "nearly", "more than": amounts of time and clock times.
    Approx,
    /// "early", "late", "mid-", "the end of": points and periods on the calendar.
    Position,
}

impl Qualifier {
    fn admits(self, sem: &Sem) -> bool {
        match self {
            Qualifier::Approx => matches!(
                sem,
                Sem::Duration { n: Some(_), .. }
                    | Sem::Offset { n: Some(_), .. }
                    | Sem::Clock { .. }
                    | Sem::Cal { day: Some(_), .. }
            ),
            Qualifier::Position => !matches!(
                sem,
                Sem::Duration { .. } | Sem::Set(_) | Sem::Ref(_) | Sem::Offset { .. }
            ),
        }
    }
}

/// Qualifier phrases starting at token `i`, longest first, with their length in tokens.
fn qualifiers(cx: &Cx, i: usize) -> Vec<(usize, Qualifier)> {
    let mut out = Vec::new();
    let w = cx.low(i);
    let next = cx.low(i + 1);
    // Two-word approximators.
    if matches!(
        (w, next),
        ("more" | "less" | "fewer", "than")
            | ("at", "least" | "most")
            | ("up", "to")
            | ("no", "more" | "less")
            | ("well" | "just", "over" | "under")
    ) {
        if w == "no" && cx.is(i + 2, "than") {
            out.push((3, Qualifier::Approx));
        } else if w != "no" {
            out.push((2, Qualifier::Approx));
        }
    }
    if matches!(
        w,
        "about"
            | "around"
            | "nearly"
            | "almost"
            | "roughly"
            | "approximately"
            | "some"
            | "over"
            | "under"
    ) && !(matches!(w, "over" | "under") && next == "the")
    {
        // "over the past year": there "over" is a preposition.
        out.push((1, Qualifier::Approx));
    }
    // Position words: "the end of", "the beginning of", "the middle of", "end of".
    let the = usize::from(w == "the");
    if cx.any(i + the, &["end", "beginning", "start", "middle", "turn"]) && cx.is(i + the + 1, "of")
    {
        out.push((the + 2, Qualifier::Position));
    }
    if matches!(w, "mid" | "early" | "late") && cx.hyphen(i + 1) {
        out.push((2, Qualifier::Position));
    }
    if matches!(w, "earlier" | "later") && cx.is(i + 1, "in") {
        out.push((2, Qualifier::Position));
    }
    if matches!(
        w,
        "early" | "late" | "mid" | "earlier" | "later" | "sometime"
    ) {
        out.push((1, Qualifier::Position));
    }
    out
}
