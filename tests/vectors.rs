//! The public conformance vectors in `../shared/vectors` (see its INDEX.md),
//! each with the verdict it must get under our trust model.
//!
//! Trust comes only from a catalog. `tests/vectors/catalog.json` lists the
//! keys the vectors are signed with, for the issuers they name, so that
//! "SIG-VALID" vectors can be `verified` here. Where INDEX.md says a key is
//! only self-asserted (a `#z6Mk…` fragment, a `did:key`, a `did:web` whose
//! document is not fetched), listing it in that catalog is exactly what
//! makes it trusted; `nothing_verifies_without_the_catalog` checks that the
//! same vectors are never `verified` with an empty trust store.
//!
//! "Now" is 2026-11-30: INDEX.md's outcomes hold between 2026 and 2030.

#![cfg(feature = "verifier")]

use microcred::domain::catalog::Catalog;
use microcred::domain::verify::{
    CheckId, Env, Fetch, FetchError, Fetched, Outcome, Report, TrustStore, Verdict, block_on, jcs,
    rdfc,
};

const VECTORS: &str = concat!(env!("CARGO_MANIFEST_DIR"), "/../shared/vectors");
const NOW: &str = "2026-11-30T00:00:00Z";

use Verdict::*;

/// (file under ../shared/vectors, verdict, why when it is not plain `verified`)
const CASES: &[(&str, Verdict, &str)] = &[
    // 1. W3C vc-di-eddsa: the three suites over the same credential.
    (
        "w3c-vc-di-eddsa/eddsa-rdfc-2022/signedDataInt.json",
        Verified,
        "",
    ),
    (
        "w3c-vc-di-eddsa/eddsa-jcs-2022/signedJCS.json",
        Verified,
        "",
    ),
    (
        "w3c-vc-di-eddsa/Ed25519Signature2020/signedEdSig.json",
        Verified,
        "",
    ),
    // 2. The OB 3.0 implementation guide's signed credential.
    ("ob3-impl-guide/signed-credential.json", Verified, ""),
    // 3. Signed examples of the rendered OB 3.0 spec (Data Integrity form).
    (
        "ob3-spec-examples/ex0-basic-file-contents.di.json",
        Verified,
        "",
    ),
    ("ob3-spec-examples/ex1-basic.di.json", Verified, ""),
    (
        "ob3-spec-examples/ex2-complete.di.json",
        CouldNotCheck,
        "its revocation list URL does not resolve",
    ),
    (
        "ob3-spec-examples/ex3-endorsement.di.json",
        CouldNotCheck,
        "its status URL does not resolve",
    ),
    ("ob3-spec-examples/ex4-alignment-case.di.json", Verified, ""),
    ("ob3-spec-examples/ex5-alignment-ce.di.json", Verified, ""),
    (
        "ob3-spec-examples/ex6-skill-assertion-case.di.json",
        Verified,
        "",
    ),
    (
        "ob3-spec-examples/ex7-skill-assertion-ctdl.di.json",
        Verified,
        "",
    ),
    // … and as VC-JWTs (RS256, key in the header's jwk, which the test
    // catalog lists; no nbf, a warning).
    (
        "ob3-spec-examples/ex0-basic-file-contents.jwt",
        Verified,
        "no nbf: a warning",
    ),
    (
        "ob3-spec-examples/ex1-basic.jwt",
        Verified,
        "no nbf: a warning",
    ),
    (
        "ob3-spec-examples/ex2-complete.jwt",
        CouldNotCheck,
        "its revocation list URL does not resolve",
    ),
    (
        "ob3-spec-examples/ex3-endorsement.jwt",
        CouldNotCheck,
        "its status URL does not resolve",
    ),
    ("ob3-spec-examples/ex4-alignment-case.jwt", Verified, ""),
    ("ob3-spec-examples/ex5-alignment-ce.jwt", Verified, ""),
    (
        "ob3-spec-examples/ex6-skill-assertion-case.jwt",
        Verified,
        "",
    ),
    (
        "ob3-spec-examples/ex7-skill-assertion-ctdl.jwt",
        Verified,
        "",
    ),
    // 4. The 1EdTech validator's OB 3.0 fixtures.
    ("1edtech-validator/ob30/simple.json", Verified, ""),
    (
        "1edtech-validator/ob30/simple-did-key-method.json",
        Verified,
        "",
    ),
    (
        "1edtech-validator/ob30/simple-multiple-proofs.json",
        Verified,
        "one good proof is enough",
    ),
    (
        "1edtech-validator/ob30/simple-context-alias.json",
        Verified,
        "",
    ),
    (
        "1edtech-validator/ob30/simple-context-version.json",
        Verified,
        "",
    ),
    (
        "1edtech-validator/ob30/simple_v1.json",
        Verified,
        "VC 1.1 + Ed25519Signature2020",
    ),
    (
        "1edtech-validator/ob30/simple-eddsa-2022.json",
        Verified,
        "legacy suite name",
    ),
    (
        "1edtech-validator/ob30/simple-err-proof-value.json",
        Invalid,
        "bad signature",
    ),
    (
        "1edtech-validator/ob30/simple-err-type.json",
        Invalid,
        "type changed after signing",
    ),
    (
        "1edtech-validator/ob30/simple-err-proof-method.json",
        Invalid,
        "not a multikey",
    ),
    (
        "1edtech-validator/ob30/simple-err-proof-method-no-scheme.json",
        Invalid,
        "no scheme",
    ),
    (
        "1edtech-validator/ob30/simple-err-proof-method-unknown-scheme.json",
        Invalid,
        "xxx: scheme",
    ),
    (
        "1edtech-validator/ob30/simple-err-proof-method-unknown-did-method.json",
        Invalid,
        "did:example",
    ),
    (
        "1edtech-validator/ob30/simple-err-expired.json",
        Expired,
        "validUntil 2010",
    ),
    (
        "1edtech-validator/ob30/simple-err-issued.json",
        NotYetValid,
        "validFrom 2040",
    ),
    (
        "1edtech-validator/ob30/simple-err-issuer.json",
        Invalid,
        "issuer removed",
    ),
    (
        "1edtech-validator/ob30/complete.json",
        CouldNotCheck,
        "its 1EdTechRevocationList does not resolve",
    ),
    (
        "1edtech-validator/ob30/endorsement-valid.json",
        Verified,
        "",
    ),
    (
        "1edtech-validator/ob30/endorsement-err-schema-status-refresh.json",
        Invalid,
        "bad signature",
    ),
    // 6. Digital Credentials Consortium fixtures.
    (
        "dcc-vc-test-fixtures/v2/dataIntegrityProof/didKey/legacyRegistry-noStatus-noExpiry-basicOBv3.json",
        Verified,
        "",
    ),
    (
        "dcc-vc-test-fixtures/v2/dataIntegrityProof/didKey/legacyRegistry-noStatus-noExpiry-minimal.json",
        Verified,
        "plain VC 2.0: a schema warning",
    ),
    (
        "dcc-vc-test-fixtures/v2/dataIntegrityProof/didKey/legacyRegistry-noStatus-noExpiry-alignments.json",
        Verified,
        "",
    ),
    (
        "dcc-vc-test-fixtures/v2/dataIntegrityProof/didKey/legacyRegistry-noStatus-noExpiry-identityHash.json",
        Verified,
        "",
    ),
    (
        "dcc-vc-test-fixtures/v2/dataIntegrityProof/didKey/legacyRegistry-noStatus-notExpired-withSchema.json",
        Verified,
        "",
    ),
    (
        "dcc-vc-test-fixtures/v2/dataIntegrityProof/didKey/oidf-noStatus-notExpired-complexIssuer.json",
        Verified,
        "",
    ),
    (
        "dcc-vc-test-fixtures/v2/dataIntegrityProof/didKey/oidf-noStatus-notExpired-notYetValid.json",
        NotYetValid,
        "validFrom 2099",
    ),
    (
        "dcc-vc-test-fixtures/v2/dataIntegrityProof/didKey/twoOIDF-validStatus-expired.json",
        Expired,
        "validUntil 2010",
    ),
    (
        "dcc-vc-test-fixtures/v2/dataIntegrityProof/didweb/oidf-noStatus-notExpired.json",
        Verified,
        "did:web key listed in the test catalog",
    ),
    (
        "dcc-vc-test-fixtures/v2/bothSignatureTypes/didkey/legacy-noStatus-noExpiry.json",
        Verified,
        "two proofs",
    ),
    (
        "dcc-vc-test-fixtures/v2/bothSignatureTypes/didkey/legacy-noStatus-notExpired-endorsement.json",
        Verified,
        "",
    ),
    (
        "dcc-vc-test-fixtures/v2/ed25519/didKey/legacy-noStatus-noExpiry.json",
        Verified,
        "",
    ),
    (
        "dcc-vc-test-fixtures/v2/ed25519/didKey/legacy-noStatus-noExpiry-tampered.json",
        Invalid,
        "tampered",
    ),
    (
        "dcc-vc-test-fixtures/v2/ed25519/didKey/legacy-noStatus-expired.json",
        Expired,
        "2011",
    ),
    (
        "dcc-vc-test-fixtures/v2/ed25519/didKey/legacy-tamperedStatus-noExpiry.json",
        CouldNotCheck,
        "its status list cannot be trusted",
    ),
    (
        "dcc-vc-test-fixtures/v2/ed25519/didKey/legacy-expiredStatus-noExpiry.json",
        CouldNotCheck,
        "its status list has expired",
    ),
    (
        "dcc-vc-test-fixtures/v2/ed25519/didKey/legacy-notYetValidStatus-noExpiry.json",
        CouldNotCheck,
        "its status list is not yet valid",
    ),
    (
        "dcc-vc-test-fixtures/v2/ed25519/didKey/legacy-missingTypeStatus-noExpiry.json",
        CouldNotCheck,
        "its status list lacks its type",
    ),
    (
        "dcc-vc-test-fixtures/v2/dataIntegrityProof/didKey/twoOIDF-revoked-notExpired-badSchema.json",
        Revoked,
        "index 8 set",
    ),
    (
        "dcc-vc-test-fixtures/v2/dataIntegrityProof/didKey/noRegsitry-revokedStatus-notExpired.json",
        Revoked,
        "index 8 set",
    ),
    (
        "dcc-vc-test-fixtures/v2/ed25519/didWeb/legacy-revokedStatus-noExpiry.json",
        Revoked,
        "index 8 set",
    ),
    // INDEX says UNVERIFIABLE: its did:web does not resolve. We never resolve
    // DIDs; the catalog does not list the key, and the signature is valid
    // under the key in the fragment, so: signed, unknown issuer.
    (
        "dcc-vc-test-fixtures/v2/ed25519/didWeb/badDidWeb.json",
        UnknownIssuer,
        "did:web not in the catalog",
    ),
    // 5. Open Badges 2.0, signed and hosted (issuer keys and hosts in the
    // test catalog; badge classes, profiles and lists served from assets/).
    (
        "1edtech-validator/ob20/simple.jwt",
        Verified,
        "signed with key1",
    ),
    (
        "1edtech-validator/ob20/simple-not-revoked.jwt",
        Verified,
        "empty revocation list",
    ),
    (
        "1edtech-validator/ob20/simple-revoked.jwt",
        Revoked,
        "on the revocation list",
    ),
    (
        "1edtech-validator/ob20/simple-badge.png",
        Verified,
        "hosted, baked in iTXt openbadges",
    ),
    (
        "1edtech-validator/ob20/basic-assertion.json",
        Verified,
        "hosted",
    ),
    (
        "1edtech-validator/ob20/basic-assertion-expired.json",
        Expired,
        "expires 2022",
    ),
    // INDEX says INVALID (issuedOn 2100); issue 3 says a badge issued in the
    // future is not_yet_valid, for every format alike.
    (
        "1edtech-validator/ob20/basic-assertion-in-future.json",
        NotYetValid,
        "issuedOn 2100",
    ),
    (
        "1edtech-validator/ob20/basic-assertion-expired-before-issued.json",
        Invalid,
        "expires before issued",
    ),
    // 7. A real badge with undefined terms: fail closed.
    (
        "dcc-verifier-core/safeModeBreaker.json",
        Invalid,
        "undefined term and relative @type",
    ),
];

