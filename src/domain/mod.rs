//! The pure core: every rule the product applies, with no browser in sight.
//!
//! Nothing under `domain/` may use `leptos`, `web_sys`, `js_sys`, `gloo`,
//! `wasm_bindgen`, or the shell's own I/O modules (`crate::api`,
//! `crate::platform`, `crate::state`). Time, data and keys come in as
//! arguments; nothing here fetches, reads a clock or touches storage.
//!
//! Why: the same code runs natively in `cargo test` and in the `microcred`
//! CLI, and in the browser inside the wasm app. Keeping it pure is what makes
//! the tests fast and the CLI trustworthy. `tests/architecture.rs` enforces
//! the rule by reading the source.

pub mod catalog;
pub mod checkout;
pub mod config;
pub mod date;
pub mod faq;
pub mod instant;
#[cfg(feature = "verifier")]
pub mod issue;
pub mod json;
pub mod keys;
pub mod markdown;
pub mod money;
pub mod report;
pub mod text;
pub mod verdict;
#[cfg(feature = "verifier")]
pub mod verify;
pub mod wallet;
pub mod worker_protocol;
