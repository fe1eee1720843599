//! `microcred keygen`, `issue`, `status-list` and `bake`: making badges.
//!
//! Private keys are PKCS#8 PEM files. They must never be published: these
//! commands refuse to write a key, or read one, under a `public/` folder.

use std::io::Write;
use std::path::Path;
use std::process::ExitCode;

use serde_json::{Map, Value, json};

use crate::domain::instant::UnixTime;
use crate::domain::issue::{self, PrivateKey, Suite};
use crate::domain::verify::baked;

pub const KEYGEN_USAGE: &str = "microcred keygen ed25519|p256|rsa --out KEYFILE";
pub const ISSUE_USAGE: &str = "microcred issue --key KEYFILE --key-id ID --format eddsa-rdfc-2022|eddsa-jcs-2022|vc-jwt|ob2-jws [--created RFC3339] [--out FILE] TEMPLATE";
pub const STATUS_USAGE: &str =
    "microcred status-list [--size N] [--set I,J,…] [--out FILE] TEMPLATE";
pub const BAKE_USAGE: &str = "microcred bake --image PNG_OR_SVG [--out FILE] CREDENTIAL";

type Outcome = Result<(), (u8, String)>;

fn usage(usage: &str, why: impl std::fmt::Display) -> (u8, String) {
    (2, format!("{why}\nUsage: {usage}"))
}

fn finish(command: &str, result: Outcome, err: &mut dyn Write) -> ExitCode {
    match result {
        Ok(()) => ExitCode::SUCCESS,
        Err((code, message)) => {
            let _ = writeln!(err, "microcred {command}: {message}");
            ExitCode::from(code)
        }
    }
}

/// Named options and one positional argument.
struct Args<'a> {
    named: Vec<(&'a str, &'a str)>,
    positional: Vec<&'a str>,
}

fn parse<'a>(args: &[&'a str], known: &[&str]) -> Result<Args<'a>, String> {
    let mut out = Args {
        named: Vec::new(),
        positional: Vec::new(),
    };
    let mut rest = args.iter();
    while let Some(arg) = rest.next() {
        if let Some(name) = arg.strip_prefix("--") {
            if !known.contains(&name) {
                return Err(format!("unknown option --{name}"));
            }
            let value = rest
                .next()
                .ok_or_else(|| format!("--{name} needs a value"))?;
            out.named.push((name, value));
        } else {
            out.positional.push(arg);
        }
    }
    Ok(out)
}

impl<'a> Args<'a> {
    fn get(&self, name: &str) -> Option<&'a str> {
        self.named
            .iter()
            .rev()
            .find(|(n, _)| *n == name)
            .map(|(_, v)| *v)
    }
}

fn under_public(path: &str) -> bool {
    Path::new(path)
        .components()
        .any(|c| c.as_os_str() == "public")
}

fn read_text(path: &str) -> Result<String, (u8, String)> {
    std::fs::read_to_string(path).map_err(|e| (2, format!("cannot read {path}: {e}")))
}

fn write_out(path: Option<&str>, bytes: &[u8], out: &mut dyn Write) -> Outcome {
    match path {
        Some(path) => {
            std::fs::write(path, bytes).map_err(|e| (2, format!("cannot write {path}: {e}")))
        }
        None => out.write_all(bytes).map_err(|e| (2, e.to_string())),
    }
}

fn read_key(path: &str) -> Result<PrivateKey, (u8, String)> {
    if under_public(path) {
        return Err((
            2,
            format!("{path} is under public/: private keys must never be published"),
        ));
    }
    PrivateKey::from_pem(&read_text(path)?).map_err(|e| (2, format!("{path}: {e}")))
}

fn read_object(path: &str) -> Result<Map<String, Value>, (u8, String)> {
    match serde_json::from_str::<Value>(&read_text(path)?) {
        Ok(Value::Object(object)) => Ok(object),
        Ok(_) => Err((2, format!("{path} is not a JSON object"))),
        Err(e) => Err((2, format!("{path} is not valid JSON: {e}"))),
    }
}

