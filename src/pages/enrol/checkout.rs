//! The checkout itself (in the checkout module): one step per URL, the rules
//! from `domain::checkout`.
//!
//! The draft lives in a signal that is written to local storage on every
//! change, so a reload or a closed tab loses nothing; it is removed once the
//! endpoint has the enrolment.

use std::sync::Arc;

use leptos::prelude::*;

use super::steps;
use super::{DRAFT_KEY, RECEIPT_KEY, style};
use crate::api::{self, DataError, submit};
use crate::components::{DemoBanner, MissingItem, focus_soon, loaded_view, use_page_title};
use crate::domain::catalog::Catalog;
use crate::domain::checkout::{
    Answer, Draft, FieldError, Receipt, Step, demo_reference, furthest_step, open_cohort, payload,
    terms_problem,
};
use crate::domain::config::Config;
use crate::platform;
use crate::state::{CatalogState, Loaded, load};

pub(super) const STEP_TITLE_ID: &str = "enrol-step-title";

/// Everything a step needs; `Copy`, so each handler takes its own.
#[derive(Clone, Copy)]
pub(super) struct Checkout {
    pub(super) catalog: StoredValue<Arc<Catalog>>,
    pub(super) cohort_id: StoredValue<String>,
    pub(super) draft: RwSignal<Draft>,
    pub(super) receipt: RwSignal<Option<Receipt>>,
    pub(super) errors: RwSignal<Vec<FieldError>>,
    pub(super) config: Loaded<Config>,
    /// A submission is under way: further clicks do nothing.
    pub(super) sending: RwSignal<bool>,
    /// Why the last attempt did not go through (the form is kept).
    pub(super) problem: RwSignal<Option<String>>,
    /// Enrolment closed (or filled) while the form was open.
    pub(super) closed: RwSignal<Option<String>>,
    /// The browser would not store the draft.
    pub(super) not_kept: RwSignal<bool>,
}

impl Checkout {
    pub(super) fn href(self, step: Step) -> String {
        let id = self.cohort_id.get_value();
        platform::href(&format!("/enrol/{id}?step={}", step.key()))
    }

    pub(super) fn go(self, step: Step) {
        self.errors.set(Vec::new());
        platform::navigate(&self.href(step));
    }

    pub(super) fn fail(self, errors: Vec<FieldError>) {
        self.errors.set(errors);
        focus_soon(crate::components::SUMMARY_ID);
    }

    /// The offering and cohort (the page is only built for a known cohort).
    pub(super) fn with<R>(
        self,
        f: impl FnOnce(&crate::domain::catalog::Offering, &crate::domain::catalog::Cohort) -> R,
    ) -> Option<R> {
        let catalog = self.catalog.get_value();
        let id = self.cohort_id.get_value();
        catalog.cohort(&id).map(|(o, c)| f(o, c))
    }
}

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

fn blank(cohort_id: &str) -> Draft {
    Draft {
        cohort_id: cohort_id.to_owned(),
        ..Draft::default()
    }
}

fn stored_receipt(cohort_id: &str) -> Option<Receipt> {
    submit::load(&format!("{RECEIPT_KEY}{cohort_id}")).and_then(|t| Receipt::from_json(&t))
}

fn checkout(
    catalog: Arc<Catalog>,
    cohort_id: String,
    title: String,
    config: Loaded<Config>,
    search: RwSignal<String>,
) -> AnyView {
    let draft_key = format!("{DRAFT_KEY}{cohort_id}");
    let draft = submit::load(&draft_key)
        .and_then(|t| Draft::from_json(&t))
        .filter(|d| d.cohort_id == cohort_id)
        .unwrap_or_else(|| blank(&cohort_id));
    let ctx = Checkout {
        catalog: StoredValue::new(catalog.clone()),
        cohort_id: StoredValue::new(cohort_id.clone()),
        draft: RwSignal::new(draft),
        receipt: RwSignal::new(stored_receipt(&cohort_id)),
        errors: RwSignal::new(Vec::new()),
        config,
        sending: RwSignal::new(false),
        problem: RwSignal::new(None),
        closed: RwSignal::new(None),
        not_kept: RwSignal::new(false),
    };
    // Keep the draft: every change is written; a blank one is removed.
    Effect::new(move |_| {
        let draft = ctx.draft.get();
        if draft == blank(&ctx.cohort_id.get_value()) {
            submit::remove(&draft_key);
        } else if !submit::save(&draft_key, &draft.to_json()) {
            ctx.not_kept.set(true);
        }
    });
    let step_in_url = move || {
        search.with(|s| {
            s.trim_start_matches('?')
                .split('&')
                .find_map(|pair| pair.strip_prefix("step="))
                .map(str::to_owned)
        })
    };
    let requested = Memo::new(move |_| Step::from_key(&step_in_url().unwrap_or_default()));
    // The step shown: the one asked for, unless an earlier one is not done.
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
        <section class=style::page aria-labelledby="enrol-title">
            <h1 id="enrol-title">{format!("Enrol in {title}")}</h1>
            {demo}
            {not_kept}
            {move || progress(ctx, shown.get())}
            // On the review step the message sits by the button instead.
            {move || {
                (shown.get() != Step::Review)
                    .then(|| ctx.problem.get())
                    .flatten()
                    .map(|p| view! { <p class=style::problem role="alert">{p}</p> })
            }}
            {body}
        </section>
    }
    .into_any()
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

