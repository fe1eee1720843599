//! The checkout's steps. Each is a form whose button checks that step and
//! moves on; "Back" is a link, so the browser's Back button does the same.

use leptos::prelude::*;

use super::context::{Checkout, STEP_TITLE_ID};
use super::style;
use crate::components::{TextSpec, check_field, error_summary, form_style, text_field};
use crate::domain::checkout::{
    Draft, Eligibility, Field, Step, eligibility, fee_summary, validate_learner,
};
use crate::platform;

pub(super) fn step_view(ctx: Checkout, step: Step) -> AnyView {
    let body = match step {
        Step::Cohort => cohort(ctx),
        Step::Eligibility => eligible(ctx),
        Step::Learner => learner(ctx),
        Step::Review => review(ctx),
        Step::Confirmation => return confirmation(ctx),
    };
    let number = Step::ALL.iter().position(|&s| s == step).unwrap_or(0) + 1;
    let on_submit = move |ev: leptos::ev::SubmitEvent| {
        ev.prevent_default();
        next(ctx, step);
    };
    let back = (step != Step::Cohort).then(|| {
        let previous = Step::ALL[number.saturating_sub(2)];
        view! { <a href=ctx.href(previous) class=style::back>"Back"</a> }
    });
    let button = match step {
        Step::Review => review_button(ctx).into_any(),
        Step::Eligibility => {
            // No way on when a requirement is not met.
            let stopped = move || {
                ctx.draft
                    .with(|d| {
                        ctx.with(|o, _| matches!(eligibility(o, d), Eligibility::NotEligible(_)))
                    })
                    .unwrap_or(false)
            };
            view! { <button type="submit" class=form_style::primary hidden=stopped>"Continue"</button> }
                .into_any()
        }
        _ => {
            view! { <button type="submit" class=form_style::primary>"Continue"</button> }.into_any()
        }
    };
    view! {
        <form class=form_style::form novalidate on:submit=on_submit aria-labelledby=STEP_TITLE_ID>
            <h2 id=STEP_TITLE_ID tabindex="-1">
                <span class=style::count>{format!("Step {number} of 4")}</span>
                {step.title()}
            </h2>
            {error_summary(ctx.errors, move |f| f.step() == step)}
            {body}
            <div class=form_style::actions>{button}{back}</div>
        </form>
    }
    .into_any()
}

/// What "Continue" does on each step.
fn next(ctx: Checkout, step: Step) {
    match step {
        Step::Cohort => ctx.go(Step::Eligibility),
        Step::Eligibility => {
            let verdict = ctx
                .draft
                .with_untracked(|d| ctx.with(|o, _| eligibility(o, d)));
            match verdict {
                Some(Eligibility::Eligible) => ctx.go(Step::Learner),
                Some(Eligibility::Incomplete(errors)) => ctx.fail(errors),
                Some(Eligibility::NotEligible(_)) | None => {}
            }
        }
        Step::Learner => {
            let errors = ctx.draft.with_untracked(validate_learner);
            if errors.is_empty() {
                ctx.go(Step::Review);
            } else {
                ctx.fail(errors);
            }
        }
        Step::Review => super::send::submit(ctx),
        Step::Confirmation => {}
    }
}

/// A row of a definition list.
fn fact(term: &'static str, value: String) -> impl IntoView {
    view! {
        <div>
            <dt>{term}</dt>
            <dd>{value}</dd>
        </div>
    }
}

fn cohort_facts(ctx: Checkout) -> AnyView {
    ctx.with(|o, c| {
        let closes = c.enrolment_closes.unwrap_or(c.start_date);
        let location = c.location.clone().map(|l| fact("Where", l));
        let outcome = if o.kind.is_micro_credential() {
            format!(
                "A digital badge when you pass (an overall mark of 70% or more). {} credit points.",
                o.credit_points
            )
        } else {
            "A record of attendance from the short courses office (no digital badge).".to_owned()
        };
        view! {
            <dl class=style::facts>
                {fact("Course", format!("{} ({})", o.title, o.kind.label().to_lowercase()))}
                {fact("Dates", format!("{} to {}", c.start_date.long(), c.end_date.long()))}
                {fact("Delivery", c.delivery.label().to_owned())}
                {location}
                {fact("Enrol by", closes.long())}
                {fact("Fee", format!("{}, paid upfront and in full", o.fee))}
                {fact("Study time", format!("About {} hours", o.hours))}
                {fact("On completion", outcome)}
            </dl>
        }
        .into_any()
    })
    .unwrap_or_else(|| ().into_any())
}

