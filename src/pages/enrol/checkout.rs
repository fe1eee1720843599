//! The checkout itself (in the checkout module): one step per URL, the rules
//! from `domain::checkout`.
//!
//! The draft lives in a signal that is written to local storage on every
//! change, so a reload or a closed tab loses nothing; it is removed once the
//! endpoint has the enrolment.

use std::sync::Arc;

use leptos::prelude::*;

use super::context::{Checkout, STEP_TITLE_ID};
use super::steps;
use super::style;
use crate::api::{self, DataError};
use crate::components::{
    DemoBanner, MissingItem, focus_soon, form_style, loaded_view, use_page_title,
};
use crate::domain::catalog::Catalog;
use crate::domain::checkout::{Step, furthest_step, open_cohort};
use crate::domain::config::Config;
use crate::platform;
use crate::state::{CatalogState, Loaded, load};

/// The checkout for `cohort_id`, mounted by the checkout module; `search`
/// is the address's query (the step).
pub(crate) fn checkout_page(
    catalog: CatalogState,
    cohort_id: String,
    search: RwSignal<String>,
) -> AnyView {
    let config: Loaded<Config> = load(async { Ok::<_, DataError>(api::fetch_config().await) });
    loaded_view(
        catalog.0,
        "Loading the catalog…",
        false,
        Box::new(move |catalog| match catalog.cohort(&cohort_id) {
            Some((offering, _)) => {
                let title = offering.title.clone();
                let page_title = title.clone();
                use_page_title(move || format!("Enrol: {page_title}"));
                checkout(catalog.clone(), cohort_id.clone(), title, config, search)
            }
            None => view! { <MissingItem what="cohort" id=cohort_id.clone() /> }.into_any(),
        }),
    )
}

fn checkout(
    catalog: Arc<Catalog>,
    cohort_id: String,
    title: String,
    config: Loaded<Config>,
    search: RwSignal<String>,
) -> AnyView {
    let ctx = Checkout::open(catalog.clone(), &cohort_id, config);
    let shown = shown_step(ctx, search);

    let today = platform::today_in(&catalog.institution.time_zone);
    let closed_now = open_cohort(&catalog, &cohort_id, today).err();
    let offering_href = ctx
        .with(|o, _| platform::href(&format!("/catalog/{}", o.slug)))
        .unwrap_or_default();
    let register_href = ctx
        .with(|o, _| platform::href(&format!("/register/{}", o.slug)))
        .unwrap_or_default();
    let demo = move || {
        ctx.config
            .with(|c| matches!(c, Some(Ok(c)) if c.enrolment_endpoint.is_none()))
            .then(|| view! { <DemoBanner what="enrolment" /> })
    };
    let not_kept = move || {
        ctx.not_kept.get().then(|| {
            view! {
                <p class=style::warning role="status">
                    "This browser is not letting the site keep your answers (private browsing, or storage is full). They stay while this page is open."
                </p>
            }
        })
    };
    let body = move || {
        let step = shown.get();
        // A finished enrolment's confirmation stays readable after the
        // cohort closes; otherwise a closed cohort ends the checkout.
        let closed = ctx.closed.get().or_else(|| {
            (step != Step::Confirmation)
                .then(|| closed_now.as_ref().map(|c| c.message()))
                .flatten()
        });
        if let Some(message) = closed {
            let (offering_href, register_href) = (offering_href.clone(), register_href.clone());
            return view! {
                <div class=style::stop role="alert">
                    <h2>"You cannot enrol in this intake"</h2>
                    <p>{message}</p>
                    <p>"Nothing has been sent, and you have not been charged."</p>
                    <ul>
                        <li><a href=offering_href>"See the course's other dates"</a></li>
                        <li><a href=register_href>"Register for updates about new dates"</a></li>
                    </ul>
                </div>
            }
            .into_any();
        }
        steps::step_view(ctx, step)
    };
    view! {
        <section class=form_style::page aria-labelledby="enrol-title">
            <h1 id="enrol-title">{format!("Enrol in {title}")}</h1>
            {demo}
            {not_kept}
            {move || progress(ctx, shown.get())}
            // On the review step the message sits by the button instead.
            {move || {
                (shown.get() != Step::Review)
                    .then(|| ctx.problem.get())
                    .flatten()
                    .map(|p| view! { <p class=form_style::problem role="alert">{p}</p> })
            }}
            {body}
        </section>
    }
    .into_any()
}

/// The step shown: the one the address asks for, unless an earlier one is
/// not done. An address that skips ahead is corrected (not a new history
/// entry), and a new step moves focus to its heading.
fn shown_step(ctx: Checkout, search: RwSignal<String>) -> Memo<Step> {
    let step_in_url = move || {
        search.with(|s| {
            s.trim_start_matches('?')
                .split('&')
                .find_map(|pair| pair.strip_prefix("step="))
                .map(str::to_owned)
        })
    };
    let requested = Memo::new(move |_| Step::from_key(&step_in_url().unwrap_or_default()));
    let shown = Memo::new(move |_| {
        let submitted = ctx.receipt.with(Option::is_some);
        let furthest = ctx
            .draft
            .with(|d| ctx.with(|o, _| furthest_step(o, d, submitted)))
            .unwrap_or(Step::Cohort);
        requested.get().min(furthest)
    });
    // A URL that skips ahead is corrected (not a new history entry).
    Effect::new(move |_| {
        let (shown, requested) = (shown.get(), requested.get());
        if shown != requested && step_in_url().is_some() {
            platform::replace(&ctx.href(shown));
        }
    });
    // A new step moves focus to its heading (not on the first one drawn).
    Effect::new(move |previous: Option<Step>| {
        let step = shown.get();
        if previous.is_some_and(|p| p != step) {
            focus_soon(STEP_TITLE_ID);
        }
        step
    });
    shown
}

/// "Step 2 of 4" and the list of steps, the current one marked.
fn progress(ctx: Checkout, current: Step) -> impl IntoView {
    (current != Step::Confirmation).then(|| {
        let items = Step::ALL[..4]
            .iter()
            .map(|&step| {
                let state = if step == current {
                    "current"
                } else if step < current {
                    "done"
                } else {
                    "todo"
                };
                let label = step.title();
                let content = if step < current {
                    view! { <a href=ctx.href(step)>{label}</a> }.into_any()
                } else {
                    view! { <span>{label}</span> }.into_any()
                };
                view! {
                    <li data-state=state aria-current=(step == current).then_some("step")>{content}</li>
                }
            })
            .collect_view();
        view! {
            <nav aria-label="Enrolment steps">
                <ol class=style::steps>{items}</ol>
            </nav>
        }
    })
}
