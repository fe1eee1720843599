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
