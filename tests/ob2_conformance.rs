//! The Open Badges 2.0 conformance set in `tests/ob2/cases.json`: the
//! shapes real issuers emit (Badgr's first), each with its verdict. See the
//! file's "about" for how a case is written; this runner builds each input,
//! answers the verifier's fetches from the case's documents, and compares.

#![cfg(feature = "verifier")]

use std::collections::HashMap;

use base64::Engine as _;
use base64::engine::general_purpose::URL_SAFE_NO_PAD;
use microcred::domain::catalog::Catalog;
use microcred::domain::issue::{PrivateKey, sign_ob2};
use microcred::domain::verify::{
    CheckId, Env, Fetch, FetchError, Fetched, Outcome, Report, TrustStore, baked, block_on,
};
use serde_json::{Map, Value};

const ROOT: &str = env!("CARGO_MANIFEST_DIR");

fn read(path: &str) -> Vec<u8> {
    std::fs::read(path).unwrap_or_else(|e| panic!("{path}: {e}"))
}

fn vector(path: &str) -> Vec<u8> {
    read(&format!("{ROOT}/../shared/vectors/{path}"))
}

/// RFC 7386: objects merge member by member, `null` removes, anything else
/// replaces.
fn merge(target: &mut Value, patch: &Value) {
    let Value::Object(patch) = patch else {
        *target = patch.clone();
        return;
    };
    if !target.is_object() {
        *target = Value::Object(Map::new());
    }
    let Value::Object(object) = target else {
        return;
    };
    for (key, value) in patch {
        if value.is_null() {
            object.remove(key);
        } else {
            merge(object.entry(key.clone()).or_insert(Value::Null), value);
        }
    }
}

/// Answers from a map; anything else is "could not be fetched".
struct Served(HashMap<String, Fetched>);

impl Fetch for Served {
    async fn fetch(&self, url: &str) -> Result<Fetched, FetchError> {
        self.0
            .get(url)
            .cloned()
            .ok_or_else(|| FetchError(format!("nothing is served at {url}")))
    }
}

struct Set {
    doc: Value,
    trust: TrustStore,
    /// Signing keys by name: the catalog's issuer's, and one it does not list.
    keys: HashMap<String, (PrivateKey, String)>,
}

impl Set {
    fn load() -> Set {
        let doc: Value = serde_json::from_slice(&read(&format!("{ROOT}/tests/ob2/cases.json")))
            .expect("cases.json is JSON");
        let catalog = String::from_utf8(read(&format!("{ROOT}/tests/ob2/catalog.json"))).unwrap();
        let trust = TrustStore::from_catalog(&Catalog::from_json(&catalog).unwrap());
        let keys = doc["signingKeys"]
            .as_object()
            .unwrap()
            .iter()
            .map(|(name, key)| {
                let file = format!("{ROOT}/{}", key["file"].as_str().unwrap());
                let pem = String::from_utf8(read(&file)).unwrap();
                let id = key["id"].as_str().unwrap().to_owned();
                (name.clone(), (PrivateKey::from_pem(&pem).unwrap(), id))
            })
            .collect();
        Set { doc, trust, keys }
    }

    fn base(&self, name: &str) -> Value {
        let base = &self.doc["bases"][name];
        match base.get("vector").and_then(Value::as_str) {
            Some(path) => serde_json::from_slice(&vector(path)).unwrap(),
            None => base.clone(),
        }
    }

    fn sign(&self, assertion: &Value, key: &str) -> String {
        let (key, id) = &self.keys[key];
        sign_ob2(assertion.as_object().unwrap(), key, id)
    }
}

/// A JWS with its payload changed and the signature kept.
fn tamper(token: &str, patch: &Value) -> String {
    let parts: Vec<&str> = token.split('.').collect();
    let mut payload: Value =
        serde_json::from_slice(&URL_SAFE_NO_PAD.decode(parts[1]).unwrap()).unwrap();
    merge(&mut payload, patch);
    let payload = URL_SAFE_NO_PAD.encode(serde_json::to_vec(&payload).unwrap());
    format!("{}.{payload}.{}", parts[0], parts[2])
}

const SVG: &str = r##"<svg xmlns="http://www.w3.org/2000/svg" width="64" height="64" viewBox="0 0 64 64"><circle cx="32" cy="32" r="30" fill="#1b5e20"/></svg>"##;

