//! Issuer public keys, in the three encodings the catalog allows.
//!
//! A key in the catalog is the *only* thing that can make a signature count
//! (DESIGN.md, principle 2), so parsing is strict: a key that does not decode
//! to a valid point or modulus is an error at `catalog check` time, not a
//! surprise at verification time. A JWK carrying private material (`d`, `p`,
//! `q`, …) is refused outright: that catalog is public.

use base64::Engine as _;
use base64::engine::general_purpose::URL_SAFE_NO_PAD;
use rsa::pkcs1::DecodeRsaPublicKey as _;
use rsa::pkcs8::DecodePublicKey as _;
use rsa::traits::PublicKeyParts as _;
use serde_json::{Map, Value};

/// Smallest RSA modulus we trust, in bits (NIST SP 800-131A).
pub const MIN_RSA_BITS: usize = 2048;

/// A parsed, checked public key.
#[derive(Debug, Clone, PartialEq, Eq)]
pub enum PublicKey {
    Ed25519(ed25519_dalek::VerifyingKey),
    P256(p256::ecdsa::VerifyingKey),
    Rsa(rsa::RsaPublicKey),
}

impl PublicKey {
    /// A short name for people: "Ed25519", "ECDSA P-256", "RSA-2048".
    pub fn algorithm(&self) -> String {
        match self {
            PublicKey::Ed25519(_) => "Ed25519".to_owned(),
            PublicKey::P256(_) => "ECDSA P-256".to_owned(),
            PublicKey::Rsa(key) => format!("RSA-{}", key.n().bits()),
        }
    }
}

/// The signature algorithms badges use (JOSE names).
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Algorithm {
    /// RSASSA-PKCS1-v1_5 with SHA-256.
    Rs256,
    /// ECDSA P-256 with SHA-256, signature as r‖s (64 bytes).
    Es256,
    /// Pure Ed25519.
    EdDsa,
}

impl Algorithm {
    /// The algorithm a JOSE `alg` names, if it is one we accept. `none`, the
    /// HMAC family (a shared secret proves nothing to a third party) and
    /// everything else are refused.
    pub fn from_jose(alg: &str) -> Option<Algorithm> {
        match alg {
            "RS256" => Some(Algorithm::Rs256),
            "ES256" => Some(Algorithm::Es256),
            "EdDSA" | "Ed25519" => Some(Algorithm::EdDsa),
            _ => None,
        }
    }

    pub fn jose(self) -> &'static str {
        match self {
            Algorithm::Rs256 => "RS256",
            Algorithm::Es256 => "ES256",
            Algorithm::EdDsa => "EdDSA",
        }
    }
}

impl PublicKey {
    /// Whether `signature` over `message` verifies with this key under `alg`.
    /// A key of another type never verifies. Ed25519 uses strict
    /// verification (no malleable signatures, no weak keys).
    pub fn verify(&self, alg: Algorithm, message: &[u8], signature: &[u8]) -> bool {
        use p256::ecdsa::signature::Verifier as _;
        match (self, alg) {
            (PublicKey::Ed25519(key), Algorithm::EdDsa) => {
                let Ok(bytes) = <[u8; 64]>::try_from(signature) else {
                    return false;
                };
                key.verify_strict(message, &ed25519_dalek::Signature::from_bytes(&bytes))
                    .is_ok()
            }
            (PublicKey::P256(key), Algorithm::Es256) => {
                p256::ecdsa::Signature::from_slice(signature)
                    .is_ok_and(|sig| key.verify(message, &sig).is_ok())
            }
            (PublicKey::Rsa(key), Algorithm::Rs256) => {
                let key = rsa::pkcs1v15::VerifyingKey::<sha2::Sha256>::new(key.clone());
                rsa::pkcs1v15::Signature::try_from(signature)
                    .is_ok_and(|sig| key.verify(message, &sig).is_ok())
            }
            _ => false,
        }
    }
}

#[derive(Debug, Clone, PartialEq, Eq, thiserror::Error)]
#[non_exhaustive]
pub enum KeyError {
    #[error("The JWK contains private key material (“{0}”); only public keys may be published.")]
    PrivateMaterial(String),
    #[error(
        "The JWK has kty “{kty}” and crv “{crv}”; supported are OKP/Ed25519, EC/P-256 and RSA."
    )]
    UnsupportedJwk { kty: String, crv: String },
    #[error("The JWK member “{0}” is missing or is not a string.")]
    JwkMember(&'static str),
    #[error("The JWK member “{0}” is not base64url without padding.")]
    JwkBase64(&'static str),
    #[error("The multibase key must start with “z” (base58btc).")]
    MultibasePrefix,
    #[error("The multibase key is not valid base58btc.")]
    Base58,
    #[error("The multikey's codec is not Ed25519 (0xed) or P-256 (0x1200).")]
    UnsupportedMultikey,
    #[error(
        "The PEM block is not a public key we can read (SPKI for RSA, P-256 or Ed25519, or PKCS#1 RSA)."
    )]
    Pem,
    #[error("The {0} key bytes do not form a valid public key.")]
    InvalidPoint(&'static str),
    #[error("The RSA key has {0} bits; at least {MIN_RSA_BITS} are required.")]
    WeakRsa(usize),
}

