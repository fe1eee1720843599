use std::sync::Arc;

use leptos::prelude::*;
use leptos_router::components::A;

use crate::domain::catalog::{Catalog, facts};
use crate::domain::date::Date;
use crate::platform;

stylance::import_style!(style, "offering_card.module.css");

/// One offering in a list: type, series or suite, title, summary, next
/// start with its delivery and status, fee, hours and CPD, credit.
#[component]
pub fn OfferingCard(
    catalog: Arc<Catalog>,
    /// Index into `catalog.offerings`.
    at: usize,
    /// The institution's local date, for "next start".
    today: Date,
    /// Leave out the series line (on the series' own page).
    #[prop(optional)]
    no_series: bool,
) -> impl IntoView {
    let Some(offering) = catalog.offerings.get(at) else {
        return ().into_any();
    };
    let mut groups: Vec<String> = Vec::new();
    if !no_series && let Some(s) = catalog.series_of(&offering.id) {
        groups.push(format!("{} series", s.title));
    }
    groups.extend(
        catalog
            .suites_of(&offering.id)
            .map(|s| format!("{} suite", s.title)),
    );
    let kind = if groups.is_empty() {
        offering.kind.label().to_owned()
    } else {
        format!("{} · {}", offering.kind.label(), groups.join(" · "))
    };
    let next = match offering.next_cohort(today) {
        Some(c) => format!(
            "Next start {} · {} · {}",
            c.start_date.long(),
            c.delivery.label(),
            c.availability(today).label()
        ),
        None => "No dates scheduled: register for updates".to_owned(),
    };
    let facts_line = format!(
        "{} · {} · {} · {}",
        offering.fee,
        facts::hours(offering.hours),
        facts::cpd_points(offering.cpd_points),
        facts::credit_points(offering.credit_points)
    );
    let (title, href) = (
        offering.title.clone(),
        platform::href(&format!("/catalog/{}", offering.slug)),
    );
    let summary = offering.summary.clone();
    view! {
        <article class=style::card>
            <p class=style::kind>{kind}</p>
            <h3 class=style::title>
                <A href>{title}</A>
            </h3>
            <p>{summary}</p>
            <p class=style::meta>{next}</p>
            <p class=style::meta>{facts_line}</p>
        </article>
    }
    .into_any()
}
