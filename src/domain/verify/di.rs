//! Data Integrity proofs: `eddsa-rdfc-2022` (and its old name `eddsa-2022`),
//! `Ed25519Signature2020`, and `eddsa-jcs-2022`.
//!
//! All four sign 64 bytes: SHA-256 of the canonical proof configuration,
//! then SHA-256 of the canonical document (the credential without `proof`),
//! with pure Ed25519. They differ in how the two are made canonical:
//! - rdfc / eddsa-2022 / Ed25519Signature2020: RDFC-1.0 N-Quads, the proof
//!   configuration taking the document's `@context`;
//! - jcs: RFC 8785 JSON, the proof configuration keeping its own `@context`,
//!   which the document's must start with.

use serde_json::{Map, Value};
use sha2::{Digest, Sha256};

use super::trust::{Resolved, TrustStore, TrustedIssuer, TrustedKey};
use super::{jcs, rdfc};
use crate::domain::keys::PublicKey;

/// The result of checking one proof.
#[derive(Debug, Clone)]
pub struct ProofCheck<'a> {
    /// The cryptosuite (or proof type) as named in the proof.
    pub suite: String,
    pub method: String,
    pub outcome: ProofOutcome<'a>,
    /// Hex SHA-256 of the canonical proof configuration and document.
    pub hashes: Option<(String, String)>,
}

#[derive(Debug, Clone)]
pub enum ProofOutcome<'a> {
    /// The signature verifies under a key the catalog lists.
    Trusted(&'a TrustedIssuer, &'a TrustedKey),
    /// The signature verifies, but only under a key the badge asserts itself.
    SelfAsserted,
    /// The signature does not verify (tampered, or not this key).
    BadSignature,
    /// The proof could not be checked: why, for a person.
    Unusable(String),
    /// The document itself cannot be canonicalized (undefined terms,
    /// unsupported contexts, too much work): the badge is invalid.
    Canon(rdfc::CanonError),
}

/// Checks every proof of `credential` (an object with `proof`).
pub fn check_proofs<'a>(
    credential: &Map<String, Value>,
    trust: &'a TrustStore,
) -> Vec<ProofCheck<'a>> {
    let proofs: Vec<&Value> = match credential.get("proof") {
        Some(Value::Array(items)) => items.iter().collect(),
        Some(proof) => vec![proof],
        None => Vec::new(),
    };
    let mut document = credential.clone();
    document.remove("proof");
    let issuer_id = super::credential::issuer_id(credential).unwrap_or_default();
    // The document's canonical form is the same for every rdfc proof.
    let mut rdfc_document: Option<Result<String, rdfc::CanonError>> = None;
    proofs
        .into_iter()
        .map(|proof| check_one(proof, &document, &issuer_id, trust, &mut rdfc_document))
        .collect()
}