/// The documents the vectors point at, answered from their copies here:
/// status lists (INDEX.md §6: the verifier-core list is byte-identical to
/// the fixture's), Open Badges 2.0 badge classes, issuer profiles and
/// revocation lists, and the hosted copy of an OB 2.0 assertion, which is
/// the badge under test itself (the vectors' own tests mock it so).
struct VectorFetch {
    hosted: Option<Vec<u8>>,
}

const HOSTED_ID: &str = "https://example.org/beths-robotics-badge.json";

const STATUS_LISTS: &[(&str, &str)] = &[
    (
        "https://raw.githubusercontent.com/digitalcredentials/verifier-core/refs/heads/main/src/test-fixtures/status/e5WK8CbZ1GjycuPombrj",
        "dcc-vc-test-fixtures/statusLists/didkey-ed25519Signature2020/e5WK8CbZ1GjycuPombrj.json",
    ),
    (
        "https://raw.githubusercontent.com/1EdTech/digital-credentials-public-validator/refs/heads/main/inspector-vc/src/test/resources/ob30/bit-string-list/testlist",
        "1edtech-validator/ob30/bit-string-list/testlist.json",
    ),
];

impl Fetch for VectorFetch {
    async fn fetch(&self, url: &str) -> Result<Fetched, FetchError> {
        if url == HOSTED_ID
            && let Some(body) = &self.hosted
        {
            return Ok(Fetched {
                status: 200,
                body: body.clone(),
            });
        }
        let ob2 = url
            .strip_prefix("https://example.org/")
            .or_else(|| url.strip_prefix("http://example.org/"))
            .map(|name| format!("1edtech-validator/ob20/assets/{name}"))
            .filter(|file| std::path::Path::new(&format!("{VECTORS}/{file}")).is_file());
        if let Some(file) = ob2 {
            return Ok(Fetched {
                status: 200,
                body: read(&file),
            });
        }
        let dcc = "https://digitalcredentials.github.io/vc-test-fixtures/statusLists/didkey-ed25519Signature2020/";
        let file = match url.strip_prefix(dcc) {
            Some(name) => {
                format!("dcc-vc-test-fixtures/statusLists/didkey-ed25519Signature2020/{name}.json")
            }
            None => match STATUS_LISTS.iter().find(|(u, _)| *u == url) {
                Some((_, file)) => (*file).to_owned(),
                None => return Err(FetchError(format!("{url} is not among the vectors"))),
            },
        };
        Ok(Fetched {
            status: 200,
            body: read(&file),
        })
    }
}

