//! A small, strict JSON (RFC 8259) value type with a parser and a serializer.
//!
//! ```
//! use weft_guest::json::Json;
//!
//! let input = Json::parse(r#"{"name":"ada","scores":[3,4.5]}"#).unwrap();
//! let total: f64 = input.get("scores").and_then(Json::as_array).unwrap()
//!     .iter().filter_map(Json::as_f64).sum();
//!
//! let output = Json::object([("name", input.get("name").cloned().into()), ("total", total.into())]);
//! assert_eq!(output.to_string(), r#"{"name":"ada","total":7.5}"#);
//! ```
//!
//! Numbers are `f64`, as in JavaScript: integers beyond ±2^53 lose precision.

mod parse;
mod write;

pub use parse::ParseError;

/// A JSON value. Objects keep their keys in order, duplicates included.
///
/// `Display` (and so `to_string()`) writes compact JSON; [`Json::parse`] reads it back.
#[derive(Clone, Debug, Default, PartialEq)]
pub enum Json {
    #[default]
    Null,
    Bool(bool),
    Number(f64),
    String(String),
    Array(Vec<Json>),
    Object(Vec<(String, Json)>),
}

impl Json {
    /// Parses one JSON value from UTF-8 text, with nothing but whitespace around it.
    ///
    /// ```
    /// use weft_guest::json::Json;
    /// assert_eq!(Json::parse(" [true, null] "), Ok(Json::array([Json::Bool(true), Json::Null])));
    /// assert_eq!(Json::parse("[1] x").unwrap_err().to_string(),
    ///            "invalid JSON at byte 4: unexpected characters after the value");
    /// ```
    pub fn parse(input: impl AsRef<[u8]>) -> Result<Json, ParseError> {
        parse::parse(input.as_ref())
    }

    /// An object with these members, in this order.
    ///
    /// ```
    /// use weft_guest::json::Json;
    /// let point = Json::object([("x", 1.into()), ("y", Json::Null)]);
    /// assert_eq!(point.to_string(), r#"{"x":1,"y":null}"#);
    /// ```
    pub fn object<K: Into<String>>(members: impl IntoIterator<Item = (K, Json)>) -> Json {
        Json::Object(members.into_iter().map(|(k, v)| (k.into(), v)).collect())
    }

    /// An array of these items.
    ///
    /// ```
    /// use weft_guest::json::Json;
    /// assert_eq!(Json::array(["a", "b"]).to_string(), r#"["a","b"]"#);
    /// ```
    pub fn array<T: Into<Json>>(items: impl IntoIterator<Item = T>) -> Json {
        Json::Array(items.into_iter().map(Into::into).collect())
    }

    /// The member `key` of an object; with duplicate keys the last one, as in JavaScript.
    /// `None` when absent or when this is not an object.
    ///
    /// ```
    /// use weft_guest::json::Json;
    /// let doc = Json::parse(r#"{"n": 3}"#).unwrap();
    /// assert_eq!(doc.get("n").and_then(Json::as_f64), Some(3.0));
    /// assert_eq!(doc.get("m"), None);
    /// ```
    pub fn get(&self, key: &str) -> Option<&Json> {
        let members = self.as_object()?;
        members.iter().rev().find(|(k, _)| k == key).map(|(_, v)| v)
    }

    pub fn is_null(&self) -> bool {
        matches!(self, Json::Null)
    }

    pub fn as_bool(&self) -> Option<bool> {
        match *self {
            Json::Bool(b) => Some(b),
            _ => None,
        }
    }

    pub fn as_f64(&self) -> Option<f64> {
        match *self {
            Json::Number(x) => Some(x),
            _ => None,
        }
    }

    /// The number as an `i64` when it is one exactly (integral and in range).
    ///
    /// ```
    /// use weft_guest::json::Json;
    /// assert_eq!(Json::from(42).as_i64(), Some(42));
    /// assert_eq!(Json::from(4.2).as_i64(), None);
    /// ```
    pub fn as_i64(&self) -> Option<i64> {
        // 2^63 is exactly representable; every integral f64 in [-2^63, 2^63) fits an i64.
        const LIMIT: f64 = 9_223_372_036_854_775_808.0;
        let x = self.as_f64()?;
        (x.fract() == 0.0 && (-LIMIT..LIMIT).contains(&x)).then_some(x as i64)
    }

