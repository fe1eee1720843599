//! Revocation and status lists.
//!
//! - `BitstringStatusListEntry` (and its predecessor `StatusList2021Entry`):
//!   fetch the list credential, verify it like any credential (signature,
//!   trusted issuer, dates), check its type and purpose, decode the
//!   GZIP-compressed bitstring with a size cap, and read the bit.
//! - `1EdTechRevocationList`: fetch the list, look for the credential's id.
//!
//! The rule that matters most: a list that cannot be fetched, or cannot be
//! trusted, gives "could not check" — never "not revoked".

use std::io::Read as _;

use base64::Engine as _;
use serde_json::{Map, Value};

use super::report::{CheckId, Checks};
use super::{Effect, Env, Fetch, Verdict, examine};

/// Largest decompressed bitstring accepted: 16 MiB is 134 million entries.
pub const MAX_BITSTRING_BYTES: usize = 16 * 1024 * 1024;
/// The Bitstring Status List minimum (16 KB, 131,072 entries), for privacy.
pub const MIN_BITSTRING_BITS: usize = 131_072;

/// Checks every `credentialStatus` entry of `credential`.
pub(crate) async fn check<F: Fetch>(
    credential: &Map<String, Value>,
    env: &Env<'_, F>,
    checks: &mut Checks,
) {
    let entries: Vec<&Value> = match credential.get("credentialStatus") {
        None => {
            checks.skip(
                CheckId::Status,
                "The badge names no status list, so it cannot be revoked by one.",
            );
            return;
        }
        Some(Value::Array(items)) => items.iter().collect(),
        Some(one) => vec![one],
    };
    for entry in entries {
        let kind = entry.get("type").and_then(Value::as_str).unwrap_or("");
        match kind {
            "BitstringStatusListEntry" | "StatusList2021Entry" => {
                bitstring(entry, env, checks).await;
            }
            "1EdTechRevocationList" => {
                let id = credential.get("id").and_then(Value::as_str).unwrap_or("");
                revocation_list(entry, id, env, checks).await;
            }
            other => {
                checks.skip(
                    CheckId::Status,
                    format!("The badge names a status method (“{other}”) this verifier does not know, so whether it was revoked is unknown."),
                ).means(Effect::Unchecked);
            }
        }
    }
}

