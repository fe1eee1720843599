//! The wallet module's side (`src/bin/wallet.rs`): keeps one catalog and one
//! wallet state for the visit, and mounts the list or a badge's page into
//! the app's host element whenever the app asks (and once at start).

use std::any::Any;
use std::cell::RefCell;

use leptos::prelude::*;
use wasm_bindgen::JsCast;
use wasm_bindgen::prelude::*;

use super::host::{HOST_ID, MOUNT_EVENT, UNMOUNT_EVENT};
use super::state::{WalletState, new_wallet};
use super::{WalletBadge, WalletList};
use crate::state::CatalogState;

thread_local! {
    /// The owner of everything that lives for the visit (never dropped).
    static ROOT: RefCell<Option<(Owner, CatalogState, WalletState)>> = const { RefCell::new(None) };
    /// The host element mounted into now, and the mounted view (dropping it
    /// unmounts).
    static MOUNTED: RefCell<Option<(web_sys::HtmlElement, Box<dyn Any>)>> = const { RefCell::new(None) };
}

/// Starts the module: listens for the app's requests and mounts into the
/// host that is on the page now.
pub fn start() {
    console_error_panic_hook::set_once();
    if let Some(window) = web_sys::window() {
        let on_mount = Closure::<dyn Fn(web_sys::CustomEvent)>::new(|e: web_sys::CustomEvent| {
            if let Ok(host) = e.detail().dyn_into::<web_sys::HtmlElement>() {
                mount(host);
            }
        });
        let on_unmount = Closure::<dyn Fn(web_sys::CustomEvent)>::new(|e: web_sys::CustomEvent| {
            if let Ok(host) = e.detail().dyn_into::<web_sys::HtmlElement>() {
                unmount(&host);
            }
        });
        let _ =
            window.add_event_listener_with_callback(MOUNT_EVENT, on_mount.as_ref().unchecked_ref());
        let _ = window
            .add_event_listener_with_callback(UNMOUNT_EVENT, on_unmount.as_ref().unchecked_ref());
        on_mount.forget();
        on_unmount.forget();
        let host = window
            .document()
            .and_then(|d| d.get_element_by_id(HOST_ID))
            .and_then(|e| e.dyn_into::<web_sys::HtmlElement>().ok());
        if let Some(host) = host {
            mount(host);
        }
    }
}

/// Leaves `host` if that is where the wallet is mounted.
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

/// Replaces the host's placeholder with the list, or with one badge's page
/// when the host names a key.
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
    let key = host.get_attribute("data-key");
    host.set_inner_html("");
    let handle = leptos::mount::mount_to(host.clone(), move || {
        // Made on the first mount (mounting sets up the task executor the
        // catalog's fetch needs), under an owner that lives for the visit.
        let (catalog, wallet) = ROOT.with(|r| {
            let mut r = r.borrow_mut();
            let (_, catalog, wallet) = r.get_or_insert_with(|| {
                let owner = Owner::new_root(None);
                let (catalog, wallet) = owner.with(|| (crate::state::new_catalog(), new_wallet()));
                (owner, catalog, wallet)
            });
            (*catalog, *wallet)
        });
        provide_context(catalog);
        provide_context(wallet);
        match key {
            Some(key) => view! { <WalletBadge key /> }.into_any(),
            None => view! { <WalletList /> }.into_any(),
        }
    });
    MOUNTED.with(|m| *m.borrow_mut() = Some((host, Box::new(handle))));
}
