//! Browser unit tests of the adapters, in headless Chromium through
//! wasm-bindgen-test. Skipped by host `cargo test`; `scripts/test` runs them
//! with a real local HTTP server (tests/e2e/server.mjs on port 4180, or
//! MICROCRED_TEST_SERVER at compile time).
#![cfg(target_arch = "wasm32")]

use leptos::prelude::*;
use microcred::api::catalog::fetch_catalog_from;
use microcred::components::Spinner;
use wasm_bindgen::JsCast;
use wasm_bindgen_test::*;

wasm_bindgen_test_configure!(run_in_browser);

fn server() -> &'static str {
    option_env!("MICROCRED_TEST_SERVER").unwrap_or("http://127.0.0.1:4180")
}

#[wasm_bindgen_test]
async fn the_catalog_adapter_loads_the_served_demo_catalog() {
    let catalog = fetch_catalog_from(&format!("{}/catalog.json", server()))
        .await
        .expect("the demo catalog loads");
    assert_eq!(catalog.institution.name, "Kestrel University");
    assert_eq!(catalog.series[0].offerings.len(), 4);
}

#[wasm_bindgen_test]
async fn a_missing_catalog_is_reported_as_missing_with_its_url() {
    let url = format!("{}/__fixtures__/missing/catalog.json", server());
    let err = fetch_catalog_from(&url)
        .await
        .expect_err("a 404 is an error");
    assert_eq!(err.file, "catalog.json");
    assert!(
        err.problem.contains("404") && err.problem.contains(&url),
        "{}",
        err.problem
    );
}

#[wasm_bindgen_test]
async fn a_malformed_catalog_names_the_line_and_column() {
    let url = format!("{}/__fixtures__/malformed/catalog.json", server());
    let err = fetch_catalog_from(&url)
        .await
        .expect_err("malformed JSON is an error");
    assert!(
        err.problem.contains("not valid JSON") && err.problem.contains("line"),
        "{}",
        err.problem
    );
}

#[wasm_bindgen_test]
async fn an_unreachable_server_is_a_network_error_not_a_panic() {
    let err = fetch_catalog_from("http://127.0.0.1:9/catalog.json")
        .await
        .expect_err("nothing listens on port 9");
    assert!(
        err.problem.contains("did not reach the server"),
        "{}",
        err.problem
    );
}

#[wasm_bindgen_test]
async fn the_spinner_is_announced_to_screen_readers() {
    let document = document();
    let host = document.create_element("div").unwrap();
    document.body().unwrap().append_child(&host).unwrap();
    let _mounted = leptos::mount::mount_to(host.clone().unchecked_into(), || {
        view! { <Spinner label="Loading the catalog…" /> }
    });
    let status = host
        .query_selector("[role=status]")
        .unwrap()
        .expect("the spinner has role=status");
    assert_eq!(
        status.text_content().as_deref(),
        Some("Loading the catalog…")
    );
    let wheel = status.query_selector("[aria-hidden=true]").unwrap();
    assert!(
        wheel.is_some(),
        "the animation is hidden from assistive technology"
    );
}

#[wasm_bindgen_test]
fn drafts_are_kept_in_local_storage_and_found_by_prefix() {
    use microcred::api::submit;
    assert!(submit::save("microcred.test.a", "{\"n\":1}"));
    assert!(submit::save("microcred.test.b", "two"));
    assert!(submit::save("other.test", "three"));
    assert_eq!(
        submit::load("microcred.test.a").as_deref(),
        Some("{\"n\":1}")
    );
    let mut found = submit::load_all("microcred.test.");
    found.sort();
    assert_eq!(found, ["two", "{\"n\":1}"]);
    for key in ["microcred.test.a", "microcred.test.b", "other.test"] {
        submit::remove(key);
    }
    assert_eq!(submit::load("microcred.test.a"), None);
}

#[wasm_bindgen_test]
fn idempotency_keys_are_random_version_4_uuids() {
    let (a, b) = (
        microcred::api::submit::new_key(),
        microcred::api::submit::new_key(),
    );
    assert_ne!(a, b);
    let parts: Vec<&str> = a.split('-').collect();
    assert_eq!(
        parts.iter().map(|p| p.len()).collect::<Vec<_>>(),
        [8, 4, 4, 4, 12]
    );
    assert!(parts[2].starts_with('4'), "{a}");
    assert!("89ab".contains(&parts[3][..1]), "{a}");
    assert!(a.chars().all(|c| c == '-' || c.is_ascii_hexdigit()));
}

