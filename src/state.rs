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

/// [`load`], unless the file is already here (fetched before the app
/// mounted: `api::catalog::prefetch`), in which case the first render has it.
pub fn load_or<T, F>(ready: Option<Result<T, DataError>>, fetch: impl FnOnce() -> F) -> Loaded<T>
where
    T: Send + Sync + 'static,
    F: std::future::Future<Output = Result<T, DataError>> + 'static,
{
    match ready {
        Some(result) => RwSignal::new(Some(result)),
        None => load(fetch()),
    }
}

/// The catalog, loaded once per visit.
#[derive(Clone, Copy)]
pub struct CatalogState(pub Loaded<Arc<Catalog>>);

/// What the site says about the catalog it loaded ([`provide_catalog`]).
#[derive(Clone, Copy, PartialEq)]
pub struct CatalogNews {
    /// The catalog's `generatedAt` date.
    pub published: crate::domain::date::Date,
    /// An earlier visit in this browser saw another edition.
    pub changed: bool,
    /// The browser was online when it loaded (offline, the service worker's
    /// saved copy answered).
    pub online: bool,
}

/// Starts loading the catalog and makes it available to every page; the
/// returned signal gets the [`CatalogNews`] once it has loaded.
pub fn provide_catalog() -> RwSignal<Option<CatalogNews>> {
    let news = RwSignal::new(None);
    let tell = move |result: &Result<Arc<Catalog>, DataError>| {
        if let Ok(catalog) = result {
            let _ = news.try_set(Some(CatalogNews {
                published: catalog.generated_at.utc_date(),
                changed: crate::platform::catalog_changed(catalog.generated_at.0),
                online: crate::platform::is_online(),
            }));
        }
    };
    let ready = api::catalog::prefetched_catalog();
    if let Some(result) = &ready {
        tell(result);
    }
    let catalog = load_or(ready, || async move {
        let result = api::catalog::fetch_catalog().await;
        tell(&result);
        result
    });
    provide_context(CatalogState(catalog));
    news
}

/// The app's own owner, which lives as long as the visit: state that must
/// outlive one page (the wallet's) is made under it.
#[derive(Clone)]
pub struct VisitOwner(pub Owner);

pub fn use_catalog() -> CatalogState {
    expect_context()
}

impl CatalogState {
    /// The catalog once it has loaded.
    pub fn get(self) -> Option<Arc<Catalog>> {
        self.0
            .with(|state| state.as_ref().and_then(|r| r.as_ref().ok()).cloned())
    }

    /// [`CatalogState::get`] without subscribing to it.
    pub fn get_untracked(self) -> Option<Arc<Catalog>> {
        self.0
            .with_untracked(|state| state.as_ref().and_then(|r| r.as_ref().ok()).cloned())
    }

    /// The institution's name once the catalog has loaded.
    pub fn institution_name(self) -> Option<String> {
        self.get().map(|c| c.institution.name.clone())
    }
}
