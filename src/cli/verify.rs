//! `microcred verify [--catalog PATH] [--now RFC3339] [--recipient IDENTITY]
//! [--resolve URL=FILE]... [--offline] [--json] INPUT`
//!
//! Verifies a badge file against the catalog's issuers, with the same core
//! the browser uses. INPUT may be a URL. `--resolve` answers a URL (the
//! badge, a status list, a hosted assertion) from a local file; `--offline`
//! fetches nothing else. Exit 0 when verified, 1 for any other
//! verdict, 2 for a usage error or unreadable input.

use std::io::Write;
use std::process::ExitCode;

use crate::domain::catalog::Catalog;
use crate::domain::instant::UnixTime;
use crate::domain::verify::{
    Env, Fetch, FetchError, Fetched, Outcome, TrustStore, Verdict, block_on, verify,
};

pub const USAGE: &str = "microcred verify [--catalog PATH] [--now RFC3339] [--recipient IDENTITY] [--resolve URL=FILE]... [--offline] [--json] INPUT";

struct Options<'a> {
    catalog: &'a str,
    now: Option<&'a str>,
    json: bool,
    offline: bool,
    recipient: Option<&'a str>,
    resolve: Vec<(&'a str, &'a str)>,
    input: &'a str,
}

/// Answers URLs from the files given with `--resolve`, and otherwise (unless
/// `--offline`) over HTTP(S): 15 s timeout, at most 5 redirects, bodies
/// capped at 8 MiB.
struct FileFetch<'a> {
    resolve: &'a [(&'a str, &'a str)],
    offline: bool,
}

impl Fetch for FileFetch<'_> {
    async fn fetch(&self, url: &str) -> Result<Fetched, FetchError> {
        match self.resolve.iter().find(|(u, _)| *u == url) {
            Some((_, path)) => std::fs::read(path)
                .map(|body| Fetched { status: 200, body })
                .map_err(|e| FetchError(format!("cannot read {path} for {url}: {e}"))),
            None if self.offline => Err(FetchError(format!("offline: {url} was not fetched"))),
            None => http_get(url),
        }
    }
}

fn parse<'a>(args: &[&'a str]) -> Result<Options<'a>, String> {
    let mut options = Options {
        catalog: "public/catalog.json",
        now: None,
        json: false,
        offline: false,
        recipient: None,
        resolve: Vec::new(),
        input: "",
    };
    let mut rest = args.iter();
    while let Some(arg) = rest.next() {
        match *arg {
            "--catalog" => options.catalog = rest.next().ok_or("--catalog needs a path")?,
            "--now" => options.now = Some(rest.next().ok_or("--now needs a timestamp")?),
            "--json" => options.json = true,
            "--offline" => options.offline = true,
            "--recipient" => {
                options.recipient = Some(rest.next().ok_or("--recipient needs an identity")?);
            }
            "--resolve" => {
                let pair = rest.next().ok_or("--resolve needs URL=FILE")?;
                let (url, file) = pair
                    .split_once('=')
                    .ok_or_else(|| format!("--resolve {pair}: expected URL=FILE"))?;
                options.resolve.push((url, file));
            }
            flag if flag.starts_with("--") => return Err(format!("unknown option {flag}")),
            input if options.input.is_empty() => options.input = input,
            extra => return Err(format!("only one INPUT is allowed (also got {extra})")),
        }
    }
    if options.input.is_empty() {
        return Err("INPUT is missing".into());
    }
    Ok(options)
}

/// Largest body the CLI reads from the network.
const MAX_BODY: u64 = 8 * 1024 * 1024;