fn cohort(ctx: Checkout) -> AnyView {
    let offering = ctx
        .with(|o, _| platform::href(&format!("/catalog/{}", o.slug)))
        .unwrap_or_default();
    view! {
        <p>"Check that this is the course and the dates you want."</p>
        {cohort_facts(ctx)}
        <p><a href=offering>"Choose different dates"</a></p>
    }
    .into_any()
}

// One piece: the eligibility step's form, a question per requirement, each bound to the
// same draft; its rules are in `domain::checkout`.
fn eligible(ctx: Checkout) -> AnyView {
    let Some((summary, requirements)) = ctx.with(|o, _| {
        (
            o.eligibility.summary.clone(),
            o.eligibility.requirements.clone(),
        )
    }) else {
        return ().into_any();
    };
    let questions = requirements
        .into_iter()
        .map(|r| {
            let field = Field::Requirement(r.id.clone());
            let yes_id = field.id();
            let no_id = format!("{yes_id}-no");
            let error_id = format!("{yes_id}-error");
            let (id_yes, id_no) = (r.id.clone(), r.id.clone());
            // Choosing answers the question: its message goes.
            let answered = {
                let field = field.clone();
                move |id: &str, yes: bool| {
                    ctx.errors.update(|all| all.retain(|e| e.field != field));
                    ctx.draft.update(|d| d.set_answer(id, yes));
                }
            };
            let answered_no = answered.clone();
            let answer = {
                let id = r.id.clone();
                Memo::new(move |_| ctx.draft.with(|d| d.answer(&id)))
            };
            let message = Memo::new(move |_| {
                ctx.errors
                    .with(|all| all.iter().find(|e| e.field == field).map(|e| e.message.clone()))
            });
            let name = format!("enrol-req-{}", r.id);
            view! {
                <fieldset class=style::question aria-describedby=move || message.with(Option::is_some).then(|| error_id.clone())>
                    <legend>{r.question}</legend>
                    {move || message.get().map(|m| view! { <p class=style::message id=format!("{}-error", yes_id.clone())>{m}</p> })}
                    <div class=style::choices>
                        <label>
                            <input type="radio" id=field_id_yes(&r.id) name=name.clone() value="yes"
                                prop:checked=move || answer.get() == Some(true)
                                on:change=move |_| answered(&id_yes, true) />
                            "Yes"
                        </label>
                        <label>
                            <input type="radio" id=no_id name=name value="no"
                                prop:checked=move || answer.get() == Some(false)
                                on:change=move |_| answered_no(&id_no, false) />
                            "No"
                        </label>
                    </div>
                </fieldset>
            }
        })
        .collect_view();
    let declaration = check_field(
        ctx.errors,
        Field::Declaration,
        "I confirm that my answers are true. I understand the university may ask me for evidence, and may cancel an enrolment based on answers that are not."
            .to_owned(),
        Signal::derive(move || ctx.draft.with(|d| d.declaration)),
        Callback::new(move |yes| ctx.draft.update(|d| d.declaration = yes)),
    );
    let stop = move || {
        let unmet = ctx.draft.with(|d| ctx.with(|o, _| eligibility(o, d)));
        let Some(Eligibility::NotEligible(unmet)) = unmet else {
            return None;
        };
        let (catalog_href, email) = (
            platform::href("/catalog"),
            ctx.catalog
                .with_value(|c| c.institution.contact_email.clone()),
        );
        let mailto = format!("mailto:{email}");
        let unmet = unmet
            .into_iter()
            .map(|t| view! { <li>{t}</li> })
            .collect_view();
        Some(view! {
            <div class=style::stop id="enrol-not-eligible" role="status">
                <h3>"You cannot enrol in this course yet"</h3>
                <p>"It asks for something you have said you do not have:"</p>
                <ul>{unmet}</ul>
                <p>"What you can do instead:"</p>
                <ul>
                    <li>"Complete the study it asks for first. "<a href=catalog_href>"Browse the catalog"</a>" for courses with no prerequisites."</li>
                    <li>"If you think other study or work experience should count, ask the short courses office at "<a href=mailto>{email}</a>" before you enrol."</li>
                </ul>
            </div>
        })
    };
    view! {
        <p>{summary}</p>
        {questions}
        {declaration}
        {stop}
    }
    .into_any()
}

