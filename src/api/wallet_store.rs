//! The wallet's storage: IndexedDB in this browser, through web-sys.
//!
//! Two object stores, both keyed by the original's SHA-256:
//! - `cards`: what the list shows (small, all read when the wallet opens);
//! - `files`: the original bytes (or URL text) and the whole report (read
//!   one at a time, for the detail page and for "check all again").
//!
//! Every write of one import or one re-check goes in one transaction over
//! both stores, so it lands whole or not at all. The database is versioned
//! ([`VERSION`]); `upgrade` runs each step from the stored version up.
//! After each write the other tabs are told on a `BroadcastChannel`.

use std::cell::RefCell;

use js_sys::{Array, Object, Promise, Reflect, Uint8Array};
use wasm_bindgen::JsCast;
use wasm_bindgen::prelude::*;
use wasm_bindgen_futures::JsFuture;
use web_sys::{
    BroadcastChannel, IdbDatabase, IdbObjectStoreParameters, IdbOpenDbRequest, IdbRequest,
    IdbTransaction, IdbTransactionMode, IdbVersionChangeEvent,
};

use crate::domain::instant::UnixTime;
use crate::domain::wallet::{Card, Kept};

const DB_NAME: &str = "microcred-wallet";
/// The schema version. 1: `cards` and `files`, keyed by `key`.
const VERSION: u32 = 1;
const CARDS: &str = "cards";
const FILES: &str = "files";
const CHANNEL: &str = "microcred-wallet";

thread_local! {
    static DB: RefCell<Option<IdbDatabase>> = const { RefCell::new(None) };
    static CHANNEL_HANDLE: RefCell<Option<BroadcastChannel>> = const { RefCell::new(None) };
}

/// Resolves when `request` succeeds (with its result) or fails.
async fn done(request: &IdbRequest) -> Result<JsValue, JsValue> {
    JsFuture::from(settled(request)).await
}

/// A promise of `request`'s outcome, its handlers set at once (so several
/// requests can be made before any is awaited without missing an event).
fn settled(request: &IdbRequest) -> Promise {
    let request = request.clone();
    Promise::new(&mut |resolve, reject| {
        let ok_request = request.clone();
        let on_success = Closure::once_into_js(move || {
            let _ = resolve.call1(
                &JsValue::NULL,
                &ok_request.result().unwrap_or(JsValue::UNDEFINED),
            );
        });
        let err_request = request.clone();
        let on_error = Closure::once_into_js(move || {
            let error = err_request
                .error()
                .ok()
                .flatten()
                .map_or(JsValue::from_str("UnknownError"), JsValue::from);
            let _ = reject.call1(&JsValue::NULL, &error);
        });
        request.set_onsuccess(Some(on_success.unchecked_ref()));
        request.set_onerror(Some(on_error.unchecked_ref()));
    })
}

/// Resolves when the transaction has committed; fails when it aborts.
async fn committed(tx: &IdbTransaction) -> Result<(), JsValue> {
    let tx = tx.clone();
    let promise = Promise::new(&mut |resolve, reject| {
        let on_complete = Closure::once_into_js(move || {
            let _ = resolve.call0(&JsValue::NULL);
        });
        let failed_tx = tx.clone();
        let reject_abort = reject.clone();
        let on_abort = Closure::once_into_js(move || {
            let error = failed_tx
                .error()
                .map_or(JsValue::from_str("AbortError"), JsValue::from);
            let _ = reject_abort.call1(&JsValue::NULL, &error);
        });
        tx.set_oncomplete(Some(on_complete.unchecked_ref()));
        tx.set_onabort(Some(on_abort.unchecked_ref()));
    });
    JsFuture::from(promise).await.map(|_| ())
}

