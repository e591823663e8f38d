//! The action lexicon: word patterns that name an action, each with its PLOVER type and, for
//! diplomacy, its finer frame.
//!
//! A pattern is a list of words separated by spaces. In a word, `|` separates alternatives, a
//! trailing `+` adds the regular inflections of a verb ("reject+" is reject, rejects, rejected,
//! rejecting), a trailing `?` makes the word optional, and `_` is any one word, optional
//! ("attend+ _ meeting" reads "attends a meeting"). Matching is on lower-case tokens; the longest
//! pattern wins. The lists follow PLOVER's definitions and the CAMEO verb phrases they came from:
//! a verb goes where its usual news sense goes, and phrases settle verbs whose sense depends on
//! their object ("lift sanctions" concedes, "impose sanctions" sanctions).

use std::collections::HashMap;
use std::sync::OnceLock;

use super::types::{EventType, Frame};
use EventType::*;

/// What part of speech a pattern's action word is: nouns take their actors from possessives and
/// prepositions ("Blinken's visit to Kyiv"), not from the clause.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub(crate) enum Part {
    Verb,
    Noun,
}

/// One lexicon entry.
#[derive(Debug, Clone, Copy)]
struct Entry {
    pattern: &'static str,
    event_type: EventType,
    frame: Option<Frame>,
    part: Part,
}

const fn verb(pattern: &'static str, event_type: EventType) -> Entry {
    Entry {
        pattern,
        event_type,
        frame: None,
        part: Part::Verb,
    }
}

const fn frame_verb(pattern: &'static str, frame: Frame, event_type: EventType) -> Entry {
    Entry {
        pattern,
        event_type,
        frame: Some(frame),
        part: Part::Verb,
    }
}

const fn noun(pattern: &'static str, event_type: EventType, frame: Option<Frame>) -> Entry {
    Entry {
        pattern,
        event_type,
        frame,
        part: Part::Noun,
    }
}

