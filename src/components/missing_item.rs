use leptos::prelude::*;
use leptos_router::components::A;

use super::use_page_title;
use crate::platform;

stylance::import_style!(style, "missing_item.module.css");

/// The body of a "not found" answer for a slug or id inside a known route.
#[component]
pub fn MissingItem(
    /// What was looked for ("course", "series", "cohort").
    what: &'static str,
    /// The slug or id that matched nothing.
    #[prop(into)]
    id: String,
) -> impl IntoView {
    use_page_title(move || format!("No such {what}"));
    view! {
        <section class=style::page aria-labelledby="not-found-title">
            <h1 id="not-found-title">{format!("No such {what}")}</h1>
            <p>"The catalog has no " {what} " called " <code class=style::path>{id}</code> "."</p>
            <p><A href=platform::href("/catalog")>"Browse the catalog"</A> " to find what you are looking for."</p>
        </section>
    }
}