pub fn keygen(args: &[&str], out: &mut dyn Write, err: &mut dyn Write) -> ExitCode {
    let result = (|| {
        let args = parse(args, &["out"]).map_err(|e| usage(KEYGEN_USAGE, e))?;
        let [kind] = args.positional[..] else {
            return Err(usage(KEYGEN_USAGE, "name one key type"));
        };
        let path = args
            .get("out")
            .ok_or_else(|| usage(KEYGEN_USAGE, "--out is required"))?;
        if under_public(path) {
            return Err((
                2,
                format!("{path} is under public/: private keys must never be published"),
            ));
        }
        if Path::new(path).exists() {
            return Err((2, format!("{path} exists; keygen never overwrites a key")));
        }
        let mut rng = rand_core::OsRng;
        let key = match kind {
            "ed25519" => {
                let mut seed = [0u8; 32];
                rand_core::RngCore::fill_bytes(&mut rng, &mut seed);
                PrivateKey::Ed25519(ed25519_dalek::SigningKey::from_bytes(&seed))
            }
            "p256" => PrivateKey::P256(p256::ecdsa::SigningKey::random(&mut rng)),
            "rsa" => PrivateKey::Rsa(Box::new(
                rsa::RsaPrivateKey::new(&mut rng, 2048).map_err(|e| (2, e.to_string()))?,
            )),
            other => return Err(usage(KEYGEN_USAGE, format!("unknown key type {other}"))),
        };
        let pem = key.to_pem().map_err(|e| (2, e))?;
        write_private(path, &pem)?;
        let public = issue::public_forms(&key.public_key());
        let text = serde_json::to_string_pretty(&json!({
            "privateKeyFile": path,
            "algorithm": key.algorithm().jose(),
            "public": public,
        }))
        .unwrap_or_default();
        writeln!(out, "{text}").map_err(|e| (2, e.to_string()))
    })();
    finish("keygen", result, err)
}

#[cfg(unix)]
fn write_private(path: &str, pem: &str) -> Outcome {
    use std::os::unix::fs::OpenOptionsExt as _;
    let mut file = std::fs::OpenOptions::new()
        .write(true)
        .create_new(true)
        .mode(0o600)
        .open(path)
        .map_err(|e| (2, format!("cannot create {path}: {e}")))?;
    file.write_all(pem.as_bytes())
        .map_err(|e| (2, e.to_string()))
}

#[cfg(not(unix))]
fn write_private(path: &str, pem: &str) -> Outcome {
    std::fs::write(path, pem).map_err(|e| (2, format!("cannot write {path}: {e}")))
}

pub fn issue(args: &[&str], out: &mut dyn Write, err: &mut dyn Write) -> ExitCode {
    let result = (|| {
        let args = parse(args, &["key", "key-id", "format", "created", "out"])
            .map_err(|e| usage(ISSUE_USAGE, e))?;
        let [template] = args.positional[..] else {
            return Err(usage(ISSUE_USAGE, "name one TEMPLATE"));
        };
        let key = read_key(
            args.get("key")
                .ok_or_else(|| usage(ISSUE_USAGE, "--key is required"))?,
        )?;
        let key_id = args
            .get("key-id")
            .ok_or_else(|| usage(ISSUE_USAGE, "--key-id is required"))?;
        let created = match args.get("created") {
            Some(text) => text.parse::<UnixTime>().map_err(|e| (2, e.to_string()))?,
            None => now(),
        };
        let credential = read_object(template)?;
        let output = match args.get("format").unwrap_or("eddsa-rdfc-2022") {
            "eddsa-rdfc-2022" => pretty(issue::sign_data_integrity(
                &credential,
                Suite::EddsaRdfc2022,
                &key,
                key_id,
                created,
            )),
            "eddsa-jcs-2022" => pretty(issue::sign_data_integrity(
                &credential,
                Suite::EddsaJcs2022,
                &key,
                key_id,
                created,
            )),
            "vc-jwt" => Ok(issue::sign_vc_jwt(&credential, &key, key_id)),
            "ob2-jws" => Ok(issue::sign_ob2(&credential, &key, key_id)),
            other => return Err(usage(ISSUE_USAGE, format!("unknown format {other}"))),
        }
        .map_err(|e| (1, e))?;
        write_out(args.get("out"), format!("{output}\n").as_bytes(), out)
    })();
    finish("issue", result, err)
}

