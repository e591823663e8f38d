//! Builds the lines of visible text from text runs and layout breaks, the way a browser's
//! `innerText` lays out a page: whitespace collapsed within a line, one line per block, a blank line
//! around paragraphs, a tab between table cells.
//!
//! Each line keeps the range of the document it shows, from its first to its last visible
//! character, so extracted blocks can point back into the input.

use std::ops::Range;

use super::tags::Tag;

/// Where a line sits in the page: what the extractor needs to choose article text.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub struct LineContext {
    /// Id of the innermost block element holding the line, if any.
    pub block: Option<u32>,
    /// Tag of that block element (`Tag::Body` when there is none).
    pub tag: Tag,
    /// Id of the innermost page-furniture element holding the line, if any.
    pub furniture: Option<u32>,
    /// Inside a `<figcaption>`.
    pub caption: bool,
}

/// One line of visible text.
#[derive(Debug, Clone)]
pub struct Line {
    /// The text, whitespace collapsed, trimmed, never empty.
    pub text: String,
    /// The range of the decoded document the text was read from.
    pub range: Range<usize>,
    /// Line breaks before it: 1, or 2 for a blank line (0 for the first line).
    pub breaks: u8,
    /// Where the line sits in the page.
    pub context: LineContext,
    /// Characters of the line inside links.
    pub link_chars: usize,
    /// Characters of the line.
    pub chars: usize,
}

/// Characters that collapse to a single space. A no-break space is layout, not text, for a dump;
/// a byte-order mark read as text is nothing at all.
fn is_space(c: char) -> bool {
    c.is_ascii_whitespace() || c == '\u{a0}' || c == '\u{feff}'
}

/// The range of `source` (found at `start` in the document) left after trimming whitespace.
fn trimmed(source: &str, start: usize) -> Option<Range<usize>> {
    let lead = source.len() - source.trim_start_matches(is_space).len();
    let trail = source.len() - source.trim_end_matches(is_space).len();
    (lead + trail < source.len()).then(|| start + lead..start + source.len() - trail)
}

/// Accumulates lines.
#[derive(Debug, Default)]
pub struct LineBuilder {
    lines: Vec<Line>,
    current: String,
    range: Option<Range<usize>>,
    context: Option<LineContext>,
    link_chars: usize,
    chars: usize,
    pending_space: bool,
    pending_tab: bool,
    pending_breaks: u8,
}

impl LineBuilder {
    /// Adds a run of text. `source` is the document text the run was decoded from (entities and
    /// line endings intact) and starts at `start`; `context` is where the run sits in the page.
    pub fn text(
        &mut self,
        value: &str,
        source: &str,
        start: usize,
        context: LineContext,
        link: bool,
        pre: bool,
    ) {
        if !pre {
            self.run(value, trimmed(source, start), context, link);
            return;
        }
        // Preformatted text keeps its line structure. The source is split alongside the value so
        // each line keeps its own range; when they disagree (an encoded newline) the whole run's
        // range stands for each line.
        let source_lines: Vec<&str> = source.split('\n').collect();
        let value_lines = value.split('\n').count();
        let mut offset = start;
        for (i, line) in value.split('\n').enumerate() {
            if i > 0 {
                self.br();
            }
            let range = if source_lines.len() == value_lines {
                let piece = source_lines[i];
                let range = trimmed(piece, offset);
                offset += piece.len() + 1;
                range
            } else {
                trimmed(source, start)
            };
            self.run(line, range, context, link);
        }
    }

    fn run(&mut self, value: &str, range: Option<Range<usize>>, context: LineContext, link: bool) {
        let mut shown = false;
        for c in value.chars() {
            if is_space(c) {
                self.pending_space = true;
                continue;
            }
            if self.current.is_empty() {
                self.context = Some(context);
            } else if self.pending_tab {
                self.current.push('\t');
            } else if self.pending_space {
                self.current.push(' ');
            }
            self.pending_space = false;
            self.pending_tab = false;
            self.current.push(c);
            shown = true;
            self.chars += 1;
            if link {
                self.link_chars += 1;
            }
        }
        // Only runs that showed something widen the range, so a line never starts at an invisible
        // `&nbsp;` left over from an empty paragraph.
        if let Some(r) = range.filter(|_| shown) {
            self.range = Some(match self.range.take() {
                Some(old) => old.start..r.end.max(old.end),
                None => r,
            });
        }
    }

    /// Requires `count` line breaks (1 or 2) before the next text: a block boundary.
    pub fn block(&mut self, count: u8) {
        self.flush();
        self.pending_breaks = self.pending_breaks.max(count);
    }

    /// A `<br>`: ends the line; on an empty line, adds a blank line.
    pub fn br(&mut self) {
        if self.current.is_empty() {
            self.pending_breaks = (self.pending_breaks + 1).min(2);
        } else {
            self.block(1);
        }
    }

    /// The end of a table cell: the next cell's text follows after a tab on the same line.
    pub fn cell_end(&mut self) {
        if !self.current.is_empty() {
            self.pending_tab = true;
        }
    }

    fn flush(&mut self) {
        self.pending_space = false;
        self.pending_tab = false;
        if self.current.is_empty() {
            return;
        }
        let text = std::mem::take(&mut self.current);
        let range = self.range.take().unwrap_or(0..0);
        let breaks = if self.lines.is_empty() {
            0
        } else {
            self.pending_breaks.max(1)
        };
        let context = self.context.take().unwrap_or(LineContext {
            block: None,
            tag: Tag::Body,
            furniture: None,
            caption: false,
        });
        self.lines.push(Line {
            text,
            range,
            breaks,
            context,
            link_chars: std::mem::take(&mut self.link_chars),
            chars: std::mem::take(&mut self.chars),
        });
        self.pending_breaks = 0;
    }

    /// The lines, with the last one ended.
    pub fn finish(mut self) -> Vec<Line> {
        self.flush();
        self.lines
    }
}
