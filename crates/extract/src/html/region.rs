//! Which lines of a page are its article: the densest content region.
//!
//! Each paragraph-like line scores by its own (non-link) text length, credited in full to the
//! element holding its block and by half to the one above that, so paragraphs split into wrapper
//! `<div>`s still add up in their common container. The best container's lines are the body.
//! Lines in page furniture (navigation, headers, footers, asides, comment and share sections) never
//! count, except that a form or furniture-named wrapper holding most of the page's text is taken
//! for what it is: a wrapper around the whole page.

use super::lines::Line;
use super::prune;
use super::tags::Tag;
use super::walk::{Furniture, Page};

/// Shortest line, in characters, that counts towards a container's score.
const MIN_SCORED_CHARS: usize = 25;
/// Largest share of a line's characters that may be link text for it to be content.
const MAX_LINK_SHARE: f64 = 0.5;
/// Weight of link text against prose in a container's total.
const LINK_WEIGHT: f64 = 1.0;
/// Weight of furniture text (navigation, comments, ...) against prose in a container's total.
const FURNITURE_WEIGHT: f64 = 0.5;
/// Factor on the total of a container named as the article's text.
const CONTENT_BONUS: f64 = 1.5;
/// Shortest heading, in characters, that counts as prose.
const PROSE_HEADING_CHARS: usize = 150;
/// Shortest sentence, in characters, kept inside the container however much of it is links.
const LINKED_SENTENCE_CHARS: usize = 100;
/// Shortest standfirst, in characters, taken from between the title and the body.
const LEAD_MIN_CHARS: usize = 80;
/// A sibling of the container holding at least this share of its total is part of the article.
const SIBLING_SHARE: f64 = 0.2;
/// Characters of one line that count against a container at most.
const MAX_PENALTY_CHARS: usize = 200;

/// The article lines of a page, by index into [`Page::lines`].
#[derive(Debug, Default)]
pub struct Region {
    /// Body lines, in page order.
    pub paragraphs: Vec<usize>,
    /// Caption lines near the body, in page order.
    pub captions: Vec<usize>,
    /// Per element: whether it is page furniture left out of the article.
    pub furniture: Vec<bool>,
}

/// Chooses the article lines of a page.
pub fn choose(page: &Page) -> Region {
    let furniture = furniture_elements(page);
    let excluded: Vec<bool> = page
        .lines
        .iter()
        .map(|line| {
            line.context
                .furniture
                .is_some_and(|id| furniture.get(id as usize).copied().unwrap_or(false))
        })
        .collect();
    let tally = Tally::of(page, &excluded);
    let Some(best) = tally.best(page) else {
        return Region {
            furniture,
            ..Region::default()
        };
    };
    let parts = with_siblings(page, &tally, best);
    let in_parts = inside(page, &parts);
    // Captions sit near the body, often in a figure just outside its container.
    let caption_scope = page
        .elements
        .get(best as usize)
        .and_then(|e| e.parent)
        .unwrap_or(best);
    let mut region = Region {
        furniture,
        ..Region::default()
    };
    for (i, line) in page.lines.iter().enumerate() {
        let Some(block) = line.context.block else {
            continue;
        };
        if excluded.get(i).copied().unwrap_or(false) {
            continue;
        }
        if line.context.caption {
            if page.within(block, caption_scope) {
                region.captions.push(i);
            }
        } else if in_parts.get(block as usize).copied().unwrap_or(false)
            && line.context.tag != Tag::Heading(1)
            && (mostly_text(line) || linked_sentence(line))
        {
            region.paragraphs.push(i);
        }
    }
    let lead = lead_lines(page, &excluded, region.paragraphs.first().copied());
    if !lead.is_empty() {
        region.paragraphs.splice(0..0, lead);
    }
    region.paragraphs = prune::prune(&page.lines, &region.paragraphs);
    region
}

