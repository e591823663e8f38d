//! Units of a dump: its non-blank lines with their byte ranges, or, when the dump is hard-wrapped, the
//! runs of wrapped lines that make one paragraph.

use std::ops::Range;

/// One line (or wrapped paragraph) of a dump.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Unit {
    /// Byte range of the trimmed text in the decoded document.
    pub start: usize,
    pub end: usize,
    /// Blank lines between this unit and the previous one (or the start of the file).
    pub blank_before: usize,
    /// 1-based line number of the unit's first line.
    pub line: usize,
    /// The paragraph text when the unit spans several wrapped lines (joined with spaces).
    pub joined: Option<String>,
}

impl Unit {
    pub fn range(&self) -> Range<usize> {
        self.start..self.end
    }

    /// The unit's text: a slice of the document, or the joined wrapped lines.
    pub fn text<'a>(&'a self, doc: &'a str) -> &'a str {
        self.joined.as_deref().unwrap_or(&doc[self.start..self.end])
    }
}

/// Splits text into units. Lines longer than `max_line_bytes` are reported through `too_long`
/// (line number, length) and treated as blank.
pub fn split_units(
    text: &str,
    max_line_bytes: usize,
    too_long: &mut dyn FnMut(usize, usize),
) -> Vec<Unit> {
    let mut units = Vec::new();
    let mut blank = 0;
    let mut offset = 0;
    for (index, raw_line) in text.split_inclusive('\n').enumerate() {
        let line_start = offset;
        offset += raw_line.len();
        if raw_line.len() > max_line_bytes {
            too_long(index + 1, raw_line.len());
            blank += 1;
            continue;
        }
        let trimmed_start = raw_line.len() - raw_line.trim_start().len();
        let trimmed = raw_line.trim();
        if trimmed.is_empty() {
            blank += 1;
            continue;
        }
        let start = line_start + trimmed_start;
        units.push(Unit {
            start,
            end: start + trimmed.len(),
            blank_before: blank,
            line: index + 1,
            joined: None,
        });
        blank = 0;
    }
    if let Some(width) = wrap_width(text, &units) {
        units = join_wrapped(text, units, width);
    }
    units
}

/// The line width of a hard-wrapped dump, if the dump looks hard-wrapped: most long lines end near one
/// width and are followed directly by another line.
fn wrap_width(text: &str, units: &[Unit]) -> Option<usize> {
    if units.len() < 8 {
        return None;
    }
    let mut lengths: Vec<usize> = units
        .iter()
        .map(|u| text[u.range()].chars().count())
        .collect();
    let longest = lengths.iter().copied().max().unwrap_or(0);
    let nth = lengths.len() * 9 / 10;
    let width = *lengths.select_nth_unstable(nth).1;
    if !(40..=120).contains(&width) || longest > width + width / 4 {
        return None;
    }
    let near_width = |u: &Unit| text[u.range()].chars().count() * 10 >= width * 7;
    let long = units.iter().filter(|u| near_width(u)).count();
    let continued = units
        .windows(2)
        .filter(|w| near_width(&w[0]) && w[1].blank_before == 0)
        .count();
    (long >= 4 && continued * 10 >= long * 6).then_some(width)
}

fn join_wrapped(text: &str, units: Vec<Unit>, width: usize) -> Vec<Unit> {
    let mut out: Vec<Unit> = Vec::with_capacity(units.len());
    let mut previous_full = false;
    for unit in units {
        let full = text[unit.range()].chars().count() * 10 >= width * 6;
        match out.last_mut() {
            Some(last) if previous_full && unit.blank_before == 0 => {
                let joined = last
                    .joined
                    .get_or_insert_with(|| text[last.start..last.end].to_string());
                joined.push(' ');
                joined.push_str(&text[unit.range()]);
                last.end = unit.end;
            }
            _ => out.push(unit),
        }
        previous_full = full;
    }
    out
}

#[cfg(test)]
mod tests {
    use super::*;

    fn texts(text: &str) -> Vec<String> {
        split_units(text, 1 << 20, &mut |_, _| {})
            .iter()
            .map(|u| u.text(text).to_string())
            .collect()
    }

    #[test]
    fn lines_are_trimmed_and_blanks_counted() {
        let text = "  Title \n\n\n\nBody one.\u{a0}\nBody two.";
        let units = split_units(text, 1 << 20, &mut |_, _| {});
        assert_eq!(units.len(), 3);
        assert_eq!(&text[units[0].range()], "Title");
        assert_eq!(units[1].blank_before, 3);
        assert_eq!(&text[units[1].range()], "Body one.");
        assert_eq!(units[2].line, 6);
    }

    #[test]
    fn over_long_lines_are_reported_and_skipped() {
        let long = "x".repeat(100);
        let text = format!("a\n{long}\nb\n");
        let mut reported = Vec::new();
        let units = split_units(&text, 50, &mut |line, len| reported.push((line, len)));
        assert_eq!(reported, vec![(2, 101)]);
        assert_eq!(units.len(), 2);
        assert_eq!(units[1].blank_before, 1);
    }

    #[test]
    fn hard_wrapped_paragraphs_are_joined() {
        let para = "The quick brown fox jumps over the lazy dog and keeps running far away\n\
                    from the farm where it was seen by the farmer early this morning while\n\
                    the sun was rising over the hills.\n\n";
        let text = para.repeat(4);
        let units = texts(&text);
        assert_eq!(units.len(), 4);
        assert!(units[0].starts_with("The quick") && units[0].ends_with("hills."));
        assert!(units[0].contains("away from the farm"));
    }
}
