//! `GET /hello`: the benchmark's plaintext endpoint, answered by a guest.

weft_guest::export! {
    /// The two bytes `hi`.
    fn hello() -> &'static str {
        "hi"
    }
}
