//! Form pieces shared by the checkout and "register for updates": labelled
//! fields with their own messages, the error summary that links to them,
//! and the demo-mode banner.

use leptos::prelude::*;

use crate::domain::checkout::{Field, FieldError};
use crate::platform;

stylance::import_style!(pub style, "form.module.css");

/// A text input's fixed parts.
pub struct TextSpec {
    pub field: Field,
    pub label: &'static str,
    pub hint: Option<&'static str>,
    /// The input's `type`: "text", "email", "tel".
    pub kind: &'static str,
    pub autocomplete: &'static str,
    pub optional: bool,
}

/// The message for `field` in `errors`, if any.
fn message_for(errors: RwSignal<Vec<FieldError>>, field: Field) -> Memo<Option<String>> {
    Memo::new(move |_| {
        errors.with(|all| {
            all.iter()
                .find(|e| e.field == field)
                .map(|e| e.message.clone())
        })
    })
}

/// `aria-describedby` for a field with an optional hint and a message.
fn described_by(
    hint: Option<String>,
    error_id: String,
    message: Memo<Option<String>>,
) -> Signal<Option<String>> {
    Signal::derive(move || {
        let mut ids: Vec<&str> = hint.iter().map(String::as_str).collect();
        if message.with(Option::is_some) {
            ids.push(&error_id);
        }
        (!ids.is_empty()).then(|| ids.join(" "))
    })
}

fn field_message(id: String, message: Memo<Option<String>>) -> impl IntoView {
    move || {
        message.get().map(|m| {
            view! {
                <p class=style::message id=id.clone()>
                    <span class="visually-hidden">"Error: "</span>
                    {m}
                </p>
            }
        })
    }
}

/// A labelled text input bound to `value`, with its hint and its message
/// from `errors`.
pub fn text_field(
    errors: RwSignal<Vec<FieldError>>,
    spec: TextSpec,
    value: Signal<String>,
    set: Callback<String>,
) -> AnyView {
    let id = spec.field.id();
    let error_id = format!("{id}-error");
    let hint_id = spec.hint.map(|_| format!("{id}-hint"));
    let message = message_for(errors, spec.field);
    let described = described_by(hint_id.clone(), error_id.clone(), message);
    let label = if spec.optional {
        format!("{} (optional)", spec.label)
    } else {
        spec.label.to_owned()
    };
    view! {
        <div class=style::field>
            <label for=id.clone()>{label}</label>
            {spec.hint.map(|h| view! { <p class=style::hint id=hint_id.clone()>{h}</p> })}
            {field_message(error_id, message)}
            <input
                id=id.clone()
                name=id
                type=spec.kind
                autocomplete=spec.autocomplete
                maxlength="254"
                spellcheck="false"
                aria-required=(!spec.optional).then_some("true")
                aria-invalid=move || message.with(Option::is_some).then_some("true")
                aria-describedby=described
                prop:value=value
                on:input=move |ev| set.run(event_target_value(&ev))
            />
        </div>
    }
    .into_any()
}

/// A checkbox with its label (a sentence) and its message.
pub fn check_field(
    errors: RwSignal<Vec<FieldError>>,
    field: Field,
    label: String,
    checked: Signal<bool>,
    set: Callback<bool>,
) -> AnyView {
    let id = field.id();
    let error_id = format!("{id}-error");
    let message = message_for(errors, field.clone());
    let described = described_by(None, error_id.clone(), message);
    // Ticking or unticking answers the question: its message goes.
    let set = move |yes: bool| {
        errors.update(|all| all.retain(|e| e.field != field));
        set.run(yes);
    };
    view! {
        <div class=style::check>
            {field_message(error_id, message)}
            <input
                type="checkbox"
                id=id.clone()
                name=id.clone()
                aria-invalid=move || message.with(Option::is_some).then_some("true")
                aria-describedby=described
                prop:checked=checked
                on:change=move |ev| set(event_target_checked(&ev))
            />
            <label for=id>{label}</label>
        </div>
    }
    .into_any()
}

/// "There is a problem": every message in `errors` that `shows` accepts,
/// each a link that moves focus to its field. Focus it with [`focus_soon`]
/// after a failed check.
pub fn error_summary(
    errors: RwSignal<Vec<FieldError>>,
    shows: impl Fn(&Field) -> bool + Send + Sync + 'static,
) -> impl IntoView {
    move || {
        let shown: Vec<FieldError> =
            errors.with(|all| all.iter().filter(|e| shows(&e.field)).cloned().collect());
        (!shown.is_empty()).then(|| {
            let items = shown
                .into_iter()
                .map(|e| {
                    let id = e.field.id();
                    let href = format!("#{id}");
                    view! {
                        <li>
                            <a
                                href=href
                                on:click=move |ev| {
                                    ev.prevent_default();
                                    platform::focus_id(&id);
                                }
                            >
                                {e.message}
                            </a>
                        </li>
                    }
                })
                .collect_view();
            view! {
                <div class=style::summary id=SUMMARY_ID tabindex="-1" aria-labelledby="form-summary-title">
                    <h3 id="form-summary-title">"There is a problem"</h3>
                    <ul>{items}</ul>
                </div>
            }
        })
    }
}

/// The error summary's element id.
pub const SUMMARY_ID: &str = "form-errors";

/// Focuses the element `id` once the page has drawn what was just changed.
pub fn focus_soon(id: &'static str) {
    request_animation_frame(move || {
        platform::focus_id(id);
    });
}

/// Shown on every checkout and sign-up page when `config.json` names no
/// endpoint: nothing is sent anywhere.
#[component]
pub fn DemoBanner(
    /// What would be sent ("enrolment", "sign-up").
    what: &'static str,
) -> impl IntoView {
    view! {
        <aside class=style::demo aria-label="Demo mode">
            <p>
                <strong>"Demo mode. "</strong>
                {format!(
                    "This site has no enrolment service set up, so your {what} is not sent anywhere: it is kept in this browser and shown to you at the end."
                )}
            </p>
        </aside>
    }
}
