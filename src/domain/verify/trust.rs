//! The trust store: the catalog's issuers and their keys, nothing else
//! (DESIGN.md principle 2).
//!
//! A verification method resolves to a trusted key in one of two ways:
//! - its id is the id of a key the catalog lists for the issuer the
//!   credential names; or
//! - it describes its own key (`did:key:z6Mk…`, or a URL whose fragment is a
//!   multikey, the 1EdTech validator's convention) and that exact key is
//!   one the catalog lists for that issuer.
//!
//! Anything else is a self-asserted key: the signature may still be checked
//! (to tell "tampered" from "unknown issuer"), but it never makes the badge
//! trusted.

use crate::domain::catalog::Catalog;
use crate::domain::instant::UnixTime;
use crate::domain::keys::{self, PublicKey};

/// A key the catalog lists, parsed, with its validity window.
#[derive(Debug, Clone)]
pub struct TrustedKey {
    pub id: String,
    pub key: PublicKey,
    pub valid_from: Option<UnixTime>,
    pub valid_until: Option<UnixTime>,
}

impl TrustedKey {
    /// Whether the key was in force at `at`.
    pub fn in_window(&self, at: UnixTime) -> bool {
        self.valid_from.is_none_or(|from| at >= from)
            && self.valid_until.is_none_or(|until| at <= until)
    }

    /// The window in words, for reports.
    pub fn window(&self) -> String {
        match (self.valid_from, self.valid_until) {
            (None, None) => "no validity limits".to_owned(),
            (Some(f), None) => format!("valid from {f}"),
            (None, Some(u)) => format!("valid until {u}"),
            (Some(f), Some(u)) => format!("valid from {f} to {u}"),
        }
    }
}

#[derive(Debug, Clone)]
pub struct TrustedIssuer {
    pub id: String,
    pub name: String,
    pub url: String,
    pub image: Option<String>,
    pub keys: Vec<TrustedKey>,
    pub hosted_origins: Vec<String>,
}

/// Every issuer the catalog trusts.
#[derive(Debug, Clone, Default)]
pub struct TrustStore {
    pub issuers: Vec<TrustedIssuer>,
}

/// Where a verification method's key came from.
#[derive(Debug, Clone)]
pub enum Resolved<'a> {
    /// A key the catalog lists for the credential's issuer.
    Trusted(&'a TrustedIssuer, &'a TrustedKey),
    /// A key the credential carries itself, not listed for that issuer.
    SelfAsserted(PublicKey),
    /// No key could be found or decoded.
    Unresolvable(String),
}

impl TrustStore {
    /// The catalog's issuers with every key that parses. Keys that do not
    /// parse are left out (and reported by `microcred catalog check`).
    pub fn from_catalog(catalog: &Catalog) -> TrustStore {
        TrustStore::from_issuers(&catalog.issuers)
    }

    /// The trust of these issuers (the catalog's, as the page hands them to
    /// the verifier worker).
    pub fn from_issuers(issuers: &[crate::domain::catalog::Issuer]) -> TrustStore {
        let issuers = issuers
            .iter()
            .map(|issuer| TrustedIssuer {
                id: issuer.id.clone(),
                name: issuer.name.clone(),
                url: issuer.url.clone(),
                image: issuer.image.clone(),
                hosted_origins: issuer.hosted_origins.clone(),
                keys: issuer
                    .keys
                    .iter()
                    .filter_map(|k| {
                        let key = match (
                            &k.public_key_jwk,
                            &k.public_key_multibase,
                            &k.public_key_pem,
                        ) {
                            (Some(jwk), None, None) => keys::from_jwk_text(jwk),
                            (None, Some(mb), None) => keys::from_multibase(mb),
                            (None, None, Some(pem)) => keys::from_pem(pem),
                            _ => return None,
                        };
                        Some(TrustedKey {
                            id: k.id.clone(),
                            key: key.ok()?,
                            valid_from: k.valid_from,
                            valid_until: k.valid_until,
                        })
                    })
                    .collect(),
            })
            .collect();
        TrustStore { issuers }
    }

    pub fn issuer(&self, id: &str) -> Option<&TrustedIssuer> {
        self.issuers.iter().find(|i| i.id == id)
    }

    /// The issuer that lists a key with this id (for Open Badges 2.0, where
    /// the assertion names its key but not its issuer).
    pub fn issuer_of_key(&self, key_id: &str) -> Option<(&TrustedIssuer, &TrustedKey)> {
        self.issuers
            .iter()
            .find_map(|i| i.keys.iter().find(|k| k.id == key_id).map(|k| (i, k)))
    }

    /// Resolves a verification method for a credential naming `issuer_id`.
    pub fn resolve(&self, issuer_id: &str, method: &str) -> Resolved<'_> {
        let issuer = self.issuer(issuer_id);
        if let Some(issuer) = issuer
            && let Some(key) = issuer.keys.iter().find(|k| k.id == method)
        {
            return Resolved::Trusted(issuer, key);
        }
        let own = match self_described_key(method) {
            Ok(key) => key,
            Err(why) => return Resolved::Unresolvable(why),
        };
        if let Some(issuer) = issuer
            && let Some(key) = issuer.keys.iter().find(|k| k.key == own)
        {
            return Resolved::Trusted(issuer, key);
        }
        Resolved::SelfAsserted(own)
    }
}

/// The key a verification method describes by itself, if it does.
pub fn self_described_key(method: &str) -> Result<PublicKey, String> {
    let (base, fragment) = match method.split_once('#') {
        Some((base, fragment)) => (base, Some(fragment)),
        None => (method, None),
    };
    if let Some(multibase) = base.strip_prefix("did:key:") {
        return keys::from_multibase(multibase)
            .map_err(|e| format!("the did:key {method} does not decode: {e}"));
    }
    let has_scheme = base.split_once(':').is_some_and(|(scheme, _)| {
        !scheme.is_empty()
            && scheme
                .chars()
                .all(|c| c.is_ascii_alphanumeric() || "+-.".contains(c))
    });
    if !has_scheme {
        return Err(format!("the verification method “{method}” is not a URL"));
    }
    if base.starts_with("did:") && !base.starts_with("did:web:") {
        return Err(format!("the DID method of “{method}” is not supported"));
    }
    match fragment {
        Some(f) if f.starts_with('z') => keys::from_multibase(f)
            .map_err(|e| format!("the key in “{method}” does not decode: {e}")),
        _ => Err(format!(
            "the key “{method}” is not in the catalog and is not a key the method describes itself"
        )),
    }
}
