//! `/register/:slug`: register for updates about an offering with no open
//! cohort. The form (form.rs) is in the checkout module; the app renders a
//! host, and answers an unknown course itself.

pub(crate) mod form;

use leptos::prelude::*;

use crate::components::{catalog_item_page, use_page_title};
use crate::pages::learner::host::{View, module_host};

#[component]
pub fn RegisterPage() -> impl IntoView {
    catalog_item_page("slug", "course", |catalog, slug| {
        let offering = catalog.offering_by_slug(slug)?;
        let title = offering.title.clone();
        let page_title = title.clone();
        use_page_title(move || format!("Register for updates: {page_title}"));
        Some(
            module_host(
                View::Register,
                Some(slug.to_owned()),
                format!("Register for updates: {title}"),
                "Opening the form…",
            )
            .into_any(),
        )
    })
}
