//! What a verification says: one verdict, a row per check, and what the
//! badge warrants. One set of types, end to end: the verifier builds a
//! [`Report`], the CLI prints it, the worker sends it as JSON (serde), and
//! the page and the wallet read the same types back with the core's small
//! reader ([`Report::from_json`]), so the app, which does not link the
//! verifier, needs no serde_json and no string mirror of its own.
//!
//! Everything under [`BadgeView`] is untrusted badge text: pages render it
//! as text, and links pass [`safe_link`] (again, when read) before they can
//! become `href`s.

use serde::Serialize;

use crate::domain::json::{self, FromJson, Json, Reader};
pub use crate::domain::verdict::Verdict;

/// How one check came out.
#[derive(Debug, Clone, Copy, Default, PartialEq, Eq, Serialize)]
#[serde(rename_all = "snake_case")]
pub enum Outcome {
    Pass,
    Fail,
    Warn,
    #[default]
    Skip,
}

/// Which check a row reports.
#[derive(Debug, Clone, Copy, Default, PartialEq, Eq, Serialize)]
#[serde(rename_all = "snake_case")]
pub enum CheckId {
    /// The input was recognised and parsed.
    #[default]
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

/// The JSON key of each variant, written once per enum; serde's
/// `snake_case` spelling must agree (a test checks every variant).
trait Keyed: Copy + Default + 'static {
    const ALL: &'static [Self];
    fn key(self) -> &'static str;
}

impl Keyed for Outcome {
    const ALL: &'static [Outcome] = &[Outcome::Pass, Outcome::Fail, Outcome::Warn, Outcome::Skip];
    fn key(self) -> &'static str {
        match self {
            Outcome::Pass => "pass",
            Outcome::Fail => "fail",
            Outcome::Warn => "warn",
            Outcome::Skip => "skip",
        }
    }
}

impl Keyed for CheckId {
    const ALL: &'static [CheckId] = &[
        CheckId::Format,
        CheckId::Contexts,
        CheckId::Signature,
        CheckId::IssuerTrust,
        CheckId::KeyWindow,
        CheckId::Dates,
        CheckId::Status,
        CheckId::Recipient,
        CheckId::Schema,
        CheckId::Endorsements,
    ];
    fn key(self) -> &'static str {
        match self {
            CheckId::Format => "format",
            CheckId::Contexts => "contexts",
            CheckId::Signature => "signature",
            CheckId::IssuerTrust => "issuer_trust",
            CheckId::KeyWindow => "key_window",
            CheckId::Dates => "dates",
            CheckId::Status => "status",
            CheckId::Recipient => "recipient",
            CheckId::Schema => "schema",
            CheckId::Endorsements => "endorsements",
        }
    }
}

impl Keyed for Effect {
    const ALL: &'static [Effect] = &[
        Effect::None,
        Effect::Invalid,
        Effect::UnknownIssuer,
        Effect::Revoked,
        Effect::Expired,
        Effect::NotYetValid,
        Effect::Unchecked,
    ];
    fn key(self) -> &'static str {
        match self {
            Effect::None => "none",
            Effect::Invalid => "invalid",
            Effect::UnknownIssuer => "unknown_issuer",
            Effect::Revoked => "revoked",
            Effect::Expired => "expired",
            Effect::NotYetValid => "not_yet_valid",
            Effect::Unchecked => "unchecked",
        }
    }
}

impl Keyed for Verdict {
    const ALL: &'static [Verdict] = &Verdict::ALL;
    fn key(self) -> &'static str {
        self.as_str()
    }
}

/// Reads any keyed enum: an unknown name is a problem, not a guess.
fn keyed<'j, T: Keyed>(r: &mut Reader<'j>, json: &'j Json) -> T {
    r.pick(json, T::ALL.len(), &|i| T::ALL[i].key())
        .map_or_else(T::default, |i| T::ALL[i])
}

