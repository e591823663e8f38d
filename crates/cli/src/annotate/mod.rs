//! Annotation during ingest ([`annotate`]): with no model needed, an article's time expressions
//! and amounts; with the NER model (found and loaded once) and the embedded gazetteer, also its
//! entities as the model's [`EntityRecord`]s with places resolved on the map, its quotes and its
//! events, each as the model's records (`facts`, `statements`).

use std::path::{Path, PathBuf};

use anyhow::{Context, Result};
use chancery_annotate::entities::{annotate_article, ArticleEntities, ArticleText, BlockKind};
use chancery_annotate::events;
use chancery_annotate::geo::{Gazetteer, Resolver};
use chancery_annotate::quotes::{find_quotes, CueModel};
use chancery_annotate::time;
use chancery_annotate::NerModel;
use chancery_model::{Article, EntityRecord, MentionRecord, PlaceRecord};

mod facts;
mod statements;
use chrono::Datelike;

/// Where the model is built, relative to the repository root.
pub const DEFAULT_MODEL: &str = "crates/annotate/model/ner.bin";

/// Environment variable naming the model file when the default path does not exist.
pub const MODEL_ENV: &str = "CHANCERY_NER_MODEL";

/// The warning printed when no model is found.
pub const NO_MODEL: &str =
    "no NER model: entities not annotated; build it with crates/annotate/build-model.sh";

/// The GeoNames-derived gazetteer committed beside the resolver.
pub(crate) const PLACES: &[u8] = include_bytes!("../../../annotate/src/geo/data/places.tsv.gz");

/// The model file to use: `flag` when given, else [`DEFAULT_MODEL`] under the current directory
/// when it exists, else the file [`MODEL_ENV`] names; `None` when there is none.
pub fn find_model(flag: Option<&Path>) -> Option<PathBuf> {
    if let Some(path) = flag {
        return Some(path.to_path_buf());
    }
    let default = PathBuf::from(DEFAULT_MODEL);
    if default.is_file() {
        return Some(default);
    }
    std::env::var_os(MODEL_ENV)
        .filter(|v| !v.is_empty())
        .map(PathBuf::from)
}

/// The learned attribution cue model's file name, beside the NER model.
pub const CUE_MODEL_FILE: &str = "cues.bin";

/// The warning printed when the NER model has no cue model beside it.
pub const NO_CUE_MODEL: &str =
    "no attribution cue model beside the NER model: quotes found by rules alone; build it with \
     crates/annotate/build-model.sh";

/// A loaded tagger, cue model and gazetteer, shared by the extraction threads.
#[derive(Debug)]
pub struct Annotator {
    model: NerModel,
    /// The learned cue finder ([`CUE_MODEL_FILE`] beside the NER model), when built.
    cues: Option<CueModel>,
    gazetteer: Gazetteer,
}

impl Annotator {
    /// Loads the model at `path`, the cue model beside it when there is one, and the embedded
    /// gazetteer.
    pub fn load(path: &Path) -> Result<Self> {
        let bytes = std::fs::read(path)
            .with_context(|| format!("cannot read NER model {}", path.display()))?;
        let model = NerModel::from_bytes(&bytes)
            .with_context(|| format!("{} is not an NER model", path.display()))?;
        let cue_path = path.with_file_name(CUE_MODEL_FILE);
        let cues = match std::fs::read(&cue_path) {
            Ok(bytes) => Some(
                CueModel::from_bytes(&bytes)
                    .with_context(|| format!("{} is not a cue model", cue_path.display()))?,
            ),
            Err(_) => None,
        };
        let gazetteer = Gazetteer::from_bytes(PLACES).context("the built-in gazetteer is bad")?;
        Ok(Annotator {
            model,
            cues,
            gazetteer,
        })
    }

    /// Whether the learned cue finder was loaded.
    pub fn has_cue_model(&self) -> bool {
        self.cues.is_some()
    }

    fn records(
        &self,
        article: &Article,
        text: &ArticleText,
        found: &ArticleEntities,
    ) -> Vec<EntityRecord> {
        let places = self.resolve_places(article, text, found);
        found
            .entities
            .iter()
            .zip(places)
            .map(|(entity, place)| EntityRecord {
                name: entity.name.clone(),
                kind: entity.kind,
                aliases: entity.aliases.clone(),
                mentions: entity
                    .mentions
                    .iter()
                    .filter_map(|&m| found.mentions.get(m))
                    .map(|m| MentionRecord {
                        text: m.text.clone(),
                        block: statements::block_of(m.span.block.kind),
                        index: m.span.block.index,
                        start: m.span.start,
                        end: m.span.end,
                        raw: m.span.raw,
                    })
                    .collect(),
                roles: found
                    .role_titles(entity)
                    .into_iter()
                    .map(str::to_string)
                    .collect(),
                affiliation: entity.affiliation.as_ref().map(|a| a.name.clone()),
                country: entity.country.map(str::to_string).or_else(|| {
                    place
                        .as_ref()
                        .filter(|p| !p.country.is_empty())
                        .map(|p| p.country.clone())
                }),
                place,
            })
            .collect()
    }

