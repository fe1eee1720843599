//! The page's side of the verifier worker (`crate::worker`): started the
//! first time something is verified, then kept for the visit. Requests wait
//! until the worker says it is ready; each gets its answer by id.

use std::cell::RefCell;
use std::collections::HashMap;
use std::future::Future;
use std::pin::Pin;
use std::rc::Rc;
use std::sync::Arc;
use std::task::{Context, Poll, Waker};

use wasm_bindgen::JsCast;
use wasm_bindgen::prelude::*;
use web_sys::{MessageEvent, Worker, WorkerOptions, WorkerType};

use super::wire;
use crate::domain::catalog::Catalog;
use crate::domain::instant::UnixTime;
use crate::domain::worker_protocol::{Answer as Reply, Request};
use crate::platform::built_file;

/// The worker's loader script, written by Trunk (`data-loader-shim`).
const LOADER: &str = "verifier_loader.js";

/// One answer slot: filled by the message handler, awaited by the caller.
#[derive(Default)]
struct Slot {
    answer: Option<Result<Reply, String>>,
    waker: Option<Waker>,
}

type SharedSlot = Rc<RefCell<Slot>>;

struct Bridge {
    worker: Worker,
    ready: bool,
    queue: Vec<JsValue>,
    pending: HashMap<u32, SharedSlot>,
    next_id: u32,
    /// The catalog whose issuers this worker was last given.
    trusts: Option<Arc<Catalog>>,
}

/// Most workers a page runs at once (see [`verify_in`]).
pub const MAX_WORKERS: usize = 4;

thread_local! {
    /// The workers started so far, by slot; slot 0 serves [`verify`].
    static BRIDGES: RefCell<[Option<Bridge>; MAX_WORKERS]> = const { RefCell::new([None, None, None, None]) };
}

fn settle(slot: &SharedSlot, answer: Result<Reply, String>) {
    let mut slot = slot.borrow_mut();
    slot.answer = Some(answer);
    if let Some(waker) = slot.waker.take() {
        waker.wake();
    }
}

/// Fails every waiting request of one worker (it could not start or crashed).
fn fail_all(index: usize, message: &str) {
    let pending: Vec<SharedSlot> = BRIDGES.with(|all| {
        let mut all = all.borrow_mut();
        let b = &mut all[index];
        let taken = b
            .as_mut()
            .map(|bridge| bridge.pending.drain().map(|(_, s)| s).collect())
            .unwrap_or_default();
        // Start afresh next time.
        *b = None;
        taken
    });
    for slot in pending {
        settle(&slot, Err(message.to_owned()));
    }
}

fn on_message(index: usize, event: MessageEvent) {
    let Some(reply) = wire::from_js(&event.data()).and_then(|w| Reply::decode(w).ok()) else {
        return;
    };
    let Some(id) = reply.id() else {
        // Ready: send what was asked for while the worker was starting.
        BRIDGES.with(|all| {
            if let Some(bridge) = all.borrow_mut()[index].as_mut() {
                bridge.ready = true;
                for message in std::mem::take(&mut bridge.queue) {
                    let _ = bridge.worker.post_message(&message);
                }
            }
        });
        return;
    };
    let slot = BRIDGES.with(|all| {
        all.borrow_mut()[index]
            .as_mut()
            .and_then(|bridge| bridge.pending.remove(&id))
    });
    if let Some(slot) = slot {
        settle(&slot, Ok(reply));
    }
}

/// The worker the shell started while the app loaded (index.html starts one
/// for an employer's `/verify?url=…` or `#badge=…` link), taken at most once,
/// with whether it has already said it is ready. None when there is none or
/// it failed to start.
fn adopt_early() -> Option<(Worker, bool)> {
    const KEY: &str = "microcredEarlyVerifier";
    let global = js_sys::global();
    let early = js_sys::Reflect::get(&global, &KEY.into()).ok()?;
    if early.is_undefined() {
        return None;
    }
    let _ = js_sys::Reflect::delete_property(&global, &KEY.into());
    let field = |name: &str| js_sys::Reflect::get(&early, &name.into()).ok();
    let worker: Worker = field("worker")?.dyn_into().ok()?;
    if field("failed").and_then(|f| f.as_bool()) == Some(true) {
        worker.terminate();
        return None;
    }
    let ready = field("ready").and_then(|r| r.as_bool()) == Some(true);
    Some((worker, ready))
}

fn start(index: usize) -> Result<Bridge, String> {
    let early = if index == 0 { adopt_early() } else { None };
    let (worker, ready) = match early {
        Some(early) => early,
        None => {
            let options = WorkerOptions::new();
            options.set_type(WorkerType::Classic);
            let worker = Worker::new_with_options(&built_file(LOADER), &options)
                .map_err(|_| "This browser could not start the verifier.".to_owned())?;
            (worker, false)
        }
    };
    let handler = Closure::<dyn Fn(MessageEvent)>::new(move |e| on_message(index, e));
    worker.set_onmessage(Some(handler.as_ref().unchecked_ref()));
    handler.forget();
    let on_error = Closure::<dyn Fn(JsValue)>::new(move |_| {
        fail_all(
            index,
            "The verifier stopped unexpectedly. Please try again.",
        );
    });
    worker.set_onerror(Some(on_error.as_ref().unchecked_ref()));
    on_error.forget();
    Ok(Bridge {
        worker,
        ready,
        queue: Vec::new(),
        pending: HashMap::new(),
        next_id: 1,
        trusts: None,
    })
}

