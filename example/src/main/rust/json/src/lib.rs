//! `GET /json`: the benchmark's small JSON endpoint (TechEmpower's JSON test), answered by a guest.

use weft_guest::Json;

weft_guest::export! {
    /// `{"message":"Hello, World!"}`, serialised per request.
    fn json() -> Json {
        Json::object([("message", "Hello, World!".into())])
    }
}
