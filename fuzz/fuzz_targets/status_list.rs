//! Status-list bitstring decoding (base64url + GZIP, capped) never panics.
#![no_main]
use libfuzzer_sys::fuzz_target;
use microcred::domain::verify::status;

fuzz_target!(|text: &str| {
    let _ = status::decode_bitstring(text);
});
