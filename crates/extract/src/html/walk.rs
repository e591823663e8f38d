//! One pass of the html5gum tokenizer over a page: visible text as lines, the elements that hold
//! them, and the metadata the page states.
//!
//! There is no DOM tree. A stack of open elements, capped at [`MAX_DEPTH`] entries as browsers cap
//! theirs, stands in for it, with the few implied end tags that matter for layout (`<p>`, `<li>`,
//! table cells, `<head>`). Work and memory are linear in the page, however deep or broken it is.

use html5gum::{DefaultEmitter, Emitter, EndTag, ForwardingEmitter, StartTag, Token, Tokenizer};

use super::lines::{Line, LineBuilder, LineContext};
use super::meta::{CaptureKind, PageMeta};
use super::names::{self, Named};
use super::tags::{style_hides, Kind, Tag};

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
    /// Its names mark it as the article's text container (`article-body`, `itemprop=articleBody`).
    pub content: bool,
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
    /// Inside an `<article>`, `<main>` or an element named as the article's text.
    in_article: bool,
    /// Index of the byline capture its text goes to.
    capture: Option<usize>,
    /// Index of the date capture its text goes to.
    date_capture: Option<usize>,
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
    let emitter = Quiet(emitter);
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
    /// What the next pushed element's text is captured as (set by the metadata reader).
    pending_capture: Option<(CaptureKind, bool)>,
}

impl Walker<'_> {
    fn start(&mut self, t: &StartTag<usize>) {
        self.raw = None;
        let tag = Tag::of(&t.name);
        if self.stack.last().is_some_and(|o| o.foreign) && breaks_out_of_foreign(&t.name) {
            // As browsers do: an HTML start tag such as `<p>` or `<div>` inside an unclosed
            // `<svg>` or `<math>` ends the foreign content.
            if let Some(first) = self.stack.iter().position(|o| o.foreign) {
                self.pop_to(first);
            }
        }
        let in_svg = self.stack.last().is_some_and(|o| o.foreign);
        let furniture = self.stack.last().and_then(|o| o.furniture);
        self.pending_capture = self.meta.on_start(tag, t, self.text, in_svg, furniture);
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
            content: false,
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
            in_article: false,
            capture: None,
            date_capture: None,
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
        // Page templates name `<html>` and `<body>` after the whole page, not a part of it.
        let named = if matches!(tag, Tag::Html | Tag::Body) {
            Named::Neutral
        } else {
            element_names(t)
        };
        // Bylines and dates are captured apart, so a date element around a byline (or the
        // reverse) does not hide it.
        let pending = self.pending_capture.take();
        let (mut capture, mut date_capture) = (
            parent.and_then(|p| p.capture),
            parent.and_then(|p| p.date_capture),
        );
        if let Some((kind, marked)) = pending {
            let furniture = parent.and_then(|p| p.furniture);
            let slot = if kind == CaptureKind::Author {
                &mut capture
            } else {
                &mut date_capture
            };
            if slot.is_none() {
                *slot = self.meta.begin_capture(kind, furniture, marked);
            }
        }
        let parent = self.stack.last();
        let in_article = parent.is_some_and(|p| p.in_article)
            || matches!(tag, Tag::Article | Tag::Main)
            || named == Named::Content;
        let furniture = match tag {
            // An article's own header holds its title, standfirst and byline; a page's header
            // holds the site's name and menus.
            Tag::Header if parent.is_some_and(|p| p.in_article) => None,
            // Asides hold pull quotes and fact boxes as often as side columns; sites also wrap
            // whole articles in them.
            Tag::Aside => Some(Furniture::Wrapper),
            _ if tag.is_furniture() => Some(Furniture::Semantic),
            _ => None,
        };
        let furniture = if furniture.is_some() || tag == Tag::Header {
            furniture
        } else if tag == Tag::Form || named == Named::Furniture {
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
            caption: parent.is_some_and(|p| p.caption)
                || tag == Tag::Figcaption
                || named == Named::Caption,
            in_article,
            capture,
            date_capture,
        };
        self.elements.push(Element {
            tag,
            parent: parent.and_then(|p| p.block),
            furniture,
            furniture_parent: parent.and_then(|p| p.furniture),
            end: id,
            content: named == Named::Content,
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
            // A stray end tag does not close a table cell it sits in. Foreign content is no
            // barrier: as in browsers, `</div>` inside an unclosed `<svg>` closes both.
            if open.tag.is_scope_boundary() && !open.foreign {
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
                Raw::LdJson => self.meta.on_ld_json(range),
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
        for capture in [top.capture, top.date_capture].into_iter().flatten() {
            self.meta.captured(capture, value);
        }
        let Some(top) = self.stack.last() else {
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

/// What an element's `class`, `id`, `role`, `itemprop` and `aria-hidden` say, content first:
/// a container named as the article body is never furniture.
fn element_names(t: &StartTag<usize>) -> Named {
    if attr(t, b"itemtype").is_some_and(|v| names::is_article_itemtype(&v)) {
        return Named::Neutral;
    }
    let verdicts = [
        attr(t, b"itemprop").map(|v| names::classify_itemprop(&v)),
        attr(t, b"itemtype").map(|v| names::classify_itemtype(&v)),
        attr(t, b"class").map(|v| names::classify(&v)),
        attr(t, b"id").map(|v| names::classify(&v)),
        attr(t, b"role").map(|v| names::classify_role(&v)),
        attr(t, b"aria-hidden")
            .filter(|v| v.trim().eq_ignore_ascii_case("true"))
            .map(|_| Named::Furniture),
    ];
    let found = |n: Named| verdicts.iter().flatten().any(|&v| v == n);
    if found(Named::Content) {
        Named::Content
    } else if found(Named::Caption) {
        Named::Caption
    } else if found(Named::Furniture) {
        Named::Furniture
    } else {
        Named::Neutral
    }
}

/// HTML start tags that end foreign (`svg`, `math`) content, as listed by the HTML standard.
fn breaks_out_of_foreign(name: &[u8]) -> bool {
    matches!(
        name,
        b"b" | b"big"
            | b"blockquote"
            | b"body"
            | b"br"
            | b"center"
            | b"code"
            | b"dd"
            | b"div"
            | b"dl"
            | b"dt"
            | b"em"
            | b"embed"
            | b"h1"
            | b"h2"
            | b"h3"
            | b"h4"
            | b"h5"
            | b"h6"
            | b"head"
            | b"hr"
            | b"i"
            | b"img"
            | b"li"
            | b"listing"
            | b"menu"
            | b"meta"
            | b"nobr"
            | b"ol"
            | b"p"
            | b"pre"
            | b"ruby"
            | b"s"
            | b"small"
            | b"span"
            | b"strong"
            | b"strike"
            | b"sub"
            | b"sup"
            | b"table"
            | b"tt"
            | b"u"
            | b"ul"
            | b"var"
    )
}

/// An attribute's value, decoded.
fn attr(t: &StartTag<usize>, name: &[u8]) -> Option<String> {
    t.attributes
        .get(name)
        .map(|v| String::from_utf8_lossy(&v.value).into_owned())
}

/// The default emitter without parse errors: the extractor never reads them, and checking every
/// byte for them costs a tenth of the tokenizer's time.
struct Quiet(DefaultEmitter<usize>);

impl ForwardingEmitter for Quiet {
    type Token = Token<usize>;

    fn inner(&mut self) -> &mut impl Emitter<Token = Self::Token> {
        &mut self.0
    }

    fn should_emit_errors(&mut self) -> bool {
        false
    }

    fn emit_error(&mut self, _error: html5gum::Error) {}
}
