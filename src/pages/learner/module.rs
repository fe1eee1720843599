//! The learner module's side (`src/bin/learner.rs`): keeps one catalog (and,
//! once a wallet route has opened, one wallet state) for the visit, and
//! mounts the view a host element names whenever the app asks (and once at
//! start).

use std::any::Any;
use std::cell::RefCell;

use leptos::prelude::*;
use wasm_bindgen::JsCast;
use wasm_bindgen::prelude::*;

use super::host::{HOST_ID, LOCATION_EVENT, MOUNT_EVENT, UNMOUNT_EVENT};
use crate::pages::wallet::state::{WalletState, new_wallet};
use crate::pages::wallet::{WalletBadge, WalletList};
use crate::state::CatalogState;

/// What lives for the visit, under an owner that is never dropped.
struct Root {
    owner: Owner,
    catalog: CatalogState,
    wallet: Option<WalletState>,
    /// `location.search`, read again whenever the app says it changed.
    search: RwSignal<String>,
}

thread_local! {
    static ROOT: RefCell<Option<Root>> = const { RefCell::new(None) };
    /// The host element mounted into now, and the mounted view (dropping it
    /// unmounts).
    static MOUNTED: RefCell<Option<(web_sys::HtmlElement, Box<dyn Any>)>> = const { RefCell::new(None) };
}

fn current_search() -> String {
    web_sys::window()
        .and_then(|w| w.location().search().ok())
        .unwrap_or_default()
}

/// Starts the module: listens for the app's requests and mounts into the
/// host that is on the page now.
pub fn start() {
    console_error_panic_hook::set_once();
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
    listen(MOUNT_EVENT, |host| mount(host.clone()));
    listen(UNMOUNT_EVENT, unmount);
    listen(LOCATION_EVENT, |_| {
        ROOT.with(|r| {
            if let Some(root) = r.borrow().as_ref() {
                root.search.set(current_search());
            }
        });
    });
    let host = window
        .document()
        .and_then(|d| d.get_element_by_id(HOST_ID))
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
/// mounting sets up the task executor the catalog's fetch needs), and the
/// wallet state when `wallet` (made the first time a wallet view asks).
fn root(wallet: bool) -> (CatalogState, Option<WalletState>, RwSignal<String>) {
    ROOT.with(|r| {
        let mut r = r.borrow_mut();
        let root = r.get_or_insert_with(|| {
            let owner = Owner::new_root(None);
            let (catalog, search) =
                owner.with(|| (crate::state::new_catalog(), RwSignal::new(current_search())));
            Root {
                owner,
                catalog,
                wallet: None,
                search,
            }
        });
        if wallet && root.wallet.is_none() {
            root.wallet = Some(root.owner.with(new_wallet));
        }
        (root.catalog, root.wallet, root.search)
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
    let _ = host.remove_attribute("aria-busy");
    let handle = leptos::mount::mount_to(host.clone(), move || {
        let is_wallet = view == "wallet" || view == "badge";
        let (catalog, wallet, search) = root(is_wallet);
        provide_context(catalog);
        if let Some(wallet) = wallet {
            provide_context(wallet);
        }
        match view.as_str() {
            "wallet" => view! { <WalletList /> }.into_any(),
            "badge" => view! { <WalletBadge key /> }.into_any(),
            "enrol" => crate::pages::enrol::checkout::checkout_page(catalog, key, search),
            "register" => crate::pages::register::form::register_page(catalog, key),
            _ => ().into_any(),
        }
    });
    MOUNTED.with(|m| *m.borrow_mut() = Some((host, Box::new(handle))));
}
