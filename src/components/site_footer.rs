use leptos::prelude::*;
use leptos_router::components::A;

use crate::platform;
use crate::state::use_catalog;

stylance::import_style!(style, "site_footer.module.css");

/// The footer on every page: contact, the FAQ, and how data is handled.
#[component]
pub fn SiteFooter() -> impl IntoView {
    let catalog = use_catalog();
    let contact = move || match catalog.get() {
        Some(c) => {
            let email = c.institution.contact_email.clone();
            Some(view! {
                <p>"Questions? Email " <a href=format!("mailto:{email}")>{email.clone()}</a> "."</p>
            })
        }
        _ => None,
    };

    view! {
        <footer class=style::footer>
            <div class=style::inner>
                {contact}
                <p>
                    "Your wallet and anything you type stay in this browser. "
                    "Badges are verified on your own device. "
                    <A href=platform::href("/faq")>"Read the FAQ"</A> "."
                </p>
            </div>
        </footer>
    }
}
