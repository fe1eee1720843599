//! The web app's entry point: install the panic hook and start the app.

#[cfg(target_arch = "wasm32")]
fn main() {
    console_error_panic_hook::set_once();
    microcred::start();
}

#[cfg(not(target_arch = "wasm32"))]
fn main() {
    eprintln!("The web app is built for the browser: run `trunk serve` (see README.md).");
    std::process::exit(2);
}
