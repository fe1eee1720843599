//! Compact JWS (RFC 7515): VC-JWT credentials and Open Badges 2.0 signed
//! assertions.
//!
//! Parsing is strict and total: three base64url parts without padding, a
//! JSON object header naming an accepted algorithm, and a JSON object
//! payload. `alg: none` and every HMAC algorithm are refused before any key
//! is looked at; a `crit` header (an extension we would have to understand)
//! is refused too.

use base64::Engine as _;
use base64::engine::general_purpose::URL_SAFE_NO_PAD;
use serde_json::{Map, Value};

use super::di::{ProofCheck, ProofOutcome};
use super::trust::{Resolved, TrustStore};
use crate::domain::keys::{self, Algorithm, PublicKey};

/// A parsed compact JWS.
#[derive(Debug, Clone)]
pub struct Jws {
    pub header: Map<String, Value>,
    pub payload: Map<String, Value>,
    pub algorithm: Algorithm,
    /// `BASE64URL(header) . BASE64URL(payload)`: the bytes that were signed.
    pub signing_input: String,
    pub signature: Vec<u8>,
}

/// Whether `text` has the shape of a compact JWS (three base64url parts).
pub fn looks_like(text: &str) -> bool {
    let parts: Vec<&str> = text.split('.').collect();
    parts.len() == 3
        && !parts[0].is_empty()
        && !parts[1].is_empty()
        && parts.iter().all(|p| {
            p.bytes()
                .all(|b| b.is_ascii_alphanumeric() || b == b'-' || b == b'_')
        })
}

/// Parses a compact JWS, refusing unusable algorithms.
pub fn parse(text: &str) -> Result<Jws, String> {
    let text = text.trim();
    let mut parts = text.split('.');
    let (Some(h), Some(p), Some(s), None) =
        (parts.next(), parts.next(), parts.next(), parts.next())
    else {
        return Err("a compact JWS has exactly three parts separated by dots".into());
    };
    let decode = |part: &str, what: &str| {
        URL_SAFE_NO_PAD
            .decode(part)
            .map_err(|_| format!("the JWS {what} is not base64url without padding"))
    };
    let object = |bytes: Vec<u8>, what: &str| match serde_json::from_slice::<Value>(&bytes) {
        Ok(Value::Object(map)) => Ok(map),
        _ => Err(format!("the JWS {what} is not a JSON object")),
    };
    let header = object(decode(h, "header")?, "header")?;
    let alg = header.get("alg").and_then(Value::as_str).unwrap_or("");
    let algorithm = match alg {
        "" => return Err("the JWS header names no algorithm".into()),
        "none" => return Err("the JWS is unsigned (alg “none”)".into()),
        a if a.starts_with("HS") => {
            return Err(format!(
                "the JWS uses {a}, a shared-secret MAC that proves nothing to a third party"
            ));
        }
        a => Algorithm::from_jose(a).ok_or_else(|| {
            format!("the JWS algorithm “{a}” is not supported (RS256, ES256, EdDSA)")
        })?,
    };
    if header.contains_key("crit") {
        return Err(
            "the JWS header has critical extensions (“crit”) this verifier does not implement"
                .into(),
        );
    }
    let payload = object(decode(p, "payload")?, "payload")?;
    let signature = decode(s, "signature")?;
    Ok(Jws {
        header,
        payload,
        algorithm,
        signing_input: format!("{h}.{p}"),
        signature,
    })
}

impl Jws {
    /// The key id the header names, if any.
    pub fn kid(&self) -> Option<&str> {
        self.header.get("kid").and_then(Value::as_str)
    }

    /// The public key embedded in the header (`jwk`), if any: self-asserted.
    pub fn embedded_key(&self) -> Option<Result<PublicKey, String>> {
        let jwk = self.header.get("jwk")?;
        Some(match jwk {
            Value::Object(map) => keys::from_jwk(map).map_err(|e| e.to_string()),
            _ => Err("the header's “jwk” is not an object".into()),
        })
    }

    pub fn verifies_with(&self, key: &PublicKey) -> bool {
        key.verify(
            self.algorithm,
            self.signing_input.as_bytes(),
            &self.signature,
        )
    }
}

/// Finds the key and checks the signature of a JWS whose credential names
/// `issuer_id`. In order: the header's `kid` (a catalog key id, or a key the
/// id describes itself); the header's embedded `jwk` (trusted only if the
/// catalog lists that exact key for the issuer); otherwise each key the
/// catalog lists for the issuer.
pub fn check<'a>(jws: &Jws, issuer_id: &str, trust: &'a TrustStore) -> ProofCheck<'a> {
    let suite = format!("VC-JWT {}", jws.algorithm.jose());
    let (method, outcome) = find_key(jws, issuer_id, trust);
    ProofCheck {
        suite,
        method,
        outcome,
        hashes: None,
    }
}

