//! `/enrol/:cohort?step=…`: the checkout, one step per URL (the rules are
//! in `domain::checkout`), and `/enrol/complete?reference=…`, where a
//! payment provider sends the learner back.
//!
//! The draft lives in a signal that is written to local storage on every
//! change, so a reload or a closed tab loses nothing; it is removed once the
//! endpoint has the enrolment.

mod steps;

use std::sync::Arc;

use leptos::prelude::*;
use leptos_router::components::A;
use leptos_router::hooks::use_query_map;

use crate::api::{self, DataError, submit};
use crate::components::{DemoBanner, catalog_item_page, focus_soon, use_page_title};
use crate::domain::catalog::Catalog;
use crate::domain::checkout::{
    Answer, Draft, FieldError, Receipt, Step, demo_reference, furthest_step, open_cohort, payload,
    terms_problem,
};
use crate::domain::config::Config;
use crate::platform;
use crate::state::{Loaded, load};

stylance::import_style!(pub(crate) style, "enrol.module.css");

const DRAFT_KEY: &str = "microcred.enrol.draft.";
const RECEIPT_KEY: &str = "microcred.enrol.receipt.";
const STEP_TITLE_ID: &str = "enrol-step-title";

/// Everything a step needs; `Copy`, so each handler takes its own.
#[derive(Clone, Copy)]
struct Checkout {
    catalog: StoredValue<Arc<Catalog>>,
    cohort_id: StoredValue<String>,
    draft: RwSignal<Draft>,
    receipt: RwSignal<Option<Receipt>>,
    errors: RwSignal<Vec<FieldError>>,
    config: Loaded<Config>,
    /// A submission is under way: further clicks do nothing.
    sending: RwSignal<bool>,
    /// Why the last attempt did not go through (the form is kept).
    problem: RwSignal<Option<String>>,
    /// Enrolment closed (or filled) while the form was open.
    closed: RwSignal<Option<String>>,
    /// The browser would not store the draft.
    not_kept: RwSignal<bool>,
}

impl Checkout {
    fn href(self, step: Step) -> String {
        let id = self.cohort_id.get_value();
        platform::href(&format!("/enrol/{id}?step={}", step.key()))
    }

    fn go(self, step: Step) {
        self.errors.set(Vec::new());
        platform::navigate(&self.href(step));
    }

    fn fail(self, errors: Vec<FieldError>) {
        self.errors.set(errors);
        focus_soon(crate::components::SUMMARY_ID);
    }

    /// The offering and cohort (the page is only built for a known cohort).
    fn with<R>(
        self,
        f: impl FnOnce(&crate::domain::catalog::Offering, &crate::domain::catalog::Cohort) -> R,
    ) -> Option<R> {
        let catalog = self.catalog.get_value();
        let id = self.cohort_id.get_value();
        catalog.cohort(&id).map(|(o, c)| f(o, c))
    }
}

#[component]
pub fn EnrolPage() -> impl IntoView {
    let config: Loaded<Config> = load(async { Ok::<_, DataError>(api::fetch_config().await) });
    catalog_item_page("cohort", "cohort", move |catalog, id| {
        let (offering, _) = catalog.cohort(id)?;
        let title = offering.title.clone();
        let page_title = title.clone();
        use_page_title(move || format!("Enrol: {page_title}"));
        Some(checkout(catalog.clone(), id.to_owned(), title, config))
    })
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
    let query = use_query_map();
    let requested =
        Memo::new(move |_| Step::from_key(&query.read().get("step").unwrap_or_default()));
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
        if shown != requested && query.read().get("step").is_some() {
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
                        <li><A href=offering_href>"See the course's other dates"</A></li>
                        <li><A href=register_href>"Register for updates about new dates"</A></li>
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
                    view! { <A href=ctx.href(step)>{label}</A> }.into_any()
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
fn submit(ctx: Checkout) {
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

/// `/enrol/complete?reference=…`: back from the payment provider.
#[component]
pub fn EnrolCompletePage() -> impl IntoView {
    use_page_title(|| "Enrolment received".to_owned());
    let query = use_query_map();
    let reference = move || {
        query
            .read()
            .get("reference")
            .map(|r| {
                r.chars()
                    .filter(|c| !c.is_control())
                    .take(80)
                    .collect::<String>()
            })
            .filter(|r| !r.trim().is_empty())
    };
    let course = move || {
        let reference = reference()?;
        let receipt = submit::load_all(RECEIPT_KEY)
            .iter()
            .filter_map(|t| Receipt::from_json(t))
            .find(|r| r.reference.as_deref() == Some(reference.as_str()))?;
        Some(receipt.cohort_id)
    };
    let body = move || {
        match reference() {
        Some(reference) => {
            let course = course().map(|id| {
                let href = platform::href(&format!("/enrol/{id}?step=done"));
                view! { <p><A href=href>"See the details of this enrolment"</A></p> }
            });
            view! {
                <p>"Welcome back. Your enrolment reference is " <strong class=style::reference>{reference}</strong> "."</p>
                <p>"When the payment is confirmed, the short courses office emails you a receipt and, before the start date, how to join. If the payment did not go through, the email says how to finish it: your place is not lost."</p>
                {course}
            }
            .into_any()
        }
        None => view! {
            <p>"This page is where the payment service sends you after paying, with your enrolment reference. There is no reference in this address, so we cannot show which enrolment it was. Your confirmation email has the reference."</p>
        }
        .into_any(),
    }
    };
    view! {
        <section class=style::page aria-labelledby="complete-title">
            <h1 id="complete-title">"Enrolment received"</h1>
            {body}
            <p><A href=platform::href("/catalog")>"Back to the catalog"</A></p>
        </section>
    }
}
