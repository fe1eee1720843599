use std::sync::Arc;

use leptos::prelude::*;

use super::{ErrorPanel, Spinner};
use crate::domain::catalog::Catalog;
use crate::state::use_catalog;

/// Renders `render(catalog)` once the catalog has loaded; a spinner until
/// then, and an error page naming the file and the problem if it fails.
pub fn with_catalog<F, V>(render: F) -> impl IntoView
where
    F: Fn(Arc<Catalog>) -> V + Clone + Send + Sync + 'static,
    V: IntoView + 'static,
{
    let catalog = use_catalog().0;
    view! {
        <Suspense fallback=|| view! { <Spinner label="Loading the catalog…" /> }>
            <ErrorBoundary fallback=|errors| view! { <ErrorPanel errors as_page=true /> }>
                {move || {
                    let render = render.clone();
                    Suspend::new(async move { catalog.await.map(render) })
                }}
            </ErrorBoundary>
        </Suspense>
    }
}
