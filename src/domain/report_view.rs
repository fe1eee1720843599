//! A verification report as the page shows it, read from the JSON the
//! verifier worker sends (`verify::Report`, serialised with serde).
//!
//! The page does not link the verifier: it reads this JSON with the small
//! reader the catalog uses. Every string here is untrusted badge text and
//! is rendered as text; links pass `safe_link` before they become `href`s.

use crate::domain::json::{self, FromJson, Json, Reader};

/// The whole answer from the worker.
#[derive(Debug, Clone, Default, PartialEq)]
pub struct ReportView {
    /// `verified`, `expired`, `revoked`, `not_yet_valid`, `unknown_issuer`,
    /// `invalid` or `could_not_check`.
    pub verdict: String,
    pub format: String,
    pub checks: Vec<CheckView>,
    pub input_sha256: String,
    pub badge: Option<BadgeSummary>,
    /// The issuer's own address for the badge when it could not be fetched
    /// from here (CORS, offline); only http(s) links pass.
    pub issuer_page: Option<String>,
}

#[derive(Debug, Clone, Default, PartialEq)]
pub struct CheckView {
    /// `format`, `signature`, `issuer_trust`, `key_window`, `dates`, …
    pub id: String,
    /// `pass`, `fail`, `warn` or `skip`.
    pub outcome: String,
    pub sentence: String,
    pub detail: String,
}

#[derive(Debug, Clone, Default, PartialEq)]
pub struct BadgeSummary {
    /// The credential's own id, when it states one.
    pub id: Option<String>,
    pub name: String,
    pub description: String,
    pub achievement_id: Option<String>,
    pub achievement_name: String,
    pub achievement_kind: Option<String>,
    pub achievement_description: String,
    pub criteria: String,
    pub image: Option<String>,
    pub issuer_id: String,
    pub issuer_name: String,
    pub issuer_url: Option<String>,
    /// `email`, `url`, … and whether it is hashed.
    pub recipient_kind: Option<String>,
    pub recipient_hashed: bool,
    /// The identity when it is stated in the clear.
    pub recipient_identity: Option<String>,
    pub issued: Option<String>,
    pub expires: Option<String>,
    pub alignments: Vec<AlignmentItem>,
    pub tags: Vec<String>,
    pub credit_points: Option<f64>,
    pub evidence: Vec<EvidenceItem>,
    pub endorsements: Vec<EndorsementItem>,
}

#[derive(Debug, Clone, Default, PartialEq)]
pub struct AlignmentItem {
    pub name: String,
    pub url: Option<String>,
    pub framework: Option<String>,
    pub code: Option<String>,
}

#[derive(Debug, Clone, Default, PartialEq)]
pub struct EvidenceItem {
    pub name: String,
    pub description: String,
    pub url: Option<String>,
}

#[derive(Debug, Clone, Default, PartialEq)]
pub struct EndorsementItem {
    pub by: String,
    pub comment: String,
    pub verdict: String,
}

/// Why the worker's answer could not be shown.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct ReportError(pub String);

impl ReportView {
    /// Reads the worker's JSON; `{"error": "…"}` becomes that error.
    pub fn from_json(text: &str) -> Result<ReportView, ReportError> {
        let json = json::parse(text).map_err(|e| ReportError(e.message))?;
        if let Some(error) = json.get("error").and_then(Json::as_str) {
            return Err(ReportError(error.to_owned()));
        }
        json::read(&json).map_err(|errors| {
            ReportError(errors.first().map_or_else(String::new, |e| e.to_string()))
        })
    }

    /// The checks with a given outcome.
    pub fn count(&self, outcome: &str) -> usize {
        self.checks.iter().filter(|c| c.outcome == outcome).count()
    }
}

impl FromJson for ReportView {
    fn read<'j>(r: &mut Reader<'j>, json: &'j Json) -> ReportView {
        let o = r.object(json);
        ReportView {
            verdict: r.req(o, "verdict"),
            format: r.req(o, "format"),
            checks: r.list(o, "checks"),
            input_sha256: r.req(o, "input_sha256"),
            badge: r.opt(o, "badge"),
            issuer_page: safe_link(r.opt::<String>(o, "issuer_page").as_deref()),
        }
    }
}

impl FromJson for CheckView {
    fn read<'j>(r: &mut Reader<'j>, json: &'j Json) -> CheckView {
        let o = r.object(json);
        CheckView {
            id: r.req(o, "id"),
            outcome: r.req(o, "outcome"),
            sentence: r.req(o, "sentence"),
            detail: r.opt(o, "detail").unwrap_or_default(),
        }
    }
}

impl FromJson for BadgeSummary {
    fn read<'j>(r: &mut Reader<'j>, json: &'j Json) -> BadgeSummary {
        let o = r.object(json);
        let achievement = o.get("achievement");
        let issuer = o.get("issuer");
        let recipient = o.get("recipient");
        let text = |v: Option<&Json>, key: &str| -> Option<String> {
            v?.get(key)?.as_str().map(str::to_owned)
        };
        let hashed = recipient
            .and_then(|r| r.get("hashed"))
            .map(|h| h.to_string() == "true");
        BadgeSummary {
            id: r.opt(o, "id"),
            name: r.req(o, "name"),
            description: r.opt(o, "description").unwrap_or_default(),
            achievement_id: text(achievement, "id"),
            achievement_name: text(achievement, "name").unwrap_or_default(),
            achievement_kind: text(achievement, "kind"),
            achievement_description: text(achievement, "description").unwrap_or_default(),
            criteria: text(achievement, "criteria").unwrap_or_default(),
            image: text(achievement, "image"),
            issuer_id: text(issuer, "id").unwrap_or_default(),
            issuer_name: text(issuer, "name").unwrap_or_default(),
            issuer_url: text(issuer, "url"),
            recipient_kind: text(recipient, "kind"),
            recipient_hashed: hashed.unwrap_or(false),
            recipient_identity: if hashed == Some(false) {
                text(recipient, "identity")
            } else {
                None
            },
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

impl FromJson for AlignmentItem {
    fn read<'j>(r: &mut Reader<'j>, json: &'j Json) -> AlignmentItem {
        let o = r.object(json);
        AlignmentItem {
            name: r.req(o, "name"),
            url: r.opt(o, "url"),
            framework: r.opt(o, "framework"),
            code: r.opt(o, "code"),
        }
    }
}

impl FromJson for EvidenceItem {
    fn read<'j>(r: &mut Reader<'j>, json: &'j Json) -> EvidenceItem {
        let o = r.object(json);
        EvidenceItem {
            name: r.opt(o, "name").unwrap_or_default(),
            description: r.opt(o, "description").unwrap_or_default(),
            url: r.opt(o, "url"),
        }
    }
}

impl FromJson for EndorsementItem {
    fn read<'j>(r: &mut Reader<'j>, json: &'j Json) -> EndorsementItem {
        let o = r.object(json);
        EndorsementItem {
            by: r.req(o, "by"),
            comment: r.opt(o, "comment").unwrap_or_default(),
            verdict: r.opt(o, "verdict").unwrap_or_default(),
        }
    }
}

/// A link the page may show: http(s) only, never `javascript:` or `data:`.
pub fn safe_link(url: Option<&str>) -> Option<String> {
    let url = url?.trim();
    let lower = url.to_ascii_lowercase();
    ((lower.starts_with("https://") || lower.starts_with("http://"))
        && !url.chars().any(|c| c.is_whitespace() || c.is_control()))
    .then(|| url.to_owned())
}

/// An image the page may show: https or a `data:image/…` URL. (An `<img>`
/// never runs script, whatever the image type.)
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
