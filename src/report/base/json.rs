//! The little JSON the report file, the stored drafts and the CLI's findings need: a strict reader
//! (RFC 8259) and string quoting for the writers. A general-purpose JSON library was a seventh of the
//! widget's whole download; this is a few hundred bytes. Numbers are kept as the text they were
//! written as, so `1.50` in a hand-written file stays `1.50` and nothing is rounded.

use std::fmt;

/// How deep arrays and objects may nest before a file is refused, so a hostile file cannot exhaust
/// the stack.
pub const MAX_DEPTH: usize = 128;

/// A JSON value. Objects keep their members in file order, duplicates included.
#[derive(Debug, Clone, PartialEq, Eq)]
pub enum Json {
    Null,
    Bool(bool),
    /// A number exactly as written.
    Number(String),
    String(String),
    Array(Vec<Json>),
    Object(Vec<(String, Json)>),
}

impl Json {
    /// The member of an object by name (the last one, when a name appears twice); `None` for
    /// anything that is not an object.
    pub fn get(&self, name: &str) -> Option<&Json> {
        self.as_object()?.iter().rev().find(|(n, _)| n == name).map(|(_, v)| v)
    }

    pub fn as_object(&self) -> Option<&[(String, Json)]> {
        match self {
            Json::Object(members) => Some(members),
            _ => None,
        }
    }

    pub fn as_str(&self) -> Option<&str> {
        match self {
            Json::String(s) => Some(s),
            _ => None,
        }
    }
}

/// Where and why a text is not JSON. Shown to the clerk inside a sentence, so it reads in Chinese.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct JsonError {
    /// 1-based line and column (in characters) of the offending character.
    pub line: usize,
    pub column: usize,
    pub reason: &'static str,
}

impl fmt::Display for JsonError {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        write!(f, "第 {} 行第 {} 列：{}", self.line, self.column, self.reason)
    }
}

impl std::error::Error for JsonError {}

/// Reads a whole text as one JSON value.
pub fn parse(text: &str) -> Result<Json, JsonError> {
    let mut reader = Reader { text, pos: 0 };
    let value = reader.value(0)?;
    reader.skip_space();
    if reader.pos < text.len() {
        return Err(reader.error("值后面还有多余的内容"));
    }
    Ok(value)
}

/// Appends `s` as a JSON string literal.
pub fn quote(out: &mut String, s: &str) {
    out.push('"');
    for c in s.chars() {
        match c {
            '"' => out.push_str("\\\""),
            '\\' => out.push_str("\\\\"),
            '\n' => out.push_str("\\n"),
            '\r' => out.push_str("\\r"),
            '\t' => out.push_str("\\t"),
            c if (c as u32) < 0x20 => {
                const HEX: &[u8; 16] = b"0123456789abcdef";
                out.push_str("\\u00");
                out.push(HEX[(c as usize) >> 4] as char);
                out.push(HEX[(c as usize) & 15] as char);
            }
            c => out.push(c),
        }
    }
    out.push('"');
}

struct Reader<'a> {
    text: &'a str,
    pos: usize,
}