impl Outcome {
    /// A symbol shown beside the word (never instead of it).
    pub fn symbol(self) -> &'static str {
        match self {
            Outcome::Pass => "✓",
            Outcome::Fail => "✗",
            Outcome::Warn => "!",
            Outcome::Skip => "–",
        }
    }

    /// The outcome in a word for a person.
    pub fn word(self) -> &'static str {
        match self {
            Outcome::Pass => "Passed",
            Outcome::Fail => "Failed",
            Outcome::Warn => "Warning",
            Outcome::Skip => "Not checked",
        }
    }
}

impl CheckId {
    /// The row's key, as the report's JSON and the expert detail write it.
    pub fn as_str(self) -> &'static str {
        self.key()
    }
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
#[derive(Debug, Clone, Default, PartialEq, Serialize)]
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
#[derive(Debug, Clone, Default, PartialEq, Serialize)]
pub struct Report {
    pub verdict: Verdict,
    /// The detected format, e.g. "Open Badges 3.0 (Data Integrity, eddsa-rdfc-2022)".
    pub format: String,
    pub checks: Vec<Check>,
    /// SHA-256 of the exact input, hex: what a receipt quotes.
    pub input_sha256: String,
    #[serde(skip_serializing_if = "Option::is_none")]
    pub badge: Option<BadgeView>,
    /// The issuer's own address for this badge (an OB 2.0 hosted
    /// assertion's id, or the badge class), when it could not be fetched from
    /// here at all (the issuer's server refuses other sites, or the network
    /// is down): a person can open it in their browser, and staff can run
    /// `microcred verify` on it. Only http(s).
    #[serde(skip_serializing_if = "Option::is_none")]
    pub issuer_page: Option<String>,
}

/// Why a report's JSON could not be read.
#[derive(Debug, Clone, PartialEq, Eq, thiserror::Error)]
#[error("{0}")]
pub struct ReportError(pub String);

impl Report {
    pub fn check(&self, id: CheckId) -> Option<&Check> {
        self.checks.iter().find(|c| c.id == id)
    }

    /// Whether any row came out this way.
    pub fn any(&self, id: Option<CheckId>, outcome: Outcome) -> bool {
        self.checks
            .iter()
            .any(|c| c.outcome == outcome && id.is_none_or(|id| c.id == id))
    }

    /// Reads a report as the worker sends it and the wallet keeps it.
    pub fn from_json(text: &str) -> Result<Report, ReportError> {
        let json = json::parse(text).map_err(|e| ReportError(e.message))?;
        json::read(&json).map_err(|errors| {
            ReportError(errors.first().map_or_else(String::new, |e| e.to_string()))
        })
    }
}

/// What a badge says, whatever its format: achievement, issuer,
/// recipient, dates, alignments.
#[derive(Debug, Clone, Default, PartialEq, Serialize)]
pub struct BadgeView {
    /// The credential's own id (a URL or URN), when it states one.
    #[serde(skip_serializing_if = "Option::is_none")]
    pub id: Option<String>,
    /// The credential's own name, or the achievement's.
    pub name: String,
    pub description: String,
    pub achievement: AchievementView,
    pub issuer: IssuerView,
    /// Who it was issued to, as the badge states it (often hashed).
    pub recipient: Option<Recipient>,
    /// When it was issued (RFC 3339, as written).
    pub issued: Option<String>,
    pub expires: Option<String>,
    pub alignments: Vec<AlignmentView>,
    /// Skills or tags the achievement names.
    pub tags: Vec<String>,
    /// Credit the achievement is worth (`creditsAvailable`), when stated.
    pub credit_points: Option<f64>,
    pub evidence: Vec<EvidenceView>,
    /// Endorsements embedded in the badge, each verified on its own.
    pub endorsements: Vec<EndorsementView>,
}

/// A badge's recipient as the badge states it.
#[derive(Debug, Clone, Default, PartialEq, Eq, Serialize)]
pub struct Recipient {
    /// `email`, `url`, `telephone`, `id`, `name`… (OB 2.0 `type`, OB 3.0 `identityType`).
    pub kind: String,
    pub hashed: bool,
    pub salt: Option<String>,
    /// The identity, or `algorithm$hex` when hashed.
    pub identity: String,
}

