//! Multibase / Multikey / did:key / JWK / PEM key parsing never panics.
#![no_main]
use libfuzzer_sys::fuzz_target;
use microcred::domain::keys;
use microcred::domain::verify::trust;

fuzz_target!(|text: &str| {
    let _ = keys::from_multibase(text);
    let _ = trust::self_described_key(text);
    let _ = keys::from_jwk_text(text);
    let _ = keys::from_pem(text);
});
