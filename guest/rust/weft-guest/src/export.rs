//! The [`export!`](crate::export) macro.

/// Declares exported handlers from ordinary Rust functions.
///
/// Each `fn` is kept as written (so it can be called and unit-tested natively), and a wasm
/// export of the same name is generated around it that converts the parameters and the
/// result as `docs/guest-abi.md` says, and installs the [panic hook](crate::install_panic_hook).
///
/// | Rust type | wasm parameter(s) | wasm result |
/// | --- | --- | --- |
/// | `i32`, `i64`, `f32`, `f64` | the same | the same |
/// | `bool` | `i32` (0 is false) | `i32` 0 or 1 |
/// | `&[u8]`, `Vec<u8>` | `ptr: i32, len: i32` | packed `i64` |
/// | `&str`, `String` (UTF-8; else 400) | `ptr: i32, len: i32` | packed `i64` |
/// | [`Json`](crate::Json) (else 400) | `ptr: i32, len: i32` | packed `i64` |
/// | `()` or no `->` | | none |
/// | `Result<T, Failure>` | | as `T`; `Err` calls [`fail`](crate::fail) |
///
/// Parameters may come in any number and order. Numeric parameters must be spelled exactly
/// `i32`, `i64`, `f32`, `f64` or `bool` (the macro tells them apart by name); any other type is
/// byte-like and must implement [`abi::FromArg`](crate::abi::FromArg), so your own types can be
/// parameters too. Generics, `self`, and patterns or `mut` on parameters are not supported
/// (rebind inside instead: `let mut v = v;`). A result cannot borrow from a parameter (the
/// export has no lifetime to tie it to): return an owned value, or a `&'static` one.
///
/// # Examples
///
/// ```
/// use weft_guest::{Failure, Json};
///
/// weft_guest::export! {
///     /// Exported as `echo(ptr: i32, len: i32) -> i64`: the body back, byte for byte.
///     fn echo(body: &[u8]) -> Vec<u8> {
///         body.to_vec()
///     }
///
///     /// Exported as `add(a: i32, b: i32) -> i32`.
///     fn add(a: i32, b: i32) -> i32 {
///         a.wrapping_add(b)
///     }
///
///     /// Exported as `greet(ptr: i32, len: i32, times: i32, loud: i32) -> i64`.
///     fn greet(name: &str, times: i32, loud: bool) -> String {
///         let greeting = format!("hello {name}! ").repeat(times.max(0) as usize);
///         if loud { greeting.to_uppercase() } else { greeting }
///     }
///
///     /// Exported as `total(ptr: i32, len: i32) -> i64`: JSON in, JSON out, with `?`.
///     fn total(order: Json) -> Result<Json, Failure> {
///         let items = order.get("items").and_then(Json::as_array)
///             .ok_or(Failure::bad_request("items must be an array"))?;
///         let sum: f64 = items.iter().filter_map(Json::as_f64).sum();
///         Ok(Json::object([("total", sum.into())]))
///     }
///
///     /// Exported as `tick()`, with no result.
///     fn tick() {
///         weft_guest::debug!("tick");
///     }
/// }
///
/// // The functions themselves stay callable, e.g. from native unit tests:
/// assert_eq!(add(2, 3), 5);
/// assert_eq!(greet("wasm", 1, true), "HELLO WASM! ");
/// let order = Json::parse(r#"{"items":[1,2.5]}"#).unwrap();
/// assert_eq!(total(order).unwrap().to_string(), r#"{"total":3.5}"#);
/// ```
///
/// `echo` above expands to about this:
///
/// ```ignore
/// fn echo(body: &[u8]) -> Vec<u8> { body.to_vec() }
///
/// const _: () = {
///     #[unsafe(export_name = "echo")]
///     extern "C" fn __weft_export(ptr: i32, len: i32) -> i64 {
///         weft_guest::install_panic_hook();
///         let body: &[u8] = unsafe { weft_guest::abi::arg(ptr, len) };
///         weft_guest::abi::IntoResult::into_abi(echo(body))
///     }
/// };
/// ```
#[macro_export]
macro_rules! export {
    // The public form: any number of functions.
    ($(
        $(#[$attr:meta])*
        $vis:vis fn $name:ident($($params:tt)*) $(-> $ret:ty)? $body:block
    )*) => {$(
        $(#[$attr])*
        $vis fn $name($($params)*) $(-> $ret)? $body

        $crate::__export_shim!($name [$($ret)?] [] [] [] $($params)*);
    )*};
}

/// The wasm side of [`export!`](crate::export), built one parameter at a time. Not public API.
#[doc(hidden)]
#[macro_export]
macro_rules! __export_shim {
    // State: [wasm parameters] [statements converting them] [arguments for the call], then
    // the parameters still to do.
    // `ptr` and `len` are fresh identifiers in each step (macro hygiene), so any number of
    // byte-like parameters can coexist.
    ($name:ident $ret:tt [$($wasm:tt)*] [$($convert:tt)*] [$($args:ident)*]
        $param:ident : i32 $(, $($rest:tt)*)?) => {
        $crate::__export_shim!($name $ret [$($wasm)* $param: i32,] [$($convert)*]
            [$($args)* $param] $($($rest)*)?);
    };
    ($name:ident $ret:tt [$($wasm:tt)*] [$($convert:tt)*] [$($args:ident)*]
        $param:ident : i64 $(, $($rest:tt)*)?) => {
        $crate::__export_shim!($name $ret [$($wasm)* $param: i64,] [$($convert)*]
            [$($args)* $param] $($($rest)*)?);
    };
    ($name:ident $ret:tt [$($wasm:tt)*] [$($convert:tt)*] [$($args:ident)*]
        $param:ident : f32 $(, $($rest:tt)*)?) => {
        $crate::__export_shim!($name $ret [$($wasm)* $param: f32,] [$($convert)*]
            [$($args)* $param] $($($rest)*)?);
    };
    ($name:ident $ret:tt [$($wasm:tt)*] [$($convert:tt)*] [$($args:ident)*]
        $param:ident : f64 $(, $($rest:tt)*)?) => {
        $crate::__export_shim!($name $ret [$($wasm)* $param: f64,] [$($convert)*]
            [$($args)* $param] $($($rest)*)?);
    };
    ($name:ident $ret:tt [$($wasm:tt)*] [$($convert:tt)*] [$($args:ident)*]
        $param:ident : bool $(, $($rest:tt)*)?) => {
        $crate::__export_shim!($name $ret [$($wasm)* $param: i32,]
            [$($convert)* let $param = $param != 0;] [$($args)* $param] $($($rest)*)?);
    };
    // Any other type is byte-like: a (ptr, len) pair converted with `FromArg`.
    ($name:ident $ret:tt [$($wasm:tt)*] [$($convert:tt)*] [$($args:ident)*]
        $param:ident : $ty:ty $(, $($rest:tt)*)?) => {
        $crate::__export_shim!($name $ret [$($wasm)* ptr: i32, len: i32,]
            [$($convert)*
                // SAFETY: the host passes an argument that stays valid during the call.
                let $param: $ty = unsafe { $crate::abi::arg(ptr, len) };]
            [$($args)* $param] $($($rest)*)?);
    };
    // All parameters done: emit the export. Its Rust name is local to the `const` block (the
    // wasm name comes from `export_name`), so it clashes with nothing and `$name` still means
    // the user's function.
    ($name:ident [$($ret:ty)?] [$($wasm:tt)*] [$($convert:tt)*] [$($args:ident)*]) => {
        const _: () = {
            #[unsafe(export_name = ::core::stringify!($name))]
            extern "C" fn __weft_export($($wasm)*) $(-> <$ret as $crate::abi::IntoResult>::Abi)? {
                $crate::install_panic_hook();
                $($convert)*
                $crate::abi::IntoResult::into_abi($name($($args),*))
            }

            // Whether the result is bytes or a number, in the custom section `weft.results`
            // (the linker appends every export's line): both are an i64 to wasm.
            $(
                #[used]
                #[unsafe(link_section = "weft.results")]
                static __WEFT_RESULT: [u8; ::core::stringify!($name).len() + 7] =
                    $crate::abi::result_record::<{ ::core::stringify!($name).len() + 7 }>(
                        ::core::stringify!($name), <$ret as $crate::abi::IntoResult>::BYTES);
            )?
        };
    };
}
