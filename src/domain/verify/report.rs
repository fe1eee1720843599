//! What a verification says: one verdict, a row per check, and what the
//! badge warrants.

use serde::Serialize;

pub use crate::domain::verdict::Verdict;

#[derive(Debug, Clone, Copy, PartialEq, Eq, Serialize)]
#[serde(rename_all = "snake_case")]
pub enum Outcome {
    Pass,
    Fail,
    Warn,
    Skip,
}

/// Which check a row reports.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Serialize)]
#[serde(rename_all = "snake_case")]
pub enum CheckId {
    /// The input was recognised and parsed.
    Format,
    /// The JSON-LD contexts are pinned and every term is defined.
    Contexts,
    /// A signature (or hosted copy) verifies.
    Signature,
    /// The signing key is one the catalog lists for the named issuer.
    IssuerTrust,
    /// The key was valid when the badge was issued.
    KeyWindow,
    /// Issued, valid-from and expiry dates.
    Dates,
    /// Revocation / status list.
    Status,
    /// The person it was issued to.
    Recipient,
    /// Required fields of the credential's data model.
    Schema,
    /// Endorsements embedded in the badge.
    Endorsements,
}

/// One row of the report.
#[derive(Debug, Clone, PartialEq, Serialize)]
pub struct Check {
    pub id: CheckId,
    pub outcome: Outcome,
    /// A plain sentence for a person.
    pub sentence: String,
    /// The technical detail for an expert (key id, hashes, URLs…).
    #[serde(skip_serializing_if = "String::is_empty")]
    pub detail: String,
}

/// The full answer.
#[derive(Debug, Clone, PartialEq, Serialize)]
pub struct Report {
    pub verdict: Verdict,
    /// The detected format, e.g. "Open Badges 3.0 (Data Integrity, eddsa-rdfc-2022)".
    pub format: String,
    pub checks: Vec<Check>,
    /// SHA-256 of the exact input, hex: what a receipt quotes.
    pub input_sha256: String,
    #[serde(skip_serializing_if = "Option::is_none")]
    pub badge: Option<super::credential::BadgeView>,
    /// The issuer's own address for this badge (an OB 2.0 hosted
    /// assertion's id, or the badge class), when it could not be fetched from
    /// here at all (the issuer's server refuses other sites, or the network
    /// is down): a person can open it in their browser, and staff can run
    /// `microcred verify` on it. Only http(s).
    #[serde(skip_serializing_if = "Option::is_none")]
    pub issuer_page: Option<String>,
}

impl Report {
    pub fn check(&self, id: CheckId) -> Option<&Check> {
        self.checks.iter().find(|c| c.id == id)
    }

    /// Tests whether the badge was issued to `identity` (an email address,
    /// URL, …) and adds the answer as a check. A badge issued to someone
    /// else is not valid for the person asking about it: a mismatch makes
    /// the verdict `invalid`.
    pub fn check_recipient(&mut self, identity: &str) {
        use super::recipient::Match;
        let recipient = self.badge.as_ref().and_then(|b| b.recipient.as_ref());
        let Some(recipient) = recipient else {
            self.checks.push(Check {
                id: CheckId::Recipient,
                outcome: Outcome::Skip,
                sentence: "The badge does not say who it was issued to.".into(),
                detail: String::new(),
            });
            return;
        };
        let detail = match &recipient.salt {
            Some(salt) => format!("{} {} (salt “{salt}”)", recipient.kind, recipient.identity),
            None => format!("{} {}", recipient.kind, recipient.identity),
        };
        let (outcome, sentence) = match recipient.matches(identity) {
            Match::Yes => (
                Outcome::Pass,
                format!("It was issued to {}.", identity.trim()),
            ),
            Match::No => {
                self.verdict = Verdict::Invalid;
                (
                    Outcome::Fail,
                    format!("It was not issued to {}.", identity.trim()),
                )
            }
            Match::Untestable(why) => (
                Outcome::Skip,
                format!("Who it was issued to cannot be tested: {why}."),
            ),
        };
        self.checks.push(Check {
            id: CheckId::Recipient,
            outcome,
            sentence,
            detail,
        });
    }
}

/// Collects rows while verifying.
#[derive(Debug, Default)]
pub struct Checks(pub Vec<Check>);

impl Checks {
    pub fn add(
        &mut self,
        id: CheckId,
        outcome: Outcome,
        sentence: impl Into<String>,
    ) -> &mut Check {
        self.0.push(Check {
            id,
            outcome,
            sentence: sentence.into(),
            detail: String::new(),
        });
        let last = self.0.len() - 1;
        &mut self.0[last]
    }

    pub fn pass(&mut self, id: CheckId, sentence: impl Into<String>) -> &mut Check {
        self.add(id, Outcome::Pass, sentence)
    }

    pub fn fail(&mut self, id: CheckId, sentence: impl Into<String>) -> &mut Check {
        self.add(id, Outcome::Fail, sentence)
    }

    pub fn warn(&mut self, id: CheckId, sentence: impl Into<String>) -> &mut Check {
        self.add(id, Outcome::Warn, sentence)
    }

    pub fn skip(&mut self, id: CheckId, sentence: impl Into<String>) -> &mut Check {
        self.add(id, Outcome::Skip, sentence)
    }

    pub fn failed(&self, id: CheckId) -> bool {
        self.0
            .iter()
            .any(|c| c.id == id && c.outcome == Outcome::Fail)
    }
}

impl Check {
    pub fn detail(&mut self, detail: impl Into<String>) -> &mut Check {
        self.detail = detail.into();
        self
    }
}
