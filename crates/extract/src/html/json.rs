//! A small, forgiving JSON reader for the JSON-LD scripts of pages.
//!
//! Pages' JSON-LD is often slightly broken: wrapped in `<!-- -->` or CDATA markers, with trailing
//! commas, raw line breaks inside strings, or several objects in a row. This reader accepts all of
//! that, never panics, and bounds its work: nesting deeper than [`MAX_DEPTH`] and documents larger
//! than [`MAX_VALUES`] values are cut short (what was read so far is kept).

/// Deepest nesting read; deeper arrays and objects become `Null`.
pub const MAX_DEPTH: usize = 48;
/// Most values read from one script.
pub const MAX_VALUES: usize = 50_000;

/// A JSON value.
#[derive(Debug, Clone, PartialEq)]
pub enum Json {
    Null,
    Bool(bool),
    /// A number, as written.
    Num(String),
    Str(String),
    Arr(Vec<Json>),
    /// Members in document order (duplicates kept).
    Obj(Vec<(String, Json)>),
}

impl Json {
    /// The first member named `key` of an object.
    pub fn get(&self, key: &str) -> Option<&Json> {
        match self {
            Json::Obj(members) => members.iter().find(|(k, _)| k == key).map(|(_, v)| v),
            _ => None,
        }
    }

    /// The string, if this is one.
    pub fn as_str(&self) -> Option<&str> {
        match self {
            Json::Str(s) => Some(s),
            _ => None,
        }
    }

    /// This value as a list: an array's items, or the value itself.
    pub fn items(&self) -> &[Json] {
        match self {
            Json::Arr(items) => items,
            other => std::slice::from_ref(other),
        }
    }
}

/// Reads every top-level value of a script (usually one object or array).
pub fn parse_all(text: &str) -> Vec<Json> {
    let mut reader = Reader {
        bytes: text.as_bytes(),
        pos: 0,
        values: 0,
    };
    let mut out = Vec::new();
    loop {
        reader.skip_junk();
        if reader.pos >= reader.bytes.len() || reader.values >= MAX_VALUES {
            break;
        }
        let before = reader.pos;
        match reader.value(0) {
            Some(v) => out.push(v),
            None => {
                // Not a value here: skip one character and look for the next one.
                reader.pos = before + 1;
            }
        }
    }
    out
}

struct Reader<'a> {
    bytes: &'a [u8],
    pos: usize,
    values: usize,
}