/// A sentence for a storage failure.
fn problem(error: &JsValue, doing: &str) -> String {
    let name = error
        .dyn_ref::<web_sys::DomException>()
        .map(web_sys::DomException::name)
        .or_else(|| error.as_string())
        .unwrap_or_default();
    match name.as_str() {
        "QuotaExceededError" => format!(
            "Your browser has no room left to {doing} (its storage quota is full). Nothing from this step was saved, and the badges already in your wallet are untouched. Export a backup, then free some space in the browser's site settings."
        ),
        "InvalidStateError" | "VersionError" => format!(
            "The wallet could not {doing}: it was changed by a newer version of this site in another tab. Reload this page."
        ),
        _ => format!(
            "The wallet could not {doing} ({}). Your badges are still there; try again, or reload the page.",
            if name.is_empty() {
                "storage error"
            } else {
                &name
            }
        ),
    }
}

/// Runs the schema steps from `old` up to [`VERSION`].
fn upgrade(db: &IdbDatabase, old: u32) -> Result<(), JsValue> {
    if old < 1 {
        let params = IdbObjectStoreParameters::new();
        params.set_key_path(&JsValue::from_str("key"));
        db.create_object_store_with_optional_parameters(CARDS, &params)?;
        db.create_object_store_with_optional_parameters(FILES, &params)?;
    }
    Ok(())
}

/// The open database (opened once per page).
async fn db() -> Result<IdbDatabase, String> {
    if let Some(db) = DB.with(|d| d.borrow().clone()) {
        return Ok(db);
    }
    let unavailable = || {
        "This browser does not let the site keep data (private browsing, or storage is switched off), so the wallet cannot keep badges here.".to_owned()
    };
    let factory = web_sys::window()
        .and_then(|w| w.indexed_db().ok().flatten())
        .ok_or_else(unavailable)?;
    let request: IdbOpenDbRequest = factory
        .open_with_u32(DB_NAME, VERSION)
        .map_err(|_| unavailable())?;
    let on_upgrade =
        Closure::<dyn Fn(IdbVersionChangeEvent)>::new(|event: IdbVersionChangeEvent| {
            let Some(request) = event
                .target()
                .and_then(|t| t.dyn_into::<IdbOpenDbRequest>().ok())
            else {
                return;
            };
            if let Ok(db) = request.result().and_then(|r| r.dyn_into::<IdbDatabase>()) {
                let _ = upgrade(&db, event.old_version() as u32);
            }
        });
    request.set_onupgradeneeded(Some(on_upgrade.as_ref().unchecked_ref()));
    let opened = done(&request).await;
    request.set_onupgradeneeded(None);
    drop(on_upgrade);
    let db: IdbDatabase = opened
        .map_err(|e| problem(&e, "open"))?
        .dyn_into()
        .map_err(|_| unavailable())?;
    // Another tab wants a newer schema: let it, and reopen next time.
    let on_version = Closure::<dyn Fn()>::new(|| {
        if let Some(db) = DB.with(|d| d.borrow_mut().take()) {
            db.close();
        }
    });
    db.set_onversionchange(Some(on_version.as_ref().unchecked_ref()));
    on_version.forget();
    DB.with(|d| *d.borrow_mut() = Some(db.clone()));
    Ok(db)
}

fn set(object: &Object, key: &str, value: &JsValue) {
    let _ = Reflect::set(object, &JsValue::from_str(key), value);
}

fn opt_str(value: Option<&str>) -> JsValue {
    value.map_or(JsValue::NULL, JsValue::from_str)
}

fn opt_time(value: Option<UnixTime>) -> JsValue {
    value.map_or(JsValue::NULL, |t| JsValue::from_f64(t.0 as f64))
}

fn card_to_js(card: &Card) -> Object {
    let o = Object::new();
    set(&o, "key", &card.key.as_str().into());
    set(&o, "credentialId", &opt_str(card.credential_id.as_deref()));
    set(&o, "verdict", &card.verdict.as_str().into());
    set(&o, "name", &card.name.as_str().into());
    set(&o, "issuer", &card.issuer.as_str().into());
    set(&o, "issued", &opt_time(card.issued));
    set(&o, "expires", &opt_time(card.expires));
    set(&o, "image", &opt_str(card.image.as_deref()));
    set(
        &o,
        "achievementId",
        &opt_str(card.achievement_id.as_deref()),
    );
    set(&o, "sourceUrl", &opt_str(card.source_url.as_deref()));
    set(&o, "fileName", &card.file_name.as_str().into());
    set(&o, "added", &JsValue::from_f64(card.added.0 as f64));
    set(&o, "checked", &JsValue::from_f64(card.checked.0 as f64));
    o
}

