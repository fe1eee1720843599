//! Issuing badges: signing credentials in every format the verifier reads.
//!
//! Used by `microcred issue` and by the tests that prove tampering is always
//! caught. Pure: the key and the time come in as arguments. Every algorithm
//! here is deterministic (Ed25519, RSASSA-PKCS1-v1_5, ECDSA with RFC 6979
//! nonces), so the same template, key and time give the same bytes: the
//! demo badges can be regenerated exactly.

use base64::Engine as _;
use base64::engine::general_purpose::URL_SAFE_NO_PAD;
use serde_json::{Map, Value, json};
use sha2::{Digest, Sha256};

use crate::domain::instant::UnixTime;
use crate::domain::keys::{Algorithm, PublicKey};
use crate::domain::verify::{jcs, rdfc};

/// A private key read from a PKCS#8 PEM file.
#[derive(Clone)]
pub enum PrivateKey {
    Ed25519(ed25519_dalek::SigningKey),
    P256(p256::ecdsa::SigningKey),
    Rsa(Box<rsa::RsaPrivateKey>),
}

impl std::fmt::Debug for PrivateKey {
    fn fmt(&self, f: &mut std::fmt::Formatter<'_>) -> std::fmt::Result {
        // Never print key material.
        write!(f, "PrivateKey({})", self.algorithm().jose())
    }
}

impl PrivateKey {
    /// Reads a PKCS#8 (`BEGIN PRIVATE KEY`) PEM of an Ed25519, P-256 or RSA key.
    pub fn from_pem(pem: &str) -> Result<PrivateKey, String> {
        use ed25519_dalek::pkcs8::DecodePrivateKey as _;
        if let Ok(key) = ed25519_dalek::SigningKey::from_pkcs8_pem(pem) {
            return Ok(PrivateKey::Ed25519(key));
        }
        if let Ok(key) = p256::ecdsa::SigningKey::from_pkcs8_pem(pem) {
            return Ok(PrivateKey::P256(key));
        }
        if let Ok(key) = rsa::RsaPrivateKey::from_pkcs8_pem(pem) {
            return Ok(PrivateKey::Rsa(Box::new(key)));
        }
        Err("the key file is not a PKCS#8 PEM private key (Ed25519, P-256 or RSA)".into())
    }

    /// The PKCS#8 PEM text of the key.
    pub fn to_pem(&self) -> Result<String, String> {
        use ed25519_dalek::pkcs8::EncodePrivateKey as _;
        let pem = match self {
            PrivateKey::Ed25519(key) => key.to_pkcs8_pem(Default::default()),
            PrivateKey::P256(key) => key.to_pkcs8_pem(Default::default()),
            PrivateKey::Rsa(key) => key.to_pkcs8_pem(Default::default()),
        };
        pem.map(|p| p.to_string()).map_err(|e| e.to_string())
    }

    pub fn algorithm(&self) -> Algorithm {
        match self {
            PrivateKey::Ed25519(_) => Algorithm::EdDsa,
            PrivateKey::P256(_) => Algorithm::Es256,
            PrivateKey::Rsa(_) => Algorithm::Rs256,
        }
    }

    pub fn public_key(&self) -> PublicKey {
        match self {
            PrivateKey::Ed25519(key) => PublicKey::Ed25519(key.verifying_key()),
            PrivateKey::P256(key) => PublicKey::P256(*key.verifying_key()),
            PrivateKey::Rsa(key) => PublicKey::Rsa(key.to_public_key()),
        }
    }

    /// Signs `message` with the key's algorithm.
    pub fn sign(&self, message: &[u8]) -> Vec<u8> {
        use p256::ecdsa::signature::{SignatureEncoding as _, Signer as _};
        match self {
            PrivateKey::Ed25519(key) => key.sign(message).to_bytes().to_vec(),
            PrivateKey::P256(key) => {
                let signature: p256::ecdsa::Signature = key.sign(message);
                signature.to_bytes().to_vec()
            }
            PrivateKey::Rsa(key) => {
                let signer = rsa::pkcs1v15::SigningKey::<Sha256>::new((**key).clone());
                signer.sign(message).to_vec()
            }
        }
    }
}

