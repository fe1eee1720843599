use leptos::prelude::*;

stylance::import_style!(style, "later_notice.module.css");

/// A plain statement that part of a page is still being built.
#[component]
pub fn LaterNotice(
    /// What is coming, as a sentence.
    children: Children,
) -> impl IntoView {
    view! {
        <aside class=style::notice aria-label="Still being built">
            <p><strong>"Coming soon. "</strong>{children()}</p>
        </aside>
    }
}
