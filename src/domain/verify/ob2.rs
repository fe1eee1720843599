//! Open Badges 2.0 assertions: signed (a JWS with the issuer's key) and
//! hosted (the issuer serves the assertion at its id).
//!
//! - **Signed**: the key named by `verification.creator` must be one the
//!   catalog lists; its issuer must be the issuer of the badge class the
//!   assertion names; the JWS must verify with it.
//! - **Hosted**: the assertion is fetched again from its id, which must be on
//!   a host the catalog allows for the badge class's issuer
//!   (`hostedOrigins`); the copy there must be the one presented. HTTP 410
//!   or `"revoked": true` there means revoked.
//! - **Revocation**: the issuer profile's `revocationList`, when it has one.
//!
//! Badge classes and issuer profiles are fetched (they are plain JSON, and
//! trust never comes from them: only the catalog's keys and hosts count).

use serde_json::{Map, Value};

use super::credential::{AchievementView, BadgeView, IssuerView, parse_instant};
use super::jws::Jws;
use super::report::{CheckId, Checks};
use super::{Env, Fetch, Findings};
use crate::domain::instant::UnixTime;

pub const CONTEXT: &str = "https://w3id.org/openbadges/v2";

/// Whether a JSON object looks like an Open Badges 2.0 assertion.
pub fn is_assertion(object: &Map<String, Value>) -> bool {
    let context_is_ob2 = match object.get("@context") {
        Some(Value::String(c)) => c == CONTEXT,
        Some(Value::Array(items)) => items.iter().any(|c| c.as_str() == Some(CONTEXT)),
        _ => false,
    };
    context_is_ob2 || object.get("type").and_then(Value::as_str) == Some("Assertion")
}

fn text<'a>(object: &'a Map<String, Value>, key: &str) -> Option<&'a str> {
    object.get(key).and_then(Value::as_str)
}

fn id_of(value: Option<&Value>) -> Option<&str> {
    match value? {
        Value::String(s) => Some(s),
        Value::Object(o) => text(o, "id"),
        _ => None,
    }
}

/// An embedded object, or the JSON object fetched from a URL.
async fn object_at<F: Fetch>(
    value: Option<&Value>,
    env: &Env<'_, F>,
) -> Result<Map<String, Value>, String> {
    match value {
        Some(Value::Object(o)) => Ok(o.clone()),
        Some(Value::String(url)) if url.starts_with("https://") || url.starts_with("http://") => {
            let body = super::fetch_ok(env, url, url).await?;
            match serde_json::from_slice::<Value>(&body) {
                Ok(Value::Object(o)) => Ok(o),
                _ => Err(format!("{url} is not a JSON object")),
            }
        }
        Some(Value::String(other)) => Err(format!("“{other}” is not an http(s) URL")),
        _ => Err("it is missing".into()),
    }
}

