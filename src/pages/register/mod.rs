use leptos::prelude::*;
use leptos_router::components::A;

use crate::components::{LaterNotice, catalog_item_page, use_page_title};
use crate::platform;

/// `/register/:slug`: register for updates about an offering with no open
/// cohort (the form arrives with the checkout issue).
#[component]
pub fn RegisterPage() -> impl IntoView {
    catalog_item_page("slug", "course", |catalog, slug| {
        let offering = catalog.offering_by_slug(slug)?;
        let title = offering.title.clone();
        let page_title = title.clone();
        use_page_title(move || format!("Register for updates: {page_title}"));
        let today = platform::today_in(&catalog.institution.time_zone);
        let when = match offering.next_enrolment_opens(today) {
            Some(date) => format!("Enrolments open on {}.", date.long()),
            None => "Enrolment dates have not been announced.".to_owned(),
        };
        let email = catalog.institution.contact_email.clone();
        let subject = format!("mailto:{email}?subject=Updates%20about%20{}", offering.slug);
        let back = platform::href(&format!("/catalog/{}", offering.slug));
        let back_label = format!("Back to {title}");
        Some(
            view! {
                <section aria-labelledby="register-title">
                    <h1 id="register-title">{format!("Register for updates: {title}")}</h1>
                    <p>{when}" We can let you know when you can enrol."</p>
                    <LaterNotice>
                        "The sign-up form is being built. Until then, email "
                        <a href=subject>{email.clone()}</a>
                        " and ask to be told about new dates."
                    </LaterNotice>
                    <p><A href=back>{back_label}</A></p>
                </section>
            }
            .into_any(),
        )
    })
}
