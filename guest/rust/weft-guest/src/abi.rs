//! Moving values across the guest ABI: the `weft_alloc`/`weft_free` exports, reading
//! byte-like arguments and returning packed results.
//!
//! [`export!`](crate::export) uses all of this for you; call it directly only when writing an
//! `extern "C"` export by hand:
//!
//! ```
//! use weft_guest::abi;
//!
//! #[unsafe(no_mangle)]
//! pub extern "C" fn shout(ptr: i32, len: i32) -> i64 {
//!     weft_guest::install_panic_hook();
//!     // SAFETY: the host passes a (ptr, len) argument that stays valid during the call.
//!     let text: &str = unsafe { abi::arg(ptr, len) };
//!     abi::IntoResult::into_abi(text.to_uppercase())
//! }
//! ```
//!
//! Everything here assumes `wasm32`, where pointers are 32 bits wide. Native builds compile it
//! (so that guest logic can be unit-tested) but must not call the `extern "C"` side.

use std::alloc::{self, Layout};

use crate::host::Failure;
use crate::json::Json;

/// Allocates `len` bytes with alignment 1 for the host to copy an argument into.
///
/// Returns 0 for `len == 0` (the ABI passes empty arguments as `(0, 0)` without allocating);
/// traps when memory runs out.
#[unsafe(no_mangle)]
pub extern "C" fn weft_alloc(len: i32) -> i32 {
    let layout = byte_layout(len);
    if layout.size() == 0 {
        return 0;
    }
    // SAFETY: the layout's size is not zero.
    let ptr = unsafe { alloc::alloc(layout) };
    if ptr.is_null() {
        alloc::handle_alloc_error(layout);
    }
    ptr as i32
}

/// Frees `len` bytes at `ptr`: an argument from [`weft_alloc`] or a result from [`pack`].
/// Does nothing when `len == 0`.
///
/// # Safety
/// `ptr` must be a live block of exactly `len` bytes from `weft_alloc(len)` or from a packed
/// result, freed only once.
#[unsafe(no_mangle)]
pub unsafe extern "C" fn weft_free(ptr: i32, len: i32) {
    let layout = byte_layout(len);
    if layout.size() != 0 {
        // SAFETY: the caller promises a live block allocated with this very layout: both
        // `weft_alloc` and `pack` allocate `len` bytes with alignment 1.
        unsafe { alloc::dealloc(ptr as usize as *mut u8, layout) }
    }
}

/// The layout of every block crossing the ABI: `len` bytes, alignment 1.
fn byte_layout(len: i32) -> Layout {
    let len = usize::try_from(len).expect("weft ABI: negative length");
    Layout::array::<u8>(len).expect("weft ABI: length too large")
}

/// Borrows the `(ptr, len)` argument as bytes; `(0, 0)` is the empty slice.
///
/// # Safety
/// Unless `len` is 0, `ptr` must point to `len` readable bytes that stay unchanged for `'a`:
/// true of an argument the host passes, for the duration of the call.
pub unsafe fn bytes<'a>(ptr: i32, len: i32) -> &'a [u8] {
    let len = usize::try_from(len).expect("weft ABI: negative length");
    if len == 0 {
        // `from_raw_parts` needs a non-null pointer even for nothing, and the ABI sends 0.
        return &[];
    }
    // SAFETY: guaranteed by the caller.
    unsafe { std::slice::from_raw_parts(ptr as usize as *const u8, len) }
}

/// Converts the `(ptr, len)` argument into `T`, ending the request with the conversion's
/// [`Failure`] (a 400 for malformed UTF-8 or JSON) if it fails.
///
/// # Safety
/// As for [`bytes`].
pub unsafe fn arg<'a, T: FromArg<'a>>(ptr: i32, len: i32) -> T {
    // SAFETY: guaranteed by the caller.
    let bytes = unsafe { bytes(ptr, len) };
    T::from_arg(bytes).unwrap_or_else(|failure| failure.fail())
}

/// Hands `bytes` to the host as a packed result: `(ptr << 32) | len`, or 0 when empty.
///
/// The host copies the bytes out and frees them with `weft_free(ptr, len)`.
pub fn pack(bytes: Vec<u8>) -> i64 {
    if bytes.is_empty() {
        return 0;
    }
    // `weft_free` deallocates exactly `len` bytes, so drop any spare capacity first: a boxed
    // slice's allocation is exactly its length.
    let bytes = bytes.into_boxed_slice();
    let len = bytes.len() as u64;
    let ptr = Box::into_raw(bytes) as *mut u8 as usize as u64;
    ((ptr << 32) | len) as i64
}

/// A byte-like parameter of an exported function: built from the argument's bytes.
///
/// Implemented for `&[u8]`, `Vec<u8>`, `&str`, `String` and [`Json`]. Implement it for your own
/// types to take them as parameters of [`export!`](crate::export) functions, e.g. to decode a
/// JSON record into a struct.
#[diagnostic::on_unimplemented(
    message = "`{Self}` cannot be a parameter of an exported function",
    note = "numeric parameters must be spelled `i32`, `i64`, `f32`, `f64` or `bool`; \
            byte-like ones must implement `weft_guest::abi::FromArg`"
)]
pub trait FromArg<'a>: Sized {
    fn from_arg(bytes: &'a [u8]) -> Result<Self, Failure>;
}

impl<'a> FromArg<'a> for &'a [u8] {
    fn from_arg(bytes: &'a [u8]) -> Result<Self, Failure> {
        Ok(bytes)
    }
}

