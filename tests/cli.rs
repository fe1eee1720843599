//! The `microcred` binary, run as staff would run it.

use std::path::Path;
use std::process::Command;

fn microcred(args: &[&str]) -> (i32, String, String) {
    let output = Command::new(env!("CARGO_BIN_EXE_microcred"))
        .args(args)
        .current_dir(env!("CARGO_MANIFEST_DIR"))
        .output()
        .expect("microcred runs");
    (
        output.status.code().unwrap_or(-1),
        String::from_utf8_lossy(&output.stdout).into_owned(),
        String::from_utf8_lossy(&output.stderr).into_owned(),
    )
}

/// The demo catalog with `edit` applied, written to a temporary file.
fn broken_copy(name: &str, edit: impl FnOnce(&mut serde_json::Value)) -> String {
    let text =
        std::fs::read_to_string(Path::new(env!("CARGO_MANIFEST_DIR")).join("public/catalog.json"))
            .unwrap();
    let mut value: serde_json::Value = serde_json::from_str(&text).unwrap();
    edit(&mut value);
    let path =
        std::env::temp_dir().join(format!("microcred-test-{}-{name}.json", std::process::id()));
    std::fs::write(&path, serde_json::to_string_pretty(&value).unwrap()).unwrap();
    path.to_string_lossy().into_owned()
}

#[test]
fn the_demo_catalog_passes_the_check() {
    let (code, out, err) = microcred(&["catalog", "check", "public/catalog.json"]);
    assert_eq!(code, 0, "stdout:\n{out}\nstderr:\n{err}");
    assert!(out.contains("OK"));
}

/// End to end through the command: a schema error, a content rule and key
/// parsing each exit 1 with the path and words. (Every content rule has its
/// own row in `tests/catalog_rules.rs`, called on built values.)
#[test]
fn broken_catalogs_get_path_named_errors_and_exit_1() {
    use serde_json::json;
    type Edit = Box<dyn FnOnce(&mut serde_json::Value)>;
    let cases: Vec<(&str, Edit, &str, &str)> = vec![
        (
            "negative-fee",
            Box::new(|v| v["offerings"][0]["fee"]["amountCents"] = json!(-100)),
            "$.offerings[0].fee.amountCents",
            "minimum",
        ),
        (
            "three-in-series",
            Box::new(|v| {
                v["series"][0]["offerings"].as_array_mut().unwrap().pop();
            }),
            "$.series[0].offerings",
            "4",
        ),
        (
            "private-jwk",
            Box::new(|v| v["issuers"][0]["keys"][1]["publicKeyJwk"]["d"] = json!("secret")),
            "$.issuers[0].keys[1].publicKeyJwk",
            "",
        ),
        (
            "bad-pem",
            Box::new(|v| {
                v["issuers"][0]["keys"][2]["publicKeyPem"] =
                    json!("-----BEGIN PUBLIC KEY-----\nAAAA\n-----END PUBLIC KEY-----")
            }),
            "$.issuers[0].keys[2].publicKeyPem",
            "PEM",
        ),
        (
            "unknown-field",
            Box::new(|v| v["offerings"][0]["colour"] = json!("blue")),
            "$.offerings[0]",
            "colour",
        ),
        (
            "missing-terms",
            Box::new(|v| {
                v.as_object_mut().unwrap().remove("terms");
            }),
            "$",
            "terms",
        ),
        (
            "wrong-version",
            Box::new(|v| v["version"] = json!(2)),
            "$.version",
            "1",
        ),
    ];
    for (name, edit, path, words) in cases {
        let file = broken_copy(name, edit);
        let (code, out, _) = microcred(&["catalog", "check", &file]);
        assert_eq!(code, 1, "{name}: expected exit 1, got {code}\n{out}");
        let line = out.lines().find(|l| l.contains(&format!(": {path}: ")));
        let line = line.unwrap_or_else(|| panic!("{name}: no error at {path}:\n{out}"));
        assert!(
            line.contains(words),
            "{name}: expected “{words}” in\n{line}"
        );
        std::fs::remove_file(&file).ok();
    }
}

#[test]
fn usage_errors_exit_2_and_a_missing_file_is_named() {
    let (code, _, err) = microcred(&["catalog", "frobnicate"]);
    assert_eq!(code, 2);
    assert!(err.contains("Usage"));
    let (code, _, err) = microcred(&["catalog", "check", "/nonexistent/catalog.json"]);
    assert_eq!(code, 2);
    assert!(err.contains("/nonexistent/catalog.json"));
}

