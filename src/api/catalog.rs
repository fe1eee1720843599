//! Loading `catalog.json` and `faq.json` from the site.

use std::sync::Arc;

use super::{DataError, get_text};
use crate::domain::catalog::{Catalog, rules};
use crate::domain::faq::Faq;
use crate::platform::asset_url;

pub const CATALOG_FILE: &str = "catalog.json";
pub const FAQ_FILE: &str = "faq.json";

/// Fetches and parses the catalog at `url`. A catalog that parses but breaks
/// a rule (say, a series of three) is refused too: the app would otherwise
/// show wrong facts with confidence.
pub async fn fetch_catalog_from(url: &str) -> Result<Arc<Catalog>, DataError> {
    let text = get_text(url, CATALOG_FILE).await?;
    let fail = |problem: String| DataError { file: CATALOG_FILE.to_owned(), problem };
    let catalog = Catalog::from_json(&text).map_err(|e| fail(e.to_string()))?;
    let problems = rules::check_content(&catalog);
    if let Some(first) = problems.first() {
        let more = match problems.len() {
            1 => String::new(),
            n => format!(" ({} more problems; run `microcred catalog check` to see them all.)", n - 1),
        };
        return Err(fail(format!("At {}: {}.{more}", first.path, first.message)));
    }
    Ok(Arc::new(catalog))
}

/// The site's own catalog.
pub async fn fetch_catalog() -> Result<Arc<Catalog>, DataError> {
    fetch_catalog_from(&asset_url(CATALOG_FILE)).await
}

/// The site's FAQ.
pub async fn fetch_faq() -> Result<Arc<Faq>, DataError> {
    let text = get_text(&asset_url(FAQ_FILE), FAQ_FILE).await?;
    Faq::from_json(&text).map(Arc::new).map_err(|e| DataError { file: FAQ_FILE.to_owned(), problem: e.to_string() })
}
