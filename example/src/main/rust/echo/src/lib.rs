//! `POST /echo`: the request body back, byte for byte (binary-safe; an empty body too).

weft_guest::export! {
    /// Exported as `echo(ptr: i32, len: i32) -> i64`.
    fn echo(body: &[u8]) -> Vec<u8> {
        body.to_vec()
    }
}
