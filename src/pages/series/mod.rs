use std::sync::Arc;

use leptos::prelude::*;

use crate::components::{LaterNotice, OfferingCard, catalog_item_page, use_page_title};
use crate::domain::catalog::{Catalog, Series, facts};
use crate::platform;

stylance::import_style!(style, "series.module.css");

/// `/series/:slug`: the four micro-credentials and where they lead.
#[component]
pub fn SeriesPage() -> impl IntoView {
    catalog_item_page("slug", "series", |catalog, slug| {
        let series = catalog.series_by_slug(slug)?.clone();
        Some(view! { <SeriesDetail catalog=catalog.clone() series /> }.into_any())
    })
}

#[component]
fn SeriesDetail(catalog: Arc<Catalog>, series: Series) -> impl IntoView {
    let title = series.title.clone();
    use_page_title(move || format!("{title} series"));
    let today = platform::today_in(&catalog.institution.time_zone);
    let total: f64 = series
        .offerings
        .iter()
        .filter_map(|id| catalog.offering(id))
        .map(|o| o.credit_points)
        .sum();
    let units = series
        .offerings
        .iter()
        .filter_map(|id| catalog.offering(id))
        .map(|o| view! { <li><OfferingCard offering=o.clone() series=None today /></li> })
        .collect_view();
    let pathways = series
        .award_pathways
        .iter()
        .map(|p| {
            let name = match &p.code {
                Some(code) => format!("{} ({code})", p.course),
                None => p.course.clone(),
            };
            view! {
                <li>
                    <strong>{name}</strong>
                    {format!(": up to {}.", facts::credit_points(p.credit_points))}
                    {p.note.clone().map(|n| format!(" {n}"))}
                </li>
            }
        })
        .collect_view();
    view! {
        <article class=style::page>
            <p class=style::kind>"Series of four micro-credentials"</p>
            <h1>{series.title.clone()}</h1>
            <p class=style::lead>{series.summary.clone()}</p>
            <p>{format!("Together: {}.", facts::credit_points(total))}</p>
            <section aria-labelledby="pathways-title">
                <h2 id="pathways-title">"Where it can lead"</h2>
                <ul>{pathways}</ul>
            </section>
            <section aria-labelledby="units-title">
                <h2 id="units-title">"The four micro-credentials"</h2>
                <ol class=style::units>{units}</ol>
            </section>
            <LaterNotice>"A planner that proposes four cohorts that fit together, with the total fee, is being built."</LaterNotice>
        </article>
    }
}
