//! The badge verifier as a Web Worker (its own wasm module, `verifier`,
//! built by Trunk with `data-type="worker"`). The page sends it a badge and
//! gets back the report as JSON; everything heavy (JSON-LD, RDF
//! canonicalization, signatures, status lists) happens here, off the main
//! thread and out of the first load.
//!
//! Protocol, both ways plain JS objects:
//! - worker → page, once at start: `{ready: true}`;
//! - page → worker: `{id, input: Uint8Array, catalog: url, now: unix seconds,
//!   recipient?: string, run?: number}`; a URL to verify is sent as its text
//!   in `input`; requests of one run ("check all again") share their fetches
//!   (`verify::memo`);
//! - worker → page: `{id, report: "<Report as JSON>"}`;
//! - page → worker: `{id, bake: true, input: credential, image}` → `{id,
//!   bytes: baked image}` or `{id, error: "why"}`.

use std::cell::RefCell;
use std::rc::Rc;

use gloo_net::http::Request;
use js_sys::{Object, Reflect, Uint8Array};
use wasm_bindgen::JsCast;
use wasm_bindgen::prelude::*;
use web_sys::{DedicatedWorkerGlobalScope, MessageEvent, RequestCredentials, RequestMode};

use crate::domain::catalog::Catalog;
use crate::domain::instant::UnixTime;
use crate::domain::verify::memo::Memo;
use crate::domain::verify::{Env, Fetch, FetchError, Fetched, TrustStore, verify};

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
        let response = Request::get(url)
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
    static RUN: RefCell<Option<(f64, Rc<Memo<BrowserFetch>>)>> = const { RefCell::new(None) };
    /// The trust store of the last catalog used, by its URL.
    static TRUST: RefCell<Option<(String, Rc<TrustStore>)>> = const { RefCell::new(None) };
}

/// The catalog's issuers, fetched once per catalog URL.
async fn trust_store(url: &str) -> Result<Rc<TrustStore>, String> {
    if let Some(store) = TRUST.with(|t| {
        t.borrow()
            .as_ref()
            .filter(|(u, _)| u == url)
            .map(|(_, s)| s.clone())
    }) {
        return Ok(store);
    }
    let response = Request::get(url)
        .send()
        .await
        .map_err(|_| format!("the catalog at {url} could not be fetched"))?;
    if !response.ok() {
        return Err(format!(
            "the catalog at {url} answered HTTP {}",
            response.status()
        ));
    }
    let text = response
        .text()
        .await
        .map_err(|_| "the catalog could not be read".to_owned())?;
    let catalog =
        Catalog::from_json(&text).map_err(|e| format!("the catalog is not usable: {e}"))?;
    let store = Rc::new(TrustStore::from_catalog(&catalog));
    TRUST.with(|t| *t.borrow_mut() = Some((url.to_owned(), store.clone())));
    Ok(store)
}

fn field(data: &JsValue, name: &str) -> JsValue {
    Reflect::get(data, &JsValue::from_str(name)).unwrap_or(JsValue::UNDEFINED)
}

/// Verifies one request and returns the report (or an error) as JSON text.
async fn answer(data: JsValue) -> String {
    let input = field(&data, "input")
        .dyn_into::<Uint8Array>()
        .map(|a| a.to_vec())
        .unwrap_or_default();
    let catalog = field(&data, "catalog").as_string().unwrap_or_default();
    let now = UnixTime(field(&data, "now").as_f64().unwrap_or(0.0) as i64);
    let recipient = field(&data, "recipient").as_string();
    let trust = match trust_store(&catalog).await {
        Ok(trust) => trust,
        Err(problem) => {
            return format!("{{\"error\":{}}}", serde_json::Value::String(problem));
        }
    };
    let run = field(&data, "run").as_f64();
    let mut report = match run {
        Some(run) => {
            let memo = RUN.with(|slot| {
                let mut slot = slot.borrow_mut();
                match slot.as_ref() {
                    Some((id, memo)) if *id == run => memo.clone(),
                    _ => {
                        let memo = Rc::new(Memo::new(BrowserFetch));
                        *slot = Some((run, memo.clone()));
                        memo
                    }
                }
            });
            let env = Env {
                trust: &trust,
                now,
                fetch: &*memo,
            };
            verify(&input, &env).await
        }
        None => {
            RUN.with(|slot| slot.borrow_mut().take());
            let env = Env {
                trust: &trust,
                now,
                fetch: &BrowserFetch,
            };
            verify(&input, &env).await
        }
    };
    if let Some(identity) = recipient.filter(|r| !r.trim().is_empty()) {
        report.check_recipient(identity.trim());
    }
    serde_json::to_string(&report)
        .unwrap_or_else(|_| "{\"error\":\"the report could not be written\"}".to_owned())
}

/// Bakes a badge into an image: `{input: credential text, image}`.
fn bake(data: &JsValue) -> Result<Vec<u8>, String> {
    use crate::domain::verify::baked;
    let bytes = |name: &str| {
        field(data, name)
            .dyn_into::<Uint8Array>()
            .map(|a| a.to_vec())
            .unwrap_or_default()
    };
    let credential = String::from_utf8(bytes("input"))
        .map_err(|_| "the badge is not text, so it cannot be baked".to_owned())?;
    let image = bytes("image");
    if baked::is_png(&image) {
        let keyword = if credential.contains("https://w3id.org/openbadges/v2") {
            "openbadges"
        } else {
            "openbadgecredential"
        };
        baked::bake_png(&image, credential.trim(), keyword)
    } else if baked::is_svg(&image) {
        let svg = String::from_utf8(image).map_err(|_| "the SVG is not UTF-8".to_owned())?;
        baked::bake_svg(&svg, &credential).map(String::into_bytes)
    } else {
        Err("the badge image is neither PNG nor SVG".to_owned())
    }
}

/// Installs the message handler and tells the page it is ready.
pub fn start() {
    console_error_panic_hook::set_once();
    let scope: DedicatedWorkerGlobalScope = js_sys::global().unchecked_into();
    let reply_to = scope.clone();
    let on_message = Closure::<dyn Fn(MessageEvent)>::new(move |event: MessageEvent| {
        let data = event.data();
        let id = field(&data, "id");
        let scope = reply_to.clone();
        let message = Object::new();
        let _ = Reflect::set(&message, &"id".into(), &id);
        if field(&data, "bake").is_truthy() {
            let _ = match bake(&data) {
                Ok(baked) => Reflect::set(&message, &"bytes".into(), &Uint8Array::from(&baked[..])),
                Err(why) => Reflect::set(&message, &"error".into(), &why.into()),
            };
            let _ = scope.post_message(&message);
            return;
        }
        wasm_bindgen_futures::spawn_local(async move {
            let report = answer(data).await;
            let _ = Reflect::set(&message, &"report".into(), &report.into());
            let _ = scope.post_message(&message);
        });
    });
    scope.set_onmessage(Some(on_message.as_ref().unchecked_ref()));
    on_message.forget();
    let ready = Object::new();
    let _ = Reflect::set(&ready, &"ready".into(), &JsValue::TRUE);
    let _ = scope.post_message(&ready);
}