const PRIVATE_JWK_MEMBERS: [&str; 8] = ["d", "p", "q", "dp", "dq", "qi", "oth", "k"];

/// Parses a JSON Web Key (RFC 7517) holding a public key.
pub fn from_jwk(jwk: &Map<String, Value>) -> Result<PublicKey, KeyError> {
    if let Some(member) = PRIVATE_JWK_MEMBERS.iter().find(|m| jwk.contains_key(**m)) {
        return Err(KeyError::PrivateMaterial((*member).to_owned()));
    }
    let text = |name: &'static str| {
        jwk.get(name)
            .and_then(Value::as_str)
            .ok_or(KeyError::JwkMember(name))
    };
    let bytes = |name: &'static str| {
        text(name).and_then(|t| {
            URL_SAFE_NO_PAD
                .decode(t)
                .map_err(|_| KeyError::JwkBase64(name))
        })
    };
    let kty = text("kty")?;
    let crv = jwk.get("crv").and_then(Value::as_str).unwrap_or("");
    match (kty, crv) {
        ("OKP", "Ed25519") => ed25519(&bytes("x")?),
        ("EC", "P-256") => {
            let (x, y) = (bytes("x")?, bytes("y")?);
            if x.len() != 32 || y.len() != 32 {
                return Err(KeyError::InvalidPoint("P-256"));
            }
            let mut sec1 = Vec::with_capacity(65);
            sec1.push(0x04);
            sec1.extend_from_slice(&x);
            sec1.extend_from_slice(&y);
            p256_sec1(&sec1)
        }
        ("RSA", _) => {
            let n = rsa::BigUint::from_bytes_be(&bytes("n")?);
            let e = rsa::BigUint::from_bytes_be(&bytes("e")?);
            rsa_checked(rsa::RsaPublicKey::new(n, e).map_err(|_| KeyError::InvalidPoint("RSA"))?)
        }
        _ => Err(KeyError::UnsupportedJwk {
            kty: kty.to_owned(),
            crv: crv.to_owned(),
        }),
    }
}

/// Parses a JWK given as JSON text.
pub fn from_jwk_text(text: &str) -> Result<PublicKey, KeyError> {
    match serde_json::from_str::<Value>(text) {
        Ok(Value::Object(map)) => from_jwk(&map),
        _ => Err(KeyError::JwkMember("kty")),
    }
}

/// Parses a Multikey `publicKeyMultibase` value (`z6Mk…` for Ed25519,
/// `zDn…` for P-256).
pub fn from_multibase(text: &str) -> Result<PublicKey, KeyError> {
    let encoded = text.strip_prefix('z').ok_or(KeyError::MultibasePrefix)?;
    let bytes = bs58::decode(encoded)
        .into_vec()
        .map_err(|_| KeyError::Base58)?;
    match bytes.as_slice() {
        [0xed, 0x01, key @ ..] => ed25519(key),
        [0x80, 0x24, key @ ..] => p256_sec1(key),
        _ => Err(KeyError::UnsupportedMultikey),
    }
}

/// Parses a PEM public key: SPKI (`BEGIN PUBLIC KEY`) for RSA, P-256 or
/// Ed25519, or PKCS#1 (`BEGIN RSA PUBLIC KEY`).
pub fn from_pem(pem: &str) -> Result<PublicKey, KeyError> {
    let pem = pem.trim();
    if pem.contains("PRIVATE KEY") {
        return Err(KeyError::PrivateMaterial("PRIVATE KEY".to_owned()));
    }
    if let Ok(key) = rsa::RsaPublicKey::from_public_key_pem(pem) {
        return rsa_checked(key);
    }
    if let Ok(key) = rsa::RsaPublicKey::from_pkcs1_pem(pem) {
        return rsa_checked(key);
    }
    if let Ok(key) = p256::PublicKey::from_public_key_pem(pem) {
        return Ok(PublicKey::P256(p256::ecdsa::VerifyingKey::from(key)));
    }
    if let Ok(key) = ed25519_dalek::VerifyingKey::from_public_key_pem(pem) {
        return ed25519(key.as_bytes());
    }
    Err(KeyError::Pem)
}

