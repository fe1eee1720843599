//! Properties of the verifier over credentials issued here, in every format:
//! - any one value changed after signing → never `verified`;
//! - members reordered and whitespace reformatted → still `verified` (for
//!   the formats signed as JSON-LD or JCS; a JWS signs bytes, so there the
//!   property is about the whitespace around the token and the image).
//!
//! Every leaf of every credential is changed in turn (no sampling): the
//! credentials are small, so exhaustive beats random.

#![cfg(feature = "verifier")]

use microcred::domain::instant::UnixTime;
use microcred::domain::issue::{self, PrivateKey, Suite};
use microcred::domain::verify::baked;
use microcred::domain::verify::trust::{TrustedIssuer, TrustedKey};
use microcred::domain::verify::{Env, NoFetch, Report, TrustStore, Verdict, block_on, verify};
use serde_json::{Map, Value, json};

const ISSUER: &str = "https://kestrel.example/issuers/microcredentials";
const NOW: UnixTime = UnixTime(1_795_000_000); // 2026-11-18

fn key(file: &str) -> PrivateKey {
    let pem = std::fs::read_to_string(format!("{}/tests/keys/{file}", env!("CARGO_MANIFEST_DIR")))
        .unwrap();
    PrivateKey::from_pem(&pem).unwrap()
}

fn keys() -> Vec<(&'static str, PrivateKey)> {
    let p256 = p256::ecdsa::SigningKey::from_slice(&[7u8; 32]).unwrap();
    vec![
        ("#ed25519", key("demo-issuer-2024.ed25519.pem")),
        ("#rsa", key("demo-issuer-ob2.rsa.pem")),
        ("#p256", PrivateKey::P256(p256)),
    ]
}

fn trust() -> TrustStore {
    TrustStore {
        issuers: vec![TrustedIssuer {
            id: ISSUER.into(),
            name: "Kestrel".into(),
            url: "https://kestrel.example/".into(),
            image: None,
            hosted_origins: vec![],
            keys: keys()
                .into_iter()
                .map(|(id, k)| TrustedKey {
                    id: format!("{ISSUER}{id}"),
                    key: k.public_key(),
                    valid_from: None,
                    valid_until: None,
                })
                .collect(),
        }],
    }
}

fn template() -> Map<String, Value> {
    let value = json!({
        "@context": [
            "https://www.w3.org/ns/credentials/v2",
            "https://purl.imsglobal.org/spec/ob/v3p0/context-3.0.3.json"
        ],
        "id": "urn:uuid:8d1b1e6e-2a43-4b1e-9a55-3c5e0c0f9a01",
        "type": ["VerifiableCredential", "OpenBadgeCredential"],
        "issuer": {"id": ISSUER, "type": ["Profile"], "name": "Kestrel University"},
        "validFrom": "2026-03-01T00:00:00Z",
        "validUntil": "2029-03-01T00:00:00Z",
        "name": "Health Data Foundations",
        "credentialSubject": {
            "id": "did:example:learner-1",
            "type": ["AchievementSubject"],
            "achievement": {
                "id": "https://kestrel.example/achievements/health-data-foundations",
                "type": ["Achievement"],
                "name": "Health Data Foundations",
                "description": "Finds, cleans and describes health data sets.",
                "criteria": {"narrative": "Passed the assessment with at least 70%."}
            }
        }
    });
    value.as_object().cloned().unwrap()
}

fn check(input: &[u8]) -> Report {
    let trust = trust();
    let env = Env {
        trust: &trust,
        now: NOW,
        fetch: &NoFetch,
    };
    block_on(verify(input, &env))
}

/// Every path to a leaf (string, number, boolean) of a JSON value.
fn leaves(value: &Value, path: Vec<String>, out: &mut Vec<Vec<String>>) {
    match value {
        Value::Object(map) => map
            .iter()
            .for_each(|(k, v)| leaves(v, [path.clone(), vec![k.clone()]].concat(), out)),
        Value::Array(items) => items
            .iter()
            .enumerate()
            .for_each(|(i, v)| leaves(v, [path.clone(), vec![i.to_string()]].concat(), out)),
        _ => out.push(path),
    }
}

/// A copy with the leaf at `path` changed (string gets a character, a
/// number grows by one, a boolean flips).
fn changed(value: &Value, path: &[String]) -> Value {
    let mut copy = value.clone();
    let mut at = &mut copy;
    for step in path {
        at = match at {
            Value::Object(map) => map.get_mut(step).unwrap(),
            Value::Array(items) => &mut items[step.parse::<usize>().unwrap()],
            _ => unreachable!(),
        };
    }
    *at = match at {
        Value::String(s) => Value::String(format!("{s}x")),
        Value::Number(n) => json!(n.as_f64().unwrap() + 1.0),
        Value::Bool(b) => Value::Bool(!*b),
        Value::Null => json!(0),
        _ => unreachable!(),
    };
    copy
}

