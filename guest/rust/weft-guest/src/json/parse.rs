//! A strict recursive-descent JSON parser.

use std::fmt;

use super::Json;

/// Arrays and objects nested deeper than this are refused, so that hostile input cannot
/// exhaust the (small, fixed) wasm stack.
const MAX_DEPTH: usize = 128;

/// Why and where [`Json::parse`] gave up.
#[derive(Clone, Debug, PartialEq, Eq)]
pub struct ParseError {
    position: usize,
    reason: &'static str,
}

impl ParseError {
    /// The byte offset in the input where the problem was found.
    pub fn position(&self) -> usize {
        self.position
    }

    /// What is wrong, e.g. `expected ',' or ']'`.
    pub fn reason(&self) -> &'static str {
        self.reason
    }
}

impl fmt::Display for ParseError {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        write!(f, "invalid JSON at byte {}: {}", self.position, self.reason)
    }
}

impl std::error::Error for ParseError {}

pub(super) fn parse(input: &[u8]) -> Result<Json, ParseError> {
    let text = std::str::from_utf8(input)
        .map_err(|e| ParseError { position: e.valid_up_to(), reason: "invalid UTF-8" })?;
    let mut parser = Parser { text, bytes: input, pos: 0, depth: 0 };
    let value = parser.value()?;
    parser.skip_whitespace();
    if parser.pos < input.len() {
        return Err(parser.error("unexpected characters after the value"));
    }
    Ok(value)
}

struct Parser<'a> {
    /// The input, known to be UTF-8, so that runs of it can be copied as `&str`.
    text: &'a str,
    bytes: &'a [u8],
    pos: usize,
    depth: usize,
}

