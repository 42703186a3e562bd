//! `POST /stats`: JSON in, JSON out. `{"values":[numbers...]}` becomes
//! `{"count":N,"sum":S,"mean":M,"min":A,"max":B}`.
//!
//! Malformed JSON is refused with a 400 carrying the parser's message (the `Json` parameter
//! does that); a missing, empty or non-numeric `values` with the 400 below.

use weft_guest::{Json, fail};

const INVALID_VALUES: &str = "values must be a non-empty array of numbers";

weft_guest::export! {
    fn stats(input: Json) -> Json {
        let values = numbers(&input).unwrap_or_else(|| fail(400, INVALID_VALUES));
        let sum = values.iter().fold(0.0, |sum, &x| sum + x);
        Json::object([
            ("count", values.len().into()),
            ("sum", sum.into()),
            ("mean", (sum / values.len() as f64).into()),
            ("min", values.iter().copied().fold(f64::INFINITY, f64::min).into()),
            ("max", values.iter().copied().fold(f64::NEG_INFINITY, f64::max).into()),
        ])
    }
}

/// The input's `values` when it is a non-empty array of numbers.
fn numbers(input: &Json) -> Option<Vec<f64>> {
    let values = input.get("values")?.as_array()?;
    if values.is_empty() {
        return None;
    }
    values.iter().map(Json::as_f64).collect()
}

#[cfg(test)]
mod tests {
    use super::*;

    fn stats_of(input: &str) -> String {
        stats(Json::parse(input).unwrap()).to_string()
    }

    #[test]
    fn summarizes() {
        assert_eq!(
            stats_of(r#"{"values":[3, 1.5, -2, 10]}"#),
            r#"{"count":4,"sum":12.5,"mean":3.125,"min":-2,"max":10}"#
        );
        assert_eq!(stats_of(r#"{"values":[7]}"#), r#"{"count":1,"sum":7,"mean":7,"min":7,"max":7}"#);
        assert_eq!(
            stats_of(r#"{"other":true,"values":[0.1,0.2]}"#),
            r#"{"count":2,"sum":0.30000000000000004,"mean":0.15000000000000002,"min":0.1,"max":0.2}"#
        );
    }

    #[test]
    fn refuses_anything_but_a_non_empty_array_of_numbers() {
        for input in [r#"{"values":[]}"#, r#"{}"#, r#"{"values":"1,2"}"#, r#"{"values":[1,"2"]}"#, r#"[1,2]"#, "null"] {
            let failure = std::panic::catch_unwind(|| stats_of(input)).unwrap_err();
            let message = failure.downcast_ref::<String>().unwrap();
            assert_eq!(message, &format!("weft fail(400): {INVALID_VALUES}"), "{input}");
        }
    }
}
