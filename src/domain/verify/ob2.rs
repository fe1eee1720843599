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

use super::credential::{
    AchievementView, AlignmentView, BadgeView, EvidenceView, IssuerView, list, parse_instant,
    safe_link,
};
use super::jws::Jws;
use super::report::{CheckId, Checks};
use super::trust::TrustedIssuer;
use super::{Effect, Env, Fetch};
use crate::domain::instant::UnixTime;

pub const CONTEXT: &str = "https://w3id.org/openbadges/v2";
/// Open Badges 1.1's context: a 1.x assertion, which this verifier names
/// but does not verify.
pub const CONTEXT_V1: &str = "https://w3id.org/openbadges/v1";
const VOCABULARY: &str = "https://w3id.org/openbadges#";

/// The two ways an Open Badges 2.0 assertion is verified.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Verification {
    /// The issuer serves the assertion at its id.
    Hosted,
    /// A JWS made with the issuer's key.
    Signed,
}

impl Verification {
    /// Reads `verification.type`: `hosted`/`HostedBadge` and
    /// `signed`/`SignedBadge` (the OB 2.0 context maps both spellings to one
    /// term), or the full vocabulary IRIs; nothing else. `Err` carries what
    /// was found, for the report.
    pub fn of(assertion: &Map<String, Value>) -> Result<Verification, String> {
        let kind = assertion.get("verification").and_then(|v| v.get("type"));
        let names: Vec<&str> = match kind {
            Some(Value::String(one)) => vec![one.as_str()],
            Some(Value::Array(items)) => items.iter().filter_map(Value::as_str).collect(),
            _ => Vec::new(),
        };
        let mut found = names.iter().filter_map(|name| {
            let term = name.strip_prefix(VOCABULARY).unwrap_or(name);
            match term {
                "hosted" | "HostedBadge" => Some(Verification::Hosted),
                "signed" | "SignedBadge" => Some(Verification::Signed),
                _ => None,
            }
        });
        match (found.next(), found.next()) {
            (Some(one), None) => Ok(one),
            (Some(_), Some(_)) => Err("it names both hosted and signed verification".into()),
            (None, _) if names.is_empty() => Err("it has no verification type".into()),
            (None, _) => Err(format!(
                "its verification type “{}” is neither hosted (HostedBadge) nor signed (SignedBadge)",
                names.join(", ")
            )),
        }
    }

    fn name(self) -> &'static str {
        match self {
            Verification::Hosted => "hosted",
            Verification::Signed => "signed",
        }
    }
}

fn has_context(object: &Map<String, Value>, context: &str) -> bool {
    match object.get("@context") {
        Some(Value::String(c)) => c == context,
        Some(Value::Array(items)) => items.iter().any(|c| c.as_str() == Some(context)),
        _ => false,
    }
}

fn has_type(object: &Map<String, Value>, name: &str) -> bool {
    let is = |t: &str| t == name || t.strip_prefix(VOCABULARY) == Some(name);
    match object.get("type") {
        Some(Value::String(t)) => is(t),
        Some(Value::Array(items)) => items.iter().filter_map(Value::as_str).any(is),
        _ => false,
    }
}

/// Whether a JSON object looks like an Open Badges 2.0 assertion.
pub fn is_assertion(object: &Map<String, Value>) -> bool {
    legacy_version(object).is_none()
        && (has_context(object, CONTEXT) || has_type(object, "Assertion"))
}

/// The Open Badges version before 2.0 that an assertion is written in, if
/// it is one: 1.1 (its own context), 1.0 (a `verify` object instead of
/// `verification`, no context) or 0.5 (the badge's issuer has an `origin`).
pub fn legacy_version(object: &Map<String, Value>) -> Option<&'static str> {
    if has_context(object, CONTEXT_V1) {
        return Some("1.1");
    }
    if has_context(object, CONTEXT) {
        return None;
    }
    if object.get("verify").is_some_and(Value::is_object) && !object.contains_key("verification") {
        return Some("1.0");
    }
    let origin = object
        .get("badge")
        .and_then(|b| b.get("issuer"))
        .and_then(|i| i.get("origin"));
    if origin.is_some() && object.get("recipient").is_some_and(Value::is_string) {
        return Some("0.5");
    }
    None
}

