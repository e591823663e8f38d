//! One pass of the html5gum tokenizer over a page: visible text as lines, the elements that hold
//! them, and the metadata the page states.
//!
//! There is no DOM tree. A stack of open elements, capped at [`MAX_DEPTH`] entries as browsers cap
//! theirs, stands in for it, with the few implied end tags that matter for layout (`<p>`, `<li>`,
//! table cells, `<head>`). Work and memory are linear in the page, however deep or broken it is.

use html5gum::{DefaultEmitter, EndTag, StartTag, Token, Tokenizer};

use super::lines::{Line, LineBuilder, LineContext};
use super::meta::PageMeta;
use super::tags::{is_furniture_name, style_hides, Kind, Tag};

/// Open elements kept at most; deeper elements are read as if their tags were absent.
pub const MAX_DEPTH: usize = 512;

/// Why an element is page furniture.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Furniture {
    /// `nav`, `header`, `footer`, `aside`: never article text.
    Semantic,
    /// A `form`, or a `class`/`id` naming furniture: sites also wrap whole pages in these, so
    /// the extractor lets one pass when it holds most of the page's text.
    Wrapper,
}

/// An element opened during the walk, by id (its index in [`Page::elements`]).
#[derive(Debug, Clone, Copy)]
pub struct Element {
    /// The element's tag.
    pub tag: Tag,
    /// Nearest block-level ancestor.
    pub parent: Option<u32>,
    /// Whether, and why, the element is page furniture.
    pub furniture: Option<Furniture>,
    /// Nearest furniture ancestor.
    pub furniture_parent: Option<u32>,
    /// Id of the last element opened inside it: its descendants are the ids in `id + 1..=end`.
    pub end: u32,
}

/// What one walk over a page found.
#[derive(Debug, Default)]
pub struct Page {
    /// The visible text, line by line.
    pub lines: Vec<Line>,
    /// Every element opened, by id; id 0 is the document itself.
    pub elements: Vec<Element>,
    /// What the page states about itself.
    pub meta: PageMeta,
}

impl Page {
    /// Whether element `id` is `ancestor` or lies inside it.
    pub fn within(&self, id: u32, ancestor: u32) -> bool {
        self.elements
            .get(ancestor as usize)
            .is_some_and(|a| (ancestor..=a.end).contains(&id))
    }
}

/// An entry of the stack of open elements.
#[derive(Debug)]
struct Open {
    name: Vec<u8>,
    tag: Tag,
    id: u32,
    /// Nearest block-level element, this one included.
    block: Option<u32>,
    /// Nearest furniture element, this one included.
    furniture: Option<u32>,
    hidden: bool,
    /// Inside `svg` or `math`, where `<x/>` has no content.
    foreign: bool,
    link: bool,
    pre: bool,
    caption: bool,
}

/// What the text of a raw-text element (`<title>`, `<script>`, ...) is for.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
enum Raw {
    Title,
    LdJson,
    Skip,
}

/// Walks a page.
pub fn walk(text: &str) -> Page {
    let mut emitter = DefaultEmitter::<usize>::new_with_span();
    // Script, style and title content must be read as raw text, not as markup.
    emitter.naively_switch_states(true);
    let mut walker = Walker {
        text,
        ..Walker::default()
    };
    walker.push_root();
    for token in Tokenizer::new_with_emitter(text, emitter) {
        let Ok(token) = token;
        match token {
            Token::StartTag(tag) => walker.start(&tag),
            Token::EndTag(tag) => walker.end(&tag),
            Token::String(s) => {
                walker.string(&String::from_utf8_lossy(&s.value), s.span.start..s.span.end)
            }
            Token::Comment(_) | Token::Doctype(_) | Token::Error(_) => {}
        }
    }
    walker.finish()
}

#[derive(Debug, Default)]
struct Walker<'a> {
    text: &'a str,
    stack: Vec<Open>,
    elements: Vec<Element>,
    lines: LineBuilder,
    meta: PageMeta,
    raw: Option<Raw>,
    open_p: usize,
    head_seen: bool,
    head_open: bool,
}