// One piece: the Bitstring Status List's verification steps in the specification's
// order, each ending in its own check.
async fn bitstring<F: Fetch>(entry: &Value, env: &Env<'_, F>, checks: &mut Checks) {
    let text = |key: &str| entry.get(key).and_then(Value::as_str).unwrap_or("");
    let url = text("statusListCredential");
    let purpose = match text("statusPurpose") {
        "" => "revocation",
        p => p,
    };
    let index = match entry.get("statusListIndex") {
        Some(Value::String(s)) => s.parse::<usize>().ok(),
        Some(Value::Number(n)) => n.as_u64().and_then(|n| usize::try_from(n).ok()),
        _ => None,
    };
    let Some(index) = index else {
        checks
            .fail(
                CheckId::Status,
                "The badge's status entry has no valid index into its list.",
            )
            .means(Effect::Invalid);
        return;
    };
    let could_not = |checks: &mut Checks, why: String| {
        super::status_unknown(checks, &why, format!("status list {url}, index {index}"));
    };
    if !url.starts_with("https://") && !url.starts_with("http://") {
        return could_not(checks, "the status list has no http(s) address".into());
    }
    let body = match super::fetch_ok(env, url, "the status list").await {
        Ok(body) => body,
        Err(why) => return could_not(checks, why),
    };
    // Verifying the list is most of the cost of a status check: within a
    // run ("check all again") each list is read once, for the same bytes at
    // the same instant (`memo::Lists`).
    let read = match env.fetch.lists() {
        Some(lists) => lists.get_or(url, &body, env.now, || read_list(&body, env)),
        None => read_list(&body, env),
    };
    let list = match read {
        Ok(list) => list,
        Err(why) => return could_not(checks, why),
    };
    if list.purpose != purpose {
        return could_not(
            checks,
            format!(
                "the list is for “{}”, the badge's entry for “{purpose}”",
                list.purpose
            ),
        );
    }
    let bits = &list.bits;
    let length = bits.len() * 8;
    if index >= length {
        checks
            .fail(
                CheckId::Status,
                format!(
                    "The badge's status index {index} is outside its list of {length} entries."
                ),
            )
            .means(Effect::Invalid);
        return;
    }
    let set = bits[index / 8] & (0x80 >> (index % 8)) != 0;
    let detail = format!("status list {url}, index {index} of {length}, purpose {purpose}");
    if length < MIN_BITSTRING_BITS {
        checks
            .warn(
                CheckId::Status,
                format!("The status list has only {length} entries, fewer than the 131,072 the standard asks for (short lists make badges easier to tell apart). It is read anyway."),
            )
            .detail(detail.clone());
    }
    match (set, purpose) {
        (true, "revocation") => {
            checks
                .fail(CheckId::Status, "The issuer has revoked this badge.")
                .detail(detail)
                .means(Effect::Revoked);
        }
        (true, "suspension") => {
            checks
                .fail(CheckId::Status, "The issuer has suspended this badge.")
                .detail(detail)
                .means(Effect::Revoked);
        }
        (true, other) => {
            checks
                .warn(
                    CheckId::Status,
                    format!("The issuer has set the “{other}” status of this badge."),
                )
                .detail(detail);
        }
        (false, _) => {
            checks
                .pass(
                    CheckId::Status,
                    format!("The issuer's {purpose} list does not mark this badge."),
                )
                .detail(detail);
        }
    }
}

/// A status list, verified and decoded.
#[derive(Debug, Clone)]
pub struct ListContent {
    /// `revocation`, `suspension`, …
    pub purpose: String,
    pub bits: std::rc::Rc<Vec<u8>>,
}

/// Verifies a fetched status list like any credential (minus its own
/// status) and decodes its bitstring; `Err` says why it cannot be used.
fn read_list<F: Fetch>(body: &[u8], env: &Env<'_, F>) -> Result<ListContent, String> {
    let list = examine(body, env.trust, env.now);
    let list_verdict = list.checks.verdict();
    if list_verdict != Verdict::Verified {
        return Err(format!(
            "the status list itself is not trustworthy ({})",
            list_verdict.label().to_lowercase()
        ));
    }
    let super::Later::Status(list_credential) = list.later else {
        return Err("the status list is not a credential".into());
    };
    let types: Vec<&str> = match list_credential.get("type") {
        Some(Value::Array(items)) => items.iter().filter_map(Value::as_str).collect(),
        Some(Value::String(t)) => vec![t.as_str()],
        _ => Vec::new(),
    };
    if !types.contains(&"BitstringStatusListCredential")
        && !types.contains(&"StatusList2021Credential")
    {
        return Err("the status list lacks the type BitstringStatusListCredential".into());
    }
    let subject = list_credential.get("credentialSubject");
    let purpose = subject
        .and_then(|s| s.get("statusPurpose"))
        .and_then(Value::as_str)
        .unwrap_or("")
        .to_owned();
    let encoded = subject
        .and_then(|s| s.get("encodedList"))
        .and_then(Value::as_str)
        .unwrap_or("");
    let bits = decode_bitstring(encoded)?;
    Ok(ListContent {
        purpose,
        bits: std::rc::Rc::new(bits),
    })
}

