//! Thin wrappers over the browser: the deployment base path, the document
//! title, focus and scrolling. The only `web_sys` caller outside components.
//!
//! The base path comes from the `<base href>` Trunk writes from
//! `--public-url`, so one build knows where it is deployed and every URL the
//! app makes (routes, data files, images) is resolved against it.

use wasm_bindgen::JsCast;
use web_sys::{HtmlElement, ScrollIntoViewOptions, ScrollLogicalPosition};

fn document() -> Option<web_sys::Document> {
    web_sys::window()?.document()
}

/// The path the app is deployed under, without a trailing slash: `""` at the
/// root of a host, `"/courses"` under a sub-path. Read once from `<base>`.
pub fn base_path() -> String {
    thread_local! {
        static BASE: String = {
            let base_uri = document().and_then(|d| d.base_uri().ok().flatten()).unwrap_or_default();
            let path = web_sys::Url::new(&base_uri).map(|u| u.pathname()).unwrap_or_default();
            path.trim_end_matches('/').to_owned()
        };
    }
    BASE.with(Clone::clone)
}

/// An in-app link target: `path` (which starts with `/`) under the
/// deployment base. The router matches routes under its `base`, but `<A>`
/// uses an absolute href as written, and a bare `#fragment` would resolve
/// against `<base href>` (the home page), so every link goes through here.
pub fn href(path: &str) -> String {
    format!("{}{path}", base_path())
}

/// A site-relative path (`"catalog.json"`, `"badges/x.svg"`) as a URL path
/// under the deployment base. http(s) and data URLs pass through unchanged.
pub fn asset_url(path: &str) -> String {
    if path.starts_with("https://") || path.starts_with("http://") || path.starts_with("data:") {
        return path.to_owned();
    }
    format!("{}/{}", base_path(), path.trim_start_matches('/'))
}

/// The URL of a build output that the build renames with a content hash
/// after Trunk (the verifier worker, the wallet and checkout modules): their
/// names are listed in `<meta name="asset-names" content="plain=hashed …">`
/// by `scripts/hash-assets.mjs`. Without the list (a build that skipped the
/// hook), the plain name.
pub fn built_file(name: &str) -> String {
    let hashed = document()
        .and_then(|d| d.query_selector("meta[name=asset-names]").ok().flatten())
        .and_then(|meta| meta.get_attribute("content"))
        .and_then(|list| {
            list.split_whitespace().find_map(|pair| {
                let (plain, hashed) = pair.split_once('=')?;
                (plain == name).then(|| hashed.to_owned())
            })
        });
    asset_url(hashed.as_deref().unwrap_or(name))
}

/// Sets the document title to "`page` · `site`".
pub fn set_title(page: &str, site: &str) {
    if let Some(doc) = document() {
        let title = if page.is_empty() {
            site.to_owned()
        } else {
            format!("{page} · {site}")
        };
        doc.set_title(&title);
    }
}

/// Moves keyboard focus to the element with this id (which should have
/// `tabindex="-1"` if it is not focusable by nature) and scrolls it into view.
pub fn focus_id(id: &str) -> bool {
    let Some(el) = document().and_then(|d| d.get_element_by_id(id)) else {
        return false;
    };
    scroll_to_top(&el);
    if let Ok(html) = el.dyn_into::<HtmlElement>() {
        let _ = html.focus();
    }
    true
}

/// Scrolls `el` to the top of the viewport.
fn scroll_to_top(el: &web_sys::Element) {
    let options = ScrollIntoViewOptions::new();
    options.set_block(ScrollLogicalPosition::Start);
    el.scroll_into_view_with_scroll_into_view_options(&options);
}

/// Opens the `<details>` element with this id, scrolls it to the top of the
/// view and focuses its `<summary>`, so a deep link lands on the answer.
pub fn reveal_details(id: &str) -> bool {
    let Some(el) = document().and_then(|d| d.get_element_by_id(id)) else {
        return false;
    };
    let Ok(details) = el.dyn_into::<web_sys::HtmlDetailsElement>() else {
        return false;
    };
    details.set_open(true);
    scroll_to_top(&details);
    if let Some(summary) = details.query_selector("summary").ok().flatten()
        && let Ok(summary) = summary.dyn_into::<HtmlElement>()
    {
        let _ = summary.focus();
    }
    true
}

