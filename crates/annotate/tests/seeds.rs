//! The bundled seed dumps, cleaned by chancery-extract and annotated with the NER model, must
//! give the entities the hand-made expected output lists (`entities`, `aliases_same_entity`,
//! `not_entities` in `crates/extract/tests/fixtures/seeds-expected.json`, a copy of the shared
//! seeds' `expected.json`):
//!
//! - every expected entity is found with its type (PERSON; PLACE is GPE or LOC; ORG; MISC), and a
//!   person under its expected canonical name;
//! - a person's expected aliases are names of the same entity; an alias written with an honorific
//!   or title ("Mr. Blinken", "President Biden") is a mention of the entity with that honorific
//!   or with a role of that title just before it;
//! - the expected roles are among the person's role titles, and the affiliation is the person's;
//! - names listed as the same entity are one entity wherever the article names several of them;
//! - nothing in `not_entities` is a mention or an entity;
//! - every mention's raw span points at its text in the input.
//!
//! The model file is built, not committed: the test is ignored by default and fails (never
//! skips) when run without it.

use std::path::{Path, PathBuf};

use chancery_annotate::entities::{annotate_article, ArticleEntities, ArticleText, EntityType};
use chancery_annotate::NerModel;
use chancery_extract::{text::clean_dump, ExtractConfig, NoEvidence};
use chancery_model::{Article, DocFormat, DocMeta, Provenance, RawDoc};
use serde_json::Value;

const MODEL: &str = "crates/annotate/model/ner.bin";
const EXPECTED: &str = "crates/extract/tests/fixtures/seeds-expected.json";

fn root() -> PathBuf {
    Path::new(env!("CARGO_MANIFEST_DIR"))
        .parent()
        .and_then(Path::parent)
        .expect("the crate lives two levels below the workspace root")
        .to_path_buf()
}

/// One annotated seed article.
struct Seed {
    key: String,
    raw: String,
    article: Article,
    entities: ArticleEntities,
}

#[test]
#[ignore = "needs the NER model: crates/annotate/build-model.sh"]
fn seeds_entities_aliases_and_roles() {
    let path = root().join(MODEL);
    let bytes = std::fs::read(&path).unwrap_or_else(|e| {
        panic!(
            "cannot read the NER model {}: {e}; build it with crates/annotate/build-model.sh",
            path.display()
        )
    });
    let model = NerModel::from_bytes(&bytes).expect("the NER model file loads");
    let expected: Value = serde_json::from_str(
        &std::fs::read_to_string(root().join(EXPECTED))
            .expect("expected.json has the documented shape"),
    )
    .expect("expected.json has the documented shape");
    let seeds = annotate_seeds(&model, &expected);
    let mut misses = Vec::new();
    for seed in &seeds {
        check_spans(seed, &mut misses);
        if let Some(want) = expected["entities"].get(&seed.key) {
            check_entities(seed, want, &mut misses);
        }
        check_not_entities(seed, &expected["not_entities"], &mut misses);
    }
    check_same_entity(&seeds, &expected["aliases_same_entity"], &mut misses);
    assert!(
        misses.is_empty(),
        "{} problems:\n{}",
        misses.len(),
        misses.join("\n")
    );
}

fn annotate_seeds(model: &NerModel, expected: &Value) -> Vec<Seed> {
    let mut out = Vec::new();
    for name in expected["files"]
        .as_object()
        .expect("expected.json has the documented shape")
        .keys()
    {
        let raw = std::fs::read_to_string(root().join("examples").join(name))
            .expect("the seed dump reads");
        let provenance = Provenance {
            path: name.clone(),
            length: raw.len() as u64,
            ..Default::default()
        };
        let doc = RawDoc::utf8(provenance, DocFormat::Text, raw.clone(), DocMeta::default());
        let extraction = clean_dump(&doc, &NoEvidence, &ExtractConfig::default());
        for (i, article) in extraction.articles.into_iter().enumerate() {
            let entities = annotate_article(model, &ArticleText::from_article(&article));
            out.push(Seed {
                key: format!("{name}#{i}"),
                raw: raw.clone(),
                article,
                entities,
            });
        }
    }
    out
}