#[wasm_bindgen_test]
async fn a_submission_gets_the_status_and_body_or_says_why_there_was_none() {
    use microcred::api::submit::{NoAnswer, post};
    // A real cross-origin POST with the key header (the server answers the
    // preflight) returns whatever status the server gives.
    let (status, body) = post(
        &format!("{}/config.json", server()),
        "{}",
        "6f1c1c1e-1d1b-4c8e-9a7f-1e2d3c4b5a69",
        5000,
    )
    .await
    .expect("an answer");
    assert_eq!(status, 200);
    assert!(body.contains("enrolment_endpoint"), "{body}");
    let (status, _) = post(
        &format!("{}/__fixtures__/servererror/catalog.json", server()),
        "{}",
        "k",
        5000,
    )
    .await
    .expect("an answer");
    assert_eq!(status, 500);
    // Nothing listens on port 9.
    assert_eq!(
        post("http://127.0.0.1:9/enrolments", "{}", "k", 5000).await,
        Err(NoAnswer::Unreachable)
    );
}

#[wasm_bindgen_test]
fn today_in_a_zone_is_the_date_the_browser_formats_there() {
    // The reference is the browser's own formatter; `today_in` takes
    // Temporal where there is one.
    for zone in [
        "Australia/Sydney",
        "Pacific/Kiritimati",
        "Pacific/Pago_Pago",
        "UTC",
    ] {
        let expected = js_sys::Function::new_with_args(
            "zone",
            "return new Intl.DateTimeFormat('en-CA', { timeZone: zone }).format(new Date())",
        )
        .call1(&wasm_bindgen::JsValue::UNDEFINED, &zone.into())
        .unwrap()
        .as_string()
        .unwrap();
        assert_eq!(
            microcred::platform::today_in(zone).to_string(),
            expected,
            "{zone}"
        );
    }
    // An unknown zone falls back to the UTC date, without aborting.
    assert_eq!(
        microcred::platform::today_in("Mars/Olympus_Mons"),
        microcred::platform::today_in("UTC")
    );
}

/// Lets the reactive system's queued work (render effects) run.
async fn settle() {
    let tick = js_sys::Promise::resolve(&wasm_bindgen::JsValue::NULL);
    wasm_bindgen_futures::JsFuture::from(tick).await.unwrap();
    microcred::platform::next_task().await;
}

#[wasm_bindgen_test]
async fn a_take_over_builds_later_regions_one_task_each_and_in_steps() {
    use microcred::components::{Later, in_steps, later};
    let host = document().create_element("div").unwrap();
    later::begin();
    let _mounted = leptos::mount::mount_to(host.clone().unchecked_into(), || {
        let shown = in_steps(7, 2, 3);
        view! {
            <p id="first">"At once"</p>
            <Later><p id="second">"Later"</p></Later>
            <Later><p id="third">"Later still"</p></Later>
            <ul>{move || (0..shown.get()).map(|i| view! { <li>{i}</li> }).collect_view()}</ul>
        }
    });
    let has = |id: &str| host.query_selector(&format!("#{id}")).unwrap().is_some();
    let items = || host.query_selector_all("li").unwrap().length();
    settle().await;
    assert!(has("first") && !has("second") && !has("third"));
    assert_eq!(items(), 2);
    // In the order they were asked for: the list's steps (2 → 5 → 7 items)
    // first, then the two regions, one per step.
    let mut seen = Vec::new();
    while later::run_next() {
        settle().await;
        seen.push((items(), has("second"), has("third")));
    }
    later::finish();
    assert_eq!(
        seen,
        [
            (5, false, false),
            (7, false, false),
            (7, true, false),
            (7, true, true)
        ]
    );
    // After the take-over, nothing waits.
    assert!(!later::deferring());
    let other = document().create_element("div").unwrap();
    let _again = leptos::mount::mount_to(other.clone().unchecked_into(), || {
        let shown = in_steps(7, 2, 3);
        view! {
            <Later><p id="now">"Now"</p></Later>
            <ul>{move || (0..shown.get()).map(|i| view! { <li>{i}</li> }).collect_view()}</ul>
        }
    });
    assert!(other.query_selector("#now").unwrap().is_some());
    assert_eq!(other.query_selector_all("li").unwrap().length(), 7);
}