/// The public key in the three encodings a catalog accepts.
pub fn public_forms(key: &PublicKey) -> Value {
    use rsa::pkcs8::EncodePublicKey as _;
    use rsa::traits::PublicKeyParts as _;
    let b64 = |bytes: &[u8]| URL_SAFE_NO_PAD.encode(bytes);
    match key {
        PublicKey::Ed25519(k) => {
            let mut multikey = vec![0xed, 0x01];
            multikey.extend_from_slice(k.as_bytes());
            json!({
                "publicKeyMultibase": format!("z{}", bs58::encode(multikey).into_string()),
                "publicKeyJwk": {"kty": "OKP", "crv": "Ed25519", "x": b64(k.as_bytes())},
                "publicKeyPem": k.to_public_key_pem(Default::default()).unwrap_or_default(),
            })
        }
        PublicKey::P256(k) => {
            let point = k.to_encoded_point(false);
            let compressed = k.to_encoded_point(true);
            let mut multikey = vec![0x80, 0x24];
            multikey.extend_from_slice(compressed.as_bytes());
            let (x, y) = (point.x().map(|x| b64(x)), point.y().map(|y| b64(y)));
            json!({
                "publicKeyMultibase": format!("z{}", bs58::encode(multikey).into_string()),
                "publicKeyJwk": {"kty": "EC", "crv": "P-256", "x": x, "y": y},
                "publicKeyPem": p256::PublicKey::from(k).to_public_key_pem(Default::default()).unwrap_or_default(),
            })
        }
        PublicKey::Rsa(k) => json!({
            "publicKeyJwk": {"kty": "RSA", "n": b64(&k.n().to_bytes_be()), "e": b64(&k.e().to_bytes_be())},
            "publicKeyPem": k.to_public_key_pem(Default::default()).unwrap_or_default(),
        }),
    }
}

/// The Data Integrity cryptosuites `issue` can produce.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Suite {
    EddsaRdfc2022,
    EddsaJcs2022,
}

impl Suite {
    pub fn name(self) -> &'static str {
        match self {
            Suite::EddsaRdfc2022 => "eddsa-rdfc-2022",
            Suite::EddsaJcs2022 => "eddsa-jcs-2022",
        }
    }
}

/// Adds a Data Integrity proof to a credential (any existing proof is
/// replaced). Ed25519 keys only, as both suites require.
pub fn sign_data_integrity(
    credential: &Map<String, Value>,
    suite: Suite,
    key: &PrivateKey,
    key_id: &str,
    created: UnixTime,
) -> Result<Map<String, Value>, String> {
    if !matches!(key, PrivateKey::Ed25519(_)) {
        return Err(format!("{} needs an Ed25519 key", suite.name()));
    }
    let mut document = credential.clone();
    document.remove("proof");
    let mut config = Map::new();
    config.insert("type".into(), "DataIntegrityProof".into());
    config.insert("cryptosuite".into(), suite.name().into());
    config.insert("created".into(), created.to_string().into());
    config.insert("verificationMethod".into(), key_id.into());
    config.insert("proofPurpose".into(), "assertionMethod".into());
    if let Some(context) = document.get("@context") {
        config.insert("@context".into(), context.clone());
    }
    let (config_text, document_text) = match suite {
        Suite::EddsaRdfc2022 => (
            rdfc::canonicalize(&Value::Object(config.clone()).to_string()),
            rdfc::canonicalize(&Value::Object(document.clone()).to_string()),
        ),
        Suite::EddsaJcs2022 => (
            jcs::canonicalize(&Value::Object(config.clone())).map_err(rdfc::CanonError::JsonLd),
            jcs::canonicalize(&Value::Object(document.clone())).map_err(rdfc::CanonError::JsonLd),
        ),
    };
    let config_text = config_text.map_err(|e| e.to_string())?;
    let document_text = document_text.map_err(|e| e.to_string())?;
    let mut message = Sha256::digest(config_text.as_bytes()).to_vec();
    message.extend_from_slice(&Sha256::digest(document_text.as_bytes()));
    let signature = key.sign(&message);
    let mut proof = config;
    if suite == Suite::EddsaRdfc2022 {
        // rdfc's proof takes the document's context when checked; it is not stored.
        proof.remove("@context");
    }
    proof.insert(
        "proofValue".into(),
        format!("z{}", bs58::encode(signature).into_string()).into(),
    );
    let mut signed = document;
    signed.insert("proof".into(), Value::Object(proof));
    Ok(signed)
}

