//! `/register/:slug`: register for updates about an offering with no open
//! cohort (the form: form.rs; a lazy route of its own, `src/routes.rs`).

pub(crate) mod form;

use leptos::prelude::*;
use leptos_router::hooks::use_params_map;

use crate::state::use_catalog;

#[component]
pub fn RegisterPage() -> impl IntoView {
    let params = use_params_map();
    let catalog = use_catalog();
    move || {
        let slug = params.read().get("slug").unwrap_or_default();
        form::register_page(catalog, slug)
    }
}