impl FromArg<'_> for Vec<u8> {
    fn from_arg(bytes: &[u8]) -> Result<Self, Failure> {
        Ok(bytes.to_vec())
    }
}

impl<'a> FromArg<'a> for &'a str {
    fn from_arg(bytes: &'a [u8]) -> Result<Self, Failure> {
        std::str::from_utf8(bytes).map_err(|e| Failure::bad_request(format!("invalid UTF-8: {e}")))
    }
}

impl FromArg<'_> for String {
    fn from_arg(bytes: &[u8]) -> Result<Self, Failure> {
        <&str>::from_arg(bytes).map(str::to_owned)
    }
}

impl FromArg<'_> for Json {
    fn from_arg(bytes: &[u8]) -> Result<Self, Failure> {
        Ok(Json::parse(bytes)?)
    }
}

/// The result of an exported function, as the wasm value it returns ([`IntoResult::Abi`]).
///
/// Numbers are returned as they are, `bool` as `i32` 0 or 1, `()` as nothing, and byte-like
/// values (`Vec<u8>`, `&[u8]`, `String`, `&str`, [`Json`] as UTF-8 JSON) as a packed `i64`
/// (see [`pack`]). `Result<T, Failure>` returns `T`, or ends the request with the failure.
#[diagnostic::on_unimplemented(
    message = "`{Self}` cannot be the result of an exported function",
    note = "return i32, i64, f32, f64, bool, (), Vec<u8>, &[u8], String, &str, Json, \
            or a Result<T, Failure> of one of these"
)]
pub trait IntoResult {
    /// The wasm result type: `i32`, `i64`, `f32`, `f64`, or `()` for none.
    type Abi;
    /// Whether the result is bytes packed in an `i64` rather than a number: recorded in the
    /// module (see [`result_record`]) so that the build can refuse a Java `long` bound to it.
    const BYTES: bool = false;
    fn into_abi(self) -> Self::Abi;
}

/// One line of the custom section `weft.results`, `name=bytes\n` or `name=value\n`, as a fixed
/// array for a `link_section` static. `N` is `name.len() + 7`. Not public API: [`export!`](crate::export) calls it.
#[doc(hidden)]
pub const fn result_record<const N: usize>(name: &str, bytes: bool) -> [u8; N] {
    let kind: &[u8] = if bytes { b"=bytes\n" } else { b"=value\n" };
    let name = name.as_bytes();
    let mut out = [0u8; N];
    let mut i = 0;
    while i < name.len() {
        out[i] = name[i];
        i += 1;
    }
    let mut k = 0;
    while k < kind.len() {
        out[i + k] = kind[k];
        k += 1;
    }
    out
}

macro_rules! returned_as_is {
    ($($ty:ty),*) => {$(
        impl IntoResult for $ty {
            type Abi = $ty;
            fn into_abi(self) -> $ty {
                self
            }
        }
    )*};
}

returned_as_is!((), i32, i64, f32, f64);

impl IntoResult for bool {
    type Abi = i32;
    fn into_abi(self) -> i32 {
        i32::from(self)
    }
}

impl IntoResult for Vec<u8> {
    type Abi = i64;
    const BYTES: bool = true;
    fn into_abi(self) -> i64 {
        pack(self)
    }
}

impl IntoResult for &[u8] {
    type Abi = i64;
    const BYTES: bool = true;
    fn into_abi(self) -> i64 {
        pack(self.to_vec())
    }
}

impl IntoResult for String {
    type Abi = i64;
    const BYTES: bool = true;
    fn into_abi(self) -> i64 {
        pack(self.into_bytes())
    }
}

impl IntoResult for &str {
    type Abi = i64;
    const BYTES: bool = true;
    fn into_abi(self) -> i64 {
        pack(self.as_bytes().to_vec())
    }
}

impl IntoResult for Json {
    type Abi = i64;
    const BYTES: bool = true;
    fn into_abi(self) -> i64 {
        pack(self.to_string().into_bytes())
    }
}

impl<T: IntoResult> IntoResult for Result<T, Failure> {
    type Abi = T::Abi;
    const BYTES: bool = T::BYTES;
    fn into_abi(self) -> T::Abi {
        self.unwrap_or_else(|failure| failure.fail()).into_abi()
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn byte_like_arguments() {
        assert_eq!(<&[u8]>::from_arg(b"\0\xff"), Ok(&b"\0\xff"[..]));
        assert_eq!(String::from_arg("héllo".as_bytes()), Ok("héllo".to_owned()));
        assert_eq!(Json::from_arg(b"[1]"), Ok(Json::array([1])));
        // SAFETY: a zero length reads nothing.
        assert_eq!(unsafe { bytes(0, 0) }, b"");
    }

    #[test]
    fn malformed_arguments_are_bad_requests() {
        let failure = <&str>::from_arg(b"a\xffb").unwrap_err();
        assert_eq!(failure.status, 400);
        assert!(failure.message.starts_with("invalid UTF-8"), "{failure}");
        assert_eq!(Json::from_arg(b"{").unwrap_err().status, 400);
    }

    #[test]
    fn plain_results() {
        assert_eq!(true.into_abi(), 1);
        assert_eq!(false.into_abi(), 0);
        assert_eq!(2.5f64.into_abi(), 2.5);
        assert_eq!(Ok::<i64, Failure>(7).into_abi(), 7);
        assert_eq!(pack(Vec::new()), 0);
    }

    #[test]
    #[should_panic(expected = "weft fail(409): taken")]
    fn failed_results_fail_the_request() {
        Err::<i32, _>(Failure::new(409, "taken")).into_abi();
    }
}
