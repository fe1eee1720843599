//! Sending the enrolment: everything is checked again first, the same
//! idempotency key goes with every retry, and the receipt is kept.

use leptos::prelude::*;

use super::context::{Checkout, STEP_TITLE_ID, blank};
use super::{DRAFT_KEY, RECEIPT_KEY};
use crate::api::submit;
use crate::components::focus_soon;
use crate::domain::checkout::{
    Answer, Receipt, Step, demo_reference, furthest_step, open_cohort, payload, terms_problem,
};
use crate::platform;

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
        // `Some` back means the learner has left the page.
        if ctx.sending.try_set(false).is_none() {
            settle(ctx, cohort_id, answer);
        }
    });
}

/// What the enrolment service said (or that it said nothing).
fn settle(ctx: Checkout, cohort_id: String, answer: Result<(u16, String), submit::NoAnswer>) {
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