#[cfg(feature = "verifier")]
#[test]
fn verify_gives_the_verdict_and_its_exit_code() {
    let vectors = concat!(env!("CARGO_MANIFEST_DIR"), "/../shared/vectors");
    let catalog = concat!(env!("CARGO_MANIFEST_DIR"), "/tests/vectors/catalog.json");
    let run = |file: &str, json: bool| {
        let input = format!("{vectors}/{file}");
        let mut args = vec![
            "verify",
            "--catalog",
            catalog,
            "--now",
            "2026-11-30T00:00:00Z",
        ];
        if json {
            args.push("--json");
        }
        args.push(&input);
        microcred(&args)
    };
    let (code, out, _) = run("ob3-impl-guide/signed-credential.json", true);
    assert_eq!(code, 0, "{out}");
    let report: serde_json::Value = serde_json::from_str(&out).unwrap();
    assert_eq!(report["verdict"], "verified");
    let (code, out, _) = run("1edtech-validator/ob30/simple-err-expired.json", true);
    assert_eq!(
        (
            code,
            &serde_json::from_str::<serde_json::Value>(&out).unwrap()["verdict"]
        ),
        (1, &"expired".into())
    );
    let (code, out, _) = run(
        "dcc-vc-test-fixtures/v2/ed25519/didKey/legacy-noStatus-noExpiry-tampered.json",
        false,
    );
    assert_eq!(code, 1);
    assert!(out.contains("Not valid") && out.contains("FAIL"), "{out}");
    let (code, _, err) = run("no/such/file.json", false);
    assert_eq!(code, 2);
    assert!(err.contains("no/such/file.json"), "{err}");
    let (code, _, err) = microcred(&["verify"]);
    assert_eq!(code, 2);
    assert!(err.contains("INPUT is missing"), "{err}");
}

/// A real HTTP server on 127.0.0.1 serving files from `public/` (and 404 for
/// anything else), for as many requests as the test makes, to requests whose
/// `Accept` asks for JSON (406 otherwise). Returns its base URL.
#[cfg(feature = "verifier")]
fn serve_public() -> String {
    use std::io::{BufRead as _, BufReader, Write as _};
    let listener = std::net::TcpListener::bind("127.0.0.1:0").unwrap();
    let base = format!("http://{}", listener.local_addr().unwrap());
    std::thread::spawn(move || {
        for stream in listener.incoming().flatten() {
            let mut reader = BufReader::new(&stream);
            let mut request_line = String::new();
            if reader.read_line(&mut request_line).is_err() {
                continue;
            }
            // Read the headers: like Badgr, answer JSON only to a request
            // that asks for it, and send anything that names HTML to a web page.
            let mut line = String::new();
            let mut accept = String::new();
            while reader.read_line(&mut line).is_ok_and(|n| n > 2) {
                if let Some((name, value)) = line.split_once(':')
                    && name.eq_ignore_ascii_case("accept")
                {
                    accept = value.trim().to_owned();
                }
                line.clear();
            }
            let wants_json = !accept.contains("text/html")
                && (accept.contains("application/json") || accept.contains("application/ld+json"));
            let path = request_line
                .split_whitespace()
                .nth(1)
                .unwrap_or("/")
                .to_owned();
            let file = Path::new(env!("CARGO_MANIFEST_DIR"))
                .join("public")
                .join(path.trim_start_matches('/'));
            let (status, body) = match (path.contains(".."), std::fs::read(&file)) {
                _ if !wants_json => ("406 Not Acceptable", b"ask for JSON".to_vec()),
                (false, Ok(body)) => ("200 OK", body),
                _ => ("404 Not Found", b"not found".to_vec()),
            };
            let mut stream = &stream;
            let _ = write!(
                stream,
                "HTTP/1.1 {status}\r\nContent-Length: {}\r\nConnection: close\r\n\r\n",
                body.len()
            );
            let _ = stream.write_all(&body);
        }
    });
    base
}

#[cfg(feature = "verifier")]
#[test]
fn verify_fetches_a_badge_url_over_real_http() {
    let base = serve_public();
    let url = format!("{base}/badges/health-data-foundations.json");
    let (code, out, err) = microcred(&["verify", "--json", &url]);
    assert_eq!(code, 0, "{out}{err}");
    let report: serde_json::Value = serde_json::from_str(&out).unwrap();
    assert_eq!(report["verdict"], "verified");
    // A missing badge is "could not check", not "invalid".
    let (code, out, _) = microcred(&["verify", "--json", &format!("{base}/badges/nope.json")]);
    assert_eq!(code, 1);
    assert_eq!(
        serde_json::from_str::<serde_json::Value>(&out).unwrap()["verdict"],
        "could_not_check"
    );
    // The revoked demo, fetched over HTTP; its status list answered from its file.
    let status = format!(
        "https://kestrel.example/status/revocation-1.json={}/public/status/revocation-1.json",
        env!("CARGO_MANIFEST_DIR")
    );
    let (_, out, _) = microcred(&[
        "verify",
        "--json",
        "--resolve",
        &status,
        &format!("{base}/badges/health-data-governance-revoked.json"),
    ]);
    assert_eq!(
        serde_json::from_str::<serde_json::Value>(&out).unwrap()["verdict"],
        "revoked"
    );
    // --offline: nothing is fetched, so the URL cannot be checked.
    let (code, out, _) = microcred(&["verify", "--json", "--offline", &url]);
    assert_eq!(code, 1);
    assert_eq!(
        serde_json::from_str::<serde_json::Value>(&out).unwrap()["verdict"],
        "could_not_check"
    );
}
