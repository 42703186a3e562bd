//! Version 2 of `GET /hello`, swapped in while the server runs by the hot-reload test.

weft_guest::export! {
    /// Says which version answered.
    fn hello() -> &'static str {
        "hi from version 2"
    }
}