/// Today's date in the IANA time zone `tz` (the institution's), from the
/// browser clock. Falls back to the UTC date if the zone is unknown.
///
/// `Temporal` where the browser has it: the first `Intl` date format of a
/// page loads the browser's date-formatting data, ~100 ms at 4× CPU
/// slowdown (measured in Chromium 156), against ~3 ms.
pub fn today_in(tz: &str) -> crate::domain::date::Date {
    let now = js_sys::Date::new_0();
    let local = temporal_date(now.get_time(), tz).or_else(|| {
        let options = js_sys::Object::new();
        js_sys::Reflect::set(&options, &"timeZone".into(), &tz.into()).ok()?;
        // Called through Function.call so that a RangeError for an unknown
        // zone comes back as an Err instead of aborting the module. en-CA
        // writes dates as YYYY-MM-DD.
        js_sys::Reflect::get(&now, &"toLocaleDateString".into())
            .ok()?
            .dyn_into::<js_sys::Function>()
            .ok()?
            .call2(&now, &"en-CA".into(), &options)
            .ok()?
            .as_string()
    });
    local.and_then(|text| text.parse().ok()).unwrap_or_else(|| {
        let days = (now.get_time() / 86_400_000.0).floor() as i64;
        crate::domain::date::Date::from_days_since_epoch(days)
    })
}

/// `Temporal.Instant.fromEpochMilliseconds(ms).toZonedDateTimeISO(tz)
/// .toPlainDate().toString()`: YYYY-MM-DD, or `None` without `Temporal` or
/// for a zone it does not know (each call is caught, none can abort).
fn temporal_date(ms: f64, tz: &str) -> Option<String> {
    use wasm_bindgen::JsValue;
    fn call(on: &JsValue, method: &str, args: &[JsValue]) -> Option<JsValue> {
        let f = js_sys::Reflect::get(on, &method.into())
            .ok()?
            .dyn_into::<js_sys::Function>()
            .ok()?;
        f.apply(on, &args.iter().collect::<js_sys::Array>()).ok()
    }
    let temporal = js_sys::Reflect::get(&js_sys::global(), &"Temporal".into()).ok()?;
    let instant_class = js_sys::Reflect::get(&temporal, &"Instant".into()).ok()?;
    if instant_class.is_undefined() {
        return None;
    }
    let instant = call(&instant_class, "fromEpochMilliseconds", &[ms.into()])?;
    let zoned = call(&instant, "toZonedDateTimeISO", &[tz.into()])?;
    let date = call(&zoned, "toPlainDate", &[])?;
    call(&date, "toString", &[])?.as_string()
}

/// A user-timing mark (`performance.mark`), for the benchmarks
/// (scripts/bench-takeover.mjs reads the take-over's).
pub fn mark(name: &str) {
    let performance = js_sys::Reflect::get(&js_sys::global(), &"performance".into()).ok();
    if let Some(performance) = performance
        && let Ok(mark) = js_sys::Reflect::get(&performance, &"mark".into())
        && let Ok(mark) = mark.dyn_into::<js_sys::Function>()
    {
        let _ = mark.call1(&performance, &name.into());
    }
}

/// Resolves in a new task, letting the browser handle input and paint in
/// between: `scheduler.yield()` where the browser has it (the rest of the
/// work keeps its place in line), else a zero-delay timeout.
pub async fn next_task() {
    let scheduler = js_sys::Reflect::get(&js_sys::global(), &"scheduler".into()).ok();
    let yielded = scheduler
        .as_ref()
        .and_then(|s| js_sys::Reflect::get(s, &"yield".into()).ok())
        .and_then(|f| f.dyn_into::<js_sys::Function>().ok())
        .and_then(|f| f.call0(scheduler.as_ref()?).ok())
        .and_then(|p| p.dyn_into::<js_sys::Promise>().ok());
    let promise = yielded.unwrap_or_else(|| {
        js_sys::Promise::new(&mut |resolve, _| {
            if let Some(window) = web_sys::window() {
                let _ = window.set_timeout_with_callback(&resolve);
            }
        })
    });
    let _ = wasm_bindgen_futures::JsFuture::from(promise).await;
}

/// Whether the viewport is wide enough to show the catalog filters beside
/// the results (the same breakpoint as `catalog.module.css`).
pub fn is_wide() -> bool {
    web_sys::window()
        .and_then(|w| w.match_media("(min-width: 60rem)").ok().flatten())
        .is_some_and(|m| m.matches())
}

/// The current time in Unix seconds.
pub fn now() -> crate::domain::instant::UnixTime {
    crate::domain::instant::UnixTime((js_sys::Date::now() / 1000.0) as i64)
}