fn http_get(url: &str) -> Result<Fetched, FetchError> {
    use std::io::Read as _;
    if !url.starts_with("https://") && !url.starts_with("http://") {
        return Err(FetchError(format!("{url} is not an http(s) URL")));
    }
    let agent = ureq::AgentBuilder::new()
        .timeout(std::time::Duration::from_secs(15))
        .redirects(5)
        .build();
    let response = match agent
        .get(url)
        .set("Accept", crate::domain::verify::ACCEPT)
        .call()
    {
        Ok(response) => response,
        // An HTTP error status is an answer, not a failure to fetch.
        Err(ureq::Error::Status(_, response)) => response,
        Err(e) => return Err(FetchError(format!("{url}: {e}"))),
    };
    let status = response.status();
    let mut body = Vec::new();
    response
        .into_reader()
        .take(MAX_BODY + 1)
        .read_to_end(&mut body)
        .map_err(|e| FetchError(format!("{url}: {e}")))?;
    if body.len() as u64 > MAX_BODY {
        return Err(FetchError(format!("{url} is larger than 8 MiB")));
    }
    Ok(Fetched { status, body })
}

// One piece: the command's flow from arguments to exit code, as the README describes it.
pub fn run(args: &[&str], out: &mut dyn Write, err: &mut dyn Write) -> ExitCode {
    let options = match parse(args) {
        Ok(options) => options,
        Err(why) => {
            let _ = writeln!(err, "microcred verify: {why}\nUsage: {USAGE}");
            return ExitCode::from(2);
        }
    };
    let now = match options.now {
        None => {
            let since_epoch = std::time::SystemTime::now()
                .duration_since(std::time::UNIX_EPOCH)
                .unwrap_or_default();
            UnixTime(since_epoch.as_secs() as i64)
        }
        Some(text) => match text.parse::<UnixTime>() {
            Ok(now) => now,
            Err(e) => {
                let _ = writeln!(err, "microcred verify: --now: {e}");
                return ExitCode::from(2);
            }
        },
    };
    let catalog = match std::fs::read_to_string(options.catalog) {
        Err(e) => {
            let _ = writeln!(
                err,
                "microcred verify: cannot read the catalog {}: {e}",
                options.catalog
            );
            return ExitCode::from(2);
        }
        Ok(text) => match Catalog::from_json(&text) {
            Ok(catalog) => catalog,
            Err(e) => {
                let _ = writeln!(
                    err,
                    "microcred verify: the catalog {} cannot be used: {e}",
                    options.catalog
                );
                return ExitCode::from(2);
            }
        },
    };
    // A URL is verified by fetching it (see FileFetch).
    let is_url = options.input.starts_with("http://") || options.input.starts_with("https://");
    let input = match std::fs::read(options.input) {
        _ if is_url => options.input.as_bytes().to_vec(),
        Ok(bytes) => bytes,
        Err(e) => {
            let _ = writeln!(err, "microcred verify: cannot read {}: {e}", options.input);
            return ExitCode::from(2);
        }
    };
    let trust = TrustStore::from_catalog(&catalog);
    let fetch = FileFetch {
        resolve: &options.resolve,
        offline: options.offline,
    };
    let env = Env {
        trust: &trust,
        now,
        fetch: &fetch,
    };
    let mut report = block_on(verify(&input, &env));
    if let Some(identity) = options.recipient {
        report.check_recipient(identity);
    }
    if options.json {
        let text = serde_json::to_string_pretty(&report).unwrap_or_default();
        let _ = writeln!(out, "{text}");
    } else {
        let _ = writeln!(out, "{}: {}", options.input, report.verdict.label());
        if let Some(badge) = report.badge.as_ref().filter(|b| !b.name.is_empty()) {
            let issuer = if badge.issuer.name.is_empty() {
                badge.issuer.id.clone()
            } else {
                format!("{} ({})", badge.issuer.name, badge.issuer.id)
            };
            let _ = writeln!(out, "  {} — issued by {issuer}", badge.name);
        }
        let _ = writeln!(out, "  format: {}", report.format);
        for check in &report.checks {
            let mark = match check.outcome {
                Outcome::Pass => "ok  ",
                Outcome::Fail => "FAIL",
                Outcome::Warn => "warn",
                Outcome::Skip => "skip",
            };
            let _ = writeln!(out, "  {mark} {}", check.sentence);
        }
        if let Some(page) = &report.issuer_page {
            let _ = writeln!(out, "  the issuer's own page for it: {page}");
        }
    }
    if report.verdict == Verdict::Verified {
        ExitCode::SUCCESS
    } else {
        ExitCode::from(1)
    }
}
