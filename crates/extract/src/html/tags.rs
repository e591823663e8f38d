//! What each HTML element means for visible text: block or inline, hidden, raw text, void,
//! page furniture; and small attribute helpers.
//!
//! Tag names arrive lowercased from the tokenizer, so matching is on exact lowercase bytes.

use std::ops::Range;

/// How an element affects the text layout and the walk.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Kind {
    /// Text flows through it within the current line (`a`, `span`, `em`, unknown tags).
    Inline,
    /// Starts and ends a line.
    Block,
    /// Never has content or an end tag (`img`, `meta`, `br`, `hr`, ...).
    Void,
    /// Its content is unparsed text the tokenizer hands over whole (`script`, `style`, `title`, ...).
    RawText,
    /// Its content is never shown (`head`, `template`, `svg`, `select`, ...).
    Hidden,
}

/// Known elements, where the name alone decides something; everything else is [`Tag::Other`].
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Tag {
    Html,
    Head,
    Body,
    P,
    /// `h1`..`h6`, with the level.
    Heading(u8),
    Li,
    Ul,
    Ol,
    Dl,
    Dt,
    Dd,
    Table,
    Tr,
    /// `td` or `th`.
    Cell,
    Caption,
    Pre,
    Blockquote,
    Figure,
    Figcaption,
    Div,
    Section,
    Article,
    Main,
    Header,
    Footer,
    Nav,
    Aside,
    Form,
    Br,
    Hr,
    A,
    Time,
    Meta,
    Link,
    Script,
    Title,
    Svg,
    Math,
    Button,
    /// Other block-level elements (`address`, `center`, `details`, `fieldset`, ...).
    OtherBlock,
    /// Other hidden elements (`template`, `select`, `object`, ...).
    OtherHidden,
    /// Other raw-text elements (`style`, `noscript`, `iframe`, `textarea`, ...).
    OtherRaw,
    /// Other void elements (`img`, `input`, `source`, ...).
    OtherVoid,
    /// Any other name: inline.
    Other,
}

impl Tag {
    /// Classifies a lowercase tag name.
    pub fn of(name: &[u8]) -> Tag {
        match name {
            b"html" => Tag::Html,
            b"head" => Tag::Head,
            b"body" => Tag::Body,
            b"p" => Tag::P,
            b"h1" => Tag::Heading(1),
            b"h2" => Tag::Heading(2),
            b"h3" => Tag::Heading(3),
            b"h4" => Tag::Heading(4),
            b"h5" => Tag::Heading(5),
            b"h6" => Tag::Heading(6),
            b"li" => Tag::Li,
            b"ul" => Tag::Ul,
            b"ol" => Tag::Ol,
            b"dl" => Tag::Dl,
            b"dt" => Tag::Dt,
            b"dd" => Tag::Dd,
            b"table" => Tag::Table,
            b"tr" => Tag::Tr,
            b"td" | b"th" => Tag::Cell,
            b"caption" => Tag::Caption,
            b"pre" | b"listing" => Tag::Pre,
            b"blockquote" => Tag::Blockquote,
            b"figure" => Tag::Figure,
            b"figcaption" => Tag::Figcaption,
            b"div" => Tag::Div,
            b"section" => Tag::Section,
            b"article" => Tag::Article,
            b"main" => Tag::Main,
            b"header" => Tag::Header,
            b"footer" => Tag::Footer,
            b"nav" => Tag::Nav,
            b"aside" => Tag::Aside,
            b"form" => Tag::Form,
            b"br" => Tag::Br,
            b"hr" => Tag::Hr,
            b"a" => Tag::A,
            b"time" => Tag::Time,
            b"meta" => Tag::Meta,
            b"link" => Tag::Link,
            b"script" => Tag::Script,
            b"title" => Tag::Title,
            b"svg" => Tag::Svg,
            b"math" => Tag::Math,
            b"button" => Tag::Button,
            b"address" | b"center" | b"details" | b"dialog" | b"dir" | b"fieldset" | b"hgroup"
            | b"legend" | b"menu" | b"summary" | b"thead" | b"tbody" | b"tfoot" | b"frameset"
            | b"optgroup" | b"search" => Tag::OtherBlock,
            b"template" | b"select" | b"object" | b"datalist" | b"audio" | b"video" | b"canvas"
            | b"map" | b"applet" => Tag::OtherHidden,
            b"style" | b"noscript" | b"iframe" | b"xmp" | b"noembed" | b"noframes"
            | b"textarea" | b"plaintext" => Tag::OtherRaw,
            b"img" | b"input" | b"source" | b"track" | b"wbr" | b"area" | b"base" | b"col"
            | b"embed" | b"param" | b"keygen" | b"frame" | b"basefont" | b"bgsound" | b"image" => {
                Tag::OtherVoid
            }
            _ => Tag::Other,
        }
    }

