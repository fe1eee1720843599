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
/// Not generic over the render function, so every page shares one copy of
/// this code in the wasm.
pub fn with_catalog(titled: bool, render: impl Fn(Arc<Catalog>) -> AnyView + Send + Sync + 'static) -> AnyView {
    let catalog = use_catalog().0;
    let view = move || match catalog.get() {
        None => view! { <Spinner label="Loading the catalog…" /> }.into_any(),
        Some(Err(e)) => view! { <ErrorPanel message=e.to_string() as_page=!titled /> }.into_any(),
        // Untracked: only the catalog's arrival re-renders the page, not
        // whatever `render` happens to read while building it.
        Some(Ok(c)) => untrack(|| render(c)),
    };
    view.into_any()
}
