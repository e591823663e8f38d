//! Speakers and addressees tied to entities: a name in the phrase, a pronoun ("she", "they",
//! "who") to the latest compatible speaker or mention, a description ("the spokeswoman", "the
//! ministry") to the latest entity with that role or that kind of name.
//!
//! Gender comes from what the article states: honorifics ("Mr.", "Ms.") and gendered role words
//! ("spokeswoman"); a person with neither fits either pronoun.

use super::frame::{Frame, Range};
use super::types::Link;
use super::words::{gendered, is_org_noun, pronoun, Pronoun};
use crate::entities::EntityType;

/// Speakers and mentions a pronoun or description looks back over, at the most.
const LOOK_BACK: usize = 64;
/// Blocks back a pronoun or description may reach for its entity.
const REACH_BLOCKS: usize = 3;

/// Resolution state: what is known of each entity and who spoke last.
#[derive(Debug)]
pub(crate) struct Resolver<'f, 'a> {
    frame: &'f Frame<'a>,
    gender: Vec<Option<Pronoun>>,
    /// Resolved speakers so far: byte position and entity.
    speakers: Vec<(usize, usize)>,
}

impl<'f, 'a> Resolver<'f, 'a> {
    pub fn new(frame: &'f Frame<'a>) -> Self {
        let entities = frame.entities;
        let gender = entities
            .entities
            .iter()
            .map(|e| {
                let honorifics = e.mentions.iter().filter_map(|&m| {
                    let h = entities.mentions.get(m)?.honorific.as_deref()?;
                    gendered(&h.trim_end_matches('.').to_lowercase())
                });
                let roles = e
                    .roles
                    .iter()
                    .filter_map(|&r| gendered(&entities.roles.get(r)?.head));
                honorifics.chain(roles).next()
            })
            .collect();
        Resolver {
            frame,
            gender,
            speakers: Vec::new(),
        }
    }

    /// The entity the phrase at `span` stands for, and how it was found. A speaker's entity is
    /// remembered for later pronouns.
    pub fn resolve(&mut self, span: Range, speaker: bool) -> (Option<usize>, Link) {
        let found =
            self.name_in(span)
                .map(|e| (Some(e), Link::Name))
                .or_else(|| {
                    let words: Vec<&str> = self.words(span);
                    match words.as_slice() {
                        [one] => pronoun(&one.to_lowercase())
                            .map(|p| (self.pronoun(p, span), Link::Pronoun)),
                        [.., head] => self
                            .described(head, span)
                            .map(|e| (Some(e), Link::Description)),
                        [] => None,
                    }
                });
        let (entity, link) = match found {
            Some((Some(e), link)) => (Some(e), link),
            _ => (None, Link::Unresolved),
        };
        if let (Some(e), true) = (entity, speaker) {
            self.speakers.push((span.0, e));
        }
        (entity, link)
    }

    fn words(&self, span: Range) -> Vec<&'a str> {
        let text: &'a str = self.frame.text;
        text.get(span.0..span.1)
            .unwrap_or("")
            .split(|c: char| c.is_whitespace())
            .filter(|w| !w.is_empty())
            .collect()
    }

    /// The last mention inside the span: the head of "The IRGC-affiliated Nour News".
    fn name_in(&self, span: Range) -> Option<usize> {
        let mentions = &self.frame.mentions;
        let upto = mentions.partition_point(|m| m.start < span.1);
        mentions[..upto]
            .iter()
            .rev()
            .take_while(|m| m.end > span.0 || m.start >= span.0)
            .find(|m| m.start >= span.0 && m.end <= span.1)
            .map(|m| m.entity)
    }

    /// Where an earlier pronoun or description may reach back to.
    fn reach(&self, at: usize) -> usize {
        let blocks = &self.frame.blocks;
        let i = blocks.partition_point(|b| b.0 <= at);
        blocks
            .get(i.saturating_sub(REACH_BLOCKS))
            .map_or(0, |b| b.0)
    }

    fn fits(&self, entity: usize, p: Pronoun) -> bool {
        let Some(e) = self.frame.entities.entities.get(entity) else {
            return false;
        };
        match p {
            Pronoun::He | Pronoun::She => {
                e.kind == EntityType::Person && self.gender[entity].is_none_or(|g| g == p)
            }
            Pronoun::They | Pronoun::It => {
                matches!(e.kind, EntityType::Org | EntityType::Gpe | EntityType::Norp)
            }
            Pronoun::Relative | Pronoun::Speaker => false,
        }
    }

    /// The latest compatible speaker in reach, else the latest compatible mention.
    fn pronoun(&self, p: Pronoun, span: Range) -> Option<usize> {
        let mentions = &self.frame.mentions;
        let upto = mentions.partition_point(|m| m.start < span.0);
        if p == Pronoun::Relative {
            // "Joe Madison, a host, who said": the latest name of the sentence.
            let first = self.frame.token_from(span.0);
            let sentence = self.frame.sentence_tokens(first).start;
            let floor = self.frame.tokens.get(sentence).map_or(0, |t| t.start);
            return mentions[..upto]
                .iter()
                .rev()
                .take_while(|m| m.start >= floor)
                .take(LOOK_BACK)
                .find(|m| m.kind != EntityType::Misc)
                .map(|m| m.entity);
        }
        let reach = self.reach(span.0);
        let speaker = self
            .speakers
            .iter()
            .rev()
            .take_while(|s| s.0 >= reach)
            .take(LOOK_BACK)
            .find(|s| s.0 < span.0 && self.fits(s.1, p))
            .map(|s| s.1);
        speaker.or_else(|| {
            mentions[..upto]
                .iter()
                .rev()
                .take_while(|m| m.start >= reach)
                .take(LOOK_BACK)
                .find(|m| self.fits(m.entity, p))
                .map(|m| m.entity)
        })
    }

    /// "the spokeswoman": the latest person with that role; "the ministry": the latest
    /// organisation with that word in its name.
    fn described(&self, head: &str, span: Range) -> Option<usize> {
        let head = head.to_lowercase();
        let head = head.trim_end_matches("'s").trim_end_matches("’s");
        let entities = self.frame.entities;
        let mentions = &self.frame.mentions;
        let upto = mentions.partition_point(|m| m.start < span.0);
        let reach = self.reach(span.0);
        let earlier = || {
            mentions[..upto]
                .iter()
                .rev()
                .take_while(move |m| m.start >= reach)
                .take(LOOK_BACK)
        };
        let with_role = earlier().find(|m| {
            entities.entities.get(m.entity).is_some_and(|e| {
                e.roles
                    .iter()
                    .any(|&r| entities.roles.get(r).is_some_and(|r| r.head == head))
            })
        });
        if let Some(m) = with_role {
            return Some(m.entity);
        }
        if !is_org_noun(head) {
            return None;
        }
        earlier()
            .find(|m| {
                m.kind == EntityType::Org
                    && entities
                        .entities
                        .get(m.entity)
                        .is_some_and(|e| e.name.to_lowercase().contains(head))
            })
            .map(|m| m.entity)
    }
}
