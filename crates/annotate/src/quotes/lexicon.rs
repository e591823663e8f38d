//! The cue words quote finding reads: verbs and phrases with their lemma and what they take.
//! The other words (between a subject and its cue, pronouns, gendered words) are in
//! [`super::words`].
//!
//! Cue words follow what PolNeAR annotates as attributions: speech ("said", "told", "stressed"),
//! writing ("wrote", "tweeted"), belief and report ("believes", "found", "warned", "claimed"),
//! and acts whose object is what was said ("called for", "urged", "described ... as").

use std::collections::HashMap;
use std::sync::OnceLock;

/// What a cue takes as its content.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub(crate) enum Takes {
    /// Speech: a clause with or without "that", a quotation, or the content before it
    /// ("..., he said").
    Speech,
    /// Belief and finding: a clause opened by "that", a wh-word or a pronoun subject.
    Clause,
    /// An act whose object is the content ("called for new talks", "urged Iran to ...").
    Object,
}

/// A cue word: its lemma and what it takes.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub(crate) struct CueWord {
    pub lemma: &'static str,
    pub takes: Takes,
    /// The cue names its addressee right after it ("told Blinken", "assured reporters").
    pub addressed: bool,
}

/// Word forms of the speech cues: `(lemma, forms)`.
const SPEECH: &[(&str, &[&str])] = &[
    ("say", &["said", "says", "say", "saying"]),
    ("add", &["added", "adds", "adding"]),
    ("write", &["wrote", "writes", "writing"]),
    ("state", &["stated", "states"]),
    ("note", &["noted", "notes", "noting"]),
    ("explain", &["explained", "explains", "explaining"]),
    ("declare", &["declared", "declares", "declaring"]),
    ("stress", &["stressed", "stresses", "stressing"]),
    (
        "emphasize",
        &[
            "emphasized",
            "emphasised",
            "emphasizes",
            "emphasises",
            "emphasizing",
        ],
    ),
    ("insist", &["insisted", "insists", "insisting"]),
    ("argue", &["argued", "argues", "arguing"]),
    ("claim", &["claimed", "claims", "claiming"]),
    ("confirm", &["confirmed", "confirms", "confirming"]),
    ("warn", &["warned", "warns", "warning"]),
    ("announce", &["announced", "announces", "announcing"]),
    (
        "acknowledge",
        &["acknowledged", "acknowledges", "acknowledging"],
    ),
    ("admit", &["admitted", "admits", "admitting"]),
    ("concede", &["conceded", "concedes", "conceding"]),
    ("assert", &["asserted", "asserts", "asserting"]),
    ("contend", &["contended", "contends"]),
    ("reiterate", &["reiterated", "reiterates", "reiterating"]),
    ("reply", &["replied", "replies"]),
    ("respond", &["responded", "responds"]),
    ("answer", &["answered"]),
    ("continue", &["continued"]),
    ("conclude", &["concluded", "concludes"]),
    ("recall", &["recalled", "recalls", "recalling"]),
    ("observe", &["observed", "observes"]),
    ("remark", &["remarked"]),
    ("comment", &["commented"]),
    ("tweet", &["tweeted", "tweets", "tweeting"]),
    ("post", &["posted"]),
    ("blog", &["blogged"]),
    ("predict", &["predicted", "predicts", "predicting"]),
    ("suggest", &["suggested", "suggests", "suggesting"]),
    ("ask", &["asked", "asks", "asking"]),
    ("wonder", &["wondered", "wonders"]),
    ("promise", &["promised", "promises", "promising"]),
    ("pledge", &["pledged", "pledges"]),
    ("vow", &["vowed", "vows"]),
    ("complain", &["complained", "complains", "complaining"]),
    ("charge", &["charged"]),
    ("counter", &["countered"]),
    ("joke", &["joked", "jokes"]),
    ("quip", &["quipped"]),
    ("report", &["reported", "reports", "reporting"]),
    ("reveal", &["revealed", "reveals"]),
    ("indicate", &["indicated", "indicates"]),
    ("disclose", &["disclosed"]),
    ("testify", &["testified"]),
    ("allege", &["alleged", "alleges", "alleging"]),
    ("speculate", &["speculated"]),
    ("mention", &["mentioned"]),
    ("caution", &["cautioned"]),
    ("boast", &["boasted", "boasts"]),
    ("point out", &["pointed out", "points out", "pointing out"]),
    ("agree", &["agreed", "agrees"]),
    ("estimate", &["estimated", "estimates"]),
    ("proclaim", &["proclaimed"]),
    ("chant", &["chanted", "chanting"]),
    ("yell", &["yelled", "yelling"]),
    ("shout", &["shouted", "shouting"]),
    ("scream", &["screamed"]),
    ("cry", &["cried"]),
    ("exclaim", &["exclaimed"]),
    ("whisper", &["whispered"]),
    ("mutter", &["muttered"]),
    ("say", &["put it", "puts it"]),
    ("told", &["told", "tells", "telling", "tell"]),
    ("assure", &["assured", "assures"]),
    ("inform", &["informed"]),
    ("remind", &["reminded", "reminds"]),
];

