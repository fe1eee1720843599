use leptos::prelude::*;
use leptos_router::components::A;

use crate::domain::catalog::{Catalog, Offering, facts};
use crate::domain::date::Date;
use crate::platform;

stylance::import_style!(style, "offering_card.module.css");

/// One offering in a list: type, title, series, delivery, next start, fee,
/// hours and CPD, credit.
#[component]
pub fn OfferingCard(
    /// The offering to show.
    offering: Offering,
    /// Its series' title, if it belongs to one.
    series: Option<String>,
    /// The institution's local date, for "next start".
    today: Date,
) -> impl IntoView {
    let next = offering.upcoming_cohorts(today).first().map(|c| {
        let status = c.availability(today).label();
        format!(
            "Starts {} · {} · {status}",
            c.start_date.long(),
            c.delivery.label()
        )
    });
    let next = next.unwrap_or_else(|| "No dates scheduled: register for updates".to_owned());
    let facts_line = format!(
        "{} · {} · {} · {}",
        offering.fee,
        facts::hours(offering.hours),
        facts::cpd_points(offering.cpd_points),
        facts::credit_points(offering.credit_points)
    );
    view! {
        <article class=style::card>
            <p class=style::kind>
                {offering.kind.label()}
                {series.map(|s| format!(" · {s} series"))}
            </p>
            <h3 class=style::title>
                <A href=platform::href(&format!("/catalog/{}", offering.slug))>{offering.title.clone()}</A>
            </h3>
            <p>{offering.summary.clone()}</p>
            <p class=style::meta>{next}</p>
            <p class=style::meta>{facts_line}</p>
        </article>
    }
}

/// The series title for an offering, for [`OfferingCard`]'s `series` prop.
pub fn series_title(catalog: &Catalog, offering_id: &str) -> Option<String> {
    catalog.series_of(offering_id).map(|s| s.title.clone())
}