fn check_entities(seed: &Seed, want: &Value, misses: &mut Vec<String>) {
    let at = &seed.key;
    let found = &seed.entities;
    for (label, list) in want
        .as_object()
        .expect("expected.json has the documented shape")
    {
        let names: Vec<&str> = match list {
            Value::Object(map) => map.keys().map(String::as_str).collect(),
            Value::Array(items) => items.iter().filter_map(Value::as_str).collect(),
            _ => Vec::new(),
        };
        for name in names {
            let Some(entity) = found
                .entities
                .iter()
                .find(|e| e.is_named(name) && type_fits(label, e.kind))
            else {
                let other = found
                    .find(name)
                    .map(|e| e.kind.as_str())
                    .unwrap_or("nothing");
                misses.push(format!(
                    "{at}: {label} {name:?} not found (found as {other})"
                ));
                continue;
            };
            if label != "PERSON" {
                continue;
            }
            if entity.name != name {
                misses.push(format!("{at}: {name:?} is named {:?}", entity.name));
            }
            let spec = &list[name];
            for alias in spec["aliases"].as_array().into_iter().flatten() {
                let alias = alias
                    .as_str()
                    .expect("expected.json has the documented shape");
                if !alias_found(found, entity, alias) {
                    misses.push(format!("{at}: {name:?} lacks alias {alias:?}"));
                }
            }
            let titles = found.role_titles(entity);
            for role in spec["roles"].as_array().into_iter().flatten() {
                let role = role
                    .as_str()
                    .expect("expected.json has the documented shape");
                if !titles.contains(&role) {
                    misses.push(format!(
                        "{at}: {name:?} lacks role {role:?} (has {titles:?})"
                    ));
                }
            }
            if let Some(want) = spec["affiliation"].as_str() {
                let got = entity.affiliation.as_ref().map(|a| a.name.as_str());
                if got != Some(want) {
                    misses.push(format!("{at}: {name:?} affiliation {got:?}, want {want:?}"));
                }
            }
        }
    }
}

fn type_fits(label: &str, kind: EntityType) -> bool {
    match label {
        "PERSON" => kind == EntityType::Person,
        "PLACE" => kind.is_place(),
        "ORG" => kind == EntityType::Org,
        "MISC" => kind == EntityType::Misc,
        other => kind.as_str() == other,
    }
}

/// An alias is a name of the entity, or an honorific or title before one of its mentions.
fn alias_found(
    found: &ArticleEntities,
    entity: &chancery_annotate::entities::Entity,
    alias: &str,
) -> bool {
    if entity.is_named(alias) {
        return true;
    }
    let Some((prefix, name)) = alias.rsplit_once(' ') else {
        return false;
    };
    entity.mentions.iter().any(|&m| {
        let mention = &found.mentions[m];
        mention.text == name
            && (mention.honorific.as_deref() == Some(prefix)
                || found
                    .roles
                    .iter()
                    .any(|r| r.mention == m && r.title == prefix))
    })
}

fn check_same_entity(seeds: &[Seed], groups: &Value, misses: &mut Vec<String>) {
    for group in groups
        .as_array()
        .expect("expected.json has the documented shape")
    {
        let names: Vec<&str> = group
            .as_array()
            .expect("expected.json has the documented shape")
            .iter()
            .filter_map(Value::as_str)
            .collect();
        let mut seen_together = false;
        for seed in seeds {
            let present: Vec<(&str, usize)> = names
                .iter()
                .filter_map(|n| {
                    let e = seed.entities.entities.iter().position(|e| e.is_named(n))?;
                    Some((*n, e))
                })
                .collect();
            if present.len() >= 2 {
                seen_together = true;
            }
            if present.windows(2).any(|w| w[0].1 != w[1].1) {
                misses.push(format!(
                    "{}: {names:?} are not one entity: {present:?}",
                    seed.key
                ));
            }
        }
        if !seen_together {
            misses.push(format!("{names:?}: no article names two of them"));
        }
    }
}

fn check_not_entities(seed: &Seed, not: &Value, misses: &mut Vec<String>) {
    for name in not
        .as_array()
        .expect("expected.json has the documented shape")
        .iter()
        .filter_map(Value::as_str)
    {
        if seed.entities.mentions.iter().any(|m| m.text == name)
            || seed.entities.find(name).is_some()
        {
            misses.push(format!("{}: {name:?} reported as an entity", seed.key));
        }
    }
}

fn check_spans(seed: &Seed, misses: &mut Vec<String>) {
    let blocks = seed
        .article
        .title
        .iter()
        .map(|b| (chancery_annotate::entities::BlockKind::Title, 0, b))
        .chain(
            seed.article
                .captions
                .iter()
                .enumerate()
                .map(|(i, b)| (chancery_annotate::entities::BlockKind::Caption, i, b)),
        )
        .chain(
            seed.article
                .paragraphs
                .iter()
                .enumerate()
                .map(|(i, b)| (chancery_annotate::entities::BlockKind::Paragraph, i, b)),
        );
    let blocks: Vec<_> = blocks.collect();
    for m in &seed.entities.mentions {
        let Some((_, _, block)) = blocks
            .iter()
            .find(|(k, i, _)| *k == m.span.block.kind && *i == m.span.block.index)
        else {
            misses.push(format!("{}: {:?} in no block", seed.key, m.text));
            continue;
        };
        let in_block = block.text.get(m.span.start..m.span.end);
        if in_block != Some(m.text.as_str()) {
            misses.push(format!(
                "{}: {:?} at {:?} in its block",
                seed.key, m.text, in_block
            ));
        }
        let verbatim = block.span.len() == block.text.len() as u64;
        match m.span.raw {
            Some(raw) => {
                let text = seed.raw.get(raw.start as usize..raw.end as usize);
                if text != Some(m.text.as_str()) {
                    misses.push(format!(
                        "{}: {:?} raw span shows {text:?}",
                        seed.key, m.text
                    ));
                }
            }
            None if verbatim => {
                misses.push(format!("{}: {:?} has no raw span", seed.key, m.text));
            }
            None => {}
        }
    }
}
