use leptos::prelude::*;

stylance::import_style!(style, "spinner.module.css");

/// A loading indicator that screen readers announce.
#[component]
pub fn Spinner(
    /// What is loading, in words ("Loading the catalog").
    #[prop(into)]
    label: String,
) -> impl IntoView {
    view! {
        <p class=style::spinner role="status">
            <span class=style::wheel aria-hidden="true"></span>
            {label}
        </p>
    }
}