fn verify(input: &[u8], trust: &TrustStore) -> Report {
    // An OB 2.0 hosted badge's copy "on the issuer's server" is itself.
    let hosted = match microcred::domain::verify::baked::from_png(input) {
        Ok(embedded) => Some(embedded.text.into_bytes()),
        Err(_) => Some(input.to_vec()),
    };
    let fetch = VectorFetch { hosted };
    let env = Env {
        trust,
        now: NOW.parse().unwrap(),
        fetch: &fetch,
    };
    block_on(microcred::domain::verify::verify(input, &env))
}

fn catalog_text() -> String {
    std::fs::read_to_string(concat!(
        env!("CARGO_MANIFEST_DIR"),
        "/tests/vectors/catalog.json"
    ))
    .unwrap()
}

fn trust() -> TrustStore {
    TrustStore::from_catalog(&Catalog::from_json(&catalog_text()).unwrap())
}

/// Verifies a vector at NOW against a catalog given as text.
fn verify_with(catalog: &str, path: &str) -> Report {
    let trust = TrustStore::from_catalog(&Catalog::from_json(catalog).unwrap());
    verify(&read(path), &trust)
}

fn read(path: &str) -> Vec<u8> {
    std::fs::read(format!("{VECTORS}/{path}")).unwrap_or_else(|e| panic!("{path}: {e}"))
}

