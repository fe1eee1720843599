//! The badge verifier as a Web Worker (its own wasm module, `verifier`,
//! built by Trunk with `data-type="worker"`). The page sends it a badge and
//! gets back the report as JSON; everything heavy (JSON-LD, RDF
//! canonicalization, signatures, status lists) happens here, off the main
//! thread and out of the first load.
//!
//! The messages are `domain::worker_protocol`'s `Request` and `Answer`,
//! encoded by its one codec on both sides (`api::wire` moves them across
//! `postMessage`): the worker says `Ready` once at start; each `Verify`
//! (a badge's bytes, or a URL as text) gets a `Report` (the report as
//! JSON) or `Failed`; each `Bake` gets `Baked` or `Failed`. Requests of one
//! run ("check all again") share their fetches (`verify::memo`).

use std::cell::RefCell;
use std::rc::Rc;

use gloo_net::http::Request as HttpRequest;
use wasm_bindgen::JsCast;
use wasm_bindgen::prelude::*;
use web_sys::{DedicatedWorkerGlobalScope, MessageEvent, RequestCredentials, RequestMode};

use crate::api::wire;
use crate::domain::catalog::Issuer;
use crate::domain::instant::UnixTime;
use crate::domain::verify::memo::Memo;
use crate::domain::verify::{Env, Fetch, FetchError, Fetched, TrustStore, verify};
use crate::domain::worker_protocol::{Answer, Request};

/// Bodies larger than this are refused (a status list is at most a few
/// hundred kilobytes; the CLI uses the same cap).
const MAX_BODY: u32 = 8 * 1024 * 1024;

/// Fetches with the browser's `fetch`: CORS, no cookies, no referrer.
struct BrowserFetch;

impl Fetch for BrowserFetch {
    async fn fetch(&self, url: &str) -> Result<Fetched, FetchError> {
        if !(url.starts_with("https://") || url.starts_with("http://")) {
            return Err(FetchError(format!(
                "only http(s) addresses are fetched, not {url}"
            )));
        }
        let response = HttpRequest::get(url)
            .header("Accept", crate::domain::verify::ACCEPT)
            .mode(RequestMode::Cors)
            .credentials(RequestCredentials::Omit)
            .referrer_policy(web_sys::ReferrerPolicy::NoReferrer)
            .send()
            .await
            .map_err(|_| {
                FetchError(
                    "the browser could not fetch it: the server may be down, or it does not allow other sites to read it (CORS)".to_owned(),
                )
            })?;
        let status = response.status();
        let body = response
            .binary()
            .await
            .map_err(|_| FetchError("the answer could not be read".to_owned()))?;
        if body.len() as u64 > u64::from(MAX_BODY) {
            return Err(FetchError(format!(
                "the answer is larger than {MAX_BODY} bytes"
            )));
        }
        Ok(Fetched { status, body })
    }
}

thread_local! {
    /// The current run's fetches ("check all again"), by run id: each
    /// address once per run and worker, forgotten when the next run starts.
    static RUN: RefCell<Option<(u32, Rc<Memo<BrowserFetch>>)>> = const { RefCell::new(None) };
    /// The catalog's issuers, as the page last sent them.
    static TRUST: RefCell<Option<Rc<TrustStore>>> = const { RefCell::new(None) };
}

/// The fetcher for one request: its run's (shared by every request of one
/// "check all again"), or a fresh one that ends any earlier run.
fn fetcher(run: Option<u32>) -> Rc<Memo<BrowserFetch>> {
    RUN.with(|slot| {
        let mut slot = slot.borrow_mut();
        match (run, slot.as_ref()) {
            (Some(run), Some((id, memo))) if *id == run => memo.clone(),
            (run, _) => {
                let memo = Rc::new(Memo::new(BrowserFetch));
                *slot = run.map(|run| (run, memo.clone()));
                memo
            }
        }
    })
}

/// Verifies one request and returns the report as JSON text, or why not.
async fn answer(
    input: Vec<u8>,
    issuers: Option<Vec<Issuer>>,
    now: UnixTime,
    recipient: Option<String>,
    run: Option<u32>,
) -> Result<String, String> {
    if let Some(issuers) = issuers {
        let store = Rc::new(TrustStore::from_issuers(&issuers));
        TRUST.with(|t| *t.borrow_mut() = Some(store));
    }
    let trust = TRUST
        .with(|t| t.borrow().clone())
        .ok_or("the page did not give the verifier the catalog's issuers")?;
    let fetch = fetcher(run);
    let env = Env {
        trust: &trust,
        now,
        fetch: &*fetch,
    };
    let mut report = verify(&input, &env).await;
    if let Some(identity) = recipient.filter(|r| !r.trim().is_empty()) {
        report.check_recipient(identity.trim());
    }
    serde_json::to_string(&report).map_err(|_| "the report could not be written".to_owned())
}

/// Bakes a badge (its JSON or JWT text) into an image.
fn bake(credential: Vec<u8>, image: Vec<u8>) -> Result<Vec<u8>, String> {
    use crate::domain::verify::baked;
    let credential = String::from_utf8(credential)
        .map_err(|_| "the badge is not text, so it cannot be baked".to_owned())?;
    if baked::is_png(&image) {
        let keyword = if credential.contains("https://w3id.org/openbadges/v2") {
            "openbadges"
        } else {
            "openbadgecredential"
        };
        baked::bake_png(&image, credential.trim(), keyword).map_err(|e| e.to_string())
    } else if baked::is_svg(&image) {
        let svg = String::from_utf8(image).map_err(|_| "the SVG is not UTF-8".to_owned())?;
        baked::bake_svg(&svg, &credential)
            .map(String::into_bytes)
            .map_err(|e| e.to_string())
    } else {
        Err("the badge image is neither PNG nor SVG".to_owned())
    }
}

fn post(scope: &DedicatedWorkerGlobalScope, reply: &Answer) {
    let _ = scope.post_message(&wire::to_js(&reply.encode()));
}

/// Installs the message handler and tells the page it is ready.
pub fn start() {
    console_error_panic_hook::set_once();
    let scope: DedicatedWorkerGlobalScope = js_sys::global().unchecked_into();
    let reply_to = scope.clone();
    let on_message = Closure::<dyn Fn(MessageEvent)>::new(move |event: MessageEvent| {
        // Not one of the page's messages: nothing to answer.
        let Some(request) = wire::from_js(&event.data()).and_then(|w| Request::decode(w).ok())
        else {
            return;
        };
        let scope = reply_to.clone();
        match request {
            Request::Bake {
                id,
                credential,
                image,
            } => {
                let reply = match bake(credential, image) {
                    Ok(bytes) => Answer::Baked { id, bytes },
                    Err(message) => Answer::Failed { id, message },
                };
                post(&scope, &reply);
            }
            Request::Verify {
                id,
                input,
                now,
                recipient,
                run,
                issuers,
            } => {
                wasm_bindgen_futures::spawn_local(async move {
                    let reply = match answer(input, issuers, now, recipient, run).await {
                        Ok(report) => Answer::Report { id, report },
                        Err(message) => Answer::Failed { id, message },
                    };
                    post(&scope, &reply);
                });
            }
        }
    });
    scope.set_onmessage(Some(on_message.as_ref().unchecked_ref()));
    on_message.forget();
    post(&scope, &Answer::Ready);
    // Before the first request is read (messages wait their turn): an
    // employer's link started this worker early, while the page loads.
    crate::domain::verify::rdfc::warm_up();
}
