//! `/enrol/:cohort?step=…`: the checkout, one step per URL (checkout.rs and
//! steps.rs; a lazy route of its own, `src/routes.rs`), and
//! `/enrol/complete?reference=…`, where a payment provider sends the learner
//! back.

pub(crate) mod checkout;
mod context;
mod send;
mod steps;

use leptos::prelude::*;
use leptos_router::components::A;
use leptos_router::hooks::{use_location, use_params_map, use_query_map};

use crate::api::submit;
use crate::components::{form_style, use_page_title};
use crate::domain::checkout::Receipt;
use crate::platform;
use crate::state::use_catalog;

stylance::import_style!(style, "enrol.module.css");

/// Local storage: a draft per cohort, and the receipt of a finished one.
const DRAFT_KEY: &str = "microcred.enrol.draft.";
const RECEIPT_KEY: &str = "microcred.enrol.receipt.";

/// The checkout for the cohort the URL names (`checkout.rs`), at the step
/// its query names.
#[component]
pub fn EnrolPage() -> impl IntoView {
    let params = use_params_map();
    let location = use_location().search;
    let search = RwSignal::new(location.get_untracked());
    Effect::new(move |_| search.set(location.get()));
    let catalog = use_catalog();
    move || {
        let cohort = params.read().get("cohort").unwrap_or_default();
        checkout::checkout_page(catalog, cohort, search)
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
                <p>"Welcome back. Your enrolment reference is " <strong class=form_style::reference>{reference}</strong> "."</p>
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
        <section class=form_style::page aria-labelledby="complete-title">
            <h1 id="complete-title">"Enrolment received"</h1>
            {body}
            <p><A href=platform::href("/catalog")>"Back to the catalog"</A></p>
        </section>
    }
}