#[test]
fn every_vector_gets_its_expected_verdict() {
    let trust = trust();
    let mut wrong = Vec::new();
    for (path, expected, why) in CASES {
        let report = verify(&read(path), &trust);
        if report.verdict != *expected {
            let checks: Vec<String> = report
                .checks
                .iter()
                .map(|c| {
                    format!(
                        "    {:?} {:?}: {} [{}]",
                        c.id, c.outcome, c.sentence, c.detail
                    )
                })
                .collect();
            wrong.push(format!(
                "{path}: expected {expected:?} ({why}), got {:?}\n{}",
                report.verdict,
                checks.join("\n")
            ));
        }
    }
    assert!(
        wrong.is_empty(),
        "{} wrong:\n{}",
        wrong.len(),
        wrong.join("\n")
    );
}

#[test]
fn nothing_verifies_without_the_catalog() {
    let empty = TrustStore::default();
    for (path, expected, _) in CASES {
        let verdict = verify(&read(path), &empty).verdict;
        assert_ne!(verdict, Verified, "{path}");
        if *expected == Verified {
            assert_eq!(verdict, UnknownIssuer, "{path}");
        }
    }
}

const W3C_RDFC: &str = "w3c-vc-di-eddsa/eddsa-rdfc-2022/signedDataInt.json";

