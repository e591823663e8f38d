//! Whether an action is stated as done, planned, possible or denied, from the words of its verb
//! group ("will meet", "plans to hold talks", "could end", "did not meet", "refused to attend",
//! "upcoming negotiations"), and how that changes its PLOVER type: PLOVER codes a promised or
//! offered cooperative act as AGREE, a refused one as REJECT, and an announced or possible
//! coercive one as THREATEN.

use super::types::{EventType, Modality};

/// How far back from the action its verb group may reach, in tokens.
const REACH: usize = 6;

/// Words that end the look-back: the verb group does not cross them.
const STOPS: &[&str] = &[
    ",", ";", ":", "that", "which", "who", "and", "but", "said", "says", "—",
];

/// Words before "to" that announce a plan.
const PLAN_VERBS: &[&str] = &[
    "plans",
    "plan",
    "planned",
    "planning",
    "intends",
    "intend",
    "intended",
    "scheduled",
    "set",
    "expected",
    "going",
    "due",
    "aims",
    "aim",
    "pledged",
    "promised",
    "vowed",
    "decided",
];

/// Words before "to" that make the action possible, offered or conditional.
const OFFER_VERBS: &[&str] = &[
    "ready",
    "willing",
    "prepared",
    "offered",
    "offers",
    "threatened",
    "threatens",
    "threaten",
    "wants",
    "want",
    "seeks",
    "seek",
    "sought",
    "hopes",
    "hope",
    "proposed",
    "proposes",
    "able",
];

/// Words before "to" that refuse the action.
const REFUSE_VERBS: &[&str] = &[
    "refused", "refuses", "refuse", "refusing", "declined", "declines", "rejected", "failed",
];

/// Adjectives that put a nominal action in the future: "upcoming talks".
const FUTURE_ADJECTIVES: &[&str] = &[
    "upcoming",
    "planned",
    "proposed",
    "forthcoming",
    "scheduled",
    "next",
    "possible",
    "future",
];

/// The modality of an action, given the lower-case words of its sentence before it (`before`,
/// the closest last).
pub(crate) fn modality(before: &[&str]) -> Modality {
    let mut window: Vec<&str> = Vec::new();
    for w in before.iter().rev().take(REACH) {
        if STOPS.contains(w) {
            break;
        }
        window.push(w);
    }
    // `window` runs backwards from the action: window[0] is the word just before it.
    let after_to = |list: &[&str]| {
        window
            .windows(2)
            .any(|pair| pair[0] == "to" && list.contains(&pair[1]))
    };
    let has = |list: &[&str]| window.iter().any(|w| list.contains(w));
    if has(&["not", "n't", "never", "no", "neither", "nor"]) || after_to(REFUSE_VERBS) {
        return Modality::Negated;
    }
    if has(&["could", "might", "may", "should", "can", "if", "unless"]) || after_to(OFFER_VERBS) {
        return Modality::Hypothetical;
    }
    if has(&["will", "'ll", "shall", "would", "wo"])
        || after_to(PLAN_VERBS)
        || window
            .first()
            .is_some_and(|w| FUTURE_ADJECTIVES.contains(w))
        || (window.first() == Some(&"to")
            && window
                .get(1)
                .is_some_and(|w| ["is", "are", "was", "were"].contains(w)))
    {
        return Modality::Future;
    }
    Modality::Asserted
}

/// The PLOVER type an action of `base` type takes under `modality`.
pub(crate) fn adjust(base: EventType, modality: Modality) -> EventType {
    match modality {
        Modality::Future | Modality::Hypothetical if base.is_cooperative() => EventType::Agree,
        Modality::Future | Modality::Hypothetical if base.is_coercive() => EventType::Threaten,
        Modality::Negated if base.is_cooperative() || base == EventType::Agree => EventType::Reject,
        _ => base,
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    fn of(text: &str) -> Modality {
        let words: Vec<&str> = text.split(' ').collect();
        modality(&words)
    }

    #[test]
    fn verb_groups() {
        assert_eq!(of("blinken will"), Modality::Future);
        assert_eq!(of("iran plans to"), Modality::Future);
        assert_eq!(of("these efforts could"), Modality::Hypothetical);
        assert_eq!(of("he is ready to"), Modality::Hypothetical);
        assert_eq!(of("she did not"), Modality::Negated);
        assert_eq!(of("they refused to"), Modality::Negated);
        assert_eq!(of("the upcoming"), Modality::Future);
        assert_eq!(of("blinken"), Modality::Asserted);
        // The look-back stops at a clause boundary.
        assert_eq!(of("it will end , and iran"), Modality::Asserted);
    }

    #[test]
    fn modality_changes_the_type() {
        use EventType::*;
        assert_eq!(adjust(Consult, Modality::Future), Agree);
        assert_eq!(adjust(Sanction, Modality::Hypothetical), Threaten);
        assert_eq!(adjust(Aid, Modality::Negated), Reject);
        assert_eq!(adjust(Fight, Modality::Asserted), Fight);
        assert_eq!(adjust(Demand, Modality::Future), Demand);
    }
}
