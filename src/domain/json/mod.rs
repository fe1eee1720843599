//! A small JSON reader for the data files the app loads first (the catalog
//! and the FAQ), with errors that name the place of every problem.
//!
//! Why not `serde_json` with `#[derive(Deserialize)]`: serde monomorphises a
//! visitor per type and per field type, and over the catalog's two dozen
//! types that came to roughly a third of the app's wasm (measured in
//! `docs/BENCHMARKS.md`). Here the text is parsed once into a [`Json`] tree by
//! one non-generic function, and each model type reads its fields with a
//! line per field ([`Reader::req`], [`Reader::opt`], [`Reader::list`]). The
//! reader knows where it is, so every error carries its exact JSON path, and
//! it carries on after an error, so one pass lists every problem.
//!
//! serde and serde_json remain the tools for everything else (badges, the
//! CLI's schema check, the verifier), where the code does not count against
//! the first load.
//!
//! Limits, so that no input can exhaust the stack or hang: nesting is capped
//! at [`MAX_DEPTH`]; every other step is linear in the text.

use std::fmt;

mod path;
mod quote;

pub use path::{JsonPath, Step};
pub use quote::quote;

/// Deeper documents are refused rather than risk the stack.
pub const MAX_DEPTH: usize = 128;

/// A parsed JSON value.
#[derive(Debug, Clone, PartialEq)]
pub struct Json {
    pub value: Value,
}

#[derive(Debug, Clone, PartialEq)]
pub enum Value {
    Null,
    Bool(bool),
    /// The number exactly as written; converted when a reader asks for it.
    Number(String),
    String(String),
    Array(Vec<Json>),
    /// Members in document order. Keys are unique (the parser refuses
    /// duplicates: two values for one field is a mistake in a data file).
    Object(Vec<(String, Json)>),
}

/// Text that is not JSON, with the 1-based line and column (in characters)
/// where reading stopped.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct SyntaxError {
    pub line: usize,
    pub column: usize,
    pub message: String,
}

/// Parses a complete JSON document.
pub fn parse(text: &str) -> Result<Json, SyntaxError> {
    let mut parser = Parser {
        text,
        bytes: text.as_bytes(),
        pos: 0,
    };
    let result = parser.value(0).and_then(|json| {
        parser.skip_space();
        if parser.pos < parser.bytes.len() {
            Err("there is more text after the end of the JSON value")
        } else {
            Ok(json)
        }
    });
    result.map_err(|message| {
        let before = &text[..floor_char_boundary(text, parser.pos)];
        let line_start = before.rfind('\n').map_or(0, |i| i + 1);
        SyntaxError {
            line: before.matches('\n').count() + 1,
            column: before[line_start..].chars().count() + 1,
            message: message.to_owned(),
        }
    })
}

fn floor_char_boundary(text: &str, mut index: usize) -> usize {
    index = index.min(text.len());
    while !text.is_char_boundary(index) {
        index -= 1;
    }
    index
}

struct Parser<'a> {
    text: &'a str,
    bytes: &'a [u8],
    pos: usize,
}

type Parsed<T> = Result<T, &'static str>;

