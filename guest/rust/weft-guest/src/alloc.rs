//! The global allocator of every guest: the standard one, except that running out of memory
//! ends the request with a clear 500 from the host instead of an anonymous trap.
//!
//! On wasm the heap grows with `memory.grow`, which fails once the host's memory limit for the
//! module is reached. Without this, Rust's allocation error handler aborts, and the host can only
//! say that the guest trapped.

use std::alloc::{GlobalAlloc, Layout, System};

/// Forwards to the system allocator and reports an allocation it cannot satisfy.
struct ReportingAllocator;

// SAFETY: every method forwards to `System`, which upholds `GlobalAlloc`'s contract; the only
// addition, `out_of_memory`, never returns, so no null pointer reaches a caller that assumed success.
unsafe impl GlobalAlloc for ReportingAllocator {
    unsafe fn alloc(&self, layout: Layout) -> *mut u8 {
        // SAFETY: the caller upholds `alloc`'s contract for `layout`, which we pass on unchanged.
        let pointer = unsafe { System.alloc(layout) };
        if pointer.is_null() {
            out_of_memory();
        }
        pointer
    }

    unsafe fn alloc_zeroed(&self, layout: Layout) -> *mut u8 {
        // SAFETY: as for `alloc`.
        let pointer = unsafe { System.alloc_zeroed(layout) };
        if pointer.is_null() {
            out_of_memory();
        }
        pointer
    }

    unsafe fn dealloc(&self, pointer: *mut u8, layout: Layout) {
        // SAFETY: `pointer` came from this allocator, that is from `System`, with `layout`.
        unsafe { System.dealloc(pointer, layout) }
    }

    unsafe fn realloc(&self, pointer: *mut u8, layout: Layout, new_size: usize) -> *mut u8 {
        // SAFETY: the caller upholds `realloc`'s contract; `pointer` came from `System`.
        let moved = unsafe { System.realloc(pointer, layout, new_size) };
        if moved.is_null() {
            out_of_memory();
        }
        moved
    }
}

#[global_allocator]
static ALLOCATOR: ReportingAllocator = ReportingAllocator;

/// Ends the request; the message is static because allocating here could only fail again.
fn out_of_memory() -> ! {
    crate::fail(500, "the wasm module ran out of memory (it reached its max-memory limit)")
}