/// Checks everything again and sends the enrolment (or, in demo mode,
/// keeps it). A second call while one is under way does nothing.
pub(super) fn submit(ctx: Checkout) {
    if ctx.sending.get_untracked() {
        return;
    }
    ctx.problem.set(None);
    let catalog = ctx.catalog.get_value();
    let cohort_id = ctx.cohort_id.get_value();
    let today = platform::today_in(&catalog.institution.time_zone);
    let (offering, cohort) = match open_cohort(&catalog, &cohort_id, today) {
        Ok(found) => found,
        Err(closed) => {
            ctx.closed.set(Some(closed.message()));
            focus_soon(STEP_TITLE_ID);
            return;
        }
    };
    let mut draft = ctx.draft.get_untracked();
    if let Some(error) = terms_problem(&draft, &catalog.terms.version) {
        ctx.fail(vec![error]);
        return;
    }
    let step = furthest_step(offering, &draft, false);
    if step != Step::Review {
        ctx.go(step);
        return;
    }
    let config = match ctx.config.get_untracked() {
        Some(Ok(config)) => config,
        _ => {
            ctx.problem.set(Some(
                "The site's settings are still loading. Try again in a moment.".to_owned(),
            ));
            return;
        }
    };
    if draft.key.is_empty() {
        // Made once, before anything is sent, and kept with the draft: a
        // retry (even after a reload) sends the same key.
        draft.key = submit::new_key();
        ctx.draft.set(draft.clone());
    }
    let return_url = platform::absolute_url("/enrol/complete", config.site_url.as_deref());
    let body = payload(
        offering,
        cohort,
        &draft,
        &catalog.terms.version,
        &return_url,
    );
    let Some(endpoint) = config.enrolment_endpoint.clone() else {
        finish(
            ctx,
            Receipt {
                reference: Some(demo_reference(&draft.key)),
                cohort_id,
                already: false,
                demo_payload: Some(body),
            },
            None,
        );
        return;
    };
    ctx.sending.set(true);
    let timeout = config.submit_timeout_ms();
    leptos::task::spawn_local(async move {
        let answer = submit::post(&endpoint, &body, &draft.key, timeout).await;
        if ctx.sending.try_set(false).is_some() {
            return; // The learner has left the page.
        }
        match answer {
            Err(no_answer) => {
                ctx.problem.set(Some(no_answer.message()));
            }
            Ok((status, text)) => match crate::domain::checkout::read_answer(status, &text) {
                Answer::Received {
                    reference,
                    payment_url,
                    already,
                } => finish(
                    ctx,
                    Receipt {
                        reference,
                        cohort_id,
                        already,
                        demo_payload: None,
                    },
                    payment_url,
                ),
                Answer::Refused { fields, other } => {
                    // Definitely not recorded: the corrected form is a new
                    // submission with a new key.
                    ctx.draft.update(|d| d.key.clear());
                    if !other.is_empty() {
                        ctx.problem.set(Some(other.join(" ")));
                    }
                    let first = fields.iter().map(|e| e.field.step()).min();
                    ctx.errors.set(fields);
                    match first {
                        Some(step) if step != Step::Review => platform::navigate(&ctx.href(step)),
                        _ => focus_soon(crate::components::SUMMARY_ID),
                    }
                }
                Answer::Failed(message) => ctx.problem.set(Some(message)),
            },
        }
    });
}

/// The enrolment is recorded: keep the receipt, forget the draft, and go to
/// the payment page or the confirmation.
fn finish(ctx: Checkout, receipt: Receipt, payment_url: Option<String>) {
    let id = ctx.cohort_id.get_value();
    submit::save(&format!("{RECEIPT_KEY}{id}"), &receipt.to_json());
    ctx.receipt.set(Some(receipt));
    ctx.draft.set(blank(&id));
    submit::remove(&format!("{DRAFT_KEY}{id}"));
    match payment_url.and_then(|url| web_sys::window().map(|w| (w, url))) {
        Some((window, url)) => {
            let _ = window.location().assign(&url);
        }
        None => ctx.go(Step::Confirmation),
    }
}