/// The absolute address of an in-app path (`/verify?url=…`), for links
/// shared outside the browser: under `site_url` from config.json when set,
/// else under the address this page was opened at.
pub fn absolute_url(path: &str, site_url: Option<&str>) -> String {
    match site_url {
        Some(site) => format!("{}{path}", site.trim_end_matches('/')),
        None => {
            let origin = web_sys::window()
                .and_then(|w| w.location().origin().ok())
                .unwrap_or_default();
            format!("{origin}{}", href(path))
        }
    }
}

/// Offers `bytes` as a download named `file_name`.
pub fn download(bytes: &[u8], file_name: &str, mime: &str) -> bool {
    let array = js_sys::Array::of1(&js_sys::Uint8Array::from(bytes));
    let options = web_sys::BlobPropertyBag::new();
    options.set_type(mime);
    let Ok(blob) = web_sys::Blob::new_with_u8_array_sequence_and_options(&array, &options) else {
        return false;
    };
    let Ok(url) = web_sys::Url::create_object_url_with_blob(&blob) else {
        return false;
    };
    let clicked = document()
        .and_then(|d| d.create_element("a").ok())
        .and_then(|a| a.dyn_into::<web_sys::HtmlAnchorElement>().ok())
        .map(|a| {
            a.set_href(&url);
            a.set_download(file_name);
            a.click();
        })
        .is_some();
    // Revoke after the click has been handled.
    let revoke = wasm_bindgen::closure::Closure::once_into_js(move || {
        let _ = web_sys::Url::revoke_object_url(&url);
    });
    if let Some(w) = web_sys::window() {
        let _ =
            w.set_timeout_with_callback_and_timeout_and_arguments_0(revoke.unchecked_ref(), 1000);
    }
    clicked
}

/// Copies `text` to the clipboard; false when the browser refused.
pub async fn copy_text(text: &str) -> bool {
    let Some(window) = web_sys::window() else {
        return false;
    };
    let clipboard = window.navigator().clipboard();
    wasm_bindgen_futures::JsFuture::from(clipboard.write_text(text))
        .await
        .is_ok()
}

/// Asks the learner to confirm something that cannot be undone.
pub fn confirm(question: &str) -> bool {
    web_sys::window()
        .and_then(|w| w.confirm_with_message(question).ok())
        .unwrap_or(false)
}

/// Goes to an in-app address from code that has no router of its own (the
/// wallet module): a history entry, then the `popstate` the router follows.
/// Done from a timer, so the app's router (which then unmounts the wallet
/// module's view) never runs while the wallet module is still on the stack.
pub fn navigate(href: &str) {
    go_to(href, false);
}

/// As [`navigate`], replacing the current history entry (a URL corrected,
/// not a step the Back button should return to).
pub fn replace(href: &str) {
    go_to(href, true);
}

fn go_to(href: &str, replace: bool) {
    let Some(window) = web_sys::window() else {
        return;
    };
    let href = href.to_owned();
    let go = wasm_bindgen::closure::Closure::once_into_js(move || navigate_now(&href, replace));
    if window
        .set_timeout_with_callback_and_timeout_and_arguments_0(go.unchecked_ref(), 0)
        .is_err()
    {
        let _ = window.location().set_href("/");
    }
}

fn navigate_now(href: &str, replace: bool) {
    let Some(window) = web_sys::window() else {
        return;
    };
    if let Ok(history) = window.history()
        && if replace {
            history.replace_state_with_url(&wasm_bindgen::JsValue::NULL, "", Some(href))
        } else {
            history.push_state_with_url(&wasm_bindgen::JsValue::NULL, "", Some(href))
        }
        .is_ok()
        && let Ok(event) = web_sys::PopStateEvent::new("popstate")
    {
        let _ = window.dispatch_event(&event);
        return;
    }
    let _ = window.location().set_href(href);
}

/// Registers the service worker (`sw.js`, written by the build) for the
/// deployment base, so the site works offline after this visit. Where the
/// browser has none or refuses it (private windows, plain-http hosts), the
/// site simply stays online-only.
pub fn register_service_worker() {
    let Some(window) = web_sys::window() else {
        return;
    };
    let Ok(container) = js_sys::Reflect::get(&window.navigator(), &"serviceWorker".into()) else {
        return;
    };
    let Some(register) = js_sys::Reflect::get(&container, &"register".into())
        .ok()
        .and_then(|f| f.dyn_into::<js_sys::Function>().ok())
    else {
        return;
    };
    let options = js_sys::Object::new();
    let _ = js_sys::Reflect::set(
        &options,
        &"scope".into(),
        &format!("{}/", base_path()).into(),
    );
    if let Ok(promise) = register.call2(&container, &asset_url("sw.js").into(), &options)
        && let Ok(promise) = promise.dyn_into::<js_sys::Promise>()
    {
        let refused =
            wasm_bindgen::closure::Closure::<dyn FnMut(wasm_bindgen::JsValue)>::new(|_| {});
        let _ = promise.catch(&refused);
        refused.forget();
    }
}