/// `encodedList`: multibase base64url (`u…`, Bitstring Status List) or bare
/// base64 (StatusList2021), of a GZIP-compressed bitstring.
pub fn decode_bitstring(encoded: &str) -> Result<Vec<u8>, String> {
    use base64::engine::general_purpose::{STANDARD, URL_SAFE_NO_PAD};
    let compressed = match encoded.strip_prefix('u') {
        Some(rest) => URL_SAFE_NO_PAD.decode(rest),
        None => URL_SAFE_NO_PAD
            .decode(encoded)
            .or_else(|_| STANDARD.decode(encoded)),
    }
    .map_err(|_| "the status list's bitstring is not base64url".to_owned())?;
    let mut bits = Vec::new();
    flate2::read::GzDecoder::new(compressed.as_slice())
        .take(MAX_BITSTRING_BYTES as u64 + 1)
        .read_to_end(&mut bits)
        .map_err(|_| "the status list's bitstring does not decompress (GZIP)".to_owned())?;
    if bits.len() > MAX_BITSTRING_BYTES {
        return Err("the status list is larger than 16 MiB".into());
    }
    if bits.is_empty() {
        return Err("the status list is empty".into());
    }
    Ok(bits)
}

async fn revocation_list<F: Fetch>(
    entry: &Value,
    credential_id: &str,
    env: &Env<'_, F>,
    checks: &mut Checks,
) {
    let url = entry.get("id").and_then(Value::as_str).unwrap_or("");
    let could_not = |checks: &mut Checks, why: String| {
        super::status_unknown(checks, &why, format!("revocation list {url}"));
    };
    let body = match super::fetch_ok(env, url, "the revocation list").await {
        Ok(body) => body,
        Err(why) => return could_not(checks, why),
    };
    let Ok(Value::Object(list)) = serde_json::from_slice::<Value>(&body) else {
        return could_not(checks, "the revocation list is not a JSON object".into());
    };
    let revoked = list
        .get("revokedCredentials")
        .and_then(Value::as_array)
        .map(|items| {
            items.iter().any(|item| match item {
                Value::String(id) => id == credential_id,
                other => other.get("id").and_then(Value::as_str) == Some(credential_id),
            })
        });
    match revoked {
        None => could_not(
            checks,
            "the revocation list has no “revokedCredentials”".into(),
        ),
        Some(true) => {
            checks
                .fail(CheckId::Status, "The issuer has revoked this badge.")
                .detail(format!("revocation list {url}"))
                .means(Effect::Revoked);
        }
        Some(false) => {
            checks
                .pass(
                    CheckId::Status,
                    "The issuer's revocation list does not name this badge.",
                )
                .detail(format!("revocation list {url}"));
        }
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn decodes_both_encodings_and_refuses_garbage() {
        // 16 bytes, bit 3 set: gzip of [0x10, 0, …].
        let mut raw = vec![0u8; 16];
        raw[0] = 0x10;
        let mut gz = Vec::new();
        {
            use std::io::Write as _;
            let mut encoder =
                flate2::write::GzEncoder::new(&mut gz, flate2::Compression::default());
            encoder.write_all(&raw).unwrap();
            encoder.finish().unwrap();
        }
        let multibase = format!(
            "u{}",
            base64::engine::general_purpose::URL_SAFE_NO_PAD.encode(&gz)
        );
        assert_eq!(decode_bitstring(&multibase).unwrap(), raw);
        let bare = base64::engine::general_purpose::STANDARD.encode(&gz);
        assert_eq!(decode_bitstring(&bare).unwrap(), raw);
        assert!(decode_bitstring("u!!!").is_err());
        assert!(decode_bitstring("uAAAA").is_err());
    }

    #[test]
    fn refuses_a_gzip_bomb() {
        let zeros = vec![0u8; MAX_BITSTRING_BYTES + 1024];
        let mut gz = Vec::new();
        {
            use std::io::Write as _;
            let mut encoder = flate2::write::GzEncoder::new(&mut gz, flate2::Compression::best());
            encoder.write_all(&zeros).unwrap();
            encoder.finish().unwrap();
        }
        let encoded = format!(
            "u{}",
            base64::engine::general_purpose::URL_SAFE_NO_PAD.encode(&gz)
        );
        assert!(decode_bitstring(&encoded).unwrap_err().contains("16 MiB"));
    }
}
