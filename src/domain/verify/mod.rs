//! Badge verification: the pure core an employer relies on.
//!
//! `verify(input, env)` takes the bytes someone brought (JSON today; JWS,
//! PNG and SVG come through the same entry point) and returns a [`Report`]:
//! one verdict, a row per check, and what the badge warrants. Trust comes
//! only from the catalog ([`TrustStore`]); "now" comes from the caller.
//!
//! Every row that decides something says what it means for the verdict
//! (`Check::effect`), and [`verdict_of`] reads the verdict off the rows
//! with one documented order of precedence: invalid (unreadable, missing
//! required fields, a proof that does not verify, an unpinned context, a key
//! used outside its window, expiry before issue), then unknown issuer (a
//! signature only under a key the badge asserts itself), revoked, expired,
//! not yet valid, could not check (never "verified"), and verified only when
//! a signature or the issuer's hosted copy was checked and passed.

pub mod baked;
pub mod credential;
pub mod di;
pub mod jcs;
pub mod jws;
pub mod memo;
pub mod ob2;
pub mod rdfc;
pub mod recipient;
pub mod report;
pub mod status;
pub mod trust;
mod vc;

use serde_json::{Map, Value};
use sha2::{Digest, Sha256};

pub use report::{Check, CheckId, Effect, Outcome, Report, Verdict, verdict_of};
pub use trust::TrustStore;

use crate::domain::instant::UnixTime;
use report::Checks;
use vc::{Signed, jwt_credential, verify_vc};

/// What a verification needs from outside: the trust store, the time, and
/// a way to fetch status lists and hosted badges.
pub struct Env<'a, F> {
    pub trust: &'a TrustStore,
    pub now: UnixTime,
    pub fetch: &'a F,
}

/// An HTTP answer: the status and the body.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Fetched {
    pub status: u16,
    pub body: Vec<u8>,
}

/// Why nothing came back (network, CORS, offline, not allowed): distinct
/// from any HTTP status, and never read as "not revoked".
#[derive(Debug, Clone, PartialEq, Eq, thiserror::Error)]
#[error("{0}")]
pub struct FetchError(pub String);

/// The `Accept` header every fetch of the verifier sends: badges, badge
/// classes, issuer profiles and status lists are all JSON(-LD), and hosts
/// such as Badgr answer an `Accept` that names HTML with a redirect to a web
/// page instead. (A CORS-safelisted value: no preflight.)
pub const ACCEPT: &str = "application/ld+json, application/json";

/// How the verifier reaches the network: the CLI answers from files or
/// HTTP, the browser through `fetch`, tests from a map. Both real fetchers
/// send [`ACCEPT`].
pub trait Fetch {
    fn fetch(&self, url: &str) -> impl Future<Output = Result<Fetched, FetchError>>;

    /// The status lists a run has already read (see `memo`); none outside
    /// a run.
    fn lists(&self) -> Option<&memo::Lists> {
        None
    }
}

/// A fetcher that never fetches (offline).
pub struct NoFetch;

impl Fetch for NoFetch {
    async fn fetch(&self, url: &str) -> Result<Fetched, FetchError> {
        Err(FetchError(format!("offline: {url} was not fetched")))
    }
}

/// Runs a future whose awaits complete at once (the pinned-context loader,
/// fetchers that answer from files or memory). The browser awaits the real
/// future instead.
pub fn block_on<T>(future: impl Future<Output = T>) -> T {
    let mut future = std::pin::pin!(future);
    let mut cx = std::task::Context::from_waker(std::task::Waker::noop());
    loop {
        if let std::task::Poll::Ready(output) = future.as_mut().poll(&mut cx) {
            return output;
        }
    }
}