impl Walker<'_> {
    fn start(&mut self, t: &StartTag<usize>) {
        self.raw = None;
        let tag = Tag::of(&t.name);
        let in_svg = self.stack.last().is_some_and(|o| o.foreign);
        self.meta.on_start(tag, t, self.text, in_svg);
        if in_svg {
            if tag.kind() == Kind::RawText {
                self.raw = Some(Raw::Skip);
            } else if !t.self_closing {
                self.push(t, tag);
            }
            return;
        }
        if self.head_open && tag != Tag::Head && !tag.belongs_in_head() {
            if let Some(head) = self.stack.iter().position(|o| o.tag == Tag::Head) {
                self.pop_to(head);
            }
        }
        let hidden = self.hidden();
        match tag.kind() {
            Kind::RawText => {
                self.raw = Some(match tag {
                    Tag::Title => Raw::Title,
                    Tag::Script if attr(t, b"type").is_some_and(|v| v.contains("ld+json")) => {
                        Raw::LdJson
                    }
                    _ => Raw::Skip,
                });
                return;
            }
            Kind::Void => {
                match tag {
                    Tag::Br if !hidden => self.lines.br(),
                    Tag::Hr if !hidden => self.close_p_and_break(),
                    _ => {}
                }
                return;
            }
            _ => {}
        }
        match tag {
            Tag::Html => return,
            Tag::Body if self.stack.iter().any(|o| o.tag == tag) => return,
            // A `<head>` after the body has begun is ignored, as browsers ignore it.
            Tag::Body => self.head_seen = true,
            Tag::Head if self.head_seen => return,
            Tag::Head => self.head_seen = true,
            Tag::Li => self.close_in_scope(|t| t == Tag::Li, |t| matches!(t, Tag::Ul | Tag::Ol)),
            Tag::Dt | Tag::Dd => {
                self.close_in_scope(|t| matches!(t, Tag::Dt | Tag::Dd), |t| t == Tag::Dl)
            }
            Tag::Tr => {
                self.close_in_scope(|t| t == Tag::Cell, |t| matches!(t, Tag::Tr | Tag::Table));
                self.close_in_scope(|t| t == Tag::Tr, |t| t == Tag::Table);
            }
            Tag::Cell => {
                self.close_in_scope(|t| t == Tag::Cell, |t| matches!(t, Tag::Tr | Tag::Table))
            }
            Tag::Heading(_)
                if self
                    .stack
                    .last()
                    .is_some_and(|o| matches!(o.tag, Tag::Heading(_))) =>
            {
                self.pop_to(self.stack.len() - 1);
            }
            _ => {}
        }
        if tag.closes_p() && self.open_p > 0 {
            self.close_in_scope(|t| t == Tag::P, |_| false);
        }
        self.push(t, tag);
    }

    /// Opens the document itself as an element, so text outside any `<html>` or `<body>` (a
    /// fragment, a page that omits them) still has a container.
    fn push_root(&mut self) {
        self.elements.push(Element {
            tag: Tag::Html,
            parent: None,
            furniture: None,
            furniture_parent: None,
            end: 0,
        });
        self.stack.push(Open {
            name: b"#document".to_vec(),
            tag: Tag::Html,
            id: 0,
            block: Some(0),
            furniture: None,
            hidden: false,
            foreign: false,
            link: false,
            pre: false,
            caption: false,
        });
    }

    /// `<hr>`: ends a paragraph and the line.
    fn close_p_and_break(&mut self) {
        if self.open_p > 0 {
            self.close_in_scope(|t| t == Tag::P, |_| false);
        }
        self.lines.block(1);
    }

    fn push(&mut self, t: &StartTag<usize>, tag: Tag) {
        if self.stack.len() >= MAX_DEPTH {
            return;
        }
        let id = u32::try_from(self.elements.len()).unwrap_or(u32::MAX);
        let parent = self.stack.last();
        let block_kind = tag.kind() == Kind::Block && !parent.is_some_and(|p| p.foreign);
        let furniture = if tag.is_furniture() {
            Some(Furniture::Semantic)
        } else if tag == Tag::Form
            || attr(t, b"class").is_some_and(|v| is_furniture_name(&v))
            || attr(t, b"id").is_some_and(|v| is_furniture_name(&v))
        {
            Some(Furniture::Wrapper)
        } else {
            None
        };
        let hidden = parent.is_some_and(|p| p.hidden)
            || tag.kind() == Kind::Hidden
            || t.attributes.contains_key(&b"hidden"[..])
            || attr(t, b"style").is_some_and(|v| style_hides(&v));
        let open = Open {
            name: t.name.to_vec(),
            tag,
            id,
            block: if block_kind {
                Some(id)
            } else {
                parent.and_then(|p| p.block)
            },
            furniture: if furniture.is_some() {
                Some(id)
            } else {
                parent.and_then(|p| p.furniture)
            },
            hidden,
            foreign: parent.is_some_and(|p| p.foreign) || matches!(tag, Tag::Svg | Tag::Math),
            link: parent.is_some_and(|p| p.link) || tag == Tag::A,
            pre: parent.is_some_and(|p| p.pre) || tag == Tag::Pre,
            caption: parent.is_some_and(|p| p.caption) || tag == Tag::Figcaption,
        };
        self.elements.push(Element {
            tag,
            parent: parent.and_then(|p| p.block),
            furniture,
            furniture_parent: parent.and_then(|p| p.furniture),
            end: id,
        });
        if block_kind && tag != Tag::Cell {
            self.lines.block(tag.breaks());
        }
        match tag {
            Tag::P => self.open_p += 1,
            Tag::Head => self.head_open = true,
            _ => {}
        }
        self.stack.push(open);
    }

    fn end(&mut self, t: &EndTag<usize>) {
        if self.raw.take().is_some() {
            return;
        }
        let tag = Tag::of(&t.name);
        match tag {
            // As browsers do: `</br>` is a line break, `</body>` and `</html>` end nothing, and a
            // `</p>` with no open paragraph still ends a paragraph.
            Tag::Br => {
                if !self.hidden() {
                    self.lines.br();
                }
                return;
            }
            Tag::Html | Tag::Body => return,
            Tag::P if self.open_p == 0 => {
                if !self.hidden() {
                    self.lines.block(Tag::P.breaks());
                }
                return;
            }
            _ => {}
        }
        for i in (0..self.stack.len()).rev() {
            let open = &self.stack[i];
            if open.name == *t.name {
                self.pop_to(i);
                return;
            }
            // A stray end tag does not close a table cell or an svg it sits in.
            if open.tag.is_scope_boundary() {
                return;
            }
        }
    }

    fn string(&mut self, value: &str, range: std::ops::Range<usize>) {
        if let Some(raw) = self.raw {
            match raw {
                Raw::Title if !self.hidden_by_foreign() => {
                    self.meta.on_title(value, self.text, range)
                }
                Raw::LdJson => self.meta.on_ld_json(self.text, range),
                _ => {}
            }
            return;
        }
        // Text in the head ends it, as in browsers: the page simply forgot `<body>`.
        if self.stack.last().is_some_and(|o| o.tag == Tag::Head)
            && value.chars().any(|c| !c.is_ascii_whitespace())
        {
            self.pop_to(self.stack.len() - 1);
        }
        let Some(top) = self.stack.last().filter(|o| !o.hidden) else {
            return;
        };
        let context = LineContext {
            block: top.block,
            tag: top
                .block
                .and_then(|b| self.elements.get(b as usize))
                .map_or(Tag::Body, |e| e.tag),
            furniture: top.furniture,
            caption: top.caption,
        };
        let source = self.text.get(range.clone()).unwrap_or("");
        self.lines
            .text(value, source, range.start, context, top.link, top.pre);
    }

    fn hidden(&self) -> bool {
        self.stack.last().is_some_and(|o| o.hidden)
    }

    fn hidden_by_foreign(&self) -> bool {
        self.stack.last().is_some_and(|o| o.foreign)
    }

    /// Closes the nearest open element matching `target`, unless a `stop` element or a scope
    /// boundary comes first.
    fn close_in_scope(&mut self, target: impl Fn(Tag) -> bool, stop: impl Fn(Tag) -> bool) {
        for i in (0..self.stack.len()).rev() {
            let tag = self.stack[i].tag;
            if target(tag) {
                self.pop_to(i);
                return;
            }
            if stop(tag) || tag.is_scope_boundary() {
                return;
            }
        }
    }

    /// Pops the open elements from the top down to index `i`, included.
    fn pop_to(&mut self, i: usize) {
        let last = u32::try_from(self.elements.len().saturating_sub(1)).unwrap_or(u32::MAX);
        while self.stack.len() > i {
            let Some(open) = self.stack.pop() else { break };
            if let Some(element) = self.elements.get_mut(open.id as usize) {
                element.end = last;
            }
            match open.tag {
                Tag::P => self.open_p = self.open_p.saturating_sub(1),
                Tag::Head => self.head_open = false,
                _ => {}
            }
            if open.foreign || open.tag.kind() != Kind::Block {
                continue;
            }
            if open.tag == Tag::Cell {
                self.lines.cell_end();
            } else {
                self.lines.block(open.tag.breaks());
            }
        }
    }

    fn finish(mut self) -> Page {
        self.pop_to(0);
        Page {
            lines: self.lines.finish(),
            elements: self.elements,
            meta: self.meta,
        }
    }
}

/// An attribute's value, decoded.
fn attr(t: &StartTag<usize>, name: &[u8]) -> Option<String> {
    t.attributes
        .get(name)
        .map(|v| String::from_utf8_lossy(&v.value).into_owned())
}
