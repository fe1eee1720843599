//! A learner module's side (`src/bin/wallet.rs`, `src/bin/checkout.rs`):
//! keeps one catalog for the visit, and mounts the view a host element names
//! whenever the app asks (and once at start).

use std::any::Any;
use std::cell::RefCell;

use leptos::prelude::*;
use wasm_bindgen::JsCast;
use wasm_bindgen::prelude::*;

use super::host::{LOCATION_EVENT, Module};
use crate::state::CatalogState;

/// What lives for the visit, under an owner that is never dropped.
#[derive(Clone)]
pub(crate) struct Shared {
    /// For state that must outlive one mount (the wallet's).
    pub owner: Owner,
    pub catalog: CatalogState,
    /// `location.search`, read again whenever the app says it changed.
    pub search: RwSignal<String>,
}

/// Draws `view` (the host's `data-view`) for `key` (its `data-key`).
type Render = fn(view: &str, key: String, shared: &Shared) -> AnyView;

thread_local! {
    static ROOT: RefCell<Option<Shared>> = const { RefCell::new(None) };
    static RENDER: RefCell<Option<Render>> = const { RefCell::new(None) };
    /// The host element mounted into now, and the mounted view (dropping it
    /// unmounts).
    static MOUNTED: RefCell<Option<(web_sys::HtmlElement, Box<dyn Any>)>> = const { RefCell::new(None) };
}

fn current_search() -> String {
    web_sys::window()
        .and_then(|w| w.location().search().ok())
        .unwrap_or_default()
}

/// The wallet module: the list and a badge's page.
pub fn start_wallet() {
    start(Module::Wallet, |view, key, shared| {
        let wallet = crate::pages::wallet::state::wallet_for_visit(&shared.owner, shared.catalog);
        provide_context(wallet);
        match view {
            "badge" => view! { <crate::pages::wallet::WalletBadge key /> }.into_any(),
            _ => view! { <crate::pages::wallet::WalletList /> }.into_any(),
        }
    });
}

/// The checkout module: enrolment and register for updates.
pub fn start_checkout() {
    start(Module::Checkout, |view, key, shared| match view {
        "register" => crate::pages::register::form::register_page(shared.catalog, key),
        _ => crate::pages::enrol::checkout::checkout_page(shared.catalog, key, shared.search),
    });
}

/// Starts a module: listens for the app's requests and mounts into the host
/// that is on the page now.
fn start(module: Module, render: Render) {
    console_error_panic_hook::set_once();
    RENDER.with(|r| *r.borrow_mut() = Some(render));
    let Some(window) = web_sys::window() else {
        return;
    };
    let listen = |name: &str, act: fn(&web_sys::HtmlElement)| {
        let handler =
            Closure::<dyn Fn(web_sys::CustomEvent)>::new(move |e: web_sys::CustomEvent| {
                if let Ok(host) = e.detail().dyn_into::<web_sys::HtmlElement>() {
                    act(&host);
                }
            });
        let _ = window.add_event_listener_with_callback(name, handler.as_ref().unchecked_ref());
        handler.forget();
    };
    listen(&module.mount_event(), |host| mount(host.clone()));
    listen(&module.unmount_event(), unmount);
    listen(LOCATION_EVENT, |_| {
        ROOT.with(|r| {
            if let Some(root) = r.borrow().as_ref() {
                root.search.set(current_search());
            }
        });
    });
    let host = window
        .document()
        .and_then(|d| d.get_element_by_id(&module.host_id()))
        .and_then(|e| e.dyn_into::<web_sys::HtmlElement>().ok());
    if let Some(host) = host {
        mount(host);
    }
}

/// Leaves `host` if that is where the module is mounted.
fn unmount(host: &web_sys::HtmlElement) {
    // Taken out first: dropping runs cleanups that may look at MOUNTED.
    let previous = MOUNTED.with(|m| {
        let mut m = m.borrow_mut();
        if m.as_ref().is_some_and(|(el, _)| el == host) {
            m.take()
        } else {
            None
        }
    });
    drop(previous);
}

/// The catalog and search signals for the visit (made on the first mount:
/// mounting sets up the task executor the catalog's fetch needs).
fn shared() -> Shared {
    ROOT.with(|r| {
        r.borrow_mut()
            .get_or_insert_with(|| {
                let owner = Owner::new_root(None);
                let (catalog, search) =
                    owner.with(|| (crate::state::new_catalog(), RwSignal::new(current_search())));
                Shared {
                    owner,
                    catalog,
                    search,
                }
            })
            .clone()
    })
}

/// Replaces the host's placeholder with the view it names.
fn mount(host: web_sys::HtmlElement) {
    let previous = MOUNTED.with(|m| {
        let mut m = m.borrow_mut();
        if m.as_ref().is_some_and(|(el, _)| *el == host) {
            return None;
        }
        Some(m.take())
    });
    let Some(previous) = previous else {
        return; // Already mounted here.
    };
    drop(previous);
    let view = host.get_attribute("data-view").unwrap_or_default();
    let key = host.get_attribute("data-key").unwrap_or_default();
    host.set_inner_html("");
    let Some(render) = RENDER.with(|r| *r.borrow()) else {
        let _ = host.remove_attribute("aria-busy");
        return;
    };
    let busy = host.clone();
    let handle = leptos::mount::mount_to(host.clone(), move || {
        let shared = shared();
        provide_context(shared.catalog);
        // Busy until the module's catalog has settled: until then the view
        // is only a spinner (no heading yet), and assistive technology (and
        // the tests) should wait for the page itself.
        let catalog = shared.catalog.0;
        Effect::new(move |_| {
            if catalog.with(Option::is_some) {
                let _ = busy.remove_attribute("aria-busy");
            }
        });
        render(&view, key, &shared)
    });
    MOUNTED.with(|m| *m.borrow_mut() = Some((host, Box::new(handle))));
}
