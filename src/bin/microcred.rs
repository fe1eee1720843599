//! `microcred`: the staff's command-line tool. See `microcred help`.

#[cfg(not(target_arch = "wasm32"))]
fn main() -> std::process::ExitCode {
    let args: Vec<String> = std::env::args().skip(1).collect();
    let mut stdout = std::io::stdout().lock();
    let mut stderr = std::io::stderr().lock();
    microcred::cli::run(&args, &mut stdout, &mut stderr)
}

#[cfg(target_arch = "wasm32")]
fn main() {}