/// Whether the browser believes it is online.
pub fn is_online() -> bool {
    web_sys::window().is_none_or(|w| w.navigator().on_line())
}

/// Records `published` (the catalog's `generatedAt`) as the catalog this
/// browser has seen, and says whether an earlier visit saw another one.
pub fn catalog_changed(published: i64) -> bool {
    const KEY: &str = "microcred:catalog-seen";
    let Some(storage) = web_sys::window().and_then(|w| w.local_storage().ok().flatten()) else {
        return false;
    };
    let now = published.to_string();
    let before = storage.get_item(KEY).ok().flatten();
    let _ = storage.set_item(KEY, &now);
    before.is_some_and(|b| b != now)
}

/// What the learner typed into the text fields of a pre-rendered page before
/// the app took over ((field id, value) pairs), the boxes they ticked, and
/// which element had focus.
pub struct Typed {
    fields: Vec<(String, String)>,
    /// Checkboxes ticked or cleared, by id, with their new state.
    ticked: Vec<(String, bool)>,
    focused: Option<String>,
}

/// The `<input type>`s whose value is text a person types.
const TEXT_INPUTS: [&str; 7] = [
    "text", "search", "email", "tel", "url", "number", "password",
];

/// Reads [`Typed`] from `root` (the pre-rendered copy of the page).
pub fn typed_in(root: &web_sys::Element) -> Typed {
    let mut fields = Vec::new();
    let mut ticked = Vec::new();
    if let Ok(inputs) = root.query_selector_all("input[id], textarea[id]") {
        for i in 0..inputs.length() {
            let Some(node) = inputs.item(i) else { continue };
            let (id, value, default) =
                if let Some(input) = node.dyn_ref::<web_sys::HtmlInputElement>() {
                    if input.type_() == "checkbox" {
                        if input.checked() != input.default_checked() {
                            ticked.push((input.id(), input.checked()));
                        }
                        continue;
                    }
                    // Text only: a file input's value cannot be set.
                    if !TEXT_INPUTS.contains(&input.type_().as_str()) {
                        continue;
                    }
                    (input.id(), input.value(), input.default_value())
                } else if let Some(area) = node.dyn_ref::<web_sys::HtmlTextAreaElement>() {
                    (
                        area.id(),
                        area.value(),
                        area.default_value().unwrap_or_default(),
                    )
                } else {
                    continue;
                };
            if value != default {
                fields.push((id, value));
            }
        }
    }
    let focused = document()
        .and_then(|d| d.active_element())
        .filter(|el| root.contains(Some(el)))
        .map(|el| el.id())
        .filter(|id| !id.is_empty());
    Typed {
        fields,
        ticked,
        focused,
    }
}

/// Puts [`Typed`] into the live page's fields of the same ids (as if typed,
/// so the app sees an `input` event) and gives focus back.
pub fn restore_typed(typed: Typed) {
    let Some(doc) = document() else { return };
    for (id, value) in typed.fields {
        let Some(el) = doc.get_element_by_id(&id) else {
            continue;
        };
        if let Some(input) = el.dyn_ref::<web_sys::HtmlInputElement>() {
            input.set_value(&value);
        } else if let Some(area) = el.dyn_ref::<web_sys::HtmlTextAreaElement>() {
            area.set_value(&value);
        }
        let init = web_sys::CustomEventInit::new();
        init.set_bubbles(true);
        if let Ok(event) = web_sys::CustomEvent::new_with_event_init_dict("input", &init) {
            let _ = el.dispatch_event(&event);
        }
    }
    // A box ticked in the copy is ticked again, as a click: the live page's
    // own handlers see it as they would a person's.
    for (id, checked) in typed.ticked {
        if let Some(input) = doc
            .get_element_by_id(&id)
            .and_then(|el| el.dyn_into::<web_sys::HtmlInputElement>().ok())
            && input.checked() != checked
        {
            input.click();
        }
    }
    if let Some(id) = typed.focused
        && let Some(el) = doc.get_element_by_id(&id)
        && let Ok(el) = el.dyn_into::<HtmlElement>()
    {
        let _ = el.focus();
    }
}
