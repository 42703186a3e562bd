#[unsafe(no_mangle)]
pub extern "C" fn twice(a: i32) -> i32 {
    a.wrapping_mul(2)
}
