//! Who a badge was issued to, and whether a typed identity matches it.
//!
//! Badges usually carry the recipient hashed: `sha256$<hex>` (or the older
//! `md5$<hex>`) of the identity followed by the salt, if any. To test
//! "was this issued to alice@example.org?", the typed identity is hashed
//! the same way and compared.
//!
//! Case rules (the same for hashed and plain identities):
//! - email addresses: surrounding spaces removed and compared in lower case
//!   (issuers lower-case them before hashing; mailboxes are, in practice,
//!   case-insensitive); a `mailto:` prefix is ignored;
//! - anything else (URLs, telephone numbers, DIDs, names): surrounding
//!   spaces removed, compared exactly;
//! - the hex digest itself is compared in any case.

use serde_json::{Map, Value};
use sha2::{Digest, Sha256};

pub use crate::domain::report::Recipient;

#[derive(Debug, Clone, PartialEq, Eq)]
pub enum Match {
    Yes,
    No,
    /// The badge's hash cannot be tested (unknown algorithm, malformed).
    Untestable(String),
}

impl Recipient {
    /// OB 2.0 `recipient`.
    pub fn from_ob2(recipient: &Value) -> Option<Recipient> {
        let r = recipient.as_object()?;
        Some(Recipient {
            kind: text(r, "type").unwrap_or("email").to_owned(),
            hashed: r.get("hashed").and_then(Value::as_bool).unwrap_or(false),
            salt: text(r, "salt").map(str::to_owned),
            identity: text(r, "identity")?.to_owned(),
        })
    }

    /// OB 3.0 `credentialSubject`: its first `identifier`, else its `id`.
    pub fn from_subject(subject: &Value) -> Option<Recipient> {
        let identifier = match subject.get("identifier") {
            Some(Value::Array(items)) => items.first(),
            other => other,
        };
        if let Some(Value::Object(i)) = identifier {
            return Some(Recipient {
                kind: text(i, "identityType").unwrap_or("").to_owned(),
                hashed: i.get("hashed").and_then(Value::as_bool).unwrap_or(false),
                salt: text(i, "salt").map(str::to_owned),
                identity: text(i, "identityHash")?.to_owned(),
            });
        }
        let id = subject.get("id")?.as_str()?;
        Some(Recipient {
            kind: "id".into(),
            hashed: false,
            salt: None,
            identity: id.to_owned(),
        })
    }

    fn is_email(&self) -> bool {
        matches!(self.kind.as_str(), "email" | "emailAddress")
    }

    /// Whether `typed` is this recipient.
    pub fn matches(&self, typed: &str) -> Match {
        let mut typed = typed.trim().to_owned();
        if self.is_email() || typed.contains('@') && !typed.contains(':') {
            typed = typed
                .strip_prefix("mailto:")
                .unwrap_or(&typed)
                .to_lowercase();
        }
        if !self.hashed {
            let stated = if self.is_email() {
                self.identity.trim().to_lowercase()
            } else {
                self.identity.trim().to_owned()
            };
            return if stated.strip_prefix("mailto:").unwrap_or(&stated) == typed {
                Match::Yes
            } else {
                Match::No
            };
        }
        let Some((algorithm, hex)) = self.identity.split_once('$') else {
            return Match::Untestable("the hashed identity has no “algorithm$” prefix".into());
        };
        let input = format!("{typed}{}", self.salt.as_deref().unwrap_or(""));
        let digest = match algorithm.to_ascii_lowercase().as_str() {
            "sha256" => to_hex(&Sha256::digest(input.as_bytes())),
            "md5" => to_hex(&md5(input.as_bytes())),
            other => {
                return Match::Untestable(format!("the hash algorithm “{other}” is not supported"));
            }
        };
        if digest.eq_ignore_ascii_case(hex.trim()) {
            Match::Yes
        } else {
            Match::No
        }
    }
}

fn text<'a>(object: &'a Map<String, Value>, key: &str) -> Option<&'a str> {
    object.get(key).and_then(Value::as_str)
}

fn to_hex(bytes: &[u8]) -> String {
    bytes.iter().map(|b| format!("{b:02x}")).collect()
}

/// MD5 only tests the recipient hashes of old Open Badges; it is never
/// used where collision resistance matters.
fn md5(message: &[u8]) -> [u8; 16] {
    md5::Md5::digest(message).into()
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn tests_hashed_and_plain_identities_with_the_case_rules() {
        let hashed = Recipient {
            kind: "email".into(),
            hashed: true,
            salt: Some("deadsea".into()),
            identity: "sha256$ecf5409f3f4b91ab60cc5ef4c02aef7032354375e70cf4d8e43f6a1d29891942"
                .into(),
        };
        assert_eq!(hashed.matches("nobody@example.org"), Match::Yes);
        assert_eq!(hashed.matches("  Nobody@Example.ORG "), Match::Yes);
        assert_eq!(hashed.matches("mailto:nobody@example.org"), Match::Yes);
        assert_eq!(hashed.matches("somebody@example.org"), Match::No);
        let md5 = Recipient {
            identity: format!("md5${}", to_hex(&md5(b"a@b.example"))),
            salt: None,
            ..hashed.clone()
        };
        assert_eq!(md5.matches("A@B.example"), Match::Yes);
        let odd = Recipient {
            identity: "sha1$00".into(),
            ..hashed.clone()
        };
        assert!(matches!(odd.matches("x"), Match::Untestable(_)));
        let plain = Recipient {
            kind: "url".into(),
            hashed: false,
            salt: None,
            identity: "https://example.org/Me".into(),
        };
        assert_eq!(plain.matches(" https://example.org/Me"), Match::Yes);
        assert_eq!(plain.matches("https://example.org/me"), Match::No);
    }
}