impl Reader<'_> {
    fn error(&self, reason: &'static str) -> JsonError {
        let before = &self.text[..self.pos];
        let line = before.matches('\n').count() + 1;
        let column = before.rsplit('\n').next().map_or(0, |l| l.chars().count()) + 1;
        JsonError { line, column, reason }
    }

    fn peek(&self) -> Option<u8> {
        self.text.as_bytes().get(self.pos).copied()
    }

    fn skip_space(&mut self) {
        while matches!(self.peek(), Some(b' ' | b'\t' | b'\n' | b'\r')) {
            self.pos += 1;
        }
    }

    /// Consumes `byte` after optional whitespace, or fails with `reason`.
    fn expect(&mut self, byte: u8, reason: &'static str) -> Result<(), JsonError> {
        self.skip_space();
        if self.peek() != Some(byte) {
            return Err(self.error(reason));
        }
        self.pos += 1;
        Ok(())
    }

    fn value(&mut self, depth: usize) -> Result<Json, JsonError> {
        self.skip_space();
        match self.peek() {
            Some(b'{') => self.object(depth + 1),
            Some(b'[') => self.array(depth + 1),
            Some(b'"') => self.string().map(Json::String),
            Some(b'-' | b'0'..=b'9') => self.number(),
            Some(_) => {
                for (word, value) in [("true", Json::Bool(true)), ("false", Json::Bool(false)), ("null", Json::Null)] {
                    if self.text[self.pos..].starts_with(word) {
                        self.pos += word.len();
                        return Ok(value);
                    }
                }
                Err(self.error("不是 JSON 的值"))
            }
            None => Err(self.error("内容不完整")),
        }
    }

    fn array(&mut self, depth: usize) -> Result<Json, JsonError> {
        self.items(depth, b']', "缺少逗号或 ]", |reader| reader.value(depth)).map(Json::Array)
    }

    fn object(&mut self, depth: usize) -> Result<Json, JsonError> {
        self.items(depth, b'}', "缺少逗号或 }", |reader| {
            reader.skip_space();
            if reader.peek() != Some(b'"') {
                return Err(reader.error("缺少用双引号括起的名称"));
            }
            let name = reader.string()?;
            reader.expect(b':', "名称后缺少冒号")?;
            Ok((name, reader.value(depth)?))
        })
        .map(Json::Object)
    }

    /// The comma-separated items of an array or object up to `close`, the reader on the opening
    /// bracket; `item` reads one item.
    fn items<T>(
        &mut self,
        depth: usize,
        close: u8,
        missing: &'static str,
        mut item: impl FnMut(&mut Self) -> Result<T, JsonError>,
    ) -> Result<Vec<T>, JsonError> {
        if depth > MAX_DEPTH {
            return Err(self.error("嵌套层数过多"));
        }
        self.pos += 1;
        let mut items = Vec::new();
        self.skip_space();
        if self.peek() == Some(close) {
            self.pos += 1;
            return Ok(items);
        }
        loop {
            items.push(item(self)?);
            self.skip_space();
            match self.peek() {
                Some(b',') => self.pos += 1,
                Some(c) if c == close => {
                    self.pos += 1;
                    return Ok(items);
                }
                _ => return Err(self.error(missing)),
            }
        }
    }

    fn number(&mut self) -> Result<Json, JsonError> {
        let start = self.pos;
        let bytes = self.text.as_bytes();
        let digits = |pos: &mut usize| {
            let from = *pos;
            while bytes.get(*pos).is_some_and(u8::is_ascii_digit) {
                *pos += 1;
            }
            *pos - from
        };
        let mut pos = self.pos;
        if bytes[pos] == b'-' {
            pos += 1;
        }
        let int_start = pos;
        let int_digits = digits(&mut pos);
        let malformed = int_digits == 0 || (int_digits > 1 && bytes[int_start] == b'0');
        if bytes.get(pos) == Some(&b'.') {
            pos += 1;
            if digits(&mut pos) == 0 {
                self.pos = pos;
                return Err(self.error("数字格式不对"));
            }
        }
        if matches!(bytes.get(pos), Some(b'e' | b'E')) {
            pos += 1;
            if matches!(bytes.get(pos), Some(b'+' | b'-')) {
                pos += 1;
            }
            if digits(&mut pos) == 0 {
                self.pos = pos;
                return Err(self.error("数字格式不对"));
            }
        }
        if malformed {
            self.pos = int_start;
            return Err(self.error("数字格式不对"));
        }
        self.pos = pos;
        Ok(Json::Number(self.text[start..pos].to_string()))
    }

    /// A string literal, the reader on its opening quote.
    fn string(&mut self) -> Result<String, JsonError> {
        self.pos += 1;
        let mut out = String::new();
        loop {
            let run = self.pos;
            while matches!(self.peek(), Some(b) if b != b'"' && b != b'\\' && b >= 0x20) {
                self.pos += 1;
            }
            out.push_str(&self.text[run..self.pos]);
            match self.peek() {
                Some(b'"') => {
                    self.pos += 1;
                    return Ok(out);
                }
                Some(b'\\') => {
                    self.pos += 1;
                    let escaped = match self.peek() {
                        Some(b'"') => '"',
                        Some(b'\\') => '\\',
                        Some(b'/') => '/',
                        Some(b'b') => '\u{8}',
                        Some(b'f') => '\u{c}',
                        Some(b'n') => '\n',
                        Some(b'r') => '\r',
                        Some(b't') => '\t',
                        Some(b'u') => {
                            self.pos += 1;
                            out.push(self.unicode_escape()?);
                            continue;
                        }
                        _ => return Err(self.error("无效的转义字符")),
                    };
                    self.pos += 1;
                    out.push(escaped);
                }
                Some(_) => return Err(self.error("文字中有未转义的控制字符")),
                None => return Err(self.error("文字缺少结尾的双引号")),
            }
        }
    }

    /// The character of a `\uXXXX` escape (two of them for a surrogate pair), the reader after `\u`.
    fn unicode_escape(&mut self) -> Result<char, JsonError> {
        let high = self.hex4()?;
        let code = match high {
            0xD800..=0xDBFF => {
                if !self.text[self.pos..].starts_with("\\u") {
                    return Err(self.error("不成对的代理项转义"));
                }
                self.pos += 2;
                let low = self.hex4()?;
                if !(0xDC00..=0xDFFF).contains(&low) {
                    return Err(self.error("不成对的代理项转义"));
                }
                0x10000 + ((high - 0xD800) << 10) + (low - 0xDC00)
            }
            0xDC00..=0xDFFF => return Err(self.error("不成对的代理项转义")),
            code => code,
        };
        char::from_u32(code).ok_or_else(|| self.error("无效的转义字符"))
    }

    fn hex4(&mut self) -> Result<u32, JsonError> {
        let digits = self.text.get(self.pos..self.pos + 4).filter(|d| d.bytes().all(|b| b.is_ascii_hexdigit()));
        let code = digits.and_then(|d| u32::from_str_radix(d, 16).ok()).ok_or_else(|| self.error("无效的 \\u 转义"))?;
        self.pos += 4;
        Ok(code)
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    fn s(text: &str) -> Json {
        Json::String(text.into())
    }

    #[test]
    fn reads_every_kind_of_value_in_file_order() {
        let value =
            parse(r#" {"b": [1, -0.5e+3, true, false, null], "a": "x\"\\\/\n\u00e9\ud83d\ude00", "b": {}} "#).unwrap();
        let Json::Object(members) = &value else { panic!("an object") };
        assert_eq!(members.iter().map(|(n, _)| n.as_str()).collect::<Vec<_>>(), ["b", "a", "b"]);
        assert_eq!(
            members[0].1,
            Json::Array(vec![
                Json::Number("1".into()),
                Json::Number("-0.5e+3".into()),
                Json::Bool(true),
                Json::Bool(false),
                Json::Null
            ])
        );
        assert_eq!(value.get("a"), Some(&s("x\"\\/\né😀")));
        assert_eq!(value.get("b"), Some(&Json::Object(vec![])), "the last of a repeated name wins");
        assert_eq!(value.get("c"), None);
    }

    #[test]
    fn numbers_keep_their_text() {
        assert_eq!(parse("1.50").unwrap(), Json::Number("1.50".into()));
        assert_eq!(parse("12345678901234567890123").unwrap(), Json::Number("12345678901234567890123".into()));
    }

    #[test]
    fn refuses_what_is_not_json_and_says_where() {
        for bad in [
            "",
            "{",
            "{\"a\" 1}",
            "{\"a\":1,}",
            "[1 2]",
            "[1,]",
            "01",
            "1.",
            ".5",
            "-",
            "1e",
            "+1",
            "'a'",
            "tru",
            "\"a",
            "\"\\x\"",
            "\"\\u12\"",
            "\"\\ud800\"",
            "\"\\udc00\"",
            "\"a\tb\"",
            "{} {}",
            "NaN",
            "{a:1}",
        ] {
            assert!(parse(bad).is_err(), "{bad:?} is not JSON");
        }
        let error = parse("{\n  \"a\": 1\n  \"b\": 2\n}").unwrap_err();
        assert_eq!((error.line, error.column), (3, 3));
        assert_eq!(error.to_string(), "第 3 行第 3 列：缺少逗号或 }");
    }

    #[test]
    fn deep_nesting_is_refused_not_overflowed() {
        let deep = "[".repeat(100_000);
        assert_eq!(parse(&deep).unwrap_err().reason, "嵌套层数过多");
        let fine = format!("{}{}", "[".repeat(MAX_DEPTH), "]".repeat(MAX_DEPTH));
        assert!(parse(&fine).is_ok());
    }

    #[test]
    fn quoted_text_reads_back_as_itself() {
        let text = "甲\"\\/\n\r\t\u{1}\u{1f}\u{7f}😀";
        let mut out = String::new();
        quote(&mut out, text);
        assert_eq!(out, "\"甲\\\"\\\\/\\n\\r\\t\\u0001\\u001f\u{7f}😀\"");
        assert_eq!(parse(&out).unwrap(), s(text));
    }
}
