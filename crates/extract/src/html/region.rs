//! Which lines of a page are its article: the densest content region.
//!
//! Each paragraph-like line scores by its own (non-link) text length, credited in full to the
//! element holding its block and by half to the one above that, so paragraphs split into wrapper
//! `<div>`s still add up in their common container. The best container's lines are the body.
//! Lines in page furniture (navigation, headers, footers, asides, comment and share sections) never
//! count, except that a form or furniture-named wrapper holding most of the page's text is taken
//! for what it is: a wrapper around the whole page.

use std::collections::HashMap;

use super::lines::Line;
use super::tags::Tag;
use super::walk::{Furniture, Page};

/// Shortest line, in characters, that counts towards a container's score.
const MIN_SCORED_CHARS: usize = 25;
/// Largest share of a line's characters that may be link text for it to be content.
const MAX_LINK_SHARE: f64 = 0.5;

/// The article lines of a page, by index into [`Page::lines`].
#[derive(Debug, Default)]
pub struct Region {
    /// Body lines, in page order.
    pub paragraphs: Vec<usize>,
    /// Caption lines near the body, in page order.
    pub captions: Vec<usize>,
}

/// Chooses the article lines of a page.
pub fn choose(page: &Page) -> Region {
    let excluded = furniture_lines(page);
    let mut scores: HashMap<u32, f64> = HashMap::new();
    for (i, line) in page.lines.iter().enumerate() {
        if excluded[i]
            || !is_prose_block(line.context.tag)
            || line.context.caption
            || !mostly_text(line)
        {
            continue;
        }
        let chars = line.chars - line.link_chars;
        if chars < MIN_SCORED_CHARS {
            continue;
        }
        let Some(block) = line.context.block else {
            continue;
        };
        let parent = page.elements.get(block as usize).and_then(|e| e.parent);
        if let Some(parent) = parent {
            *scores.entry(parent).or_default() += chars as f64;
            if let Some(grand) = page.elements.get(parent as usize).and_then(|e| e.parent) {
                *scores.entry(grand).or_default() += chars as f64 / 2.0;
            }
        }
    }
    // Ties go to the outer (earlier) container, so the result does not depend on hash order.
    let best = scores
        .into_iter()
        .max_by(|a, b| a.1.total_cmp(&b.1).then(b.0.cmp(&a.0)))
        .map(|(id, _)| id);
    let Some(best) = best else {
        return Region::default();
    };
    // Captions sit near the body, often in a figure just outside its container.
    let caption_scope = page
        .elements
        .get(best as usize)
        .and_then(|e| e.parent)
        .unwrap_or(best);
    let mut region = Region::default();
    for (i, line) in page.lines.iter().enumerate() {
        let Some(block) = line.context.block else {
            continue;
        };
        if excluded[i] {
            continue;
        }
        if line.context.caption {
            if page.within(block, caption_scope) {
                region.captions.push(i);
            }
        } else if page.within(block, best)
            && line.context.tag != Tag::Heading(1)
            && mostly_text(line)
        {
            region.paragraphs.push(i);
        }
    }
    region
}

/// Blocks whose own text is paragraph text: `<p>`, and text set straight into a container.
fn is_prose_block(tag: Tag) -> bool {
    matches!(
        tag,
        Tag::P
            | Tag::Div
            | Tag::Section
            | Tag::Article
            | Tag::Main
            | Tag::Cell
            | Tag::Blockquote
            | Tag::Pre
    )
}

fn mostly_text(line: &Line) -> bool {
    (line.link_chars as f64) <= MAX_LINK_SHARE * line.chars as f64
}

/// Marks the lines inside page furniture.
///
/// Linear in lines and elements: a furniture element's id is larger than its furniture parent's,
/// so text totals roll up in one backward pass and exclusion flows down in one forward pass.
fn furniture_lines(page: &Page) -> Vec<bool> {
    let elements = &page.elements;
    // Text held by each furniture element, to tell page wrappers from real furniture.
    let mut held = vec![0usize; elements.len()];
    let mut total = 0;
    for line in &page.lines {
        total += line.chars;
        if let Some(slot) = line
            .context
            .furniture
            .and_then(|id| held.get_mut(id as usize))
        {
            *slot += line.chars;
        }
    }
    for id in (0..elements.len()).rev() {
        if let Some(parent) = elements[id].furniture_parent {
            let chars = held[id];
            if let Some(slot) = held.get_mut(parent as usize) {
                *slot += chars;
            }
        }
    }
    let mut excluded = vec![false; elements.len()];
    for (id, element) in elements.iter().enumerate() {
        let own = match element.furniture {
            Some(Furniture::Semantic) => true,
            Some(Furniture::Wrapper) => held[id] * 2 < total,
            None => false,
        };
        let inherited = element
            .furniture_parent
            .is_some_and(|p| excluded.get(p as usize).copied().unwrap_or(false));
        excluded[id] = own || inherited;
    }
    page.lines
        .iter()
        .map(|line| {
            line.context
                .furniture
                .is_some_and(|id| excluded.get(id as usize).copied().unwrap_or(false))
        })
        .collect()
}
