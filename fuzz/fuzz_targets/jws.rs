//! Compact JWS / VC-JWT parsing never panics.
#![no_main]
use libfuzzer_sys::fuzz_target;
use microcred::domain::verify::jws;

fuzz_target!(|text: &str| {
    if jws::looks_like(text)
        && let Ok(token) = jws::parse(text)
    {
        let _ = token.embedded_key();
        let _ = token.kid();
    }
    let _ = jws::parse(text);
});
