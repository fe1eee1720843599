//! The register-for-updates form (in the checkout module): name, email and
//! consent, sent to `interest_endpoint` under the same contract as an
//! enrolment (same key across retries, same answers).

use leptos::prelude::*;

use crate::api::{self, DataError, submit};
use crate::components::{
    DemoBanner, MissingItem, SUMMARY_ID, TextSpec, check_field, error_summary, focus_soon,
    form_style, loaded_view, text_field, use_page_title,
};
use crate::domain::catalog::{Catalog, NextStep, Offering};
use crate::domain::checkout::{
    Answer, Field, FieldError, Interest, demo_reference, interest_payload, read_answer,
    validate_interest,
};
use crate::domain::config::Config;
use crate::domain::date::Date;
use crate::platform;
use crate::state::{CatalogState, Loaded, load};

const DRAFT_KEY: &str = "microcred.register.";
const LEAVE_DETAILS: &str =
    " Leave your name and email and we will tell you as soon as you can enrol.";

/// What came back for a finished sign-up.
#[derive(Clone)]
struct Done {
    reference: Option<String>,
    demo_payload: Option<String>,
}

/// The form for the offering `slug`, mounted by the checkout module.
pub(crate) fn register_page(catalog: CatalogState, slug: String) -> AnyView {
    let config: Loaded<Config> = load(async { Ok::<_, DataError>(api::fetch_config().await) });
    loaded_view(
        catalog.0,
        "Loading the catalog…",
        false,
        Box::new(move |catalog| match catalog.offering_by_slug(&slug) {
            Some(offering) => register_view(&catalog, offering.clone(), config),
            None => view! { <MissingItem what="course" id=slug.clone() /> }.into_any(),
        }),
    )
}

fn register_view(catalog: &Catalog, offering: Offering, config: Loaded<Config>) -> AnyView {
    let title = offering.title.clone();
    let page_title = title.clone();
    use_page_title(move || format!("Register for updates: {page_title}"));
    let today = platform::today_in(&catalog.institution.time_zone);
    let (when, open_now) = when_to_enrol(&offering, today);
    let back = platform::href(&format!("/catalog/{}", offering.slug));
    let back_label = format!("Back to {title}");
    let sign_up = SignUp::open(offering, config);
    let demo = move || {
        config
            .with(|c| matches!(c, Some(Ok(c)) if c.interest_endpoint.is_none()))
            .then(|| view! { <DemoBanner what="sign-up" /> })
    };
    let institution = catalog.institution.name.clone();
    let form = move || match sign_up.done.get() {
        Some(done) => done_view(done),
        None => form_view(sign_up, &institution),
    };
    view! {
        <section class=form_style::page aria-labelledby="register-title">
            <h1 id="register-title">{format!("Register for updates: {title}")}</h1>
            {demo}
            <p>{when}</p>
            {open_now}
            {form}
            <p><a href=back>{back_label}</a></p>
        </section>
    }
    .into_any()
}

/// What the page says about enrolling (`Offering::next_step`), and a link
/// when a cohort is open now.
fn when_to_enrol(offering: &Offering, today: Date) -> (String, Option<impl IntoView + use<>>) {
    match offering.next_step(today) {
        NextStep::Enrol(c) => {
            let href = platform::href(&format!("/enrol/{}", c.id));
            let open = view! { <p><strong>"A cohort is open now: "</strong><a href=href>"enrol in it"</a>"."</p> };
            (
                "You can enrol now, or leave your name and email to hear about later dates."
                    .to_owned(),
                Some(open),
            )
        }
        NextStep::Register {
            opens: Some(date), ..
        } => (
            format!("Enrolments open on {}.{LEAVE_DETAILS}", date.long()),
            None,
        ),
        NextStep::Register { opens: None, .. } => (
            format!("Enrolment dates have not been announced yet.{LEAVE_DETAILS}"),
            None,
        ),
    }
}

/// The sign-up's state: the draft (kept in local storage until sent), its
/// errors, whether it is being sent, and how it ended.
#[derive(Clone, Copy)]
struct SignUp {
    interest: RwSignal<Interest>,
    errors: RwSignal<Vec<FieldError>>,
    sending: RwSignal<bool>,
    problem: RwSignal<Option<String>>,
    done: RwSignal<Option<Done>>,
    offering: StoredValue<Offering>,
    config: Loaded<Config>,
}

impl SignUp {
    fn open(offering: Offering, config: Loaded<Config>) -> SignUp {
        let key = format!("{DRAFT_KEY}{}", offering.slug);
        let interest = RwSignal::new(
            submit::load(&key)
                .and_then(|t| Interest::from_json(&t))
                .unwrap_or_default(),
        );
        Effect::new(move |_| {
            let i = interest.get();
            if i == Interest::default() {
                submit::remove(&key);
            } else {
                submit::save(&key, &i.to_json());
            }
        });
        SignUp {
            interest,
            errors: RwSignal::new(Vec::new()),
            sending: RwSignal::new(false),
            problem: RwSignal::new(None),
            done: RwSignal::new(None),
            offering: StoredValue::new(offering),
            config,
        }
    }

