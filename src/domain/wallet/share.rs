//! Sharing one badge: the self-contained share link, and LinkedIn's "add to
//! profile" address.

use crate::domain::instant::UnixTime;

/// What LinkedIn's "add certification" form is given.
#[derive(Debug, Clone, Default, PartialEq)]
pub struct LinkedInCert {
    pub name: String,
    /// LinkedIn's numeric id for the institution (config.json), if known.
    pub organization_id: Option<String>,
    /// Used when there is no organisation id.
    pub organization_name: String,
    /// When it was issued (RFC 3339, as the badge says).
    pub issued: UnixTime,
    pub expires: Option<UnixTime>,
    pub cert_url: Option<String>,
    pub cert_id: Option<String>,
}

/// `https://www.linkedin.com/profile/add?startTask=CERTIFICATION_NAME&…`, every
/// value percent-encoded. Months are 1–12 from the UTC date, the way the
/// badge states its instants, so a badge issued at 23:30 UTC on 31 January
/// is January wherever the learner is.
pub fn linkedin_add_url(cert: &LinkedInCert) -> String {
    use crate::domain::catalog::browse::encode_component as enc;
    let mut url = String::from("https://www.linkedin.com/profile/add?startTask=CERTIFICATION_NAME");
    let mut push = |key: &str, value: &str| {
        url.push('&');
        url.push_str(key);
        url.push('=');
        url.push_str(&enc(value));
    };
    push("name", &cert.name);
    match &cert.organization_id {
        Some(id) if !id.trim().is_empty() => push("organizationId", id.trim()),
        _ => push("organizationName", &cert.organization_name),
    }
    let issued = cert.issued.utc_date();
    push("issueYear", &issued.year().to_string());
    push("issueMonth", &issued.month().to_string());
    if let Some(expires) = cert.expires {
        let expires = expires.utc_date();
        push("expirationYear", &expires.year().to_string());
        push("expirationMonth", &expires.month().to_string());
    }
    if let Some(u) = &cert.cert_url {
        push("certUrl", u);
    }
    if let Some(id) = &cert.cert_id {
        push("certId", id);
    }
    url
}

/// The fragment of a self-contained share link: the badge's own bytes,
/// base64url without padding. The link verifies with no server and never
/// expires (the badge inside may).
pub fn share_fragment(badge: &[u8]) -> String {
    use base64::Engine;
    format!(
        "badge={}",
        base64::engine::general_purpose::URL_SAFE_NO_PAD.encode(badge)
    )
}

/// The badge carried by a share link's fragment (`#badge=…`).
pub fn badge_from_fragment(fragment: &str) -> Result<Vec<u8>, String> {
    use base64::Engine;
    let encoded = fragment
        .trim_start_matches('#')
        .strip_prefix("badge=")
        .ok_or_else(|| "The link does not carry a badge.".to_owned())?;
    base64::engine::general_purpose::URL_SAFE_NO_PAD
        .decode(encoded.trim_end_matches('='))
        .map_err(|_| "The badge in the link is damaged: copy the whole link again.".to_owned())
}
