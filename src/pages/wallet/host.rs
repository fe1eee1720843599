//! The app's side of the wallet routes: a heading and a spinner in a host
//! element, the wallet module loaded (once per visit) and asked to mount
//! into it; on leaving the route, asked to unmount.

use leptos::prelude::*;
use leptos_router::hooks::use_params_map;

use crate::components::{Spinner, use_page_title};
use crate::platform;

/// The module's files, written by Trunk (`data-bin="wallet"`), and the small
/// script that starts it (public/wallet-start.js).
const MODULE_GLUE: &str = "wallet.js";
const MODULE_START: &str = "wallet-start.js";
pub(super) const HOST_ID: &str = "wallet-root";
pub(super) const MOUNT_EVENT: &str = "microcred:wallet-mount";
pub(super) const UNMOUNT_EVENT: &str = "microcred:wallet-unmount";

#[component]
pub fn WalletPage() -> impl IntoView {
    use_page_title(|| "Your wallet".to_owned());
    host(None)
}

#[component]
pub fn WalletBadgePage() -> impl IntoView {
    use_page_title(|| "A badge in your wallet".to_owned());
    let key = Memo::new(move |_| use_params_map().read().get("key").unwrap_or_default());
    // A new key (another badge) mounts again.
    move || host(Some(key.get()))
}

fn host(key: Option<String>) -> impl IntoView {
    let heading = if key.is_some() {
        "A badge in your wallet"
    } else {
        "Your wallet"
    };
    let node = NodeRef::<leptos::html::Div>::new();
    let mounted = StoredValue::new_local(None::<web_sys::HtmlElement>);
    Effect::new(move |_| {
        if let Some(element) = node.get() {
            let element: web_sys::HtmlElement = element.into();
            mounted.set_value(Some(element.clone()));
            load_and_mount(&element);
        }
    });
    on_cleanup(move || {
        if let Some(element) = mounted.try_get_value().flatten() {
            dispatch(UNMOUNT_EVENT, &element);
        }
    });
    view! {
        <div id=HOST_ID data-key=key node_ref=node>
            <h1>{heading}</h1>
            <Spinner label="Opening your wallet…".to_owned() />
            <noscript>"The wallet needs JavaScript and WebAssembly."</noscript>
        </div>
    }
}

/// Tells the wallet module which host element to mount into or leave. (The
/// router may build the next page's host before it disposes of this one, so
/// the element, not the order of events, says which is meant.)
fn dispatch(name: &str, host: &web_sys::HtmlElement) {
    let init = web_sys::CustomEventInit::new();
    init.set_detail(host);
    if let (Some(window), Ok(event)) = (
        web_sys::window(),
        web_sys::CustomEvent::new_with_event_init_dict(name, &init),
    ) {
        let _ = window.dispatch_event(&event);
    }
}

/// The first time: add the module's scripts (in order; the start script
/// mounts once the module is ready). After that: ask it to mount again.
fn load_and_mount(host: &web_sys::HtmlElement) {
    thread_local! {
        static LOADED: std::cell::Cell<bool> = const { std::cell::Cell::new(false) };
    }
    if LOADED.with(|l| l.replace(true)) {
        dispatch(MOUNT_EVENT, host);
        return;
    }
    let Some(document) = web_sys::window().and_then(|w| w.document()) else {
        return;
    };
    for file in [MODULE_GLUE, MODULE_START] {
        let Ok(script) = document.create_element("script") else {
            return;
        };
        let _ = script.set_attribute("src", &platform::asset_url(file));
        // Dynamically added scripts run as soon as they load unless told
        // otherwise: the start script needs the glue first.
        if let Ok(script) = wasm_bindgen::JsCast::dyn_into::<web_sys::HtmlScriptElement>(script) {
            script.set_async(false);
            if let Some(head) = document.head() {
                let _ = head.append_child(&script);
            }
        }
    }
}
