//! Micro-credentials: browse a university's catalog, keep a badge wallet and
//! verify Open Badges, all in the browser.
//!
//! The crate is one library with thin binaries:
//! - [`domain`] is the pure core: data, rules, search, keys. No browser, no
//!   clock, no network; tested natively with `cargo test`.
//! - The browser shell (the `api`, `platform`, `state`, `components` and
//!   `pages` modules; the app binary adds the router) exists only on `wasm32`. It wires the
//!   core to Leptos, fetches and storage, and holds no rules of its own.
//! - [`cli`] is the native `microcred` tool for staff (never built for wasm).

pub mod domain;

#[cfg(not(target_arch = "wasm32"))]
pub mod cli;

#[cfg(target_arch = "wasm32")]
pub mod api;
#[cfg(target_arch = "wasm32")]
pub mod components;
#[cfg(target_arch = "wasm32")]
pub mod pages;
#[cfg(target_arch = "wasm32")]
pub mod platform;

#[cfg(target_arch = "wasm32")]
pub mod state;
#[cfg(all(target_arch = "wasm32", feature = "verifier"))]
pub mod worker;