#[test]
fn a_valid_signature_with_the_key_of_another_issuer_is_not_trusted() {
    // The W3C vector names https://vc.example/issuers/5678. List its key under
    // a different issuer only: the signature is fine, the issuer is unknown.
    let catalog = catalog_text().replace(
        "\"https://vc.example/issuers/5678\"",
        "\"https://impostor.example/\"",
    );
    let report = verify_with(&catalog, W3C_RDFC);
    assert_eq!(report.verdict, UnknownIssuer);
    assert_eq!(
        report.check(CheckId::Signature).unwrap().outcome,
        Outcome::Pass
    );
    assert_eq!(
        report.check(CheckId::IssuerTrust).unwrap().outcome,
        Outcome::Fail
    );
}

#[test]
fn a_key_used_outside_its_window_is_invalid() {
    // Retire the W3C vector's key before the credential's validFrom (2023-01-01).
    let key = "\"publicKeyMultibase\": \"z6MkrJVnaZkeFzdQyMZu1cgjg7k1pZZ6pvBQ7XJPt4swbTQ2\"";
    let retired = format!("{key}, \"validUntil\": \"2022-12-31T00:00:00Z\"");
    let report = verify_with(&catalog_text().replacen(key, &retired, 1), W3C_RDFC);
    assert_eq!(report.verdict, Invalid);
    assert_eq!(
        report.check(CheckId::KeyWindow).unwrap().outcome,
        Outcome::Fail
    );
}

#[test]
fn the_report_carries_the_canonical_hashes_of_the_w3c_vector() {
    let trust = trust();
    let report = verify(&read(W3C_RDFC), &trust);
    let detail = &report.check(CheckId::Signature).unwrap().detail;
    let expected = |f: &str| {
        String::from_utf8(read(&format!("w3c-vc-di-eddsa/eddsa-rdfc-2022/{f}")))
            .unwrap()
            .trim()
            .to_owned()
    };
    assert!(detail.contains(&expected("docHashDataInt.txt")), "{detail}");
    assert!(
        detail.contains(&expected("proofHashDataInt.txt")),
        "{detail}"
    );
}

