//! The wallet as its own wasm module (see `microcred::pages::wallet`), built
//! by Trunk beside the app and loaded only when a wallet route opens.

#[cfg(target_arch = "wasm32")]
fn main() {
    microcred::pages::wallet::module::start();
}

#[cfg(not(target_arch = "wasm32"))]
fn main() {}
