//! JSON paths for error messages: `$.offerings[2].cohorts[0].endDate`.
//!
//! Every error about a data file names the place it found the problem, in the
//! one notation staff can paste into `jq` or an editor's search.

use std::fmt;

/// One step into a JSON document.
#[derive(Debug, Clone, PartialEq, Eq)]
pub enum Step {
    Key(String),
    Index(usize),
}

/// A location in a JSON document, printed as `$.a.b[3]`.
#[derive(Debug, Clone, Default, PartialEq, Eq)]
pub struct JsonPath(pub Vec<Step>);

impl JsonPath {
    pub fn root() -> JsonPath {
        JsonPath(Vec::new())
    }

    /// This path extended by an object key.
    pub fn key(&self, key: &str) -> JsonPath {
        let mut steps = self.0.clone();
        steps.push(Step::Key(key.to_owned()));
        JsonPath(steps)
    }

    /// This path extended by an array index.
    pub fn index(&self, index: usize) -> JsonPath {
        let mut steps = self.0.clone();
        steps.push(Step::Index(index));
        JsonPath(steps)
    }

    /// Converts an RFC 6901 JSON Pointer (`/offerings/0/fee`) into a path.
    /// Numeric tokens become indices, as they are in the documents we check.
    pub fn from_pointer(pointer: &str) -> JsonPath {
        let steps = pointer
            .split('/')
            .skip(1)
            .map(|token| {
                let token = token.replace("~1", "/").replace("~0", "~");
                match token.parse::<usize>() {
                    Ok(i) if !token.starts_with('+') => Step::Index(i),
                    _ => Step::Key(token),
                }
            })
            .collect();
        JsonPath(steps)
    }
}

impl fmt::Display for JsonPath {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        f.write_str("$")?;
        for step in &self.0 {
            match step {
                Step::Index(i) => write!(f, "[{i}]")?,
                Step::Key(k) if is_identifier(k) => write!(f, ".{k}")?,
                Step::Key(k) => write!(f, "[{}]", super::quote::quote(k))?,
            }
        }
        Ok(())
    }
}

fn is_identifier(key: &str) -> bool {
    let mut chars = key.chars();
    chars
        .next()
        .is_some_and(|c| c.is_ascii_alphabetic() || c == '_' || c == '$')
        && chars.all(|c| c.is_ascii_alphanumeric() || c == '_' || c == '$')
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn prints_dotted_and_bracketed_steps() {
        let path = JsonPath::root()
            .key("offerings")
            .index(2)
            .key("cohorts")
            .index(0)
            .key("end date");
        assert_eq!(path.to_string(), r#"$.offerings[2].cohorts[0]["end date"]"#);
    }

    #[test]
    fn converts_json_pointers() {
        assert_eq!(JsonPath::from_pointer("").to_string(), "$");
        assert_eq!(
            JsonPath::from_pointer("/offerings/0/fee").to_string(),
            "$.offerings[0].fee"
        );
        assert_eq!(
            JsonPath::from_pointer("/a~1b/c~0d").to_string(),
            r#"$["a/b"]["c~d"]"#
        );
    }
}
