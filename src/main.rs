//! The web app's entry point: install the panic hook and start the app.
//!
//! The shell and its routes live here, in the `app` binary, not in the
//! library: each lazy route is an exported split point, and an export in the
//! library would keep its page alive in every other binary that links it
//! (the verifier worker, the learner modules).

#[cfg(target_arch = "wasm32")]
mod app;
#[cfg(target_arch = "wasm32")]
mod routes;

#[cfg(target_arch = "wasm32")]
fn main() {
    console_error_panic_hook::set_once();
    app::start();
}

#[cfg(not(target_arch = "wasm32"))]
fn main() {
    eprintln!("The web app is built for the browser: run `trunk serve` (see README.md).");
    std::process::exit(2);
}
