//! The smallest Rust guest: plain numbers in and out, no weft-guest, no allocation.

#[unsafe(no_mangle)]
pub extern "C" fn add(a: i32, b: i32) -> i32 {
    a.wrapping_add(b)
}
