//! `/verify`: an employer pastes a badge's address, pastes its text or
//! drops its file, and gets one plain verdict, what the badge warrants, and
//! every check. Verification runs in the verifier worker (`api::verifier`),
//! so the page never freezes and the first load does not carry it.
//! `/verify?url=…` verifies on arrival: share links point here.

use leptos::prelude::*;
use leptos_router::components::A;

use crate::api;
use crate::components::report::{Last, ReportResult};
use crate::components::{
    BADGE_FILES, FileDrop, Later, OnFiles, PickedFile, Spinner, shared, use_page_title,
};
use crate::domain::report::Report;
use crate::platform;
use crate::state::{CatalogState, use_catalog};

stylance::import_style!(style, "verify.module.css");

/// Where the page is.
#[derive(Clone, PartialEq)]
enum Stage {
    Idle,
    Working(String),
    Done(Box<Report>),
    Failed(String),
}

#[component]
pub fn VerifyPage() -> impl IntoView {
    use_page_title(|| "Verify a badge".to_owned());
    let stage = RwSignal::new(Stage::Idle);
    let last: RwSignal<Last> = RwSignal::new(Last::default());
    let url = RwSignal::new(String::new());
    let run = runner(stage, last, use_catalog());
    verify_on_arrival(run, stage, url);
    let recheck = move |identity: String| {
        let Last { bytes, label, .. } = last.get_untracked();
        run(bytes, label, Some(identity));
    };
    view! {
        <section class=style::page aria-labelledby="verify-title">
            <h1 id="verify-title">"Verify a badge"</h1>
            <p class=style::intro>
                "Check a digital badge in your own browser: whether it is genuine, who issued it and to whom, "
                "whether it has expired or been revoked, and what it vouches for. Nothing you check is sent to us."
            </p>
            {ways(run, stage, url)}
            <div class=style::result>
                {move || match stage.get() {
                    Stage::Idle => ().into_any(),
                    Stage::Working(label) => view! {
                        <Spinner label=format!("Checking {label}…") />
                    }.into_any(),
                    Stage::Failed(message) => view! {
                        <div class=style::failed role="alert"><p>{message}</p></div>
                    }.into_any(),
                    Stage::Done(report) => view! {
                        <ReportResult report=*report last=last.get_untracked() recheck=std::sync::Arc::new(recheck) />
                    }.into_any(),
                }}
            </div>
            <p class=style::noprint>"What the results mean: " <A href=platform::href("/faq#what-do-the-verification-results-mean")>"the FAQ on verification"</A> "."</p>
        </section>
    }
}

/// Verifies bytes in the worker, against the catalog's trusted issuers,
/// and shows the outcome: `run(bytes, what to call them, recipient)`.
fn runner(
    stage: RwSignal<Stage>,
    last: RwSignal<Last>,
    catalog: CatalogState,
) -> impl Fn(Vec<u8>, String, Option<String>) + Copy + Send + Sync + 'static {
    move |bytes: Vec<u8>, label: String, recipient: Option<String>| {
        stage.set(Stage::Working(label.clone()));
        let now = platform::now();
        last.set(Last {
            bytes: bytes.clone(),
            label,
            at: now.to_string(),
        });
        let held = catalog.get_untracked();
        leptos::task::spawn_local(async move {
            let answer = match api::verifier::trusted(held).await {
                Ok(catalog) => {
                    api::verifier::verify(&bytes, &catalog, now, recipient.as_deref()).await
                }
                Err(why) => Err(why),
            };
            let next = match answer.map(|json| Report::from_json(&json)) {
                Ok(Ok(report)) => Stage::Done(Box::new(report)),
                Ok(Err(e)) => Stage::Failed(format!("The verifier could not finish: {e}")),
                Err(message) => Stage::Failed(message),
            };
            let _ = stage.try_set(next);
        });
    }
}