impl Parser<'_> {
    fn skip_space(&mut self) {
        while let Some(b' ' | b'\n' | b'\r' | b'\t') = self.bytes.get(self.pos) {
            self.pos += 1;
        }
    }

    fn peek(&self) -> Option<u8> {
        self.bytes.get(self.pos).copied()
    }

    fn expect(&mut self, byte: u8, message: &'static str) -> Parsed<()> {
        self.skip_space();
        if self.peek() == Some(byte) {
            self.pos += 1;
            Ok(())
        } else {
            Err(message)
        }
    }

    fn value(&mut self, depth: usize) -> Parsed<Json> {
        if depth > MAX_DEPTH {
            return Err("the JSON is nested too deeply (more than 128 levels)");
        }
        self.skip_space();
        let value = match self.peek() {
            Some(b'{') => self.object(depth)?,
            Some(b'[') => self.array(depth)?,
            Some(b'"') => Value::String(self.string()?),
            Some(b'-' | b'0'..=b'9') => self.number()?,
            Some(b't') => self.word("true", Value::Bool(true))?,
            Some(b'f') => self.word("false", Value::Bool(false))?,
            Some(b'n') => self.word("null", Value::Null)?,
            Some(_) => {
                return Err(
                    "expected a value (object, array, string, number, true, false or null)",
                );
            }
            None => return Err("the text ends where a value was expected"),
        };
        Ok(Json { value })
    }

    fn word(&mut self, word: &'static str, value: Value) -> Parsed<Value> {
        if self.bytes[self.pos..].starts_with(word.as_bytes()) {
            self.pos += word.len();
            Ok(value)
        } else {
            Err("expected a value (object, array, string, number, true, false or null)")
        }
    }

    fn object(&mut self, depth: usize) -> Parsed<Value> {
        self.pos += 1; // '{'
        let mut members: Vec<(String, Json)> = Vec::new();
        self.skip_space();
        if self.peek() == Some(b'}') {
            self.pos += 1;
            return Ok(Value::Object(members));
        }
        loop {
            self.skip_space();
            if self.peek() != Some(b'"') {
                return Err("expected a key in double quotes");
            }
            let key_at = self.pos;
            let key = self.string()?;
            if members.iter().any(|(k, _)| *k == key) {
                self.pos = key_at;
                return Err("this key appears twice in the same object");
            }
            self.expect(b':', "expected ‘:’ after the key")?;
            let value = self.value(depth + 1)?;
            members.push((key, value));
            self.skip_space();
            match self.peek() {
                Some(b',') => self.pos += 1,
                Some(b'}') => {
                    self.pos += 1;
                    return Ok(Value::Object(members));
                }
                _ => return Err("expected ‘,’ or ‘}’ after an object member"),
            }
        }
    }

    fn array(&mut self, depth: usize) -> Parsed<Value> {
        self.pos += 1; // '['
        let mut items = Vec::new();
        self.skip_space();
        if self.peek() == Some(b']') {
            self.pos += 1;
            return Ok(Value::Array(items));
        }
        loop {
            items.push(self.value(depth + 1)?);
            self.skip_space();
            match self.peek() {
                Some(b',') => self.pos += 1,
                Some(b']') => {
                    self.pos += 1;
                    return Ok(Value::Array(items));
                }
                _ => return Err("expected ‘,’ or ‘]’ after an array item"),
            }
        }
    }

    fn number(&mut self) -> Parsed<Value> {
        let start = self.pos;
        self.number_end().inspect_err(|_| self.pos = start)?;
        Ok(Value::Number(self.text[start..self.pos].to_owned()))
    }

    /// Moves past a number, checking its grammar.
    fn number_end(&mut self) -> Parsed<()> {
        let digits = |p: &mut Self| {
            let from = p.pos;
            while let Some(b'0'..=b'9') = p.peek() {
                p.pos += 1;
            }
            p.pos - from
        };
        if self.peek() == Some(b'-') {
            self.pos += 1;
        }
        let int_start = self.pos;
        match digits(self) {
            0 => return Err("a number needs digits"),
            n if n > 1 && self.bytes[int_start] == b'0' => {
                return Err("a number may not start with 0");
            }
            _ => {}
        }
        if self.peek() == Some(b'.') {
            self.pos += 1;
            if digits(self) == 0 {
                return Err("a number needs digits after the decimal point");
            }
        }
        if let Some(b'e' | b'E') = self.peek() {
            self.pos += 1;
            if let Some(b'+' | b'-') = self.peek() {
                self.pos += 1;
            }
            if digits(self) == 0 {
                return Err("a number needs digits in its exponent");
            }
        }
        Ok(())
    }

    /// Reads a string starting at its opening quote.
    fn string(&mut self) -> Parsed<String> {
        self.pos += 1; // '"'
        let mut out = String::new();
        loop {
            let run_start = self.pos;
            while let Some(&b) = self.bytes.get(self.pos) {
                if b == b'"' || b == b'\\' || b < 0x20 {
                    break;
                }
                self.pos += 1;
            }
            // The run stops only at ASCII bytes, so it ends on a char boundary.
            out.push_str(&self.text[run_start..self.pos]);
            match self.peek() {
                Some(b'"') => {
                    self.pos += 1;
                    return Ok(out);
                }
                Some(b'\\') => {
                    self.pos += 1;
                    out.push(self.escape()?);
                }
                Some(_) => {
                    return Err(
                        "a string may not contain a raw control character (use \\n, \\t, …)",
                    );
                }
                None => return Err("the text ends inside a string"),
            }
        }
    }

    fn escape(&mut self) -> Parsed<char> {
        let Some(b) = self.peek() else {
            return Err("the text ends inside a string");
        };
        self.pos += 1;
        Ok(match b {
            b'"' => '"',
            b'\\' => '\\',
            b'/' => '/',
            b'b' => '\u{8}',
            b'f' => '\u{c}',
            b'n' => '\n',
            b'r' => '\r',
            b't' => '\t',
            b'u' => {
                let high = self.hex4()?;
                match high {
                    0xD800..=0xDBFF => {
                        if !self.bytes[self.pos..].starts_with(b"\\u") {
                            return Err(
                                "a \\u escape names half of a character (unpaired surrogate)",
                            );
                        }
                        self.pos += 2;
                        let low = self.hex4()?;
                        if !(0xDC00..=0xDFFF).contains(&low) {
                            return Err(
                                "a \\u escape names half of a character (unpaired surrogate)",
                            );
                        }
                        let code = 0x10000 + ((high - 0xD800) << 10) + (low - 0xDC00);
                        char::from_u32(code).ok_or("invalid \\u escape")?
                    }
                    0xDC00..=0xDFFF => {
                        return Err("a \\u escape names half of a character (unpaired surrogate)");
                    }
                    code => char::from_u32(code).ok_or("invalid \\u escape")?,
                }
            }
            _ => {
                self.pos -= 1;
                return Err(
                    "unknown escape in a string (valid: \\\" \\\\ \\/ \\b \\f \\n \\r \\t \\uXXXX)",
                );
            }
        })
    }

    fn hex4(&mut self) -> Parsed<u32> {
        let digits = self
            .bytes
            .get(self.pos..self.pos + 4)
            .ok_or("a \\u escape needs four hex digits")?;
        let mut code = 0;
        for &d in digits {
            let v = (d as char)
                .to_digit(16)
                .ok_or("a \\u escape needs four hex digits")?;
            code = code * 16 + v;
        }
        self.pos += 4;
        Ok(code)
    }
}

