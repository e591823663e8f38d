//! A page's visible text, as a scraper that saved the page as text would write it.

use super::walk::walk;

/// Renders the lines of a page: one per block, a blank line where a paragraph ends, never two
/// blank lines in a row, and a final newline.
pub fn visible_text(html: &str) -> String {
    let page = walk(html);
    let mut out = String::with_capacity(page.lines.iter().map(|l| l.text.len() + 2).sum());
    for line in &page.lines {
        for _ in 0..line.breaks.min(2) {
            out.push('\n');
        }
        out.push_str(&line.text);
    }
    if !out.is_empty() {
        out.push('\n');
    }
    out
}