fn field_id_yes(requirement: &str) -> String {
    Field::Requirement(requirement.to_owned()).id()
}

/// A text field bound to one of the draft's strings.
fn draft_text(
    ctx: Checkout,
    spec: TextSpec,
    get: fn(&Draft) -> &String,
    set: fn(&mut Draft) -> &mut String,
) -> AnyView {
    text_field(
        ctx.errors,
        spec,
        Signal::derive(move || ctx.draft.with(|d| get(d).clone())),
        Callback::new(move |value: String| ctx.draft.update(|d| *set(d) = value)),
    )
}

const HEARD: [&str; 7] = [
    "A search engine",
    "Social media",
    "A colleague or friend",
    "My employer",
    "A professional association",
    "The university's website or emails",
    "Somewhere else",
];

fn learner(ctx: Checkout) -> AnyView {
    let spec = |field, label, kind, autocomplete, hint, optional| TextSpec {
        field,
        label,
        hint,
        kind,
        autocomplete,
        optional,
    };
    let heard_options = HEARD
        .iter()
        .map(|&h| {
            view! { <option value=h selected=move || ctx.draft.with(|d| d.heard == h)>{h}</option> }
        })
        .collect_view();
    view! {
        <p>"We use these to enrol you and to send your badge. Fields marked optional can be left empty."</p>
        {draft_text(ctx, spec(Field::GivenName, "Given name", "text", "given-name", Some("As on your identification; any alphabet."), false), |d| &d.given_name, |d| &mut d.given_name)}
        {draft_text(ctx, spec(Field::FamilyName, "Family name", "text", "family-name", None, false), |d| &d.family_name, |d| &mut d.family_name)}
        {draft_text(ctx, spec(Field::Email, "Email address", "email", "email", Some("Your badge and receipts are sent here."), false), |d| &d.email, |d| &mut d.email)}
        {draft_text(ctx, spec(Field::EmailAgain, "Email address again", "email", "email", None, false), |d| &d.email_again, |d| &mut d.email_again)}
        {draft_text(ctx, spec(Field::Phone, "Phone number", "tel", "tel", Some("With + and your country code, like +61 3 9000 0000."), false), |d| &d.phone, |d| &mut d.phone)}
        {draft_text(ctx, spec(Field::Organisation, "Organisation you work for", "text", "organization", None, true), |d| &d.organisation, |d| &mut d.organisation)}
        <div class=style::field>
            <label for="enrol-heard">"How did you hear about this course? (optional)"</label>
            <select id="enrol-heard" name="enrol-heard" on:change=move |ev| ctx.draft.update(|d| d.heard = event_target_value(&ev))>
                <option value="" selected=move || ctx.draft.with(|d| d.heard.is_empty())>"Choose one"</option>
                {heard_options}
            </select>
        </div>
    }
    .into_any()
}