/// The same JSON with every object's members in reverse order, pretty-printed.
fn reordered(value: &Value) -> String {
    fn reverse(value: &Value) -> Value {
        match value {
            Value::Object(map) => {
                let mut out = Map::new();
                for (k, v) in map.iter().rev() {
                    out.insert(k.clone(), reverse(v));
                }
                Value::Object(out)
            }
            Value::Array(items) => Value::Array(items.iter().map(reverse).collect()),
            other => other.clone(),
        }
    }
    format!(
        "\n\t{}\n\n",
        serde_json::to_string_pretty(&reverse(value)).unwrap()
    )
}

#[test]
fn data_integrity_credentials_survive_reformatting_and_catch_every_change() {
    let (_, ed25519) = &keys()[0];
    for suite in [Suite::EddsaRdfc2022, Suite::EddsaJcs2022] {
        let signed = issue::sign_data_integrity(
            &template(),
            suite,
            ed25519,
            &format!("{ISSUER}#ed25519"),
            UnixTime(1_772_323_200),
        )
        .unwrap();
        let signed = Value::Object(signed);
        assert_eq!(
            check(signed.to_string().as_bytes()).verdict,
            Verdict::Verified,
            "{suite:?}"
        );
        assert_eq!(
            check(reordered(&signed).as_bytes()).verdict,
            Verdict::Verified,
            "{suite:?} reordered"
        );
        let mut paths = Vec::new();
        leaves(&signed, Vec::new(), &mut paths);
        assert!(paths.len() > 20, "{}", paths.len());
        for path in paths {
            let tampered = changed(&signed, &path);
            let verdict = check(tampered.to_string().as_bytes()).verdict;
            assert_ne!(
                verdict,
                Verdict::Verified,
                "{suite:?}: changing {path:?} went unnoticed"
            );
        }
    }
}

