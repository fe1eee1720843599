//! `/series/:slug`: a series (four units, 12.5 credit points, award
//! pathways and a planner) or a suite (a group without the credit promise).

use std::sync::Arc;

use leptos::prelude::*;
use leptos_router::components::A;

use crate::components::{OfferingCard, catalog_item_page, shared, use_page_title};
use crate::domain::catalog::browse::{month_key, month_label, month_start};
use crate::domain::catalog::planner::{self, Plan};
use crate::domain::catalog::{Catalog, Series, Suite, facts};
use crate::domain::date::Date;
use crate::domain::money::Money;
use crate::platform;

stylance::import_style!(style, "series.module.css");

#[component]
pub fn SeriesPage() -> impl IntoView {
    catalog_item_page("slug", "series", |catalog, slug| {
        if let Some(series) = catalog.series_by_slug(slug) {
            let series = series.clone();
            return Some(view! { <SeriesDetail catalog=catalog.clone() series /> }.into_any());
        }
        let suite = catalog.suites.iter().find(|s| s.slug == slug)?.clone();
        Some(view! { <SuiteDetail catalog=catalog.clone() suite /> }.into_any())
    })
}

fn unit_cards(catalog: &Arc<Catalog>, ids: &[String], today: Date, no_series: bool) -> AnyView {
    ids.iter()
        .filter_map(|id| catalog.offerings.iter().position(|o| &o.id == id))
        .map(|at| view! { <li><OfferingCard catalog=catalog.clone() at today no_series /></li> })
        .collect_view()
        .into_any()
}

