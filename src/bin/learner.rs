//! The learner's pages as their own wasm module (see `microcred::pages::learner`),
//! built by Trunk beside the app and loaded only when a wallet, enrolment or
//! register-for-updates route opens.

#[cfg(target_arch = "wasm32")]
fn main() {
    microcred::pages::learner::module::start();
}

#[cfg(not(target_arch = "wasm32"))]
fn main() {}
