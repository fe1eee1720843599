//! `src/domain` must stay free of browser and framework crates, and of the
//! shell's I/O modules, so it runs natively in tests and in the CLI, and can
//! move to its own crate unchanged.

use std::path::{Path, PathBuf};

const FORBIDDEN: &[&str] = &[
    "leptos",
    "web_sys",
    "js_sys",
    "gloo",
    "wasm_bindgen",
    "stylance",
    "crate::api",
    "crate::platform",
    "crate::state",
    "crate::components",
    "crate::pages",
    "crate::cli",
    "std::fs",
    "std::net",
    "std::time::SystemTime",
    "std::time::Instant",
];

/// Every forbidden name used in `source`, as `(line number, name)`.
/// Comments are skipped so the module docs may explain the rule.
fn violations(source: &str) -> Vec<(usize, &'static str)> {
    let mut found = Vec::new();
    for (number, line) in source.lines().enumerate() {
        let code = line.split("//").next().unwrap_or_default();
        for name in FORBIDDEN {
            let hit = code.match_indices(name).any(|(at, _)| {
                let before = code[..at].chars().next_back();
                let after = code[at + name.len()..].chars().next();
                let ident = |c: Option<char>| c.is_some_and(|c| c.is_alphanumeric() || c == '_');
                !ident(before) && !ident(after)
            });
            if hit {
                found.push((number + 1, *name));
            }
        }
    }
    found
}

fn rust_files(dir: &Path, out: &mut Vec<PathBuf>) {
    for entry in std::fs::read_dir(dir).expect("src/domain is readable") {
        let path = entry.expect("directory entry").path();
        if path.is_dir() {
            rust_files(&path, out);
        } else if path.extension().is_some_and(|e| e == "rs") {
            out.push(path);
        }
    }
}

#[test]
fn domain_has_no_browser_framework_or_io_dependencies() {
    let mut files = Vec::new();
    rust_files(
        &Path::new(env!("CARGO_MANIFEST_DIR")).join("src/domain"),
        &mut files,
    );
    assert!(
        files.len() >= 5,
        "expected the domain sources, found {files:?}"
    );
    let mut report = Vec::new();
    for file in &files {
        let source = std::fs::read_to_string(file).expect("source is UTF-8");
        for (line, name) in violations(&source) {
            report.push(format!("{}:{line}: uses {name}", file.display()));
        }
    }
    assert!(
        report.is_empty(),
        "the pure core must not depend on these:\n{}",
        report.join("\n")
    );
}

#[test]
fn the_scanner_catches_imports_and_ignores_comments_and_lookalikes() {
    let source = "//! leptos is forbidden here\nuse leptos::prelude::*;\nlet x = web_sys::window(); // web_sys\nlet gloom = 1;\nuse crate::platform::now;\n";
    assert_eq!(
        violations(source),
        vec![(2, "leptos"), (3, "web_sys"), (5, "crate::platform")]
    );
}
