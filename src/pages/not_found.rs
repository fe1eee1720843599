use leptos::prelude::*;
use leptos_router::components::A;
use leptos_router::hooks::use_location;

use crate::components::use_page_title;
use crate::platform;

stylance::import_style!(style, "not_found.module.css");

/// Shown for any address the app does not know, and for unknown slugs.
#[component]
pub fn NotFoundPage() -> impl IntoView {
    use_page_title(|| "Page not found".to_owned());
    let path = use_location().pathname;
    view! {
        <section class=style::page aria-labelledby="not-found-title">
            <h1 id="not-found-title">"Page not found"</h1>
            <p>"There is no page at " <code class=style::path>{move || path.get()}</code> "."</p>
            <p>"It may have moved, or the link may be mistyped. Try one of these instead:"</p>
            <ul>
                <li><A href=platform::href("/catalog")>"Browse the catalog"</A></li>
                <li><A href=platform::href("/faq")>"Read the FAQ"</A></li>
                <li><A href=platform::href("/") exact=true>"Go to the home page"</A></li>
            </ul>
        </section>
    }
}
