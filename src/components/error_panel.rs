use leptos::prelude::*;

stylance::import_style!(style, "error_panel.module.css");

/// A failure in words, and a way out.
#[component]
pub fn ErrorPanel(
    /// What went wrong, as full sentences.
    #[prop(into)]
    message: String,
    /// Render the title as the page's `<h1>` (when the page has no other).
    #[prop(optional)]
    as_page: bool,
) -> impl IntoView {
    let title = "Something went wrong";
    view! {
        <section class=style::panel role="alert" aria-labelledby="error-title">
            {if as_page {
                view! { <h1 id="error-title" class=style::title>{title}</h1> }.into_any()
            } else {
                view! { <h2 id="error-title" class=style::title>{title}</h2> }.into_any()
            }}
            <p class=style::message>{message}</p>
            <p>
                "Reloading the page may help. If the problem continues, the site's data "
                "needs fixing: please let the university know."
            </p>
            <button type="button" class=style::retry on:click=|_| reload()>"Reload the page"</button>
        </section>
    }
}

fn reload() {
    if let Some(window) = web_sys::window() {
        let _ = window.location().reload();
    }
}
