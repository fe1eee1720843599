//! A file input that also takes files dropped on it: the verify page's and
//! the wallet's way in for badge files. It reads what was chosen or dropped
//! and hands the page every file's name and bytes at once.

use std::sync::Arc;

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

/// What the page does with the files. Not generic, so one copy of this
/// component's code serves every page, and not a `Callback` (whose arena
/// the first visit would carry only for this).
pub type OnFiles = Arc<dyn Fn(Vec<PickedFile>) + Send + Sync>;

/// The drop zone, its label and the file input with `id`. Without
/// `multiple`, only the first file of a drop is taken.
#[component]
pub fn FileDrop(
    id: &'static str,
    label: &'static str,
    accept: &'static str,
    #[prop(optional)] multiple: bool,
    on_files: OnFiles,
) -> impl IntoView {
    let on_change = {
        let on_files = on_files.clone();
        move |ev: leptos::ev::Event| {
            let Some(input) = ev
                .target()
                .and_then(|t| t.dyn_into::<web_sys::HtmlInputElement>().ok())
            else {
                return;
            };
            if let Some(files) = input.files() {
                take(files, multiple, on_files.clone());
            }
            // The same file can be chosen again later.
            input.set_value("");
        }
    };
    let on_drop = move |ev: leptos::ev::DragEvent| {
        ev.prevent_default();
        dragging(&ev, false);
        if let Some(files) = ev.data_transfer().and_then(|d| d.files()) {
            take(files, multiple, on_files.clone());
        }
    };
    view! {
        <div
            class=style::drop
            on:dragover=|ev: leptos::ev::DragEvent| {
                ev.prevent_default();
                dragging(&ev, true);
            }
            on:dragleave=|ev: leptos::ev::DragEvent| dragging(&ev, false)
            on:drop=on_drop
        >
            <label for=id>{label}</label>
            <input id=id type="file" multiple=multiple accept=accept on:change=on_change />
        </div>
    }
}

/// Reads the chosen or dropped files (only the first without `multiple`)
/// and hands them to `done`.
fn take(files: web_sys::FileList, multiple: bool, done: OnFiles) {
    let count = if multiple {
        files.length()
    } else {
        files.length().min(1)
    };
    let files: Vec<web_sys::File> = (0..count).filter_map(|i| files.get(i)).collect();
    if !files.is_empty() {
        leptos::task::spawn_local(read_all(files, done));
    }
}

/// Marks the zone while files are dragged over it (`data-dragging`, which
/// the stylesheet shows): set on the element directly, no signal needed.
fn dragging(ev: &leptos::ev::DragEvent, over: bool) {
    let Some(zone) = ev
        .current_target()
        .and_then(|t| t.dyn_into::<web_sys::Element>().ok())
    else {
        return;
    };
    let _ = if over {
        zone.set_attribute("data-dragging", "")
    } else {
        zone.remove_attribute("data-dragging")
    };
}

/// Reads every file's bytes (one that cannot be read arrives empty, which
/// the verifier then refuses with a message), then calls `done` once.
async fn read_all(files: Vec<web_sys::File>, done: OnFiles) {
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
    done(picked);
}
