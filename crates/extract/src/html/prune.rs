//! Furniture inside the article's container, found by what lines say and how they sit: prompts
//! and credits ([`boiler`]), sections of other articles ("Related", "Mehr zum Thema") and the
//! headings and labels left with nothing under them once links and furniture are gone.

use super::boiler::{self, Boiler};
use super::lines::Line;
use super::tags::Tag;

/// Shortest text, in characters, of a line that counts as prose when deciding where a "read also"
/// box ends.
const PROSE_CHARS: usize = 60;

/// A "related" heading ends the article when the prose after it is less than this share of the
/// prose before it; otherwise it heads a box inside the article, which ends at the next prose line.
const SECTION_END_SHARE: f64 = 0.35;

/// Keeps the article lines of `candidates` (indexes into `lines`, in page order).
pub fn prune(lines: &[Line], candidates: &[usize]) -> Vec<usize> {
    let prose_of = |i: usize| lines.get(i).filter(|l| is_prose(l)).map_or(0, |l| l.chars);
    let total: usize = candidates.iter().map(|&i| prose_of(i)).sum();
    let mut before = 0;
    let mut kept: Vec<usize> = Vec::with_capacity(candidates.len());
    let mut skip_until_level: Option<u8> = None;
    let mut skip_box = false;
    for &i in candidates {
        let Some(line) = lines.get(i) else {
            continue;
        };
        before += prose_of(i);
        let level = heading_level(line);
        if let Some(stop) = skip_until_level {
            match level {
                Some(l) if l <= stop => skip_until_level = None,
                _ => continue,
            }
        }
        if skip_box {
            if is_prose(line) || level.is_some() {
                skip_box = false;
            } else {
                continue;
            }
        }
        let section_end = level.is_some() && is_more_heading(&line.text);
        let verdict = boiler::classify(&line.text).or(section_end.then_some(Boiler::SectionEnd));
        if verdict == Some(Boiler::SectionEnd) {
            let after = total - before;
            if (after as f64) < SECTION_END_SHARE * before as f64 {
                // Nothing much follows: the article is over.
                skip_until_level = Some(level.unwrap_or(0));
            } else {
                skip_box = true;
            }
            continue;
        }
        if verdict == Some(Boiler::Line) || is_date_only(line) {
            continue;
        }
        kept.push(i);
    }
    drop_empty_heads(lines, kept)
}

/// Drops headings, and short labels ending in a colon, that nothing kept follows before the next
/// heading of the same or a higher level.
fn drop_empty_heads(lines: &[Line], kept: Vec<usize>) -> Vec<usize> {
    let mut out: Vec<usize> = Vec::with_capacity(kept.len());
    // Walking backwards: `below` is the level of the heading that closed the section after each
    // position (7 for none) and whether any body line lies between.
    let mut has_body_since: [bool; 8] = [false; 8];
    for &i in kept.iter().rev() {
        let Some(line) = lines.get(i) else {
            continue;
        };
        if let Some(level) = heading_level(line).or_else(|| is_label(line).then_some(7)) {
            let l = usize::from(level.min(7));
            let has_body = has_body_since[l];
            if has_body {
                out.push(i);
            }
            // A kept heading counts as body for the headings above it.
            for (slot, flag) in has_body_since.iter_mut().enumerate() {
                if slot >= l {
                    *flag = false;
                }
                if has_body && slot < l {
                    *flag = true;
                }
            }
        } else {
            out.push(i);
            has_body_since.iter_mut().for_each(|f| *f = true);
        }
    }
    out.reverse();
    out
}

/// Longest line, in characters, dropped for being just a date ("August 23, 2018 | 10:45").
const MAX_DATE_LINE_CHARS: usize = 40;

/// A short line that is a date and little else: metadata, not article text.
fn is_date_only(line: &Line) -> bool {
    line.chars <= MAX_DATE_LINE_CHARS && crate::dates::is_date_line(&line.text) && {
        let words = line.text.split_whitespace().count();
        words <= 6
    }
}

/// A short heading starting with "More" ("More Washington Examiner", "Mehr Sport"): a section of
/// other articles.
fn is_more_heading(text: &str) -> bool {
    let mut words = text.split_whitespace();
    let first = words.next().unwrap_or("").to_lowercase();
    matches!(
        first.as_str(),
        "more" | "mehr" | "plus" | "más" | "mais" | "altri"
    ) && text.split_whitespace().count() <= 5
}

/// The level of a heading line, 1 to 6.
fn heading_level(line: &Line) -> Option<u8> {
    match line.context.tag {
        Tag::Heading(level) => Some(level),
        _ => None,
    }
}

/// A short line ending in a colon: a label for what follows ("Kontakt:", "Zum Weiterlesen:").
fn is_label(line: &Line) -> bool {
    line.chars <= 40 && line.text.trim_end().ends_with(':')
}

fn is_prose(line: &Line) -> bool {
    line.chars.saturating_sub(line.link_chars) >= PROSE_CHARS && line.link_chars * 2 <= line.chars
}
