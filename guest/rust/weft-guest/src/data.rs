//! Databases and key-value stores, through the host's data imports (`docs/guest-abi.md`, "Data").
//!
//! A module reaches only what configuration grants it: `weft.wasm.modules.<m>.kv-stores` and
//! `weft.wasm.modules.<m>.databases`. Everything else (a missing grant, a database error, a
//! result past the module's limits) comes back as a [`DataError`], never a trap.
//!
//! ```no_run
//! use weft_guest::data::{Database, KvStore, Value};
//!
//! # fn main() -> Result<(), weft_guest::data::DataError> {
//! let visits = KvStore::open("visits").increment("home", 1)?;
//! let orders = Database::open("orders");
//! let rows = orders.query("SELECT id, item FROM orders WHERE quantity >= ?", &[Value::from(2)])?;
//! for row in rows.iter() {
//!     let id = row.get("id").and_then(Value::as_i64);
//!     let item = row.get("item").and_then(Value::as_str);
//! }
//! # Ok(()) }
//! ```

use std::fmt;

use crate::host::Failure;
use crate::sys;

/// What kind of failure a data call met.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub enum DataErrorKind {
    /// The store or database is not granted to this module, or does not exist.
    NotGranted,
    /// An argument the host refused: a key too long, a value too large, malformed parameters.
    Invalid,
    /// The database failed: bad SQL, a constraint, a timeout, a cancelled statement.
    Database,
    /// The result passed the module's `db-max-rows` or `db-max-bytes`.
    TooLarge,
    /// A code this version of the crate does not know.
    Other(i32),
}

/// A failed data call: its kind and the host's message (also in the server log).
#[derive(Clone, Debug, PartialEq, Eq)]
pub struct DataError {
    pub kind: DataErrorKind,
    pub message: String,
}

impl fmt::Display for DataError {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        write!(f, "{:?}: {}", self.kind, self.message)
    }
}

impl std::error::Error for DataError {}

/// A data error ends the request with a 500 carrying its message, when a handler uses `?`.
impl From<DataError> for Failure {
    fn from(error: DataError) -> Self {
        Failure::new(500, error.message)
    }
}

/// A value crossing to or from the database.
#[derive(Clone, Debug, PartialEq)]
pub enum Value {
    Null,
    Int(i64),
    Float(f64),
    Text(String),
    Bytes(Vec<u8>),
}

impl Value {
    pub fn as_i64(&self) -> Option<i64> {
        match self {
            Value::Int(x) => Some(*x),
            _ => None,
        }
    }

    /// Integers too, as `f64`.
    pub fn as_f64(&self) -> Option<f64> {
        match self {
            Value::Float(x) => Some(*x),
            Value::Int(x) => Some(*x as f64),
            _ => None,
        }
    }

    pub fn as_str(&self) -> Option<&str> {
        match self {
            Value::Text(s) => Some(s),
            _ => None,
        }
    }

    pub fn as_bytes(&self) -> Option<&[u8]> {
        match self {
            Value::Bytes(b) => Some(b),
            Value::Text(s) => Some(s.as_bytes()),
            _ => None,
        }
    }

    pub fn is_null(&self) -> bool {
        matches!(self, Value::Null)
    }
}

impl From<i64> for Value {
    fn from(x: i64) -> Self {
        Value::Int(x)
    }
}

impl From<i32> for Value {
    fn from(x: i32) -> Self {
        Value::Int(i64::from(x))
    }
}

impl From<f64> for Value {
    fn from(x: f64) -> Self {
        Value::Float(x)
    }
}

impl From<&str> for Value {
    fn from(s: &str) -> Self {
        Value::Text(s.to_owned())
    }
}

impl From<String> for Value {
    fn from(s: String) -> Self {
        Value::Text(s)
    }
}

impl From<&[u8]> for Value {
    fn from(b: &[u8]) -> Self {
        Value::Bytes(b.to_vec())
    }
}

impl<T: Into<Value>> From<Option<T>> for Value {
    fn from(x: Option<T>) -> Self {
        x.map_or(Value::Null, Into::into)
    }
}