/// Word forms of the belief and finding cues.
const CLAUSE: &[(&str, &[&str])] = &[
    ("believe", &["believe", "believes", "believed", "believing"]),
    ("think", &["think", "thinks", "thought"]),
    ("feel", &["feel", "feels", "felt"]),
    ("hope", &["hope", "hopes", "hoped"]),
    ("fear", &["fear", "fears", "feared"]),
    ("expect", &["expect", "expects", "expected"]),
    ("know", &["know", "knows", "knew"]),
    ("find", &["found", "finds", "find"]),
    ("show", &["show", "shows", "showed", "shown"]),
    ("worry", &["worried", "worries", "worry"]),
    ("doubt", &["doubt", "doubts", "doubted"]),
    ("learn", &["learned", "learnt"]),
    ("understand", &["understands"]),
    ("realize", &["realized", "realised", "realizes"]),
    ("decide", &["decided"]),
    ("guess", &["guess"]),
    ("assume", &["assumed", "assumes"]),
    ("imply", &["implied", "implies"]),
    ("deny", &["denied", "denies", "denying"]),
];

/// Word forms of the cues whose object is the content. Two-word forms are matched as a pair.
const OBJECT: &[(&str, &[&str])] = &[
    (
        "call for",
        &["called for", "calls for", "calling for", "call for"],
    ),
    ("call on", &["called on", "calls on", "calling on"]),
    ("urge", &["urged", "urges", "urging"]),
    ("accuse", &["accused", "accuses", "accusing"]),
    ("blame", &["blamed", "blames", "blaming"]),
    (
        "criticize",
        &["criticized", "criticised", "criticizes", "criticizing"],
    ),
    ("praise", &["praised", "praises", "praising"]),
    ("endorse", &["endorsed", "endorses", "endorsing"]),
    ("reject", &["rejected", "rejects", "rejecting"]),
    ("propose", &["proposed", "proposes", "proposing"]),
    ("demand", &["demanded", "demands", "demanding"]),
    ("defend", &["defended", "defends", "defending"]),
    ("describe", &["described", "describes", "describing"]),
    (
        "characterize",
        &["characterized", "characterised", "characterizes"],
    ),
    ("dismiss", &["dismissed", "dismisses", "dismissing"]),
    ("cite", &["cited", "cites", "citing"]),
    ("refer to", &["referring to", "referred to"]),
    ("call", &["called", "calls", "calling"]),
    ("question", &["questioned", "questioning", "questions"]),
    ("denounce", &["denounced", "denounces", "denouncing"]),
    ("condemn", &["condemned", "condemns"]),
    ("support", &["supports", "supported"]),
    ("oppose", &["opposes", "opposed"]),
    ("want", &["wants", "wanted"]),
    ("slam", &["slammed", "slams"]),
    ("decline", &["declined", "declines", "declining"]),
    ("refuse", &["refused", "refuses", "refusing"]),
    ("hail", &["hailed", "hails"]),
    ("label", &["labeled", "labelled", "labels"]),
    ("brand", &["branded"]),
    ("dub", &["dubbed"]),
    ("term", &["termed"]),
    ("mock", &["mocked", "mocks"]),
    ("blast", &["blasted", "blasts"]),
    ("tout", &["touted", "touts", "touting"]),
    ("welcome", &["welcomed"]),
    ("threaten", &["threatened", "threatens"]),
    ("recommend", &["recommended", "recommends"]),
    ("request", &["requested"]),
    ("promote", &["promoting"]),
    ("seek", &["sought", "seeks", "seeking"]),
    (
        "encourage",
        &["encouraged", "encourages", "encouraging", "encourage"],
    ),
    ("exhort", &["exhorted", "exhorts", "exhorting"]),
    ("express", &["expressed", "expresses", "expressing"]),
    ("voice", &["voiced", "voices", "voicing"]),
    (
        "point to",
        &["pointed to", "points to", "pointing to", "point to"],
    ),
    (
        "talk about",
        &["talked about", "talks about", "talking about", "talk about"],
    ),
    ("speak of", &["spoke of", "speaks of", "speaking of"]),
    (
        "speak about",
        &["spoke about", "speaks about", "speaking about"],
    ),
    ("discuss", &["discussed", "discusses", "discussing"]),
    ("echo", &["echoed", "echoes", "echoing"]),
    ("challenge", &["challenged", "challenges", "challenging"]),
    ("decry", &["decried", "decries", "decrying"]),
    (
        "rail against",
        &["railed against", "rails against", "railing against"],
    ),
    ("lament", &["lamented", "laments", "lamenting"]),
    ("bemoan", &["bemoaned", "bemoans", "bemoaning"]),
    ("portray", &["portrayed", "portrays", "portraying"]),
    ("highlight", &["highlighted", "highlights", "highlighting"]),
    ("invoke", &["invoked", "invokes", "invoking"]),
    ("outline", &["outlined", "outlines", "outlining"]),
    ("articulate", &["articulated", "articulates"]),
    ("assail", &["assailed", "assails", "assailing"]),
    ("plead for", &["pleaded for", "pleads for", "pleading for"]),
    ("recount", &["recounted", "recounts", "recounting"]),
];

