//! Character offsets into an article as GDELT counts them: GKG fields give each name, date,
//! amount and quote the offset of its first character in the document, in characters.
//!
//! The document is the title, then the paragraphs, then the captions, each followed by one
//! line break: the order a reader meets them, with the text `export --format jsonl` holds.

use std::collections::HashMap;

use chancery_model::{Article, MentionBlock};

/// Where each block of one article starts, in characters from the start of the document.
#[derive(Debug)]
pub struct Document<'a> {
    blocks: HashMap<(MentionBlock, usize), (usize, &'a str)>,
}

impl<'a> Document<'a> {
    /// The layout of `article`.
    pub fn new(article: &'a Article) -> Self {
        let mut blocks = HashMap::new();
        let mut next = 0;
        let mut place = |key: (MentionBlock, usize), text: &'a str| {
            blocks.insert(key, (next, text));
            next += text.chars().count() + 1;
        };
        if let Some(title) = &article.title {
            place((MentionBlock::Title, 0), &title.text);
        }
        for (i, p) in article.paragraphs.iter().enumerate() {
            place((MentionBlock::Paragraph, i), &p.text);
        }
        for (i, c) in article.captions.iter().enumerate() {
            place((MentionBlock::Caption, i), &c.text);
        }
        Document { blocks }
    }

    /// The character offset of byte `start` of the `index`-th block of kind `block`; `None` when
    /// the article has no such block.
    pub fn offset(&self, block: MentionBlock, index: usize, start: usize) -> Option<usize> {
        let &(base, text) = self.blocks.get(&(block, index))?;
        let before = text.char_indices().take_while(|&(i, _)| i < start).count();
        Some(base + before)
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use chancery_model::{ArticleId, Block, Span};

    fn block(text: &str) -> Block {
        Block {
            text: text.to_string(),
            span: Span::new(0, text.len() as u64),
        }
    }

    #[test]
    fn offsets_count_characters_across_blocks() {
        let article = Article {
            id: ArticleId("0".into()),
            title: Some(block("Ünïcode title")),
            captions: vec![block("A caption")],
            paragraphs: vec![block("First."), block("Second é here.")],
            language: None,
            published: None,
            published_evidence: None,
            source: String::new(),
            url: None,
            provenance: Vec::new(),
            removed: Vec::new(),
            meta: Default::default(),
            entities: Vec::new(),
            dates: Vec::new(),
            amounts: Vec::new(),
            quotes: Vec::new(),
            events: Vec::new(),
        };
        let doc = Document::new(&article);
        assert_eq!(doc.offset(MentionBlock::Title, 0, 0), Some(0));
        // "Ünïcode title\n" is 14 characters; "First.\n" 7 more.
        assert_eq!(doc.offset(MentionBlock::Paragraph, 0, 0), Some(14));
        // "Second é " is 10 bytes but 9 characters.
        assert_eq!(doc.offset(MentionBlock::Paragraph, 1, 10), Some(21 + 9));
        assert_eq!(doc.offset(MentionBlock::Caption, 0, 2), Some(21 + 15 + 2));
        assert_eq!(doc.offset(MentionBlock::Caption, 3, 0), None);
    }
}