/// A named key-value store (`weft.kv-stores.<name>`). Keys are 1 to 256 bytes of UTF-8, values at
/// most 1 MiB; each operation is atomic on its own.
#[derive(Clone, Debug)]
pub struct KvStore {
    name: String,
}

impl KvStore {
    /// The store of that name; whether it is granted shows at the first call.
    pub fn open(name: &str) -> Self {
        KvStore { name: name.to_owned() }
    }

    /// The value at `key`, or `None`. A counter reads as its decimal text.
    pub fn get(&self, key: &str) -> Result<Option<Vec<u8>>, DataError> {
        // SAFETY: pointers and lengths describe live strings.
        let code = unsafe { sys::kv_get(self.name.as_ptr(), self.name.len(), key.as_ptr(), key.len()) };
        if code == -1 {
            return Ok(None);
        }
        checked(code).map(|len| Some(take_result(len)))
    }

    pub fn set(&self, key: &str, value: &[u8]) -> Result<(), DataError> {
        // SAFETY: pointers and lengths describe live values.
        let code = unsafe {
            sys::kv_set(self.name.as_ptr(), self.name.len(), key.as_ptr(), key.len(), value.as_ptr(), value.len())
        };
        checked(code).map(|_| ())
    }

    /// Whether the key was there.
    pub fn delete(&self, key: &str) -> Result<bool, DataError> {
        // SAFETY: pointers and lengths describe live strings.
        let code = unsafe { sys::kv_delete(self.name.as_ptr(), self.name.len(), key.as_ptr(), key.len()) };
        checked(code).map(|n| n == 1)
    }

    pub fn exists(&self, key: &str) -> Result<bool, DataError> {
        // SAFETY: pointers and lengths describe live strings.
        let code = unsafe { sys::kv_exists(self.name.as_ptr(), self.name.len(), key.as_ptr(), key.len()) };
        checked(code).map(|n| n == 1)
    }

    /// Adds `delta` to the counter at `key` (absent is 0), atomically, and returns the new value.
    pub fn increment(&self, key: &str, delta: i64) -> Result<i64, DataError> {
        let mut value: i64 = 0;
        // SAFETY: pointers and lengths describe live strings; `value` outlives the call.
        let code = unsafe {
            sys::kv_increment(self.name.as_ptr(), self.name.len(), key.as_ptr(), key.len(), delta, &mut value)
        };
        checked(code).map(|_| value)
    }

    /// The keys starting with `prefix`, in byte order, at most `limit` (the host caps it at 1000).
    pub fn keys(&self, prefix: &str, limit: u32) -> Result<Vec<String>, DataError> {
        let limit = i32::try_from(limit).unwrap_or(i32::MAX);
        // SAFETY: pointers and lengths describe live strings.
        let code = unsafe { sys::kv_keys(self.name.as_ptr(), self.name.len(), prefix.as_ptr(), prefix.len(), limit) };
        let bytes = take_result(checked(code)?);
        let mut reader = Reader::new(&bytes);
        let count = reader.u32()?;
        (0..count).map(|_| reader.text()).collect()
    }
}

/// A named data source (`weft.datasources.<name>`), for SQL with positional `?` parameters:
/// values are always bound, never pasted into the SQL text.
#[derive(Clone, Debug)]
pub struct Database {
    name: String,
}

impl Database {
    /// The database of that name; whether it is granted shows at the first call.
    pub fn open(name: &str) -> Self {
        Database { name: name.to_owned() }
    }

    /// Runs a query and returns all its rows (bounded by the module's `db-max-rows`/`db-max-bytes`).
    pub fn query(&self, sql: &str, params: &[Value]) -> Result<Rows, DataError> {
        let encoded = encode_params(params);
        // SAFETY: pointers and lengths describe live values.
        let code = unsafe {
            sys::sql_query(self.name.as_ptr(), self.name.len(), sql.as_ptr(), sql.len(), encoded.as_ptr(), encoded.len())
        };
        let bytes = take_result(checked(code)?);
        Rows::decode(&bytes)
    }