fn text(path: &str) -> String {
    String::from_utf8(read(path)).unwrap()
}

#[test]
fn rdfc_reproduces_the_w3c_and_1edtech_canonical_n_quads_byte_for_byte() {
    let w3c = rdfc::canonicalize(&text("w3c-vc-di-eddsa/unsigned.json")).unwrap();
    assert_eq!(
        w3c,
        text("w3c-vc-di-eddsa/eddsa-rdfc-2022/canonDocDataInt.txt")
    );
    let proof_config = rdfc::canonicalize(&text(
        "w3c-vc-di-eddsa/eddsa-rdfc-2022/proofConfigDataInt.json",
    ))
    .unwrap();
    assert_eq!(
        proof_config,
        text("w3c-vc-di-eddsa/eddsa-rdfc-2022/proofCanonDataInt.txt")
    );
    // The implementation guide's credential, without its proof.
    let mut signed: serde_json::Value =
        serde_json::from_str(&text("ob3-impl-guide/signed-credential.json")).unwrap();
    signed.as_object_mut().unwrap().remove("proof");
    let guide = rdfc::canonicalize(&signed.to_string()).unwrap();
    assert_eq!(guide, text("ob3-impl-guide/document-canon.txt"));
}

#[test]
fn jcs_reproduces_the_w3c_vector() {
    let unsigned: serde_json::Value =
        serde_json::from_str(&text("w3c-vc-di-eddsa/unsigned.json")).unwrap();
    let canonical = jcs::canonicalize(&unsigned).unwrap();
    assert_eq!(
        canonical,
        text("w3c-vc-di-eddsa/eddsa-jcs-2022/canonDocJCS.txt").trim_end()
    );
}

#[test]
fn the_pinned_contexts_are_the_manifest_bytes() {
    use sha2::Digest as _;
    let manifest: serde_json::Value = serde_json::from_str(&text("MANIFEST.json")).unwrap();
    let index: serde_json::Value = serde_json::from_str(&text("contexts/contexts.json")).unwrap();
    for (url, bytes) in rdfc::CONTEXTS {
        let entry = index
            .as_array()
            .unwrap()
            .iter()
            .find(|e| e["url"] == url)
            .unwrap_or_else(|| panic!("{url} is not in contexts.json"));
        let file = format!("contexts/{}", entry["file"].as_str().unwrap());
        let listed = manifest
            .as_array()
            .unwrap()
            .iter()
            .find(|e| e["file"] == file.as_str())
            .unwrap_or_else(|| panic!("{file} is not in MANIFEST.json"));
        let actual = sha2::Sha256::digest(bytes.as_bytes());
        let hex: String = actual.iter().map(|b| format!("{b:02x}")).collect();
        assert_eq!(listed["sha256"], hex.as_str(), "{url}");
        assert_eq!(entry["sha256"], hex.as_str(), "{url}");
    }
}

#[test]
fn broken_status_lists_give_could_not_check_for_the_right_reason() {
    let trust = trust();
    let dir = "dcc-vc-test-fixtures/v2/ed25519/didKey";
    for (file, reason) in [
        (
            "legacy-tamperedStatus-noExpiry.json",
            "not trustworthy (not valid)",
        ),
        (
            "legacy-expiredStatus-noExpiry.json",
            "not trustworthy (expired)",
        ),
        (
            "legacy-notYetValidStatus-noExpiry.json",
            "not trustworthy (not yet valid)",
        ),
        (
            "legacy-missingTypeStatus-noExpiry.json",
            "lacks the type BitstringStatusListCredential",
        ),
    ] {
        let report = verify(&read(&format!("{dir}/{file}")), &trust);
        let status = report.check(CheckId::Status).unwrap();
        assert_eq!(
            (report.verdict, status.outcome),
            (CouldNotCheck, Outcome::Skip),
            "{file}"
        );
        assert!(
            status.sentence.contains(reason),
            "{file}: {}",
            status.sentence
        );
    }
    // The DCC lists are 100,000 bits long: read, with a warning.
    let report = verify(
        &read(
            "dcc-vc-test-fixtures/v2/dataIntegrityProof/didKey/noRegsitry-revokedStatus-notExpired.json",
        ),
        &trust,
    );
    assert!(
        report
            .checks
            .iter()
            .any(|c| c.outcome == Outcome::Warn && c.sentence.contains("100000 entries"))
    );
}

