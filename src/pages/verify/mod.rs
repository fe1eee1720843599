use leptos::prelude::*;
use leptos_router::components::A;

use crate::components::{LaterNotice, use_page_title};
use crate::platform;

stylance::import_style!(style, "verify.module.css");

/// `/verify`: check a badge (built in a later issue).
#[component]
pub fn VerifyPage() -> impl IntoView {
    use_page_title(|| "Verify a badge".to_owned());
    view! {
        <section class=style::page aria-labelledby="verify-title">
            <h1 id="verify-title">"Verify a badge"</h1>
            <p>
                "Here you will paste a badge's link or drop its file to find out, in your own browser, whether "
                "it is genuine, who issued it and to whom, whether it has expired or been revoked, and what "
                "it vouches for."
            </p>
            <LaterNotice>"Verification is being built and cannot check badges yet."</LaterNotice>
            <p>"To learn what the results will mean, read " <A href=platform::href("/faq#what-do-the-verification-results-mean")>"the FAQ on verification"</A> "."</p>
        </section>
    }
}