fn find_key<'a>(jws: &Jws, issuer_id: &str, trust: &'a TrustStore) -> (String, ProofOutcome<'a>) {
    let verdict =
        |ok: bool, good: ProofOutcome<'a>| if ok { good } else { ProofOutcome::BadSignature };
    if let Some(kid) = jws.kid() {
        match trust.resolve(issuer_id, kid) {
            Resolved::Trusted(issuer, key) => {
                return (
                    kid.to_owned(),
                    verdict(
                        jws.verifies_with(&key.key),
                        ProofOutcome::Trusted(issuer, key),
                    ),
                );
            }
            Resolved::SelfAsserted(key) => {
                return (
                    kid.to_owned(),
                    verdict(jws.verifies_with(&key), ProofOutcome::SelfAsserted),
                );
            }
            Resolved::Unresolvable(_) => {}
        }
    }
    let issuer = trust.issuer(issuer_id);
    if let Some(embedded) = jws.embedded_key() {
        let method = "the key embedded in the token header (jwk)".to_owned();
        let key = match embedded {
            Ok(key) => key,
            Err(why) => return (method, ProofOutcome::Unusable(why)),
        };
        if let Some(issuer) = issuer
            && let Some(listed) = issuer.keys.iter().find(|k| k.key == key)
        {
            let outcome = verdict(
                jws.verifies_with(&key),
                ProofOutcome::Trusted(issuer, listed),
            );
            return (listed.id.clone(), outcome);
        }
        return (
            method,
            verdict(jws.verifies_with(&key), ProofOutcome::SelfAsserted),
        );
    }
    let method = "each key the catalog lists for the issuer".to_owned();
    let fits = |key: &PublicKey| {
        matches!(
            (key, jws.algorithm),
            (PublicKey::Rsa(_), Algorithm::Rs256)
                | (PublicKey::P256(_), Algorithm::Es256)
                | (PublicKey::Ed25519(_), Algorithm::EdDsa)
        )
    };
    match issuer {
        Some(issuer) if issuer.keys.iter().any(|k| fits(&k.key)) => {
            match issuer.keys.iter().find(|k| jws.verifies_with(&k.key)) {
                Some(key) => (key.id.clone(), ProofOutcome::Trusted(issuer, key)),
                None => (method, ProofOutcome::BadSignature),
            }
        }
        Some(issuer) => (
            method,
            ProofOutcome::Unusable(format!(
                "the token names no key, and the catalog lists no {} key for {}",
                jws.algorithm.jose(),
                issuer.name
            )),
        ),
        _ => (
            method,
            ProofOutcome::Unusable(
                "the token names no key (no “kid”, no “jwk”) and its issuer is not in the catalog, so there is no key to check it with".into(),
            ),
        ),
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    fn b64(text: &str) -> String {
        URL_SAFE_NO_PAD.encode(text)
    }

    #[test]
    fn refuses_unsigned_and_hmac_tokens_and_bad_shapes() {
        let payload = b64(r#"{"iss":"x"}"#);
        for (header, needle) in [
            (r#"{"alg":"none"}"#, "unsigned"),
            (r#"{"alg":"HS256"}"#, "shared-secret"),
            (r#"{"alg":"HS512"}"#, "shared-secret"),
            (r#"{"alg":"PS256"}"#, "not supported"),
            (r#"{"typ":"JWT"}"#, "no algorithm"),
            (r#"{"alg":"RS256","crit":["b64"]}"#, "critical"),
            (r#"[1]"#, "header is not a JSON object"),
        ] {
            let token = format!("{}.{payload}.c2ln", b64(header));
            let err = parse(&token).unwrap_err();
            assert!(err.contains(needle), "{header}: {err}");
        }
        assert!(parse("a.b").unwrap_err().contains("three parts"));
        assert!(parse("a.b.c.d").unwrap_err().contains("three parts"));
        assert!(parse("###.e30.c2ln").unwrap_err().contains("base64url"));
        let ok = format!("{}.{}.c2ln", b64(r#"{"alg":"EdDSA"}"#), b64(r#"{"a":1}"#));
        assert_eq!(parse(&ok).unwrap().algorithm, Algorithm::EdDsa);
        assert!(looks_like(&ok));
        assert!(!looks_like("{\"a\": 1}"));
    }
}