#[test]
fn vc_jwts_and_ob2_jws_catch_every_change_with_every_key_type() {
    use base64::Engine as _;
    let b64 = base64::engine::general_purpose::URL_SAFE_NO_PAD;
    let assertion = json!({
        "@context": "https://w3id.org/openbadges/v2",
        "type": "Assertion",
        "id": "https://badges.kestrel.example/assertions/1",
        "recipient": {"type": "email", "hashed": false, "identity": "learner@example.org"},
        "issuedOn": "2026-03-01T00:00:00Z",
        "badge": {
            "type": "BadgeClass",
            "id": "https://kestrel.example/badges/hdf",
            "name": "Health Data Foundations",
            "issuer": {"type": "Issuer", "id": ISSUER, "name": "Kestrel University"}
        }
    });
    for (id, key) in keys() {
        let key_id = format!("{ISSUER}{id}");
        let tokens = [
            ("VC-JWT", issue::sign_vc_jwt(&template(), &key, &key_id)),
            (
                "OB 2.0",
                issue::sign_ob2(assertion.as_object().unwrap(), &key, &key_id),
            ),
        ];
        for (what, token) in tokens {
            let report = check(format!("\n  {token}  \n").as_bytes());
            assert_eq!(report.verdict, Verdict::Verified, "{what} {id}: {report:?}");
            let parts: Vec<&str> = token.split('.').collect();
            let payload: Value = serde_json::from_slice(&b64.decode(parts[1]).unwrap()).unwrap();
            let mut paths = Vec::new();
            leaves(&payload, Vec::new(), &mut paths);
            for path in paths {
                let tampered = b64.encode(changed(&payload, &path).to_string());
                let forged = format!("{}.{tampered}.{}", parts[0], parts[2]);
                let verdict = check(forged.as_bytes()).verdict;
                assert_ne!(
                    verdict,
                    Verdict::Verified,
                    "{what} {id}: changing {path:?} went unnoticed"
                );
            }
            // A different header (another alg, no kid) is caught too.
            let header = b64.encode(r#"{"alg":"EdDSA","typ":"JWT","kid":"x"}"#);
            let swapped = format!("{header}.{}.{}", parts[1], parts[2]);
            assert_ne!(
                check(swapped.as_bytes()).verdict,
                Verdict::Verified,
                "{what} {id}: header swap"
            );
        }
    }
}

#[test]
fn baked_images_verify_and_catch_a_changed_credential() {
    let (_, ed25519) = &keys()[0];
    let signed = issue::sign_data_integrity(
        &template(),
        Suite::EddsaRdfc2022,
        ed25519,
        &format!("{ISSUER}#ed25519"),
        UnixTime(1_772_323_200),
    )
    .unwrap();
    let text = Value::Object(signed).to_string();
    let png = baked::bake_png(&minimal_png(), &text, "openbadgecredential").unwrap();
    assert_eq!(check(&png).verdict, Verdict::Verified);
    let svg = baked::bake_svg(
        r#"<svg xmlns="http://www.w3.org/2000/svg" viewBox="0 0 10 10"><circle r="4"/></svg>"#,
        &text,
    )
    .unwrap();
    assert_eq!(check(svg.as_bytes()).verdict, Verdict::Verified);
    let tampered = text.replace(
        "Health Data Foundations",
        "Health Data Foundations (Honours)",
    );
    let png = baked::bake_png(&minimal_png(), &tampered, "openbadgecredential").unwrap();
    assert_eq!(check(&png).verdict, Verdict::Invalid);
    // Baking twice is refused: an image carries one credential.
    let once = baked::bake_png(&minimal_png(), &text, "openbadgecredential").unwrap();
    assert_eq!(
        baked::bake_png(&once, &text, "openbadgecredential"),
        Err(baked::BakedError::AlreadyBaked)
    );
}

/// A 1×1 PNG.
fn minimal_png() -> Vec<u8> {
    let mut out = b"\x89PNG\r\n\x1a\n".to_vec();
    let mut chunk = |kind: &[u8], data: &[u8]| {
        out.extend_from_slice(&(data.len() as u32).to_be_bytes());
        let body = [kind, data].concat();
        out.extend_from_slice(&body);
        out.extend_from_slice(&baked::crc32(&body).to_be_bytes());
    };
    chunk(b"IHDR", &[0, 0, 0, 1, 0, 0, 0, 1, 8, 0, 0, 0, 0]);
    chunk(
        b"IDAT",
        &[0x78, 0x9c, 0x63, 0x60, 0x00, 0x00, 0x00, 0x02, 0x00, 0x01],
    );
    chunk(b"IEND", &[]);
    out
}

/// Issuing is byte-compatible with the W3C test vectors: re-signing the
/// unsigned credential with the vectors' key and proof options gives the
/// published signatures exactly (Ed25519 is deterministic).
#[test]
fn issuing_reproduces_the_w3c_signatures() {
    let dir = concat!(
        env!("CARGO_MANIFEST_DIR"),
        "/../shared/vectors/w3c-vc-di-eddsa"
    );
    let read = |f: &str| -> Value {
        serde_json::from_str(&std::fs::read_to_string(format!("{dir}/{f}")).unwrap()).unwrap()
    };
    let pair = read("keyPair.json");
    let private = bs58::decode(&pair["privateKeyMultibase"].as_str().unwrap()[1..])
        .into_vec()
        .unwrap();
    assert_eq!(&private[..2], &[0x80, 0x26], "multicodec ed25519-priv");
    let seed: [u8; 32] = private[2..].try_into().unwrap();
    let key = PrivateKey::Ed25519(ed25519_dalek::SigningKey::from_bytes(&seed));
    let unsigned = read("unsigned.json").as_object().cloned().unwrap();
    let method = "did:key:z6MkrJVnaZkeFzdQyMZu1cgjg7k1pZZ6pvBQ7XJPt4swbTQ2#z6MkrJVnaZkeFzdQyMZu1cgjg7k1pZZ6pvBQ7XJPt4swbTQ2";
    let created: UnixTime = "2023-02-24T23:36:38Z".parse().unwrap();
    for (suite, signed) in [
        (Suite::EddsaRdfc2022, "eddsa-rdfc-2022/signedDataInt.json"),
        (Suite::EddsaJcs2022, "eddsa-jcs-2022/signedJCS.json"),
    ] {
        let ours = issue::sign_data_integrity(&unsigned, suite, &key, method, created).unwrap();
        assert_eq!(
            ours["proof"]["proofValue"],
            read(signed)["proof"]["proofValue"],
            "{suite:?}"
        );
    }
}

/// Untrusted links in a badge reach the view model only as http(s); images
/// only as https or inline data.
#[test]
fn script_links_never_reach_the_view_model() {
    let mut credential = template();
    credential["issuer"]["url"] = json!("javascript:alert(1)");
    let achievement = &mut credential["credentialSubject"]["achievement"];
    achievement["image"] = json!({"id": "javascript:alert(2)", "type": "Image"});
    achievement["alignment"] =
        json!([{"type": ["Alignment"], "targetName": "x", "targetUrl": " JavaScript:alert(3)"}]);
    let (_, ed25519) = &keys()[0];
    let signed = issue::sign_data_integrity(
        &credential,
        Suite::EddsaRdfc2022,
        ed25519,
        &format!("{ISSUER}#ed25519"),
        UnixTime(1_772_323_200),
    )
    .unwrap();
    let report = check(Value::Object(signed).to_string().as_bytes());
    assert_eq!(report.verdict, Verdict::Verified);
    let badge = report.badge.unwrap();
    assert_eq!(
        (
            badge.issuer.url,
            badge.achievement.image,
            badge.alignments[0].url.clone()
        ),
        (None, None, None)
    );
}
