//! `export!` must accept every supported parameter and result type, in any order, and leave
//! the functions callable as written. (The wasm side of the expansion is checked by building
//! the example guests.)

use weft_guest::{Failure, Json};

weft_guest::export! {
    /// Every parameter kind, twice over, with a trailing comma.
    #[allow(clippy::too_many_arguments)]
    fn mixed(
        a: i32, body: &[u8], flag: bool, name: &str, x: f64, doc: Json,
        y: f32, owned: String, z: i64, raw: Vec<u8>, last: bool,
    ) -> Result<Json, Failure> {
        if !flag {
            return Err(Failure::new(422, "flag must be set"));
        }
        Ok(Json::object([
            ("sum", (f64::from(a) + x + f64::from(y) + z as f64).into()),
            ("bytes", (body.len() + raw.len()).into()),
            ("names", format!("{name}{owned}").into()),
            ("doc", doc),
            ("last", last.into()),
        ]))
    }

    fn nothing() {}

    pub fn version() -> &'static str {
        "1.0"
    }

    fn is_odd(x: i64) -> bool {
        x % 2 != 0
    }

    fn halve(x: f32) -> f32 {
        x / 2.0
    }
}

#[test]
fn exported_functions_stay_callable() {
    let doc = Json::array([1]);
    let out = mixed(1, b"ab", true, "n", 0.5, doc, 0.25, "m".into(), 2, vec![0], false).unwrap();
    assert_eq!(out.to_string(), r#"{"sum":3.75,"bytes":3,"names":"nm","doc":[1],"last":false}"#);
    let failure = mixed(0, b"", false, "", 0.0, Json::Null, 0.0, String::new(), 0, vec![], true);
    assert_eq!(failure.unwrap_err().status, 422);

    nothing();
    assert_eq!(version(), "1.0");
    assert!(is_odd(3));
    assert_eq!(halve(3.0), 1.5);
}