/// Verifies an Open Badges 2.0 assertion, signed (`jws`) or hosted.
pub(crate) async fn verify<F: Fetch>(
    assertion: &Map<String, Value>,
    jws: Option<&Jws>,
    env: &Env<'_, F>,
    checks: &mut Checks,
    findings: &mut Findings,
) -> (String, BadgeView) {
    let kind = assertion
        .get("verification")
        .and_then(|v| v.get("type"))
        .and_then(Value::as_str)
        .unwrap_or("")
        .to_ascii_lowercase();
    let format = format!(
        "Open Badges 2.0 assertion ({})",
        if kind.is_empty() {
            "no verification"
        } else {
            &kind
        }
    );
    let mut view = BadgeView {
        id: text(assertion, "id").map(str::to_owned),
        issued: text(assertion, "issuedOn").map(str::to_owned),
        expires: text(assertion, "expires").map(str::to_owned),
        recipient: assertion
            .get("recipient")
            .and_then(super::recipient::Recipient::from_ob2),
        ..BadgeView::default()
    };

    // Format and required members.
    let context_ok = match assertion.get("@context") {
        Some(Value::String(c)) => c == CONTEXT,
        Some(Value::Array(items)) => items
            .iter()
            .all(|c| c.as_str() == Some(CONTEXT) || c.is_object()),
        _ => false,
    };
    if !context_ok {
        findings.invalid = true;
        checks.fail(CheckId::Contexts, format!("It does not use the Open Badges 2.0 context ({CONTEXT}) alone: other contexts are not supported."));
        return (format, view);
    }
    checks.pass(CheckId::Format, "Read as an Open Badges 2.0 assertion.");
    let missing: Vec<&str> = ["id", "recipient", "badge", "verification", "issuedOn"]
        .into_iter()
        .filter(|k| !assertion.contains_key(*k))
        .collect();
    if !missing.is_empty() {
        findings.invalid = true;
        checks.fail(
            CheckId::Schema,
            format!(
                "The assertion lacks required fields: {}.",
                missing.join(", ")
            ),
        );
        return (format, view);
    }
    checks.pass(CheckId::Schema, "The assertion has every required field.");
    let assertion_id = text(assertion, "id").unwrap_or("");

    // The badge class, and through it the issuer the assertion claims.
    let badge = match object_at(assertion.get("badge"), env).await {
        Ok(badge) => badge,
        Err(why) => {
            // A signed assertion's signature can still be checked; whose
            // badge class it names cannot.
            if let ("signed", Some(jws)) = (kind.as_str(), jws) {
                signed(assertion, jws, None, env, checks, findings);
            }
            findings.unchecked = true;
            checks.skip(
                CheckId::IssuerTrust,
                format!("The badge class could not be read, so the issuer it names could not be confirmed: {why}."),
            );
            dates(assertion, env.now, checks, findings);
            return (format, view);
        }
    };
    view.name = text(&badge, "name").unwrap_or("").to_owned();
    view.description = text(&badge, "description").unwrap_or("").to_owned();
    view.achievement = AchievementView {
        id: text(&badge, "id").map(str::to_owned),
        name: view.name.clone(),
        kind: None,
        description: view.description.clone(),
        criteria: match badge.get("criteria") {
            Some(Value::String(url)) => url.clone(),
            Some(Value::Object(c)) => text(c, "narrative")
                .or(text(c, "id"))
                .unwrap_or("")
                .to_owned(),
            _ => String::new(),
        },
        image: super::credential::safe_image(id_of(badge.get("image")).map(str::to_owned)),
    };
    let claimed_issuer = id_of(badge.get("issuer")).unwrap_or("").to_owned();
    view.issuer = IssuerView {
        id: claimed_issuer.clone(),
        name: String::new(),
        url: None,
    };

    // Who vouches for it: a catalog key (signed) or a catalog host (hosted).
    let trusted = match (kind.as_str(), jws) {
        ("signed", Some(jws)) => {
            signed(assertion, jws, Some(&claimed_issuer), env, checks, findings)
        }
        ("signed", None) => {
            findings.invalid = true;
            checks.fail(CheckId::Signature, "It says it is signed, but it was not given as its signed token (JWS), so the signature cannot be checked.");
            false
        }
        ("hosted", _) => {
            hosted(
                assertion,
                assertion_id,
                &claimed_issuer,
                env,
                checks,
                findings,
            )
            .await
        }
        (other, _) => {
            findings.invalid = true;
            checks.fail(
                CheckId::Signature,
                format!("Its verification type “{other}” is neither “signed” nor “hosted”."),
            );
            false
        }
    };
    if let Some(issuer) = env.trust.issuer(&claimed_issuer) {
        view.issuer.name = issuer.name.clone();
        view.issuer.url = Some(issuer.url.clone());
    }

    dates(assertion, env.now, checks, findings);

    // Revocation, through the issuer profile.
    if trusted && !findings.invalid {
        revocation(badge.get("issuer"), assertion_id, env, checks, findings).await;
    }
    (format, view)
}

/// A signed assertion: the creator key must be a catalog key of the badge
/// class's issuer (when the badge class could be read), in force at
/// issuedOn, and the JWS must verify with it.
fn signed<F: Fetch>(
    assertion: &Map<String, Value>,
    jws: &Jws,
    claimed_issuer: Option<&str>,
    env: &Env<'_, F>,
    checks: &mut Checks,
    findings: &mut Findings,
) -> bool {
    let creator = assertion
        .get("verification")
        .and_then(|v| v.get("creator"))
        .and_then(Value::as_str)
        .or(jws.kid())
        .unwrap_or("");
    let Some((issuer, key)) = env.trust.issuer_of_key(creator) else {
        findings.untrusted = true;
        checks.fail(CheckId::IssuerTrust, format!(
            "It is signed with the key {creator}, which the catalog does not list: it is not from an issuer this catalog trusts."
        ));
        return false;
    };
    if !jws.verifies_with(&key.key) {
        findings.invalid = true;
        checks.fail(CheckId::Signature, "The signature does not match the assertion: it was changed after signing, or signed with another key.")
            .detail(format!("{} with key {}", jws.algorithm.jose(), key.id));
        return false;
    }
    checks
        .pass(
            CheckId::Signature,
            "The signature matches the assertion exactly.",
        )
        .detail(format!("{} with key {}", jws.algorithm.jose(), key.id));
    if let Some(claimed) = claimed_issuer
        && issuer.id != claimed
    {
        findings.invalid = true;
        checks.fail(
            CheckId::IssuerTrust,
            format!(
                "The key belongs to {}, but the badge class names another issuer ({claimed}).",
                issuer.name
            ),
        );
        return false;
    }
    let issued = text(assertion, "issuedOn").and_then(parse_instant);
    super::trusted_signer(issuer, key, issued, checks, findings);
    true
}

