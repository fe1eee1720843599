//! The badge verifier's Web Worker (see `microcred::worker`). Built by Trunk
//! for wasm32 with the `verifier` feature; elsewhere an empty program.

#[cfg(all(target_arch = "wasm32", feature = "verifier"))]
fn main() {
    microcred::worker::start();
}

#[cfg(not(all(target_arch = "wasm32", feature = "verifier")))]
fn main() {}