fn pretty(signed: Result<Map<String, Value>, String>) -> Result<String, String> {
    signed.map(|s| serde_json::to_string_pretty(&Value::Object(s)).unwrap_or_default())
}

fn now() -> UnixTime {
    let since_epoch = std::time::SystemTime::now()
        .duration_since(std::time::UNIX_EPOCH)
        .unwrap_or_default();
    UnixTime(since_epoch.as_secs() as i64)
}

/// Fills a BitstringStatusListCredential template's `encodedList`: `--size`
/// entries (at least 131,072, the standard's minimum), with `--set` bits on.
pub fn status_list(args: &[&str], out: &mut dyn Write, err: &mut dyn Write) -> ExitCode {
    let result = (|| {
        let args = parse(args, &["size", "set", "out"]).map_err(|e| usage(STATUS_USAGE, e))?;
        let [template] = args.positional[..] else {
            return Err(usage(STATUS_USAGE, "name one TEMPLATE"));
        };
        let size: usize = args
            .get("size")
            .unwrap_or("131072")
            .parse()
            .map_err(|_| usage(STATUS_USAGE, "--size must be a number"))?;
        if size < 131_072 || !size.is_multiple_of(8) {
            return Err(usage(
                STATUS_USAGE,
                "--size must be a multiple of 8, at least 131072",
            ));
        }
        let mut bits = vec![0u8; size / 8];
        for index in args
            .get("set")
            .unwrap_or("")
            .split(',')
            .filter(|s| !s.is_empty())
        {
            let i: usize = index
                .trim()
                .parse()
                .map_err(|_| usage(STATUS_USAGE, format!("--set: “{index}” is not a number")))?;
            if i >= size {
                return Err(usage(
                    STATUS_USAGE,
                    format!("--set: {i} is outside the list"),
                ));
            }
            bits[i / 8] |= 0x80 >> (i % 8);
        }
        let encoded = issue::encode_bitstring(&bits).map_err(|e| (2, e))?;
        let mut list = read_object(template)?;
        match list.get_mut("credentialSubject") {
            Some(Value::Object(subject)) => {
                subject.insert("encodedList".into(), encoded.into());
            }
            _ => return Err((2, format!("{template} has no credentialSubject object"))),
        }
        let text = serde_json::to_string_pretty(&Value::Object(list)).unwrap_or_default();
        write_out(args.get("out"), format!("{text}\n").as_bytes(), out)
    })();
    finish("status-list", result, err)
}

pub fn bake(args: &[&str], out: &mut dyn Write, err: &mut dyn Write) -> ExitCode {
    let result = (|| {
        let args = parse(args, &["image", "out"]).map_err(|e| usage(BAKE_USAGE, e))?;
        let [credential] = args.positional[..] else {
            return Err(usage(BAKE_USAGE, "name one CREDENTIAL file"));
        };
        let image_path = args
            .get("image")
            .ok_or_else(|| usage(BAKE_USAGE, "--image is required"))?;
        let image =
            std::fs::read(image_path).map_err(|e| (2, format!("cannot read {image_path}: {e}")))?;
        let text = read_text(credential)?;
        let text = text.trim();
        let ob2 = text.contains("https://w3id.org/openbadges/v2") || jws_payload_is_ob2(text);
        let baked = if baked::is_png(&image) {
            let keyword = if ob2 {
                "openbadges"
            } else {
                "openbadgecredential"
            };
            baked::bake_png(&image, text, keyword)
        } else if baked::is_svg(&image) {
            let svg =
                String::from_utf8(image).map_err(|_| (2, format!("{image_path} is not UTF-8")))?;
            baked::bake_svg(&svg, text).map(String::into_bytes)
        } else {
            Err(format!("{image_path} is neither a PNG nor an SVG").into())
        }
        .map_err(|e| (1, e.to_string()))?;
        write_out(args.get("out"), &baked, out)
    })();
    finish("bake", result, err)
}

fn jws_payload_is_ob2(text: &str) -> bool {
    crate::domain::verify::jws::parse(text)
        .is_ok_and(|token| crate::domain::verify::ob2::is_assertion(&token.payload))
}
