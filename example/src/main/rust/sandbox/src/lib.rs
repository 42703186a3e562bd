//! `GET /sandbox`: tries what a WASI guest might reach of the host, through Rust's std, and
//! reports what it got. Weft grants no WASI capability by default, so the files and environment
//! variables it tries should be out of reach, while its stdout lands in the server log. The
//! `request_header` and `config` host functions, which need no grant, are probed here too.

use std::collections::hash_map::RandomState;
use std::hash::BuildHasher;
use std::time::{Instant, SystemTime};
use weft_guest::Json;

weft_guest::export! {
    /// `{"file":…,"env":…,"clock":…}`: for each attempt, what happened.
    fn probe() -> Json {
        // Goes to the server log, under the module's name.
        println!("sandbox probe: trying the host's files, environment and clock");
        let file = match std::fs::read_to_string("/etc/hostname") {
            Ok(_) => "read /etc/hostname".to_string(),
            Err(error) => format!("refused: {error}"),
        };
        let env = match std::env::var("HOME") {
            Ok(value) => format!("HOME={value}"),
            Err(_) => "no HOME".to_string(),
        };
        let variables = std::env::vars().count();
        Json::object([
            ("file", file.into()),
            ("env", env.into()),
            ("variables", (variables as f64).into()),
        ])
    }

    /// The wall clock, which only a module granted `clock` may read.
    fn clock() -> Json {
        let seconds = SystemTime::now()
            .duration_since(SystemTime::UNIX_EPOCH)
            .map(|elapsed| elapsed.as_secs_f64())
            .unwrap_or(0.0);
        Json::object([("unixSeconds", seconds.into())])
    }

    /// The monotonic clock (`Instant`), which only a module granted `clock` may read either.
    fn monotonic() -> Json {
        let started = Instant::now();
        Json::object([("elapsedNanos", (started.elapsed().as_nanos() as f64).into())])
    }

    /// Random bytes (std seeds a hash map's keys with WASI's `random_get`), which need `random`.
    fn random() -> Json {
        let hash = RandomState::new().hash_one(0u8);
        Json::object([("hash", ((hash >> 12) as f64).into())])
    }

    /// What the host tells about the request and the module: the `X-Probe` header and the
    /// `greeting` configuration value, `null` when absent.
    fn context() -> Json {
        let header = weft_guest::request_header("X-Probe");
        let greeting = weft_guest::config("greeting");
        Json::object([("header", header.into()), ("greeting", greeting.into())])
    }
}
