//! Verifiable credentials (Open Badges 3.0 and plain VCs, as JSON with
//! Data Integrity proofs or as VC-JWTs): format, proofs, trust, key window,
//! dates and endorsements. Status lists come later, with the network.

use serde_json::{Map, Value};

use super::di::{self, ProofOutcome};
use super::report::{CheckId, Checks};
use super::{Effect, TrustStore, Verdict, credential, examine, jws, rdfc};
use crate::domain::instant::UnixTime;

/// The credential a VC-JWT carries: the `vc` claim (VC 1.1 JWT encoding),
/// with the registered claims standing in for members it leaves out, or the
/// payload itself (VC-JOSE, as Open Badges 3.0 shows).
pub(super) fn jwt_credential(token: &jws::Jws) -> Map<String, Value> {
    let claims = &token.payload;
    let Some(Value::Object(vc)) = claims.get("vc") else {
        return claims.clone();
    };
    let mut credential = vc.clone();
    let date = |claim: &str| {
        claims
            .get(claim)
            .and_then(Value::as_i64)
            .map(|secs| Value::String(UnixTime(secs).to_string()))
    };
    for (member, value) in [
        ("issuer", claims.get("iss").cloned()),
        ("id", claims.get("jti").cloned()),
        ("issuanceDate", date("nbf")),
        ("expirationDate", date("exp")),
    ] {
        if let Some(value) = value {
            credential.entry(member).or_insert(value);
        }
    }
    credential
}

/// The JWT's registered claims against the credential (VC-JWT rules), with
/// the deviations real badges show reported as warnings.
fn jwt_claims(
    token: &jws::Jws,
    credential: &Map<String, Value>,
    now: UnixTime,
    checks: &mut Checks,
) {
    let claims = &token.payload;
    let issuer = credential::issuer_id(credential).unwrap_or_default();
    match claims.get("iss").and_then(Value::as_str) {
        Some(iss) if iss != issuer => {
            checks.fail(
                CheckId::Schema,
                format!(
                    "The token's issuer (iss “{iss}”) is not the credential's issuer (“{issuer}”)."
                ),
            ).means(Effect::Invalid);
        }
        Some(_) => {}
        None => {
            checks.warn(
                CheckId::Schema,
                "The token has no “iss” claim naming its issuer.",
            );
        }
    }
    let instant = |claim: &str| claims.get(claim).and_then(Value::as_i64).map(UnixTime);
    match instant("nbf") {
        Some(nbf) if nbf > now => {
            checks
                .fail(
                    CheckId::Dates,
                    format!("The token is not valid before {nbf}."),
                )
                .means(Effect::NotYetValid);
        }
        Some(_) => {}
        None => {
            checks.warn(
                CheckId::Schema,
                "The token has no “nbf” (not before) claim. Open Badges 3.0 asks for it, but many issuers, and the specification's own examples, leave it out.",
            );
        }
    }
    if let Some(exp) = instant("exp")
        && exp < now
    {
        checks
            .fail(CheckId::Dates, format!("The token expired on {exp}."))
            .means(Effect::Expired);
    }
    if !claims.contains_key("sub") {
        checks.warn(
            CheckId::Schema,
            "The token has no “sub” claim naming the recipient; the credential's subject is used.",
        );
    }
}

/// For a JWT, whose signature covers bytes rather than JSON-LD, the
/// contexts are not processed, but they must still be pinned ones.
fn contexts_pinned(credential: &Map<String, Value>, checks: &mut Checks) -> bool {
    let contexts: Vec<&Value> = match credential.get("@context") {
        Some(Value::Array(items)) => items.iter().collect(),
        Some(one) => vec![one],
        None => Vec::new(),
    };
    for context in contexts {
        if let Value::String(url) = context
            && !rdfc::CONTEXTS.iter().any(|(pinned, _)| pinned == url)
        {
            checks.fail(
                CheckId::Contexts,
                format!("It uses the unsupported context {url}: only pinned contexts are used, none is fetched."),
            ).means(Effect::Invalid);
            return false;
        }
    }
    checks.pass(CheckId::Contexts, "Every context it names is a pinned one.");
    true
}

fn types(credential: &Map<String, Value>) -> Vec<&str> {
    match credential.get("type") {
        Some(Value::String(t)) => vec![t.as_str()],
        Some(Value::Array(items)) => items.iter().filter_map(Value::as_str).collect(),
        _ => Vec::new(),
    }
}

/// How a credential is signed.
pub(super) enum Signed<'j> {
    /// `proof` members inside the JSON (Data Integrity).
    Embedded,
    /// An enveloping JWS (VC-JWT).
    Jws(&'j jws::Jws),
}

