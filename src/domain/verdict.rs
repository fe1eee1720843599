//! The one plain answer a verification gives (DESIGN.md principle 3), with
//! everything a person is shown about it written once: the label, the
//! sentence, the symbol beside it and its tone. The verifier, the verify page,
//! the wallet and the CLI all use this type; it lives outside the `verifier`
//! feature so that the app, which does not link the verifier, has it too.

use serde::{Deserialize, Serialize};

/// In the order a wallet sorts by standing: best first.
#[derive(
    Debug, Clone, Copy, Default, PartialEq, Eq, PartialOrd, Ord, Hash, Serialize, Deserialize,
)]
#[serde(rename_all = "snake_case")]
pub enum Verdict {
    Verified,
    Expired,
    NotYetValid,
    /// Something needed could not be fetched or read: never "not revoked".
    #[default]
    CouldNotCheck,
    UnknownIssuer,
    Revoked,
    Invalid,
}

/// How a verdict reads at a glance; the page picks its colours from it, and
/// always shows the words beside them.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Tone {
    Good,
    Caution,
    Bad,
}

impl Verdict {
    pub const ALL: [Verdict; 7] = [
        Verdict::Verified,
        Verdict::Expired,
        Verdict::NotYetValid,
        Verdict::CouldNotCheck,
        Verdict::UnknownIssuer,
        Verdict::Revoked,
        Verdict::Invalid,
    ];

    /// The verdict's key: in JSON reports, URLs and wallet backups.
    pub fn as_str(self) -> &'static str {
        match self {
            Verdict::Verified => "verified",
            Verdict::Expired => "expired",
            Verdict::Revoked => "revoked",
            Verdict::NotYetValid => "not_yet_valid",
            Verdict::UnknownIssuer => "unknown_issuer",
            Verdict::Invalid => "invalid",
            Verdict::CouldNotCheck => "could_not_check",
        }
    }

    /// Reads a key; anything else means nobody could say.
    pub fn from_key(key: &str) -> Verdict {
        Verdict::ALL
            .into_iter()
            .find(|v| v.as_str() == key)
            .unwrap_or(Verdict::CouldNotCheck)
    }

    /// The verdict in a few words for a person.
    pub fn label(self) -> &'static str {
        match self {
            Verdict::Verified => "Verified",
            Verdict::Expired => "Expired",
            Verdict::Revoked => "Revoked",
            Verdict::NotYetValid => "Not yet valid",
            Verdict::UnknownIssuer => "Unknown issuer",
            Verdict::Invalid => "Not valid",
            Verdict::CouldNotCheck => "Could not check",
        }
    }

    /// What the verdict means, in a sentence.
    pub fn sentence(self) -> &'static str {
        match self {
            Verdict::Verified => {
                "The badge is genuine: an issuer this university trusts vouches for it (by its signature, or by the copy it hosts), it has not been changed, and it has not expired or been revoked."
            }
            Verdict::Expired => {
                "The badge is genuine, but it has expired. The skill it vouches for may need refreshing."
            }
            Verdict::Revoked => {
                "The issuer has withdrawn this badge. It no longer vouches for anything."
            }
            Verdict::NotYetValid => {
                "The badge is genuine, but its validity period has not started."
            }
            Verdict::UnknownIssuer => {
                "The badge is signed, but not with a key this university's catalog lists. Its signature alone does not show who issued it."
            }
            Verdict::Invalid => {
                "This badge does not check out: it was changed after it was issued, its signature is wrong, or it is not a badge."
            }
            Verdict::CouldNotCheck => {
                "Something needed to check this badge could not be fetched or read, so it cannot be called valid. This does not mean it has been revoked."
            }
        }
    }

    /// A symbol shown beside the words (never instead of them).
    pub fn symbol(self) -> &'static str {
        match self {
            Verdict::Verified => "✓",
            Verdict::Expired | Verdict::NotYetValid => "!",
            Verdict::CouldNotCheck | Verdict::UnknownIssuer => "?",
            Verdict::Revoked | Verdict::Invalid => "✗",
        }
    }

    pub fn tone(self) -> Tone {
        match self {
            Verdict::Verified => Tone::Good,
            Verdict::Expired
            | Verdict::NotYetValid
            | Verdict::UnknownIssuer
            | Verdict::CouldNotCheck => Tone::Caution,
            Verdict::Revoked | Verdict::Invalid => Tone::Bad,
        }
    }

    /// Whether a badge with this verdict counts towards credit and the CPD
    /// ledger: its last check showed it genuine, from an issuer the catalog
    /// trusts. An expired badge still counts (the learning happened). One
    /// that could not be checked does not, since it may have been revoked:
    /// "check all again" once the reason (often being offline) has passed.
    pub fn counts(self) -> bool {
        matches!(self, Verdict::Verified | Verdict::Expired)
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn keys_round_trip_and_labels_are_distinct() {
        let mut labels = std::collections::HashSet::new();
        for verdict in Verdict::ALL {
            assert_eq!(Verdict::from_key(verdict.as_str()), verdict);
            assert_eq!(
                serde_json::to_string(&verdict).unwrap(),
                format!("\"{}\"", verdict.as_str())
            );
            assert!(labels.insert(verdict.label()));
        }
        assert_eq!(Verdict::from_key("anything else"), Verdict::CouldNotCheck);
    }
}
