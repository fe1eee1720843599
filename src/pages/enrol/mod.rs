use leptos::prelude::*;
use leptos_router::components::A;

use crate::components::{LaterNotice, catalog_item_page, use_page_title};
use crate::platform;

stylance::import_style!(style, "enrol.module.css");

/// `/enrol/:cohort`: the checkout (its steps arrive in a later issue).
#[component]
pub fn EnrolPage() -> impl IntoView {
    catalog_item_page("cohort", "cohort", |catalog, id| {
        let (offering, cohort) = catalog.cohort(id)?;
        let title = offering.title.clone();
        let page_title = title.clone();
        use_page_title(move || format!("Enrol: {page_title}"));
        let today = platform::today_in(&catalog.institution.time_zone);
        let summary = format!(
            "Cohort from {} to {}, {}. Fee {}, paid upfront and in full.",
            cohort.start_date.long(),
            cohort.end_date.long(),
            cohort.delivery.label().to_lowercase(),
            offering.fee
        );
        let status = format!("Status today: {}.", cohort.availability(today).label());
        let email = catalog.institution.contact_email.clone();
        let back = platform::href(&format!("/catalog/{}", offering.slug));
        let back_label = format!("Back to {title}");
        Some(view! {
                    <section class=style::page aria-labelledby="enrol-title">
                        <h1 id="enrol-title">{format!("Enrol in {title}")}</h1>
                        <p>{summary}</p>
                        <p>{status}</p>
                        <LaterNotice>
                            "Online enrolment is being built. Until it is ready, please email the short courses office at "
                            <a href=format!("mailto:{email}")>{email.clone()}</a>
                            " to enrol."
                        </LaterNotice>
                        <p><A href=back>{back_label}</A></p>
                    </section>
                }
                .into_any())
    })
}
