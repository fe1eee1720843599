//! Progress towards each series' credit, with what each missing unit
//! needs next (`Offering::next_step`).

use std::sync::Arc;

use leptos::prelude::*;

use super::style;
use crate::domain::catalog::Catalog;
use crate::domain::catalog::{NextStep, Offering, facts};
use crate::domain::date::Date;
use crate::domain::wallet::{self, Card, held_achievements};
use crate::platform;

/// Progress towards each series' credit points.
#[component]
pub(super) fn Credit(cards: Vec<Card>, catalog: Option<Arc<Catalog>>) -> impl IntoView {
    let Some(catalog) = catalog else {
        return view! { <p>"Progress towards credit appears once the catalog has loaded."</p> }
            .into_any();
    };
    let held = held_achievements(&cards);
    let today: Date = platform::today_in(&catalog.institution.time_zone);
    let all = wallet::progress(&catalog, &held);
    let (started, rest): (Vec<_>, Vec<_>) = all.into_iter().partition(|p| !p.held.is_empty());
    let render = |p: &wallet::SeriesProgress| series_item(p, &catalog, today);
    let started_view = started.iter().map(render).collect::<Vec<_>>();
    let rest_view = rest.iter().map(render).collect::<Vec<_>>();
    let rest_count = rest.len();
    let none_started = started.is_empty();
    view! {
        <section aria-labelledby="credit-title">
            <h2 id="credit-title">"Progress towards credit"</h2>
            <p>"A completed series of micro-credentials can count as credit towards a university award; each series below shows what it is worth. Only badges that check out, from this university, count."</p>
            {none_started.then(|| view! { <p>"None of your badges belongs to a series yet."</p> })}
            <ul class=style::series_list>{started_view}</ul>
            {(rest_count > 0).then(|| view! {
                <details>
                    <summary>{format!("Other series ({rest_count})")}</summary>
                    <ul class=style::series_list>{rest_view}</ul>
                </details>
            })}
        </section>
    }
    .into_any()
}

/// One series: how far the badges go, what it counts towards, and what
/// each missing unit needs next.
fn series_item(
    p: &wallet::SeriesProgress,
    catalog: &Catalog,
    today: Date,
) -> impl IntoView + use<> {
    let missing = p
        .missing
        .iter()
        .filter_map(|id| catalog.offering(id))
        .map(|o| missing_item(o, today))
        .collect::<Vec<_>>();
    let courses = p
        .series
        .award_pathways
        .iter()
        .map(|a| facts::with_code(&a.course, a.code.as_deref()))
        .collect::<Vec<_>>()
        .join("; ");
    let href = platform::href(&format!("/series/{}", p.series.slug));
    let held_count = p.held.len();
    let of = p.held.len() + p.missing.len();
    let title = p.series.title.clone();
    let summary = p.summary();
    let courses = format!(
        "Together the {} can count towards: {courses}.",
        facts::count_word(of)
    );
    let missing = (!missing.is_empty()).then(|| view! { <p>"Still to do:"</p> <ul>{missing}</ul> });
    view! {
        <li class=style::series>
            <h3><a href=href>{title}</a></h3>
            <p>
                <meter min="0" max=of value=held_count aria-hidden="true"></meter>
                " " <strong>{summary}</strong>
            </p>
            <p>{courses}</p>
            {missing}
        </li>
    }
}

/// A unit still to do, with its next step (`Offering::next_step`).
fn missing_item(o: &Offering, today: Date) -> AnyView {
    let title = o.title.clone();
    let offering_href = platform::href(&format!("/catalog/{}", o.slug));
    match o.next_step(today) {
        // Enrolment open now: straight to that cohort's enrolment.
        NextStep::Enrol(c) => {
            let enrol = platform::href(&format!("/enrol/{}", c.id));
            let label = format!("enrol in the cohort starting {}", c.start_date.long());
            view! {
                <li>
                    <a href=offering_href>{title}</a>
                    " (" <a href=enrol>{label}</a> ")"
                </li>
            }
            .into_any()
        }
        NextStep::Register { next, opens } => {
            let when = match (next, opens) {
                (Some(c), _) => format!(
                    " (next starts {}; enrolment not open yet)",
                    c.start_date.long()
                ),
                (None, Some(d)) => format!(" (enrolment opens {})", d.long()),
                (None, None) => " (no dates yet: register for updates on its page)".to_owned(),
            };
            view! { <li><a href=offering_href>{title}</a>{when}</li> }.into_any()
        }
    }
}
