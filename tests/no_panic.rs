//! "No panic on any input": a panic in wasm kills the page, so the loaders
//! must turn every malformed file into an error. These tests feed them every
//! prefix of the real files and byte-level corruptions of them. The demo
//! catalog is large (over 100 KB), so where a test would parse it once per
//! byte, it covers the first and last 4 KB byte by byte and samples the
//! middle; the smaller test catalog (tests/vectors/catalog.json) is covered
//! at every byte.

use microcred::domain::catalog::Catalog;
use microcred::domain::faq::Faq;
use microcred::domain::json;
use microcred::domain::markdown;

const CATALOG: &str = include_str!("../public/catalog.json");
const FAQ: &str = include_str!("../public/faq.json");
const SMALL_CATALOG: &str = include_str!("vectors/catalog.json");

/// Byte positions to corrupt or cut at: every one near both ends, about
/// 1,500 spread over the middle.
fn positions(len: usize) -> impl Iterator<Item = usize> {
    let edge = 4096.min(len);
    let stride = (len / 1500).max(1);
    (0..len).filter(move |i| *i < edge || *i + edge >= len || i % stride == 0)
}

/// Every proper prefix of the JSON (without its trailing newline) that ends
/// on a character boundary: none of them is a complete document.
fn prefixes(text: &str) -> impl Iterator<Item = &str> {
    let text = text.trim_end();
    positions(text.len())
        .filter(|i| text.is_char_boundary(*i))
        .map(move |i| &text[..i])
}

#[test]
fn every_truncation_of_the_catalog_is_an_error_not_a_panic() {
    let small = SMALL_CATALOG.trim_end();
    let every = (0..small.len())
        .filter(|i| small.is_char_boundary(*i))
        .map(|i| &small[..i]);
    for prefix in prefixes(CATALOG).chain(every) {
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
    for at in positions(bytes.len()) {
        let b = &bytes[at];
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

/// The catalog's JSON parser agrees with serde_json (a well-tested one) on
/// every corrupted copy: the same texts are accepted, with the same values.
/// Two intended differences: ours refuses duplicate keys, and it keeps a
/// number's text until a reader converts it, so 1e999 fails only then.
#[test]
fn the_json_parser_agrees_with_serde_json() {
    let mut samples: Vec<String> = vec![
        CATALOG.into(),
        FAQ.into(),
        r#"[0, -0, 1e5, 1E-5, 1.5e+3, -12.25, "\u00e9\ud83d\ude00\/\b\f", {}, [], "", null]"#
            .into(),
        "\u{feff}{}".into(),
        "{\"a\":1}\u{0}".into(),
        " \t\r\n[ ]".into(),
    ];
    // Densely over the small catalog, sparsely over the large demo one.
    for (text, corruptions) in [(SMALL_CATALOG, 1200), (CATALOG, 150)] {
        let bytes = text.as_bytes();
        for at in (0..bytes.len()).step_by(bytes.len() / corruptions + 1) {
            for replacement in b"{}[]:,\"x\\0-.e \x01" {
                let mut copy = bytes.to_vec();
                copy[at] = *replacement;
                if let Ok(text) = String::from_utf8(copy) {
                    samples.push(text);
                }
            }
        }
    }
    for text in &samples {
        let ours = json::parse(text);
        let theirs = serde_json::from_str::<serde_json::Value>(text);
        match (&ours, &theirs) {
            (Ok(ours), Ok(theirs)) => {
                let round_trip: serde_json::Value =
                    serde_json::from_str(&ours.to_string()).unwrap();
                assert_eq!(&round_trip, theirs, "{text}");
            }
            (Err(e), Ok(_)) => assert!(e.message.contains("appears twice"), "{e:?} for {text}"),
            (Ok(_), Err(e)) if e.to_string().starts_with("number out of range") => {}
            (Ok(_), Err(e)) => panic!("ours accepted what serde_json refuses ({e}): {text}"),
            (Err(_), Err(_)) => {}
        }
    }
}

#[test]
fn any_markdown_is_read_without_panicking() {
    let sample = "# T\n**b** *e* _u_ `c` [l](https://x.org/(a)) [j](javascript:x)\n\n- a\n  b\n1. c\n<script>x</script> ** * _ ` [ ] ( ) é 😀";
    for end in (0..=sample.len()).filter(|i| sample.is_char_boundary(*i)) {
        let _ = markdown::parse(&sample[..end]);
        let _ = markdown::parse(&sample[end..]);
    }
    for noise in [
        "[[[[((((",
        "]]]](((())))",
        "****____````",
        "- \n- \n1. \n# \n",
    ] {
        let _ = markdown::parse(&noise.repeat(500));
    }
}

#[test]
fn stored_drafts_and_the_endpoints_answers_never_panic() {
    use microcred::domain::checkout::{Draft, Interest, Receipt, read_answer};
    let draft = Draft {
        cohort_id: "tdr-2027-03".into(),
        answers: vec![("req-tdr-study".into(), true)],
        given_name: "Zoë".into(),
        email: "a@b.example".into(),
        key: "6f1c1c1e-1d1b-4c8e-9a7f-1e2d3c4b5a69".into(),
        accepted_terms: Some("2026-10".into()),
        ..Draft::default()
    }
    .to_json();
    let answer = r#"{"reference":"ENR-1","payment_url":"https://pay.example/x","errors":{"learner.email":"Bounced","cohort":"Full"}}"#;
    for text in [draft.as_str(), answer] {
        for prefix in prefixes(text) {
            let _ = Draft::from_json(prefix);
            let _ = Receipt::from_json(prefix);
            let _ = Interest::from_json(prefix);
            for status in [0, 201, 409, 422, 500] {
                let _ = read_answer(status, prefix);
            }
        }
    }
}