/// A share link verifies as the page opens: the badge itself in the
/// fragment (`/verify#badge=…`, which never reaches any server), or its
/// address in `?url=`.
fn verify_on_arrival(
    run: impl Fn(Vec<u8>, String, Option<String>),
    stage: RwSignal<Stage>,
    url: RwSignal<String>,
) {
    let fragment = web_sys::window()
        .and_then(|w| w.location().hash().ok())
        .filter(|h| h.starts_with("#badge="));
    if let Some(fragment) = fragment {
        match crate::domain::wallet::badge_from_fragment(&fragment) {
            Ok(bytes) => run(bytes, "the badge in this link".to_owned(), None),
            Err(why) => stage.set(Stage::Failed(why)),
        }
    }
    // Read from the address itself, by the browser's own parser: the page
    // needs it once, on arrival.
    let initial = web_sys::window()
        .and_then(|w| w.location().search().ok())
        .and_then(|search| web_sys::UrlSearchParams::new_with_str(&search).ok())
        .and_then(|params| params.get("url"));
    if let Some(address) = initial.filter(|u| !u.trim().is_empty()) {
        url.set(address.clone());
        run(address.trim().as_bytes().to_vec(), address, None);
    }
}

/// The three ways in: the badge's address, its text, or its file.
fn ways(
    run: impl Fn(Vec<u8>, String, Option<String>) + Copy + Send + Sync + 'static,
    stage: RwSignal<Stage>,
    url: RwSignal<String>,
) -> impl IntoView {
    let pasted = RwSignal::new(String::new());
    let on_url = move |ev: leptos::ev::SubmitEvent| {
        ev.prevent_default();
        let address = url.get_untracked().trim().to_owned();
        if address.is_empty() {
            stage.set(Stage::Failed(
                "Type or paste the badge's address first.".to_owned(),
            ));
            return;
        }
        // The address becomes part of this page's URL, so the result can be
        // shared. The router hears of it (the page stays as it is); its own
        // `use_navigate` would bring 3 KB of code into this page for this.
        platform::replace(&platform::href(&format!(
            "/verify?url={}",
            crate::domain::catalog::browse::encode_component(&address)
        )));
        run(address.as_bytes().to_vec(), address, None);
    };
    let on_paste = move |ev: leptos::ev::SubmitEvent| {
        ev.prevent_default();
        let text = pasted.get_untracked();
        if text.trim().is_empty() {
            stage.set(Stage::Failed(
                "Paste the badge's JSON or JWT text first.".to_owned(),
            ));
            return;
        }
        run(
            text.trim().as_bytes().to_vec(),
            "pasted text".to_owned(),
            None,
        );
    };
    let on_files: OnFiles = std::sync::Arc::new(move |files: Vec<PickedFile>| {
        if let Some(file) = files.into_iter().next() {
            run(file.bytes, format!("the file {}", file.name), None);
        }
    });
    view! {
        <div class=style::inputs>
            <form class=style::way on:submit=on_url>
                <label for="verify-url">"The badge's address (URL)"</label>
                <div class=shared::row>
                    <input id="verify-url" type="url" inputmode="url" autocomplete="off" placeholder="https://…" bind:value=url />
                    <button type="submit">"Verify"</button>
                </div>
            </form>
            // A take-over builds the other two ways in a task of their own.
            <Later>
                <form class=style::way on:submit=on_paste>
                    <label for="verify-text">"Or paste the badge itself (JSON or JWT)"</label>
                    <textarea id="verify-text" class=shared::input rows="4" spellcheck="false" bind:value=pasted></textarea>
                    <button type="submit" class=shared::button>"Verify the pasted badge"</button>
                </form>
                <FileDrop
                    id="verify-file"
                    label="Or choose or drop the badge file (JSON, JWT, PNG or SVG)"
                    accept=BADGE_FILES
                    on_files=on_files.clone()
                />
            </Later>
        </div>
    }
}
