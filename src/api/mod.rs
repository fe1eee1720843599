//! The only module that does network I/O. Domain types come out; every
//! failure is a [`DataError`] that names the file and says what went wrong
//! in words a learner (or the member of staff who published it) can act on.

pub mod catalog;
pub mod submit;
pub mod verifier;
pub mod wallet_store;
pub mod wire;

use gloo_net::http::Request;

/// A data file that could not be loaded, and why.
#[derive(Debug, Clone, PartialEq, Eq, thiserror::Error)]
#[error("{file} could not be loaded. {problem}")]
pub struct DataError {
    /// The file as the site names it, e.g. `catalog.json`.
    pub file: String,
    /// A full sentence (or two) about what is wrong.
    pub problem: String,
}

/// GETs `url` and returns the body as text, turning network failures and
/// non-2xx answers into sentences.
pub(crate) async fn get_text(url: &str, file: &str) -> Result<String, DataError> {
    let fail = |problem: String| DataError {
        file: file.to_owned(),
        problem,
    };
    let response = Request::get(url).send().await.map_err(|_| {
        fail(
            "The request did not reach the server: check your connection and try again.".to_owned(),
        )
    })?;
    let status = response.status();
    if status == 404 {
        return Err(fail(format!(
            "The file is missing: the server answered 404 (not found) for {url}."
        )));
    }
    if !response.ok() {
        return Err(fail(format!(
            "The server answered {status} {} for {url}.",
            response.status_text()
        )));
    }
    response
        .text()
        .await
        .map_err(|_| fail("The response could not be read as text.".to_owned()))
}

/// GETs one of this site's files (`url` from `platform::asset_url`) as bytes.
pub(crate) async fn fetch_bytes(url: &str) -> Result<Vec<u8>, String> {
    let response = Request::get(url)
        .send()
        .await
        .map_err(|_| format!("{url} could not be fetched: check your connection."))?;
    if !response.ok() {
        return Err(format!("{url} answered HTTP {}.", response.status()));
    }
    response
        .binary()
        .await
        .map_err(|_| format!("{url} could not be read."))
}

/// `config.json`, or the defaults when it is missing or unreadable (every
/// setting in it is optional).
pub(crate) async fn fetch_config() -> crate::domain::config::Config {
    let url = crate::platform::asset_url("config.json");
    match get_text(&url, "config.json").await {
        Ok(text) => crate::domain::config::Config::from_json(&text).unwrap_or_default(),
        Err(_) => crate::domain::config::Config::default(),
    }
}