    /// The place of each entity (`None` for entities that are not GPE or LOC, or not found),
    /// every place mention of the article resolved together so each is read in the context of
    /// the others.
    fn resolve_places(
        &self,
        article: &Article,
        text: &ArticleText,
        found: &ArticleEntities,
    ) -> Vec<Option<PlaceRecord>> {
        let starts = block_starts(article);
        let joined = text.text();
        // (entity, joined-text span) of every place mention.
        let mut spans: Vec<(usize, (usize, usize))> = Vec::new();
        for (e, entity) in found.entities.iter().enumerate() {
            if !entity.kind.is_place() {
                continue;
            }
            for mention in entity
                .mentions
                .iter()
                .filter_map(|&m| found.mentions.get(m))
            {
                let Some(&offset) =
                    starts.get(&(mention.span.block.kind, mention.span.block.index))
                else {
                    continue;
                };
                let (start, end) = (offset + mention.span.start, offset + mention.span.end);
                if joined.get(start..end).is_some() {
                    spans.push((e, (start, end)));
                }
            }
        }
        spans.sort_by_key(|&(_, span)| span);
        let resolver = Resolver::new(&self.gazetteer);
        let only_spans: Vec<(usize, usize)> = spans.iter().map(|&(_, s)| s).collect();
        let resolved = resolver.resolve_spans(joined, &only_spans);
        // Each entity takes the place its best-scored mention resolved to.
        let mut best: Vec<Option<(f64, u32)>> = vec![None; found.entities.len()];
        for ((e, _), resolution) in spans.iter().zip(resolved) {
            let Some(r) = resolution else { continue };
            let slot = &mut best[*e];
            if slot.is_none_or(|(score, _)| r.score > score) {
                *slot = Some((r.score, r.place));
            }
        }
        best.into_iter()
            .map(|b| {
                let place = self.gazetteer.place(b?.1)?;
                Some(PlaceRecord {
                    name: place.name.clone(),
                    geonames_id: place.geonameid,
                    country: place.country.clone(),
                    lat: place.lat,
                    lon: place.lon,
                })
            })
            .collect()
    }
}

/// Annotates `article` from its title, captions and paragraphs: its time expressions (resolved
/// against its `published` date, left unresolved when it has none) and amounts always; with
/// `annotator`, also its entities, quotes and events.
pub fn annotate(article: &mut Article, annotator: Option<&Annotator>) {
    let text = ArticleText::from_article(article);
    let reference = article
        .published
        .and_then(|d| time::Date::new(d.year(), d.month(), d.day()));
    let (timexes, amounts) = chancery_annotate::find_dates_and_amounts(text.text(), reference);
    article.dates = facts::date_records(&text, &timexes);
    article.amounts = facts::amount_records(&text, &amounts);
    let Some(annotator) = annotator else {
        return;
    };
    let found = annotate_article(&annotator.model, &text);
    article.entities = annotator.records(article, &text, &found);
    article.quotes = find_quotes(&text, &found, annotator.cues.as_ref())
        .iter()
        .map(|q| statements::quote_record(q, &found))
        .collect();
    // The country of each entity's resolved place, so events placed in a city know its country.
    let place_countries: Vec<Option<&'static str>> = article
        .entities
        .iter()
        .map(|e| e.place.as_ref().and_then(|p| events::alpha3(&p.country)))
        .collect();
    article.events =
        events::find_events_with_places(&text, &found, &place_countries, &timexes, &amounts)
            .iter()
            .map(|e| statements::event_record(e, &found))
            .collect();
}

/// Offset of each block's text in the joined text of [`ArticleText`]: title, captions and
/// paragraphs in that order, separated by a blank line.
fn block_starts(article: &Article) -> std::collections::HashMap<(BlockKind, usize), usize> {
    let blocks = article
        .title
        .iter()
        .map(|b| (BlockKind::Title, 0, b))
        .chain(
            article
                .captions
                .iter()
                .enumerate()
                .map(|(i, b)| (BlockKind::Caption, i, b)),
        )
        .chain(
            article
                .paragraphs
                .iter()
                .enumerate()
                .map(|(i, b)| (BlockKind::Paragraph, i, b)),
        );
    let mut out = std::collections::HashMap::new();
    let mut at = 0;
    for (i, (kind, index, block)) in blocks.enumerate() {
        if i > 0 {
            at += 2;
        }
        out.insert((kind, index), at);
        at += block.text.len();
    }
    out
}

#[cfg(test)]
mod tests {
    use super::*;
    use chancery_model::{ArticleId, Block, Span};

    fn block(text: &str) -> Block {
        Block {
            text: text.to_string(),
            span: Span::new(0, text.len() as u64),
        }
    }

    #[test]
    fn block_starts_match_the_joined_text() {
        let article = Article {
            id: ArticleId("x".into()),
            title: Some(block("Title")),
            captions: vec![block("A caption")],
            paragraphs: vec![block("First."), block("Second paragraph.")],
            language: None,
            published: None,
            published_evidence: None,
            source: "s".into(),
            url: None,
            provenance: Vec::new(),
            removed: Vec::new(),
            meta: Default::default(),
            entities: Vec::new(),
            dates: Vec::new(),
            amounts: Vec::new(),
            quotes: Vec::new(),
            events: Vec::new(),
        };
        let joined = ArticleText::from_article(&article);
        let starts = block_starts(&article);
        for (kind, index, text) in [
            (BlockKind::Title, 0, "Title"),
            (BlockKind::Caption, 0, "A caption"),
            (BlockKind::Paragraph, 0, "First."),
            (BlockKind::Paragraph, 1, "Second paragraph."),
        ] {
            let at = starts[&(kind, index)];
            assert_eq!(&joined.text()[at..at + text.len()], text);
        }
    }

    #[test]
    fn the_embedded_gazetteer_loads() {
        let gazetteer = Gazetteer::from_bytes(PLACES).expect("the gazetteer loads");
        assert!(!gazetteer.lookup("Kazakhstan").is_empty());
    }
}
