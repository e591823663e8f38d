//! An article's text as one document: title, captions and paragraphs joined by blank lines (so no
//! sentence crosses two blocks and the tagger's document-level features see the whole article),
//! with the way back from an offset in the joined text to its block and to the raw input.

use chancery_model::{Article, Block, Span};

use super::types::{BlockKind, BlockRef, TextSpan};

/// Between two blocks: a blank line always ends a sentence.
const SEPARATOR: &str = "\n\n";

/// The blocks of one article, joined.
#[derive(Debug, Clone, Default)]
pub struct ArticleText {
    text: String,
    blocks: Vec<Placed>,
}

#[derive(Debug, Clone)]
struct Placed {
    block: BlockRef,
    /// Byte offset of the block's text in the joined text.
    start: usize,
    len: usize,
    /// Raw offset of the block's first byte, when its span is as long as its text.
    raw_start: Option<u64>,
}

impl ArticleText {
    /// The title, captions and paragraphs of an extracted article.
    pub fn from_article(article: &Article) -> Self {
        Self::new(
            article.title.as_ref(),
            &article.captions,
            &article.paragraphs,
        )
    }

    /// Title, captions and paragraphs, each with the span of the raw input it came from.
    pub fn new(title: Option<&Block>, captions: &[Block], paragraphs: &[Block]) -> Self {
        let mut out = ArticleText::default();
        let blocks = title
            .into_iter()
            .map(|b| (BlockKind::Title, 0, b))
            .chain(
                captions
                    .iter()
                    .enumerate()
                    .map(|(i, b)| (BlockKind::Caption, i, b)),
            )
            .chain(
                paragraphs
                    .iter()
                    .enumerate()
                    .map(|(i, b)| (BlockKind::Paragraph, i, b)),
            );
        for (kind, index, block) in blocks {
            out.push(BlockRef { kind, index }, &block.text, Some(block.span));
        }
        out
    }

    /// Plain texts without spans in the raw input (offsets stay relative to each block).
    pub fn from_texts(title: Option<&str>, captions: &[&str], paragraphs: &[&str]) -> Self {
        let mut out = ArticleText::default();
        if let Some(t) = title {
            out.push(BlockRef::new(BlockKind::Title, 0), t, None);
        }
        for (i, t) in captions.iter().enumerate() {
            out.push(BlockRef::new(BlockKind::Caption, i), t, None);
        }
        for (i, t) in paragraphs.iter().enumerate() {
            out.push(BlockRef::new(BlockKind::Paragraph, i), t, None);
        }
        out
    }

    fn push(&mut self, block: BlockRef, text: &str, span: Option<Span>) {
        if !self.blocks.is_empty() {
            self.text.push_str(SEPARATOR);
        }
        let raw_start = span
            .filter(|s| usize::try_from(s.len()).is_ok_and(|len| len == text.len()))
            .map(|s| s.start);
        self.blocks.push(Placed {
            block,
            start: self.text.len(),
            len: text.len(),
            raw_start,
        });
        self.text.push_str(text);
    }

    /// The joined text the tagger reads.
    pub fn text(&self) -> &str {
        &self.text
    }

    /// The kind of block holding byte `at` of the joined text.
    pub(crate) fn kind_at(&self, at: usize) -> Option<BlockKind> {
        self.placed_at(at).map(|p| p.block.kind)
    }

    /// The joined-text range of the block holding byte `at`.
    pub(crate) fn block_range(&self, at: usize) -> Option<(usize, usize)> {
        self.placed_at(at).map(|p| (p.start, p.start + p.len))
    }

    /// Where `start..end` of the joined text lies in its block (clipped to the block holding
    /// `start`) and in the raw input.
    pub fn locate(&self, start: usize, end: usize) -> Option<TextSpan> {
        let placed = self.placed_at(start)?;
        let rel_start = start - placed.start;
        let rel_end = end
            .min(placed.start + placed.len)
            .saturating_sub(placed.start);
        let raw = placed.raw_start.map(|r| {
            Span::new(
                r.saturating_add(rel_start as u64),
                r.saturating_add(rel_end.max(rel_start) as u64),
            )
        });
        Some(TextSpan {
            block: placed.block,
            start: rel_start,
            end: rel_end.max(rel_start),
            raw,
        })
    }

    fn placed_at(&self, at: usize) -> Option<&Placed> {
        let i = self
            .blocks
            .partition_point(|p| p.start <= at)
            .checked_sub(1)?;
        let placed = &self.blocks[i];
        (at < placed.start + placed.len).then_some(placed)
    }
}

impl BlockRef {
    pub fn new(kind: BlockKind, index: usize) -> Self {
        BlockRef { kind, index }
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    fn block(text: &str, start: u64, end: u64) -> Block {
        Block {
            text: text.to_string(),
            span: Span::new(start, end),
        }
    }

    #[test]
    fn offsets_map_to_blocks_and_raw_bytes() {
        let title = block("Title here", 0, 10);
        let paragraphs = [block("Iran said.", 20, 30), block("Wrapped  text", 40, 60)];
        let text = ArticleText::new(Some(&title), &[], &paragraphs);
        assert_eq!(text.text(), "Title here\n\nIran said.\n\nWrapped  text");
        let at = text.text().find("Iran").unwrap();
        let span = text.locate(at, at + 4).unwrap();
        assert_eq!(span.block, BlockRef::new(BlockKind::Paragraph, 0));
        assert_eq!((span.start, span.end), (0, 4));
        assert_eq!(span.raw, Some(Span::new(20, 24)));
        // The second paragraph's span is longer than its text: offsets stay relative.
        let at = text.text().find("text").unwrap();
        let span = text.locate(at, at + 4).unwrap();
        assert_eq!(span.block, BlockRef::new(BlockKind::Paragraph, 1));
        assert_eq!((span.start, span.end), (9, 13));
        assert_eq!(span.raw, None);
        // Separators belong to no block.
        assert!(text.locate(10, 11).is_none());
        assert!(text.locate(1000, 1001).is_none());
    }
}