    pub fn as_str(&self) -> Option<&str> {
        match self {
            Json::String(s) => Some(s),
            _ => None,
        }
    }

    pub fn as_array(&self) -> Option<&[Json]> {
        match self {
            Json::Array(items) => Some(items),
            _ => None,
        }
    }

    pub fn as_object(&self) -> Option<&[(String, Json)]> {
        match self {
            Json::Object(members) => Some(members),
            _ => None,
        }
    }
}

impl From<bool> for Json {
    fn from(b: bool) -> Json {
        Json::Bool(b)
    }
}

/// Numbers; 64-bit integers beyond ±2^53 are rounded to the nearest `f64`.
macro_rules! from_number {
    ($($ty:ty),*) => {$(
        impl From<$ty> for Json {
            fn from(x: $ty) -> Json {
                Json::Number(x as f64)
            }
        }
    )*};
}

from_number!(f64, f32, i32, u32, i64, u64, usize);

impl From<&str> for Json {
    fn from(s: &str) -> Json {
        Json::String(s.to_owned())
    }
}

impl From<String> for Json {
    fn from(s: String) -> Json {
        Json::String(s)
    }
}

impl<T: Into<Json>> From<Vec<T>> for Json {
    fn from(items: Vec<T>) -> Json {
        Json::array(items)
    }
}

/// `None` is `null`.
impl<T: Into<Json>> From<Option<T>> for Json {
    fn from(value: Option<T>) -> Json {
        value.map_or(Json::Null, Into::into)
    }
}

/// Collects an array.
impl<T: Into<Json>> FromIterator<T> for Json {
    fn from_iter<I: IntoIterator<Item = T>>(items: I) -> Json {
        Json::array(items)
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn accessors() {
        let doc = Json::parse(r#"{"a":[1,"x",true,null],"b":{"c":-0.5}}"#).unwrap();
        let a = doc.get("a").and_then(Json::as_array).unwrap();
        assert_eq!(a[0].as_f64(), Some(1.0));
        assert_eq!(a[1].as_str(), Some("x"));
        assert_eq!(a[2].as_bool(), Some(true));
        assert!(a[3].is_null());
        assert_eq!(doc.get("b").and_then(|b| b.get("c")).and_then(Json::as_f64), Some(-0.5));
        assert_eq!(a[1].as_f64(), None);
        assert_eq!(a[0].get("a"), None);
        assert_eq!(doc.as_object().map(|m| m.len()), Some(2));
    }

    #[test]
    fn last_duplicate_key_wins() {
        assert_eq!(Json::parse(r#"{"k":1,"k":2}"#).unwrap().get("k"), Some(&Json::Number(2.0)));
    }

    #[test]
    fn as_i64_only_for_exact_integers() {
        assert_eq!(Json::from(-7).as_i64(), Some(-7));
        assert_eq!(Json::from(-(2f64.powi(63))).as_i64(), Some(i64::MIN));
        assert_eq!(Json::from(2f64.powi(63)).as_i64(), None);
        assert_eq!(Json::from(f64::NAN).as_i64(), None);
        assert_eq!(Json::from(0.5).as_i64(), None);
        assert_eq!(Json::from("1").as_i64(), None);
    }

    #[test]
    fn builders_and_conversions() {
        let doc = Json::object([
            ("flag", true.into()),
            ("count", 3usize.into()),
            ("name", "weft".into()),
            ("tags", vec!["a", "b"].into()),
            ("none", None::<i32>.into()),
            ("some", Some(1.5f32).into()),
            ("squares", (1..4).map(|i| i * i).collect()),
        ]);
        assert_eq!(
            doc.to_string(),
            r#"{"flag":true,"count":3,"name":"weft","tags":["a","b"],"none":null,"some":1.5,"squares":[1,4,9]}"#
        );
    }
}
