use leptos::prelude::*;
use leptos_router::components::A;

use crate::platform;
use crate::state::use_catalog;

stylance::import_style!(style, "site_header.module.css");

/// The header on every page: the institution's name and the main navigation.
#[component]
pub fn SiteHeader() -> impl IntoView {
    let catalog = use_catalog();
    let name = move || {
        catalog
            .institution_name()
            .unwrap_or_else(|| "Micro-credentials".to_owned())
    };

    view! {
        <header class=style::header>
            <div class=style::inner>
                <A href=platform::href("/") exact=true attr:class=style::brand>
                    <span class=style::name>{name}</span>
                    <span class=style::tagline>"Micro-credentials and short courses"</span>
                </A>
                <nav aria-label="Main">
                    <ul class=style::links>
                        <li><A href=platform::href("/catalog") attr:class=style::link>"Catalog"</A></li>
                        <li><A href=platform::href("/faq") attr:class=style::link>"FAQ"</A></li>
                        <li><A href=platform::href("/wallet") attr:class=style::link>"Wallet"</A></li>
                        <li><A href=platform::href("/verify") attr:class=style::link>"Verify"</A></li>
                    </ul>
                </nav>
            </div>
        </header>
    }
}
