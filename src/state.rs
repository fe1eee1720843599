//! App-wide state: only the catalog, which the header and most pages share.
//! Everything else lives in the URL or in the page that owns it.

use std::sync::Arc;

use leptos::prelude::*;

use crate::api::{self, DataError};
use crate::domain::catalog::Catalog;

/// The catalog, loaded once per visit.
#[derive(Clone, Copy)]
pub struct CatalogState(pub LocalResource<Result<Arc<Catalog>, DataError>>);

/// Starts loading the catalog and makes it available to every page.
pub fn provide_catalog() {
    provide_context(CatalogState(LocalResource::new(api::catalog::fetch_catalog)));
}

pub fn use_catalog() -> CatalogState {
    expect_context()
}

impl CatalogState {
    /// The institution's name once the catalog has loaded.
    pub fn institution_name(self) -> Option<String> {
        match self.0.get() {
            Some(Ok(catalog)) => Some(catalog.institution.name.clone()),
            _ => None,
        }
    }
}
