//! "No panic on any input": a panic in wasm kills the page, so the loaders
//! must turn every malformed file into an error. These tests feed them every
//! prefix of the real files and byte-level corruptions of them.

use microcred::domain::catalog::Catalog;
use microcred::domain::faq::Faq;
use microcred::domain::json_path::path_at;

const CATALOG: &str = include_str!("../public/catalog.json");
const FAQ: &str = include_str!("../public/faq.json");

/// Every proper prefix of the JSON (without its trailing newline) that ends
/// on a character boundary: none of them is a complete document.
fn prefixes(text: &str) -> impl Iterator<Item = &str> {
    let text = text.trim_end();
    (0..text.len())
        .filter(|i| text.is_char_boundary(*i))
        .map(move |i| &text[..i])
}

#[test]
fn every_truncation_of_the_catalog_is_an_error_not_a_panic() {
    for prefix in prefixes(CATALOG) {
        assert!(
            Catalog::from_json(prefix).is_err(),
            "a truncated catalog of {} bytes loaded",
            prefix.len()
        );
    }
}

#[test]
fn every_truncation_of_the_faq_is_an_error_not_a_panic() {
    for prefix in prefixes(FAQ) {
        assert!(Faq::from_json(prefix).is_err());
    }
}

#[test]
fn corrupting_any_structural_byte_never_panics() {
    // Replace each structural character in turn by each other one.
    let bytes = CATALOG.as_bytes();
    let structural = b"{}[]:,\"";
    for (at, b) in bytes.iter().enumerate() {
        if !structural.contains(b) {
            continue;
        }
        for replacement in structural.iter().chain(b"x\\0") {
            let mut copy = bytes.to_vec();
            copy[at] = *replacement;
            let text = String::from_utf8(copy).expect("ASCII replaced by ASCII");
            let _ = Catalog::from_json(&text);
        }
    }
}

#[test]
fn path_at_accepts_any_position_in_any_text() {
    let samples = [
        CATALOG, FAQ, "", "\"", "\\", "[\"\\", "{\"a\":", "é\"\\é", "]]]}}}", "[[[[{{{{",
    ];
    for text in samples {
        for line in 0..4 {
            for column in [0, 1, 2, 7, 1_000, usize::MAX / 2] {
                let _ = path_at(text, line, column);
            }
        }
    }
}
