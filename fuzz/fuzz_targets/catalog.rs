//! The catalog and FAQ readers (and the JSON parser under them) never panic.
#![no_main]
use libfuzzer_sys::fuzz_target;
use microcred::domain::{catalog::Catalog, faq::Faq, json};

fuzz_target!(|text: &str| {
    let _ = json::parse(text);
    if let Ok(catalog) = Catalog::from_json(text) {
        let _ = microcred::domain::catalog::rules::check(&catalog);
    }
    let _ = Faq::from_json(text);
});
