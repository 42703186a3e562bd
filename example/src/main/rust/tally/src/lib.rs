//! A counter kept in linear memory by a module configured `stateful`: its instances are not
//! reset between requests, so the count goes on, unlike the default (`faults`' `counter`).

use std::sync::atomic::{AtomicI32, Ordering};

static CALLS: AtomicI32 = AtomicI32::new(0);

weft_guest::export! {
    /// Counts the calls this instance has served.
    fn tally() -> i32 {
        CALLS.fetch_add(1, Ordering::Relaxed) + 1
    }
}