impl Json {
    /// What kind of value this is, for messages: "a string", "an array"…
    pub fn kind(&self) -> &'static str {
        match self.value {
            Value::Null => "null",
            Value::Bool(_) => "true or false",
            Value::Number(_) => "a number",
            Value::String(_) => "a string",
            Value::Array(_) => "an array",
            Value::Object(_) => "an object",
        }
    }

    /// A string value.
    pub fn string(text: &str) -> Json {
        Json {
            value: Value::String(text.to_owned()),
        }
    }

    /// A number value, written as `Display` writes it.
    pub fn number(number: impl fmt::Display) -> Json {
        Json {
            value: Value::Number(number.to_string()),
        }
    }

    /// An object with these members, in this order.
    pub fn object<'k>(members: impl IntoIterator<Item = (&'k str, Json)>) -> Json {
        Json {
            value: Value::Object(
                members
                    .into_iter()
                    .map(|(k, v)| (k.to_owned(), v))
                    .collect(),
            ),
        }
    }

    /// An array of these items.
    pub fn array(items: impl IntoIterator<Item = Json>) -> Json {
        Json {
            value: Value::Array(items.into_iter().collect()),
        }
    }

    /// The member `key` when this is an object.
    pub fn get(&self, key: &str) -> Option<&Json> {
        match &self.value {
            Value::Object(members) => members.iter().find(|(k, _)| k == key).map(|(_, v)| v),
            _ => None,
        }
    }

    /// The text when this is a string.
    pub fn as_str(&self) -> Option<&str> {
        match &self.value {
            Value::String(s) => Some(s),
            _ => None,
        }
    }
}

/// Compact JSON text of the value (members in their original order).
impl fmt::Display for Json {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        match &self.value {
            Value::Null => f.write_str("null"),
            Value::Bool(b) => write!(f, "{b}"),
            Value::Number(raw) => f.write_str(raw),
            Value::String(s) => f.write_str(&quote(s)),
            Value::Array(items) => {
                f.write_str("[")?;
                for (i, item) in items.iter().enumerate() {
                    if i > 0 {
                        f.write_str(",")?;
                    }
                    write!(f, "{item}")?;
                }
                f.write_str("]")
            }
            Value::Object(members) => {
                f.write_str("{")?;
                for (i, (key, value)) in members.iter().enumerate() {
                    if i > 0 {
                        f.write_str(",")?;
                    }
                    write!(f, "{}:{value}", quote(key))?;
                }
                f.write_str("}")
            }
        }
    }
}

