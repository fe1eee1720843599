use leptos::prelude::*;

stylance::import_style!(style, "spinner.module.css");

/// A loading indicator that screen readers announce. `data-loading` tells
/// the build's pre-renderer (scripts/prerender.mjs) the page is not ready.
#[component]
pub fn Spinner(
    /// What is loading, in words ("Loading the catalog").
    #[prop(into)]
    label: String,
) -> impl IntoView {
    view! {
        <p class=style::spinner role="status" data-loading="">
            <span class=style::wheel aria-hidden="true"></span>
            {label}
        </p>
    }
}
