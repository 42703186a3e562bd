//! Safe wrappers for the host functions of import module `weft`.

use std::fmt;
use std::sync::Once;
use std::time::Duration;

use crate::json::{Json, ParseError};
use crate::sys;

/// The severity of a [`log`] message; the host writes it to the server log at this level.
#[derive(Clone, Copy, Debug, PartialEq, Eq, PartialOrd, Ord, Hash)]
pub enum Level {
    Trace = 0,
    Debug = 1,
    Info = 2,
    Warn = 3,
    Error = 4,
}

/// Writes `message` to the server log under the module's name.
///
/// The macros [`trace!`](crate::trace), [`debug!`](crate::debug), [`info!`](crate::info),
/// [`warn!`](crate::warn) and [`error!`](crate::error) take `format!` arguments instead.
///
/// ```
/// use weft_guest::{log, Level};
/// log(Level::Info, "cache warmed");
/// ```
pub fn log(level: Level, message: &str) {
    // SAFETY: the pointer and length describe `message`, which outlives the call.
    unsafe { sys::log(level as i32, message.as_ptr(), message.len()) }
}

/// Logs a `format!`-style message at trace level: `weft_guest::trace!("x = {x}")`.
#[macro_export]
macro_rules! trace {
    ($($arg:tt)+) => { $crate::log($crate::Level::Trace, &::std::format!($($arg)+)) };
}

/// Logs a `format!`-style message at debug level: `weft_guest::debug!("x = {x}")`.
#[macro_export]
macro_rules! debug {
    ($($arg:tt)+) => { $crate::log($crate::Level::Debug, &::std::format!($($arg)+)) };
}

/// Logs a `format!`-style message at info level: `weft_guest::info!("x = {x}")`.
#[macro_export]
macro_rules! info {
    ($($arg:tt)+) => { $crate::log($crate::Level::Info, &::std::format!($($arg)+)) };
}

/// Logs a `format!`-style message at warn level: `weft_guest::warn!("x = {x}")`.
#[macro_export]
macro_rules! warn {
    ($($arg:tt)+) => { $crate::log($crate::Level::Warn, &::std::format!($($arg)+)) };
}

/// Logs a `format!`-style message at error level: `weft_guest::error!("x = {x}")`.
#[macro_export]
macro_rules! error {
    ($($arg:tt)+) => { $crate::log($crate::Level::Error, &::std::format!($($arg)+)) };
}

/// Ends the request with HTTP `status` (400 to 599) and `message` as the problem detail.
///
/// Never returns: the host abandons the call. (Natively, for unit tests, it panics with
/// `weft fail(STATUS): MESSAGE`.)
///
/// ```no_run
/// let n = 0;
/// if n < 1 {
///     weft_guest::fail(400, "n must be at least 1");
/// }
/// ```
pub fn fail(status: u16, message: &str) -> ! {
    // SAFETY: the pointer and length describe `message`, which outlives the call.
    unsafe { sys::fail(i32::from(status), message.as_ptr(), message.len()) };
    // The host does not return from `fail`; should one ever do, trapping is the only safe
    // way on (on wasm32 `abort` is the `unreachable` instruction).
    std::process::abort()
}

/// A request failure (an HTTP status and a message) as a value, for handlers that return
/// `Result<T, Failure>` and use `?`; [`export!`](crate::export) calls [`fail`] with it.
///
/// A [`ParseError`] converts into a 400 failure carrying the parser's message.
///
/// ```
/// use weft_guest::{Failure, json::Json};
///
/// fn limit(input: &Json) -> Result<f64, Failure> {
///     input.get("limit").and_then(Json::as_f64).ok_or(Failure::bad_request("limit is missing"))
/// }
/// assert_eq!(limit(&Json::parse("{}").unwrap()).unwrap_err().status, 400);
/// ```
#[derive(Clone, Debug, PartialEq, Eq)]
pub struct Failure {
    /// The HTTP status, 400 to 599.
    pub status: u16,
    /// The problem detail shown to the client.
    pub message: String,
}

impl Failure {
    pub fn new(status: u16, message: impl Into<String>) -> Self {
        Failure { status, message: message.into() }
    }

    /// A 400 Bad Request failure.
    pub fn bad_request(message: impl Into<String>) -> Self {
        Failure::new(400, message)
    }

    /// Ends the request with this failure; see [`fail`].
    pub fn fail(self) -> ! {
        fail(self.status, &self.message)
    }
}

