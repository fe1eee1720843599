use std::sync::Arc;

use leptos::prelude::*;
use leptos_router::components::A;

use crate::components::{LaterNotice, catalog_item_page, use_page_title};
use crate::domain::catalog::{Assessment, Catalog, ExpiryPolicy, Offering, facts};
use crate::domain::date::Date;
use crate::platform;

stylance::import_style!(style, "offering.module.css");

/// `/catalog/:slug`: one offering's facts and its cohorts.
#[component]
pub fn OfferingPage() -> impl IntoView {
    catalog_item_page("slug", "course", |catalog, slug| {
        let offering = catalog.offering_by_slug(slug)?.clone();
        Some(view! { <OfferingDetail catalog=catalog.clone() offering /> }.into_any())
    })
}

#[component]
fn OfferingDetail(catalog: Arc<Catalog>, offering: Offering) -> impl IntoView {
    let title = offering.title.clone();
    use_page_title(move || title.clone());
    let today = platform::today_in(&catalog.institution.time_zone);
    let series = catalog.series_of(&offering.id).map(|s| {
        view! {
            <p>
                "Part of the " <A href=platform::href(&format!("/series/{}", s.slug))>{format!("{} series", s.title)}</A>
                ": complete all four micro-credentials for 12.5 credit points."
            </p>
        }
    });
    let discipline = catalog
        .discipline_name(&offering.discipline)
        .unwrap_or_default()
        .to_owned();
    view! {
        <article class=style::page>
            <p class=style::kind>{offering.kind.label()} " · " {discipline}</p>
            <h1>{offering.title.clone()}</h1>
            <p class=style::lead>{offering.summary.clone()}</p>
            {series}
            <LaterNotice>"The full course page, with learning outcomes, alignments and endorsements, is being built."</LaterNotice>
            <Facts offering=offering.clone() />
            <Cohorts offering today />
        </article>
    }
}

/// The key facts as a description list.
#[component]
fn Facts(offering: Offering) -> impl IntoView {
    let assessment = match &offering.assessment {
        Assessment::Assessed {
            description,
            pass_mark_percent,
            ..
        } => {
            format!(
                "{description} You need an overall mark of at least {pass_mark_percent}% to pass."
            )
        }
        Assessment::Unassessed { .. } => "Not assessed.".to_owned(),
    };
    let badge = match offering.badge.as_ref().map(|b| b.expiry) {
        Some(ExpiryPolicy::Never) => "A shareable digital badge that does not expire.".to_owned(),
        Some(ExpiryPolicy::AfterYears { years }) => {
            format!("A shareable digital badge, valid for {years} years from issue.")
        }
        None => "No shareable digital badge or certificate.".to_owned(),
    };
    view! {
        <dl class=style::facts>
            <dt>"Fee"</dt>
            <dd>{offering.fee.to_string()} ", paid upfront and in full (no instalments, no FEE-HELP)"</dd>
            <dt>"Workload"</dt>
            <dd>{facts::hours(offering.hours)} " · " {facts::cpd_points(offering.cpd_points)}</dd>
            <dt>"Credit"</dt>
            <dd>{facts::credit_points(offering.credit_points)}</dd>
            <dt>"Assessment"</dt>
            <dd>{assessment}</dd>
            <dt>"Eligibility"</dt>
            <dd>{offering.eligibility.summary.clone()}</dd>
            <dt>"Outcome"</dt>
            <dd>{badge}</dd>
        </dl>
    }
}

/// Upcoming cohorts, each with its enrolment status.
#[component]
fn Cohorts(offering: Offering, today: Date) -> impl IntoView {
    let cohorts = offering.upcoming_cohorts(today);
    if cohorts.is_empty() {
        return view! {
            <section aria-labelledby="cohorts-title">
                <h2 id="cohorts-title">"Dates"</h2>
                <p>"No dates are scheduled yet. Registering for updates is coming soon."</p>
            </section>
        }
        .into_any();
    }
    let rows = cohorts
        .into_iter()
        .map(|c| {
            let availability = c.availability(today);
            let dates = format!("{} to {}", c.start_date.long(), c.end_date.long());
            let place = match &c.location {
                Some(location) => format!("{} · {location}", c.delivery.label()),
                None => c.delivery.label().to_owned(),
            };
            let action = availability.is_open().then(|| {
                let label = format!("Enrol now in {}, starting {}", offering.title, c.start_date.long());
                view! {
                    <A href=platform::href(&format!("/enrol/{}", c.id)) attr:class=style::enrol attr:aria-label=label>"Enrol now"</A>
                }
            });
            view! {
                <li class=style::cohort>
                    <p class=style::dates>{dates}</p>
                    <p>{place}</p>
                    <p>{availability.label()}</p>
                    {action}
                </li>
            }
        })
        .collect_view();
    view! {
        <section aria-labelledby="cohorts-title">
            <h2 id="cohorts-title">"Dates"</h2>
            <ul class=style::cohorts>{rows}</ul>
        </section>
    }
    .into_any()
}
