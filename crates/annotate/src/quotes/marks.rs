//! Quoted stretches of one block: quotation marks paired into spans, in one pass.
//!
//! Curly marks say which way they face (“ ” „ « »); straight ones (`"`, and `''` or ``` `` ```
//! as some wires write them) face the way their neighbours say: after a space or an opening
//! bracket a mark opens, before a space or punctuation it closes, and otherwise it alternates.
//! Single quotation marks are apostrophes too often to be read as quotes. A mark left open at
//! the end of the block makes an open span to the block's end: a quote that runs on into the
//! next paragraph.

/// A quoted stretch: byte offsets in the text scanned, marks included.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub(crate) struct Quoted {
    pub start: usize,
    pub end: usize,
    /// Opened and never closed before the block ended.
    pub open: bool,
}

#[derive(Debug, Clone, Copy, PartialEq, Eq)]
enum Facing {
    Open,
    Close,
    Either,
}

/// The quotation marks of `text`: start, end and facing, in order.
fn marks(text: &str) -> Vec<(usize, usize, Facing)> {
    let mut out = Vec::new();
    let mut chars = text.char_indices().peekable();
    let mut prev: Option<char> = None;
    while let Some((i, c)) = chars.next() {
        let next = chars.peek().map(|&(_, n)| n);
        let (len, facing) = match c {
            '“' | '„' | '«' => (c.len_utf8(), Some(Facing::Open)),
            '”' | '»' => (c.len_utf8(), Some(Facing::Close)),
            '"' => (1, Some(Facing::Either)),
            '\'' | '`' if next == Some(c) => (2, Some(Facing::Either)),
            _ => (c.len_utf8(), None),
        };
        if let Some(facing) = facing {
            let after = text.get(i + len..).and_then(|s| s.chars().next());
            out.push((i, i + len, straight_facing(facing, prev, after)));
            if len == 2 {
                chars.next();
            }
        }
        prev = Some(c);
    }
    out
}

/// The facing of a mark from its neighbours: straight marks face the way their neighbours say,
/// and a curly mark written the wrong way round (`“Apparently not,“`) is turned when its
/// neighbours leave no doubt.
fn straight_facing(facing: Facing, before: Option<char>, after: Option<char>) -> Facing {
    let opens_after = |c: Option<char>| c.is_none_or(|c| c.is_whitespace() || "([{—–-".contains(c));
    let closes_before =
        |c: Option<char>| c.is_none_or(|c| c.is_whitespace() || ",.;:!?)]}—–-".contains(c));
    let by_context = match (opens_after(before), closes_before(after)) {
        (true, false) => Facing::Open,
        (false, true) => Facing::Close,
        _ => Facing::Either,
    };
    match facing {
        Facing::Either => by_context,
        _ if by_context == Facing::Either => facing,
        _ => by_context,
    }
}

/// The quoted stretches of `text`, in order, none overlapping.
pub(crate) fn quoted(text: &str) -> Vec<Quoted> {
    let mut out = Vec::new();
    let mut open: Option<usize> = None;
    for (start, end, facing) in marks(text) {
        match (open, facing) {
            (None, Facing::Open | Facing::Either) => open = Some(start),
            // A closing mark with nothing open closes a quote opened in an earlier block.
            (None, Facing::Close) => {}
            (Some(s), Facing::Close | Facing::Either) => {
                out.push(Quoted {
                    start: s,
                    end,
                    open: false,
                });
                open = None;
            }
            // A second opening mark: the first was never closed; start again here.
            (Some(_), Facing::Open) => open = Some(start),
        }
    }
    if let Some(s) = open {
        let end = s + text.get(s..).map_or(0, |t| t.trim_end().len());
        out.push(Quoted {
            start: s,
            end,
            open: true,
        });
    }
    out
}

#[cfg(test)]
mod tests {
    use super::*;

    fn spans(text: &str) -> Vec<&str> {
        quoted(text).iter().map(|q| &text[q.start..q.end]).collect()
    }

    #[test]
    fn curly_and_straight_marks_pair() {
        assert_eq!(spans("“A b,” she said. \"C d.\""), ["“A b,”", "\"C d.\""]);
        assert_eq!(spans("That ''is it,'' said Taylor."), ["''is it,''"]);
    }

    #[test]
    fn an_unclosed_mark_runs_to_the_end() {
        let q = quoted("He said: “We will go on. ");
        assert_eq!(q.len(), 1);
        assert!(q[0].open);
        assert_eq!(q[0].end, "He said: “We will go on.".len());
    }

    #[test]
    fn a_curly_mark_the_wrong_way_round_is_turned() {
        assert_eq!(spans("“Apparently not,“ he said."), ["“Apparently not,“"]);
    }

    #[test]
    fn apostrophes_and_stray_closers_are_no_quotes() {
        assert!(spans("Iran’s talks and the ministry's view” here").is_empty());
        assert!(spans("").is_empty());
    }
}