const ENTRIES: &[Entry] = &[
    // AGREE: agreements, promises and offers.
    verb("agree+", Agree),
    verb("accept+", Agree),
    verb("reach+|reached _? _? agreement|deal|consensus|accord|compromise|settlement|truce", Agree),
    verb("sign+ _? _? agreement|deal|accord|pact|treaty|memorandum|ceasefire|cease-fire", Agree),
    verb("promise+", Agree),
    verb("pledge+", Agree),
    verb("offer+", Agree),
    verb("vow+", Agree),
    verb("consent+", Agree),
    verb("ratify|ratifies|ratified|ratifying", Agree),
    verb("ready|willing|prepared to", Agree),
    // CONSULT, and the meet, visit, travel and negotiate frames.
    frame_verb("meet|meets|met|meeting with?", Frame::Meet, Consult),
    frame_verb("attend+|hold|holds|held|holding|host+ _? _? meeting|meetings with?", Frame::Meet, Consult),
    frame_verb("hold|holds|held|holding _? talks|negotiations|discussions", Frame::Negotiate, Consult),
    frame_verb("negotiate+", Frame::Negotiate, Consult),
    frame_verb("renew+|resume+|open+|start+|begin|began|begins _? talks|negotiations", Frame::Negotiate, Consult),
    frame_verb("visit+", Frame::Visit, Consult),
    frame_verb("arrive+ in|at", Frame::Visit, Consult),
    frame_verb("travel+|travelled|travelling|fly|flies|flew|flying to|into", Frame::Travel, Consult),
    frame_verb("head+ to", Frame::Travel, Consult),
    verb("discuss+", Consult),
    verb("consult+", Consult),
    verb("confer+|conferred", Consult),
    verb("telephone+|phone+", Consult),
    verb("spoke|speak|speaks|talked with", Consult),
    verb("host+", Consult),
    verb("receive+", Consult),
    verb("gave|give|gives _? _? welcome", Consult),
    verb("mediate+", Consult),
    noun("talks|negotiations", Consult, Some(Frame::Negotiate)),
    noun("meeting|meetings", Consult, Some(Frame::Meet)),
    noun("visit|visits", Consult, Some(Frame::Visit)),
    noun("trip|trips|journey|tour", Consult, Some(Frame::Travel)),
    noun("mediation", Consult, None),
    // SUPPORT.
    verb("support+", Support),
    verb("backs|backed|backing", Support),
    verb("endorse+", Support),
    verb("praise+", Support),
    verb("welcome+", Support),
    verb("defend+", Support),
    verb("apologize+|apologise+", Support),
    verb("commend+", Support),
    verb("hail+", Support),
    verb("congratulate+", Support),
    verb("thank+", Support),
    verb("forgive|forgives|forgave|forgiven", Support),
    verb("bolster+", Support),
    verb("upgrade+|restore+|establish+|normalize+|normalise+ _? _? ties|relations", Support),
    verb("recognize+|recognise+", Support),
    // COOPERATE.
    verb("cooperate+|collaborate+", Cooperate),
    verb("share+ _? intelligence|expertise|information", Cooperate),
    verb("extradite+", Cooperate),
    verb("coordinate+", Cooperate),
    // AID, and the provide-aid frame.
    frame_verb("aid+", Frame::ProvideAid, Aid),
    frame_verb("provide+ _? _? aid|assistance|support|funding|loans|weapons|arms", Frame::ProvideAid, Aid),
    frame_verb("send+|sent _? _? _? aid|assistance|arms|weapons|medicine|food|supplies|tanks|missiles|ammunition|equipment|vaccines|doctors", Frame::ProvideAid, Aid),
    frame_verb("donate+", Frame::ProvideAid, Aid),
    frame_verb("deliver+", Frame::ProvideAid, Aid),
    frame_verb("hand+ over", Frame::ProvideAid, Aid),
    frame_verb("supply|supplies|supplied|supplying", Frame::ProvideAid, Aid),
    frame_verb("fund+|finance+", Frame::ProvideAid, Aid),
    verb("grant+", Aid),
    verb("evacuate+", Aid),
    verb("rescue+", Aid),
    verb("shelter+", Aid),
    noun("aid|assistance", Aid, Some(Frame::ProvideAid)),
    // CONCEDE.
    verb("concede+", Concede),
    verb("lift+ _? _? sanctions|embargo|embargoes|ban|curfew|restrictions|blockade|siege", Concede),
    verb("ease+", Concede),
    verb("call+ off", Concede),
    verb("cancel+|cancelled|canceled _? _? restrictions|ban|curfew", Concede),
    verb("release+|free|frees|freed", Concede),
    verb("relax+", Concede),
    verb("back+ down", Concede),
    verb("yield+", Concede),
    verb("pardon+", Concede),
    verb("resign+", Concede),
    verb("step|steps|stepped down", Concede),
    verb("allow+", Concede),
    // RETREAT.
    verb("withdraw|withdraws|withdrew|withdrawn|withdrawing", Retreat),
    noun("withdrawal", Retreat, None),
    verb("pull+ out|back", Retreat),
    verb("retreat+", Retreat),
    verb("surrender+", Retreat),
    verb("disband+", Retreat),
    verb("demobilize+|demobilise+|disarm+", Retreat),
    verb("declare+|announce+ _? _? ceasefire|cease-fire|truce", Retreat),
    verb("return+", Concede),
    // INVESTIGATE.
    verb("investigate+", Investigate),
    verb("probe+", Investigate),
    verb("inspect+", Investigate),
    verb("monitor+", Investigate),
    verb("examine+", Investigate),
    verb("open+|launch+|complete+|began|begin _? _? investigation|investigations|inquiry|probe", Investigate),
    verb("dispatch+|send+|sent _? inspectors|investigators|monitors|observers", Investigate),
    // DEMAND.
    verb("demand+", Demand),
    verb("urge+", Demand),
    verb("insist+", Demand),
    verb("call+ for|on|upon", Demand),
    verb("press+|pressure+|pressuring", Demand),
    verb("push+|pushing hard? for", Demand),
    verb("appeal+", Demand),
    verb("ask+", Demand),
    verb("request+", Demand),
    verb("issue+ _? _? demand|appeal|call", Demand),
    verb("must", Demand),
    // DISAPPROVE, and the censure frame.
    frame_verb("censure+", Frame::Censure, Disapprove),
    verb("criticize+|criticise+", Disapprove),
    verb("condemn+", Disapprove),
    verb("denounce+", Disapprove),
    verb("accuse+", Disapprove),
    verb("complain+", Disapprove),
    verb("blame+", Disapprove),
    verb("rebuke+", Disapprove),
    verb("indict+", Disapprove),
    verb("charge+", Disapprove),
    verb("deplore+", Disapprove),
    verb("allege+", Disapprove),
    verb("sue|sues|sued|suing", Disapprove),
    verb("slam|slams|slammed|slamming", Disapprove),
    verb("object+ to?", Disapprove),
    // REJECT.
    verb("reject+", Reject),
    verb("refuse+", Reject),
    verb("turn+ down", Reject),
    verb("dismiss+", Reject),
    verb("deny|denies|denied|denying", Reject),
    verb("veto|vetoes|vetoed|vetoing", Reject),
    verb("oppose+ to?", Reject),
    verb("rebuff+", Reject),
    verb("rule+ out", Reject),
    verb("spurn+", Reject),
    verb("defy|defies|defied|defying", Reject),
    verb("push+ back", Reject),
    // THREATEN.
    verb("threaten+", Threaten),
    verb("warn+", Threaten),
    verb("issue+ _? ultimatum", Threaten),
    noun("ultimatum", Threaten, None),
    // PROTEST.
    verb("protest+", Protest),
    verb("demonstrate+ against|in|outside|for", Protest),
    verb("rally|rallies|rallied|rallying", Protest),
    verb("march+", Protest),
    verb("riot+", Protest),
    verb("stage+|organize+|organise+|hold|held|began|begin|started|start _? _? _? rally|rallies|strike|protest|protests|demonstration|demonstrations|sit-in|march", Protest),
    verb("block+ _? road|roads|streets|highway|traffic", Protest),
    verb("boycott+", Protest),
    noun("hunger strike", Protest, None),
    noun("demonstration|demonstrations|protest|protests|rally|rallies", Protest, None),
    noun("general strike", Protest, None),
    // MOBILIZE.
    verb("mobilize+|mobilise+", Mobilize),
    verb("deploy+", Mobilize),
    verb("reinforce+", Mobilize),
    verb("strengthen+|boost+|increase+ _? forces|troops|presence", Mobilize),
    verb("mass+ _? troops|forces", Mobilize),
    verb("conduct+|hold|holds|held|stage+ _? _? _? exercises|drills|manoeuvres|maneuvers", Mobilize),
    verb("test-fire+|test-fired", Mobilize),
    verb("remain+|put|placed _? on alert", Mobilize),
    verb("train+ _? _? troops|soldiers|fighters|militants", Mobilize),
    // SANCTION, and the sanction frame.
    frame_verb("sanction+", Frame::Sanction, Sanction),
    frame_verb("impose+|imposing|slap+ _? _? sanctions|embargo", Frame::Sanction, Sanction),
    noun("sanctions|embargo", Sanction, Some(Frame::Sanction)),
    verb("halt+|suspend+|cut+|freeze|froze|frozen _? _? aid|assistance|ties|relations|talks|cooperation|contacts|mediation|efforts|exports|imports|trade", Sanction),
    verb("sever+|cut|broke|break _? off? _? ties|relations", Sanction),
    verb("recall+ _? ambassador", Sanction),
    verb("cancel+|cancelled|canceled _? _? visit|trip|talks|meeting", Sanction),
    verb("reduce+|cut _? _? supplies|aid", Sanction),
    verb("prohibit+", Sanction),
    verb("force+ _? _? _? out", Sanction),
    // COERCE.
    verb("arrest+|detain+|jail+", Coerce),
    verb("deport+|expel+|expelled|expelling", Coerce),
    verb("ban|bans|banned|banning", Coerce),
    verb("outlaw+", Coerce),
    verb("prevent+", Coerce),
    verb("censor+", Coerce),
    verb("confiscate+|seize+", Coerce),
    verb("set|sets fire", Coerce),
    verb("declare+|impose+|reimpose+|extend+ _? _? _? curfew|siege|emergency|blockade|blockades|restrictions", Coerce),
    verb("impose+|reimpose+|declare+ _? martial law", Coerce),
    verb("tighten+ _? _? blockade|restrictions|curfew", Coerce),
    verb("disperse+", Coerce),
    verb("crack+ down", Coerce),
    verb("evict+", Coerce),
    verb("raid+", Coerce),
    // ASSAULT.
    verb("kill|kills|killed|killing", Assault),
    verb("kidnap+|kidnapped|kidnapping|abduct+", Assault),
    verb("bomb+", Assault),
    verb("torture+", Assault),
    verb("abuse+", Assault),
    verb("assassinate+", Assault),
    verb("massacre+", Assault),
    verb("behead+", Assault),
    verb("hijack+", Assault),
    verb("execute+", Assault),
    verb("blew|blow|blows up", Assault),
    verb("explode+", Assault),
    noun("torture", Assault, None),
    // FIGHT.
    verb("fight|fights|fought", Fight),
    verb("clash+", Fight),
    verb("attack+", Fight),
    verb("shell|shells|shelled|shelling", Fight),
    verb("bombard+", Fight),
    verb("invade+", Fight),
    verb("occupy|occupies|occupied|occupying", Fight),
    verb("besiege+", Fight),
    verb("ambush+", Fight),
    verb("capture+", Fight),
    verb("open+ fire", Fight),
    verb("launch+|carry|carries|carried|conduct+ _? _? _? fire|attack|attacks|offensive|strikes|airstrikes|air-strikes|raid|raids|missiles|rockets", Fight),
    noun("airstrikes|air-strikes|airstrike|bombardment|shelling", Fight, None),
    verb("engage+ in _? fighting|combat|clashes|cleansing", Fight),
    verb("violate+ _? _? ceasefire|cease-fire|truce|border|airspace", Fight),
];

