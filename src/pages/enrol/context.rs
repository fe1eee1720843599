//! What every step of the checkout shares: the cohort, the draft (kept in
//! local storage), the receipt once sent, and what went wrong.

use std::sync::Arc;

use leptos::prelude::*;

use super::{DRAFT_KEY, RECEIPT_KEY};
use crate::api::submit;
use crate::components::focus_soon;
use crate::domain::catalog::Catalog;
use crate::domain::checkout::{Draft, FieldError, Receipt, Step};
use crate::domain::config::Config;
use crate::platform;
use crate::state::Loaded;

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
    /// The checkout of `cohort_id`, with the draft kept from an earlier
    /// visit; every change to the draft is written to local storage.
    pub(super) fn open(catalog: Arc<Catalog>, cohort_id: &str, config: Loaded<Config>) -> Checkout {
        let draft_key = format!("{DRAFT_KEY}{cohort_id}");
        let draft = submit::load(&draft_key)
            .and_then(|t| Draft::from_json(&t))
            .filter(|d| d.cohort_id == cohort_id)
            .unwrap_or_else(|| blank(cohort_id));
        let ctx = Checkout {
            catalog: StoredValue::new(catalog),
            cohort_id: StoredValue::new(cohort_id.to_owned()),
            draft: RwSignal::new(draft),
            receipt: RwSignal::new(stored_receipt(cohort_id)),
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
        ctx
    }

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

pub(super) fn blank(cohort_id: &str) -> Draft {
    Draft {
        cohort_id: cohort_id.to_owned(),
        ..Draft::default()
    }
}

fn stored_receipt(cohort_id: &str) -> Option<Receipt> {
    submit::load(&format!("{RECEIPT_KEY}{cohort_id}")).and_then(|t| Receipt::from_json(&t))
}
