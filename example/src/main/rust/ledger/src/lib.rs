//! Order figures computed in SQL through the host's data imports, on the database `orders`
//! (granted by `weft.wasm.modules.ledger.databases=orders`).

use weft_guest::data::{Database, Value};
use weft_guest::{Failure, Json};

weft_guest::export! {
    /// `GET /orders/summary`: `{"count":<orders>,"quantity":<sum of their quantities>}`.
    fn summary() -> Result<Json, Failure> {
        let rows = Database::open("orders")
            .query("SELECT COUNT(*) AS count, COALESCE(SUM(quantity), 0) AS quantity FROM orders", &[])?;
        let row = rows.first().ok_or_else(|| Failure::new(500, "the summary query returned no row"))?;
        let count = row.get("count").and_then(Value::as_i64).unwrap_or(0);
        let quantity = row.get("quantity").and_then(Value::as_i64).unwrap_or(0);
        Ok(Json::object([("count", count.into()), ("quantity", quantity.into())]))
    }

    /// A statement far longer than the module's timeout: the call's deadline cancels it.
    fn slow() -> Result<Json, Failure> {
        let rows = Database::open("orders").query(
            "WITH RECURSIVE c(x) AS (SELECT 1 UNION ALL SELECT x + 1 FROM c WHERE x < ?) SELECT COUNT(*) AS n FROM c",
            &[Value::from(10_000_000_000i64)],
        )?;
        let n = rows.first().and_then(|row| row.get("n")).and_then(Value::as_i64).unwrap_or(0);
        Ok(Json::object([("n", n.into())]))
    }
}