/// Verifies the bytes of a badge.
pub async fn verify<F: Fetch>(input: &[u8], env: &Env<'_, F>) -> Report {
    let mut examined = examine(input, env.trust, env.now);
    let mut digest = Sha256::digest(input);
    if let Later::Hosted(url) = &examined.later {
        let url = url.clone();
        examined.later = Later::Nothing;
        if let Some(body) = follow(url, env, &mut examined).await {
            digest = Sha256::digest(&body);
        }
    }
    settle_later(&mut examined, env).await;
    if let Some(place) = &examined.place {
        examined.format = format!("{}, baked in {place}", examined.format);
    }
    // "Verified" needs a signature (or the issuer's own hosted copy) that was
    // checked and passed (`verdict_of`'s last rule); say so when that rule
    // is what decides.
    if examined.checks.verdict() == Verdict::Invalid && !examined.checks.has(Effect::Invalid) {
        examined
            .checks
            .fail(
                CheckId::Signature,
                "Nothing in the badge could be checked against its issuer, so it is not verified.",
            )
            .means(Effect::Invalid);
    }
    Report {
        verdict: examined.checks.verdict(),
        format: examined.format,
        checks: examined.checks.0,
        input_sha256: di::hex(&digest),
        badge: examined.badge,
        issuer_page: examined
            .issuer_page
            .and_then(|page| credential::safe_link(Some(page))),
    }
}

/// A badge given by its address (typed, or baked into an image as a
/// link): fetch it once and examine what came back, whose bytes are then
/// returned. An answer that is not a badge is a check of its own.
// One piece: one match over every answer the issuer's server can give, each with its
// check.
async fn follow<F: Fetch>(
    url: String,
    env: &Env<'_, F>,
    examined: &mut Examined,
) -> Option<Vec<u8>> {
    match env.fetch.fetch(&url).await {
        Ok(fetched) if fetched.status == 200 && ob2::revoked_answer(&fetched.body).is_some() => {
            let reason = ob2::revoked_answer(&fetched.body).flatten();
            examined
                .checks
                .fail(
                    CheckId::Status,
                    format!(
                        "The issuer has revoked the badge at {url}.{}",
                        reason
                            .map(|r| format!(" Reason given: {r}"))
                            .unwrap_or_default()
                    ),
                )
                .means(Effect::Revoked);
            examined.format = "link to a hosted badge".into();
        }
        Ok(fetched) if fetched.status == 200 => {
            let place = examined.place.take();
            *examined = examine(&fetched.body, env.trust, env.now);
            examined.checks.0.insert(
                0,
                Check {
                    id: CheckId::Format,
                    outcome: Outcome::Pass,
                    effect: Effect::None,
                    sentence: format!("Fetched the badge from {url}."),
                    detail: String::new(),
                },
            );
            examined.place = place;
            if let Later::Hosted(again) = &examined.later {
                examined
                    .checks
                    .fail(
                        CheckId::Format,
                        format!("The address gives another address ({again}) instead of a badge."),
                    )
                    .means(Effect::Invalid);
                examined.later = Later::Nothing;
            }
            return Some(fetched.body);
        }
        Ok(fetched) if fetched.status == 410 => {
            examined
                .checks
                .fail(
                    CheckId::Status,
                    format!("The issuer has withdrawn the badge at {url} (HTTP 410)."),
                )
                .means(Effect::Revoked);
            examined.format = "link to a hosted badge".into();
        }
        Ok(fetched) => {
            examined
                .checks
                .skip(
                    CheckId::Format,
                    format!(
                        "The badge at {url} could not be fetched: the server answered HTTP {}.",
                        fetched.status
                    ),
                )
                .means(Effect::Unchecked);
            examined.format = "link to a hosted badge".into();
        }
        Err(e) => {
            examined.checks.skip(
                CheckId::Format,
                format!("The badge at {url} could not be fetched from here ({e}). Open the address to see the issuer's own page for it; or, if you have the badge's file, verify the file instead."),
            ).means(Effect::Unchecked);
            examined.format = "link to a hosted badge".into();
            examined.issuer_page = Some(url);
        }
    }
    None
}

