//! Writing the catalog's issuers back in `catalog.json`'s own shape. The
//! page hands them to the verifier worker with its first request
//! (`worker_protocol`), and the worker reads them with the very reader that
//! read `catalog.json` (`read.rs`): one format, no second parser, and no
//! second download of the catalog in every worker.

use super::model::{Issuer, IssuerKey};
use crate::domain::json::{self, Json};

/// The issuers as the catalog's `issuers` array.
pub fn issuers_json(issuers: &[Issuer]) -> Json {
    Json::array(issuers.iter().map(issuer_json))
}

fn issuer_json(issuer: &Issuer) -> Json {
    let mut members = vec![
        ("id", Json::string(&issuer.id)),
        ("name", Json::string(&issuer.name)),
        ("url", Json::string(&issuer.url)),
        ("keys", Json::array(issuer.keys.iter().map(key_json))),
    ];
    if let Some(image) = &issuer.image {
        members.push(("image", Json::string(image)));
    }
    if !issuer.hosted_origins.is_empty() {
        let origins = issuer.hosted_origins.iter().map(|o| Json::string(o));
        members.push(("hostedOrigins", Json::array(origins)));
    }
    Json::object(members)
}

fn key_json(key: &IssuerKey) -> Json {
    let mut members = vec![("id", Json::string(&key.id))];
    // The JWK is kept as the text it was read from (`read.rs`), so it
    // parses; if it somehow did not, it goes as a string, which the reader
    // then refuses by name instead of the key silently vanishing.
    if let Some(jwk) = &key.public_key_jwk {
        let value = json::parse(jwk).unwrap_or_else(|_| Json::string(jwk));
        members.push(("publicKeyJwk", value));
    }
    let texts = [
        ("publicKeyMultibase", &key.public_key_multibase),
        ("publicKeyPem", &key.public_key_pem),
    ];
    for (name, text) in texts {
        if let Some(text) = text {
            members.push((name, Json::string(text)));
        }
    }
    let times = [
        ("validFrom", key.valid_from),
        ("validUntil", key.valid_until),
    ];
    for (name, time) in times {
        if let Some(time) = time {
            members.push((name, Json::string(&time.to_string())));
        }
    }
    Json::object(members)
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::domain::catalog::Catalog;

    #[test]
    fn the_demo_catalogs_issuers_read_back_as_they_were() {
        let catalog = Catalog::from_json(include_str!("../../../public/catalog.json")).unwrap();
        assert!(catalog.issuers.iter().any(|i| !i.keys.is_empty()));
        assert!(catalog.issuers.iter().any(|i| !i.hosted_origins.is_empty()));
        let text = issuers_json(&catalog.issuers).to_string();
        let back: Vec<Issuer> = json::read(&json::parse(&text).unwrap()).unwrap();
        assert_eq!(back, catalog.issuers);
    }
}