/// Well-formed JSON that does not have the expected shape: where, and what.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct ShapeError {
    pub path: JsonPath,
    pub message: String,
}

impl fmt::Display for ShapeError {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        write!(f, "at {}: {}", self.path, self.message)
    }
}

/// More problems than this in one file are not worth listing.
pub const MAX_ERRORS: usize = 50;

/// Reads a whole document as `T`, or lists every shape problem found (up
/// to [`MAX_ERRORS`]) in document order.
pub fn read<T: FromJson>(json: &Json) -> Result<T, Vec<ShapeError>> {
    let mut reader = Reader {
        path: Vec::new(),
        errors: Vec::new(),
    };
    let value = T::read(&mut reader, json);
    if reader.errors.is_empty() {
        Ok(value)
    } else {
        Err(reader.errors)
    }
}

/// A type that can be read from a [`Json`] value.
///
/// Readers never stop early: a wrong or missing value is recorded in the
/// [`Reader`] and replaced by `Default::default()`, and reading goes on, so
/// one pass reports every problem. The placeholder never escapes: [`read`]
/// returns the errors instead of the value. (Not stopping at the first error
/// also keeps the wasm small: no early-return path per field.)
pub trait FromJson: Default {
    fn read<'j>(r: &mut Reader<'j>, json: &'j Json) -> Self;
}

/// Where reading is and what went wrong so far.
pub struct Reader<'j> {
    path: Vec<Seg<'j>>,
    errors: Vec<ShapeError>,
}

enum Seg<'j> {
    Key(&'j str),
    Index(usize),
}

/// The members of an object, or nothing when the value was not an object
/// (already reported, so its fields stay silent instead of all "missing").
#[derive(Clone, Copy)]
pub struct Fields<'j>(Option<&'j [(String, Json)]>);

impl<'j> Fields<'j> {
    pub fn get(self, key: &str) -> Option<&'j Json> {
        let members = self.0?;
        members.iter().find(|(k, _)| k == key).map(|(_, v)| v)
    }
}

impl<'j> Reader<'j> {
    /// Records a problem with the value being read.
    pub fn fail(&mut self, message: impl Into<String>) {
        if self.errors.len() < MAX_ERRORS {
            let steps = self.path.iter().map(|seg| match seg {
                Seg::Key(k) => Step::Key((*k).to_owned()),
                Seg::Index(i) => Step::Index(*i),
            });
            self.errors.push(ShapeError {
                path: JsonPath(steps.collect()),
                message: message.into(),
            });
        }
    }

    fn wrong(&mut self, expected: &str, json: &Json) {
        self.fail(format!("expected {expected}, found {}", json.kind()));
    }

