//! The `microcred` command-line tool, over the same core the app uses.
//!
//! Native only. Commands write results to `out` and diagnostics to `err` and
//! return the exit code, so tests drive them without spawning a process.

mod catalog_check;
#[cfg(feature = "verifier")]
mod issue;
#[cfg(feature = "verifier")]
mod verify;

use std::io::Write;
use std::process::ExitCode;

const USAGE: &str = "\
microcred: check the catalog and work with Open Badges.

Usage:
  microcred catalog check PATH   Check a catalog file against its JSON Schema and rules.
  microcred verify [--catalog PATH] [--now RFC3339] [--recipient IDENTITY]
                   [--resolve URL=FILE]... [--offline] [--json] INPUT
                                 Verify a badge file (JSON, JWT, PNG or SVG) against the
                                 catalog's issuers (default: public/catalog.json).
                                 --resolve answers a URL (status list, hosted badge) from
                                 a file; --recipient tests who it was issued to.
                                 Exit 0 when verified, 1 for any other verdict.
  microcred keygen ed25519|p256|rsa --out KEYFILE
                                 Make a private key (PKCS#8 PEM, never under public/) and
                                 print its public forms for the catalog.
  microcred issue --key KEYFILE --key-id ID --format FORMAT [--created RFC3339]
                  [--out FILE] TEMPLATE
                                 Sign a credential template. FORMAT: eddsa-rdfc-2022,
                                 eddsa-jcs-2022, vc-jwt (Open Badges 3.0) or ob2-jws (2.0).
  microcred status-list [--size N] [--set I,J,...] [--out FILE] TEMPLATE
                                 Fill a status list credential's bitstring (then sign it).
  microcred bake --image PNG_OR_SVG [--out FILE] CREDENTIAL
                                 Bake a credential (JSON or JWS) into a badge image.
  microcred help                 Show this message.

Exit status: 0 when clean or verified, 1 when problems were found, 2 on a usage error.
";

/// Runs the tool with `args` (without the program name).
pub fn run(args: &[String], out: &mut dyn Write, err: &mut dyn Write) -> ExitCode {
    let args: Vec<&str> = args.iter().map(String::as_str).collect();
    match args.as_slice() {
        ["catalog", "check", path] => catalog_check::run(path, out, err),
        #[cfg(feature = "verifier")]
        ["verify", rest @ ..] => verify::run(rest, out, err),
        #[cfg(feature = "verifier")]
        ["keygen", rest @ ..] => issue::keygen(rest, out, err),
        #[cfg(feature = "verifier")]
        ["issue", rest @ ..] => issue::issue(rest, out, err),
        #[cfg(feature = "verifier")]
        ["status-list", rest @ ..] => issue::status_list(rest, out, err),
        #[cfg(feature = "verifier")]
        ["bake", rest @ ..] => issue::bake(rest, out, err),
        [] | ["help" | "--help" | "-h"] => {
            let _ = out.write_all(USAGE.as_bytes());
            ExitCode::SUCCESS
        }
        _ => {
            let _ = writeln!(
                err,
                "microcred: unrecognised arguments: {}\n\n{USAGE}",
                args.join(" ")
            );
            ExitCode::from(2)
        }
    }
}