/// A hosted assertion: fetched again from its id, on a host the catalog
/// allows for the issuer, and identical to the one presented.
async fn hosted<F: Fetch>(
    assertion: &Map<String, Value>,
    assertion_id: &str,
    claimed_issuer: &str,
    env: &Env<'_, F>,
    checks: &mut Checks,
    findings: &mut Findings,
) -> bool {
    let Some(issuer) = env.trust.issuer(claimed_issuer) else {
        findings.untrusted = true;
        checks.fail(
            CheckId::IssuerTrust,
            format!("Its issuer ({claimed_issuer}) is not in the catalog."),
        );
        return false;
    };
    // An allowed origin is a host name (any port) or `host:port` (that port).
    let host = host_of(assertion_id);
    let authority = authority_of(assertion_id);
    if !host.is_some_and(|h| {
        issuer.hosted_origins.iter().any(|o| {
            o.eq_ignore_ascii_case(h) || authority.is_some_and(|a| o.eq_ignore_ascii_case(a))
        })
    }) {
        findings.invalid = true;
        checks.fail(
            CheckId::IssuerTrust,
            format!(
                "It is hosted at {assertion_id}, on a host the catalog does not allow for {}.",
                issuer.name
            ),
        );
        return false;
    }
    let fetched = match env.fetch.fetch(assertion_id).await {
        Ok(f) => f,
        Err(e) => {
            findings.unchecked = true;
            checks.skip(CheckId::Signature, format!("The issuer's hosted copy could not be fetched ({e}), so it could not be checked."));
            return false;
        }
    };
    match fetched.status {
        200 => {}
        410 => {
            findings.revoked = true;
            checks.fail(
                CheckId::Status,
                "The issuer has withdrawn this badge (its hosted copy is gone, HTTP 410).",
            );
            return false;
        }
        status => {
            findings.unchecked = true;
            checks.skip(
                CheckId::Signature,
                format!(
                    "The issuer's hosted copy answered HTTP {status}, so it could not be checked."
                ),
            );
            return false;
        }
    }
    let Ok(Value::Object(copy)) = serde_json::from_slice::<Value>(&fetched.body) else {
        findings.invalid = true;
        checks.fail(
            CheckId::Signature,
            "The issuer's hosted copy is not a JSON object.",
        );
        return false;
    };
    if copy.get("revoked") == Some(&Value::Bool(true)) {
        findings.revoked = true;
        let reason = text(&copy, "revocationReason")
            .map(|r| format!(" Reason given: {r}"))
            .unwrap_or_default();
        checks.fail(
            CheckId::Status,
            format!("The issuer has revoked this badge.{reason}"),
        );
        return false;
    }
    if &copy != assertion {
        findings.invalid = true;
        checks
            .fail(
                CheckId::Signature,
                "The badge differs from the copy the issuer hosts: it was changed.",
            )
            .detail(format!("hosted copy at {assertion_id}"));
        return false;
    }
    checks
        .pass(
            CheckId::Signature,
            "It is identical to the copy the issuer hosts.",
        )
        .detail(format!("hosted copy at {assertion_id}"));
    checks.pass(
        CheckId::IssuerTrust,
        format!(
            "Hosted by {} on a host the catalog lists for it.",
            issuer.name
        ),
    );
    true
}

/// The host of an http(s) URL.
/// `host:port` (or just the host) of an http(s) URL, without user info.
fn authority_of(url: &str) -> Option<&str> {
    let rest = url
        .strip_prefix("https://")
        .or_else(|| url.strip_prefix("http://"))?;
    let authority = rest.split(['/', '?', '#']).next()?;
    let authority = authority.rsplit('@').next()?;
    (!authority.is_empty()).then_some(authority)
}

