use leptos::prelude::*;
use leptos_router::components::A;

use crate::components::{LaterNotice, use_page_title};
use crate::platform;

stylance::import_style!(style, "wallet.module.css");

/// `/wallet`: the learner's badges (built in a later issue).
#[component]
pub fn WalletPage() -> impl IntoView {
    use_page_title(|| "Your wallet".to_owned());
    view! {
        <section class=style::page aria-labelledby="wallet-title">
            <h1 id="wallet-title">"Your wallet"</h1>
            <p>
                "Your wallet will keep the badges you have earned, in this browser only. It will show your "
                "progress towards each series, add up your hours and CPD points by year, and help you share "
                "a badge on LinkedIn, by link, by QR code or in your email signature."
            </p>
            <LaterNotice>"The wallet is being built and cannot hold badges yet."</LaterNotice>
            <p>"Meanwhile you can " <A href=platform::href("/catalog")>"browse the catalog"</A> "."</p>
        </section>
    }
}