// One piece: a Data Integrity proof's checks in the specification's order; each failure
// returns with its reason.
fn check_one<'a>(
    proof: &Value,
    document: &Map<String, Value>,
    issuer_id: &str,
    trust: &'a TrustStore,
    rdfc_document: &mut Option<Result<String, rdfc::CanonError>>,
) -> ProofCheck<'a> {
    let text = |key: &str| {
        proof
            .get(key)
            .and_then(Value::as_str)
            .unwrap_or("")
            .to_owned()
    };
    let kind = text("type");
    let suite = match kind.as_str() {
        "DataIntegrityProof" => text("cryptosuite"),
        other => other.to_owned(),
    };
    let method = text("verificationMethod");
    let mut check = ProofCheck {
        suite: suite.clone(),
        method: method.clone(),
        outcome: ProofOutcome::Unusable(String::new()),
        hashes: None,
    };
    let unusable = |mut check: ProofCheck<'a>, why: String| {
        check.outcome = ProofOutcome::Unusable(why);
        check
    };
    let Some(proof) = proof.as_object() else {
        return unusable(check, "the proof is not a JSON object".into());
    };
    let jcs = match suite.as_str() {
        "eddsa-rdfc-2022" | "eddsa-2022" | "Ed25519Signature2020" => false,
        "eddsa-jcs-2022" => true,
        "" => {
            return unusable(
                check,
                format!("the proof type “{kind}” names no cryptosuite"),
            );
        }
        other => return unusable(check, format!("the proof suite “{other}” is not supported")),
    };
    if text("proofPurpose") != "assertionMethod" {
        return unusable(check, "the proof's purpose is not “assertionMethod”".into());
    }
    let signature = match decode_signature(&text("proofValue")) {
        Ok(signature) => signature,
        Err(why) => return unusable(check, why),
    };
    let mut config = proof.clone();
    config.remove("proofValue");
    let canonical = if jcs {
        jcs_pair(&config, document)
    } else {
        if let Some(context) = document.get("@context") {
            config.insert("@context".into(), context.clone());
        }
        let document_text = rdfc_document
            .get_or_insert_with(|| rdfc::canonicalize(&Value::Object(document.clone()).to_string()))
            .clone();
        document_text.and_then(|doc| {
            let config_text = rdfc::canonicalize(&Value::Object(config).to_string())?;
            Ok((config_text, doc))
        })
    };
    let (config_text, document_text) = match canonical {
        Ok(pair) => pair,
        Err(e) => {
            check.outcome = ProofOutcome::Canon(e);
            return check;
        }
    };
    let proof_hash = Sha256::digest(config_text.as_bytes());
    let document_hash = Sha256::digest(document_text.as_bytes());
    check.hashes = Some((hex(&proof_hash), hex(&document_hash)));
    let mut message = proof_hash.to_vec();
    message.extend_from_slice(&document_hash);
    let verifies = |key: &PublicKey| verify_ed25519(key, &message, &signature);
    check.outcome = match trust.resolve(issuer_id, &method) {
        Resolved::Trusted(issuer, key) if verifies(&key.key) => ProofOutcome::Trusted(issuer, key),
        Resolved::Trusted(..) => ProofOutcome::BadSignature,
        Resolved::SelfAsserted(key) if verifies(&key) => ProofOutcome::SelfAsserted,
        Resolved::SelfAsserted(_) => ProofOutcome::BadSignature,
        Resolved::Unresolvable(why) => ProofOutcome::Unusable(why),
    };
    check
}

/// JCS of the proof configuration and the document. The configuration's
/// `@context`, when present, must be where the document's begins.
fn jcs_pair(
    config: &Map<String, Value>,
    document: &Map<String, Value>,
) -> Result<(String, String), rdfc::CanonError> {
    if let Some(proof_context) = config.get("@context") {
        let as_list = |v: &Value| match v {
            Value::Array(items) => items.clone(),
            other => vec![other.clone()],
        };
        let proof_context = as_list(proof_context);
        let document_context = document.get("@context").map(as_list).unwrap_or_default();
        if !document_context.starts_with(&proof_context) {
            return Err(rdfc::CanonError::JsonLd(
                "the proof's @context is not the start of the credential's".into(),
            ));
        }
    }
    let canon = |v: Value| jcs::canonicalize(&v).map_err(rdfc::CanonError::JsonLd);
    Ok((
        canon(Value::Object(config.clone()))?,
        canon(Value::Object(document.clone()))?,
    ))
}

/// A multibase base58btc (`z…`) Ed25519 signature: 64 bytes.
fn decode_signature(proof_value: &str) -> Result<[u8; 64], String> {
    let Some(encoded) = proof_value.strip_prefix('z') else {
        return Err("the proofValue is not multibase base58btc (it must start with “z”)".into());
    };
    let bytes = bs58::decode(encoded)
        .into_vec()
        .map_err(|_| "the proofValue is not valid base58btc".to_owned())?;
    bytes
        .try_into()
        .map_err(|b: Vec<u8>| format!("the signature is {} bytes, not 64", b.len()))
}

fn verify_ed25519(key: &PublicKey, message: &[u8], signature: &[u8; 64]) -> bool {
    match key {
        PublicKey::Ed25519(key) => key
            .verify_strict(message, &ed25519_dalek::Signature::from_bytes(signature))
            .is_ok(),
        _ => false,
    }
}

pub fn hex(bytes: &[u8]) -> String {
    bytes.iter().map(|b| format!("{b:02x}")).collect()
}
