//! What a badge says, read from its JSON into one view model whatever the
//! format: achievement, issuer, recipient, dates, alignments.
//!
//! Everything here is untrusted text from the badge: the view model holds
//! it as plain strings and the UI renders them as text, never as HTML.

use serde_json::{Map, Value};

use crate::domain::instant::UnixTime;

pub use crate::domain::report::{
    AchievementView, AlignmentView, BadgeView, EndorsementView, EvidenceView, IssuerView,
};

/// A link from a badge a page may show (see `report::safe_link`).
pub fn safe_link(url: Option<String>) -> Option<String> {
    crate::domain::report::safe_link(url.as_deref())
}

/// An image from a badge a page may show (see `report::safe_image`).
pub fn safe_image(url: Option<String>) -> Option<String> {
    crate::domain::report::safe_image(url.as_deref())
}

fn text(object: Option<&Value>, key: &str) -> Option<String> {
    object?.get(key)?.as_str().map(str::to_owned)
}

/// An `id` written either as a string or as an object with `id`.
fn id_of(value: Option<&Value>) -> Option<String> {
    match value? {
        Value::String(s) => Some(s.clone()),
        Value::Object(o) => o.get("id")?.as_str().map(str::to_owned),
        _ => None,
    }
}

/// The issuer id a credential names.
pub fn issuer_id(credential: &Map<String, Value>) -> Option<String> {
    id_of(credential.get("issuer"))
}

/// The instant the credential says it was issued (VC 2.0 `validFrom`, VC 1.1
/// `issuanceDate`), which decides whether the signing key was in force.
pub fn issued_at(credential: &Map<String, Value>) -> Option<&str> {
    ["validFrom", "issuanceDate", "awardedDate"]
        .iter()
        .find_map(|k| credential.get(*k)?.as_str())
}

/// The instant it stops being valid (VC 2.0 `validUntil`, VC 1.1 `expirationDate`).
pub fn expires_at(credential: &Map<String, Value>) -> Option<&str> {
    ["validUntil", "expirationDate"]
        .iter()
        .find_map(|k| credential.get(*k)?.as_str())
}

pub fn parse_instant(text: &str) -> Option<UnixTime> {
    text.parse().ok()
}

/// The view of an Open Badges 3.0 / VC credential.
pub fn view_vc(credential: &Map<String, Value>) -> BadgeView {
    let subject = match credential.get("credentialSubject") {
        Some(Value::Array(items)) => items.first(),
        other => other,
    };
    let achievement = subject.and_then(|s| s.get("achievement"));
    let issuer = credential.get("issuer");
    let alignments = achievement
        .and_then(|a| a.get("alignment"))
        .and_then(Value::as_array)
        .map(|items| {
            items
                .iter()
                .map(|a| AlignmentView {
                    name: text(Some(a), "targetName").unwrap_or_default(),
                    url: safe_link(text(Some(a), "targetUrl")),
                    framework: text(Some(a), "targetFramework"),
                    code: text(Some(a), "targetCode"),
                })
                .collect()
        })
        .unwrap_or_default();
    let own = |key: &str| {
        credential
            .get(key)
            .and_then(Value::as_str)
            .map(str::to_owned)
    };
    let achievement_view = AchievementView {
        id: id_of(achievement),
        name: text(achievement, "name").unwrap_or_default(),
        kind: text(achievement, "achievementType"),
        description: text(achievement, "description").unwrap_or_default(),
        criteria: achievement
            .and_then(|a| a.get("criteria"))
            .and_then(|c| text(Some(c), "narrative"))
            .unwrap_or_default(),
        image: safe_image(id_of(achievement.and_then(|a| a.get("image")))),
    };
    BadgeView {
        id: own("id"),
        name: own("name").unwrap_or_else(|| achievement_view.name.clone()),
        description: own("description").unwrap_or_else(|| achievement_view.description.clone()),
        achievement: achievement_view,
        issuer: IssuerView {
            id: id_of(issuer).unwrap_or_default(),
            name: text(issuer, "name").unwrap_or_default(),
            url: safe_link(text(issuer, "url")),
        },
        recipient: subject.and_then(super::recipient::Recipient::from_subject),
        issued: issued_at(credential).map(str::to_owned),
        expires: expires_at(credential).map(str::to_owned),
        alignments,
        tags: achievement
            .and_then(|a| a.get("tag"))
            .and_then(Value::as_array)
            .map(|tags| {
                tags.iter()
                    .filter_map(Value::as_str)
                    .map(str::to_owned)
                    .collect()
            })
            .unwrap_or_default(),
        credit_points: achievement
            .and_then(|a| a.get("creditsAvailable"))
            .and_then(Value::as_f64),
        evidence: list(credential.get("evidence"))
            .into_iter()
            .map(|e| EvidenceView {
                name: text(Some(e), "name").unwrap_or_default(),
                description: text(Some(e), "description")
                    .or_else(|| text(Some(e), "narrative"))
                    .unwrap_or_default(),
                url: id_of(Some(e))
                    .filter(|u| u.starts_with("https://") || u.starts_with("http://")),
            })
            .collect(),
        endorsements: Vec::new(),
    }
}

/// A value that may be one item or an array of them.
pub fn list(value: Option<&Value>) -> Vec<&Value> {
    match value {
        Some(Value::Array(items)) => items.iter().collect(),
        Some(one) => vec![one],
        None => Vec::new(),
    }
}

/// Endorsement credentials embedded in a badge (on the credential, its
/// achievement, or its issuer profile).
pub fn embedded_endorsements(credential: &Map<String, Value>) -> Vec<&Value> {
    let subject = match credential.get("credentialSubject") {
        Some(Value::Array(items)) => items.first(),
        other => other,
    };
    let achievement = subject.and_then(|s| s.get("achievement"));
    let mut found = list(credential.get("endorsement"));
    found.extend(list(achievement.and_then(|a| a.get("endorsement"))));
    found.extend(list(
        credential.get("issuer").and_then(|i| i.get("endorsement")),
    ));
    found
}
