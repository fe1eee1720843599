//! A verification report on screen: the verdict, what the badge says, every
//! check and the receipt. The verify page shows it for what was pasted or
//! dropped, the wallet for a kept badge.

mod badge;

use leptos::prelude::*;

use crate::components::shared;
use crate::domain::report::{Check, Outcome, Report};
use crate::domain::verdict::Tone;
use crate::platform;
use crate::state::use_catalog;
use badge::BadgeDetails;

stylance::import_style!(style, "report.module.css");

/// What was last verified, to check the recipient against and to name on
/// the receipt.
#[derive(Clone, Default)]
pub struct Last {
    pub bytes: Vec<u8>,
    pub label: String,
    pub at: String,
}

/// Verifies the same input again against a typed recipient. Not generic,
/// so the verify page and the wallet share one copy of the report's code.
pub type Recheck = std::sync::Arc<dyn Fn(String) + Send + Sync>;

/// The verdict, what the badge says, every check and the receipt.
/// `recheck` verifies the same input again against a typed recipient.
#[component]
pub fn ReportResult(report: Report, last: Last, recheck: Recheck) -> impl IntoView {
    let verdict = report.verdict;
    let (symbol, label, sentence) = (verdict.symbol(), verdict.label(), verdict.sentence());
    // Keyboard and screen-reader users land on the verdict.
    Effect::new(|_| {
        crate::components::later::when_live(|| {
            platform::focus_id("verdict-title");
        });
    });
    let verdict_class = format!("{} {}", style::verdict, tone_class(verdict.tone()));
    let catalog = use_catalog().get();
    let details = report
        .badge
        .clone()
        .map(|badge| view! { <BadgeDetails badge catalog=catalog.clone() /> });
    let details = match report.issuer_page.clone() {
        None => details.map(IntoAny::into_any),
        Some(page) => Some(unreachable(page, details.map(IntoAny::into_any))),
    };
    let catalog_line = catalog.as_ref().map(|c| {
        format!(
            "Checked against the catalog of {} (format version {}, published {}).",
            c.institution.name,
            c.version,
            c.generated_at.utc_date().long()
        )
    });
    let has_recipient = report.badge.as_ref().is_some_and(|b| b.recipient.is_some());
    let print = |_| {
        if let Some(w) = web_sys::window() {
            let _ = w.print();
        }
    };
    let checked = format!("Checked {} at {}. {}", last.label, last.at, report.format);
    let input_line = format!("SHA-256 of the input: {}", report.input_sha256);
    view! {
        <article class=style::report aria-labelledby="verdict-title">
            <div class=verdict_class>
                <p class=style::symbol aria-hidden="true">{symbol}</p>
                <div>
                    <h2 id="verdict-title" tabindex="-1">{label}</h2>
                    <p>{sentence}</p>
                </div>
            </div>
            <p class=style::receipt_line>{checked}</p>
            {details}
            {has_recipient.then(|| recipient_check(recheck))}
            {checks(report)}
            <p class=style::receipt_line>{catalog_line}</p>
            <p class=style::receipt_line>{input_line}</p>
            <button type="button" class=shared::button on:click=print>"Print a receipt"</button>
        </article>
    }
}

/// The issuer's copy could not be had at all (its server refuses other
/// sites, or the network is down): say so plainly, mark what the file
/// claims as unchecked, and send the reader to the issuer's own page.
fn unreachable(page: String, details: Option<AnyView>) -> AnyView {
    view! {
        <section class=style::unreachable aria-labelledby="unreachable-title">
            <h3 id="unreachable-title">"The issuer's copy could not be reached from here"</h3>
            <p>"Your browser could not get the issuer's own copy of this badge, so nothing it says has been checked. Many issuers' servers, Canvas Credentials (Badgr) among them, do not let other websites read their badges; or you may be offline. This does not mean the badge is forged, nor that it is genuine."</p>
            <p>
                <a href=page.clone() target="_blank" rel="noopener noreferrer">"Open the issuer's page for this badge"</a>
                " to see the issuer's own answer (it opens in a new tab)."
            </p>
            <p>"University staff can check it fully from a computer with the command-line tool: "
                <code class=style::detail>{format!("microcred verify {page}")}</code>
            </p>
        </section>
        {details.map(|d| view! {
            <section class=style::unchecked aria-labelledby="claims-title">
                <h3 id="claims-title">"What the file claims (not checked)"</h3>
                {d}
            </section>
        })}
    }
    .into_any()
}

/// "Check who it was issued to": the typed identity goes to `recheck`.
fn recipient_check(recheck: Recheck) -> impl IntoView {
    let identity = RwSignal::new(String::new());
    let on_submit = move |ev: leptos::ev::SubmitEvent| {
        ev.prevent_default();
        let typed = identity.get_untracked().trim().to_owned();
        if !typed.is_empty() {
            recheck(typed);
        }
    };
    view! {
        <form class=style::recipient on:submit=on_submit>
            <label for="verify-recipient">"Check who it was issued to: type their email address (or the identity the badge names)"</label>
            <div class=shared::row>
                <input id="verify-recipient" type="text" autocomplete="off" bind:value=identity />
                <button type="submit">"Check"</button>
            </div>
        </form>
    }
}

/// Every check with its outcome, then the technical detail on request.
fn checks(report: Report) -> impl IntoView {
    let checks = report
        .checks
        .iter()
        .map(|c: &Check| {
            let (mark, word) = (c.outcome.symbol(), c.outcome.word());
            let class = format!("{} {}", style::check, outcome_class(c.outcome));
            view! {
                <li class=class>
                    <span class=style::mark aria-hidden="true">{mark}</span>
                    <span><strong>{format!("{word}: ")}</strong>{c.sentence.clone()}</span>
                </li>
            }
        })
        .collect_view();
    let expert = report
        .checks
        .iter()
        .filter(|c| !c.detail.is_empty())
        .map(|c| view! { <li><code>{c.id.as_str()}</code>": "<span class=style::detail>{c.detail.clone()}</span></li> })
        .collect_view();
    view! {
        <section aria-labelledby="checks-title">
            <h3 id="checks-title">"Every check"</h3>
            <ul class=style::checks>{checks}</ul>
        </section>
        <details class=style::expert>
            <summary>"Technical detail"</summary>
            <p>"Format: " {report.format.clone()}</p>
            <p>"SHA-256 of what was checked: " <code class=style::detail>{report.input_sha256.clone()}</code></p>
            <ul>{expert}</ul>
        </details>
    }
}

fn tone_class(tone: Tone) -> &'static str {
    match tone {
        Tone::Good => style::good,
        Tone::Caution => style::caution,
        Tone::Bad => style::bad,
    }
}

fn outcome_class(outcome: Outcome) -> &'static str {
    match outcome {
        Outcome::Pass => style::good,
        Outcome::Fail => style::bad,
        Outcome::Warn => style::caution,
        Outcome::Skip => style::skipped,
    }
}
