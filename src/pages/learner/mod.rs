//! The learner's pages as two wasm modules of their own, each loaded only
//! when one of its routes opens: the wallet (`/wallet`, `/wallet/:key`;
//! `src/bin/wallet.rs`) and the checkout (`/enrol/:cohort`, and
//! `/register/:slug`; `src/bin/checkout.rs`). Together they are ~150 KB
//! (gzip) of view code that no catalog or FAQ visitor needs, and a wallet
//! visitor does not need the checkout's, nor the reverse.
//!
//! The app's routes render a host element (host.rs) naming what to show;
//! the module (module.rs) mounts the view into it. Trunk's no-modules glue
//! names its loader `wasm_bindgen` (a global `let`), so the checkout's glue
//! is renamed after the build (scripts/glue-rename.mjs) to let both load in
//! one visit.

pub(crate) mod host;
pub mod module;
