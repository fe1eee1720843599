//! The demo badges in public/badges/ (made by scripts/demo-badges) each get
//! the verdict their name promises from `microcred verify --json --catalog
//! public/catalog.json`, with the demo status list, the hosted OB 2.0
//! badge and the Badgr-shaped issuer's documents answered from their files
//! (`--resolve`).

#![cfg(all(feature = "verifier", not(target_arch = "wasm32")))]

use std::process::ExitCode;

use microcred::domain::report::Report;

fn verdict(file: &str) -> (ExitCode, String) {
    let root = env!("CARGO_MANIFEST_DIR");
    let args: Vec<String> = [
        "verify",
        "--json",
        "--catalog",
        &format!("{root}/public/catalog.json"),
        "--resolve",
        &format!("https://kestrel.example/status/revocation-1.json={root}/public/status/revocation-1.json"),
        "--resolve",
        &format!(
            "https://badges.kestrel.example/assertions/2026-0009.json={root}/public/badges/health-data-foundations.ob2-hosted.json"
        ),
    ]
    .map(String::from)
    .to_vec();
    // The Badgr-shaped issuer's documents, where its public API serves them.
    let badgr = format!("{root}/tests/badges/templates/badgr");
    let mut args = args;
    for (path, file) in [
        ("assertions/Tz5Vk8NqR3mYb7LcW2xHdA", "assertion.json"),
        ("assertions/Rv0KdQ4sM9tBx2NcF7wLeA", "revoked-answer.json"),
        ("badges/Hd3Fq9LmT2xWc6RbN1sKpA", "badge-class.json"),
        ("issuers/Kx7Qm2RtS9aLw4VbN8pZcA", "issuer.json"),
    ] {
        args.push("--resolve".into());
        args.push(format!("https://api.badgr.io/public/{path}={badgr}/{file}"));
    }
    args.push(format!("{root}/public/badges/{file}"));
    let (mut out, mut err) = (Vec::new(), Vec::new());
    let code = microcred::cli::run(&args, &mut out, &mut err);
    let report: serde_json::Value = serde_json::from_slice(&out)
        .unwrap_or_else(|e| panic!("{file}: {e}\n{}", String::from_utf8_lossy(&err)));
    // The page and the wallet read the same JSON (sent by the verifier
    // worker) with the core's small reader, into the same types: written
    // out again by serde, it must be the very report the CLI printed.
    let read = Report::from_json(&String::from_utf8_lossy(&out))
        .unwrap_or_else(|e| panic!("{file}: the page cannot read the report: {e}"));
    assert!(read.badge.is_some(), "{file}: no badge");
    assert_eq!(
        serde_json::to_value(&read).unwrap(),
        report,
        "{file}: the page reads a different report"
    );
    (code, report["verdict"].as_str().unwrap_or("").to_owned())
}

#[test]
fn every_demo_badge_gets_the_verdict_its_name_promises() {
    let dir = concat!(env!("CARGO_MANIFEST_DIR"), "/public/badges");
    let mut names: Vec<String> = std::fs::read_dir(dir)
        .unwrap()
        .filter_map(|e| e.ok())
        .filter(|e| e.path().is_file())
        .map(|e| e.file_name().to_string_lossy().into_owned())
        .collect();
    names.sort();
    assert!(names.len() >= 11, "{names:?}");
    for name in &names {
        let expected = if name.contains("-expired") {
            "expired"
        } else if name.contains("-revoked") {
            "revoked"
        } else if name.contains("-unknown-issuer") {
            "unknown_issuer"
        } else {
            "verified"
        };
        let (code, verdict) = verdict(name);
        assert_eq!(verdict, expected, "{name}");
        assert_eq!(
            code == ExitCode::SUCCESS,
            expected == "verified",
            "{name}: exit code"
        );
    }
    // Every format is among them.
    for ending in [
        ".json",
        ".jcs.json",
        ".jwt",
        ".png",
        ".svg",
        ".ob2.jwt",
        ".ob2-hosted.json",
        ".badgr.json",
        ".badgr.png",
        ".badgr.svg",
    ] {
        assert!(
            names.iter().any(|n| n.ends_with(ending)),
            "no demo badge ends with {ending}"
        );
    }
}