    pub fn object(&mut self, json: &'j Json) -> Fields<'j> {
        match &json.value {
            Value::Object(members) => Fields(Some(members)),
            _ => {
                self.wrong("an object", json);
                Fields(None)
            }
        }
    }

    /// The text of a string value ("" after recording a problem).
    pub fn str(&mut self, json: &'j Json) -> &'j str {
        match &json.value {
            Value::String(s) => s,
            _ => {
                self.wrong("a string", json);
                ""
            }
        }
    }

    /// A whole number in `min..=max` (`min` after recording a problem).
    pub fn integer(&mut self, json: &Json, min: i64, max: i64) -> i64 {
        let expected = match (min, max) {
            (i64::MIN, i64::MAX) => "a whole number".to_owned(),
            _ => format!("a whole number from {min} to {max}"),
        };
        match &json.value {
            Value::Number(raw) => match raw.parse::<i64>() {
                Ok(n) if (min..=max).contains(&n) => return n,
                _ => self.fail(format!("expected {expected}, found {raw}")),
            },
            _ => self.wrong(&expected, json),
        }
        min
    }

    /// A member that must be present and not null.
    pub fn req<T: FromJson>(&mut self, fields: Fields<'j>, key: &'j str) -> T {
        match self.present(fields, key) {
            Some(json) => self.member(key, json),
            None => T::default(),
        }
    }

    /// A required string member that says which variant an object is (its
    /// `kind`), checked against `names`: the name, or `None` after
    /// recording a problem.
    pub fn tag(
        &mut self,
        fields: Fields<'j>,
        key: &'j str,
        names: &[&'static str],
    ) -> Option<&'static str> {
        let json = self.present(fields, key)?;
        let variants: Vec<(&str, Option<&'static str>)> =
            names.iter().map(|&name| (name, Some(name))).collect();
        self.path.push(Seg::Key(key));
        let name = self.one_of(json, &variants);
        self.path.pop();
        name
    }

    /// The member, or `None` after reporting it missing (unless the object
    /// itself was already reported).
    fn present(&mut self, fields: Fields<'j>, key: &str) -> Option<&'j Json> {
        match fields.get(key) {
            Some(json) if json.value != Value::Null => Some(json),
            _ => {
                if fields.0.is_some() {
                    self.fail(format!("the field “{key}” is missing"));
                }
                None
            }
        }
    }

    /// A member that may be absent or null.
    pub fn opt<T: FromJson>(&mut self, fields: Fields<'j>, key: &'j str) -> Option<T> {
        match fields.get(key) {
            Some(json) if json.value != Value::Null => Some(self.member(key, json)),
            _ => None,
        }
    }

    /// An array member that may be absent or null (read as empty).
    pub fn list<T: FromJson>(&mut self, fields: Fields<'j>, key: &'j str) -> Vec<T> {
        self.opt(fields, key).unwrap_or_default()
    }

    fn member<T: FromJson>(&mut self, key: &'j str, json: &'j Json) -> T {
        self.path.push(Seg::Key(key));
        let value = T::read(self, json);
        self.path.pop();
        value
    }

    /// One of an enum's variants, named by a string.
    pub fn one_of<T: Copy + Default>(&mut self, json: &'j Json, variants: &[(&str, T)]) -> T {
        // The generic part is one line: each enum read does not get a copy
        // of the matching and the message (it adds up in the wasm).
        self.pick(json, variants.len(), &|i| variants[i].0)
            .map_or_else(T::default, |i| variants[i].1)
    }

    /// The index of the name `json` spells among `count` names, or `None`
    /// after recording a problem.
    pub fn pick<'n>(
        &mut self,
        json: &'j Json,
        count: usize,
        name: &dyn Fn(usize) -> &'n str,
    ) -> Option<usize> {
        let text = self.str(json);
        let found = (0..count).find(|&i| name(i) == text);
        if found.is_none() && matches!(json.value, Value::String(_)) {
            let names: Vec<String> = (0..count).map(|i| format!("“{}”", name(i))).collect();
            self.fail(format!("“{text}” is not one of {}", names.join(", ")));
        }
        found
    }

    /// A string read with `FromStr`, its error recorded as a problem.
    pub fn parsed<T>(&mut self, json: &'j Json) -> T
    where
        T: std::str::FromStr + Default,
        T::Err: fmt::Display,
    {
        let text = self.str(json);
        match text.parse() {
            Ok(value) => value,
            Err(e) => {
                if matches!(json.value, Value::String(_)) {
                    self.fail(e.to_string().trim_end_matches('.'));
                }
                T::default()
            }
        }
    }
}

impl FromJson for Json {
    fn read<'j>(_: &mut Reader<'j>, json: &'j Json) -> Json {
        json.clone()
    }
}

impl Default for Json {
    fn default() -> Json {
        Json { value: Value::Null }
    }
}

impl FromJson for String {
    fn read<'j>(r: &mut Reader<'j>, json: &'j Json) -> String {
        r.str(json).to_owned()
    }
}

impl FromJson for bool {
    fn read<'j>(r: &mut Reader<'j>, json: &'j Json) -> bool {
        match json.value {
            Value::Bool(b) => b,
            _ => {
                r.wrong("true or false", json);
                false
            }
        }
    }
}

impl FromJson for u8 {
    fn read<'j>(r: &mut Reader<'j>, json: &'j Json) -> u8 {
        r.integer(json, 0, u8::MAX.into()) as u8
    }
}

impl FromJson for u32 {
    fn read<'j>(r: &mut Reader<'j>, json: &'j Json) -> u32 {
        r.integer(json, 0, u32::MAX.into()) as u32
    }
}

impl FromJson for i64 {
    fn read<'j>(r: &mut Reader<'j>, json: &'j Json) -> i64 {
        r.integer(json, i64::MIN, i64::MAX)
    }
}

impl FromJson for f64 {
    fn read<'j>(r: &mut Reader<'j>, json: &'j Json) -> f64 {
        match &json.value {
            Value::Number(raw) => match raw.parse::<f64>() {
                Ok(x) if x.is_finite() => return x,
                _ => r.fail(format!("the number {raw} is out of range")),
            },
            _ => r.wrong("a number", json),
        }
        0.0
    }
}