/// Builds a case's input and verifies it with the case's documents served.
fn verify_case(set: &Set, case: &Value) -> Result<Report, String> {
    let text = |key: &str| case.get(key).and_then(Value::as_str);
    let original = text("base").map(|b| set.base(b));
    let mut assertion = original.clone().unwrap_or(Value::Null);
    if let Some(patch) = case.get("patch") {
        merge(&mut assertion, patch);
    }
    let pretty = || serde_json::to_string_pretty(&assertion).unwrap();
    let medal = || read(&format!("{ROOT}/tests/badges/medal.png"));
    let key = text("key").unwrap_or("issuer");
    let input: Vec<u8> = match case.get("input") {
        None => pretty().into_bytes(),
        Some(Value::String(kind)) => match kind.as_str() {
            "jws" => {
                let token = set.sign(&assertion, key);
                match case.get("tamper") {
                    Some(patch) => tamper(&token, patch).into_bytes(),
                    None => token.into_bytes(),
                }
            }
            "url" => assertion["id"].as_str().unwrap().as_bytes().to_vec(),
            "png" => {
                baked::bake_png(&medal(), &pretty(), "openbadges").map_err(|e| e.to_string())?
            }
            "png-jws" => baked::bake_png(&medal(), &set.sign(&assertion, key), "openbadges")
                .map_err(|e| e.to_string())?,
            "svg" => baked::bake_svg(SVG, &pretty())
                .map_err(|e| e.to_string())?
                .into_bytes(),
            other => return Err(format!("unknown input kind {other}")),
        },
        Some(Value::Object(given)) => match (given.get("vector"), given.get("json")) {
            (Some(Value::String(path)), _) => vector(path),
            (_, Some(json)) => serde_json::to_vec(json).unwrap(),
            _ => return Err("input object needs vector or json".into()),
        },
        Some(other) => return Err(format!("bad input {other}")),
    };

    // What the test server answers.
    let mut served = HashMap::new();
    if case.get("offline") != Some(&Value::Bool(true)) {
        for (url, document) in set.doc["documents"].as_object().unwrap() {
            let body = serde_json::to_vec(document).unwrap();
            served.insert(url.clone(), Fetched { status: 200, body });
        }
        if let Some(id) = assertion.get("id").and_then(Value::as_str) {
            let answer = match case.get("serve") {
                Some(serve) => Fetched {
                    status: serve["status"].as_u64().unwrap() as u16,
                    body: match serve.get("vector").and_then(Value::as_str) {
                        Some(path) => vector(path),
                        None => b"Not here".to_vec(),
                    },
                },
                None => {
                    let copy = if case.get("serve_original") == Some(&Value::Bool(true)) {
                        original.as_ref().unwrap()
                    } else {
                        &assertion
                    };
                    Fetched {
                        status: 200,
                        body: serde_json::to_vec_pretty(copy).unwrap(),
                    }
                }
            };
            served.insert(id.to_owned(), answer);
        }
        for url in case
            .get("unserve")
            .and_then(Value::as_array)
            .into_iter()
            .flatten()
        {
            served.remove(url.as_str().unwrap());
        }
    }
    let now = text("now")
        .or(set.doc["now"].as_str())
        .unwrap()
        .parse()
        .unwrap();
    let fetch = Served(served);
    let env = Env {
        trust: &set.trust,
        now,
        fetch: &fetch,
    };
    let mut report = block_on(microcred::domain::verify::verify(&input, &env));
    if let Some(identity) = text("recipient") {
        report.check_recipient(identity);
    }
    Ok(report)
}

/// Compares a report with what the case expects; `Err` says what is wrong.
fn judge(case: &Value, report: &Report) -> Result<(), String> {
    let text = |key: &str| case.get(key).and_then(Value::as_str);
    let mut wrong = Vec::new();
    let expected = text("expect").unwrap();
    if report.verdict.as_str() != expected {
        wrong.push(format!(
            "expected {expected}, got {}",
            report.verdict.as_str()
        ));
    }
    if let Some(needle) = text("sentence")
        && !report.checks.iter().any(|c| c.sentence.contains(needle))
    {
        wrong.push(format!("no check says “{needle}”"));
    }
    if let Some(outcome) = text("recipient_expect") {
        let row = report.check(CheckId::Recipient).map(|c| c.outcome);
        let want = match outcome {
            "pass" => Outcome::Pass,
            _ => Outcome::Fail,
        };
        if row != Some(want) {
            wrong.push(format!("recipient check {row:?}, expected {want:?}"));
        }
    }
    if let Some(Value::Bool(want)) = case.get("issuer_page")
        && report.issuer_page.is_some() != *want
    {
        wrong.push(format!("issuer_page {:?}", report.issuer_page));
    }
    if let Some(view) = case.get("view") {
        let badge = report.badge.clone().unwrap_or_default();
        let count = |key: &str| view.get(key).and_then(Value::as_u64).map(|n| n as usize);
        for (key, have) in [
            ("evidence", badge.evidence.len()),
            ("alignments", badge.alignments.len()),
            ("tags", badge.tags.len()),
        ] {
            if let Some(want) = count(key)
                && want != have
            {
                wrong.push(format!("{key}: {have}, expected {want}"));
            }
        }
        if view.get("image") == Some(&Value::Bool(true)) && badge.achievement.image.is_none() {
            wrong.push("no achievement image".into());
        }
    }
    if wrong.is_empty() {
        Ok(())
    } else {
        let rows: Vec<String> = report
            .checks
            .iter()
            .map(|c| {
                format!(
                    "      {:?} {:?}: {} [{}]",
                    c.id, c.outcome, c.sentence, c.detail
                )
            })
            .collect();
        Err(format!("{}\n{}", wrong.join("; "), rows.join("\n")))
    }
}

#[test]
fn every_ob2_case_gets_its_verdict() {
    let set = Set::load();
    let cases = set.doc["cases"].as_array().unwrap();
    assert!(cases.len() >= 40, "the set has {} cases", cases.len());
    let mut failures = Vec::new();
    for case in cases {
        if let Err(why) = verify_case(&set, case).and_then(|report| judge(case, &report)) {
            failures.push(format!("  {}: {why}", case["name"].as_str().unwrap()));
        }
    }
    assert!(
        failures.is_empty(),
        "{} of {} cases wrong:\n{}",
        failures.len(),
        cases.len(),
        failures.join("\n")
    );
}

#[test]
fn no_case_verifies_without_the_catalog() {
    let mut set = Set::load();
    set.trust = TrustStore::default();
    for case in set.doc["cases"].as_array().unwrap() {
        let report = verify_case(&set, case).unwrap();
        assert_ne!(
            report.verdict.as_str(),
            "verified",
            "{}",
            case["name"].as_str().unwrap()
        );
    }
}