/// Cues that name their addressee right after them.
const ADDRESSED: &[&str] = &[
    "told", "assure", "inform", "remind", "urge", "call on", "ask",
];

/// The cue a word form (lower case) opens, with the number of words it spans (1 or 2).
pub(crate) fn cue(word: &str, next: &str) -> Option<(CueWord, usize)> {
    index().forms.find(word, next)
}

/// The cue whose bare lemma a word is ("want", "suggest", "point to"), with the words it spans:
/// read as a verb only after a word that makes it one (see `frame`).
pub(crate) fn bare_cue(word: &str, next: &str) -> Option<(CueWord, usize)> {
    index().lemmas.find(word, next)
}

/// Entries by their first word: one-word entries, and two-word ones with their second word.
#[derive(Default)]
struct Entries {
    single: HashMap<&'static str, CueWord>,
    pairs: HashMap<&'static str, Vec<(&'static str, CueWord)>>,
}

impl Entries {
    /// Adds `entry` unless an earlier table holds it already.
    fn add(&mut self, entry: &'static str, cue: CueWord) {
        match entry.split_once(' ') {
            Some((a, b)) => {
                let seconds = self.pairs.entry(a).or_default();
                if !seconds.iter().any(|(s, _)| *s == b) {
                    seconds.push((b, cue));
                }
            }
            None => {
                self.single.entry(entry).or_insert(cue);
            }
        }
    }

    /// The two-word entry `word next`, else the one-word entry `word`.
    fn find(&self, word: &str, next: &str) -> Option<(CueWord, usize)> {
        let pair = self
            .pairs
            .get(word)
            .and_then(|seconds| seconds.iter().find(|(s, _)| *s == next));
        match pair {
            Some(&(_, cue)) => Some((cue, 2)),
            None => self.single.get(word).map(|&cue| (cue, 1)),
        }
    }
}

/// The cue tables indexed by word form and by lemma, built once: every token is looked up.
struct Index {
    forms: Entries,
    lemmas: Entries,
}

fn index() -> &'static Index {
    static INDEX: OnceLock<Index> = OnceLock::new();
    INDEX.get_or_init(|| {
        let mut index = Index {
            forms: Entries::default(),
            lemmas: Entries::default(),
        };
        let tables = [
            (OBJECT, Takes::Object),
            (SPEECH, Takes::Speech),
            (CLAUSE, Takes::Clause),
        ];
        for (table, takes) in tables {
            for &(lemma, forms) in table {
                let cue = CueWord {
                    lemma,
                    takes,
                    addressed: ADDRESSED.contains(&lemma),
                };
                for &form in forms {
                    index.forms.add(form, cue);
                }
                index.lemmas.add(lemma, cue);
            }
        }
        index
    })
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn cues_are_found_with_their_lemma_and_width() {
        let (said, n) = cue("said", "that").expect("said is a cue");
        assert_eq!((said.lemma, said.takes, n), ("say", Takes::Speech, 1));
        let (call, n) = cue("called", "for").expect("called for is a cue");
        assert_eq!((call.lemma, call.takes, n), ("call for", Takes::Object, 2));
        let (told, _) = cue("told", "Blinken").expect("told is a cue");
        assert!(told.addressed);
        assert!(cue("table", "said").is_none());
        // A bare lemma is only a cue where the frame reads it as a verb ("to suggest").
        assert!(cue("suggest", "that").is_none());
        let (suggest, _) = bare_cue("suggest", "that").expect("suggest is a bare cue");
        assert_eq!(suggest.lemma, "suggest");
        let (point, n) = bare_cue("point", "to").expect("point to is a bare cue");
        assert_eq!((point.lemma, n), ("point to", 2));
    }
}
