//! Verification speed per format, natively: `cargo bench --bench verify`.
//!
//! A plain harness (no criterion: one less heavy dependency on a 2-core
//! build machine): each case is verified `ROUNDS` times after a warm-up and
//! the median and 90th percentile are printed. Figures go to
//! docs/BENCHMARKS.md; nothing here asserts a time.

use std::time::{Duration, Instant};

use microcred::domain::catalog::Catalog;
use microcred::domain::verify::{Env, NoFetch, TrustStore, block_on, verify};

const VECTORS: &str = concat!(env!("CARGO_MANIFEST_DIR"), "/../shared/vectors");
const ROUNDS: usize = 200;

fn main() {
    let catalog = std::fs::read_to_string(concat!(
        env!("CARGO_MANIFEST_DIR"),
        "/tests/vectors/catalog.json"
    ))
    .expect("the test catalog");
    let trust = TrustStore::from_catalog(&Catalog::from_json(&catalog).expect("a valid catalog"));
    let env = Env {
        trust: &trust,
        now: "2026-11-30T00:00:00Z".parse().expect("a timestamp"),
        fetch: &NoFetch,
    };
    println!("{:<52} {:>10} {:>10}", "case", "median", "p90");
    for (name, file) in [
        (
            "OB 3.0, eddsa-rdfc-2022 (impl guide)",
            "ob3-impl-guide/signed-credential.json",
        ),
        (
            "VC 2.0, eddsa-rdfc-2022 (W3C)",
            "w3c-vc-di-eddsa/eddsa-rdfc-2022/signedDataInt.json",
        ),
        (
            "VC 2.0, eddsa-jcs-2022 (W3C)",
            "w3c-vc-di-eddsa/eddsa-jcs-2022/signedJCS.json",
        ),
        (
            "VC 2.0, Ed25519Signature2020 (W3C)",
            "w3c-vc-di-eddsa/Ed25519Signature2020/signedEdSig.json",
        ),
        (
            "OB 3.0 complete, eddsa-rdfc-2022",
            "1edtech-validator/ob30/complete.json",
        ),
        ("OB 3.0 VC-JWT, RS256", "ob3-spec-examples/ex1-basic.jwt"),
        (
            "OB 3.0 baked PNG, eddsa-rdfc-2022",
            "1edtech-validator/ob30/simple-json.png",
        ),
        (
            "OB 2.0 signed JWS, RS256 (offline)",
            "1edtech-validator/ob20/simple.jwt",
        ),
    ] {
        let input = std::fs::read(format!("{VECTORS}/{file}")).expect("a vector");
        for _ in 0..10 {
            block_on(verify(&input, &env));
        }
        let mut times: Vec<Duration> = (0..ROUNDS)
            .map(|_| {
                let start = Instant::now();
                let report = block_on(verify(&input, &env));
                let elapsed = start.elapsed();
                std::hint::black_box(report);
                elapsed
            })
            .collect();
        times.sort();
        let at = |q: f64| times[((times.len() - 1) as f64 * q) as usize];
        println!("{name:<52} {:>10.3?} {:>10.3?}", at(0.5), at(0.9));
    }
}
