use std::sync::Arc;

use leptos::prelude::*;

use leptos_router::hooks::use_params_map;

use super::{ErrorPanel, MissingItem, Spinner};
use crate::domain::catalog::Catalog;
use crate::state::use_catalog;

/// Renders `render(catalog)` once the catalog has loaded; a spinner until
/// then, and an error page naming the file and the problem if it fails.
/// `titled` says whether the page already has its own `<h1>`; if not, the
/// error's title becomes the page's `<h1>`.
///
/// Not generic over the render function, so every page shares one copy of
/// this code in the wasm.
pub fn with_catalog(
    titled: bool,
    render: impl Fn(Arc<Catalog>) -> AnyView + Send + Sync + 'static,
) -> AnyView {
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

/// A page for one catalog item named by the URL parameter `param` (a slug or
/// a cohort id): `find` renders it, or the page says there is no such `what`.
pub fn catalog_item_page(
    param: &'static str,
    what: &'static str,
    find: impl Fn(&Arc<Catalog>, &str) -> Option<AnyView> + Clone + Send + Sync + 'static,
) -> AnyView {
    let params = use_params_map();
    let view = move || {
        let key = params.read().get(param).unwrap_or_default();
        let find = find.clone();
        with_catalog(false, move |catalog| {
            find(&catalog, &key)
                .unwrap_or_else(|| view! { <MissingItem what id=key.clone() /> }.into_any())
        })
    };
    view.into_any()
}
