use std::sync::Arc;

use leptos::prelude::*;

use super::{ErrorPanel, Spinner};
use crate::domain::catalog::Catalog;
use crate::state::use_catalog;

/// Renders `render(catalog)` once the catalog has loaded; a spinner until
/// then, and an error page naming the file and the problem if it fails.
/// `titled` says whether the page already has its own `<h1>`; if not, the
/// error's title becomes the page's `<h1>`.
///
/// Deliberately not generic: every page shares one Suspense/ErrorBoundary
/// instantiation instead of monomorphising its own, which keeps the
/// first-load wasm small.
pub fn with_catalog(titled: bool, render: impl Fn(Arc<Catalog>) -> AnyView + Send + Sync + 'static) -> AnyView {
    let render: Arc<dyn Fn(Arc<Catalog>) -> AnyView + Send + Sync> = Arc::new(render);
    let catalog = use_catalog().0;
    view! {
        <Suspense fallback=|| view! { <Spinner label="Loading the catalog…" /> }>
            <ErrorBoundary fallback=move |errors| view! { <ErrorPanel errors as_page=!titled /> }>
                {move || {
                    let render = render.clone();
                    Suspend::new(async move { catalog.await.map(|c| render(c)) })
                }}
            </ErrorBoundary>
        </Suspense>
    }
    .into_any()
}