/// One word of a compiled pattern.
#[derive(Debug)]
struct Word {
    /// Accepted forms; empty for `_` (any word).
    forms: Vec<String>,
    optional: bool,
}

#[derive(Debug)]
struct Compiled {
    words: Vec<Word>,
    entry: Entry,
}

#[derive(Debug, Default)]
struct Index {
    patterns: Vec<Compiled>,
    /// Patterns by the forms of their first word.
    by_first: HashMap<String, Vec<usize>>,
}

/// One action found in a sentence.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub(crate) struct Trigger {
    /// First token.
    pub start: usize,
    /// One past the last token.
    pub end: usize,
    pub event_type: EventType,
    pub frame: Option<Frame>,
    pub part: Part,
}

fn index() -> &'static Index {
    static INDEX: OnceLock<Index> = OnceLock::new();
    INDEX.get_or_init(build)
}

fn build() -> Index {
    let mut index = Index::default();
    for entry in ENTRIES {
        let words: Vec<Word> = entry.pattern.split(' ').map(compile_word).collect();
        let Some(first) = words.first() else {
            continue;
        };
        let at = index.patterns.len();
        for form in &first.forms {
            index.by_first.entry(form.clone()).or_default().push(at);
        }
        index.patterns.push(Compiled {
            words,
            entry: *entry,
        });
    }
    index
}