#[derive(Debug, Clone, Default, PartialEq, Serialize)]
pub struct EvidenceView {
    pub name: String,
    pub description: String,
    pub url: Option<String>,
}

#[derive(Debug, Clone, Default, PartialEq, Serialize)]
pub struct EndorsementView {
    /// Who endorses (name, else id).
    pub by: String,
    pub comment: String,
    /// The endorsement credential's own verdict.
    pub verdict: Verdict,
}

#[derive(Debug, Clone, Default, PartialEq, Serialize)]
pub struct AchievementView {
    pub id: Option<String>,
    pub name: String,
    pub kind: Option<String>,
    pub description: String,
    pub criteria: String,
    pub image: Option<String>,
}

#[derive(Debug, Clone, Default, PartialEq, Serialize)]
pub struct IssuerView {
    pub id: String,
    pub name: String,
    pub url: Option<String>,
}

#[derive(Debug, Clone, Default, PartialEq, Serialize)]
pub struct AlignmentView {
    pub name: String,
    pub url: Option<String>,
    pub framework: Option<String>,
    pub code: Option<String>,
}

// Reading it back. Links are filtered again on the way in: a kept report
// is as untrusted as the badge it came from.

impl FromJson for Outcome {
    fn read<'j>(r: &mut Reader<'j>, json: &'j Json) -> Outcome {
        keyed(r, json)
    }
}

impl FromJson for CheckId {
    fn read<'j>(r: &mut Reader<'j>, json: &'j Json) -> CheckId {
        keyed(r, json)
    }
}

impl FromJson for Effect {
    fn read<'j>(r: &mut Reader<'j>, json: &'j Json) -> Effect {
        keyed(r, json)
    }
}

impl FromJson for Verdict {
    fn read<'j>(r: &mut Reader<'j>, json: &'j Json) -> Verdict {
        keyed(r, json)
    }
}

impl FromJson for Report {
    fn read<'j>(r: &mut Reader<'j>, json: &'j Json) -> Report {
        let o = r.object(json);
        Report {
            verdict: r.req(o, "verdict"),
            format: r.req(o, "format"),
            checks: r.list(o, "checks"),
            input_sha256: r.req(o, "input_sha256"),
            badge: r.opt(o, "badge"),
            issuer_page: safe_link(r.opt::<String>(o, "issuer_page").as_deref()),
        }
    }
}

impl FromJson for Check {
    fn read<'j>(r: &mut Reader<'j>, json: &'j Json) -> Check {
        let o = r.object(json);
        Check {
            id: r.req(o, "id"),
            outcome: r.req(o, "outcome"),
            effect: r.opt(o, "effect").unwrap_or_default(),
            sentence: r.req(o, "sentence"),
            detail: r.opt(o, "detail").unwrap_or_default(),
        }
    }
}

impl FromJson for BadgeView {
    fn read<'j>(r: &mut Reader<'j>, json: &'j Json) -> BadgeView {
        let o = r.object(json);
        BadgeView {
            id: r.opt(o, "id"),
            name: r.req(o, "name"),
            description: r.opt(o, "description").unwrap_or_default(),
            achievement: r.opt(o, "achievement").unwrap_or_default(),
            issuer: r.opt(o, "issuer").unwrap_or_default(),
            recipient: r.opt(o, "recipient"),
            issued: r.opt(o, "issued"),
            expires: r.opt(o, "expires"),
            alignments: r.list(o, "alignments"),
            tags: r.list(o, "tags"),
            credit_points: r.opt(o, "credit_points"),
            evidence: r.list(o, "evidence"),
            endorsements: r.list(o, "endorsements"),
        }
    }
}

impl FromJson for Recipient {
    fn read<'j>(r: &mut Reader<'j>, json: &'j Json) -> Recipient {
        let o = r.object(json);
        Recipient {
            kind: r.req(o, "kind"),
            hashed: r.opt(o, "hashed").unwrap_or_default(),
            salt: r.opt(o, "salt"),
            identity: r.opt(o, "identity").unwrap_or_default(),
        }
    }
}

