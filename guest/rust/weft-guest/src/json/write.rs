//! The serializer: `Display` for [`Json`] writes compact JSON.

use std::fmt::{self, Write};

use super::Json;

impl fmt::Display for Json {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        match self {
            Json::Null => f.write_str("null"),
            Json::Bool(b) => write!(f, "{b}"),
            Json::Number(x) => write_number(f, *x),
            Json::String(s) => write_string(f, s),
            Json::Array(items) => {
                f.write_char('[')?;
                for (i, item) in items.iter().enumerate() {
                    if i > 0 {
                        f.write_char(',')?;
                    }
                    item.fmt(f)?;
                }
                f.write_char(']')
            }
            Json::Object(members) => {
                f.write_char('{')?;
                for (i, (key, value)) in members.iter().enumerate() {
                    if i > 0 {
                        f.write_char(',')?;
                    }
                    write_string(f, key)?;
                    f.write_char(':')?;
                    value.fmt(f)?;
                }
                f.write_char('}')
            }
        }
    }
}

/// Rust's float formatting writes the shortest digits that parse back to the same `f64`, so
/// numbers round-trip exactly. `{}` never uses an exponent (1e300 would take 301 characters),
/// so outside JavaScript's plain-notation range we write `{:e}` (`1e300`, `5e-324`), which is
/// also valid JSON. JSON has no NaN or infinity: they become `null`, as in JavaScript.
fn write_number(f: &mut fmt::Formatter<'_>, x: f64) -> fmt::Result {
    if !x.is_finite() {
        f.write_str("null")
    } else if x == 0.0 || (1e-7..1e21).contains(&x.abs()) {
        write!(f, "{x}")
    } else {
        write!(f, "{x:e}")
    }
}

fn write_string(f: &mut fmt::Formatter<'_>, s: &str) -> fmt::Result {
    f.write_char('"')?;
    // Write unescaped runs whole; every byte that needs escaping is ASCII, so the runs are
    // whole UTF-8 characters.
    let mut run_start = 0;
    for (i, byte) in s.bytes().enumerate() {
        let escape = match byte {
            b'"' => "\\\"",
            b'\\' => "\\\\",
            b'\n' => "\\n",
            b'\r' => "\\r",
            b'\t' => "\\t",
            0x08 => "\\b",
            0x0c => "\\f",
            0x00..=0x1f => "", // other control characters: \u00XX below
            _ => continue,
        };
        f.write_str(&s[run_start..i])?;
        if escape.is_empty() {
            write!(f, "\\u{byte:04x}")?;
        } else {
            f.write_str(escape)?;
        }
        run_start = i + 1;
    }
    f.write_str(&s[run_start..])?;
    f.write_char('"')
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn scalars() {
        assert_eq!(Json::Null.to_string(), "null");
        assert_eq!(Json::Bool(false).to_string(), "false");
        assert_eq!(Json::from(-3).to_string(), "-3");
        assert_eq!(Json::from(0.1 + 0.2).to_string(), "0.30000000000000004");
    }

    #[test]
    fn numbers_choose_plain_or_exponent_notation() {
        for (x, text) in [
            (0.0, "0"),
            (-0.0, "-0"),
            (1.0, "1"),
            (1e20, "100000000000000000000"),
            (1e21, "1e21"),
            (-1.5e300, "-1.5e300"),
            (f64::MAX, "1.7976931348623157e308"),
            (1e-7, "0.0000001"),
            (1.5e-8, "1.5e-8"),
            (5e-324, "5e-324"),
            (249252.8425196466, "249252.8425196466"),
        ] {
            assert_eq!(Json::from(x).to_string(), text);
        }
    }

    #[test]
    fn non_finite_numbers_are_null() {
        let doc = Json::array([f64::NAN, f64::INFINITY, f64::NEG_INFINITY]);
        assert_eq!(doc.to_string(), "[null,null,null]");
    }

    #[test]
    fn strings_are_escaped() {
        let s = "q\"b\\s/n\nr\rt\tb\u{8}f\u{c}nul\0us\u{1f}del\u{7f}é😀\u{2028}";
        assert_eq!(
            Json::from(s).to_string(),
            r#""q\"b\\s/n\nr\rt\tb\bf\fnul\u0000us\u001fdel"#.to_owned() + "\u{7f}é😀\u{2028}\""
        );
        assert_eq!(Json::parse(Json::from(s).to_string()), Ok(Json::from(s)));
    }

    #[test]
    fn nested_values() {
        let doc = Json::object([("a b", Json::array([Json::object::<&str>([]), Json::Array(vec![])])), ("\n", 1.into())]);
        assert_eq!(doc.to_string(), r#"{"a b":[{},[]],"\n":1}"#);
    }

    /// Serializing and parsing again gives the very same bits, for numbers of every magnitude.
    #[test]
    fn numbers_round_trip_exactly() {
        let mut state: u64 = 0x9E37_79B9_7F4A_7C15;
        let mut checked = 0;
        while checked < 100_000 {
            // xorshift64: arbitrary bit patterns, so every exponent and subnormals are covered.
            state ^= state << 13;
            state ^= state >> 7;
            state ^= state << 17;
            let x = f64::from_bits(state);
            if !x.is_finite() {
                continue;
            }
            let text = Json::from(x).to_string();
            let back = Json::parse(&text).unwrap().as_f64().unwrap();
            assert_eq!(back.to_bits(), x.to_bits(), "{x:e} was written as {text}");
            checked += 1;
        }
    }

    #[test]
    fn documents_round_trip() {
        let text = r#"{"id":17,"tags":["a","\u0000","😀"],"nested":{"empty":[],"obj":{}},"pi":3.141592653589793,"neg":-2.5e-10,"t":true,"n":null}"#;
        let doc = Json::parse(text).unwrap();
        assert_eq!(doc.to_string(), text);
        assert_eq!(Json::parse(doc.to_string()), Ok(doc));
    }
}
