//! `GET /me/wasm`: who the host says makes the request, read through the `principal` host
//! function, so that authentication reaches wasm handlers as it reaches Java ones.

use weft_guest::{Json, fail, principal};

weft_guest::export! {
    /// `{"subject":"…","roles":[…],"seenBy":"wasm"}` for the authenticated principal.
    fn whoami() -> Json {
        let Some(who) = principal() else {
            // The route is guarded, so this is a host bug rather than a client error.
            fail(500, "no principal reached the guest");
        };
        Json::object([
            ("subject", who.subject.into()),
            ("roles", who.roles.into_iter().map(Json::from).collect()),
            ("seenBy", "wasm".into()),
        ])
    }
}