/// A stored card, or `None` when the record is damaged.
fn card_from_js(o: &JsValue) -> Option<Card> {
    let get = |key: &str| Reflect::get(o, &JsValue::from_str(key)).ok();
    let text = |key: &str| get(key).and_then(|v| v.as_string());
    let time = |key: &str| {
        get(key)
            .and_then(|v| v.as_f64())
            .map(|t| UnixTime(t as i64))
    };
    let card = Card {
        key: text("key")?,
        credential_id: text("credentialId"),
        verdict: text("verdict")?,
        name: text("name")?,
        issuer: text("issuer")?,
        issued: time("issued"),
        expires: time("expires"),
        image: text("image"),
        achievement_id: text("achievementId"),
        source_url: text("sourceUrl"),
        file_name: text("fileName").unwrap_or_default(),
        added: time("added")?,
        checked: time("checked")?,
    };
    (card.key.len() == 64).then_some(card)
}

fn files_to_js(kept: &Kept) -> Object {
    let o = Object::new();
    set(&o, "key", &kept.card.key.as_str().into());
    set(&o, "original", &Uint8Array::from(kept.original.as_slice()));
    set(&o, "report", &kept.report.as_str().into());
    o
}

/// A read-write transaction over both stores; `doing` names the step for
/// the message if it cannot start.
async fn write_both(doing: &str) -> Result<IdbTransaction, String> {
    let names = Array::of2(&CARDS.into(), &FILES.into());
    db().await?
        .transaction_with_str_sequence_and_mode(&names, IdbTransactionMode::Readwrite)
        .map_err(|e| problem(&e, doing))
}

/// Every readable card, and how many records are damaged.
pub async fn load_cards() -> Result<(Vec<Card>, usize), String> {
    let db = db().await?;
    let tx = db
        .transaction_with_str(CARDS)
        .map_err(|e| problem(&e, "read your badges"))?;
    let store = tx
        .object_store(CARDS)
        .map_err(|e| problem(&e, "read your badges"))?;
    let all = done(
        &store
            .get_all()
            .map_err(|e| problem(&e, "read your badges"))?,
    )
    .await
    .map_err(|e| problem(&e, "read your badges"))?;
    let all: Array = all.dyn_into().unwrap_or_default();
    let mut cards = Vec::with_capacity(all.length() as usize);
    let mut damaged = 0;
    for record in all.iter() {
        match card_from_js(&record) {
            Some(card) => cards.push(card),
            None => damaged += 1,
        }
    }
    Ok((cards, damaged))
}

/// The whole records of several badges, read in one transaction ("check
/// all again" reads a thousand: one transaction each cost more than
/// verifying them). One answer per card, in order.
pub async fn load_many(cards: &[Card]) -> Vec<Result<Kept, String>> {
    let failed = |why: String| cards.iter().map(|_| Err(why.clone())).collect();
    let db = match db().await {
        Ok(db) => db,
        Err(why) => return failed(why),
    };
    let store = match db
        .transaction_with_str(FILES)
        .and_then(|tx| tx.object_store(FILES))
    {
        Ok(store) => store,
        Err(e) => return failed(problem(&e, "read the badges")),
    };
    let asked: Vec<Result<Promise, JsValue>> = cards
        .iter()
        .map(|card| {
            store
                .get(&JsValue::from_str(&card.key))
                .map(|request| settled(&request))
        })
        .collect();
    let mut out = Vec::with_capacity(cards.len());
    for (card, asked) in cards.iter().zip(asked) {
        let record = match asked {
            Ok(promise) => JsFuture::from(promise).await,
            Err(e) => Err(e),
        };
        out.push(match record {
            Ok(record) => kept_from_js(card, &record),
            Err(e) => Err(problem(&e, "read the badge")),
        });
    }
    out
}

