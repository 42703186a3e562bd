//! `GET /visits/{page}`: counts a page's visits in the key-value store `visits` (granted by
//! `weft.wasm.modules.visits.kv-stores=visits`), one atomic increment per request, so that every
//! instance and every server sharing the database counts together.

use weft_guest::data::{Database, DataErrorKind, KvStore};
use weft_guest::{Failure, Json};

weft_guest::export! {
    /// `{"page":"<page>","count":<visits so far>}`.
    fn visit(page: &str) -> Result<Json, Failure> {
        let count = KvStore::open("visits").increment(page, 1)?;
        Ok(Json::object([("page", page.into()), ("count", count.into())]))
    }

    /// Tries the orders database, which this module is not granted: the host answers an error
    /// value (and logs one line), which the guest turns into a 403.
    fn denied() -> Result<Json, Failure> {
        match Database::open("orders").query("SELECT COUNT(*) FROM orders", &[]) {
            Ok(_) => Err(Failure::new(500, "the orders database answered a module without its grant")),
            Err(error) if error.kind == DataErrorKind::NotGranted => Err(Failure::new(403, error.message)),
            Err(error) => Err(error.into()),
        }
    }
}
