//! The app's side of the learner's routes: a heading and a spinner in a host
//! element that names the view, the module that serves it loaded (once per
//! visit) and asked to mount into it; on leaving the route, asked to unmount.

use leptos::prelude::*;
use leptos_router::hooks::use_location;

use crate::components::Spinner;
use crate::platform;

/// Which module serves a view: each is built by Trunk from its own binary
/// (`data-bin`), with a small start script in `public/`.
#[derive(Clone, Copy, PartialEq, Eq)]
pub(crate) enum Module {
    Wallet,
    Checkout,
}

impl Module {
    fn name(self) -> &'static str {
        match self {
            Module::Wallet => "wallet",
            Module::Checkout => "checkout",
        }
    }

    /// The host element's id, which the module looks for when it starts.
    pub(super) fn host_id(self) -> String {
        format!("{}-root", self.name())
    }

    /// The module is asked to mount into the host named in the event.
    pub(super) fn mount_event(self) -> String {
        format!("microcred:{}-mount", self.name())
    }

    pub(super) fn unmount_event(self) -> String {
        format!("microcred:{}-unmount", self.name())
    }
}

/// The address's query changed (a checkout step): the module reads it again.
pub(super) const LOCATION_EVENT: &str = "microcred:location";

/// What the module is asked to show in a host.
#[derive(Clone, Copy, PartialEq, Eq)]
pub(crate) enum View {
    Wallet,
    Badge,
    Enrol,
    Register,
}

impl View {
    fn module(self) -> Module {
        match self {
            View::Wallet | View::Badge => Module::Wallet,
            View::Enrol | View::Register => Module::Checkout,
        }
    }

    pub(super) fn name(self) -> &'static str {
        match self {
            View::Wallet => "wallet",
            View::Badge => "badge",
            View::Enrol => "enrol",
            View::Register => "register",
        }
    }
}

/// The host element for `view` (with `key`: a badge, cohort or slug), with
/// `heading` and a spinner until the module mounts.
pub(crate) fn module_host(
    view: View,
    key: Option<String>,
    heading: String,
    loading: &'static str,
) -> impl IntoView {
    let module = view.module();
    let node = NodeRef::<leptos::html::Div>::new();
    let mounted = StoredValue::new_local(None::<web_sys::HtmlElement>);
    Effect::new(move |_| {
        if let Some(element) = node.get() {
            let element: web_sys::HtmlElement = element.into();
            mounted.set_value(Some(element.clone()));
            load_and_mount(module, &element);
        }
    });
    // Checkout steps are the query: tell the module when it changes.
    let search = use_location().search;
    Effect::new(move |first: Option<()>| {
        // Read, not only tracked: a memo nobody reads is never re-evaluated.
        search.with(|_| ());
        if first.is_some()
            && let Some(element) = mounted.try_get_value().flatten()
        {
            dispatch(LOCATION_EVENT, &element);
        }
    });
    on_cleanup(move || {
        if let Some(element) = mounted.try_get_value().flatten() {
            dispatch(&module.unmount_event(), &element);
        }
    });
    view! {
        // Busy until the module has mounted (it removes the attribute).
        <div id=module.host_id() data-view=view.name() data-key=key aria-busy="true" node_ref=node>
            <h1>{heading}</h1>
            <Spinner label=loading.to_owned() />
            <noscript>"This page needs JavaScript and WebAssembly."</noscript>
        </div>
    }
}

/// Tells the module which host element to mount into or leave. (The router
/// may build the next page's host before it disposes of this one, so the
/// element, not the order of events, says which is meant.)
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
fn load_and_mount(module: Module, host: &web_sys::HtmlElement) {
    thread_local! {
        static LOADED: std::cell::RefCell<Vec<&'static str>> = const { std::cell::RefCell::new(Vec::new()) };
    }
    let name = module.name();
    let loaded = LOADED.with(|l| {
        let mut l = l.borrow_mut();
        let seen = l.contains(&name);
        if !seen {
            l.push(name);
        }
        seen
    });
    if loaded {
        dispatch(&module.mount_event(), host);
        return;
    }
    let Some(document) = web_sys::window().and_then(|w| w.document()) else {
        return;
    };
    for file in [format!("{name}.js"), format!("{name}-start.js")] {
        let Ok(script) = document.create_element("script") else {
            return;
        };
        let _ = script.set_attribute("src", &platform::built_file(&file));
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
