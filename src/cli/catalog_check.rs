//! `microcred catalog check PATH`: the schema first, then the rules.
//!
//! Schema problems are reported first and stop the check when the file cannot
//! be read into the typed model; otherwise the semantic rules run too, so one
//! pass shows staff everything that needs fixing.

use std::io::Write;
use std::process::ExitCode;

use crate::domain::catalog::{Catalog, LoadError, rules};
use crate::domain::json::JsonPath;

/// The schema shipped beside the demo catalog, compiled in so the tool
/// checks against the exact schema this build reads.
pub const SCHEMA: &str = include_str!("../../public/catalog.schema.json");

pub fn run(path: &str, out: &mut dyn Write, err: &mut dyn Write) -> ExitCode {
    let text = match std::fs::read_to_string(path) {
        Ok(text) => text,
        Err(e) => {
            let _ = writeln!(err, "{path}: cannot read the file: {e}");
            return ExitCode::from(2);
        }
    };
    let problems = check_text(&text);
    if problems.is_empty() {
        let _ = writeln!(out, "{path}: OK");
        return ExitCode::SUCCESS;
    }
    for problem in &problems {
        let _ = writeln!(out, "{path}: {problem}");
    }
    let _ = writeln!(
        out,
        "{path}: {} problem{}",
        problems.len(),
        if problems.len() == 1 { "" } else { "s" }
    );
    ExitCode::from(1)
}

/// Every problem in a catalog text: JSON syntax, schema, then rules.
pub fn check_text(text: &str) -> Vec<rules::Problem> {
    let problem = |path: JsonPath, message: String| rules::Problem { path, message };
    let value: serde_json::Value = match serde_json::from_str(text) {
        Ok(value) => value,
        Err(e) => {
            let message = format!("not valid JSON: {e}");
            return vec![problem(JsonPath::root(), message)];
        }
    };
    let schema: serde_json::Value =
        serde_json::from_str(SCHEMA).expect("the bundled schema is valid JSON");
    let validator = jsonschema::validator_for(&schema).expect("the bundled schema compiles");
    let mut problems: Vec<rules::Problem> = validator
        .iter_errors(&value)
        .map(|e| {
            problem(
                JsonPath::from_pointer(e.instance_path().as_str()),
                e.to_string(),
            )
        })
        .collect();
    match Catalog::from_json(text) {
        Ok(catalog) => {
            // A rule problem at a place the schema already flagged would say the same twice.
            let flagged: Vec<JsonPath> = problems.iter().map(|p| p.path.clone()).collect();
            problems.extend(
                rules::check(&catalog)
                    .into_iter()
                    .filter(|p| !flagged.contains(&p.path)),
            );
        }
        // The schema already explained why; add the loader's view only if it did not.
        Err(LoadError::Shape(errors)) if problems.is_empty() => {
            problems.extend(errors.into_iter().map(|e| problem(e.path, e.message)));
        }
        Err(e) if problems.is_empty() => problems.push(problem(JsonPath::root(), e.to_string())),
        Err(_) => {}
    }
    problems
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn the_bundled_schema_is_itself_a_valid_2020_12_schema() {
        let schema: serde_json::Value = serde_json::from_str(SCHEMA).unwrap();
        assert!(jsonschema::meta::is_valid(&schema));
    }
}