impl Parser<'_> {
    fn error(&self, reason: &'static str) -> ParseError {
        self.error_at(self.pos, reason)
    }

    fn error_at(&self, position: usize, reason: &'static str) -> ParseError {
        ParseError { position, reason }
    }

    /// An error for an unexpected byte, or for the input ending too early.
    fn expected(&self, what: &'static str) -> ParseError {
        self.error(if self.pos < self.bytes.len() { what } else { "unexpected end of input" })
    }

    fn peek(&self) -> Option<u8> {
        self.bytes.get(self.pos).copied()
    }

    /// Consumes `byte` if it comes next.
    fn eat(&mut self, byte: u8) -> bool {
        let found = self.peek() == Some(byte);
        if found {
            self.pos += 1;
        }
        found
    }

    fn skip_whitespace(&mut self) {
        while let Some(b' ' | b'\t' | b'\n' | b'\r') = self.peek() {
            self.pos += 1;
        }
    }

    /// A value, after optional whitespace.
    fn value(&mut self) -> Result<Json, ParseError> {
        self.skip_whitespace();
        match self.peek() {
            Some(b'n') => self.literal("null", Json::Null),
            Some(b't') => self.literal("true", Json::Bool(true)),
            Some(b'f') => self.literal("false", Json::Bool(false)),
            Some(b'"') => self.string().map(Json::String),
            Some(b'-' | b'0'..=b'9') => self.number().map(Json::Number),
            Some(b'[') => self.nested(Self::array),
            Some(b'{') => self.nested(Self::object),
            _ => Err(self.expected("expected a value")),
        }
    }

    fn literal(&mut self, word: &'static str, value: Json) -> Result<Json, ParseError> {
        let rest = &self.bytes[self.pos..];
        if rest.starts_with(word.as_bytes()) {
            self.pos += word.len();
            Ok(value)
        } else if word.as_bytes().starts_with(rest) {
            Err(self.error_at(self.bytes.len(), "unexpected end of input"))
        } else {
            Err(self.error("expected a value"))
        }
    }

    /// Runs `parse` for an array or object one level deeper.
    fn nested(&mut self, parse: fn(&mut Self) -> Result<Json, ParseError>) -> Result<Json, ParseError> {
        if self.depth == MAX_DEPTH {
            return Err(self.error("nesting too deep"));
        }
        self.depth += 1;
        let value = parse(self);
        self.depth -= 1;
        value
    }

    fn array(&mut self) -> Result<Json, ParseError> {
        self.pos += 1; // '['
        let mut items = Vec::new();
        self.skip_whitespace();
        if self.eat(b']') {
            return Ok(Json::Array(items));
        }
        loop {
            items.push(self.value()?);
            self.skip_whitespace();
            if self.eat(b']') {
                return Ok(Json::Array(items));
            }
            if !self.eat(b',') {
                return Err(self.expected("expected ',' or ']'"));
            }
        }
    }

    fn object(&mut self) -> Result<Json, ParseError> {
        self.pos += 1; // '{'
        let mut members = Vec::new();
        self.skip_whitespace();
        if self.eat(b'}') {
            return Ok(Json::Object(members));
        }
        loop {
            self.skip_whitespace();
            if self.peek() != Some(b'"') {
                return Err(self.expected("expected a string key"));
            }
            let key = self.string()?;
            self.skip_whitespace();
            if !self.eat(b':') {
                return Err(self.expected("expected ':'"));
            }
            members.push((key, self.value()?));
            self.skip_whitespace();
            if self.eat(b'}') {
                return Ok(Json::Object(members));
            }
            if !self.eat(b',') {
                return Err(self.expected("expected ',' or '}'"));
            }
        }
    }

    /// `-? (0 | [1-9][0-9]*) (. [0-9]+)? ([eE] [+-]? [0-9]+)?`, checked here because Rust's
    /// `f64` parser accepts more (`+1`, `.5`, `1.`, `inf`, `NaN`).
    fn number(&mut self) -> Result<f64, ParseError> {
        let start = self.pos;
        self.eat(b'-');
        match self.peek() {
            Some(b'0') => {
                self.pos += 1;
                if let Some(b'0'..=b'9') = self.peek() {
                    return Err(self.error_at(start, "invalid number: leading zero"));
                }
            }
            Some(b'1'..=b'9') => self.digits(),
            _ => return Err(self.expected("invalid number: expected a digit")),
        }
        if self.eat(b'.') {
            self.required_digits("invalid number: expected a digit after '.'")?;
        }
        if self.eat(b'e') || self.eat(b'E') {
            if !self.eat(b'+') {
                self.eat(b'-');
            }
            self.required_digits("invalid number: expected a digit in the exponent")?;
        }
        // Rust's parser rounds correctly, so the value is the f64 nearest the decimal.
        let x: f64 = self.text[start..self.pos].parse().expect("the grammar was checked");
        if x.is_infinite() {
            return Err(self.error_at(start, "number out of range"));
        }
        Ok(x)
    }

    fn digits(&mut self) {
        while let Some(b'0'..=b'9') = self.peek() {
            self.pos += 1;
        }
    }

    fn required_digits(&mut self, reason: &'static str) -> Result<(), ParseError> {
        if !matches!(self.peek(), Some(b'0'..=b'9')) {
            return Err(self.expected(reason));
        }
        self.digits();
        Ok(())
    }

    fn string(&mut self) -> Result<String, ParseError> {
        self.pos += 1; // '"'
        let mut out = String::new();
        loop {
            // Copy the run up to the next quote, backslash or control character in one go.
            // It ends at an ASCII byte (or the end), so it is whole UTF-8 characters.
            let run = self.bytes[self.pos..]
                .iter()
                .position(|&b| b == b'"' || b == b'\\' || b < 0x20)
                .unwrap_or(self.bytes.len() - self.pos);
            out.push_str(&self.text[self.pos..self.pos + run]);
            self.pos += run;
            match self.peek() {
                Some(b'"') => {
                    self.pos += 1;
                    return Ok(out);
                }
                Some(b'\\') => out.push(self.escape()?),
                Some(_) => return Err(self.error("control character in string (must be escaped)")),
                None => return Err(self.error("unterminated string")),
            }
        }
    }

    /// One escape sequence, starting at its backslash.
    fn escape(&mut self) -> Result<char, ParseError> {
        let start = self.pos;
        self.pos += 1; // '\\'
        let Some(byte) = self.peek() else { return Err(self.error("unterminated string")) };
        self.pos += 1;
        Ok(match byte {
            b'"' => '"',
            b'\\' => '\\',
            b'/' => '/',
            b'b' => '\u{8}',
            b'f' => '\u{c}',
            b'n' => '\n',
            b'r' => '\r',
            b't' => '\t',
            b'u' => return self.unicode_escape(start),
            _ => return Err(self.error_at(start, "invalid escape")),
        })
    }

    /// The rest of a `\uXXXX` escape that began at `start`: a character of the Basic
    /// Multilingual Plane, or a UTF-16 surrogate pair `\uD83D\uDE00` for the others.
    fn unicode_escape(&mut self, start: usize) -> Result<char, ParseError> {
        let unpaired = self.error_at(start, "unpaired UTF-16 surrogate in \\u escape");
        let unit = self.hex4()?;
        let code = match unit {
            0xD800..=0xDBFF => {
                if !self.bytes[self.pos..].starts_with(b"\\u") {
                    return Err(unpaired);
                }
                self.pos += 2;
                let low = self.hex4()?;
                if !(0xDC00..=0xDFFF).contains(&low) {
                    return Err(unpaired);
                }
                0x10000 + ((unit - 0xD800) << 10) + (low - 0xDC00)
            }
            0xDC00..=0xDFFF => return Err(unpaired),
            _ => unit,
        };
        Ok(char::from_u32(code).expect("surrogates were excluded"))
    }

    /// Four hex digits (not `u32::from_str_radix`, which would also take a sign).
    fn hex4(&mut self) -> Result<u32, ParseError> {
        let mut unit = 0;
        for _ in 0..4 {
            let digit = self.peek().and_then(|b| char::from(b).to_digit(16));
            let Some(digit) = digit else { return Err(self.expected("invalid \\u escape")) };
            unit = unit * 16 + digit;
            self.pos += 1;
        }
        Ok(unit)
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    fn ok(input: &str) -> Json {
        Json::parse(input).unwrap_or_else(|e| panic!("{input:?}: {e}"))
    }

    /// The error as "position: reason".
    fn err(input: impl AsRef<[u8]>) -> String {
        let e = Json::parse(input.as_ref()).expect_err("should be rejected");
        format!("{}: {}", e.position(), e.reason())
    }

    #[test]
    fn literals_and_whitespace() {
        assert_eq!(ok("null"), Json::Null);
        assert_eq!(ok(" \t\r\ntrue\n"), Json::Bool(true));
        assert_eq!(ok("false"), Json::Bool(false));
        assert_eq!(err("nul"), "3: unexpected end of input");
        assert_eq!(err("nulL"), "0: expected a value");
        assert_eq!(err("True"), "0: expected a value");
        assert_eq!(err(""), "0: unexpected end of input");
        assert_eq!(err("   "), "3: unexpected end of input");
        assert_eq!(err("\u{feff}1"), "0: expected a value");
        assert_eq!(err("\u{a0}1"), "0: expected a value");
    }

    #[test]
    fn numbers() {
        for (text, value) in [
            ("0", 0.0),
            ("-0", -0.0),
            ("7", 7.0),
            ("-12.5", -12.5),
            ("1e3", 1000.0),
            ("1E+3", 1000.0),
            ("2.5e-3", 0.0025),
            ("0.1", 0.1),
            ("123456789012345678901234567890", 1.2345678901234568e29),
            ("1.7976931348623157e308", f64::MAX),
            ("5e-324", 5e-324),
            ("1e-400", 0.0),
        ] {
            assert_eq!(ok(text), Json::Number(value), "{text}");
        }
        assert!(ok("-0").as_f64().unwrap().is_sign_negative());
    }

    #[test]
    fn invalid_numbers() {
        assert_eq!(err("01"), "0: invalid number: leading zero");
        assert_eq!(err("-01"), "0: invalid number: leading zero");
        assert_eq!(err("1."), "2: unexpected end of input");
        assert_eq!(err("1.e3"), "2: invalid number: expected a digit after '.'");
        assert_eq!(err(".5"), "0: expected a value");
        assert_eq!(err("+1"), "0: expected a value");
        assert_eq!(err("-"), "1: unexpected end of input");
        assert_eq!(err("-a"), "1: invalid number: expected a digit");
        assert_eq!(err("1e"), "2: unexpected end of input");
        assert_eq!(err("1e+"), "3: unexpected end of input");
        assert_eq!(err("1ex"), "2: invalid number: expected a digit in the exponent");
        assert_eq!(err("0x10"), "1: unexpected characters after the value");
        assert_eq!(err("NaN"), "0: expected a value");
        assert_eq!(err("Infinity"), "0: expected a value");
        assert_eq!(err("-Infinity"), "1: invalid number: expected a digit");
        assert_eq!(err("1e400"), "0: number out of range");
        assert_eq!(err("[-1e309]"), "1: number out of range");
    }

    #[test]
    fn strings_and_escapes() {
        assert_eq!(ok(r#""""#), Json::from(""));
        assert_eq!(ok(r#""héllo, wörld 😀""#), Json::from("héllo, wörld 😀"));
        assert_eq!(ok(r#""a\"b\\c\/d\b\f\n\r\t""#), Json::from("a\"b\\c/d\u{8}\u{c}\n\r\t"));
        assert_eq!(ok(r#""\u0041\u00e9\u20AC\u0000""#), Json::from("Aé€\0"));
        assert_eq!(ok(r#""\ud83d\ude00!""#), Json::from("😀!"));
        assert_eq!(ok(r#""\uDBFF\uDFFF""#), Json::from("\u{10FFFF}"));
    }

    #[test]
    fn invalid_strings() {
        assert_eq!(err(r#""abc"#), "4: unterminated string");
        assert_eq!(err(r#""abc\"#), "5: unterminated string");
        assert_eq!(err("\"a\nb\""), "2: control character in string (must be escaped)");
        assert_eq!(err("\"a\tb\""), "2: control character in string (must be escaped)");
        assert_eq!(err(r#""\x41""#), "1: invalid escape");
        assert_eq!(err(r#""\'""#), "1: invalid escape");
        assert_eq!(err(r#""\u12""#), "5: invalid \\u escape");
        assert_eq!(err(r#""\u+123""#), "3: invalid \\u escape");
        assert_eq!(err(r#""\ud83d""#), "1: unpaired UTF-16 surrogate in \\u escape");
        assert_eq!(err(r#""\ud83dx""#), "1: unpaired UTF-16 surrogate in \\u escape");
        assert_eq!(err(r#""\ud83d\u0041""#), "1: unpaired UTF-16 surrogate in \\u escape");
        assert_eq!(err(r#""\ude00""#), "1: unpaired UTF-16 surrogate in \\u escape");
        assert_eq!(err(r#""\ud83d\ud83d""#), "1: unpaired UTF-16 surrogate in \\u escape");
    }

    #[test]
    fn invalid_utf8() {
        assert_eq!(err(b"\"ab\xff\""), "3: invalid UTF-8");
        assert_eq!(err(b"\"\xed\xa0\x80\""), "1: invalid UTF-8"); // an encoded surrogate
    }

    #[test]
    fn arrays_and_objects() {
        assert_eq!(ok("[]"), Json::Array(vec![]));
        assert_eq!(ok(" [ 1 , [ ] , { } ] "), Json::Array(vec![1.into(), Json::Array(vec![]), Json::Object(vec![])]));
        let doc = ok(r#"{"z":1,"a":{"b":[null]},"m":"x"}"#);
        let keys: Vec<&str> = doc.as_object().unwrap().iter().map(|(k, _)| k.as_str()).collect();
        assert_eq!(keys, ["z", "a", "m"]);
        assert_eq!(doc.get("a").unwrap().get("b"), Some(&Json::Array(vec![Json::Null])));
    }

    #[test]
    fn invalid_arrays_and_objects() {
        assert_eq!(err("[1,]"), "3: expected a value");
        assert_eq!(err("[1 2]"), "3: expected ',' or ']'");
        assert_eq!(err("[1"), "2: unexpected end of input");
        assert_eq!(err("[,1]"), "1: expected a value");
        assert_eq!(err("]"), "0: expected a value");
        assert_eq!(err(r#"{"a":1,}"#), "7: expected a string key");
        assert_eq!(err(r#"{a:1}"#), "1: expected a string key");
        assert_eq!(err(r#"{"a" 1}"#), "5: expected ':'");
        assert_eq!(err(r#"{"a":}"#), "5: expected a value");
        assert_eq!(err(r#"{"a":1 "b":2}"#), "7: expected ',' or '}'");
        assert_eq!(err(r#"{"a":1"#), "6: unexpected end of input");
        assert_eq!(err("{"), "1: unexpected end of input");
    }

    #[test]
    fn trailing_garbage() {
        assert_eq!(err("1 2"), "2: unexpected characters after the value");
        assert_eq!(err("{}}"), "2: unexpected characters after the value");
        assert_eq!(err("null\0"), "4: unexpected characters after the value");
    }

    #[test]
    fn nesting_limit() {
        let deep = |n: usize| format!("{}{}", "[".repeat(n), "]".repeat(n));
        assert!(Json::parse(deep(MAX_DEPTH)).is_ok());
        assert_eq!(err(deep(MAX_DEPTH + 1)), format!("{MAX_DEPTH}: nesting too deep"));
        assert_eq!(err(r#"{"a":"#.repeat(200)), format!("{}: nesting too deep", 5 * MAX_DEPTH));
    }
}
