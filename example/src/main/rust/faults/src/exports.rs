// The exports of the faults guest (see lib.rs), shared with its version 2 in src/test/rust/faults.

use std::sync::atomic::{AtomicI32, Ordering};

const MIB: usize = 1 << 20;
/// The size of a wasm memory page.
const PAGE: usize = 64 * 1024;

/// Bumped by `spin`, so that its loop has an effect the optimizer must keep.
static mut SPINS: u64 = 0;

/// Bumped by `counter`; lives in linear memory, so it shows whether an instance was reset.
static CALLS: AtomicI32 = AtomicI32::new(0);

weft_guest::export! {
    /// Never returns: the host must interrupt it.
    fn spin() -> i32 {
        let spins = &raw mut SPINS;
        loop {
            // SAFETY: `spins` points to a static, valid forever; an instance runs one call at a
            // time on one thread, so nothing else touches it. Volatile accesses cannot be
            // optimized away, and so neither can the loop.
            unsafe { spins.write_volatile(spins.read_volatile().wrapping_add(1)) };
        }
    }

    /// Executes the `unreachable` instruction: an immediate trap.
    fn trap() -> i32 {
        core::arch::wasm32::unreachable()
    }

    /// Allocates `mib` MiB and touches every page of it, so that linear memory must grow by
    /// about that much; returns the MiB allocated. When `memory.grow` fails (the host's limit),
    /// weft-guest's allocator ends the request with a 500 that says the module ran out of memory.
    fn grow(mib: i32) -> i32 {
        let mut blocks = Vec::new();
        for _ in 0..mib {
            let mut block = vec![0u8; MIB];
            for page in block.chunks_exact_mut(PAGE) {
                // SAFETY: `page` is a live, exclusively borrowed 64 KiB slice, so its first byte
                // is valid for writes. Volatile keeps the optimizer from eliding the write, and
                // with it the allocation.
                unsafe { std::ptr::write_volatile(&mut page[0], 1) };
            }
            blocks.push(block);
        }
        blocks.len() as i32
    }

    /// Counts its calls in this instance: 1 on a fresh instance.
    fn counter() -> i32 {
        CALLS.fetch_add(1, Ordering::Relaxed) + 1
    }

    /// Spins `millions` million times, then says which version of this module answered: a
    /// request that stays in one version however long it runs, for the hot-reload test.
    fn version(millions: i32) -> i32 {
        let spins = &raw mut SPINS;
        for _ in 0..(millions.max(0) as u64) * 1_000_000 {
            // SAFETY: as in `spin`.
            unsafe { spins.write_volatile(spins.read_volatile().wrapping_add(1)) };
        }
        VERSION
    }

    /// `dividend / divisor` with the wasm instruction itself: a divisor of 0 traps in the guest
    /// rather than panicking, as Rust's checked division would.
    fn divide(dividend: i32, divisor: i32) -> i32 {
        let divisor = std::hint::black_box(divisor);
        // SAFETY: deliberately unchecked. The promise lets the compiler drop Rust's zero check
        // and emit a bare `i32.div_s`, which traps on zero: that trap is what this export shows.
        // Nothing else depends on the promise, and wasm defines what the instruction does.
        unsafe { std::hint::assert_unchecked(divisor != 0 && !(dividend == i32::MIN && divisor == -1)) };
        dividend / divisor
    }

    /// Loads four bytes from the last address of the 4 GiB address space, far past the end of
    /// linear memory: the load traps with an out-of-bounds access.
    fn out_of_bounds() -> i32 {
        let address = std::hint::black_box(usize::MAX - 3) as *const i32;
        // SAFETY: deliberately invalid. On wasm32 a load past the end of memory does not read
        // anything: the instruction traps, and that trap is what this export shows.
        unsafe { address.read_volatile() }
    }

    /// Recurses without end, until the call stack is exhausted.
    fn recurse() -> i32 {
        depth(0)
    }
}

/// Never returns: each call calls itself again, and black_box keeps the compiler from turning
/// the recursion into a loop.
#[allow(unconditional_recursion)]
fn depth(level: i32) -> i32 {
    std::hint::black_box(depth(std::hint::black_box(level) + 1)) + 1
}