/// Waits for a slot to be filled.
struct Answer(SharedSlot);

impl Future for Answer {
    type Output = Result<Reply, String>;

    fn poll(self: Pin<&mut Self>, cx: &mut Context<'_>) -> Poll<Self::Output> {
        let mut slot = self.0.borrow_mut();
        match slot.answer.take() {
            Some(answer) => Poll::Ready(answer),
            None => {
                slot.waker = Some(cx.waker().clone());
                Poll::Pending
            }
        }
    }
}

/// Sends one request to worker `index` (started if need be) and waits for
/// its answer. `request` gets the request's id and, when the worker does not
/// yet trust `catalog`'s issuers, those issuers to send along.
async fn call(
    index: usize,
    catalog: Option<&Arc<Catalog>>,
    request: impl FnOnce(u32, Option<Vec<crate::domain::catalog::Issuer>>) -> Request,
) -> Result<Reply, String> {
    let index = index % MAX_WORKERS;
    let slot: SharedSlot = Rc::default();
    let sent = BRIDGES.with(|all| -> Result<(), String> {
        let mut all = all.borrow_mut();
        let b = &mut all[index];
        if b.is_none() {
            *b = Some(start(index)?);
        }
        let Some(bridge) = b.as_mut() else {
            return Err("The verifier is not available.".to_owned());
        };
        let id = bridge.next_id;
        bridge.next_id += 1;
        let issuers = catalog
            .filter(|c| !bridge.trusts.as_ref().is_some_and(|t| Arc::ptr_eq(t, c)))
            .map(|c| {
                bridge.trusts = Some(c.clone());
                c.issuers.clone()
            });
        let message = wire::to_js(&request(id, issuers).encode());
        bridge.pending.insert(id, slot.clone());
        if bridge.ready {
            bridge
                .worker
                .post_message(&message)
                .map_err(|_| "The badge could not be handed to the verifier.".to_owned())?;
        } else {
            bridge.queue.push(message);
        }
        Ok(())
    });
    sent?;
    Answer(slot).await
}

/// The catalog whose issuers the verifier trusts: the one the page holds,
/// or, when it has not arrived (or failed), the site's, fetched now.
pub async fn trusted(held: Option<Arc<Catalog>>) -> Result<Arc<Catalog>, String> {
    match held {
        Some(catalog) => Ok(catalog),
        None => super::catalog::fetch_catalog()
            .await
            .map_err(|e| format!("no issuer can be trusted without the catalog: {e}")),
    }
}

/// Verifies `input` (a badge's bytes, or a URL as text) in the worker, as
/// of `now`, trusting the issuers of `catalog` (handed to the
/// worker with its first request), and returns the report as JSON text.
pub async fn verify(
    input: &[u8],
    catalog: &Arc<Catalog>,
    now: UnixTime,
    recipient: Option<&str>,
) -> Result<String, String> {
    verify_in(0, input, catalog, now, recipient, None).await
}

/// [`verify`] in worker `index` (0 to [`MAX_WORKERS`] − 1): work spread over
/// several workers runs on several cores. Requests with the same `run` id
/// (one "check all again") fetch each address once per worker; a request
/// without one, or with a new id, starts afresh.
pub async fn verify_in(
    index: usize,
    input: &[u8],
    catalog: &Arc<Catalog>,
    now: UnixTime,
    recipient: Option<&str>,
    run: Option<u32>,
) -> Result<String, String> {
    let input = input.to_vec();
    let reply = call(index, Some(catalog), |id, issuers| Request::Verify {
        id,
        input,
        now,
        recipient: recipient.map(str::to_owned),
        run,
        issuers,
    })
    .await?;
    match reply {
        Reply::Report { report, .. } => Ok(report),
        Reply::Failed { message, .. } => Err(message),
        _ => Err("The verifier sent an unexpected answer.".to_owned()),
    }
}

/// Bakes `credential` (a badge's JSON or JWT text) into `image` (PNG or
/// SVG) in the worker, and returns the baked image.
pub async fn bake(credential: &[u8], image: &[u8]) -> Result<Vec<u8>, String> {
    let (credential, image) = (credential.to_vec(), image.to_vec());
    let reply = call(0, None, |id, _| Request::Bake {
        id,
        credential,
        image,
    })
    .await?;
    match reply {
        Reply::Baked { bytes, .. } => Ok(bytes),
        Reply::Failed { message, .. } => Err(message),
        _ => Err("The verifier sent an unexpected answer.".to_owned()),
    }
}