/// Prose between the title heading and the body: the standfirst, which templates often set in
/// the article's header, apart from the body's container.
fn lead_lines(page: &Page, excluded: &[bool], first: Option<usize>) -> Vec<usize> {
    let Some(first) = first else {
        return Vec::new();
    };
    let lines = page.lines.get(..first).unwrap_or(&[]);
    let Some(title) = lines.iter().rposition(|l| l.context.tag == Tag::Heading(1)) else {
        return Vec::new();
    };
    (title + 1..first)
        .filter(|&i| {
            let Some(line) = page.lines.get(i) else {
                return false;
            };
            !excluded.get(i).copied().unwrap_or(true)
                && !line.context.caption
                && line.link_chars * 4 <= line.chars
                && line.chars >= LEAD_MIN_CHARS
                && !looks_like_caption(&line.text)
        })
        .collect()
}

/// A photo caption set as plain text: it ends with a credit in parentheses ("(AP Photo)") or
/// names the photo.
fn looks_like_caption(text: &str) -> bool {
    let lower = text.to_lowercase();
    text.trim_end().ends_with(')')
        || [
            "photo",
            "foto",
            "picture",
            "bild:",
            "image:",
            "illustration",
        ]
        .iter()
        .any(|w| lower.contains(w))
}

/// The chosen container and those of its siblings that read as more of the article: blocks of
/// clean prose (a standfirst, a body split in two) or blocks holding a good share of its prose.
fn with_siblings(page: &Page, tally: &Tally, best: u32) -> Vec<u32> {
    let mut parts = vec![best];
    let Some(parent) = page.elements.get(best as usize).and_then(|e| e.parent) else {
        return parts;
    };
    let Some(end) = page.elements.get(parent as usize).map(|e| e.end) else {
        return parts;
    };
    let best_total = tally.total.get(best as usize).copied().unwrap_or(0.0);
    for id in parent.saturating_add(1)..=end {
        let Some(element) = page.elements.get(id as usize) else {
            break;
        };
        if id == best || element.parent != Some(parent) {
            continue;
        }
        let total = tally.total.get(id as usize).copied().unwrap_or(0.0);
        let clean = tally.dirty.get(id as usize).is_some_and(|&d| d == 0);
        if total > 0.0 && (clean || total >= SIBLING_SHARE * best_total) {
            parts.push(id);
        }
    }
    parts
}

/// Per element: whether it is one of `roots` or lies inside one. One forward pass, as every
/// element's id is larger than its parent's.
fn inside(page: &Page, roots: &[u32]) -> Vec<bool> {
    let mut flags = vec![false; page.elements.len()];
    for &root in roots {
        if let Some(flag) = flags.get_mut(root as usize) {
            *flag = true;
        }
    }
    for id in 0..flags.len() {
        let parent = page.elements.get(id).and_then(|e| e.parent);
        if let Some(true) = parent.and_then(|p| flags.get(p as usize).copied()) {
            flags[id] = true;
        }
    }
    flags
}

/// Line gains summed over each element's subtree.
struct Tally {
    /// Sum of the gains of the lines inside each element.
    total: Vec<f64>,
    /// Lines inside each element that are links or furniture.
    dirty: Vec<u32>,
}

impl Tally {
    /// Each line's gain goes to its block; totals roll up the tree of block elements in one
    /// backward pass (a child's id is larger than its parent's).
    fn of(page: &Page, excluded: &[bool]) -> Tally {
        let elements = &page.elements;
        let mut total = vec![0.0f64; elements.len()];
        let mut dirty = vec![0u32; elements.len()];
        for (i, line) in page.lines.iter().enumerate() {
            let Some(block) = line.context.block.map(|b| b as usize) else {
                continue;
            };
            let out = excluded.get(i).copied().unwrap_or(false);
            if let Some(slot) = total.get_mut(block) {
                *slot += gain(line, out);
            }
            if out || !mostly_text(line) {
                if let Some(slot) = dirty.get_mut(block) {
                    *slot += 1;
                }
            }
        }
        for id in (1..elements.len()).rev() {
            if let Some(parent) = elements[id].parent.map(|p| p as usize) {
                let (sum, count) = (total[id], dirty[id]);
                if let Some(slot) = total.get_mut(parent) {
                    *slot += sum;
                }
                if let Some(slot) = dirty.get_mut(parent) {
                    *slot += count;
                }
            }
        }
        Tally { total, dirty }
    }

