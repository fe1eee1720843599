//! JSON-LD → RDFC-1.0 and JCS never panic and never run unbounded.
#![no_main]
use libfuzzer_sys::fuzz_target;
use microcred::domain::verify::{jcs, rdfc};

fuzz_target!(|text: &str| {
    let _ = rdfc::canonicalize(text);
    if let Ok(value) = serde_json::from_str::<serde_json::Value>(text) {
        let _ = jcs::canonicalize(&value);
    }
});
