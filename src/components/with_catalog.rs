use std::sync::Arc;

use leptos::prelude::*;
use leptos_router::hooks::use_params_map;

use super::{ErrorPanel, MissingItem, Spinner};
use crate::domain::catalog::Catalog;
use crate::state::{Loaded, use_catalog};

/// What a page shows for a data file: a spinner while it loads, an error
/// page naming the file and the problem if it fails, and `render(value)` once
/// it is here. `titled` says whether the page already has its own `<h1>`; if
/// not, the error's title becomes the page's `<h1>`.
///
/// `render` is boxed so every caller shares one copy of this code per data
/// type in the wasm, instead of one per page.
pub fn loaded_view<T: Clone + Send + Sync + 'static>(
    state: Loaded<T>,
    loading: &'static str,
    titled: bool,
    render: Box<dyn Fn(T) -> AnyView + Send + Sync>,
) -> AnyView {
    let view = move || match state.get() {
        None => view! { <Spinner label=loading /> }.into_any(),
        Some(Err(e)) => view! { <ErrorPanel message=e.to_string() as_page=!titled /> }.into_any(),
        // Untracked: only the data's arrival re-renders the page, not
        // whatever `render` happens to read while building it.
        Some(Ok(value)) => untrack(|| render(value)),
    };
    view.into_any()
}

/// [`loaded_view`] for the catalog every page shares.
pub fn with_catalog(
    titled: bool,
    render: impl Fn(Arc<Catalog>) -> AnyView + Send + Sync + 'static,
) -> AnyView {
    loaded_view(
        use_catalog().0,
        "Loading the catalog…",
        titled,
        Box::new(render),
    )
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
