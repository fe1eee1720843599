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

/// The path of the value at or just before `line`:`column` (1-based, as
/// serde_json reports errors) in the JSON `text`.
///
/// Why not track the path while deserializing (`serde_path_to_error`)? That
/// wraps every field's deserializer and, monomorphised over the catalog's
/// two dozen types, added about 100 KB to the wasm the app loads first. An
/// error is rare; re-scanning the text once to name its place costs nothing
/// on the happy path. The scan is a small tokenizer that never fails: on
/// malformed text it names the deepest place it reached.
pub fn path_at(text: &str, line: usize, column: usize) -> JsonPath {
    enum Frame {
        Object {
            key: Option<String>,
            expecting_key: bool,
        },
        Array {
            index: usize,
            has_value: bool,
        },
    }
    let target = offset_of(text, line, column);
    let mut stack: Vec<Frame> = Vec::new();
    let bytes = text.as_bytes();
    let mut i = 0;
    let value_starts = |stack: &mut Vec<Frame>| {
        if let Some(Frame::Array { has_value, .. }) = stack.last_mut() {
            *has_value = true;
        }
    };
    while i < bytes.len() && i < target {
        match bytes[i] {
            b'{' => {
                value_starts(&mut stack);
                stack.push(Frame::Object {
                    key: None,
                    expecting_key: true,
                });
            }
            b'[' => {
                value_starts(&mut stack);
                stack.push(Frame::Array {
                    index: 0,
                    has_value: false,
                });
            }
            b'}' | b']' => {
                stack.pop();
            }
            b',' => match stack.last_mut() {
                Some(Frame::Object { key, expecting_key }) => {
                    *key = None;
                    *expecting_key = true;
                }
                Some(Frame::Array { index, has_value }) => {
                    *index += 1;
                    *has_value = false;
                }
                None => {}
            },
            b'"' => {
                let start = i + 1;
                i += 1;
                while i < bytes.len() && bytes[i] != b'"' {
                    i += if bytes[i] == b'\\' { 2 } else { 1 };
                }
                let end = i.min(bytes.len());
                match stack.last_mut() {
                    Some(Frame::Object { key, expecting_key }) if *expecting_key => {
                        let raw = &text[start..end];
                        *key = Some(
                            serde_json::from_str::<String>(&format!("\"{raw}\""))
                                .unwrap_or_else(|_| raw.to_owned()),
                        );
                        *expecting_key = false;
                    }
                    _ => value_starts(&mut stack),
                }
            }
            b' ' | b'\n' | b'\r' | b'\t' | b':' => {}
            _ => value_starts(&mut stack),
        }
        i += 1;
    }
    let mut path = JsonPath::root();
    for frame in &stack {
        path = match frame {
            Frame::Object { key: Some(k), .. } => path.key(k),
            Frame::Array {
                index,
                has_value: true,
            } => path.index(*index),
            _ => path,
        };
    }
    path
}

/// Byte offset of a 1-based line and column (serde_json counts columns in
/// bytes), clamped to the text.
fn offset_of(text: &str, line: usize, column: usize) -> usize {
    let line_start: usize = text
        .split_inclusive('\n')
        .take(line.saturating_sub(1))
        .map(str::len)
        .sum();
    (line_start + column).min(text.len())
}

impl fmt::Display for JsonPath {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        f.write_str("$")?;
        for step in &self.0 {
            match step {
                Step::Index(i) => write!(f, "[{i}]")?,
                Step::Key(k) if is_identifier(k) => write!(f, ".{k}")?,
                Step::Key(k) => write!(f, "[{}]", serde_json::Value::from(k.as_str()))?,
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
    fn finds_the_path_at_a_serde_error_position() {
        let text = "{\n  \"a\": [1, {\"b\": \"x\"}],\n  \"c\": {\"d\": {\"e\": 1}}\n}";
        let error_at = |needle: &str| {
            let offset = text.find(needle).unwrap() + needle.len();
            let line = text[..offset].matches('\n').count() + 1;
            let column = offset - text[..offset].rfind('\n').map_or(0, |n| n + 1);
            path_at(text, line, column).to_string()
        };
        assert_eq!(error_at("\"x\""), "$.a[1].b");
        assert_eq!(error_at("[1"), "$.a[0]");
        assert_eq!(error_at("{\"e\": 1}"), "$.c.d");
        assert_eq!(path_at(text, 99, 1).to_string(), "$");
        assert_eq!(path_at("", 1, 1).to_string(), "$");
        assert_eq!(path_at("[\"unterminated", 1, 40).to_string(), "$[0]");
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