#[test]
fn no_private_key_is_published() {
    fn walk(dir: &std::path::Path, out: &mut Vec<std::path::PathBuf>) {
        for entry in std::fs::read_dir(dir).unwrap().flatten() {
            let path = entry.path();
            if path.is_dir() {
                walk(&path, out);
            } else {
                out.push(path);
            }
        }
    }
    let mut files = Vec::new();
    walk(
        std::path::Path::new(concat!(env!("CARGO_MANIFEST_DIR"), "/public")),
        &mut files,
    );
    for file in files {
        let bytes = std::fs::read(&file).unwrap();
        let text = String::from_utf8_lossy(&bytes);
        assert!(!text.contains("PRIVATE KEY"), "{}", file.display());
        assert!(
            !text.contains("\"d\":"),
            "{} looks like a private JWK",
            file.display()
        );
    }
}

/// What an Open Badges 2.0 validator needs to check our signed assertion
/// (the 2.0 specification's signed verification): the creator key's
/// CryptographicKey document, published under public/, names the issuer as
/// its owner and holds the key the catalog lists; the issuer profile in the
/// assertion lists the key in `publicKey`.
#[test]
fn the_ob2_signing_key_is_published_for_other_validators() {
    use base64::Engine as _;
    let root = env!("CARGO_MANIFEST_DIR");
    let read = |path: &str| -> serde_json::Value {
        serde_json::from_slice(&std::fs::read(format!("{root}/{path}")).unwrap()).unwrap()
    };
    let token = std::fs::read_to_string(format!(
        "{root}/public/badges/health-data-foundations.ob2.jwt"
    ))
    .unwrap();
    let payload: serde_json::Value = serde_json::from_slice(
        &base64::engine::general_purpose::URL_SAFE_NO_PAD
            .decode(token.trim().split('.').nth(1).unwrap())
            .unwrap(),
    )
    .unwrap();
    let creator = payload["verification"]["creator"].as_str().unwrap();
    let issuer = &payload["badge"]["issuer"];
    assert_eq!(issuer["publicKey"], creator);
    let file = creator
        .strip_prefix("https://kestrel.example/")
        .expect("the key lives on the site");
    let key = read(&format!("public/{file}"));
    assert_eq!(key["type"], "CryptographicKey");
    assert_eq!(key["id"], creator);
    assert_eq!(key["owner"], issuer["id"]);
    let catalog = read("public/catalog.json");
    let listed = catalog["issuers"]
        .as_array()
        .unwrap()
        .iter()
        .flat_map(|i| i["keys"].as_array().unwrap())
        .find(|k| k["id"] == creator)
        .expect("the catalog lists the key");
    assert_eq!(key["publicKeyPem"], listed["publicKeyPem"]);
}

/// "Check all again" shares one run's fetches: badges that name the same
/// status list fetch and verify it once, and still get their own verdicts.
#[test]
fn a_run_fetches_and_reads_a_shared_status_list_once() {
    use std::cell::Cell;

    use microcred::domain::catalog::Catalog;
    use microcred::domain::verify::memo::Memo;
    use microcred::domain::verify::{
        Env, Fetch, FetchError, Fetched, TrustStore, Verdict, block_on, verify,
    };

    struct Files {
        asked: Cell<usize>,
    }
    impl Fetch for Files {
        async fn fetch(&self, url: &str) -> Result<Fetched, FetchError> {
            self.asked.set(self.asked.get() + 1);
            let root = env!("CARGO_MANIFEST_DIR");
            match url {
                "https://kestrel.example/status/revocation-1.json" => Ok(Fetched {
                    status: 200,
                    body: std::fs::read(format!("{root}/public/status/revocation-1.json")).unwrap(),
                }),
                _ => Err(FetchError(format!("{url} is not served here"))),
            }
        }
    }
    let root = env!("CARGO_MANIFEST_DIR");
    let catalog = Catalog::from_json(
        &std::fs::read_to_string(format!("{root}/public/catalog.json")).unwrap(),
    )
    .unwrap();
    let trust = TrustStore::from_catalog(&catalog);
    let memo = Memo::new(Files {
        asked: Cell::new(0),
    });
    let env = Env {
        trust: &trust,
        now: "2026-11-30T00:00:00Z".parse().unwrap(),
        fetch: &memo,
    };
    let badge = |name: &str| std::fs::read(format!("{root}/public/badges/{name}")).unwrap();
    let mut verdicts = Vec::new();
    for name in [
        "health-data-governance-revoked.json",
        "health-data-foundations.json",
        "health-data-governance.png",
        "health-data-governance-revoked.json",
    ] {
        verdicts.push(block_on(verify(&badge(name), &env)).verdict);
    }
    assert_eq!(
        verdicts,
        [
            Verdict::Revoked,
            Verdict::Verified,
            Verdict::Verified,
            Verdict::Revoked
        ]
    );
    assert_eq!(memo.len(), 1, "one address fetched");
    assert_eq!(memo.lists().map(|l| l.len()), Some(1), "one list verified");
}