impl<T: FromJson> FromJson for Vec<T> {
    fn read<'j>(r: &mut Reader<'j>, json: &'j Json) -> Vec<T> {
        let Value::Array(items) = &json.value else {
            r.wrong("an array", json);
            return Vec::new();
        };
        let mut out = Vec::with_capacity(items.len());
        for (i, item) in items.iter().enumerate() {
            r.path.push(Seg::Index(i));
            out.push(T::read(r, item));
            r.path.pop();
        }
        out
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    fn syntax(text: &str) -> (usize, usize, String) {
        let e = parse(text).unwrap_err();
        (e.line, e.column, e.message)
    }

    #[test]
    fn parses_every_kind_of_value() {
        let text = r#" {"a": [1, -2.5e3, "x\u00e9\ud83d\ude00\n", true, false, null], "b": {}} "#;
        let json = parse(text).unwrap();
        let Some(Json {
            value: Value::Array(items),
        }) = json.get("a")
        else {
            panic!("{json:?}")
        };
        assert_eq!(items[0].value, Value::Number("1".into()));
        assert_eq!(read::<f64>(&items[1]), Ok(-2500.0));
        assert_eq!(items[2].as_str(), Some("xé😀\n"));
        assert_eq!(items[3].value, Value::Bool(true));
        assert_eq!(items[5].value, Value::Null);
        assert_eq!(
            json.to_string(),
            r#"{"a":[1,-2.5e3,"xé😀\n",true,false,null],"b":{}}"#
        );
    }

    #[test]
    fn refuses_what_is_not_json_with_line_and_column() {
        for (text, line, column, needle) in [
            ("", 1, 1, "ends where a value"),
            ("{\n  \"a\": 1,\n  oops\n}", 3, 3, "key in double quotes"),
            ("[1, 2", 1, 6, "‘,’ or ‘]’"),
            ("{\"a\" 1}", 1, 6, "‘:’"),
            ("[01]", 1, 2, "start with 0"),
            ("[1.]", 1, 2, "after the decimal point"),
            ("[1e]", 1, 2, "exponent"),
            ("[-]", 1, 2, "needs digits"),
            ("\"tab\there\"", 1, 5, "control character"),
            ("\"bad \\x\"", 1, 7, "unknown escape"),
            ("\"\\ud800\"", 1, 8, "unpaired surrogate"),
            ("\"\\udc00x\"", 1, 8, "unpaired surrogate"),
            ("\"\\u12\"", 1, 4, "four hex digits"),
            ("\"open", 1, 6, "ends inside a string"),
            ("{\"a\": 1, \"a\": 2}", 1, 10, "appears twice"),
            ("[1] [2]", 1, 5, "more text after"),
            ("nul", 1, 1, "expected a value"),
            ("{\"é\": é}", 1, 7, "expected a value"),
        ] {
            let (l, c, message) = syntax(text);
            assert_eq!((l, c), (line, column), "{text:?}: {message}");
            assert!(message.contains(needle), "{text:?}: {message}");
        }
    }

    #[test]
    fn refuses_deep_nesting_without_exhausting_the_stack() {
        let deep = "[".repeat(100_000);
        assert!(syntax(&deep).2.contains("nested too deeply"));
        let fine = format!("{}{}", "[".repeat(MAX_DEPTH), "]".repeat(MAX_DEPTH));
        assert!(parse(&fine).is_ok());
    }

    #[derive(Debug, Default)]
    struct Item {
        n: u8,
        tags: Vec<String>,
        note: Option<String>,
        kind: Kind,
        day: Option<crate::domain::date::Date>,
    }

    #[derive(Debug, Default, Clone, Copy, PartialEq)]
    enum Kind {
        #[default]
        A,
        B,
    }