fn compile_word(word: &str) -> Word {
    let (word, optional) = match word.strip_suffix('?') {
        Some(w) => (w, true),
        None => (word, false),
    };
    if word == "_" {
        return Word {
            forms: Vec::new(),
            optional: true,
        };
    }
    let mut forms = Vec::new();
    for alt in word.split('|') {
        match alt.strip_suffix('+') {
            Some(stem) => forms.extend(inflections(stem)),
            None => forms.push(alt.to_string()),
        }
    }
    Word { forms, optional }
}

/// A regular verb's forms: base, third person, past, present participle.
fn inflections(stem: &str) -> Vec<String> {
    let mut out = vec![stem.to_string()];
    if let Some(root) = stem.strip_suffix('e') {
        out.push(format!("{stem}s"));
        out.push(format!("{stem}d"));
        // "agree" keeps its e: "agreeing"; "denounce" drops it: "denouncing".
        if root.ends_with('e') {
            out.push(format!("{stem}ing"));
        } else {
            out.push(format!("{root}ing"));
        }
    } else if let Some(root) = stem
        .strip_suffix('y')
        .filter(|r| r.chars().last().is_some_and(|c| !"aeiou".contains(c)))
    {
        out.push(format!("{root}ies"));
        out.push(format!("{root}ied"));
        out.push(format!("{stem}ing"));
    } else {
        let sibilant = ["s", "sh", "ch", "x", "z"]
            .iter()
            .any(|s| stem.ends_with(s));
        out.push(if sibilant {
            format!("{stem}es")
        } else {
            format!("{stem}s")
        });
        out.push(format!("{stem}ed"));
        out.push(format!("{stem}ing"));
    }
    out
}