pub fn host_of(url: &str) -> Option<&str> {
    let rest = url
        .strip_prefix("https://")
        .or_else(|| url.strip_prefix("http://"))?;
    let authority = rest.split(['/', '?', '#']).next()?;
    let host = authority.rsplit('@').next()?;
    let host = host.split(':').next()?;
    (!host.is_empty()).then_some(host)
}

fn dates(
    assertion: &Map<String, Value>,
    now: UnixTime,
    checks: &mut Checks,
    findings: &mut Findings,
) {
    let issued = text(assertion, "issuedOn");
    let expires = text(assertion, "expires");
    let (Some(issued_at), expires_at) =
        (issued.and_then(parse_instant), expires.map(parse_instant))
    else {
        findings.invalid = true;
        checks.fail(
            CheckId::Dates,
            format!(
                "Its issue date “{}” is not a timestamp.",
                issued.unwrap_or("")
            ),
        );
        return;
    };
    match expires_at {
        Some(None) => {
            findings.invalid = true;
            checks.fail(
                CheckId::Dates,
                format!("Its expiry “{}” is not a timestamp.", expires.unwrap_or("")),
            );
        }
        Some(Some(until)) if until < issued_at => {
            findings.invalid = true;
            checks.fail(
                CheckId::Dates,
                format!("It expires ({until}) before it was issued ({issued_at})."),
            );
        }
        _ if issued_at > now => {
            findings.not_yet_valid = true;
            checks.fail(
                CheckId::Dates,
                format!("It says it was issued on {issued_at}, which is in the future."),
            );
        }
        Some(Some(until)) if until < now => {
            findings.expired = true;
            checks.fail(CheckId::Dates, format!("It expired on {until}."));
        }
        Some(Some(until)) => {
            checks.pass(
                CheckId::Dates,
                format!("It is in its validity period, until {until}."),
            );
        }
        None => {
            checks.pass(
                CheckId::Dates,
                "It was issued in the past and does not expire.",
            );
        }
    }
}

async fn revocation<F: Fetch>(
    issuer: Option<&Value>,
    assertion_id: &str,
    env: &Env<'_, F>,
    checks: &mut Checks,
    findings: &mut Findings,
) {
    let could_not = |checks: &mut Checks, findings: &mut Findings, why: String| {
        super::status_unknown(checks, findings, &why, String::new());
    };
    let profile = match object_at(issuer, env).await {
        Ok(profile) => profile,
        Err(why) => return could_not(checks, findings, format!("the issuer profile: {why}")),
    };
    let Some(list) = profile.get("revocationList") else {
        checks.skip(CheckId::Status, "The issuer publishes no revocation list.");
        return;
    };
    let list = match object_at(Some(list), env).await {
        Ok(list) => list,
        Err(why) => return could_not(checks, findings, format!("the revocation list: {why}")),
    };
    let Some(revoked) = list.get("revokedAssertions").and_then(Value::as_array) else {
        return could_not(
            checks,
            findings,
            "the revocation list has no “revokedAssertions”".into(),
        );
    };
    let entry = revoked.iter().find(|item| match item {
        Value::String(id) => id == assertion_id,
        other => id_of(Some(other)) == Some(assertion_id),
    });
    match entry {
        Some(entry) => {
            findings.revoked = true;
            let reason = entry
                .get("revocationReason")
                .and_then(Value::as_str)
                .map(|r| format!(" Reason given: {r}"))
                .unwrap_or_default();
            checks.fail(
                CheckId::Status,
                format!("The issuer has revoked this badge.{reason}"),
            );
        }
        None => {
            checks.pass(
                CheckId::Status,
                "The issuer's revocation list does not name this badge.",
            );
        }
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn finds_the_host_of_a_url() {
        assert_eq!(host_of("https://example.org/a.json"), Some("example.org"));
        assert_eq!(
            host_of("https://user@example.org:8443/a"),
            Some("example.org")
        );
        assert_eq!(host_of("http://example.org"), Some("example.org"));
        assert_eq!(host_of("ftp://example.org/a"), None);
        assert_eq!(host_of("https:///a"), None);
        assert_eq!(
            authority_of("https://user@example.org:8443/a"),
            Some("example.org:8443")
        );
        assert_eq!(authority_of("http://example.org?x"), Some("example.org"));
    }
}