/// What `examine` left for later, now that the network may be used: the
/// status list, or an Open Badges 2.0 assertion's hosted parts.
async fn settle_later<F: Fetch>(examined: &mut Examined, env: &Env<'_, F>) {
    let checks = &mut examined.checks;
    match std::mem::replace(&mut examined.later, Later::Nothing) {
        Later::Nothing | Later::Hosted(_) => {}
        Later::Status(_) if checks.has(Effect::Invalid) => {
            checks.skip(
                CheckId::Status,
                "Its status was not checked, because the badge is not valid anyway.",
            );
        }
        Later::Status(credential) => status::check(&credential, env, checks).await,
        Later::Ob2(assertion, token) => {
            let found = ob2::verify(&assertion, token.as_ref(), env, checks).await;
            examined.format = found.format;
            examined.badge = Some(found.view);
            examined.issuer_page = found.issuer_page;
        }
    }
}

/// Everything verification finds without the network.
pub(crate) struct Examined {
    pub checks: Checks,
    pub format: String,
    pub badge: Option<credential::BadgeView>,
    /// Where in an image the badge was found.
    pub place: Option<String>,
    /// What is left to do with the network.
    pub later: Later,
    /// See `Report::issuer_page`.
    pub issuer_page: Option<String>,
}

/// The network part of a verification.
pub(crate) enum Later {
    Nothing,
    /// A credential whose status lists are still to be checked.
    Status(Map<String, Value>),
    /// An Open Badges 2.0 assertion (with its JWS when signed).
    Ob2(Map<String, Value>, Option<jws::Jws>),
    /// A hosted assertion known only by its URL.
    Hosted(String),
}

/// Examines a badge: format, proofs, trust, dates; not its status.
pub(crate) fn examine(input: &[u8], trust: &TrustStore, now: UnixTime) -> Examined {
    let mut checks = Checks::default();
    let mut format = "unknown".to_owned();
    let mut badge = None;
    let (input_text, place) = match unbake(input) {
        Ok(Some(embedded)) => (embedded.text.into_bytes(), Some(embedded.place)),
        Ok(None) => (input.to_vec(), None),
        Err(why) => {
            checks
                .fail(CheckId::Format, format!("The image cannot be used: {why}."))
                .means(Effect::Invalid);
            return Examined {
                checks,
                format: "image".into(),
                badge,
                place: None,
                later: Later::Nothing,
                issuer_page: None,
            };
        }
    };
    if let Some(place) = &place {
        checks.pass(
            CheckId::Format,
            format!("Found the badge baked into the image ({place})."),
        );
    }
    let mut later = Later::Nothing;
    match read_input(&input_text) {
        Err(why) => {
            checks.fail(CheckId::Format, why).means(Effect::Invalid);
        }
        Ok(Input::Url(url)) => later = Later::Hosted(url),
        Ok(Input::Json(old)) | Ok(Input::Jws(jws::Jws { payload: old, .. }))
            if ob2::legacy_version(&old).is_some() =>
        {
            let version = ob2::legacy_version(&old).unwrap_or("1.x");
            format = format!("Open Badges {version} assertion");
            checks
                .skip(CheckId::Format, ob2::legacy_sentence(version))
                .means(Effect::Unchecked);
        }
        Ok(Input::Json(assertion)) if ob2::is_assertion(&assertion) => {
            later = Later::Ob2(assertion, None);
        }
        Ok(Input::Jws(token)) if ob2::is_assertion(&token.payload) => {
            later = Later::Ob2(token.payload.clone(), Some(token));
        }
        Ok(Input::Json(credential)) => {
            let (name, view) = verify_vc(&credential, Signed::Embedded, trust, now, &mut checks);
            (format, badge, later) = (name, Some(view), Later::Status(credential));
        }
        Ok(Input::Jws(token)) => {
            let credential = jwt_credential(&token);
            let (name, view) = verify_vc(&credential, Signed::Jws(&token), trust, now, &mut checks);
            (format, badge, later) = (name, Some(view), Later::Status(credential));
        }
    }
    Examined {
        checks,
        format,
        badge,
        place,
        later,
        issuer_page: None,
    }
}

