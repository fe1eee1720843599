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

/// Every Rust file under `src/`, with its module path (`pages::enrol::steps`).
fn modules() -> Vec<(String, PathBuf)> {
    let src = Path::new(env!("CARGO_MANIFEST_DIR")).join("src");
    let mut files = Vec::new();
    rust_files(&src, &mut files);
    files
        .into_iter()
        .map(|file| {
            let relative = file
                .strip_prefix(&src)
                .expect("under src")
                .with_extension("");
            let mut parts: Vec<String> = relative
                .components()
                .map(|c| c.as_os_str().to_string_lossy().into_owned())
                .collect();
            if parts
                .last()
                .is_some_and(|p| p == "mod" || p == "lib" || p == "main")
            {
                parts.pop();
            }
            (parts.join("::"), file)
        })
        .collect()
}

/// The modules `source` (the file of module `own`) names through `crate::`,
/// `super::` or `self::` paths, each resolved to the longest known module.
fn uses(own: &str, source: &str, known: &[String]) -> Vec<String> {
    let mut found = Vec::new();
    // Module paths already stand for the folder (`mod.rs`), so `super` is
    // one step up from any file's module.
    let mut parent: Vec<&str> = own.split("::").filter(|p| !p.is_empty()).collect();
    let _ = parent.pop();
    let own_parts: Vec<&str> = own.split("::").filter(|p| !p.is_empty()).collect();
    // Unit tests (at the end of a file) may use anything.
    let source = source.split("#[cfg(test)]").next().unwrap_or_default();
    for line in source.lines() {
        let code = line.split("//").next().unwrap_or_default();
        for (prefix, base) in [
            ("crate::", Vec::new()),
            ("super::", parent.clone()),
            ("self::", own_parts.clone()),
        ] {
            for (at, _) in code.match_indices(prefix) {
                let before = code[..at].chars().next_back();
                if before.is_some_and(|c| c.is_alphanumeric() || c == '_' || c == ':') {
                    continue;
                }
                let rest: Vec<&str> = code[at + prefix.len()..]
                    .split("::")
                    .map(|s| {
                        s.split(|c: char| !(c.is_alphanumeric() || c == '_'))
                            .next()
                            .unwrap_or_default()
                    })
                    .take_while(|s| !s.is_empty())
                    .collect();
                let mut path: Vec<&str> = base.clone();
                let mut best = Some(path.join("::")).filter(|p| known.contains(p));
                for part in rest {
                    path.push(part);
                    let joined = path.join("::");
                    if known.contains(&joined) {
                        best = Some(joined);
                    }
                }
                if let Some(target) = best.filter(|t| t != own) {
                    found.push(target);
                }
            }
        }
    }
    found.sort();
    found.dedup();
    found
}

/// The page folder a module belongs to (`pages::wallet::detail` → `wallet`).
fn page_of(module: &str) -> Option<&str> {
    module.strip_prefix("pages::")?.split("::").next()
}

#[test]
fn no_page_imports_another_page() {
    let modules = modules();
    let known: Vec<String> = modules.iter().map(|(m, _)| m.clone()).collect();
    let mut report = Vec::new();
    for (module, file) in &modules {
        let Some(page) = page_of(module) else {
            continue;
        };
        let source = std::fs::read_to_string(file).expect("source is UTF-8");
        for target in uses(module, &source, &known) {
            if page_of(&target).is_some_and(|other| other != page) {
                report.push(format!("{module} uses {target}"));
            }
        }
    }
    assert!(
        report.is_empty(),
        "a page shares through src/components or src/domain, not another page:\n{}",
        report.join("\n")
    );
}

#[test]
fn modules_do_not_import_each_other_in_a_cycle() {
    let modules = modules();
    let known: Vec<String> = modules.iter().map(|(m, _)| m.clone()).collect();
    assert!(known.len() > 50, "expected every module, found {known:?}");
    // A module may use what its ancestors define (a child reads its
    // folder's constants); every other use is an edge of the graph.
    let edges: Vec<(String, Vec<String>)> = modules
        .iter()
        .map(|(module, file)| {
            let source = std::fs::read_to_string(file).expect("source is UTF-8");
            let targets = uses(module, &source, &known)
                .into_iter()
                .filter(|t| !module.starts_with(&format!("{t}::")) && !t.is_empty())
                .collect();
            (module.clone(), targets)
        })
        .collect();
    let mut cycles = Vec::new();
    for (start, _) in &edges {
        // Depth-first from each module; a path back to it is a cycle.
        let mut stack = vec![(start.clone(), vec![start.clone()])];
        let mut seen = Vec::new();
        while let Some((at, path)) = stack.pop() {
            let next = edges.iter().find(|(m, _)| *m == at).map(|(_, t)| t.clone());
            for target in next.unwrap_or_default() {
                if target == *start {
                    cycles.push(format!("{} -> {target}", path.join(" -> ")));
                } else if !seen.contains(&target) {
                    seen.push(target.clone());
                    let mut longer = path.clone();
                    longer.push(target.clone());
                    stack.push((target, longer));
                }
            }
        }
    }
    cycles.sort();
    cycles.dedup();
    assert!(
        cycles.is_empty(),
        "these modules import each other:\n{}",
        cycles.join("\n")
    );
}

#[test]
fn the_module_scanner_resolves_crate_super_and_self_paths() {
    let known: Vec<String> = [
        "pages::enrol",
        "pages::enrol::steps",
        "pages::enrol::send",
        "pages::verify",
        "components::report",
        "domain::json",
    ]
    .map(str::to_owned)
    .to_vec();
    let source = "//! uses crate::pages::verify in a comment\nuse super::send::submit;\nuse super::{style, DRAFT_KEY};\nuse crate::components::report::{Last, ReportResult};\nlet q = crate::domain::json::quote(k);\nuse crate::pages::verify::Thing; // and crate::pages::enrol::steps here\n";
    assert_eq!(
        uses("pages::enrol::steps", source, &known),
        vec![
            "components::report".to_owned(),
            "domain::json".to_owned(),
            "pages::enrol".to_owned(),
            "pages::enrol::send".to_owned(),
            "pages::verify".to_owned(),
        ]
    );
    assert_eq!(page_of("pages::wallet::detail"), Some("wallet"));
    assert_eq!(page_of("components::report"), None);
}