    /// Runs an insert, update, delete or DDL statement; returns the rows it changed.
    pub fn execute(&self, sql: &str, params: &[Value]) -> Result<u64, DataError> {
        let encoded = encode_params(params);
        let mut changed: i64 = 0;
        // SAFETY: pointers and lengths describe live values; `changed` outlives the call.
        let code = unsafe {
            sys::sql_execute(
                self.name.as_ptr(), self.name.len(), sql.as_ptr(), sql.len(), encoded.as_ptr(), encoded.len(),
                &mut changed,
            )
        };
        checked(code).map(|_| u64::try_from(changed).unwrap_or(0))
    }
}

/// The rows of a query: column names, then values row by row.
#[derive(Clone, Debug, PartialEq)]
pub struct Rows {
    columns: Vec<String>,
    values: Vec<Value>,
}

impl Rows {
    pub fn columns(&self) -> &[String] {
        &self.columns
    }

    pub fn len(&self) -> usize {
        if self.columns.is_empty() { 0 } else { self.values.len() / self.columns.len() }
    }

    pub fn is_empty(&self) -> bool {
        self.len() == 0
    }

    /// The rows in order.
    pub fn iter(&self) -> impl Iterator<Item = Row<'_>> {
        let width = self.columns.len().max(1);
        self.values.chunks(width).map(move |values| Row { columns: &self.columns, values })
    }

    /// The first row, if any: for queries of one row (`SELECT COUNT(*) …`).
    pub fn first(&self) -> Option<Row<'_>> {
        self.iter().next()
    }

    fn decode(bytes: &[u8]) -> Result<Rows, DataError> {
        let mut reader = Reader::new(bytes);
        let width = reader.u32()? as usize;
        let columns = (0..width).map(|_| reader.text()).collect::<Result<Vec<_>, _>>()?;
        let count = reader.u32()? as usize;
        let values = (0..count * width).map(|_| reader.value()).collect::<Result<Vec<_>, _>>()?;
        Ok(Rows { columns, values })
    }
}

/// One row: its values by column name or index.
#[derive(Clone, Copy, Debug)]
pub struct Row<'a> {
    columns: &'a [String],
    values: &'a [Value],
}

impl<'a> Row<'a> {
    /// The value of the column of that name (as the query labelled it).
    pub fn get(&self, column: &str) -> Option<&'a Value> {
        self.columns.iter().position(|c| c == column).map(|i| &self.values[i])
    }

    /// The value of the column at `index`, from 0.
    pub fn at(&self, index: usize) -> Option<&'a Value> {
        self.values.get(index)
    }
}

/// A negative code into an error (with the host's message), a count or length through.
fn checked(code: i32) -> Result<usize, DataError> {
    if code >= 0 {
        return Ok(code as usize);
    }
    let kind = match code {
        -2 => DataErrorKind::NotGranted,
        -3 => DataErrorKind::Invalid,
        -4 => DataErrorKind::Database,
        -5 => DataErrorKind::TooLarge,
        other => DataErrorKind::Other(other),
    };
    // SAFETY: a null buffer of capacity 0 is never written; the host answers the length.
    let len = unsafe { sys::take_result(std::ptr::null_mut(), 0) };
    let message = if len > 0 {
        String::from_utf8_lossy(&take_result(len as usize)).into_owned()
    } else {
        String::from("no message (no data host)")
    };
    Err(DataError { kind, message })
}

/// The bytes the last data call left, of the length it answered.
fn take_result(len: usize) -> Vec<u8> {
    let mut buffer = vec![0u8; len];
    // SAFETY: `buffer` has room for `len` bytes.
    let copied = unsafe { sys::take_result(buffer.as_mut_ptr(), len) };
    if copied < 0 {
        buffer.clear();
    }
    buffer
}