/// Verifies `input` with the hosted copy answered as given.
fn verify_hosted(input: &[u8], hosted: Fetched) -> Report {
    struct Hosted(Fetched);
    impl Fetch for Hosted {
        async fn fetch(&self, url: &str) -> Result<Fetched, FetchError> {
            if url == HOSTED_ID {
                return Ok(self.0.clone());
            }
            VectorFetch { hosted: None }.fetch(url).await
        }
    }
    let trust = trust();
    let env = Env {
        trust: &trust,
        now: NOW.parse().unwrap(),
        fetch: &Hosted(hosted),
    };
    block_on(microcred::domain::verify::verify(input, &env))
}

#[test]
fn a_hosted_badge_must_match_the_issuers_copy_on_an_allowed_host() {
    let original = read("1edtech-validator/ob20/basic-assertion.json");
    let ok = |body: &[u8]| Fetched {
        status: 200,
        body: body.to_vec(),
    };
    let tampered = String::from_utf8(original.clone())
        .unwrap()
        .replace("2016-12-31", "2017-12-31");
    let report = verify_hosted(tampered.as_bytes(), ok(&original));
    assert_eq!(report.verdict, Invalid);
    assert!(
        report
            .check(CheckId::Signature)
            .unwrap()
            .sentence
            .contains("differs")
    );

    let gone = verify_hosted(
        &original,
        Fetched {
            status: 410,
            body: Vec::new(),
        },
    );
    assert_eq!(gone.verdict, Revoked);
    let mut revoked: serde_json::Value = serde_json::from_slice(&original).unwrap();
    revoked["revoked"] = true.into();
    let revoked = verify_hosted(&original, ok(revoked.to_string().as_bytes()));
    assert_eq!(revoked.verdict, Revoked);
    let down = verify_hosted(
        &original,
        Fetched {
            status: 503,
            body: Vec::new(),
        },
    );
    assert_eq!(down.verdict, CouldNotCheck);

    // The same assertion claimed to live on another host.
    let elsewhere = String::from_utf8(original.clone())
        .unwrap()
        .replace(HOSTED_ID, "https://evil.example/b.json");
    let report = verify_hosted(elsewhere.as_bytes(), ok(elsewhere.as_bytes()));
    assert_eq!(report.verdict, Invalid);
    assert!(
        report
            .check(CheckId::IssuerTrust)
            .unwrap()
            .sentence
            .contains("does not allow")
    );
}

#[test]
fn a_signed_ob2_assertion_with_a_changed_payload_is_invalid() {
    let token = String::from_utf8(read("1edtech-validator/ob20/simple.jwt")).unwrap();
    let parts: Vec<&str> = token.trim().split('.').collect();
    use base64::Engine as _;
    let b64 = base64::engine::general_purpose::URL_SAFE_NO_PAD;
    let payload = String::from_utf8(b64.decode(parts[1]).unwrap())
        .unwrap()
        .replace("2016", "2015");
    let forged = format!("{}.{}.{}", parts[0], b64.encode(payload), parts[2]);
    assert_eq!(verify(forged.as_bytes(), &trust()).verdict, Invalid);
}