impl fmt::Display for Failure {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        write!(f, "{}: {}", self.status, self.message)
    }
}

impl std::error::Error for Failure {}

impl From<ParseError> for Failure {
    fn from(error: ParseError) -> Self {
        Failure::bad_request(error.to_string())
    }
}

/// The host's monotonic clock in nanoseconds, for measuring durations (needs the `clock`
/// grant). Only differences between two readings mean anything.
///
/// ```
/// let start = weft_guest::now_nanos();
/// let millis = (weft_guest::now_nanos() - start) as f64 / 1e6;
/// # assert!(millis >= 0.0);
/// ```
pub fn now_nanos() -> u64 {
    // The host's clock is monotonic and never negative, so the cast only reinterprets.
    sys::now_nanos() as u64
}

/// A reading of the host's monotonic clock ([`now_nanos`]), like `std::time::Instant`
/// (which is not available on `wasm32-unknown-unknown`).
///
/// ```
/// let start = weft_guest::Instant::now();
/// // ... work ...
/// let millis = start.elapsed().as_secs_f64() * 1e3;
/// # assert!(millis >= 0.0);
/// ```
#[derive(Clone, Copy, Debug, PartialEq, Eq, PartialOrd, Ord, Hash)]
pub struct Instant(u64);

impl Instant {
    pub fn now() -> Self {
        Instant(now_nanos())
    }

    /// The time since this instant.
    pub fn elapsed(self) -> Duration {
        Duration::from_nanos(now_nanos().saturating_sub(self.0))
    }
}

/// The value of the current request's header `name` (case-insensitive), or `None` when the
/// request has no such header. Bytes that are not UTF-8 become U+FFFD.
///
/// ```
/// let tenant = weft_guest::request_header("X-Tenant").unwrap_or_else(|| "default".into());
/// # assert_eq!(tenant, "default");
/// ```
pub fn request_header(name: &str) -> Option<String> {
    read_buffered(|buf, cap| {
        // SAFETY: `name` is readable for its length and `buf` writable for `cap` bytes.
        unsafe { sys::request_header(name.as_ptr(), name.len(), buf, cap) }
    })
    .map(into_string)
}

/// The value of the module's configuration key `key` (the property
/// `weft.wasm.modules.<module>.config.<key>`), or `None` when it is unset.
///
/// ```
/// let greeting = weft_guest::config("greeting").unwrap_or_else(|| "hello".into());
/// # assert_eq!(greeting, "hello");
/// ```
pub fn config(key: &str) -> Option<String> {
    read_buffered(|buf, cap| {
        // SAFETY: `key` is readable for its length and `buf` writable for `cap` bytes.
        unsafe { sys::config(key.as_ptr(), key.len(), buf, cap) }
    })
    .map(into_string)
}

/// The authenticated user of the current request.
#[derive(Clone, Debug, PartialEq, Eq)]
pub struct Principal {
    pub subject: String,
    pub roles: Vec<String>,
}

impl Principal {
    pub fn has_role(&self, role: &str) -> bool {
        self.roles.iter().any(|r| r == role)
    }

    /// Reads the host's `{"subject":"…","roles":["…"]}`; `roles` may be absent.
    fn from_json(json: &Json) -> Option<Principal> {
        let subject = json.get("subject")?.as_str()?.to_owned();
        let roles = match json.get("roles") {
            None => Vec::new(),
            Some(roles) => {
                let roles = roles.as_array()?.iter();
                roles.map(|role| role.as_str().map(str::to_owned)).collect::<Option<_>>()?
            }
        };
        Some(Principal { subject, roles })
    }
}

/// The authenticated principal of the current request, or `None` when it is anonymous.
///
/// ```no_run
/// match weft_guest::principal() {
///     Some(user) if user.has_role("admin") => { /* ... */ }
///     Some(_) => weft_guest::fail(403, "admins only"),
///     None => weft_guest::fail(401, "sign in first"),
/// }
/// ```
///
/// # Panics
/// If the host's JSON does not have the documented shape (a host bug).
pub fn principal() -> Option<Principal> {
    let bytes = read_buffered(|buf, cap| {
        // SAFETY: `buf` is writable for `cap` bytes.
        unsafe { sys::principal(buf, cap) }
    })?;
    let principal = Json::parse(&bytes).ok().as_ref().and_then(Principal::from_json);
    Some(principal.expect("the host sent a malformed principal"))
}