    /// The block element whose lines add up to the most: the article's container. Of equal
    /// totals the innermost element wins, so neutral lines around the body (a site heading, a
    /// date) are not taken in for nothing.
    ///
    /// A container the page names as its article's text (`article-body`, `itemprop=articleBody`)
    /// counts for more, as long as it holds prose.
    fn best(&self, page: &Page) -> Option<u32> {
        let mut best: Option<(u32, f64)> = None;
        for (id, &total) in self.total.iter().enumerate() {
            let named = page.elements.get(id).is_some_and(|e| e.content);
            let sum = if named { total * CONTENT_BONUS } else { total };
            if sum > 0.0 && best.is_none_or(|(_, b)| sum >= b) {
                best = Some((u32::try_from(id).ok()?, sum));
            }
        }
        best.map(|(id, _)| id)
    }
}

/// What a line adds to the containers holding it: its text when it reads as prose, minus its
/// link text when links dominate it; short lines, headings and captions are neutral.
fn gain(line: &Line, excluded: bool) -> f64 {
    if excluded {
        return -(line.chars.min(MAX_PENALTY_CHARS) as f64) * FURNITURE_WEIGHT;
    }
    if !line.context.caption && !mostly_text(line) {
        return -(line.link_chars.min(MAX_PENALTY_CHARS) as f64) * LINK_WEIGHT;
    }
    prose_chars(line) as f64
}

/// The characters of a line that read as prose: text outside links, in a line long enough and
/// not dominated by links, not a heading or caption.
fn prose_chars(line: &Line) -> usize {
    let chars = line.chars - line.link_chars;
    // A heading as long as a paragraph is one, styled as a heading (a standfirst, often).
    let heading = matches!(line.context.tag, Tag::Heading(_)) && chars < PROSE_HEADING_CHARS;
    if line.context.caption || !mostly_text(line) || chars < MIN_SCORED_CHARS || heading {
        0
    } else {
        chars
    }
}

/// A long sentence that happens to be mostly links (names, places linked to their pages): text,
/// inside an article's container, whatever its links.
fn linked_sentence(line: &Line) -> bool {
    line.chars >= LINKED_SENTENCE_CHARS
        && line.text.split_whitespace().count() >= 12
        && line
            .text
            .trim_end()
            .ends_with(['.', '!', '?', '"', '”', '»', ')'])
}

fn mostly_text(line: &Line) -> bool {
    (line.link_chars as f64) <= MAX_LINK_SHARE * line.chars as f64
}

/// Marks the elements that are page furniture.
///
/// Linear in lines and elements: a furniture element's id is larger than its furniture parent's,
/// so text totals roll up in one backward pass and exclusion flows down in one forward pass.
fn furniture_elements(page: &Page) -> Vec<bool> {
    let elements = &page.elements;
    // Prose held by each furniture element, to tell page wrappers from real furniture.
    let mut held = vec![0usize; elements.len()];
    let mut total = 0;
    for line in &page.lines {
        let chars = prose_chars(line);
        total += chars;
        if let Some(slot) = line
            .context
            .furniture
            .and_then(|id| held.get_mut(id as usize))
        {
            *slot += chars;
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
            Some(Furniture::Wrapper) => held[id] * 3 < total * 2,
            None => false,
        };
        let inherited = element
            .furniture_parent
            .is_some_and(|p| excluded.get(p as usize).copied().unwrap_or(false));
        excluded[id] = own || inherited;
    }
    excluded
}
