//! The raw host functions of import module `weft` (see `docs/guest-abi.md`).
//!
//! On `wasm32` these are the real imports. Elsewhere they are stand-ins, so that guest logic
//! (and this crate) can be unit-tested natively with `cargo test`: `log` prints to stderr,
//! `fail` panics, `now_nanos` reads the OS clock, and headers, principal and config are absent.
//!
//! Pointers and lengths are `*const u8`/`usize`: on `wasm32` both are the ABI's `i32`.

#[cfg(target_arch = "wasm32")]
#[link(wasm_import_module = "weft")]
unsafe extern "C" {
    pub fn log(level: i32, ptr: *const u8, len: usize);
    pub fn fail(status: i32, ptr: *const u8, len: usize);
    pub safe fn now_nanos() -> i64;
    pub fn request_header(name_ptr: *const u8, name_len: usize, buf: *mut u8, cap: usize) -> i32;
    pub fn principal(buf: *mut u8, cap: usize) -> i32;
    pub fn config(key_ptr: *const u8, key_len: usize, buf: *mut u8, cap: usize) -> i32;
}

#[cfg(not(target_arch = "wasm32"))]
pub use native::*;

#[cfg(not(target_arch = "wasm32"))]
mod native {
    use std::sync::OnceLock;
    use std::time::Instant;

    /// # Safety
    /// `ptr` and `len` describe readable memory, as for the real import.
    pub unsafe fn log(level: i32, ptr: *const u8, len: usize) {
        // SAFETY: guaranteed by the caller.
        let message = unsafe { std::slice::from_raw_parts(ptr, len) };
        eprintln!("[weft log level {level}] {}", String::from_utf8_lossy(message));
    }

    /// # Safety
    /// `ptr` and `len` describe readable memory, as for the real import.
    pub unsafe fn fail(status: i32, ptr: *const u8, len: usize) {
        // SAFETY: guaranteed by the caller.
        let message = unsafe { std::slice::from_raw_parts(ptr, len) };
        panic!("weft fail({status}): {}", String::from_utf8_lossy(message));
    }

    pub fn now_nanos() -> i64 {
        static START: OnceLock<Instant> = OnceLock::new();
        let elapsed = START.get_or_init(Instant::now).elapsed().as_nanos();
        i64::try_from(elapsed).unwrap_or(i64::MAX)
    }

    /// # Safety
    /// None needed: nothing is read or written.
    pub unsafe fn request_header(_: *const u8, _: usize, _: *mut u8, _: usize) -> i32 {
        -1
    }

    /// # Safety
    /// None needed: nothing is read or written.
    pub unsafe fn principal(_: *mut u8, _: usize) -> i32 {
        -1
    }

    /// # Safety
    /// None needed: nothing is read or written.
    pub unsafe fn config(_: *const u8, _: usize, _: *mut u8, _: usize) -> i32 {
        -1
    }
}
