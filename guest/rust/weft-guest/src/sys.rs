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
    pub fn take_result(buf: *mut u8, cap: usize) -> i32;
    pub fn kv_get(store_ptr: *const u8, store_len: usize, key_ptr: *const u8, key_len: usize) -> i32;
    pub fn kv_set(
        store_ptr: *const u8, store_len: usize, key_ptr: *const u8, key_len: usize,
        value_ptr: *const u8, value_len: usize,
    ) -> i32;
    pub fn kv_delete(store_ptr: *const u8, store_len: usize, key_ptr: *const u8, key_len: usize) -> i32;
    pub fn kv_exists(store_ptr: *const u8, store_len: usize, key_ptr: *const u8, key_len: usize) -> i32;
    pub fn kv_increment(
        store_ptr: *const u8, store_len: usize, key_ptr: *const u8, key_len: usize, delta: i64, out: *mut i64,
    ) -> i32;
    pub fn kv_keys(
        store_ptr: *const u8, store_len: usize, prefix_ptr: *const u8, prefix_len: usize, limit: i32,
    ) -> i32;
    pub fn sql_query(
        db_ptr: *const u8, db_len: usize, sql_ptr: *const u8, sql_len: usize,
        params_ptr: *const u8, params_len: usize,
    ) -> i32;
    pub fn sql_execute(
        db_ptr: *const u8, db_len: usize, sql_ptr: *const u8, sql_len: usize,
        params_ptr: *const u8, params_len: usize, out: *mut i64,
    ) -> i32;
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

    // Natively there is no data host: every data call answers "not granted" (-2), with no message.

    /// # Safety
    /// None needed: nothing is read or written.
    pub unsafe fn take_result(_: *mut u8, _: usize) -> i32 {
        -1
    }

    /// # Safety
    /// None needed: nothing is read or written.
    pub unsafe fn kv_get(_: *const u8, _: usize, _: *const u8, _: usize) -> i32 {
        -2
    }

    /// # Safety
    /// None needed: nothing is read or written.
    pub unsafe fn kv_set(_: *const u8, _: usize, _: *const u8, _: usize, _: *const u8, _: usize) -> i32 {
        -2
    }

    /// # Safety
    /// None needed: nothing is read or written.
    pub unsafe fn kv_delete(_: *const u8, _: usize, _: *const u8, _: usize) -> i32 {
        -2
    }

    /// # Safety
    /// None needed: nothing is read or written.
    pub unsafe fn kv_exists(_: *const u8, _: usize, _: *const u8, _: usize) -> i32 {
        -2
    }

    /// # Safety
    /// None needed: nothing is read or written.
    pub unsafe fn kv_increment(_: *const u8, _: usize, _: *const u8, _: usize, _: i64, _: *mut i64) -> i32 {
        -2
    }

    /// # Safety
    /// None needed: nothing is read or written.
    pub unsafe fn kv_keys(_: *const u8, _: usize, _: *const u8, _: usize, _: i32) -> i32 {
        -2
    }

    /// # Safety
    /// None needed: nothing is read or written.
    pub unsafe fn sql_query(_: *const u8, _: usize, _: *const u8, _: usize, _: *const u8, _: usize) -> i32 {
        -2
    }

    /// # Safety
    /// None needed: nothing is read or written.
    pub unsafe fn sql_execute(
        _: *const u8, _: usize, _: *const u8, _: usize, _: *const u8, _: usize, _: *mut i64,
    ) -> i32 {
        -2
    }
}