/// The ABI's buffer rule: `call(buf, cap)` copies a value into `buf` and returns its full
/// length, or -1 when there is none; when the value is longer than `cap` nothing is copied and
/// we call again with a buffer of the reported length.
fn read_buffered(mut call: impl FnMut(*mut u8, usize) -> i32) -> Option<Vec<u8>> {
    let mut buf = vec![0u8; 256];
    loop {
        let len = usize::try_from(call(buf.as_mut_ptr(), buf.len())).ok()?;
        if len <= buf.len() {
            buf.truncate(len);
            return Some(buf);
        }
        // Loop rather than call twice: the value may have changed in between.
        buf = vec![0u8; len];
    }
}

fn into_string(bytes: Vec<u8>) -> String {
    String::from_utf8(bytes).unwrap_or_else(|e| String::from_utf8_lossy(e.as_bytes()).into_owned())
}

/// Sends panic messages to the host's log at error level, so that a guest panic (which traps
/// the instance) shows up in the server log with its message and location.
///
/// Idempotent and cheap; functions declared with [`export!`](crate::export) call it on entry.
/// Call it first thing in a hand-written export.
pub fn install_panic_hook() {
    static INSTALL: Once = Once::new();
    INSTALL.call_once(|| {
        std::panic::set_hook(Box::new(|info| log(Level::Error, &info.to_string())));
    });
}

#[cfg(test)]
mod tests {
    use super::*;

    /// A fake host function serving `value` under the buffer rule, counting its calls.
    fn host_with(value: Option<&[u8]>, calls: &mut u32) -> impl FnMut(*mut u8, usize) -> i32 {
        move |buf, cap| {
            *calls += 1;
            let Some(value) = value else { return -1 };
            if value.len() <= cap {
                // SAFETY: read_buffered passes a buffer writable for `cap` bytes.
                unsafe { std::ptr::copy_nonoverlapping(value.as_ptr(), buf, value.len()) };
            }
            value.len() as i32
        }
    }

    #[test]
    fn short_value_needs_one_call() {
        let mut calls = 0;
        assert_eq!(read_buffered(host_with(Some(b"abc"), &mut calls)), Some(b"abc".to_vec()));
        assert_eq!(calls, 1);
    }

    #[test]
    fn long_value_is_read_again_with_its_length() {
        let value: Vec<u8> = (0..1000).map(|i| i as u8).collect();
        let mut calls = 0;
        assert_eq!(read_buffered(host_with(Some(&value), &mut calls)), Some(value));
        assert_eq!(calls, 2);
    }

    #[test]
    fn absent_and_empty_values() {
        let mut calls = 0;
        assert_eq!(read_buffered(host_with(None, &mut calls)), None);
        assert_eq!(read_buffered(host_with(Some(b""), &mut calls)), Some(Vec::new()));
    }

    #[test]
    fn principal_from_host_json() {
        let json = Json::parse(r#"{"subject":"ada","roles":["admin","dev"]}"#).unwrap();
        let principal = Principal::from_json(&json).unwrap();
        assert_eq!(principal.subject, "ada");
        assert!(principal.has_role("dev") && !principal.has_role("ops"));

        let no_roles = Json::parse(r#"{"subject":"bob"}"#).unwrap();
        assert_eq!(Principal::from_json(&no_roles).unwrap().roles, Vec::<String>::new());
        assert_eq!(Principal::from_json(&Json::parse(r#"{"roles":[]}"#).unwrap()), None);
        assert_eq!(Principal::from_json(&Json::parse(r#"{"subject":"c","roles":[1]}"#).unwrap()), None);
    }

    #[test]
    fn native_stand_ins() {
        assert_eq!(request_header("accept"), None);
        assert_eq!(config("key"), None);
        assert_eq!(principal(), None);
        assert!(Instant::now().elapsed() < Duration::from_secs(60));
    }

    #[test]
    #[should_panic(expected = "weft fail(404): no such thing")]
    fn fail_panics_natively() {
        Failure::new(404, "no such thing").fail();
    }

    #[test]
    fn parse_errors_become_bad_requests() {
        let failure = Failure::from(Json::parse("[1,]").unwrap_err());
        assert_eq!(failure, Failure::bad_request("invalid JSON at byte 3: expected a value"));
    }
}