pub(super) fn verify_vc(
    credential: &Map<String, Value>,
    signed: Signed,
    trust: &TrustStore,
    now: UnixTime,
    checks: &mut Checks,
) -> (String, credential::BadgeView) {
    let view = credential::view_vc(credential);
    let kinds = types(credential);
    let data_model = data_model(credential);
    let family = family(&kinds);
    let mut format = format!("{family} ({data_model})");
    if data_model.is_empty() || !kinds.contains(&"VerifiableCredential") {
        checks.fail(
            CheckId::Format,
            "This JSON is not a verifiable credential: its first @context is not a W3C credentials context, or its type does not include VerifiableCredential.",
        ).means(Effect::Invalid);
        return (format, view);
    }
    checks.pass(
        CheckId::Format,
        format!("Read as: {family}, under the {data_model} data model."),
    );
    schema(credential, checks);
    if family == "Verifiable Credential" {
        checks.warn(
            CheckId::Schema,
            "It is a verifiable credential but not an Open Badge: it names no achievement this catalog could recognise.",
        );
    }
    if data_model == "VC 1.1" {
        checks.warn(
            CheckId::Format,
            "It uses the older VC 1.1 data model; Open Badges 3.0 now uses VC 2.0. It is still checked in full.",
        );
    }

    let jsonld_processed = matches!(signed, Signed::Embedded);
    let proofs = match signed {
        Signed::Embedded => di::check_proofs(credential, trust),
        Signed::Jws(token) => {
            contexts_pinned(credential, checks);
            jwt_claims(token, credential, now, checks);
            vec![jws::check(token, &view.issuer.id, trust)]
        }
    };
    let best = proofs.iter().max_by_key(|p| match p.outcome {
        ProofOutcome::Trusted(..) => 4,
        ProofOutcome::SelfAsserted => 3,
        ProofOutcome::BadSignature => 2,
        ProofOutcome::Canon(_) => 1,
        ProofOutcome::Unusable(_) => 0,
    });
    if let Some(p) = best {
        format = if jsonld_processed {
            format!("{format}, Data Integrity {}", p.suite)
        } else {
            format!("{format}, {}", p.suite)
        };
        if p.suite == "eddsa-2022" {
            checks.warn(
                CheckId::Signature,
                "It names its proof suite by the draft name “eddsa-2022”, now “eddsa-rdfc-2022”; the algorithm is the same.",
            );
        }
    }
    signature(best, jsonld_processed, credential, &view.issuer.id, checks);
    dates(credential, now, checks);
    let mut view = view;
    endorsements(credential, trust, now, checks, &mut view);
    (format, view)
}

/// The data model a credential's first `@context` names, or "" for none.
fn data_model(credential: &Map<String, Value>) -> &'static str {
    match credential.get("@context").and_then(|c| match c {
        Value::Array(items) => items.first(),
        other => Some(other),
    }) {
        Some(Value::String(c)) if c == "https://www.w3.org/ns/credentials/v2" => "VC 2.0",
        Some(Value::String(c)) if c == "https://www.w3.org/2018/credentials/v1" => "VC 1.1",
        _ => "",
    }
}

/// What kind of credential its types say it is.
fn family(kinds: &[&str]) -> &'static str {
    if kinds.contains(&"OpenBadgeCredential") || kinds.contains(&"AchievementCredential") {
        "Open Badges 3.0"
    } else if kinds.contains(&"EndorsementCredential") {
        "Open Badges 3.0 endorsement"
    } else {
        "Verifiable Credential"
    }
}

/// The signature's check, from the best of the credential's proofs (none
/// means unsigned), and then whether its signer is one the catalog trusts.
// One piece: one match over the best proof's outcome, each with its checks.
fn signature(
    best: Option<&di::ProofCheck>,
    jsonld_processed: bool,
    credential: &Map<String, Value>,
    issuer_id: &str,
    checks: &mut Checks,
) {
    let contexts_ok = |checks: &mut Checks| {
        if jsonld_processed {
            checks.pass(
                CheckId::Contexts,
                "Every term is defined by a pinned context.",
            );
        }
    };
    let hashes = |p: &di::ProofCheck| match &p.hashes {
        Some((proof, doc)) => format!(
            "suite {}; verification method {}; proof configuration SHA-256 {proof}; document SHA-256 {doc}",
            p.suite, p.method
        ),
        None => format!("suite {}; verification method {}", p.suite, p.method),
    };
    match best.map(|p| (p, &p.outcome)) {
        None => {
            checks
                .fail(
                    CheckId::Signature,
                    "The badge carries no proof, so nothing shows who issued it.",
                )
                .means(Effect::Invalid);
        }
        Some((p, ProofOutcome::Canon(e))) => {
            checks
                .fail(
                    CheckId::Contexts,
                    format!("The badge's data cannot be read exactly: {e}."),
                )
                .means(Effect::Invalid);
            checks
                .skip(
                    CheckId::Signature,
                    "The signature was not checked, because the signed data cannot be reproduced.",
                )
                .detail(hashes(p));
        }
        Some((p, ProofOutcome::Unusable(why))) => {
            checks
                .fail(
                    CheckId::Signature,
                    format!("The proof cannot be checked: {why}."),
                )
                .detail(hashes(p))
                .means(Effect::Invalid);
        }
        Some((p, ProofOutcome::BadSignature)) => {
            contexts_ok(checks);
            checks.fail(CheckId::Signature, "The signature does not match the badge: it was changed after signing, or signed with another key.").detail(hashes(p)).means(Effect::Invalid);
        }
        Some((p, ProofOutcome::SelfAsserted)) => {
            contexts_ok(checks);
            checks
                .pass(CheckId::Signature, "The signature is mathematically valid.")
                .detail(hashes(p));
            checks.fail(CheckId::IssuerTrust, format!(
                "It was signed with a key the badge supplies itself, which the catalog does not list for “{}”: anyone can make such a badge.",
                issuer_id
            )).detail(format!("verification method {}", p.method)).means(Effect::UnknownIssuer);
        }
        Some((p, ProofOutcome::Trusted(issuer, key))) => {
            contexts_ok(checks);
            checks
                .pass(
                    CheckId::Signature,
                    "The signature matches the badge exactly.",
                )
                .detail(hashes(p));
            let issued = credential::issued_at(credential).and_then(credential::parse_instant);
            super::trusted_signer(issuer, key, issued, checks);
        }
    }
}

