//! Quotes with their speakers: who said (or believes, or reported) what, to whom.
//!
//! [`find_quotes`] reads an article's blocks ([`ArticleText`]) with its entities
//! ([`ArticleEntities`]) and returns one [`Quote`] per attribution:
//!
//! 1. `marks`: quotation marks paired into quoted stretches, per block (curly, straight and
//!    doubled marks; a mark left open runs to the end of its paragraph);
//! 2. `direct`: quoted stretches tied to a speech cue after or before them, quotes split around
//!    their cue joined, quotes running across paragraphs continued;
//! 3. `reported`: reported speech and belief around cue words outside quotation marks ("stated
//!    that", "told X that", "according to X", "called for", "believes");
//! 4. `headline`: a title "Speaker: what they said"; `seeming`: "X is expected to ...", "X
//!    seemed to ..." (no speaker); `labels`: a quoted label a verb puts on its object ("pounding
//!    Trump as a “con artist”"); `standalone`: a long quoted passage with no cue;
//! 5. `doubles`: of two drafts saying nearly the same words for the same speaker ("said he
//!    hoped ..."), the smaller is dropped; quoted stretches inside reported content become
//!    partial quotes of that attribution;
//! 6. `resolve`: speakers and addressees tied to entities, also through pronouns and
//!    descriptions.
//!
//! The cue words are in `lexicon`, the others in `words`, the noun phrases around cues in
//! `phrase`, the working state in `frame`. Spans are byte offsets into each block's text. Pure:
//! no IO, work bounded per token (long look-backs and run-on sentences are capped), and no input
//! text makes it panic.

mod direct;
mod doubles;
mod frame;
mod headline;
mod labels;
mod learned;
mod lexicon;
mod marks;
mod phrase;
mod reported;
mod resolve;
mod seeming;
mod standalone;
#[cfg(test)]
mod tests;
mod types;
mod words;

pub use learned::{
    Clusters as CueClusters, CueExample, CueModel, LabelledCue, TrainReport, EPOCHS as CUE_EPOCHS,
    OTHER as OTHER_CUE,
};
pub use types::{Cue, Link, Party, Quote, QuoteKind};

use crate::entities::{ArticleEntities, ArticleText, TextSpan};
use frame::{Draft, Frame, Range};
use resolve::Resolver;

/// Drafts scanned back from a loose quote for the reported attribution holding it.
const HOLDER_REACH: usize = 16;

/// The article's quotes, in text order of their content (a partial quote after the attribution
/// holding it). `entities` must come from the same text
/// ([`crate::entities::annotate_article`] or [`crate::entities::link_mentions`]).
pub fn find_quotes(
    text: &ArticleText,
    entities: &ArticleEntities,
    cues: Option<&CueModel>,
) -> Vec<Quote> {
    let frame = Frame::new(text, entities);
    let direct = direct::find(&frame);
    let mut used = vec![false; frame.tokens.len()];
    for &k in &direct.used {
        if let Some(slot) = used.get_mut(k) {
            *slot = true;
        }
    }
    let mut drafts = direct.drafts;
    reported::find(&frame, &used, &mut drafts);
    headline::find(&frame, &mut drafts);
    seeming::find(&frame, &mut drafts);
    drafts.sort_by_key(|d| (d.start(), d.end()));
    for found in [labels::find, standalone::find] {
        let more = found(&frame, &drafts, &direct.loose);
        if !more.is_empty() {
            drafts.extend(more);
            drafts.sort_by_key(|d| (d.start(), d.end()));
        }
    }
    if let Some(model) = cues {
        learned::run(&frame, model, &mut drafts);
        drafts.sort_by_key(|d| (d.start(), d.end()));
    }
    let drafts = with_partials(doubles::without_doubles(&frame, drafts), &direct.loose);
    let mut resolver = Resolver::new(&frame);
    let mut order: Vec<usize> = (0..drafts.len()).collect();
    order.sort_by_key(|&i| drafts[i].speaker.map_or(drafts[i].start(), |s| s.0));
    let mut quotes: Vec<Option<Quote>> = vec![None; drafts.len()];
    for i in order {
        quotes[i] = to_quote(&frame, &mut resolver, &drafts[i]);
    }
    // Indices shift where a draft could not be placed; keep `within` pointing right.
    let mut new_index = Vec::with_capacity(quotes.len());
    let mut n = 0;
    for q in &quotes {
        new_index.push(n);
        n += usize::from(q.is_some());
    }
    quotes
        .into_iter()
        .flatten()
        .map(|mut q| {
            q.within = q.within.and_then(|w| new_index.get(w).copied());
            q
        })
        .collect()
}

/// `drafts` (sorted) with a partial quote after each reported attribution for every loose
/// quoted stretch inside its content.
fn with_partials(drafts: Vec<Draft>, loose: &[Range]) -> Vec<Draft> {
    let mut holders: Vec<Vec<Range>> = vec![Vec::new(); drafts.len()];
    for &(s, e) in loose {
        let upto = drafts.partition_point(|d| d.start() <= s);
        let holder = (upto.saturating_sub(HOLDER_REACH)..upto).rev().find(|&i| {
            drafts[i].kind == QuoteKind::Indirect
                && drafts[i].pieces.iter().any(|p| p.0 <= s && e <= p.1)
        });
        if let Some(h) = holder {
            holders[h].push((s, e));
        }
    }
    let mut out = Vec::with_capacity(drafts.len());
    for (d, held) in drafts.into_iter().zip(holders) {
        let at = out.len();
        let partials: Vec<Draft> = held
            .into_iter()
            .map(|piece| Draft {
                kind: QuoteKind::Partial,
                pieces: vec![piece],
                within: Some(at),
                ..d.clone()
            })
            .collect();
        out.push(d);
        out.extend(partials);
    }
    out
}

/// The quote a draft describes, its speaker and addressee resolved; `None` when a span falls
/// outside every block.
fn to_quote(frame: &Frame, resolver: &mut Resolver, d: &Draft) -> Option<Quote> {
    let content: Vec<TextSpan> = d
        .pieces
        .iter()
        .map(|&(s, e)| frame.article.locate(s, e))
        .collect::<Option<_>>()?;
    let text = d
        .pieces
        .iter()
        .map(|&(s, e)| frame.text.get(s..e).unwrap_or(""))
        .collect::<Vec<_>>()
        .join(" ");
    let cue = d.cue.and_then(|((s, e), lemma)| {
        Some(Cue {
            text: frame.text.get(s..e)?.to_string(),
            lemma,
            span: frame.article.locate(s, e)?,
        })
    });
    let mut party = |r: Option<Range>, speaker: bool| {
        let (s, e) = r?;
        let span = frame.article.locate(s, e)?;
        let (entity, link) = resolver.resolve((s, e), speaker);
        Some(Party {
            text: frame.text.get(s..e)?.to_string(),
            span,
            entity,
            link,
        })
    };
    let speaker = party(d.speaker, d.kind != QuoteKind::Partial);
    let addressee = party(d.addressee, false);
    Some(Quote {
        kind: d.kind,
        content,
        text,
        cue,
        speaker,
        addressee,
        within: d.within,
    })
}
