//! JSON-LD → RDF → RDFC-1.0 canonical N-Quads, over pinned contexts only.
//!
//! Crates: `json-ld` 0.21.4 expands the document and produces RDF quads,
//! `rdf-canon` 0.15.3 canonicalizes them (DESIGN.md's measurements: the one
//! pairing that gets all 43 rdfc proofs in `../shared/vectors` right; the
//! others drop duplicate related blank nodes in Hash N-Degree Quads).
//!
//! Safety rules, each a security property rather than a convenience:
//! - **No context is ever fetched.** The loader answers only the pinned
//!   copies in `contexts/` (the bytes checked against the vectors' MANIFEST
//!   by a test); any other URL fails closed as "unsupported context <url>".
//! - **Safe mode.** A property the contexts do not define, or a `@type` that
//!   is not an absolute IRI, is an error instead of being silently dropped:
//!   a signature over a document with dropped terms would not cover what the
//!   reader sees. (`@vocab` mappings, such as VC 2.0's issuer-dependent
//!   vocabulary, are definitions and are allowed.)
//! - **Bounded work.** Hash N-Degree Quads is exponential on crafted blank
//!   node graphs ("canonicalization poisoning"); its calls are capped at
//!   [`HNDQ_CALL_LIMIT`] and exceeding it is a clear error.

use std::cell::RefCell;
use std::collections::HashMap;
use std::sync::OnceLock;

use iref::{Iri, IriBuf};
use json_ld::{LoadError, Loader, RemoteDocument};
use json_syntax::Parse as _;

/// Far above what any real credential needs (the vectors peak below 100),
/// far below what would hang a browser tab.
pub const HNDQ_CALL_LIMIT: usize = 4_000;

/// The pinned JSON-LD contexts: URL and exact bytes.
pub const CONTEXTS: [(&str, &str); 16] = [
    (
        "https://www.w3.org/ns/credentials/v2",
        include_str!("contexts/credentials-v2.jsonld"),
    ),
    (
        "https://www.w3.org/2018/credentials/v1",
        include_str!("contexts/credentials-v1.jsonld"),
    ),
    (
        "https://www.w3.org/ns/credentials/examples/v2",
        include_str!("contexts/credentials-examples-v2.jsonld"),
    ),
    (
        "https://w3id.org/security/data-integrity/v2",
        include_str!("contexts/data-integrity-v2.jsonld"),
    ),
    (
        "https://w3id.org/security/data-integrity/v1",
        include_str!("contexts/data-integrity-v1.jsonld"),
    ),
    (
        "https://w3id.org/security/multikey/v1",
        include_str!("contexts/multikey-v1.jsonld"),
    ),
    (
        "https://w3id.org/security/jwk/v1",
        include_str!("contexts/jwk-v1.jsonld"),
    ),
    (
        "https://www.w3.org/ns/credentials/status/v1",
        include_str!("contexts/credentials-status-v1.jsonld"),
    ),
    (
        "https://purl.imsglobal.org/spec/ob/v3p0/context-3.0.3.json",
        include_str!("contexts/ob-v3p0-context-3.0.3.json"),
    ),
    (
        "https://purl.imsglobal.org/spec/ob/v3p0/context-3.0.2.json",
        include_str!("contexts/ob-v3p0-context-3.0.2.json"),
    ),
    (
        "https://purl.imsglobal.org/spec/ob/v3p0/context-3.0.1.json",
        include_str!("contexts/ob-v3p0-context-3.0.1.json"),
    ),
    (
        "https://purl.imsglobal.org/spec/ob/v3p0/context.json",
        include_str!("contexts/ob-v3p0-context-3.0.json"),
    ),
    (
        "https://purl.imsglobal.org/spec/ob/v3p0/extensions.json",
        include_str!("contexts/ob-v3p0-extensions.json"),
    ),
    (
        "https://w3id.org/security/suites/ed25519-2020/v1",
        include_str!("contexts/security-suites-ed25519-2020-v1.jsonld"),
    ),
    (
        "https://www.w3.org/ns/did/v1",
        include_str!("contexts/did-v1.jsonld"),
    ),
    (
        "https://w3id.org/openbadges/v2",
        include_str!("contexts/openbadges-v2.jsonld"),
    ),
];