#[component]
fn SeriesDetail(catalog: Arc<Catalog>, series: Series) -> impl IntoView {
    let title = series.title.clone();
    use_page_title(move || format!("{title} series"));
    let today = platform::today_in(&catalog.institution.time_zone);
    let total = catalog.credit_of(&series.offerings);
    let count = facts::count_word(series.offerings.len());
    // "Each is worth …" only when the units are worth the same.
    let mut unit_points = series
        .offerings
        .iter()
        .filter_map(|id| catalog.offering(id))
        .map(|o| o.credit_points);
    let first = unit_points.next();
    let each = first
        .filter(|p| unit_points.all(|q| q == *p))
        .map(|p| {
            format!(
                "Each micro-credential is worth {} on its own. ",
                facts::credit_points(p)
            )
        })
        .unwrap_or_default();
    let pathways = series
        .award_pathways
        .iter()
        .map(|p| {
            let name = facts::with_code(&p.course, p.code.as_deref());
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
            <p class=shared::eyebrow>{format!("Series of {count} micro-credentials")}</p>
            <h1>{series.title.clone()}</h1>
            <p class=style::lead>{series.summary.clone()}</p>
            <p>{format!(
                "{each}Complete all {count} and together they make {}, which may let you apply for credit towards an award course.",
                facts::credit_points(total)
            )}</p>
            <section aria-labelledby="pathways-title">
                <h2 id="pathways-title">"Award courses it can lead to"</h2>
                <ul>{pathways}</ul>
            </section>
            <section aria-labelledby="units-title">
                <h2 id="units-title">{format!("The {count} micro-credentials")}</h2>
                <ol class=style::units>{unit_cards(&catalog, &series.offerings, today, true)}</ol>
            </section>
            <Planner catalog series today />
        </article>
    }
}

#[component]
fn SuiteDetail(catalog: Arc<Catalog>, suite: Suite) -> impl IntoView {
    let title = suite.title.clone();
    use_page_title(move || format!("{title} suite"));
    let today = platform::today_in(&catalog.institution.time_zone);
    view! {
        <article class=style::page>
            <p class=shared::eyebrow>"Suite of micro-credentials"</p>
            <h1>{suite.title.clone()}</h1>
            <p class=style::lead>{suite.summary.clone()}</p>
            <p>"A suite brings related micro-credentials together. Each one still earns its own badge and credit points, but completing a suite does not in itself lead to credit towards an award course."</p>
            <section aria-labelledby="units-title">
                <h2 id="units-title">{format!("The {} micro-credentials", suite.offerings.len())}</h2>
                <ul class=style::units>{unit_cards(&catalog, &suite.offerings, today, false)}</ul>
            </section>
        </article>
    }
}

/// Pick a start month; see four cohorts that run one after another, with
/// fees and the total; swap any unit's cohort.
#[component]
fn Planner(catalog: Arc<Catalog>, series: Series, today: Date) -> impl IntoView {
    let months = planner::start_months(&catalog, &series, today);
    let month = RwSignal::new(months.first().cloned().unwrap_or_else(|| month_key(today)));
    // Units (by position) the learner moved to another cohort.
    let pins: RwSignal<Vec<(usize, String)>> = RwSignal::new(Vec::new());
    let month_options = months
        .iter()
        .map(|key| {
            let k = key.clone();
            view! { <option value=key.clone() prop:selected=move || month.read() == k>{month_label(key)}</option> }
        })
        .collect_view();
    let on_month = move |ev: leptos::ev::Event| {
        month.set(event_target_value(&ev));
        pins.set(Vec::new());
    };
    // A short sentence for screen readers when the plan changes; the plan
    // itself is below it.
    let (c2, s2) = (catalog.clone(), series.clone());
    let announcement = move || {
        let from = month_start(&month.read()).unwrap_or(today);
        match planner::plan(&c2, &s2, from, today, &pins.read()) {
            Ok(plan) => match (plan.starts(), plan.finishes()) {
                (Some(a), Some(b)) => format!(
                    "Plan updated: {} to {}, {} in fees.",
                    a.long(),
                    b.long(),
                    plan.total
                ),
                _ => String::new(),
            },
            Err(_) => "No plan fits these choices.".to_owned(),
        }
    };
    let body = move || {
        let key = month.get();
        let from = month_start(&key).unwrap_or(today);
        let pinned = pins.get();
        match planner::plan(&catalog, &series, from, today, &pinned) {
            Ok(plan) => plan_view(&plan, from, today, pins).into_any(),
            Err(problem) => view! {
                <div class=style::problem>
                    <p><strong>"No plan fits. "</strong>{problem.message(from, !pinned.is_empty())}</p>
                    {(!pinned.is_empty()).then(|| view! {
                        <button type="button" class=shared::control on:click=move |_| pins.set(Vec::new())>"Undo my changes"</button>
                    })}
                </div>
            }
            .into_any(),
        }
    };
    view! {
        <section class=style::planner aria-labelledby="planner-title">
            <h2 id="planner-title">"Plan your series"</h2>
            <p>"Choose when you would like to start. The planner picks four cohorts that run one after another, each starting after the previous one ends, and finishes as early as it can. You can change any of them."</p>
            <div class=style::field>
                <label for="plan-month">"Start from"</label>
                <select id="plan-month" class=shared::control on:change=on_month>{month_options}</select>
            </div>
            <p role="status" class="visually-hidden">{announcement}</p>
            <div class=style::plan>{body}</div>
        </section>
    }
}

// One piece: the plan's steps, its fees table and its summary all read the same plan.
fn plan_view(
    plan: &Plan,
    from: Date,
    today: Date,
    pins: RwSignal<Vec<(usize, String)>>,
) -> impl IntoView {
    let steps = plan
        .steps
        .iter()
        .enumerate()
        .map(|(n, step)| {
            let unit = step.unit;
            let select_id = format!("plan-unit-{unit}");
            let current = step.cohort.id.clone();
            let options = planner::choices(step.offering, from, today)
                .into_iter()
                .map(|c| {
                    let text = format!("{} · {}", span(c.start_date, c.end_date), c.delivery.label());
                    view! { <option value=c.id.clone() selected=c.id == current>{text}</option> }
                })
                .collect_view();
            let on_change = move |ev: leptos::ev::Event| {
                let id = event_target_value(&ev);
                pins.update(|p| {
                    p.retain(|(u, _)| *u != unit);
                    p.push((unit, id));
                });
            };
            let status = step.cohort.availability(today);
            let enrol = status.is_open().then(|| {
                let label = format!("Enrol now in {}, starting {}", step.offering.title, step.cohort.start_date.long());
                view! { <A href=platform::href(&format!("/enrol/{}", step.cohort.id)) attr:aria-label=label>"Enrol now"</A> }
            });
            let where_ = match &step.cohort.location {
                Some(place) => format!("{} · {place}", step.cohort.delivery.label()),
                None => step.cohort.delivery.label().to_owned(),
            };
            let unit_title = step.offering.title.clone();
            let unit_href = platform::href(&format!("/catalog/{}", step.offering.slug));
            view! {
                <li class=style::step>
                    <p class=style::step_title>
                        {format!("{}. ", n + 1)}
                        <A href=unit_href>{unit_title}</A>
                    </p>
                    <p class=style::step_dates>{span(step.cohort.start_date, step.cohort.end_date)}</p>
                    <p>{where_}" · "{status.label()}" · "{step.offering.fee.to_string()}</p>
                    <div class=style::field>
                        <label for=select_id.clone()>{format!("Dates for {}", step.offering.title)}</label>
                        <select id=select_id class=shared::control on:change=on_change>{options}</select>
                    </div>
                    {enrol}
                </li>
            }
        })
        .collect_view();
    let fees = plan
        .steps
        .iter()
        .map(|s| {
            view! { <tr><th scope="row">{s.offering.title.clone()}</th><td>{s.offering.fee.to_string()}</td></tr> }
        })
        .collect_view();
    let summary = match (plan.starts(), plan.finishes()) {
        (Some(start), Some(end)) => {
            format!("Your plan runs from {} to {}.", start.long(), end.long())
        }
        _ => String::new(),
    };
    let total: Money = plan.total.clone();
    let changed = !pins.read_untracked().is_empty();
    view! {
        <p class=style::summary>{summary}</p>
        <ol class=shared::stack>{steps}</ol>
        <table class=style::fees>
            <caption>"Fees, each paid upfront and in full when you enrol in that micro-credential"</caption>
            <tbody>{fees}</tbody>
            <tfoot><tr><th scope="row">"Total"</th><td>{total.to_string()}</td></tr></tfoot>
        </table>
        {changed.then(|| view! { <button type="button" class=shared::control on:click=move |_| pins.set(Vec::new())>"Undo my changes"</button> })}
    }
}

/// "8 February to 21 March 2027", or one date for a single day.
fn span(start: Date, end: Date) -> String {
    if start == end {
        start.long()
    } else {
        format!("{} to {}", start.long(), end.long())
    }
}