/// The credential text baked into an image, or `None` when the input is
/// not an image.
fn unbake(input: &[u8]) -> Result<Option<baked::Embedded>, String> {
    if baked::is_png(input) {
        baked::from_png(input).map(Some).map_err(|e| e.to_string())
    } else if baked::is_svg(input) {
        baked::from_svg(input).map(Some).map_err(|e| e.to_string())
    } else {
        Ok(None)
    }
}

enum Input {
    Json(Map<String, Value>),
    Jws(jws::Jws),
    /// A bare http(s) URL (legacy baked images, SVG `verify` attributes).
    Url(String),
}

fn read_input(input: &[u8]) -> Result<Input, String> {
    let text = std::str::from_utf8(input).map_err(|_| {
        "The input is not text, nor an image format this verifier reads.".to_owned()
    })?;
    let text = text.trim_start_matches('\u{feff}').trim();
    if (text.starts_with("https://") || text.starts_with("http://"))
        && !text.contains(char::is_whitespace)
    {
        return Ok(Input::Url(text.to_owned()));
    }
    if jws::looks_like(text) {
        return jws::parse(text)
            .map(Input::Jws)
            .map_err(|why| format!("The input looks like a signed token (JWS), but {why}."));
    }
    match serde_json::from_str::<Value>(text) {
        Ok(Value::Object(object)) => Ok(Input::Json(object)),
        Ok(_) => Err("The input is JSON but not a JSON object, so it is not a badge.".into()),
        Err(e) => Err(format!(
            "The input is neither JSON nor a signed token (JWS): {e}."
        )),
    }
}

/// The rows for a signature made with a catalog key: who signed, and
/// whether the key was in force at `issued`.
pub(crate) fn trusted_signer(
    issuer: &trust::TrustedIssuer,
    key: &trust::TrustedKey,
    issued: Option<UnixTime>,
    checks: &mut Checks,
) {
    checks
        .pass(
            CheckId::IssuerTrust,
            format!(
                "Signed by {}, with a key the catalog lists for it.",
                issuer.name
            ),
        )
        .detail(format!("key {}", key.id));
    key_window(key, issued, checks);
}

/// A status that could not be checked: never read as "not revoked".
pub(crate) fn status_unknown(checks: &mut Checks, why: &str, detail: String) {
    checks
        .skip(
            CheckId::Status,
            format!("Whether it was revoked could not be checked: {why}."),
        )
        .detail(detail)
        .means(Effect::Unchecked);
}

/// Whether the signing key was in force when the badge says it was issued
/// (DESIGN.md: keys are judged at issuance, so retiring a key does not void
/// the badges it signed).
pub(crate) fn key_window(key: &trust::TrustedKey, issued: Option<UnixTime>, checks: &mut Checks) {
    match issued {
        Some(at) if key.in_window(at) => {
            checks
                .pass(
                    CheckId::KeyWindow,
                    "The key was in force on the date the badge was issued.",
                )
                .detail(key.window());
        }
        Some(at) => {
            checks
                .fail(
                    CheckId::KeyWindow,
                    format!(
                        "The badge says it was issued on {at}, when this key was not in force."
                    ),
                )
                .detail(key.window())
                .means(Effect::Invalid);
        }
        None => {
            checks
                .warn(
                    CheckId::KeyWindow,
                    "The badge gives no issue date, so the key's window could not be checked.",
                )
                .detail(key.window());
        }
    }
}

/// GETs `url`; the body when the answer is 200, otherwise why not, in words
/// that name `what` was being fetched.
pub(crate) async fn fetch_ok<F: Fetch>(
    env: &Env<'_, F>,
    url: &str,
    what: &str,
) -> Result<Vec<u8>, String> {
    match env.fetch.fetch(url).await {
        Ok(fetched) if fetched.status == 200 => Ok(fetched.body),
        Ok(fetched) => Err(format!("{what} answered HTTP {}", fetched.status)),
        Err(e) => Err(format!("{what} could not be fetched ({e})")),
    }
}