fn ed25519(bytes: &[u8]) -> Result<PublicKey, KeyError> {
    let bytes: [u8; 32] = bytes
        .try_into()
        .map_err(|_| KeyError::InvalidPoint("Ed25519"))?;
    let key = ed25519_dalek::VerifyingKey::from_bytes(&bytes)
        .map_err(|_| KeyError::InvalidPoint("Ed25519"))?;
    // A small-order point would let anyone forge "valid" signatures under
    // permissive verification; such a key is never a real issuer's.
    if key.is_weak() {
        return Err(KeyError::InvalidPoint("Ed25519"));
    }
    Ok(PublicKey::Ed25519(key))
}

fn p256_sec1(bytes: &[u8]) -> Result<PublicKey, KeyError> {
    p256::ecdsa::VerifyingKey::from_sec1_bytes(bytes)
        .map(PublicKey::P256)
        .map_err(|_| KeyError::InvalidPoint("P-256"))
}

fn rsa_checked(key: rsa::RsaPublicKey) -> Result<PublicKey, KeyError> {
    let bits = key.n().bits();
    if bits < MIN_RSA_BITS {
        return Err(KeyError::WeakRsa(bits));
    }
    Ok(PublicKey::Rsa(key))
}

#[cfg(test)]
mod tests {
    use super::*;

    /// RFC 8037 appendix A.2: the Ed25519 public key as a JWK.
    const RFC8037_X: &str = "11qYAYKxCrfVS_7TyWQHOg7hcvPapiMlrwIaaPcHURo";

    fn jwk(value: serde_json::Value) -> Map<String, Value> {
        value.as_object().cloned().unwrap()
    }

    #[test]
    fn reads_the_rfc8037_ed25519_jwk() {
        let key = from_jwk(&jwk(
            serde_json::json!({"kty": "OKP", "crv": "Ed25519", "x": RFC8037_X}),
        ));
        assert_eq!(key.map(|k| k.algorithm()), Ok("Ed25519".to_owned()));
    }

    #[test]
    fn refuses_a_jwk_with_private_material() {
        let key = from_jwk(&jwk(serde_json::json!({
            "kty": "OKP", "crv": "Ed25519", "x": RFC8037_X,
            "d": "nWGxne_9WmC6hEr0kuwsxERJxWl7MmkZcDusAxyuf2A"
        })));
        assert_eq!(key, Err(KeyError::PrivateMaterial("d".to_owned())));
    }

    #[test]
    fn refuses_symmetric_and_unknown_jwks() {
        let hmac = from_jwk(&jwk(serde_json::json!({"kty": "oct", "k": "c2VjcmV0"})));
        assert!(matches!(hmac, Err(KeyError::PrivateMaterial(_))));
        let x25519 = from_jwk(&jwk(
            serde_json::json!({"kty": "OKP", "crv": "X25519", "x": RFC8037_X}),
        ));
        assert!(matches!(x25519, Err(KeyError::UnsupportedJwk { .. })));
    }

    #[test]
    fn reads_the_multikey_from_the_w3c_eddsa_example() {
        // vc-di-eddsa §A.1 example key.
        let key = from_multibase("z6MkrJVnaZkeFzdQyMZu1cgjg7k1pZZ6pvBQ7XJPt4swbTQ2");
        assert_eq!(key.map(|k| k.algorithm()), Ok("Ed25519".to_owned()));
    }

    #[test]
    fn multibase_errors_are_specific() {
        assert_eq!(from_multibase("6MkrJVna"), Err(KeyError::MultibasePrefix));
        assert_eq!(from_multibase("z0OIl"), Err(KeyError::Base58));
        assert_eq!(from_multibase("z2222"), Err(KeyError::UnsupportedMultikey));
        let short = format!(
            "z{}",
            bs58::encode([&[0xed, 0x01][..], &[7u8; 31]].concat()).into_string()
        );
        assert_eq!(
            from_multibase(&short),
            Err(KeyError::InvalidPoint("Ed25519"))
        );
    }

    #[test]
    fn refuses_a_small_order_ed25519_point() {
        let mut identity = [0u8; 32];
        identity[0] = 1;
        assert_eq!(ed25519(&identity), Err(KeyError::InvalidPoint("Ed25519")));
    }

    #[test]
    fn pem_with_a_private_key_is_refused() {
        let pem =
            "-----BEGIN PRIVATE KEY-----\nMC4CAQAwBQYDK2VwBCIEIA==\n-----END PRIVATE KEY-----";
        assert!(matches!(from_pem(pem), Err(KeyError::PrivateMaterial(_))));
        assert_eq!(from_pem("not a pem"), Err(KeyError::Pem));
    }
}
