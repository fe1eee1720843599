//! The learner's module: the wallet (`/wallet`, `/wallet/:key`), the
//! enrolment checkout (`/enrol/:cohort`) and register for updates
//! (`/register/:slug`), built as their own wasm module (`src/bin/learner.rs`)
//! and loaded only when one of those routes opens. Together they are ~150 KB
//! (gzip) of view code that no catalog or FAQ visitor needs.
//!
//! The app's routes render a host element (host.rs) naming what to show;
//! the module (module.rs) mounts the view into it. One module, not one per
//! feature: Trunk's no-modules glue declares a global `wasm_bindgen`, so two
//! such modules cannot both load into one page.

pub(crate) mod host;
pub mod module;
