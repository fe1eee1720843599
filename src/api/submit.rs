//! Sends a checkout or register-for-updates submission to the university's
//! endpoint (the contract: docs/enrolment.openapi.yaml) and keeps drafts in
//! the browser's local storage, so a reload or a closed tab loses nothing.

use gloo_net::http::Request;
use wasm_bindgen::JsCast;
use wasm_bindgen::prelude::*;

/// Why no answer came back. Nothing is known to be recorded, so the form is
/// kept and a retry uses the same key.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum NoAnswer {
    Offline,
    TimedOut { seconds: u32 },
    Unreachable,
}

impl NoAnswer {
    pub fn message(self) -> String {
        match self {
            NoAnswer::Offline => "You seem to be offline, so nothing was sent. Everything you entered is kept: try again when you are connected.".to_owned(),
            NoAnswer::TimedOut { seconds } => format!(
                "No answer came within {seconds} seconds. It may still have arrived: trying again is safe and cannot enrol you twice."
            ),
            NoAnswer::Unreachable => "The enrolment service could not be reached. Everything you entered is kept: try again in a moment.".to_owned(),
        }
    }
}

/// POSTs `body` (JSON) with the `Idempotency-Key` header; the status and
/// body of the answer, or why there was none within `timeout_ms`.
pub async fn post(
    url: &str,
    body: &str,
    key: &str,
    timeout_ms: u32,
) -> Result<(u16, String), NoAnswer> {
    let window = web_sys::window().ok_or(NoAnswer::Unreachable)?;
    if !window.navigator().on_line() {
        return Err(NoAnswer::Offline);
    }
    let controller = web_sys::AbortController::new().map_err(|_| NoAnswer::Unreachable)?;
    let signal = controller.signal();
    let abort = Closure::once_into_js(move || controller.abort());
    let timer = window
        .set_timeout_with_callback_and_timeout_and_arguments_0(
            abort.unchecked_ref(),
            i32::try_from(timeout_ms).unwrap_or(20_000),
        )
        .ok();
    let result = async {
        let request = Request::post(url)
            .header("Content-Type", "application/json")
            .header("Idempotency-Key", key)
            .abort_signal(Some(&signal))
            .body(body.to_owned())
            .map_err(|_| NoAnswer::Unreachable)?;
        let response = request.send().await.map_err(|_| NoAnswer::Unreachable)?;
        let status = response.status();
        let text = response.text().await.map_err(|_| NoAnswer::Unreachable)?;
        Ok((status, text))
    }
    .await;
    if let Some(timer) = timer {
        window.clear_timeout_with_handle(timer);
    }
    result.map_err(|e| {
        if signal.aborted() {
            NoAnswer::TimedOut {
                seconds: timeout_ms / 1000,
            }
        } else if !window.navigator().on_line() {
            NoAnswer::Offline
        } else {
            e
        }
    })
}

/// A new idempotency key: a random (version 4) UUID from the browser's
/// cryptographic generator.
pub fn new_key() -> String {
    let mut bytes = [0u8; 16];
    let filled = web_sys::window()
        .and_then(|w| w.crypto().ok())
        .is_some_and(|c| c.get_random_values_with_u8_array(&mut bytes).is_ok());
    if !filled {
        // No crypto (very old browser): still unique enough for one learner.
        for (i, b) in bytes.iter_mut().enumerate() {
            *b = ((js_sys::Math::random() * 256.0) as u8) ^ (i as u8);
        }
    }
    bytes[6] = (bytes[6] & 0x0f) | 0x40;
    bytes[8] = (bytes[8] & 0x3f) | 0x80;
    let hex: String = bytes.iter().map(|b| format!("{b:02x}")).collect();
    format!(
        "{}-{}-{}-{}-{}",
        &hex[0..8],
        &hex[8..12],
        &hex[12..16],
        &hex[16..20],
        &hex[20..32]
    )
}

fn storage() -> Option<web_sys::Storage> {
    web_sys::window()?.local_storage().ok().flatten()
}

/// The stored text under `key`, if any (and if storage is available).
pub fn load(key: &str) -> Option<String> {
    storage()?.get_item(key).ok().flatten()
}

/// Stores `value` under `key`; false when the browser refused (private
/// mode, quota), so the page can say the draft is not being kept.
pub fn save(key: &str, value: &str) -> bool {
    storage().is_some_and(|s| s.set_item(key, value).is_ok())
}

pub fn remove(key: &str) {
    if let Some(s) = storage() {
        let _ = s.remove_item(key);
    }
}

/// Every stored value whose key starts with `prefix`.
pub fn load_all(prefix: &str) -> Vec<String> {
    let Some(s) = storage() else {
        return Vec::new();
    };
    let count = s.length().unwrap_or(0);
    (0..count)
        .filter_map(|i| s.key(i).ok().flatten())
        .filter(|k| k.starts_with(prefix))
        .filter_map(|k| s.get_item(&k).ok().flatten())
        .collect()
}
