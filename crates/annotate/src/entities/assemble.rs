//! The result: mentions located in their blocks and the raw input, entities with a canonical
//! name and aliases, roles with their affiliations resolved (stated, else inferred).

use std::collections::HashMap;

use super::acronyms::numbered_group;
use super::affiliation::Context;
use super::coref::name_words;
use super::countries;
use super::doc::{Doc, Draft};
use super::repair::is_acronym;
use super::roles::{RoleDraft, Stated};
use super::types::{
    Affiliation, AffiliationSource, ArticleEntities, Entity, EntityType, Mention, Role,
};

/// Builds the article's entities from its typed drafts, their entity numbers and roles.
pub(crate) fn assemble(
    doc: &Doc,
    drafts: &[Draft],
    entity_of: &[usize],
    roles: &[RoleDraft],
) -> ArticleEntities {
    let n = entity_of.iter().map(|&e| e + 1).max().unwrap_or(0);
    let mut members: Vec<Vec<usize>> = vec![Vec::new(); n];
    for (i, &e) in entity_of.iter().enumerate() {
        members[e].push(i);
    }
    let mut out = ArticleEntities::default();
    let mut mention_of_draft: Vec<Option<usize>> = vec![None; drafts.len()];
    let mut entities: Vec<Entity> = members.iter().map(|m| entity(doc, drafts, m)).collect();
    for (i, d) in drafts.iter().enumerate() {
        let (Some(span), Some(&e)) = (doc.article.locate(d.start, d.end), entity_of.get(i)) else {
            continue;
        };
        let honorific = d
            .honorific
            .and_then(|(s, t)| doc.text.get(s..t))
            .map(str::to_string);
        mention_of_draft[i] = Some(out.mentions.len());
        entities[e].mentions.push(out.mentions.len());
        out.mentions.push(Mention {
            text: d.text(doc.text).to_string(),
            kind: entities[e].kind,
            span,
            honorific,
            entity: e,
        });
    }
    let by_start: HashMap<usize, usize> = drafts
        .iter()
        .enumerate()
        .map(|(i, d)| (d.start, i))
        .collect();
    let stated_starts: Vec<usize> = roles
        .iter()
        .filter_map(|r| r.affiliation.map(|a| a.span.0))
        .collect();
    let context = Context::new(doc, drafts, &stated_starts);
    let stated = |a: &Stated| stated_affiliation(a, &by_start, entity_of, &entities);
    // Stated affiliations per person entity, for their other roles.
    let mut person_stated: HashMap<usize, Affiliation> = HashMap::new();
    for r in roles {
        if let (Some(a), Some(&i)) = (r.affiliation.as_ref(), by_start.get(&r.person)) {
            person_stated
                .entry(entity_of[i])
                .or_insert_with(|| stated(a));
        }
    }
    let mut found: Vec<(usize, Role)> = Vec::new();
    for r in roles {
        let Some(&i) = by_start.get(&r.person) else {
            continue;
        };
        let (Some(mention), Some(span)) = (
            mention_of_draft[i],
            doc.article.locate(r.title.0, r.title.1),
        ) else {
            continue;
        };
        let e = entity_of[i];
        let affiliation = match &r.affiliation {
            Some(a) => Some(stated(a)),
            None => person_stated
                .get(&e)
                .cloned()
                .or_else(|| inferred(doc, &context, r.title.0, true, drafts, entity_of, &entities)),
        };
        found.push((
            e,
            Role {
                title: r.text.clone(),
                head: r.head.clone(),
                span,
                mention,
                affiliation,
            },
        ));
    }
    for (e, role) in found {
        entities[e].roles.push(out.roles.len());
        out.roles.push(role);
    }
    for e in 0..entities.len() {
        let affiliation = entity_affiliation(&out.roles, &entities[e]).or_else(|| {
            members[e]
                .iter()
                .filter(|&&i| drafts[i].governs)
                .find_map(|&i| {
                    inferred(
                        doc,
                        &context,
                        drafts[i].start,
                        false,
                        drafts,
                        entity_of,
                        &entities,
                    )
                })
        });
        entities[e].affiliation = affiliation;
    }
    out.entities = entities;
    out
}