/// A stored record as the badge's whole record.
fn kept_from_js(card: &Card, record: &JsValue) -> Result<Kept, String> {
    let get = |key: &str| Reflect::get(record, &JsValue::from_str(key)).ok();
    let original = get("original").and_then(|v| v.dyn_into::<Uint8Array>().ok());
    let report = get("report").and_then(|v| v.as_string());
    match (original, report) {
        (Some(original), Some(report)) => Ok(Kept {
            card: card.clone(),
            original: original.to_vec(),
            report,
        }),
        _ => Err("This badge's saved file is damaged and cannot be read. Import the badge again to repair it.".to_owned()),
    }
}

/// The whole record of one badge.
pub async fn load(card: &Card) -> Result<Kept, String> {
    let db = db().await?;
    let tx = db
        .transaction_with_str(FILES)
        .map_err(|e| problem(&e, "read the badge"))?;
    let store = tx
        .object_store(FILES)
        .map_err(|e| problem(&e, "read the badge"))?;
    let record = done(
        &store
            .get(&JsValue::from_str(&card.key))
            .map_err(|e| problem(&e, "read the badge"))?,
    )
    .await
    .map_err(|e| problem(&e, "read the badge"))?;
    kept_from_js(card, &record)
}

/// Writes the records in one transaction: all or none.
pub async fn put_all(records: &[Kept]) -> Result<(), String> {
    if records.is_empty() {
        return Ok(());
    }
    let tx = write_both("save the badges").await?;
    let (cards, files) = match (tx.object_store(CARDS), tx.object_store(FILES)) {
        (Ok(c), Ok(f)) => (c, f),
        _ => return Err(problem(&JsValue::NULL, "save the badges")),
    };
    for kept in records {
        let wrote = cards
            .put(&card_to_js(&kept.card))
            .and_then(|_| files.put(&files_to_js(kept)));
        if let Err(e) = wrote {
            let _ = tx.abort();
            return Err(problem(&e, "save the badges"));
        }
    }
    committed(&tx)
        .await
        .map_err(|e| problem(&e, "save the badges"))?;
    announce();
    Ok(())
}

/// Deletes badges by key (one transaction).
pub async fn delete(keys: &[String]) -> Result<(), String> {
    let tx = write_both("remove the badge").await?;
    for name in [CARDS, FILES] {
        let store = tx
            .object_store(name)
            .map_err(|e| problem(&e, "remove the badge"))?;
        for key in keys {
            store
                .delete(&JsValue::from_str(key))
                .map_err(|e| problem(&e, "remove the badge"))?;
        }
    }
    committed(&tx)
        .await
        .map_err(|e| problem(&e, "remove the badge"))?;
    announce();
    Ok(())
}

/// Removes every badge (one transaction).
pub async fn clear() -> Result<(), String> {
    let tx = write_both("empty the wallet").await?;
    for name in [CARDS, FILES] {
        tx.object_store(name)
            .and_then(|s| s.clear())
            .map_err(|e| problem(&e, "empty the wallet"))?;
    }
    committed(&tx)
        .await
        .map_err(|e| problem(&e, "empty the wallet"))?;
    announce();
    Ok(())
}

fn channel() -> Option<BroadcastChannel> {
    CHANNEL_HANDLE.with(|c| {
        let mut c = c.borrow_mut();
        if c.is_none() {
            *c = BroadcastChannel::new(CHANNEL).ok();
        }
        c.clone()
    })
}

/// Tells the other tabs that the wallet changed.
fn announce() {
    if let Some(channel) = channel() {
        let _ = channel.post_message(&JsValue::from_str("changed"));
    }
}

/// Calls `changed` whenever another tab changes the wallet.
pub fn on_other_tab_change(changed: impl Fn() + 'static) {
    if let Some(channel) = channel() {
        let handler = Closure::<dyn Fn()>::new(changed);
        channel.set_onmessage(Some(handler.as_ref().unchecked_ref()));
        handler.forget();
    }
}
