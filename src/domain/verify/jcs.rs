//! The JSON Canonicalization Scheme (RFC 8785), for `eddsa-jcs-2022`.
//!
//! Written here rather than taken from a crate: the ones on crates.io are
//! small and unmaintained, and the scheme is short: object members sorted by
//! the UTF-16 code units of their names, no whitespace, strings escaped as
//! ECMAScript's `JSON.stringify` does, and numbers written as ECMAScript's
//! `Number.prototype.toString` writes doubles.

use serde_json::Value;

/// The canonical text of a JSON value. Fails only on a number that is not
/// a finite double (JCS has no form for it).
pub fn canonicalize(value: &Value) -> Result<String, String> {
    let mut out = String::new();
    write(value, &mut out)?;
    Ok(out)
}

fn write(value: &Value, out: &mut String) -> Result<(), String> {
    match value {
        Value::Null => out.push_str("null"),
        Value::Bool(b) => out.push_str(if *b { "true" } else { "false" }),
        Value::Number(n) => {
            let x = n.as_f64().filter(|x| x.is_finite());
            out.push_str(&number(
                x.ok_or_else(|| format!("the number {n} is not a double"))?,
            ));
        }
        Value::String(s) => string(s, out),
        Value::Array(items) => {
            out.push('[');
            for (i, item) in items.iter().enumerate() {
                if i > 0 {
                    out.push(',');
                }
                write(item, out)?;
            }
            out.push(']');
        }
        Value::Object(members) => {
            let mut sorted: Vec<(&String, &Value)> = members.iter().collect();
            sorted.sort_by(|a, b| a.0.encode_utf16().cmp(b.0.encode_utf16()));
            out.push('{');
            for (i, (key, value)) in sorted.into_iter().enumerate() {
                if i > 0 {
                    out.push(',');
                }
                string(key, out);
                out.push(':');
                write(value, out)?;
            }
            out.push('}');
        }
    }
    Ok(())
}

fn string(s: &str, out: &mut String) {
    out.push('"');
    for c in s.chars() {
        match c {
            '"' => out.push_str("\\\""),
            '\\' => out.push_str("\\\\"),
            '\u{8}' => out.push_str("\\b"),
            '\u{c}' => out.push_str("\\f"),
            '\n' => out.push_str("\\n"),
            '\r' => out.push_str("\\r"),
            '\t' => out.push_str("\\t"),
            c if (c as u32) < 0x20 => out.push_str(&format!("\\u{:04x}", c as u32)),
            c => out.push(c),
        }
    }
    out.push('"');
}

/// ECMAScript's Number::toString(10) for a finite double.
fn number(x: f64) -> String {
    if x == 0.0 {
        return "0".to_owned(); // also -0
    }
    // Rust's `{:e}` gives the shortest digits that round-trip, as ECMAScript
    // requires; only the layout differs.
    let scientific = format!("{:e}", x.abs());
    let (mantissa, exponent) = scientific.split_once('e').unwrap_or((&scientific, "0"));
    let digits: String = mantissa.chars().filter(char::is_ascii_digit).collect();
    let k = digits.len() as i32;
    // The value is 0.d1d2…dk × 10^n.
    let n = exponent.parse::<i32>().unwrap_or(0) + 1;
    let sign = if x < 0.0 { "-" } else { "" };
    let body = if k <= n && n <= 21 {
        format!("{digits}{}", "0".repeat((n - k) as usize))
    } else if 0 < n && n <= 21 {
        format!("{}.{}", &digits[..n as usize], &digits[n as usize..])
    } else if -6 < n && n <= 0 {
        format!("0.{}{digits}", "0".repeat((-n) as usize))
    } else {
        let e = n - 1;
        let e_sign = if e < 0 { "-" } else { "+" };
        let fraction = if k > 1 {
            format!(".{}", &digits[1..])
        } else {
            String::new()
        };
        format!("{}{fraction}e{e_sign}{}", &digits[..1], e.abs())
    };
    format!("{sign}{body}")
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn formats_numbers_as_ecmascript_does() {
        for (x, text) in [
            (1.0, "1"),
            (-1.5, "-1.5"),
            (0.1, "0.1"),
            (100.0, "100"),
            (1e21, "1e+21"),
            (1e20, "100000000000000000000"),
            (123456789012345680000.0, "123456789012345680000"),
            (1e-6, "0.000001"),
            (1e-7, "1e-7"),
            (1.2345e-7, "1.2345e-7"),
            (5e-324, "5e-324"),
            (1.7976931348623157e308, "1.7976931348623157e+308"),
            (4.5, "4.5"),
            (2e-3, "0.002"),
            (333333333.3333333, "333333333.3333333"),
            (-0.0, "0"),
        ] {
            assert_eq!(number(x), text, "{x}");
        }
    }

    #[test]
    fn sorts_members_by_utf16_and_escapes_like_json_stringify() {
        // RFC 8785 §3.2.3's sorting example: "\u{20ac}" (€) sorts before "\u{1f600}"
        // in UTF-16 (0x20AC < 0xD83D) although not in code points… and after "\r".
        let value: Value = serde_json::from_str(
            r#"{"€": "Euro", "😀": "smiley", "\r": "cr", "1": "one", "é": "\u0001\n/<"}"#,
        )
        .unwrap();
        assert_eq!(
            canonicalize(&value).unwrap(),
            "{\"\\r\":\"cr\",\"1\":\"one\",\"é\":\"\\u0001\\n/<\",\"€\":\"Euro\",\"😀\":\"smiley\"}"
        );
    }
}