/// Why a document has no canonical form.
#[derive(Debug, Clone, PartialEq, Eq, thiserror::Error)]
#[non_exhaustive]
pub enum CanonError {
    #[error("unsupported context {0}: only pinned contexts are used, none is fetched")]
    UnsupportedContext(String),
    #[error("the JSON-LD does not define everything it uses: {0}")]
    Undefined(String),
    #[error("the JSON-LD cannot be processed: {0}")]
    JsonLd(String),
    #[error("canonicalization needed too much work (a crafted blank-node graph?): {0}")]
    TooMuchWork(String),
}

/// Does, ahead of the first badge, the work most badges need first: parsing
/// the pinned contexts and processing the Open Badges 3.0 context (most of a
/// cold verification's time). The verifier worker calls it as it starts, so
/// an employer's link is verified warm.
pub fn warm_up() {
    let _ = canonicalize(
        r#"{"@context":["https://www.w3.org/ns/credentials/v2","https://purl.imsglobal.org/spec/ob/v3p0/context-3.0.3.json"],"type":["VerifiableCredential","OpenBadgeCredential"]}"#,
    );
}

/// The canonical N-Quads (RDFC-1.0) of a JSON-LD document given as JSON text.
// One piece: RDFC-1.0's steps in the specification's order (expand, to RDF, label blank
// nodes, serialise), each a few lines, so it reads against the spec.
pub fn canonicalize(json_text: &str) -> Result<String, CanonError> {
    let mut value = json_syntax::Value::parse_str(json_text)
        .map_err(|e| CanonError::JsonLd(e.to_string()))?
        .0;
    // iref/pct-str (under json-ld) panic on a percent-encoding that does not
    // decode to UTF-8 (found by fuzzing); such text is no IRI anyway.
    if let Some(bad) = first_bad_percent_encoding(&value) {
        return Err(CanonError::JsonLd(format!(
            "“{bad}” has a percent-encoding that is not UTF-8, so it is not a valid IRI"
        )));
    }
    let loader = PinnedLoader {
        missing: RefCell::new(None),
    };
    // The top-level context is processed once and kept (contexts are pinned,
    // so the result never changes); then the document is expanded from it.
    // Processing the OB 3.0 context is most of the work of a verification.
    let top_context = match &mut value {
        json_syntax::Value::Object(object) => {
            object.remove("@context").next().map(|entry| entry.value)
        }
        _ => None,
    };
    let failed = |e: String, loader: &PinnedLoader| {
        if let Some(url) = loader.missing.take() {
            return CanonError::UnsupportedContext(url);
        }
        let text = e.replace("Expansion failed: ", "");
        if text.contains("expansion failed") || text.contains("Invalid") {
            CanonError::Undefined(text)
        } else {
            CanonError::JsonLd(text)
        }
    };
    let active = match top_context {
        Some(context) => processed_context(context, &loader).map_err(|e| failed(e, &loader))?,
        None => json_ld::Context::new(None),
    };
    let options = json_ld::expansion::Options {
        policy: json_ld::expansion::Policy {
            invalid: json_ld::expansion::Action::Reject,
            vocab: json_ld::expansion::Action::Keep,
            allow_undefined: false,
        },
        ..json_ld::expansion::Options::default()
    };
    // json-ld's futures only await the loader, which answers at once.
    let expanded = super::block_on(json_ld::Expand::expand_full(
        &value,
        &mut (),
        active,
        None,
        &loader,
        options,
        (),
    ))
    .map_err(|e| failed(e.to_string(), &loader))?;
    let mut generator = rdf_types::generator::Blank::new_with_prefix("b".into());
    let mut document = expanded;
    document.relabel_and_canonicalize_with(&mut (), &mut generator);
    let mut vocabulary = ();
    let rdf = json_ld::rdf::RdfQuads::rdf_quads_full(
        &document,
        &mut vocabulary,
        &mut generator,
        None,
        false,
    );
    let mut quads = Vec::new();
    for rdf_types::Quad(s, p, o, g) in rdf.cloned() {
        let Some(p) = p.as_iri() else {
            return Err(CanonError::Undefined(format!(
                "a blank node used as a property: {p}"
            )));
        };
        quads.push(oxrdf::Quad::new(
            subject(&s),
            oxrdf::NamedNode::new_unchecked(p.as_str()),
            object(o),
            match g {
                None => oxrdf::GraphName::DefaultGraph,
                Some(g) => match subject(&g) {
                    oxrdf::Subject::BlankNode(b) => b.into(),
                    oxrdf::Subject::NamedNode(n) => n.into(),
                },
            },
        ));
    }
    let dataset = oxrdf::Dataset::from_iter(quads);
    let options = rdf_canon::CanonicalizationOptions {
        hndq_call_limit: Some(HNDQ_CALL_LIMIT),
    };
    rdf_canon::canonicalize_with::<sha2::Sha256>(&dataset, &options).map_err(|e| {
        let text = e.to_string();
        if text.to_ascii_lowercase().contains("limit") {
            CanonError::TooMuchWork(text)
        } else {
            CanonError::JsonLd(text)
        }
    })
}

