//! A file input that also takes files dropped on it: the verify page's and
//! the wallet's way in for badge files. It reads what was chosen or dropped
//! and hands the page every file's name and bytes at once.

use leptos::prelude::*;
use wasm_bindgen::JsCast;

stylance::import_style!(style, "file_drop.module.css");

/// What a badge file input accepts: JSON, JWT and baked PNG or SVG.
pub const BADGE_FILES: &str =
    ".json,.jwt,.jws,.txt,.png,.svg,application/json,image/png,image/svg+xml";

/// One file as chosen or dropped.
pub struct PickedFile {
    pub name: String,
    pub bytes: Vec<u8>,
}

/// The drop zone, its label and the file input with `id`. Without
/// `multiple`, only the first file of a drop is taken.
#[component]
pub fn FileDrop(
    id: &'static str,
    label: &'static str,
    accept: &'static str,
    #[prop(optional)] multiple: bool,
    // A `Callback`, not a generic closure: one copy of this component's
    // code serves every page that uses it.
    #[prop(into)] on_files: Callback<Vec<PickedFile>>,
) -> impl IntoView {
    let dragging = RwSignal::new(false);
    let take = move |files: web_sys::FileList| {
        let count = if multiple {
            files.length()
        } else {
            files.length().min(1)
        };
        let files: Vec<web_sys::File> = (0..count).filter_map(|i| files.get(i)).collect();
        if !files.is_empty() {
            leptos::task::spawn_local(read_all(files, on_files));
        }
    };
    let on_change = move |ev: leptos::ev::Event| {
        let Some(input) = ev
            .target()
            .and_then(|t| t.dyn_into::<web_sys::HtmlInputElement>().ok())
        else {
            return;
        };
        if let Some(files) = input.files() {
            take(files);
        }
        // The same file can be chosen again later.
        input.set_value("");
    };
    let on_drop = move |ev: leptos::ev::DragEvent| {
        ev.prevent_default();
        dragging.set(false);
        if let Some(files) = ev.data_transfer().and_then(|d| d.files()) {
            take(files);
        }
    };
    let zone_class = move || {
        if dragging.get() {
            format!("{} {}", style::drop, style::dragging)
        } else {
            style::drop.to_owned()
        }
    };
    view! {
        <div
            class=zone_class
            on:dragover=move |ev: leptos::ev::DragEvent| {
                ev.prevent_default();
                dragging.set(true);
            }
            on:dragleave=move |_| dragging.set(false)
            on:drop=on_drop
        >
            <label for=id>{label}</label>
            <input id=id type="file" multiple=multiple accept=accept on:change=on_change />
        </div>
    }
}

/// Reads every file's bytes (one that cannot be read arrives empty, which
/// the verifier then refuses with a message), then calls `done` once.
async fn read_all(files: Vec<web_sys::File>, done: Callback<Vec<PickedFile>>) {
    let mut picked = Vec::with_capacity(files.len());
    for file in files {
        let bytes = wasm_bindgen_futures::JsFuture::from(file.array_buffer())
            .await
            .map(|buffer| js_sys::Uint8Array::new(&buffer).to_vec())
            .unwrap_or_default();
        picked.push(PickedFile {
            name: file.name(),
            bytes,
        });
    }
    done.run(picked);
}
