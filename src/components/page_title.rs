use leptos::prelude::*;

use crate::platform;
use crate::state::use_catalog;

/// Keeps the document title as "`page` · institution" while the page is shown.
pub fn use_page_title(page: impl Fn() -> String + Send + Sync + 'static) {
    let catalog = use_catalog();
    Effect::new(move |_| {
        let site = catalog
            .institution_name()
            .unwrap_or_else(|| "Micro-credentials".to_owned());
        platform::set_title(&page(), &site);
    });
}
