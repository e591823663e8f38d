//! What quote finding produces: one [`Quote`] per attribution, with its content, cue, speaker and
//! addressee, each located by [`TextSpan`] (byte offsets into the block's text).
//!
//! Plain data: entity indices point into the [`crate::entities::ArticleEntities`] the quotes
//! were found with; `within` points into the same list of quotes.

use crate::entities::TextSpan;

/// How the words are given.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash)]
pub enum QuoteKind {
    /// The speaker's words between quotation marks: `"We have built ...," Tokayev told Blinken`.
    Direct,
    /// Quoted words inside reported speech: `stated that Tehran is "open to ..."`; the enclosing
    /// reported quote is [`Quote::within`].
    Partial,
    /// Reported speech or belief without (only) the speaker's words: "stated that ...", "told X
    /// that ...", "according to X", "called for ...".
    Indirect,
}

impl QuoteKind {
    /// The kind's name as stored and shown: `direct`, `partial`, `indirect`.
    pub fn as_str(self) -> &'static str {
        match self {
            QuoteKind::Direct => "direct",
            QuoteKind::Partial => "partial",
            QuoteKind::Indirect => "indirect",
        }
    }
}

/// The words that mark the attribution: "said", "told", "according to", "stressed", ":".
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Cue {
    /// As written ("told", "according to").
    pub text: String,
    /// The cue's lemma in lower case ("say" for "said", "according to").
    pub lemma: &'static str,
    pub span: TextSpan,
}

/// How a speaker or addressee was tied to an entity.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash)]
pub enum Link {
    /// The text names the entity ("Mohajerani", "the IRGC-affiliated Nour News").
    Name,
    /// A pronoun ("she", "they", "who") resolved to an earlier speaker or mention.
    Pronoun,
    /// A description ("the spokeswoman", "the ministry") resolved through roles and kinds.
    Description,
    /// No entity: the words stand alone ("analysts", "a Warren adviser").
    Unresolved,
}

/// Who speaks, or whom they address.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Party {
    /// As written where the attribution is made: a name, a pronoun or a description.
    pub text: String,
    pub span: TextSpan,
    /// Index into [`crate::entities::ArticleEntities::entities`], when resolved.
    pub entity: Option<usize>,
    pub link: Link,
}

/// One attribution: who said (or believes, or reported) what, to whom.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Quote {
    pub kind: QuoteKind,
    /// The content in text order: one piece, or several when the quote is split around its cue
    /// (`"A," she said. "B."`) or runs across paragraphs. Direct pieces include their quotation
    /// marks; reported content includes a leading "that" and leaves out the sentence's final
    /// period.
    pub content: Vec<TextSpan>,
    /// The pieces' text joined by single spaces.
    pub text: String,
    pub cue: Option<Cue>,
    pub speaker: Option<Party>,
    /// The addressee when named: "Blinken" in "Tokayev told Blinken".
    pub addressee: Option<Party>,
    /// For a [`QuoteKind::Partial`] quote: the index of the reported quote holding it.
    pub within: Option<usize>,
}

impl Quote {
    /// The speaker's entity index, when resolved.
    pub fn speaker_entity(&self) -> Option<usize> {
        self.speaker.as_ref().and_then(|p| p.entity)
    }
}