impl Reader<'_> {
    fn rest(&self) -> &[u8] {
        self.bytes.get(self.pos..).unwrap_or(&[])
    }

    fn peek(&self) -> Option<u8> {
        self.bytes.get(self.pos).copied()
    }

    fn skip_ws(&mut self) {
        while let Some(b) = self.peek() {
            if b.is_ascii_whitespace() {
                self.pos += 1;
            } else if self.rest().starts_with(b"//") {
                // A line comment (`//<![CDATA[`).
                while let Some(b) = self.peek() {
                    self.pos += 1;
                    if b == b'\n' {
                        break;
                    }
                }
            } else if self.rest().starts_with(b"/*") {
                match find(self.rest().get(2..).unwrap_or(&[]), b"*/") {
                    Some(end) => self.pos += end + 4,
                    None => self.pos = self.bytes.len(),
                }
            } else {
                break;
            }
        }
    }

    /// Skips whitespace and the markers pages wrap scripts in, up to the next `{` or `[`.
    fn skip_junk(&mut self) {
        while self.pos < self.bytes.len() {
            self.skip_ws();
            match self.peek() {
                Some(b'{' | b'[') | None => return,
                _ => self.pos += 1,
            }
        }
    }

    fn value(&mut self, depth: usize) -> Option<Json> {
        self.skip_ws();
        self.values += 1;
        if self.values > MAX_VALUES {
            self.pos = self.bytes.len();
            return None;
        }
        match self.peek()? {
            b'{' => {
                if depth >= MAX_DEPTH {
                    self.skip_nested();
                    return Some(Json::Null);
                }
                self.object(depth)
            }
            b'[' => {
                if depth >= MAX_DEPTH {
                    self.skip_nested();
                    return Some(Json::Null);
                }
                self.array(depth)
            }
            b'"' | b'\'' => self.string().map(Json::Str),
            b't' if self.rest().starts_with(b"true") => {
                self.pos += 4;
                Some(Json::Bool(true))
            }
            b'f' if self.rest().starts_with(b"false") => {
                self.pos += 5;
                Some(Json::Bool(false))
            }
            b'n' if self.rest().starts_with(b"null") => {
                self.pos += 4;
                Some(Json::Null)
            }
            b'-' | b'0'..=b'9' => {
                let start = self.pos;
                while let Some(b'-' | b'+' | b'.' | b'e' | b'E' | b'0'..=b'9') = self.peek() {
                    self.pos += 1;
                }
                let text = std::str::from_utf8(self.bytes.get(start..self.pos)?).ok()?;
                Some(Json::Num(text.to_string()))
            }
            _ => None,
        }
    }

    fn object(&mut self, depth: usize) -> Option<Json> {
        self.pos += 1;
        let mut members = Vec::new();
        loop {
            self.skip_ws();
            match self.peek() {
                None => return Some(Json::Obj(members)),
                Some(b'}') => {
                    self.pos += 1;
                    return Some(Json::Obj(members));
                }
                Some(b',') => {
                    self.pos += 1;
                    continue;
                }
                Some(b'"' | b'\'') => {}
                Some(_) => {
                    // An unquoted key or garbage: give up on this object, keep what was read.
                    self.skip_to_close(b'}');
                    return Some(Json::Obj(members));
                }
            }
            let key = self.string()?;
            self.skip_ws();
            if self.peek() != Some(b':') {
                self.skip_to_close(b'}');
                return Some(Json::Obj(members));
            }
            self.pos += 1;
            match self.value(depth + 1) {
                Some(v) => members.push((key, v)),
                None => {
                    self.skip_to_close(b'}');
                    return Some(Json::Obj(members));
                }
            }
        }
    }

    fn array(&mut self, depth: usize) -> Option<Json> {
        self.pos += 1;
        let mut items = Vec::new();
        loop {
            self.skip_ws();
            match self.peek() {
                None => return Some(Json::Arr(items)),
                Some(b']') => {
                    self.pos += 1;
                    return Some(Json::Arr(items));
                }
                Some(b',') => {
                    self.pos += 1;
                    continue;
                }
                _ => {}
            }
            match self.value(depth + 1) {
                Some(v) => items.push(v),
                None => {
                    self.skip_to_close(b']');
                    return Some(Json::Arr(items));
                }
            }
        }
    }

    /// A quoted string; raw control characters inside are kept as they are.
    fn string(&mut self) -> Option<String> {
        let quote = self.peek()?;
        self.pos += 1;
        let mut out: Vec<u8> = Vec::new();
        while let Some(b) = self.peek() {
            self.pos += 1;
            match b {
                _ if b == quote => return Some(String::from_utf8_lossy(&out).into_owned()),
                b'\\' => {
                    let Some(e) = self.peek() else { break };
                    self.pos += 1;
                    match e {
                        b'n' => out.push(b'\n'),
                        b't' => out.push(b'\t'),
                        b'r' => out.push(b'\r'),
                        b'b' | b'f' => out.push(b' '),
                        b'u' => {
                            let c = self.unicode_escape();
                            let mut buf = [0u8; 4];
                            out.extend_from_slice(c.encode_utf8(&mut buf).as_bytes());
                        }
                        other => out.push(other),
                    }
                }
                _ => out.push(b),
            }
        }
        Some(String::from_utf8_lossy(&out).into_owned())
    }

    /// The character of a `\uXXXX` escape (the `\u` read), pairing surrogates.
    fn unicode_escape(&mut self) -> char {
        let Some(high) = self.hex4() else {
            return char::REPLACEMENT_CHARACTER;
        };
        if (0xD800..0xDC00).contains(&high) && self.rest().starts_with(b"\\u") {
            let save = self.pos;
            self.pos += 2;
            if let Some(low) = self.hex4().filter(|l| (0xDC00..0xE000).contains(l)) {
                let code = 0x10000 + ((high - 0xD800) << 10) + (low - 0xDC00);
                return char::from_u32(code).unwrap_or(char::REPLACEMENT_CHARACTER);
            }
            self.pos = save;
        }
        char::from_u32(high).unwrap_or(char::REPLACEMENT_CHARACTER)
    }

    fn hex4(&mut self) -> Option<u32> {
        let digits = self.bytes.get(self.pos..self.pos + 4)?;
        let text = std::str::from_utf8(digits).ok()?;
        let value = u32::from_str_radix(text, 16).ok()?;
        self.pos += 4;
        Some(value)
    }

    /// Skips a nested value too deep to read, counting brackets outside strings.
    fn skip_nested(&mut self) {
        let mut depth = 0usize;
        while let Some(b) = self.peek() {
            match b {
                b'"' | b'\'' => {
                    let _ = self.string();
                    continue;
                }
                b'{' | b'[' => depth += 1,
                b'}' | b']' => {
                    depth = depth.saturating_sub(1);
                    if depth == 0 {
                        self.pos += 1;
                        return;
                    }
                }
                _ => {}
            }
            self.pos += 1;
        }
    }

    /// Skips to just after the `close` that ends the current container.
    fn skip_to_close(&mut self, close: u8) {
        let mut depth = 0usize;
        while let Some(b) = self.peek() {
            match b {
                b'"' | b'\'' => {
                    let _ = self.string();
                    continue;
                }
                b'{' | b'[' => depth += 1,
                b'}' | b']' => {
                    if depth == 0 {
                        if b == close {
                            self.pos += 1;
                        }
                        return;
                    }
                    depth -= 1;
                }
                _ => {}
            }
            self.pos += 1;
        }
    }
}