#[test]
fn the_recipient_check_tests_hashed_and_plain_identities() {
    let trust = trust();
    let mut report = verify(&read("1edtech-validator/ob20/simple.jwt"), &trust);
    report.check_recipient(" Nobody@Example.org ");
    assert_eq!(report.verdict, Verified);
    assert_eq!(
        report.check(CheckId::Recipient).unwrap().outcome,
        Outcome::Pass
    );
    let mut report = verify(&read("1edtech-validator/ob20/simple.jwt"), &trust);
    report.check_recipient("somebody@example.org");
    assert_eq!(report.verdict, Invalid);
    let dcc = "dcc-vc-test-fixtures/v2/dataIntegrityProof/didKey/legacyRegistry-noStatus-noExpiry-identityHash.json";
    let mut report = verify(&read(dcc), &trust);
    report.check_recipient("Parker Pearl");
    assert_eq!(
        report.check(CheckId::Recipient).unwrap().outcome,
        Outcome::Pass,
        "{report:?}"
    );
}

#[test]
fn the_other_canonical_forms_of_the_vectors_are_reproduced_too() {
    // Ed25519Signature2020: the document canonicalizes as for rdfc; the proof
    // configuration has its own canonical form.
    let edsig = "w3c-vc-di-eddsa/Ed25519Signature2020";
    assert_eq!(
        rdfc::canonicalize(&text("w3c-vc-di-eddsa/unsigned.json")).unwrap(),
        text(&format!("{edsig}/canonDocEdSig.txt"))
    );
    assert_eq!(
        rdfc::canonicalize(&text(&format!("{edsig}/proofConfigEdSig.json"))).unwrap(),
        text(&format!("{edsig}/proofCanonEdSig.txt"))
    );
    // JCS: the proof configuration.
    let config: serde_json::Value =
        serde_json::from_str(&text("w3c-vc-di-eddsa/eddsa-jcs-2022/proofConfigJCS.json")).unwrap();
    assert_eq!(
        jcs::canonicalize(&config).unwrap(),
        text("w3c-vc-di-eddsa/eddsa-jcs-2022/proofCanonJCS.txt").trim_end()
    );
    // The implementation guide's proof configuration: the proof without its
    // value, with the credential's context.
    let signed: serde_json::Value =
        serde_json::from_str(&text("ob3-impl-guide/signed-credential.json")).unwrap();
    let mut proof = signed["proof"].as_object().cloned().unwrap();
    proof.remove("proofValue");
    proof.insert("@context".into(), signed["@context"].clone());
    assert_eq!(
        rdfc::canonicalize(&serde_json::Value::Object(proof).to_string()).unwrap(),
        text("ob3-impl-guide/proof-canon.txt")
    );
}

#[test]
fn placeholder_endorsement_proofs_are_reported_unverifiable() {
    let report = verify(&read("ob3-spec-examples/ex2-complete.di.json"), &trust());
    let warnings = report
        .checks
        .iter()
        .filter(|c| c.id == CheckId::Endorsements && c.outcome == Outcome::Warn)
        .count();
    assert!(warnings >= 1, "{report:?}");
    let badge = report.badge.unwrap();
    assert!(
        !badge.endorsements.is_empty()
            && badge
                .endorsements
                .iter()
                .all(|e| e.verdict == microcred::domain::verdict::Verdict::Invalid)
    );
}

/// Canonicalization poisoning: blank nodes that all look alike force Hash
/// N-Degree Quads through permutations; the call cap turns that into a
/// clear error instead of a hang.
#[test]
fn a_poisoned_blank_node_graph_is_refused_not_ground_through() {
    let n = 10;
    let nodes: Vec<serde_json::Value> = (0..n)
        .map(|i| {
            let others: Vec<serde_json::Value> = (0..n)
                .filter(|j| *j != i)
                .map(|j| serde_json::json!({"@id": format!("_:b{j}")}))
                .collect();
            serde_json::json!({"@id": format!("_:b{i}"), "https://example.org/p": others})
        })
        .collect();
    let document = serde_json::json!({"@context": {}, "@graph": nodes});
    let result = rdfc::canonicalize(&document.to_string());
    assert!(
        matches!(result, Err(rdfc::CanonError::TooMuchWork(_))),
        "{result:?}"
    );
}