/// An entity's type, canonical name, aliases and country from its drafts.
fn entity(doc: &Doc, drafts: &[Draft], members: &[usize]) -> Entity {
    let of = |i: usize| &drafts[i];
    let names: Vec<&str> = members.iter().map(|&i| of(i).text(doc.text)).collect();
    let canonical = names
        .iter()
        .copied()
        .enumerate()
        .max_by_key(|&(k, n)| {
            (
                !is_acronym(n),
                name_words(n).len(),
                n.len(),
                std::cmp::Reverse(k),
            )
        })
        .map(|(k, _)| k);
    let name = canonical.map_or("", |k| names[k]).to_string();
    let kind = if members.iter().any(|&i| of(i).kind == EntityType::Person) {
        EntityType::Person
    } else if members.iter().any(|&i| of(i).kind == EntityType::Gpe) {
        EntityType::Gpe
    } else {
        canonical
            .and_then(|k| members.get(k))
            .map_or(EntityType::Misc, |&i| of(i).kind)
    };
    let mut aliases: Vec<String> = Vec::new();
    for n in &names {
        if *n != name && !aliases.iter().any(|a| a == n) {
            aliases.push(n.to_string());
        }
    }
    if matches!(kind, EntityType::Org | EntityType::Misc) {
        if let Some(short) = numbered_group(&name) {
            if !aliases.contains(&short) {
                aliases.push(short);
            }
        }
    }
    Entity {
        kind,
        name,
        aliases,
        mentions: Vec::new(),
        country: members.iter().find_map(|&i| of(i).country),
        roles: Vec::new(),
        affiliation: None,
    }
}

fn stated_affiliation(
    a: &Stated,
    by_start: &HashMap<usize, usize>,
    entity_of: &[usize],
    entities: &[Entity],
) -> Affiliation {
    let entity = by_start
        .get(&a.span.0)
        .and_then(|&i| entity_of.get(i).copied());
    let name = match (a.country.and_then(countries::by_iso), entity) {
        (Some(c), _) => c.name.to_string(),
        (None, Some(e)) => entities.get(e).map_or(String::new(), |e| e.name.clone()),
        (None, None) => String::new(),
    };
    Affiliation {
        name,
        country: a.country,
        entity,
        source: AffiliationSource::Stated,
    }
}

fn inferred(
    doc: &Doc,
    context: &Context,
    at: usize,
    article: bool,
    drafts: &[Draft],
    entity_of: &[usize],
    entities: &[Entity],
) -> Option<Affiliation> {
    let (iso, source) = context.infer(doc, at, article)?;
    let country = countries::by_iso(iso)?;
    // The entity of the country itself, when the article names it.
    let entity = drafts
        .iter()
        .enumerate()
        .find(|(_, d)| {
            d.kind == EntityType::Gpe
                && d.country == Some(iso)
                && matches!(
                    countries::lookup(d.text(doc.text)),
                    Some(countries::Place::Country(_))
                )
        })
        .and_then(|(i, _)| entity_of.get(i).copied())
        .filter(|&e| e < entities.len());
    Some(Affiliation {
        name: country.name.to_string(),
        country: Some(iso),
        entity,
        source,
    })
}

/// The first stated affiliation of an entity's roles, else the most common one.
fn entity_affiliation(roles: &[Role], entity: &Entity) -> Option<Affiliation> {
    let mine = || {
        entity
            .roles
            .iter()
            .filter_map(|&r| roles.get(r)?.affiliation.as_ref())
    };
    if let Some(a) = mine().find(|a| a.source == AffiliationSource::Stated) {
        return Some(a.clone());
    }
    let mut counts: Vec<(&Affiliation, usize)> = Vec::new();
    for a in mine() {
        match counts.iter_mut().find(|(b, _)| b.name == a.name) {
            Some((_, n)) => *n += 1,
            None => counts.push((a, 1)),
        }
    }
    let mut best: Option<(&Affiliation, usize)> = None;
    for (a, n) in counts {
        if best.is_none_or(|(_, m)| n > m) {
            best = Some((a, n));
        }
    }
    best.map(|(a, _)| a.clone())
}