fn find(haystack: &[u8], needle: &[u8]) -> Option<usize> {
    haystack.windows(needle.len()).position(|w| w == needle)
}

#[cfg(test)]
mod tests {
    use super::*;

    fn one(text: &str) -> Json {
        parse_all(text).into_iter().next().unwrap_or(Json::Null)
    }

    #[test]
    fn reads_plain_json() {
        let v = one(r#"{"a": [1, "x\u00e9\ud83d\ude00", true, null], "b": {"c": -2.5e3}}"#);
        assert_eq!(v.get("a").map(|a| a.items().len()), Some(4));
        assert_eq!(
            v.get("a")
                .and_then(|a| a.items().get(1))
                .and_then(Json::as_str),
            Some("xé😀")
        );
        assert_eq!(
            v.get("b").and_then(|b| b.get("c")),
            Some(&Json::Num("-2.5e3".into()))
        );
    }

    #[test]
    fn forgives_what_pages_do() {
        let text = "<!--//--><![CDATA[//><!--\n{\"@type\": \"NewsArticle\", \"headline\": \"Line\none\",}\n//--><!]]>";
        let v = one(text);
        assert_eq!(v.get("headline").and_then(Json::as_str), Some("Line\none"));
        let two = parse_all(r#"{"a":1}{"b":2}"#);
        assert_eq!(two.len(), 2);
        let broken = one(r#"{"a": "x", "b": oops, "c": 1}"#);
        assert_eq!(broken.get("a").and_then(Json::as_str), Some("x"));
        assert!(parse_all("").is_empty());
        assert!(parse_all("not json at all").is_empty());
        let _ = parse_all("{\"a\": \"unterminated");
        let _ = parse_all("[[[[{\"a\":");
    }

    #[test]
    fn deep_nesting_is_cut_short() {
        let deep = format!("{}{}", "[".repeat(100_000), "]".repeat(100_000));
        let v = one(&deep);
        assert!(matches!(v, Json::Arr(_)));
        let deep = "{\"a\":".repeat(50_000);
        let _ = parse_all(&deep);
    }
}
