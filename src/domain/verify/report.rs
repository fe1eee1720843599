//! Building a report while verifying. The report's types live in the core
//! outside the `verifier` feature (`domain::report`), so that the page and
//! the wallet read the very same types.

pub use crate::domain::report::{Check, CheckId, Effect, Outcome, Report, Verdict, verdict_of};

impl Report {
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
