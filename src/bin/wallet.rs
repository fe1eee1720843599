//! The wallet pages as their own wasm module (see `microcred::pages::learner`),
//! built by Trunk beside the app and loaded only when one of its routes opens.

#[cfg(target_arch = "wasm32")]
fn main() {
    microcred::pages::learner::module::start_wallet();
}

#[cfg(not(target_arch = "wasm32"))]
fn main() {}