impl FromJson for AchievementView {
    fn read<'j>(r: &mut Reader<'j>, json: &'j Json) -> AchievementView {
        let o = r.object(json);
        AchievementView {
            id: r.opt(o, "id"),
            name: r.opt(o, "name").unwrap_or_default(),
            kind: r.opt(o, "kind"),
            description: r.opt(o, "description").unwrap_or_default(),
            criteria: r.opt(o, "criteria").unwrap_or_default(),
            image: safe_image(r.opt::<String>(o, "image").as_deref()),
        }
    }
}

impl FromJson for IssuerView {
    fn read<'j>(r: &mut Reader<'j>, json: &'j Json) -> IssuerView {
        let o = r.object(json);
        IssuerView {
            id: r.opt(o, "id").unwrap_or_default(),
            name: r.opt(o, "name").unwrap_or_default(),
            url: safe_link(r.opt::<String>(o, "url").as_deref()),
        }
    }
}

impl FromJson for AlignmentView {
    fn read<'j>(r: &mut Reader<'j>, json: &'j Json) -> AlignmentView {
        let o = r.object(json);
        AlignmentView {
            name: r.req(o, "name"),
            url: safe_link(r.opt::<String>(o, "url").as_deref()),
            framework: r.opt(o, "framework"),
            code: r.opt(o, "code"),
        }
    }
}

impl FromJson for EvidenceView {
    fn read<'j>(r: &mut Reader<'j>, json: &'j Json) -> EvidenceView {
        let o = r.object(json);
        EvidenceView {
            name: r.opt(o, "name").unwrap_or_default(),
            description: r.opt(o, "description").unwrap_or_default(),
            url: safe_link(r.opt::<String>(o, "url").as_deref()),
        }
    }
}

impl FromJson for EndorsementView {
    fn read<'j>(r: &mut Reader<'j>, json: &'j Json) -> EndorsementView {
        let o = r.object(json);
        EndorsementView {
            by: r.req(o, "by"),
            comment: r.opt(o, "comment").unwrap_or_default(),
            verdict: r.opt(o, "verdict").unwrap_or_default(),
        }
    }
}

/// A link a page may show: http(s) only, never `javascript:` or `data:`,
/// and nothing with spaces or control characters in it.
pub fn safe_link(url: Option<&str>) -> Option<String> {
    let url = url?.trim();
    let lower = url.to_ascii_lowercase();
    ((lower.starts_with("https://") || lower.starts_with("http://"))
        && !url.chars().any(|c| c.is_whitespace() || c.is_control()))
    .then(|| url.to_owned())
}

/// An image a page may show: https or a `data:image/…` URL (never plain
/// http, which would leak the viewer to a third party insecurely). An
/// `<img>` never runs script, whatever the image type.
pub fn safe_image(url: Option<&str>) -> Option<String> {
    let url = url?.trim();
    let lower = url.to_ascii_lowercase();
    let ok = (lower.starts_with("https://") || lower.starts_with("data:image/"))
        && !url.chars().any(char::is_control);
    ok.then(|| url.to_owned())
}

