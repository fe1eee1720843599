//! The whole verifier, offline, on arbitrary bytes: a report, never a panic.
#![no_main]
use libfuzzer_sys::fuzz_target;
use microcred::domain::verify::{Env, NoFetch, TrustStore, block_on, verify};

fuzz_target!(|data: &[u8]| {
    let trust = TrustStore::default();
    let env = Env {
        trust: &trust,
        now: microcred::domain::instant::UnixTime(1_795_000_000),
        fetch: &NoFetch,
    };
    let mut report = block_on(verify(data, &env));
    report.check_recipient("someone@example.org");
});
