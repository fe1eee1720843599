//! App-wide state: only the catalog, which the header and most pages share.
//! Everything else lives in the URL or in the page that owns it.

use std::sync::Arc;

use leptos::prelude::*;

use crate::api::{self, DataError};
use crate::domain::catalog::Catalog;

/// A data file being fetched: `None` until the request settles.
///
/// A plain signal filled by `spawn_local`, rather than `LocalResource` with
/// `<Suspense>` and `<ErrorBoundary>`: the async-derived machinery those
/// bring cost about 10 KB (gzip) of the first load (docs/BENCHMARKS.md), and
/// a file that loads once per visit needs none of it.
pub type Loaded<T> = RwSignal<Option<Result<T, DataError>>>;

/// Starts `fetch` and returns the signal it settles into. If the owner is
/// gone by then (the learner left the page), the result is dropped.
pub fn load<T, F>(fetch: F) -> Loaded<T>
where
    T: Send + Sync + 'static,
    F: std::future::Future<Output = Result<T, DataError>> + 'static,
{
    let state = RwSignal::new(None);
    leptos::task::spawn_local(async move {
        let result = fetch.await;
        let _ = state.try_set(Some(result));
    });
    state
}

/// The catalog, loaded once per visit.
#[derive(Clone, Copy)]
pub struct CatalogState(pub Loaded<Arc<Catalog>>);

/// Starts loading the catalog and makes it available to every page.
pub fn provide_catalog() {
    provide_context(new_catalog());
}

/// Starts loading the catalog (the wallet module keeps its own).
pub fn new_catalog() -> CatalogState {
    CatalogState(load(api::catalog::fetch_catalog()))
}

pub fn use_catalog() -> CatalogState {
    expect_context()
}

impl CatalogState {
    /// The catalog once it has loaded.
    pub fn get(self) -> Option<Arc<Catalog>> {
        self.0
            .with(|state| state.as_ref().and_then(|r| r.as_ref().ok()).cloned())
    }

    /// The institution's name once the catalog has loaded.
    pub fn institution_name(self) -> Option<String> {
        self.get().map(|c| c.institution.name.clone())
    }
}
