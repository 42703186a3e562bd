//! Handlers that misbehave on purpose, for testing how the host contains a guest: a loop that
//! never ends, traps (`unreachable`, division by zero, a load outside memory, a call stack that
//! never ends), memory growth, and state kept in linear memory.
//!
//! wasm32 only (`trap` uses the wasm `unreachable` instruction directly, and the other traps rely
//! on what wasm instructions do where Rust would leave the behaviour undefined).
//!
//! The exports live in `exports.rs`, which `src/test/rust/faults` includes as well to build a
//! version 2 of this module for the hot-reload test; only `VERSION` differs.

/// Which version of the module this is; see `version`.
const VERSION: i32 = 1;

include!("exports.rs");
