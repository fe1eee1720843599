//! A [`Wire`] (the worker protocol's header and bytes) as the plain object
//! that crosses `postMessage`: `{header: string, bytes: Uint8Array}`. The
//! one place either side of the worker touches the message's shape.

use js_sys::{Object, Reflect, Uint8Array};
use wasm_bindgen::{JsCast, JsValue};

use crate::domain::worker_protocol::Wire;

pub fn to_js(wire: &Wire) -> JsValue {
    let message = Object::new();
    let _ = Reflect::set(&message, &"header".into(), &wire.header.as_str().into());
    let _ = Reflect::set(
        &message,
        &"bytes".into(),
        &Uint8Array::from(&wire.bytes[..]),
    );
    message.into()
}

/// The wire in a message, if it is one.
pub fn from_js(message: &JsValue) -> Option<Wire> {
    let header = Reflect::get(message, &"header".into()).ok()?.as_string()?;
    let bytes = Reflect::get(message, &"bytes".into())
        .ok()?
        .dyn_into::<Uint8Array>()
        .ok()?
        .to_vec();
    Some(Wire { header, bytes })
}
