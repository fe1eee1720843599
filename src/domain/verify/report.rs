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

/// What a row's outcome means for the verdict. Every row that decides
/// something says so; [`verdict_of`] reads the verdict off the rows.
#[derive(Debug, Clone, Copy, Default, PartialEq, Eq, Serialize)]
#[serde(rename_all = "snake_case")]
pub enum Effect {
    /// Informative only.
    #[default]
    None,
    /// The badge is not valid as written.
    Invalid,
    /// Signed, but by no issuer the catalog trusts.
    UnknownIssuer,
    Revoked,
    Expired,
    NotYetValid,
    /// Something needed could not be fetched or read.
    Unchecked,
}

impl Effect {
    fn is_none(&self) -> bool {
        *self == Effect::None
    }
}

/// The verdict the rows add up to. Precedence, most serious first:
/// 1. any row that makes the badge **invalid**;
/// 2. a signature only under a key the catalog does not list: **unknown issuer**;
/// 3. **revoked**, then **expired**, then **not yet valid**;
/// 4. anything that could not be checked: **could not check**, never verified;
/// 5. otherwise **verified**, but only when a signature (or the issuer's
///    hosted copy) was checked and passed: nothing reaches "verified" by
///    simply finding nothing wrong, so with no such row it is **invalid**.
pub fn verdict_of(checks: &[Check]) -> Verdict {
    let has = |effect: Effect| checks.iter().any(|c| c.effect == effect);
    let vouched = checks
        .iter()
        .any(|c| c.id == CheckId::Signature && c.outcome == Outcome::Pass);
    [
        (Effect::Invalid, Verdict::Invalid),
        (Effect::UnknownIssuer, Verdict::UnknownIssuer),
        (Effect::Revoked, Verdict::Revoked),
        (Effect::Expired, Verdict::Expired),
        (Effect::NotYetValid, Verdict::NotYetValid),
        (Effect::Unchecked, Verdict::CouldNotCheck),
    ]
    .into_iter()
    .find(|(effect, _)| has(*effect))
    .map_or(
        if vouched {
            Verdict::Verified
        } else {
            Verdict::Invalid
        },
        |(_, verdict)| verdict,
    )
}

/// One row of the report.
#[derive(Debug, Clone, PartialEq, Serialize)]
pub struct Check {
    pub id: CheckId,
    pub outcome: Outcome,
    /// What this row means for the verdict.
    #[serde(skip_serializing_if = "Effect::is_none")]
    pub effect: Effect,
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
                effect: Effect::None,
                sentence: "The badge does not say who it was issued to.".into(),
                detail: String::new(),
            });
            return;
        };
        let detail = match &recipient.salt {
            Some(salt) => format!("{} {} (salt “{salt}”)", recipient.kind, recipient.identity),
            None => format!("{} {}", recipient.kind, recipient.identity),
        };
        let (outcome, effect, sentence) = match recipient.matches(identity) {
            Match::Yes => (
                Outcome::Pass,
                Effect::None,
                format!("It was issued to {}.", identity.trim()),
            ),
            Match::No => (
                Outcome::Fail,
                Effect::Invalid,
                format!("It was not issued to {}.", identity.trim()),
            ),
            Match::Untestable(why) => (
                Outcome::Skip,
                Effect::None,
                format!("Who it was issued to cannot be tested: {why}."),
            ),
        };
        self.checks.push(Check {
            id: CheckId::Recipient,
            outcome,
            effect,
            sentence,
            detail,
        });
        self.verdict = verdict_of(&self.checks);
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
            effect: Effect::None,
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

    /// Whether any row so far has this effect.
    pub fn has(&self, effect: Effect) -> bool {
        self.0.iter().any(|c| c.effect == effect)
    }

    /// The verdict the rows so far add up to.
    pub fn verdict(&self) -> Verdict {
        verdict_of(&self.0)
    }

    pub fn failed(&self, id: CheckId) -> bool {
        self.0
            .iter()
            .any(|c| c.id == id && c.outcome == Outcome::Fail)
    }
}

impl Check {
    /// What this row means for the verdict.
    pub fn means(&mut self, effect: Effect) -> &mut Check {
        self.effect = effect;
        self
    }

    pub fn detail(&mut self, detail: impl Into<String>) -> &mut Check {
        self.detail = detail.into();
        self
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    fn row(id: CheckId, outcome: Outcome, effect: Effect) -> Check {
        Check {
            id,
            outcome,
            effect,
            sentence: String::new(),
            detail: String::new(),
        }
    }

    /// One row per rule of `verdict_of`, most serious first.
    #[test]
    fn the_verdict_follows_from_the_rows_in_order_of_precedence() {
        use Effect as E;
        use Verdict as V;
        let signed = row(CheckId::Signature, Outcome::Pass, E::None);
        let with = |effects: &[Effect]| {
            let mut rows = vec![signed.clone()];
            rows.extend(
                effects
                    .iter()
                    .map(|e| row(CheckId::Status, Outcome::Fail, *e)),
            );
            rows
        };
        let table: &[(&str, Vec<Check>, Verdict)] = &[
            (
                "a checked signature and nothing else: verified",
                with(&[]),
                V::Verified,
            ),
            (
                "informative rows change nothing",
                with(&[E::None, E::None]),
                V::Verified,
            ),
            (
                "no signature row that passed: invalid",
                vec![row(CheckId::Dates, Outcome::Pass, E::None)],
                V::Invalid,
            ),
            (
                "a failed signature row alone: invalid",
                vec![row(CheckId::Signature, Outcome::Fail, E::None)],
                V::Invalid,
            ),
            (
                "invalid beats everything",
                with(&[
                    E::Unchecked,
                    E::Expired,
                    E::Revoked,
                    E::UnknownIssuer,
                    E::Invalid,
                ]),
                V::Invalid,
            ),
            (
                "unknown issuer beats revoked",
                with(&[E::Revoked, E::UnknownIssuer]),
                V::UnknownIssuer,
            ),
            (
                "revoked beats expired",
                with(&[E::Expired, E::Revoked]),
                V::Revoked,
            ),
            (
                "expired beats not yet valid",
                with(&[E::NotYetValid, E::Expired]),
                V::Expired,
            ),
            (
                "not yet valid beats could not check",
                with(&[E::Unchecked, E::NotYetValid]),
                V::NotYetValid,
            ),
            (
                "could not check is never verified",
                with(&[E::Unchecked]),
                V::CouldNotCheck,
            ),
            (
                "could not check even with no signature row",
                vec![row(CheckId::Signature, Outcome::Skip, E::Unchecked)],
                V::CouldNotCheck,
            ),
        ];
        for (name, rows, expected) in table {
            assert_eq!(verdict_of(rows), *expected, "{name}");
        }
    }
}