/// Every action in `words` (lower-case tokens), longest first at each position, none overlapping.
pub(crate) fn find_triggers(words: &[&str]) -> Vec<Trigger> {
    let index = index();
    let mut out = Vec::new();
    let mut i = 0;
    while i < words.len() {
        let mut best: Option<(usize, &Compiled)> = None;
        for &p in index.by_first.get(words[i]).into_iter().flatten() {
            let Some(compiled) = index.patterns.get(p) else {
                continue;
            };
            if let Some(end) = match_at(&compiled.words, words, i) {
                if best.is_none_or(|(e, _)| end > e) {
                    best = Some((end, compiled));
                }
            }
        }
        match best {
            Some((end, compiled)) => {
                out.push(Trigger {
                    start: i,
                    end,
                    event_type: compiled.entry.event_type,
                    frame: compiled.entry.frame,
                    part: compiled.entry.part,
                });
                i = end.max(i + 1);
            }
            None => i += 1,
        }
    }
    out
}

/// The end of the longest match of `pattern` at `words[i..]`.
fn match_at(pattern: &[Word], words: &[&str], i: usize) -> Option<usize> {
    let Some((first, rest)) = pattern.split_first() else {
        return Some(i);
    };
    let here = words.get(i).copied();
    let consumed = here
        .filter(|w| first.forms.is_empty() || first.forms.iter().any(|f| f == w))
        .and_then(|_| match_at(rest, words, i + 1));
    let skipped = first.optional.then(|| match_at(rest, words, i)).flatten();
    match (consumed, skipped) {
        (Some(a), Some(b)) => Some(a.max(b)),
        (a, b) => a.or(b),
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    fn types(sentence: &str) -> Vec<(EventType, Option<Frame>)> {
        let lower = sentence.to_lowercase();
        let words: Vec<&str> = lower.split(' ').collect();
        find_triggers(&words)
            .into_iter()
            .map(|t| (t.event_type, t.frame))
            .collect()
    }

    #[test]
    fn verbs_inflect_and_phrases_win() {
        assert_eq!(inflections("agree")[3], "agreeing");
        assert_eq!(inflections("denounce")[3], "denouncing");
        assert_eq!(inflections("deny"), ["deny", "denies", "denied", "denying"]);
        assert_eq!(inflections("push")[1], "pushes");
        assert_eq!(
            types("blinken attends a meeting with kulubaev"),
            [(Consult, Some(Frame::Meet))]
        );
        assert_eq!(
            types("iran plans to hold talks on friday"),
            [(Consult, Some(Frame::Negotiate))]
        );
        assert_eq!(types("the us lifted sanctions"), [(Concede, None)]);
        assert_eq!(
            types("the eu imposed new sanctions"),
            [(Sanction, Some(Frame::Sanction))]
        );
        assert_eq!(types("they rejected it"), [(Reject, None)]);
        assert!(types("the weather was fine").is_empty());
    }
}