/// A compact JWS over `payload` with `header` (to which `alg` is added).
fn compact_jws(mut header: Map<String, Value>, payload: &Value, key: &PrivateKey) -> String {
    header.insert("alg".into(), key.algorithm().jose().into());
    let h = URL_SAFE_NO_PAD.encode(Value::Object(header).to_string());
    let p = URL_SAFE_NO_PAD.encode(payload.to_string());
    let signature = key.sign(format!("{h}.{p}").as_bytes());
    format!("{h}.{p}.{}", URL_SAFE_NO_PAD.encode(signature))
}

/// A VC-JWT: the credential as the payload (VC-JOSE style), with `iss`,
/// `jti`, `sub`, `nbf` and `exp` taken from it, signed with `key`.
pub fn sign_vc_jwt(credential: &Map<String, Value>, key: &PrivateKey, key_id: &str) -> String {
    let mut payload = credential.clone();
    payload.remove("proof");
    let issuer = match credential.get("issuer") {
        Some(Value::String(s)) => Some(s.clone()),
        Some(Value::Object(o)) => o.get("id").and_then(Value::as_str).map(str::to_owned),
        _ => None,
    };
    let subject = credential
        .get("credentialSubject")
        .and_then(|s| s.get("id"))
        .and_then(Value::as_str)
        .map(str::to_owned);
    let instant = |key: &str| {
        credential
            .get(key)
            .and_then(Value::as_str)
            .and_then(|t| t.parse::<UnixTime>().ok())
            .map(|t| Value::from(t.0))
    };
    for (claim, value) in [
        ("iss", issuer.map(Value::from)),
        ("jti", credential.get("id").cloned()),
        ("sub", subject.map(Value::from)),
        ("nbf", instant("validFrom")),
        ("exp", instant("validUntil")),
    ] {
        if let Some(value) = value {
            payload.insert(claim.into(), value);
        }
    }
    let mut header = Map::new();
    header.insert("typ".into(), "JWT".into());
    header.insert("kid".into(), key_id.into());
    compact_jws(header, &Value::Object(payload), key)
}

/// An Open Badges 2.0 signed assertion: a JWS whose payload is the
/// assertion with `verification: {type: signed, creator: key_id}`. A
/// template that already names a signed type in another spelling
/// (`SignedBadge`, the full IRI) keeps it.
pub fn sign_ob2(assertion: &Map<String, Value>, key: &PrivateKey, key_id: &str) -> String {
    let mut payload = assertion.clone();
    let spelling = match crate::domain::verify::ob2::Verification::of(assertion) {
        Ok(crate::domain::verify::ob2::Verification::Signed) => assertion
            .get("verification")
            .and_then(|v| v.get("type"))
            .cloned()
            .unwrap_or_else(|| json!("signed")),
        _ => json!("signed"),
    };
    payload.insert(
        "verification".into(),
        json!({"type": spelling, "creator": key_id}),
    );
    compact_jws(Map::new(), &Value::Object(payload), key)
}

/// A bitstring as a status list's `encodedList`: GZIP, then multibase
/// base64url (`u…`).
pub fn encode_bitstring(bits: &[u8]) -> Result<String, String> {
    use std::io::Write as _;
    let mut encoder = flate2::write::GzEncoder::new(Vec::new(), flate2::Compression::best());
    encoder.write_all(bits).map_err(|e| e.to_string())?;
    let compressed = encoder.finish().map_err(|e| e.to_string())?;
    Ok(format!("u{}", URL_SAFE_NO_PAD.encode(compressed)))
}
