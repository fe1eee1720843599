//! The `microcred` command-line tool, over the same core the app uses.
//!
//! Native only. Commands write results to `out` and diagnostics to `err` and
//! return the exit code, so tests drive them without spawning a process.
//! `issue`, `bake` and `keygen` come next.

mod catalog_check;
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
  microcred help                 Show this message.

Exit status: 0 when clean or verified, 1 when problems were found, 2 on a usage error.
";

/// Runs the tool with `args` (without the program name).
pub fn run(args: &[String], out: &mut dyn Write, err: &mut dyn Write) -> ExitCode {
    let args: Vec<&str> = args.iter().map(String::as_str).collect();
    match args.as_slice() {
        ["catalog", "check", path] => catalog_check::run(path, out, err),
        ["verify", rest @ ..] => verify::run(rest, out, err),
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