fn encode_params(params: &[Value]) -> Vec<u8> {
    if params.is_empty() {
        return Vec::new();
    }
    let mut out = Vec::with_capacity(16 * params.len());
    out.extend_from_slice(&(params.len() as u32).to_le_bytes());
    for value in params {
        match value {
            Value::Null => out.push(0),
            Value::Int(x) => {
                out.push(1);
                out.extend_from_slice(&x.to_le_bytes());
            }
            Value::Float(x) => {
                out.push(2);
                out.extend_from_slice(&x.to_le_bytes());
            }
            Value::Text(s) => sized(&mut out, 3, s.as_bytes()),
            Value::Bytes(b) => sized(&mut out, 4, b),
        }
    }
    out
}

fn sized(out: &mut Vec<u8>, tag: u8, bytes: &[u8]) {
    out.push(tag);
    out.extend_from_slice(&(bytes.len() as u32).to_le_bytes());
    out.extend_from_slice(bytes);
}

/// Reads the host's little-endian encoding; a short or malformed answer is an `Invalid` error.
struct Reader<'a> {
    bytes: &'a [u8],
    at: usize,
}

impl<'a> Reader<'a> {
    fn new(bytes: &'a [u8]) -> Self {
        Reader { bytes, at: 0 }
    }

    fn take(&mut self, n: usize) -> Result<&'a [u8], DataError> {
        let end = self.at.checked_add(n).filter(|end| *end <= self.bytes.len()).ok_or_else(|| DataError {
            kind: DataErrorKind::Invalid,
            message: String::from("the host's answer ended early"),
        })?;
        let slice = &self.bytes[self.at..end];
        self.at = end;
        Ok(slice)
    }

    fn u32(&mut self) -> Result<u32, DataError> {
        Ok(u32::from_le_bytes(self.take(4)?.try_into().unwrap()))
    }

    fn u64(&mut self) -> Result<u64, DataError> {
        Ok(u64::from_le_bytes(self.take(8)?.try_into().unwrap()))
    }

    fn sized(&mut self) -> Result<&'a [u8], DataError> {
        let len = self.u32()? as usize;
        self.take(len)
    }

    fn text(&mut self) -> Result<String, DataError> {
        Ok(String::from_utf8_lossy(self.sized()?).into_owned())
    }

    fn value(&mut self) -> Result<Value, DataError> {
        Ok(match self.take(1)?[0] {
            0 => Value::Null,
            1 => Value::Int(self.u64()? as i64),
            2 => Value::Float(f64::from_bits(self.u64()?)),
            3 => Value::Text(self.text()?),
            4 => Value::Bytes(self.sized()?.to_vec()),
            tag => {
                return Err(DataError { kind: DataErrorKind::Invalid, message: format!("unknown value tag {tag}") });
            }
        })
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn rows_decode_from_the_host_encoding() {
        let mut bytes = Vec::new();
        bytes.extend_from_slice(&2u32.to_le_bytes());
        for name in ["count", "name"] {
            bytes.extend_from_slice(&(name.len() as u32).to_le_bytes());
            bytes.extend_from_slice(name.as_bytes());
        }
        bytes.extend_from_slice(&1u32.to_le_bytes());
        bytes.push(1);
        bytes.extend_from_slice(&42i64.to_le_bytes());
        bytes.push(0);
        let rows = Rows::decode(&bytes).unwrap();
        assert_eq!(rows.len(), 1);
        let row = rows.first().unwrap();
        assert_eq!(row.get("count").and_then(Value::as_i64), Some(42));
        assert!(row.get("name").unwrap().is_null());
        assert!(Rows::decode(&bytes[..bytes.len() - 2]).is_err());
    }

    #[test]
    fn params_encode_each_type() {
        let encoded = encode_params(&[Value::Null, 7i64.into(), 1.5.into(), "a".into()]);
        assert_eq!(&encoded[..4], &4u32.to_le_bytes());
        assert_eq!(encoded[4], 0);
        assert_eq!(encoded[5], 1);
        assert_eq!(&encoded[6..14], &7i64.to_le_bytes());
        assert_eq!(*encoded.last().unwrap(), b'a');
    }

    #[test]
    fn natively_every_call_is_not_granted() {
        let error = KvStore::open("visits").increment("x", 1).unwrap_err();
        assert_eq!(error.kind, DataErrorKind::NotGranted);
    }
}