/// The first string (key or value) whose `%XX` escapes decode to bytes that
/// are not UTF-8 (what makes pct-str panic). A `%` that does not start an
/// escape ("70%") is ordinary text and passes.
fn first_bad_percent_encoding(value: &json_syntax::Value) -> Option<String> {
    fn ok(text: &str) -> bool {
        if !text.contains('%') {
            return true;
        }
        let bytes = text.as_bytes();
        let mut decoded = Vec::with_capacity(bytes.len());
        let mut i = 0;
        while i < bytes.len() {
            let escaped = (bytes[i] == b'%')
                .then(|| bytes.get(i + 1..i + 3))
                .flatten()
                .and_then(|h| std::str::from_utf8(h).ok())
                .and_then(|h| u8::from_str_radix(h, 16).ok());
            if let Some(byte) = escaped {
                decoded.push(byte);
                i += 3;
            } else {
                decoded.push(bytes[i]);
                i += 1;
            }
        }
        std::str::from_utf8(&decoded).is_ok()
    }
    let mut stack = vec![value];
    while let Some(value) = stack.pop() {
        match value {
            json_syntax::Value::String(s) if !ok(s) => return Some(s.to_string()),
            json_syntax::Value::Array(items) => stack.extend(items.iter()),
            json_syntax::Value::Object(object) => {
                for entry in object.iter() {
                    if !ok(&entry.key) {
                        return Some(entry.key.to_string());
                    }
                    stack.push(&entry.value);
                }
            }
            _ => {}
        }
    }
    None
}

fn subject(id: &rdf_types::Id) -> oxrdf::Subject {
    match id {
        rdf_types::Id::Iri(iri) => oxrdf::NamedNode::new_unchecked(iri.as_str()).into(),
        // json-ld writes blank nodes as `_:b0`; oxrdf wants the bare label.
        rdf_types::Id::Blank(blank) => {
            let label = blank.as_str().trim_start_matches("_:");
            oxrdf::BlankNode::new_unchecked(label).into()
        }
    }
}

fn object(term: rdf_types::Term) -> oxrdf::Term {
    match term {
        rdf_types::Term::Id(id) => match subject(&id) {
            oxrdf::Subject::NamedNode(n) => n.into(),
            oxrdf::Subject::BlankNode(b) => b.into(),
        },
        rdf_types::Term::Literal(literal) => {
            let value = literal.value.to_string();
            match &literal.type_ {
                rdf_types::LiteralType::Any(datatype) => oxrdf::Literal::new_typed_literal(
                    value,
                    oxrdf::NamedNode::new_unchecked(datatype.as_str()),
                )
                .into(),
                // RDFC-1.0 serializes language tags in lower case (as jsonld.js does).
                rdf_types::LiteralType::LangString(tag) => {
                    oxrdf::Literal::new_language_tagged_literal_unchecked(
                        value,
                        tag.as_str().to_ascii_lowercase(),
                    )
                    .into()
                }
            }
        }
    }
}

/// Contexts processed so far, by their JSON text. Bounded: a stream of
/// badges with ever-different inline contexts cannot grow it without limit.
const MAX_CACHED_CONTEXTS: usize = 32;

thread_local! {
    static PROCESSED: RefCell<HashMap<String, json_ld::Context>> = RefCell::new(HashMap::new());
}

fn processed_context(
    context: json_syntax::Value,
    loader: &PinnedLoader,
) -> Result<json_ld::Context, String> {
    use json_ld::syntax::TryFromJson as _;
    let key = context.to_string();
    if let Some(hit) = PROCESSED.with(|cache| cache.borrow().get(&key).cloned()) {
        return Ok(hit);
    }
    let syntax = json_ld::syntax::context::Context::try_from_json(context)
        .map_err(|e| format!("the @context is not a valid JSON-LD context: {e}"))?;
    let processed = super::block_on(json_ld::Process::process_full(
        &syntax,
        &mut (),
        &json_ld::Context::new(None),
        loader,
        None,
        json_ld::context_processing::Options::default(),
        (),
    ))
    .map_err(|e| e.to_string())?
    .into_processed();
    PROCESSED.with(|cache| {
        let mut cache = cache.borrow_mut();
        if cache.len() >= MAX_CACHED_CONTEXTS {
            cache.clear();
        }
        cache.insert(key, processed.clone());
    });
    Ok(processed)
}