/// Embedded endorsements are verified one by one; they inform, but never
/// change, the badge's own verdict.
fn endorsements(
    credential: &Map<String, Value>,
    trust: &TrustStore,
    now: UnixTime,
    checks: &mut Checks,
    view: &mut credential::BadgeView,
) {
    thread_local! {
        /// Endorsements inside endorsements are not followed: one level is
        /// what a reader needs, and it bounds the work a crafted badge can cause.
        static INSIDE: std::cell::Cell<bool> = const { std::cell::Cell::new(false) };
    }
    if INSIDE.with(std::cell::Cell::get) {
        return;
    }
    for endorsement in credential::embedded_endorsements(credential) {
        INSIDE.with(|inside| inside.set(true));
        let examined = examine(endorsement.to_string().as_bytes(), trust, now);
        INSIDE.with(|inside| inside.set(false));
        let verdict = examined.checks.verdict();
        let by = examined
            .badge
            .as_ref()
            .map(|b| {
                if b.issuer.name.is_empty() {
                    b.issuer.id.clone()
                } else {
                    b.issuer.name.clone()
                }
            })
            .unwrap_or_default();
        let comment = endorsement
            .get("credentialSubject")
            .and_then(|s| s.get("endorsementComment"))
            .and_then(Value::as_str)
            .unwrap_or("")
            .to_owned();
        if verdict == Verdict::Verified {
            checks.pass(
                CheckId::Endorsements,
                format!("Endorsed by {by}; the endorsement verifies."),
            );
        } else {
            checks.warn(
                CheckId::Endorsements,
                format!("An endorsement by {by} could not be verified ({}); it is shown but does not count.", verdict.label().to_lowercase()),
            );
        }
        view.endorsements.push(credential::EndorsementView {
            by,
            comment,
            verdict,
        });
    }
}

/// Required members of the VC data model.
fn schema(credential: &Map<String, Value>, checks: &mut Checks) {
    let mut missing = Vec::new();
    if credential::issuer_id(credential).is_none() {
        missing.push("issuer");
    }
    if !credential.contains_key("credentialSubject") {
        missing.push("credentialSubject");
    }
    if missing.is_empty() {
        checks.pass(
            CheckId::Schema,
            "The badge has every field a credential must have.",
        );
    } else {
        checks
            .fail(
                CheckId::Schema,
                format!("The badge lacks required fields: {}.", missing.join(", ")),
            )
            .means(Effect::Invalid);
    }
}

fn dates(credential: &Map<String, Value>, now: UnixTime, checks: &mut Checks) {
    let from = parse_date(credential::issued_at(credential));
    let until = parse_date(credential::expires_at(credential));
    match (from, until) {
        (Some(Err(t)), _) | (_, Some(Err(t))) => {
            checks
                .fail(
                    CheckId::Dates,
                    format!("The date “{t}” is not a timestamp such as 2026-03-01T09:00:00Z."),
                )
                .means(Effect::Invalid);
        }
        (Some(Ok(from)), Some(Ok(until))) if until < from => {
            checks
                .fail(
                    CheckId::Dates,
                    format!("It expires ({until}) before it was issued ({from})."),
                )
                .means(Effect::Invalid);
        }
        (Some(Ok(from)), _) if from > now => {
            checks
                .fail(CheckId::Dates, format!("It is not valid until {from}."))
                .means(Effect::NotYetValid);
        }
        (_, Some(Ok(until))) if until < now => {
            checks
                .fail(CheckId::Dates, format!("It expired on {until}."))
                .means(Effect::Expired);
        }
        (_, Some(Ok(until))) => {
            checks.pass(
                CheckId::Dates,
                format!("It is in its validity period, until {until}."),
            );
        }
        _ => {
            checks.pass(
                CheckId::Dates,
                "It is valid from its issue date and does not expire.",
            );
        }
    }
}

fn parse_date(text: Option<&str>) -> Option<Result<UnixTime, &str>> {
    text.map(|t| credential::parse_instant(t).ok_or(t))
}