/// Whether a fetched body is an issuer's "revoked" answer (Badgr answers
/// HTTP 200 with `{"revoked": true, "revocationReason": …}` at a revoked
/// assertion's address): `Some(reason)` when it is.
pub fn revoked_answer(body: &[u8]) -> Option<Option<String>> {
    let Ok(Value::Object(answer)) = serde_json::from_slice::<Value>(body) else {
        return None;
    };
    is_revoked(&answer).then(|| text(&answer, "revocationReason").map(str::to_owned))
}

fn is_revoked(object: &Map<String, Value>) -> bool {
    object
        .get("revoked")
        .is_some_and(|r| r == &Value::Bool(true) || r == "true")
}

/// The sentence for an Open Badges 1.x (or 0.5) badge.
pub fn legacy_sentence(version: &str) -> String {
    format!(
        "This badge uses Open Badges {version}, which this site does not verify. Ask the issuer for an Open Badges 2.0 or 3.0 copy of it."
    )
}

/// An Open Badges 2.0 `DateTime`: RFC 3339, or what issuers write in the
/// wild under ISO 8601: a date alone (midnight UTC), a time with no offset
/// (read as UTC), or an offset without its colon (`+0000`).
pub fn instant(text: &str) -> Option<UnixTime> {
    let text = text.trim();
    if let Some(at) = parse_instant(text) {
        return Some(at);
    }
    if text.len() == 10 {
        return parse_instant(&format!("{text}T00:00:00Z"));
    }
    let (main, offset) = match text.get(19..).map(|rest| rest.find(['+', '-', 'Z', 'z'])) {
        Some(Some(at)) => text.split_at(19 + at),
        _ => (text, ""),
    };
    let offset = match offset.len() {
        0 => "Z".to_owned(),
        3 => format!("{offset}:00"),
        5 => format!("{}:{}", &offset[..3], &offset[3..]),
        _ => return None,
    };
    parse_instant(&format!("{main}{offset}"))
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

/// Why a document the verification needs could not be had.
enum Missing {
    /// Nothing came back: network, CORS, offline. A person may still open
    /// the address in their browser.
    Unreachable(String),
    /// The server answered, but not with the document.
    Other(String),
}

impl Missing {
    fn why(&self) -> &str {
        match self {
            Missing::Unreachable(why) | Missing::Other(why) => why,
        }
    }
}

/// An embedded object, or the JSON object fetched from a URL.
async fn object_at<F: Fetch>(
    value: Option<&Value>,
    env: &Env<'_, F>,
) -> Result<Map<String, Value>, Missing> {
    match value {
        Some(Value::Object(o)) => Ok(o.clone()),
        Some(Value::String(url)) if url.starts_with("https://") || url.starts_with("http://") => {
            let body = match env.fetch.fetch(url).await {
                Ok(fetched) if fetched.status == 200 => fetched.body,
                Ok(fetched) => {
                    return Err(Missing::Other(format!(
                        "{url} answered HTTP {}",
                        fetched.status
                    )));
                }
                Err(e) => {
                    return Err(Missing::Unreachable(format!(
                        "{url} could not be fetched ({e})"
                    )));
                }
            };
            match serde_json::from_slice::<Value>(&body) {
                Ok(Value::Object(o)) => Ok(o),
                _ => Err(Missing::Other(format!("{url} is not a JSON object"))),
            }
        }
        Some(Value::String(other)) => {
            Err(Missing::Other(format!("“{other}” is not an http(s) URL")))
        }
        _ => Err(Missing::Other("it is missing".into())),
    }
}

/// What the assertion itself states (dates, recipient, evidence), before
/// anything is fetched.
fn assertion_view(assertion: &Map<String, Value>) -> BadgeView {
    BadgeView {
        id: text(assertion, "id").map(str::to_owned),
        issued: text(assertion, "issuedOn").map(str::to_owned),
        expires: text(assertion, "expires").map(str::to_owned),
        recipient: assertion
            .get("recipient")
            .and_then(super::recipient::Recipient::from_ob2),
        evidence: evidence(assertion),
        // The badge class the assertion names, before it is read: enough
        // for the catalog to say which of its offerings this claims to be.
        achievement: AchievementView {
            id: id_of(assertion.get("badge")).map(str::to_owned),
            ..AchievementView::default()
        },
        ..BadgeView::default()
    }
}

/// `evidence`: a URL, an Evidence object, or a list of either; the
/// assertion's `narrative` comes first when it has one.
fn evidence(assertion: &Map<String, Value>) -> Vec<EvidenceView> {
    let mut items: Vec<EvidenceView> = text(assertion, "narrative")
        .map(|narrative| EvidenceView {
            name: String::new(),
            description: narrative.to_owned(),
            url: None,
        })
        .into_iter()
        .collect();
    for item in list(assertion.get("evidence")) {
        let url = id_of(Some(item))
            .map(str::to_owned)
            .or_else(|| item.get("url").and_then(Value::as_str).map(str::to_owned));
        let field = |key: &str| {
            item.get(key)
                .and_then(Value::as_str)
                .unwrap_or("")
                .to_owned()
        };
        items.push(EvidenceView {
            name: field("name"),
            description: if item.is_string() {
                String::new()
            } else {
                let narrative = field("narrative");
                if narrative.is_empty() {
                    field("description")
                } else {
                    narrative
                }
            },
            url: safe_link(url),
        });
    }
    items
}

/// What the badge class states: name, description, criteria, image,
/// alignments and tags.
fn read_badge_class(badge: &Map<String, Value>, view: &mut BadgeView) {
    view.name = text(badge, "name").unwrap_or("").to_owned();
    view.description = text(badge, "description").unwrap_or("").to_owned();
    view.achievement = AchievementView {
        id: text(badge, "id").map(str::to_owned),
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
    view.alignments = list(badge.get("alignment"))
        .into_iter()
        .filter_map(Value::as_object)
        .map(|a| AlignmentView {
            name: text(a, "targetName").unwrap_or("").to_owned(),
            url: safe_link(text(a, "targetUrl").map(str::to_owned)),
            framework: text(a, "targetFramework").map(str::to_owned),
            code: text(a, "targetCode").map(str::to_owned),
        })
        .collect();
    view.tags = list(badge.get("tags"))
        .into_iter()
        .filter_map(Value::as_str)
        .map(str::to_owned)
        .collect();
}

/// Checks the required members and their shapes; `Err` is the sentence.
fn required_members(assertion: &Map<String, Value>) -> Result<(), String> {
    let missing: Vec<&str> = ["id", "recipient", "badge", "verification", "issuedOn"]
        .into_iter()
        .filter(|k| !assertion.contains_key(*k))
        .collect();
    if !missing.is_empty() {
        return Err(format!(
            "The assertion lacks required fields: {}.",
            missing.join(", ")
        ));
    }
    if assertion.contains_key("type") && !has_type(assertion, "Assertion") {
        return Err("Its type does not include “Assertion”.".into());
    }
    let recipient = assertion.get("recipient").and_then(Value::as_object);
    if !recipient.is_some_and(|r| r.get("identity").is_some_and(Value::is_string)) {
        return Err("Its recipient has no identity.".into());
    }
    if id_of(assertion.get("badge")).is_none() {
        return Err("Its badge is neither a URL nor a badge class with an id.".into());
    }
    Ok(())
}

/// Verifies an Open Badges 2.0 assertion, signed (`jws`) or hosted.
pub(crate) async fn verify<F: Fetch>(
    assertion: &Map<String, Value>,
    jws: Option<&Jws>,
    env: &Env<'_, F>,
    checks: &mut Checks,
) -> Verified {
    let kind = Verification::of(assertion);
    let mut out = Verified {
        format: format!(
            "Open Badges 2.0 assertion ({})",
            kind.as_ref().map_or("unknown verification", |k| k.name())
        ),
        view: assertion_view(assertion),
        issuer_page: None,
    };
    let Some(kind) = well_formed(assertion, kind, checks) else {
        return out;
    };
    let assertion_id = text(assertion, "id").unwrap_or("");
    let Ok(hosted_copy) = issuer_copy(assertion, assertion_id, kind, env, checks, &mut out).await
    else {
        return out;
    };
    let assertion = hosted_copy.as_ref().unwrap_or(assertion);
    if hosted_copy.is_some() {
        out.view = assertion_view(assertion);
    }

    // The badge class, and through it the issuer the assertion claims.
    let badge = match object_at(assertion.get("badge"), env).await {
        Ok(badge) => badge,
        Err(missing) => {
            no_badge_class(assertion, jws, kind, &missing, env, checks, &mut out);
            return out;
        }
    };
    read_badge_class(&badge, &mut out.view);
    let claimed_issuer = id_of(badge.get("issuer")).unwrap_or("").to_owned();
    out.view.issuer = IssuerView {
        id: claimed_issuer.clone(),
        name: badge
            .get("issuer")
            .and_then(Value::as_object)
            .and_then(|i| text(i, "name"))
            .unwrap_or("")
            .to_owned(),
        url: None,
    };

    // Who vouches for it: a catalog key (signed) or a catalog host (hosted).
    let trusted = match (kind, jws) {
        (Verification::Signed, Some(jws)) => {
            signed(assertion, jws, Some(&claimed_issuer), env, checks)
        }
        (Verification::Signed, None) => {
            checks.fail(CheckId::Signature, "It says it is signed, but it was not given as its signed token (JWS), so the signature cannot be checked.").means(Effect::Invalid);
            false
        }
        (Verification::Hosted, _) => hosted_issuer(
            assertion_id,
            assertion.get("badge").and_then(Value::as_str),
            &claimed_issuer,
            env,
            checks,
        ),
    };
    if let Some(issuer) = env.trust.issuer(&claimed_issuer) {
        out.view.issuer.name = issuer.name.clone();
        out.view.issuer.url = Some(issuer.url.clone());
    }

    dates(assertion, env.now, checks);

    // Revocation, through the issuer profile.
    if trusted && !checks.has(Effect::Invalid) {
        revocation(badge.get("issuer"), assertion_id, env, checks).await;
    }
    out
}

/// The assertion's context, required members and kind of verification;
/// `None` (with the failed check) when it cannot be verified at all.
/// Other contexts (extensions) may sit beside the OB 2.0 one: neither
/// hosted nor signed verification reads the assertion as JSON-LD.
fn well_formed(
    assertion: &Map<String, Value>,
    kind: Result<Verification, String>,
    checks: &mut Checks,
) -> Option<Verification> {
    if !has_context(assertion, CONTEXT) {
        checks
            .fail(
                CheckId::Contexts,
                format!("It does not use the Open Badges 2.0 context ({CONTEXT})."),
            )
            .means(Effect::Invalid);
        return None;
    }
    checks.pass(CheckId::Format, "Read as an Open Badges 2.0 assertion.");
    if let Err(why) = required_members(assertion) {
        checks.fail(CheckId::Schema, why).means(Effect::Invalid);
        return None;
    }
    checks.pass(CheckId::Schema, "The assertion has every required field.");
    match kind {
        Ok(kind) => Some(kind),
        Err(why) => {
            let mut sentence = why;
            if let Some(first) = sentence.get_mut(..1) {
                first.make_ascii_uppercase();
            }
            checks
                .fail(CheckId::Signature, format!("{sentence}."))
                .means(Effect::Invalid);
            None
        }
    }
}

/// A hosted assertion: the issuer's copy decides everything, so it comes
/// first, and the rest is read from it. Its address must be on a host the
/// catalog allows for some issuer before anything is fetched from it;
/// otherwise the badge class tells whose it claims to be, and the issuer
/// check says why it fails. `Ok(None)`: nothing to fetch; `Err(())`:
/// verification ends here, with `out` filled in.
async fn issuer_copy<F: Fetch>(
    assertion: &Map<String, Value>,
    assertion_id: &str,
    kind: Verification,
    env: &Env<'_, F>,
    checks: &mut Checks,
    out: &mut Verified,
) -> Result<Option<Map<String, Value>>, ()> {
    let host_listed = env
        .trust
        .issuers
        .iter()
        .any(|issuer| host_allowed(issuer, assertion_id));
    if kind != Verification::Hosted || !host_listed {
        return Ok(None);
    }
    match fetch_hosted(assertion, assertion_id, env, checks).await {
        Ok(copy) => Ok(Some(copy)),
        // Nothing the file says is checked, its dates included.
        Err(Some(page)) => {
            out.issuer_page = Some(page);
            Err(())
        }
        // Revoked: what it was is still worth showing (a wallet lists
        // it by name), from the badge class the file names.
        Err(None) if checks.has(Effect::Revoked) => {
            if let Ok(badge) = object_at(assertion.get("badge"), env).await {
                read_badge_class(&badge, &mut out.view);
                if let Some(issuer) = id_of(badge.get("issuer")).and_then(|i| env.trust.issuer(i)) {
                    out.view.issuer = IssuerView {
                        id: issuer.id.clone(),
                        name: issuer.name.clone(),
                        url: Some(issuer.url.clone()),
                    };
                }
            }
            Err(())
        }
        Err(None) => Err(()),
    }
}

/// The badge class could not be read: a signed assertion's signature can
/// still be checked; whose badge class it names cannot.
fn no_badge_class<F: Fetch>(
    assertion: &Map<String, Value>,
    jws: Option<&Jws>,
    kind: Verification,
    missing: &Missing,
    env: &Env<'_, F>,
    checks: &mut Checks,
    out: &mut Verified,
) {
    if let (Verification::Signed, Some(jws)) = (kind, jws) {
        signed(assertion, jws, None, env, checks);
    }
    if let (Missing::Unreachable(_), Some(url)) =
        (missing, assertion.get("badge").and_then(Value::as_str))
    {
        out.issuer_page = Some(url.to_owned());
    }
    checks.skip(
        CheckId::IssuerTrust,
        format!(
            "The badge class could not be read, so the issuer it names could not be confirmed: {}.",
            missing.why()
        ),
    ).means(Effect::Unchecked);
    dates(assertion, env.now, checks);
}

/// What an Open Badges 2.0 verification found besides its checks.
pub(crate) struct Verified {
    pub format: String,
    pub view: BadgeView,
    /// The issuer's own address for the badge, when the browser could not
    /// fetch it from here (see `Report::issuer_page`).
    pub issuer_page: Option<String>,
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
) -> bool {
    let creator = assertion
        .get("verification")
        .and_then(|v| v.get("creator"))
        .and_then(Value::as_str)
        .or(jws.kid())
        .unwrap_or("");
    let Some((issuer, key)) = env.trust.issuer_of_key(creator) else {
        checks.fail(CheckId::IssuerTrust, format!(
            "It is signed with the key {creator}, which the catalog does not list: it is not from an issuer this catalog trusts."
        )).means(Effect::UnknownIssuer);
        return false;
    };
    if !jws.verifies_with(&key.key) {
        checks.fail(CheckId::Signature, "The signature does not match the assertion: it was changed after signing, or signed with another key.")
            .detail(format!("{} with key {}", jws.algorithm.jose(), key.id)).means(Effect::Invalid);
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
        checks
            .fail(
                CheckId::IssuerTrust,
                format!(
                    "The key belongs to {}, but the badge class names another issuer ({claimed}).",
                    issuer.name
                ),
            )
            .means(Effect::Invalid);
        return false;
    }
    let issued = text(assertion, "issuedOn").and_then(instant);
    super::trusted_signer(issuer, key, issued, checks);
    true
}

/// The issuer's hosted copy of an assertion, fetched from its id. `Err`
/// means the checks already say why there is none; `Err(Some(url))` that
/// nothing came back at all (network, CORS), so a person may still open
/// `url` themselves.
// One piece: each way the issuer's copy can fail, in the order it is checked, each with
// its own sentence.
async fn fetch_hosted<F: Fetch>(
    assertion: &Map<String, Value>,
    assertion_id: &str,
    env: &Env<'_, F>,
    checks: &mut Checks,
) -> Result<Map<String, Value>, Option<String>> {
    if host_of(assertion_id).is_none() {
        checks
            .fail(
                CheckId::Schema,
                format!(
                    "It says it is hosted, but its id “{assertion_id}” is not an http(s) address."
                ),
            )
            .means(Effect::Invalid);
        return Err(None);
    }
    let fetched = match env.fetch.fetch(assertion_id).await {
        Ok(f) => f,
        Err(e) => {
            checks
                .skip(
                    CheckId::Signature,
                    format!(
                        "The issuer's copy of this badge could not be fetched from here ({e}). Nothing in the file has been checked: open the issuer's page for it to see the issuer's own answer."
                    ),
                )
                .detail(format!("hosted copy at {assertion_id}")).means(Effect::Unchecked);
            return Err(Some(assertion_id.to_owned()));
        }
    };
    match fetched.status {
        200 => {}
        410 => {
            checks
                .fail(
                    CheckId::Status,
                    "The issuer has withdrawn this badge (its hosted copy is gone, HTTP 410).",
                )
                .means(Effect::Revoked);
            return Err(None);
        }
        404 => {
            checks.skip(
                CheckId::Signature,
                "The issuer's server has no badge at this badge's address (HTTP 404): it may have been deleted, or the address is wrong.",
            ).detail(format!("hosted copy at {assertion_id}")).means(Effect::Unchecked);
            return Err(None);
        }
        status => {
            checks
                .skip(
                    CheckId::Signature,
                    format!(
                        "The issuer's hosted copy answered HTTP {status}, so it could not be checked."
                    ),
                )
                .detail(format!("hosted copy at {assertion_id}")).means(Effect::Unchecked);
            return Err(None);
        }
    }
    let Ok(Value::Object(copy)) = serde_json::from_slice::<Value>(&fetched.body) else {
        checks
            .fail(
                CheckId::Signature,
                "The issuer's hosted copy is not a JSON object.",
            )
            .means(Effect::Invalid);
        return Err(None);
    };
    // Revoked: Badgr answers 200 with `revoked: true` (and little else).
    if is_revoked(&copy) {
        let reason = text(&copy, "revocationReason")
            .map(|r| format!(" Reason given: {r}"))
            .unwrap_or_default();
        checks
            .fail(
                CheckId::Status,
                format!("The issuer has revoked this badge.{reason}"),
            )
            .means(Effect::Revoked);
        return Err(None);
    }
    let changed = differences(assertion, &copy);
    if !changed.decisive.is_empty() {
        checks
            .fail(
                CheckId::Signature,
                format!(
                    "The badge differs from the copy the issuer hosts in what it asserts ({}): it was changed.",
                    changed.decisive.join(", ")
                ),
            )
            .detail(format!("hosted copy at {assertion_id}")).means(Effect::Invalid);
        return Err(None);
    }
    checks
        .pass(
            CheckId::Signature,
            "The issuer hosts this badge at its address, and says the same about it.",
        )
        .detail(format!("hosted copy at {assertion_id}"));
    if !changed.other.is_empty() {
        checks.warn(
            CheckId::Signature,
            format!(
                "The file differs from the issuer's current copy in {}; what is shown here is the issuer's copy.",
                changed.other.join(", ")
            ),
        );
    }
    Ok(copy)
}

/// Where a presented assertion and the issuer's copy disagree: in what the
/// badge asserts (who, what, when, how it is verified), or elsewhere
/// (evidence, narrative, extensions, formatting of the same instant).
struct Differences {
    decisive: Vec<String>,
    other: Vec<String>,
}

fn differences(presented: &Map<String, Value>, copy: &Map<String, Value>) -> Differences {
    let mut found = Differences {
        decisive: Vec::new(),
        other: Vec::new(),
    };
    let mut keys: Vec<&String> = presented.keys().chain(copy.keys()).collect();
    keys.sort();
    keys.dedup();
    for key in keys {
        let (a, b) = (presented.get(key), copy.get(key));
        if a == b {
            continue;
        }
        let same = match key.as_str() {
            "badge" => id_of(a).is_some() && id_of(a) == id_of(b),
            "issuedOn" | "expires" => {
                let at = |v: Option<&Value>| v.and_then(Value::as_str).and_then(instant);
                a.is_some() && b.is_some() && at(a).is_some() && at(a) == at(b)
            }
            _ => false,
        };
        if same {
            continue;
        }
        let decisive = matches!(
            key.as_str(),
            "id" | "recipient" | "badge" | "issuedOn" | "expires" | "verification" | "revoked"
        );
        let list = if decisive {
            &mut found.decisive
        } else {
            &mut found.other
        };
        list.push(format!("“{key}”"));
    }
    found
}

/// The issuer of a hosted assertion must be in the catalog, and the
/// assertion's address on a host the catalog allows for it.
fn hosted_issuer<F: Fetch>(
    assertion_id: &str,
    badge_class_url: Option<&str>,
    claimed_issuer: &str,
    env: &Env<'_, F>,
    checks: &mut Checks,
) -> bool {
    let Some(issuer) = env.trust.issuer(claimed_issuer) else {
        checks
            .fail(
                CheckId::IssuerTrust,
                format!("Its issuer ({claimed_issuer}) is not in the catalog."),
            )
            .means(Effect::UnknownIssuer);
        return false;
    };
    if !host_allowed(issuer, assertion_id) {
        checks
            .fail(
                CheckId::IssuerTrust,
                format!(
                    "It is hosted at {assertion_id}, on a host the catalog does not allow for {}.",
                    issuer.name
                ),
            )
            .means(Effect::Invalid);
        return false;
    }
    // The badge class names the issuer, so it must come from the issuer's
    // hosts too: on a shared host (every Badgr organisation is on
    // api.badgr.io) an assertion could otherwise point at a badge class
    // served elsewhere that claims the university as its issuer.
    if let Some(url) = badge_class_url.filter(|url| !host_allowed(issuer, url)) {
        checks
            .fail(
                CheckId::IssuerTrust,
                format!(
                    "Its badge class is served from {url}, a host the catalog does not allow for {}.",
                    issuer.name
                ),
            )
            .means(Effect::Invalid);
        return false;
    }
    checks.pass(
        CheckId::IssuerTrust,
        format!(
            "Hosted by {} on a host the catalog lists for it.",
            issuer.name
        ),
    );
    true
}

/// Whether the catalog lets `issuer` host badges at `url`: an allowed
/// origin is a host name (any port) or `host:port` (that port).
fn host_allowed(issuer: &TrustedIssuer, url: &str) -> bool {
    let host = host_of(url);
    let authority = authority_of(url);
    host.is_some_and(|h| {
        issuer.hosted_origins.iter().any(|o| {
            o.eq_ignore_ascii_case(h) || authority.is_some_and(|a| o.eq_ignore_ascii_case(a))
        })
    })
}

/// `host:port` (or just the host) of an http(s) URL, without user info.
fn authority_of(url: &str) -> Option<&str> {
    let rest = url
        .strip_prefix("https://")
        .or_else(|| url.strip_prefix("http://"))?;
    let authority = rest.split(['/', '?', '#']).next()?;
    let authority = authority.rsplit('@').next()?;
    (!authority.is_empty()).then_some(authority)
}

/// The host of an http(s) URL.
pub fn host_of(url: &str) -> Option<&str> {
    let rest = url
        .strip_prefix("https://")
        .or_else(|| url.strip_prefix("http://"))?;
    let authority = rest.split(['/', '?', '#']).next()?;
    let host = authority.rsplit('@').next()?;
    let host = host.split(':').next()?;
    (!host.is_empty()).then_some(host)
}

fn dates(assertion: &Map<String, Value>, now: UnixTime, checks: &mut Checks) {
    let issued = text(assertion, "issuedOn");
    let expires = text(assertion, "expires");
    let (Some(issued_at), expires_at) = (issued.and_then(instant), expires.map(instant)) else {
        checks
            .fail(
                CheckId::Dates,
                format!(
                    "Its issue date “{}” is not a timestamp.",
                    issued.unwrap_or("")
                ),
            )
            .means(Effect::Invalid);
        return;
    };
    match expires_at {
        Some(None) => {
            checks
                .fail(
                    CheckId::Dates,
                    format!("Its expiry “{}” is not a timestamp.", expires.unwrap_or("")),
                )
                .means(Effect::Invalid);
        }
        Some(Some(until)) if until < issued_at => {
            checks
                .fail(
                    CheckId::Dates,
                    format!("It expires ({until}) before it was issued ({issued_at})."),
                )
                .means(Effect::Invalid);
        }
        _ if issued_at > now => {
            checks
                .fail(
                    CheckId::Dates,
                    format!("It says it was issued on {issued_at}, which is in the future."),
                )
                .means(Effect::NotYetValid);
        }
        Some(Some(until)) if until < now => {
            checks
                .fail(CheckId::Dates, format!("It expired on {until}."))
                .means(Effect::Expired);
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
) {
    let could_not = |checks: &mut Checks, why: String| {
        super::status_unknown(checks, &why, String::new());
    };
    let profile = match object_at(issuer, env).await {
        Ok(profile) => profile,
        Err(missing) => {
            return could_not(checks, format!("the issuer profile: {}", missing.why()));
        }
    };
    let Some(list) = profile.get("revocationList") else {
        checks.skip(CheckId::Status, "The issuer publishes no revocation list.");
        return;
    };
    let list = match object_at(Some(list), env).await {
        Ok(list) => list,
        Err(missing) => {
            return could_not(checks, format!("the revocation list: {}", missing.why()));
        }
    };
    let Some(revoked) = list.get("revokedAssertions").and_then(Value::as_array) else {
        return could_not(
            checks,
            "the revocation list has no “revokedAssertions”".into(),
        );
    };
    let entry = revoked.iter().find(|item| match item {
        Value::String(id) => id == assertion_id,
        other => id_of(Some(other)) == Some(assertion_id),
    });
    match entry {
        Some(entry) => {
            let reason = entry
                .get("revocationReason")
                .and_then(Value::as_str)
                .map(|r| format!(" Reason given: {r}"))
                .unwrap_or_default();
            checks
                .fail(
                    CheckId::Status,
                    format!("The issuer has revoked this badge.{reason}"),
                )
                .means(Effect::Revoked);
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
