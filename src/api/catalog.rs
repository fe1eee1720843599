//! Loading `catalog.json` and `faq.json` from the site.

use std::sync::Arc;

use super::{DataError, get_text};
use crate::domain::catalog::Catalog;
use crate::domain::faq::Faq;
use crate::platform::asset_url;

pub const CATALOG_FILE: &str = "catalog.json";
pub const FAQ_FILE: &str = "faq.json";

/// Fetches and parses the catalog at `url`: missing, malformed and
/// wrong-version files become a [`DataError`] naming the place.
///
/// The semantic rules (`rules::check`) are not run here: `microcred catalog
/// check` runs them before a catalog is published (CI does it for the demo),
/// and carrying them would add 24 KB (gzip) to every first load.
pub async fn fetch_catalog_from(url: &str) -> Result<Arc<Catalog>, DataError> {
    let text = get_text(url, CATALOG_FILE).await?;
    let catalog = Catalog::from_json(&text).map_err(|e| DataError {
        file: CATALOG_FILE.to_owned(),
        problem: e.to_string(),
    })?;
    Ok(Arc::new(catalog))
}

pub type Fetched<T> = Option<Result<Arc<T>, DataError>>;

thread_local! {
    /// Files fetched before the app mounted ([`prefetch`]), each handed out
    /// once to the first page that asks.
    static PREFETCHED: std::cell::RefCell<(Fetched<Catalog>, Fetched<Faq>)> =
        const { std::cell::RefCell::new((None, None)) };
}

/// Fetches the catalog (and the FAQ, if `faq`) ahead of mounting the app, so
/// the first render has its data: a pre-rendered page is then replaced by an
/// identical live one in a single step (`app::start`). Returns the catalog
/// too, when it loaded.
pub async fn prefetch(faq: bool) -> Option<Arc<Catalog>> {
    let faq = async { if faq { Some(fetch_faq().await) } else { None } };
    // Both at once: the FAQ page waits for both.
    let (catalog, faq) = futures::future::join(fetch_catalog(), faq).await;
    let loaded = catalog.as_ref().ok().cloned();
    PREFETCHED.with(|p| *p.borrow_mut() = (Some(catalog), faq));
    loaded
}

/// The catalog [`prefetch`] fetched, the first time it is asked for.
pub fn prefetched_catalog() -> Fetched<Catalog> {
    PREFETCHED.with(|p| p.borrow_mut().0.take())
}

/// The FAQ [`prefetch`] fetched, the first time it is asked for.
pub fn prefetched_faq() -> Fetched<Faq> {
    PREFETCHED.with(|p| p.borrow_mut().1.take())
}

/// The site's own catalog.
pub async fn fetch_catalog() -> Result<Arc<Catalog>, DataError> {
    fetch_catalog_from(&asset_url(CATALOG_FILE)).await
}

/// The site's FAQ.
pub async fn fetch_faq() -> Result<Arc<Faq>, DataError> {
    let text = get_text(&asset_url(FAQ_FILE), FAQ_FILE).await?;
    Faq::from_json(&text).map(Arc::new).map_err(|e| DataError {
        file: FAQ_FILE.to_owned(),
        problem: e.to_string(),
    })
}