/// Parsed once per process; the loader hands out clones.
fn pinned() -> &'static HashMap<IriBuf, RemoteDocument> {
    static PINNED: OnceLock<HashMap<IriBuf, RemoteDocument>> = OnceLock::new();
    PINNED.get_or_init(|| {
        CONTEXTS
            .iter()
            .filter_map(|(url, text)| {
                let iri = IriBuf::new((*url).to_owned()).ok()?;
                let value = json_syntax::Value::parse_str(text).ok()?.0;
                Some((iri.clone(), RemoteDocument::new(Some(iri), None, value)))
            })
            .collect()
    })
}

struct PinnedLoader {
    /// The first URL asked for that is not pinned.
    missing: RefCell<Option<String>>,
}

#[derive(Debug, thiserror::Error)]
#[error("not a pinned context")]
struct NotPinned;

impl Loader for PinnedLoader {
    async fn load(&self, url: &Iri) -> Result<RemoteDocument<IriBuf>, LoadError> {
        match pinned().get(url) {
            Some(document) => Ok(document.clone()),
            None => {
                self.missing
                    .borrow_mut()
                    .get_or_insert_with(|| url.as_str().to_owned());
                Err(LoadError::new(url.to_owned(), NotPinned))
            }
        }
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn warming_up_processes_the_open_badges_3_context_ahead_of_the_first_badge() {
        let badge = include_str!("../../../public/badges/health-data-foundations.json");
        let cold = canonicalize(badge).expect("canonical form, cold");
        PROCESSED.with(|cache| cache.borrow_mut().clear());
        warm_up();
        let key = json_syntax::Value::parse_str(
            r#"["https://www.w3.org/ns/credentials/v2","https://purl.imsglobal.org/spec/ob/v3p0/context-3.0.3.json"]"#,
        )
        .expect("JSON")
        .0
        .to_string();
        assert!(PROCESSED.with(|cache| cache.borrow().contains_key(&key)));
        // The kept context gives the same canonical form.
        assert_eq!(canonicalize(badge).expect("canonical form, warm"), cold);
    }

    #[test]
    fn unknown_contexts_fail_closed_and_undefined_terms_are_errors() {
        let text = r#"{"@context": ["https://www.w3.org/ns/credentials/v2", "https://evil.example/ctx"], "type": "VerifiableCredential"}"#;
        assert_eq!(
            canonicalize(text),
            Err(CanonError::UnsupportedContext(
                "https://evil.example/ctx".into()
            ))
        );
        let undefined =
            r#"{"@context": {"name": "https://schema.org/name"}, "name": "x", "oops": 1}"#;
        assert!(
            matches!(canonicalize(undefined), Err(CanonError::Undefined(_))),
            "{:?}",
            canonicalize(undefined)
        );
        let relative_type =
            r#"{"@context": {"name": "https://schema.org/name"}, "@type": "Thing", "name": "x"}"#;
        assert!(matches!(
            canonicalize(relative_type),
            Err(CanonError::Undefined(_))
        ));
    }

    #[test]
    fn a_percent_encoding_that_is_not_utf8_is_an_error_not_a_panic() {
        // Found by `cargo fuzz run canonicalize`: pct-str panicked on %80.
        for text in [
            "\t{\"pa0000000:000000000000/00000%800000000000000\":{}}",
            r#"{"@id": "https://example.org/%ff"}"#,
            r#"{"@context": {"@vocab": "https://example.org/"}, "@type": "A%C3"}"#,
        ] {
            assert!(
                matches!(canonicalize(text), Err(CanonError::JsonLd(_))),
                "{text}"
            );
        }
        // Valid escapes, and a "%" that is just text, are fine.
        for text in [
            r#"{"@id": "https://example.org/caf%C3%A9", "https://schema.org/name": "x"}"#,
            r#"{"@id": "https://example.org/a", "https://schema.org/name": "passed with 70%, 100% online"}"#,
            r#"{"@id": "https://example.org/%zz", "https://schema.org/name": "x"}"#,
        ] {
            assert!(
                canonicalize(text).is_ok(),
                "{text}: {:?}",
                canonicalize(text)
            );
        }
    }

    #[test]
    fn every_pinned_context_parses() {
        for (url, text) in CONTEXTS {
            assert!(json_syntax::Value::parse_str(text).is_ok(), "{url}");
        }
        assert_eq!(pinned().len(), CONTEXTS.len());
    }
}