    /// The element's layout kind.
    pub fn kind(self) -> Kind {
        match self {
            Tag::Head | Tag::Svg | Tag::Math | Tag::OtherHidden => Kind::Hidden,
            Tag::Script | Tag::Title | Tag::OtherRaw => Kind::RawText,
            Tag::Br | Tag::Hr | Tag::Meta | Tag::Link | Tag::OtherVoid => Kind::Void,
            Tag::A | Tag::Time | Tag::Button | Tag::Other => Kind::Inline,
            _ => Kind::Block,
        }
    }

    /// Line breaks required around the element's text: two (a blank line) for paragraphs and
    /// headings, as `innerText` does for `<p>`, one for other blocks.
    pub fn breaks(self) -> u8 {
        match self {
            Tag::P | Tag::Heading(_) => 2,
            _ => 1,
        }
    }

    /// Semantic page furniture: text inside is never article body.
    pub fn is_furniture(self) -> bool {
        matches!(self, Tag::Nav | Tag::Header | Tag::Footer | Tag::Aside)
    }

    /// Block starts that close an open `<p>`, as in the HTML tree-construction rules.
    pub fn closes_p(self) -> bool {
        matches!(
            self,
            Tag::P
                | Tag::Heading(_)
                | Tag::Li
                | Tag::Ul
                | Tag::Ol
                | Tag::Dl
                | Tag::Dt
                | Tag::Dd
                | Tag::Table
                | Tag::Pre
                | Tag::Blockquote
                | Tag::Figure
                | Tag::Figcaption
                | Tag::Div
                | Tag::Section
                | Tag::Article
                | Tag::Main
                | Tag::Header
                | Tag::Footer
                | Tag::Nav
                | Tag::Aside
                | Tag::Form
                | Tag::Hr
                | Tag::OtherBlock
        )
    }

    /// Elements an implied close (of `p`, `li`, cells, ...) does not reach past.
    pub fn is_scope_boundary(self) -> bool {
        matches!(
            self,
            Tag::Html
                | Tag::Body
                | Tag::Table
                | Tag::Cell
                | Tag::Caption
                | Tag::Button
                | Tag::Svg
                | Tag::Math
                | Tag::OtherHidden
        )
    }

    /// Elements that may appear inside `<head>`; any other start tag ends the head.
    pub fn belongs_in_head(self) -> bool {
        matches!(
            self,
            Tag::Meta
                | Tag::Link
                | Tag::Script
                | Tag::Title
                | Tag::OtherRaw
                | Tag::OtherVoid
                | Tag::OtherHidden
        )
    }
}

/// Whether an inline `style` hides the element.
pub fn style_hides(style: &str) -> bool {
    let compact: String = style
        .chars()
        .filter(|c| !c.is_ascii_whitespace())
        .flat_map(char::to_lowercase)
        .collect();
    compact.contains("display:none") || compact.contains("visibility:hidden")
}

/// The range of an attribute's value in the text, given the range the tokenizer reports for the
/// whole attribute (`name="value"`). `None` when the attribute has no value.
pub fn attr_value_range(text: &str, attr: Range<usize>) -> Option<Range<usize>> {
    let source = text.get(attr.clone())?;
    let eq = source.find('=')?;
    let after = &source[eq + 1..];
    let lead = after.len()
        - after
            .trim_start_matches(|c: char| c.is_ascii_whitespace())
            .len();
    let value_start = eq + 1 + lead;
    let rest = &source[value_start..];
    let (start, len) = match rest.chars().next() {
        Some(q @ ('"' | '\'')) => {
            let body = &rest[1..];
            (value_start + 1, body.find(q).unwrap_or(body.len()))
        }
        _ => (
            value_start,
            rest.find(|c: char| c.is_ascii_whitespace() || c == '>')
                .unwrap_or(rest.len()),
        ),
    };
    Some(attr.start + start..attr.start + start + len)
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn attribute_values() {
        let text = r#"<meta content="a &amp; b" x=y>"#;
        let r = attr_value_range(text, 6..25).expect("value");
        assert_eq!(&text[r], "a &amp; b");
        let r = attr_value_range(text, 26..29).expect("value");
        assert_eq!(&text[r], "y");
        assert_eq!(attr_value_range(text, 1..5), None);
    }

    #[test]
    fn hiding_styles() {
        assert!(style_hides("color: red; DISPLAY : none"));
        assert!(!style_hides("display:block"));
    }
}