fn review(ctx: Checkout) -> AnyView {
    let terms = ctx.catalog.with_value(|c| c.terms.clone());
    let fees = ctx
        .with(|o, _| fee_summary(o))
        .unwrap_or_default()
        .into_iter()
        .map(|line| view! { <li>{line}</li> })
        .collect_view();
    let d = ctx.draft.get_untracked();
    let or_none = |s: &str| {
        if s.trim().is_empty() {
            "Not given".to_owned()
        } else {
            s.trim().to_owned()
        }
    };
    let full_terms = terms
        .url
        .clone()
        .filter(|u| u.starts_with("https://") || u.starts_with("http://"))
        .map(|url| view! { <p><a href=url>"Read the full terms and conditions"</a></p> });
    let version = terms.version.clone();
    let accept = check_field(
        ctx.errors,
        Field::Terms,
        format!(
            "I accept the terms and conditions (version {}), including the refund and withdrawal terms above.",
            terms.version
        ),
        Signal::derive({
            let version = version.clone();
            move || {
                ctx.draft
                    .with(|d| d.accepted_terms.as_deref() == Some(version.as_str()))
            }
        }),
        Callback::new(move |yes: bool| {
            ctx.draft
                .update(|d| d.accepted_terms = yes.then(|| version.clone()));
        }),
    );
    view! {
        <h3>"Your course"</h3>
        {cohort_facts(ctx)}
        <h3>"Your details"</h3>
        <dl class=style::facts>
            {fact("Name", format!("{} {}", d.given_name.trim(), d.family_name.trim()))}
            {fact("Email", d.email.trim().to_owned())}
            {fact("Phone", d.phone.trim().to_owned())}
            {fact("Organisation", or_none(&d.organisation))}
        </dl>
        <p><a href=ctx.href(Step::Learner)>"Change your details"</a></p>
        <h3>"Paying the fee"</h3>
        <ul>{fees}</ul>
        <h3>"Refunds"</h3>
        <p>{terms.refund_policy}</p>
        <h3>"Withdrawing"</h3>
        <p>{terms.withdrawal_policy}</p>
        {full_terms}
        {accept}
    }
    .into_any()
}

/// The submit button, and what went wrong last time (with the same button
/// to try again: the same key is sent).
fn review_button(ctx: Checkout) -> impl IntoView {
    let label = move || {
        if ctx.sending.get() {
            "Sending…"
        } else if ctx.problem.with(Option::is_some) && ctx.draft.with(|d| !d.key.is_empty()) {
            "Try again"
        } else {
            "Enrol now"
        }
    };
    view! {
        <div class=form_style::send>
            {move || ctx.problem.get().map(|p| view! { <p class=form_style::problem role="alert">{p}</p> })}
            <p class="visually-hidden" role="status">{move || ctx.sending.get().then_some("Sending your enrolment…")}</p>
            <button type="submit" class=form_style::primary aria-disabled=move || ctx.sending.get().then_some("true")>{label}</button>
        </div>
    }
}

fn confirmation(ctx: Checkout) -> AnyView {
    let Some(receipt) = ctx.receipt.get_untracked() else {
        return ().into_any();
    };
    let email = ctx
        .catalog
        .with_value(|c| c.institution.contact_email.clone());
    let mailto = format!("mailto:{email}");
    let reference = receipt
        .reference
        .clone()
        .unwrap_or_else(|| "not given (the office's email will have it)".to_owned());
    let start = ctx.with(|_, c| c.start_date.long()).unwrap_or_default();
    let demo = receipt.demo_payload.clone().map(|body| {
        view! {
            <div>
                <h3>"What would have been sent"</h3>
                <p>"In demo mode nothing leaves your browser. This is the enrolment, exactly as a real site would send it:"</p>
                <pre class=form_style::sent tabindex="0" aria-label="The enrolment as JSON">{body}</pre>
            </div>
        }
    });
    let already = receipt.already.then(|| {
        view! { <p>"We already had this enrolment, so it has not been made twice."</p> }
    });
    let course = ctx
        .with(|o, _| platform::href(&format!("/catalog/{}", o.slug)))
        .unwrap_or_default();
    view! {
        <div class=form_style::done>
            <h2 id=STEP_TITLE_ID tabindex="-1">"Your enrolment has been received"</h2>
            <p>"Your reference is " <strong class=form_style::reference>{reference}</strong> ". Keep it for any question about this enrolment."</p>
            {already}
            <h3>"What happens next"</h3>
            <ol>
                <li>"The short courses office emails you to confirm, with a tax invoice for the fee if you have not paid it yet."</li>
                <li>{format!("Before the start date ({start}) you get an email with how to join and what to prepare.")}</li>
                <li>"Changed your mind? Read the withdrawal terms, and email "<a href=mailto>{email}</a>" with your reference."</li>
            </ol>
            {demo}
            <p><a href=course>"Back to the course"</a></p>
        </div>
    }
    .into_any()
}
