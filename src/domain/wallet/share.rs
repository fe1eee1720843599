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

/// The badge as a share link carries it: JSON without its layout (every
/// proof is over a canonical form or a JWS, never the file's whitespace), so
/// links and QR codes are as short as they can be; anything else unchanged.
pub fn compact(original: &[u8]) -> Vec<u8> {
    let Ok(text) = std::str::from_utf8(original) else {
        return original.to_vec();
    };
    if !text.trim_start().starts_with('{') {
        return original.to_vec();
    }
    match crate::domain::json::parse(text) {
        Ok(json) => json.to_string().into_bytes(),
        Err(_) => original.to_vec(),
    }
}

/// A long value shortened for a preview: the start, then how long it is.
pub fn preview(value: &str, keep: usize) -> String {
    if value.chars().count() <= keep {
        return value.to_owned();
    }
    let start: String = value.chars().take(keep).collect();
    format!("{start}… ({} characters in all)", value.chars().count())
}

/// The badge carried by a share link's fragment (`#badge=…`).
///
/// Decoded by hand rather than with the `base64` crate: this runs on the
/// verify page, in the first load, where the crate's general engine costs
/// kilobytes for what is a dozen lines. Native tests check it against the
/// crate's encoder.
pub fn badge_from_fragment(fragment: &str) -> Result<Vec<u8>, String> {
    let encoded = fragment
        .trim_start_matches('#')
        .strip_prefix("badge=")
        .ok_or_else(|| "The link does not carry a badge.".to_owned())?;
    let damaged = || "The badge in the link is damaged: copy the whole link again.".to_owned();
    let encoded = encoded.trim_end_matches('=').as_bytes();
    if encoded.len() % 4 == 1 {
        return Err(damaged());
    }
    let mut out = Vec::with_capacity(encoded.len() * 3 / 4);
    let (mut buffer, mut bits) = (0u32, 0u32);
    for &c in encoded {
        let value = match c {
            b'A'..=b'Z' => c - b'A',
            b'a'..=b'z' => c - b'a' + 26,
            b'0'..=b'9' => c - b'0' + 52,
            b'-' => 62,
            b'_' => 63,
            _ => return Err(damaged()),
        };
        buffer = (buffer << 6) | u32::from(value);
        bits += 6;
        if bits >= 8 {
            bits -= 8;
            out.push((buffer >> bits) as u8);
            buffer &= (1 << bits) - 1;
        }
    }
    // Leftover bits must be zero, as any encoder writes them.
    if buffer != 0 {
        return Err(damaged());
    }
    Ok(out)
}

/// What a badge's share snippets need.
#[derive(Debug, Clone, Default, PartialEq)]
pub struct Snippet {
    pub name: String,
    pub issuer: String,
    /// The share link.
    pub link: String,
    /// An absolute https address of the badge image, if there is one.
    pub image: Option<String>,
}

/// Text made safe for an HTML attribute or element.
pub fn escape_html(text: &str) -> String {
    let mut out = String::with_capacity(text.len());
    for c in text.chars() {
        match c {
            '&' => out.push_str("&amp;"),
            '<' => out.push_str("&lt;"),
            '>' => out.push_str("&gt;"),
            '"' => out.push_str("&quot;"),
            '\'' => out.push_str("&#39;"),
            c => out.push(c),
        }
    }
    out
}

impl Snippet {
    /// Name, issuer and link, escaped for HTML.
    fn escaped(&self) -> (String, String, String) {
        (
            escape_html(&self.name),
            escape_html(&self.issuer),
            escape_html(&self.link),
        )
    }
}

/// An embed card for a web page: the image and the badge's name, linked
/// to the share link, with inline styles only (pages paste it anywhere).
pub fn embed_html(s: &Snippet) -> String {
    let (name, issuer, link) = s.escaped();
    let image = s.image.as_deref().map_or(String::new(), |src| {
        format!(
            "<img src=\"{}\" alt=\"{name} badge\" width=\"96\" height=\"96\" style=\"display:block;margin:0 auto 8px\">",
            escape_html(src)
        )
    });
    format!(
        "<a href=\"{link}\" style=\"display:inline-block;max-width:220px;padding:12px;border:1px solid #767676;border-radius:8px;color:#1a1a1a;text-decoration:none;font:14px/1.4 sans-serif;text-align:center\">{image}<strong>{name}</strong><br>{issuer}<br><span style=\"color:#0b5394;text-decoration:underline\">Verify this badge</span></a>"
    )
}

/// An email-signature line: a small linked image with alt text (shown
/// when images are blocked), then the name as a link.
pub fn signature_html(s: &Snippet) -> String {
    let (name, issuer, link) = s.escaped();
    let image = s.image.as_deref().map_or(String::new(), |src| {
        format!(
            "<a href=\"{link}\"><img src=\"{}\" alt=\"{name} badge from {issuer}\" width=\"48\" height=\"48\" style=\"vertical-align:middle;border:0\"></a> ",
            escape_html(src)
        )
    });
    format!("{image}<a href=\"{link}\">{name}</a> ({issuer})")
}

/// The plain-text signature, for mail clients that show no images or HTML.
pub fn signature_text(s: &Snippet) -> String {
    format!("{} ({}). Verify: {}", s.name, s.issuer, s.link)
}

/// LinkedIn's "share in a post" address for a link.
pub fn linkedin_post_url(link: &str) -> String {
    format!(
        "https://www.linkedin.com/sharing/share-offsite/?url={}",
        crate::domain::catalog::browse::encode_component(link)
    )
}

/// The form fields LinkedIn is given, as label and value, for the preview
/// and the copy-the-fields fallback.
pub fn linkedin_fields(cert: &LinkedInCert) -> Vec<(&'static str, String)> {
    let month = |t: UnixTime| {
        let d = t.utc_date();
        format!("{} {}", d.month_name(), d.year())
    };
    let mut fields = vec![("Name", cert.name.clone())];
    match &cert.organization_id {
        Some(id) if !id.trim().is_empty() => {
            fields.push((
                "Issuing organisation",
                format!("{} (LinkedIn id {})", cert.organization_name, id.trim()),
            ));
        }
        _ => fields.push(("Issuing organisation", cert.organization_name.clone())),
    }
    fields.push(("Issue date", month(cert.issued)));
    fields.push((
        "Expiration date",
        cert.expires
            .map_or("This credential does not expire".to_owned(), month),
    ));
    if let Some(id) = &cert.cert_id {
        fields.push(("Credential ID", id.clone()));
    }
    if let Some(url) = &cert.cert_url {
        fields.push(("Credential URL", url.clone()));
    }
    fields
}

/// A QR code of `text` as an SVG path: `(modules per side, path data)`,
/// with a four-module quiet zone inside the size. Low error correction
/// keeps long share links scannable; `None` when the text is too long for
/// any QR code.
pub fn qr_path(text: &str) -> Option<(i32, String)> {
    use qrcodegen::{QrCode, QrCodeEcc};
    let qr = QrCode::encode_text(text, QrCodeEcc::Low).ok()?;
    let size = qr.size();
    let mut path = String::new();
    for y in 0..size {
        let mut x = 0;
        while x < size {
            if qr.get_module(x, y) {
                // One rectangle per horizontal run of dark modules.
                let start = x;
                while x < size && qr.get_module(x, y) {
                    x += 1;
                }
                path.push_str(&format!(
                    "M{} {}h{}v1h-{}z",
                    start + 4,
                    y + 4,
                    x - start,
                    x - start
                ));
            } else {
                x += 1;
            }
        }
    }
    Some((size + 8, path))
}
