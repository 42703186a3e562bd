//! Version 2 of the faults guest, swapped in while the server runs by the hot-reload test: the
//! same exports, built from the same source; only `VERSION` differs.

/// Which version of the module this is.
const VERSION: i32 = 2;

include!("../../../../main/rust/faults/src/exports.rs");