    impl FromJson for Kind {
        fn read<'j>(r: &mut Reader<'j>, json: &'j Json) -> Kind {
            r.one_of(json, &[("a", Kind::A), ("b", Kind::B)])
        }
    }

    impl FromJson for Item {
        fn read<'j>(r: &mut Reader<'j>, json: &'j Json) -> Item {
            let o = r.object(json);
            Item {
                n: r.req(o, "n"),
                tags: r.list(o, "tags"),
                note: r.opt(o, "note"),
                kind: r.opt(o, "kind").unwrap_or_default(),
                day: r.opt(o, "day"),
            }
        }
    }

    #[derive(Debug, Default)]
    struct Doc {
        items: Vec<Item>,
    }

    impl FromJson for Doc {
        fn read<'j>(r: &mut Reader<'j>, json: &'j Json) -> Doc {
            let o = r.object(json);
            Doc {
                items: r.req(o, "items"),
            }
        }
    }

    fn problems(text: &str) -> Vec<String> {
        match read::<Doc>(&parse(text).unwrap()) {
            Ok(doc) => panic!("read {doc:?}"),
            Err(errors) => errors.iter().map(ToString::to_string).collect(),
        }
    }

    #[test]
    fn reads_fields_lists_and_absent_or_null_options() {
        let text = r#"{"items": [{"n": 3, "note": null},
            {"n": 0, "tags": ["a"], "kind": "b", "day": "2026-02-28"}]}"#;
        let doc = read::<Doc>(&parse(text).unwrap()).unwrap();
        let [first, second] = &doc.items[..] else {
            panic!("{doc:?}")
        };
        assert_eq!(
            (first.n, first.tags.len(), &first.note, first.kind),
            (3, 0, &None, Kind::A)
        );
        assert_eq!(
            (&second.tags[..], second.kind),
            (&["a".to_owned()][..], Kind::B)
        );
        assert_eq!(
            second.day.map(|d| d.to_string()).as_deref(),
            Some("2026-02-28")
        );
    }

    #[test]
    fn names_the_path_and_the_problem() {
        let n_range = "expected a whole number from 0 to 255";
        for (text, message) in [
            (r#"{}"#, "at $: the field “items” is missing".to_owned()),
            (r#"[]"#, "at $: expected an object, found an array".into()),
            (
                r#"{"items": {}}"#,
                "at $.items: expected an array, found an object".into(),
            ),
            (
                r#"{"items": [{"n": 1}, {}]}"#,
                "at $.items[1]: the field “n” is missing".into(),
            ),
            (
                r#"{"items": [{"n": null}]}"#,
                "at $.items[0]: the field “n” is missing".into(),
            ),
            (
                r#"{"items": [{"n": 256}]}"#,
                format!("at $.items[0].n: {n_range}, found 256"),
            ),
            (
                r#"{"items": [{"n": 1.5}]}"#,
                format!("at $.items[0].n: {n_range}, found 1.5"),
            ),
            (
                r#"{"items": [{"n": "1"}]}"#,
                format!("at $.items[0].n: {n_range}, found a string"),
            ),
            (
                r#"{"items": [{"n": 1, "tags": [1]}]}"#,
                "at $.items[0].tags[0]: expected a string, found a number".into(),
            ),
            (
                r#"{"items": [{"n": 1, "kind": "c"}]}"#,
                "at $.items[0].kind: “c” is not one of “a”, “b”".into(),
            ),
            (
                r#"{"items": [{"n": 1, "kind": 2}]}"#,
                "at $.items[0].kind: expected a string, found a number".into(),
            ),
            (
                r#"{"items": [{"n": 1, "day": "2026-02-30"}]}"#,
                "at $.items[0].day: “2026-02-30” is not a date in the form YYYY-MM-DD".into(),
            ),
        ] {
            assert_eq!(problems(text), [message], "{text}");
        }
    }

    #[test]
    fn lists_every_problem_once_and_stays_quiet_below_a_wrong_object() {
        assert_eq!(
            problems(r#"{"items": [7, {"n": -1, "tags": "x"}, {"note": 1}]}"#),
            [
                "at $.items[0]: expected an object, found a number",
                "at $.items[1].n: expected a whole number from 0 to 255, found -1",
                "at $.items[1].tags: expected an array, found a string",
                "at $.items[2]: the field “n” is missing",
                "at $.items[2].note: expected a string, found a number",
            ]
        );
        let many = format!(r#"{{"items": [{}]}}"#, vec!["1"; 500].join(","));
        assert_eq!(problems(&many).len(), MAX_ERRORS);
    }

    #[test]
    fn quotes_text_as_a_json_string_safe_inside_html() {
        let text = "say \"hi\"\\\n\t</script>\u{1}é";
        let quoted = quote(text);
        assert_eq!(quoted, r#""say \"hi\"\\\n\t\u003c/script>\u0001é""#);
        assert_eq!(parse(&quoted).unwrap().as_str(), Some(text));
    }
}