/// The badge picture a page shows, as a site path or a `data:` URL: the
/// catalog's own image of the achievement (a file of this site), else an
/// image embedded in the badge. An image on another host is never fetched:
/// that request would tell the host who is looking at which badge.
pub fn own_image(
    badge_image: Option<&str>,
    achievement_id: Option<&str>,
    catalog: Option<&crate::domain::catalog::Catalog>,
) -> Option<String> {
    let from_catalog = catalog
        .zip(achievement_id)
        .and_then(|(c, id)| c.offering_for_achievement(id)?.badge.as_ref())
        .map(|b| b.image.clone());
    from_catalog.or_else(|| {
        safe_image(badge_image).filter(|u| u.to_ascii_lowercase().starts_with("data:image/"))
    })
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

    fn keys_agree_with_serde<T: Keyed + Serialize + FromJson + PartialEq + std::fmt::Debug>() {
        for v in T::ALL {
            let text = serde_json::to_string(v).unwrap();
            assert_eq!(text, format!("\"{}\"", v.key()));
            let back: T = json::read(&json::parse(&text).unwrap()).unwrap();
            assert_eq!(back, *v);
        }
        let unknown = json::read::<T>(&json::parse("\"maybe\"").unwrap());
        assert!(unknown.is_err(), "an unknown key is refused");
    }

    #[test]
    fn every_key_reads_back_as_serde_writes_it() {
        keys_agree_with_serde::<Outcome>();
        keys_agree_with_serde::<CheckId>();
        keys_agree_with_serde::<Effect>();
        keys_agree_with_serde::<Verdict>();
    }

    /// The report the worker writes (serde) is the report the page reads
    /// (the core's reader), field for field, with every optional part.
    #[test]
    fn a_full_report_round_trips_through_its_json() {
        let report = Report {
            verdict: Verdict::Expired,
            format: "Open Badges 2.0 (hosted)".into(),
            checks: vec![
                row(CheckId::Signature, Outcome::Pass, Effect::None),
                Check {
                    detail: "expired 2025-03-16".into(),
                    sentence: "It expired.".into(),
                    ..row(CheckId::Dates, Outcome::Warn, Effect::Expired)
                },
            ],
            input_sha256: "ab".repeat(32),
            badge: Some(BadgeView {
                id: Some("https://api.badgr.io/public/assertions/x".into()),
                name: "Responsible AI".into(),
                description: "d".into(),
                achievement: AchievementView {
                    id: Some("https://api.badgr.io/public/badges/y".into()),
                    name: "Responsible AI".into(),
                    kind: Some("Badge".into()),
                    description: "**bold**".into(),
                    criteria: "c".into(),
                    image: Some("data:image/png;base64,AA==".into()),
                },
                issuer: IssuerView {
                    id: "https://api.badgr.io/public/issuers/z".into(),
                    name: "Kestrel".into(),
                    url: Some("https://kestrel.example".into()),
                },
                recipient: Some(Recipient {
                    kind: "email".into(),
                    hashed: true,
                    salt: Some("s".into()),
                    identity: "sha256$00".into(),
                }),
                issued: Some("2024-03-16T00:00:00Z".into()),
                expires: Some("2025-03-16T00:00:00Z".into()),
                alignments: vec![AlignmentView {
                    name: "Ethics".into(),
                    url: Some("https://example.org/e".into()),
                    framework: Some("F".into()),
                    code: Some("E1".into()),
                }],
                tags: vec!["ai".into()],
                credit_points: Some(3.125),
                evidence: vec![EvidenceView {
                    name: "Essay".into(),
                    description: String::new(),
                    url: None,
                }],
                endorsements: vec![EndorsementView {
                    by: "A body".into(),
                    comment: "Good".into(),
                    verdict: Verdict::UnknownIssuer,
                }],
            }),
            issuer_page: Some("https://api.badgr.io/public/assertions/x".into()),
        };
        let text = serde_json::to_string(&report).unwrap();
        assert_eq!(Report::from_json(&text), Ok(report));
    }

    #[test]
    fn links_from_a_kept_report_are_filtered_again() {
        let text = r#"{"verdict":"verified","format":"f","checks":[],"input_sha256":"",
            "issuer_page":"javascript:alert(1)",
            "badge":{"name":"n","description":"","achievement":{"image":"http://x/y.png"},
              "issuer":{"id":"i","name":"","url":"data:text/html,x"},"recipient":null,
              "alignments":[{"name":"a","url":"https://ok.example/a b"}],"tags":[],
              "evidence":[],"endorsements":[]}}"#;
        let report = Report::from_json(text).unwrap();
        let badge = report.badge.unwrap();
        assert_eq!(report.issuer_page, None);
        assert_eq!(badge.issuer.url, None);
        assert_eq!(badge.achievement.image, None);
        assert_eq!(badge.alignments[0].url, None);
    }

    #[test]
    fn a_report_that_is_not_one_says_why() {
        assert!(Report::from_json("not json").is_err());
        let e =
            Report::from_json(r#"{"verdict":"fine","format":"","checks":[],"input_sha256":""}"#)
                .unwrap_err();
        assert!(e.0.contains("fine"), "{e}");
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