    /// Checks the answers and sends them (or, in demo mode, shows what
    /// would be sent). A second call while one is under way does nothing.
    fn send(self) {
        if self.sending.get_untracked() {
            return;
        }
        self.problem.set(None);
        let mut i = self.interest.get_untracked();
        let found = validate_interest(&i);
        if !found.is_empty() {
            self.errors.set(found);
            focus_soon(SUMMARY_ID);
            return;
        }
        self.errors.set(Vec::new());
        let Some(Ok(config)) = self.config.get_untracked() else {
            self.problem.set(Some(
                "The site's settings are still loading. Try again in a moment.".to_owned(),
            ));
            return;
        };
        if i.key.is_empty() {
            i.key = submit::new_key();
            self.interest.set(i.clone());
        }
        let body = self.offering.with_value(|o| interest_payload(o, &i));
        let Some(endpoint) = config.interest_endpoint.clone() else {
            self.finish(Done {
                reference: Some(demo_reference(&i.key)),
                demo_payload: Some(body),
            });
            return;
        };
        self.sending.set(true);
        let timeout = config.submit_timeout_ms();
        leptos::task::spawn_local(async move {
            let answer = submit::post(&endpoint, &body, &i.key, timeout).await;
            // `Some` back means the page is gone: nothing to show it on.
            if self.sending.try_set(false).is_none() {
                self.settle(answer);
            }
        });
    }

    /// What the endpoint said (or that it said nothing).
    fn settle(self, answer: Result<(u16, String), submit::NoAnswer>) {
        match answer {
            Err(no_answer) => self.problem.set(Some(no_answer.message())),
            Ok((status, text)) => match read_answer(status, &text) {
                Answer::Received { reference, .. } => self.finish(Done {
                    reference,
                    demo_payload: None,
                }),
                Answer::Refused { fields, other } => {
                    self.interest.update(|i| i.key.clear());
                    if !other.is_empty() {
                        self.problem.set(Some(other.join(" ")));
                    }
                    self.errors.set(fields);
                    focus_soon(SUMMARY_ID);
                }
                Answer::Failed(message) => self.problem.set(Some(
                    message.replace("enrolment service", "sign-up service"),
                )),
            },
        }
    }

    fn finish(self, done: Done) {
        self.done.set(Some(done));
        self.interest.set(Interest::default());
        focus_soon("register-done");
    }
}

fn done_view(done: Done) -> AnyView {
    let reference = done.reference.unwrap_or_else(|| "not given".to_owned());
    let demo = done.demo_payload.map(|body| {
        view! {
            <p>"In demo mode nothing leaves your browser. This is what a real site would send:"</p>
            <pre class=form_style::sent tabindex="0" aria-label="The sign-up as JSON">{body}</pre>
        }
    });
    view! {
        <div class=form_style::done>
            <h2 id="register-done" tabindex="-1">"You are on the list"</h2>
            <p>"We will email you when enrolments open. Your reference is " <strong class=form_style::reference>{reference}</strong> "."</p>
            <p>"Every email has a link to stop them."</p>
            {demo}
        </div>
    }
    .into_any()
}

fn form_view(s: SignUp, institution: &str) -> AnyView {
    let consent = format!(
        "I agree that {institution} may email me about this course's dates. I can unsubscribe at any time."
    );
    let interest = s.interest;
    let label = move || {
        if s.sending.get() {
            "Sending…"
        } else if s.problem.with(Option::is_some) && interest.with(|i| !i.key.is_empty()) {
            "Try again"
        } else {
            "Register for updates"
        }
    };
    view! {
        <form class=form_style::form novalidate aria-labelledby="register-form-title"
            on:submit=move |ev: leptos::ev::SubmitEvent| {
                ev.prevent_default();
                s.send();
            }>
            <h2 id="register-form-title">"Tell me when I can enrol"</h2>
            {error_summary(s.errors, |_: &Field| true)}
            {text_field(
                s.errors,
                TextSpec { field: Field::Name, label: "Your name", hint: None, kind: "text", autocomplete: "name", optional: false },
                Signal::derive(move || interest.with(|i| i.name.clone())),
                Callback::new(move |v: String| interest.update(|i| i.name = v)),
            )}
            {text_field(
                s.errors,
                TextSpec { field: Field::Email, label: "Email address", hint: None, kind: "email", autocomplete: "email", optional: false },
                Signal::derive(move || interest.with(|i| i.email.clone())),
                Callback::new(move |v: String| interest.update(|i| i.email = v)),
            )}
            {check_field(
                s.errors,
                Field::Consent,
                consent,
                Signal::derive(move || interest.with(|i| i.consent)),
                Callback::new(move |yes: bool| interest.update(|i| i.consent = yes)),
            )}
            <div class=form_style::actions>
                <div class=form_style::send>
                    {move || s.problem.get().map(|p| view! { <p class=form_style::problem role="alert">{p}</p> })}
                    <p class="visually-hidden" role="status">{move || s.sending.get().then_some("Sending…")}</p>
                    <button type="submit" class=form_style::primary aria-disabled=move || s.sending.get().then_some("true")>{label}</button>
                </div>
            </div>
        </form>
    }
    .into_any()
}
