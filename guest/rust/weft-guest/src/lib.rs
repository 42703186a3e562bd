//! Write Weft WebAssembly guests in Rust.
//!
//! This crate implements the guest side of the Weft guest ABI (`docs/guest-abi.md` in the Weft
//! repository) so that a handler is a few lines long:
//!
//! - [`export!`] turns ordinary functions into wasm exports, converting numbers, bytes,
//!   strings and JSON across the ABI;
//! - depending on this crate exports `weft_alloc` and `weft_free`, through which the host
//!   moves bytes in and out (see [`abi`]);
//! - [`log`] (and [`info!`] etc.), [`fail`], [`now_nanos`]/[`Instant`], [`request_header`],
//!   [`principal`] and [`config`] wrap the host functions of import module `weft`;
//! - a panic in a handler is logged at error level before the instance traps;
//! - running out of memory (the host's `max-memory` limit) ends the request with a 500 saying so;
//! - [`json`] is a small JSON value type with a strict parser and a serializer;
//! - [`data`] reaches the databases and key-value stores the module is granted:
//!   [`KvStore`](data::KvStore) and [`Database`](data::Database).
//!
//! ```
//! use weft_guest::{Failure, Json};
//!
//! weft_guest::export! {
//!     /// `POST /mean` with `{"values":[...]}`.
//!     fn mean(input: Json) -> Result<Json, Failure> {
//!         let values = input.get("values").and_then(Json::as_array).unwrap_or_default();
//!         if values.is_empty() {
//!             return Err(Failure::bad_request("values must be a non-empty array"));
//!         }
//!         let sum: f64 = values.iter().filter_map(Json::as_f64).sum();
//!         Ok(Json::object([("mean", (sum / values.len() as f64).into())]))
//!     }
//! }
//! ```
//!
//! Build a guest for `wasm32-unknown-unknown` as a `cdylib`; see the crate's README. On other
//! targets the host functions are stand-ins (`fail` panics, `log` prints to stderr, headers,
//! principal and config are absent), so handler logic can be unit-tested with `cargo test`.

pub mod abi;
#[cfg(target_arch = "wasm32")]
mod alloc;
pub mod data;
mod export;
mod host;
pub mod json;
mod sys;

pub use host::{
    Failure, Instant, Level, Principal, config, fail, install_panic_hook, log, now_nanos, principal,
    request_header,
};
pub use json::Json;

// Compile and run the README's examples as doctests too.
#[cfg(doctest)]
#[doc = include_str!("../README.md")]
struct ReadmeDoctests;
