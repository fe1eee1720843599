//! `/verify`: an employer pastes a badge's address, pastes its text or
//! drops its file, and gets one plain verdict, what the badge warrants, and
//! every check. Verification runs in the verifier worker (`api::verifier`),
//! so the page never freezes and the first load does not carry it.
//! `/verify?url=…` verifies on arrival: share links point here.

use std::sync::Arc;

use leptos::prelude::*;
use leptos_router::NavigateOptions;
use leptos_router::components::A;
use leptos_router::hooks::{use_navigate, use_query_map};
use wasm_bindgen::JsCast;

use crate::api;
use crate::components::{Later, Spinner, use_page_title};
use crate::domain::catalog::{Catalog, facts};
use crate::domain::date::Date;
use crate::domain::report::{BadgeView, Check, Outcome, Report, own_image, safe_link};
use crate::domain::verdict::Tone;
use crate::platform;
use crate::state::use_catalog;

stylance::import_style!(style, "verify.module.css");

/// Where the page is.
#[derive(Clone, PartialEq)]
enum Stage {
    Idle,
    Working(String),
    Done(Box<Report>),
    Failed(String),
}

/// What was last verified, to check the recipient against and to name on
/// the receipt.
#[derive(Clone, Default)]
pub(crate) struct Last {
    pub bytes: Vec<u8>,
    pub label: String,
    pub at: String,
}

#[component]
pub fn VerifyPage() -> impl IntoView {
    use_page_title(|| "Verify a badge".to_owned());
    let stage = RwSignal::new(Stage::Idle);
    let last: RwSignal<Last> = RwSignal::new(Last::default());
    let url = RwSignal::new(String::new());
    let pasted = RwSignal::new(String::new());
    let navigate = use_navigate();
    let catalog = use_catalog();

    let run = move |bytes: Vec<u8>, label: String, recipient: Option<String>| {
        stage.set(Stage::Working(label.clone()));
        let now = platform::now();
        last.set(Last {
            bytes: bytes.clone(),
            label,
            at: now.to_string(),
        });
        let held = catalog.get_untracked();
        leptos::task::spawn_local(async move {
            let answer = match api::verifier::trusted(held).await {
                Ok(catalog) => {
                    api::verifier::verify(&bytes, &catalog, now, recipient.as_deref()).await
                }
                Err(why) => Err(why),
            };
            let next = match answer.map(|json| Report::from_json(&json)) {
                Ok(Ok(report)) => Stage::Done(Box::new(report)),
                Ok(Err(e)) => Stage::Failed(format!("The verifier could not finish: {e}")),
                Err(message) => Stage::Failed(message),
            };
            let _ = stage.try_set(next);
        });
    };

    // A self-contained share link (`/verify#badge=…`): the badge is in the
    // fragment, which never reaches any server.
    let fragment = web_sys::window()
        .and_then(|w| w.location().hash().ok())
        .filter(|h| h.starts_with("#badge="));
    if let Some(fragment) = fragment {
        match crate::domain::wallet::badge_from_fragment(&fragment) {
            Ok(bytes) => run(bytes, "the badge in this link".to_owned(), None),
            Err(why) => stage.set(Stage::Failed(why)),
        }
    }
    // `/verify?url=…`: verify on arrival.
    let initial = use_query_map().read_untracked().get("url");
    if let Some(address) = initial.filter(|u| !u.trim().is_empty()) {
        url.set(address.clone());
        run(address.trim().as_bytes().to_vec(), address, None);
    }

    let on_url = move |ev: leptos::ev::SubmitEvent| {
        ev.prevent_default();
        let address = url.get_untracked().trim().to_owned();
        if address.is_empty() {
            stage.set(Stage::Failed(
                "Type or paste the badge's address first.".to_owned(),
            ));
            return;
        }
        // The address becomes part of this page's URL, so the result can be shared.
        let share = platform::href(&format!(
            "/verify?url={}",
            crate::domain::catalog::browse::encode_component(&address)
        ));
        navigate(
            &share,
            NavigateOptions {
                resolve: false,
                replace: true,
                scroll: false,
                ..NavigateOptions::default()
            },
        );
        run(address.as_bytes().to_vec(), address, None);
    };
    let on_paste = move |ev: leptos::ev::SubmitEvent| {
        ev.prevent_default();
        let text = pasted.get_untracked();
        if text.trim().is_empty() {
            stage.set(Stage::Failed(
                "Paste the badge's JSON or JWT text first.".to_owned(),
            ));
            return;
        }
        run(
            text.trim().as_bytes().to_vec(),
            "pasted text".to_owned(),
            None,
        );
    };
    let on_file = move |ev: leptos::ev::Event| {
        let file = ev
            .target()
            .and_then(|t| t.dyn_into::<web_sys::HtmlInputElement>().ok())
            .and_then(|input| input.files())
            .and_then(|files| files.get(0));
        if let Some(file) = file {
            read_file(file, run);
        }
    };
    let on_drop = move |ev: leptos::ev::DragEvent| {
        ev.prevent_default();
        let file = ev
            .data_transfer()
            .and_then(|d| d.files())
            .and_then(|f| f.get(0));
        if let Some(file) = file {
            read_file(file, run);
        }
    };

    let recheck = move |identity: String| {
        let Last { bytes, label, .. } = last.get_untracked();
        run(bytes, label, Some(identity));
    };

    view! {
        <section class=style::page aria-labelledby="verify-title">
            <h1 id="verify-title">"Verify a badge"</h1>
            <p class=style::intro>
                "Check a digital badge in your own browser: whether it is genuine, who issued it and to whom, "
                "whether it has expired or been revoked, and what it vouches for. Nothing you check is sent to us."
            </p>
            <div class=style::inputs>
                <form class=style::way on:submit=on_url>
                    <label for="verify-url">"The badge's address (URL)"</label>
                    <div class=style::row>
                        <input id="verify-url" type="url" inputmode="url" autocomplete="off" placeholder="https://…" bind:value=url />
                        <button type="submit">"Verify"</button>
                    </div>
                </form>
                // A take-over builds the other two ways in a task of their own.
                <Later>
                    <form class=style::way on:submit=on_paste>
                        <label for="verify-text">"Or paste the badge itself (JSON or JWT)"</label>
                        <textarea id="verify-text" rows="4" spellcheck="false" bind:value=pasted></textarea>
                        <button type="submit">"Verify the pasted badge"</button>
                    </form>
                    <div class=style::way on:dragover=|ev: leptos::ev::DragEvent| ev.prevent_default() on:drop=on_drop>
                        <label for="verify-file">"Or choose or drop the badge file (JSON, JWT, PNG or SVG)"</label>
                        <input id="verify-file" type="file" accept=".json,.jwt,.jws,.txt,.png,.svg,application/json,image/png,image/svg+xml" on:change=on_file />
                    </div>
                </Later>
            </div>
            <div class=style::result>
                {move || match stage.get() {
                    Stage::Idle => ().into_any(),
                    Stage::Working(label) => view! {
                        <Spinner label=format!("Checking {label}…") />
                    }.into_any(),
                    Stage::Failed(message) => view! {
                        <div class=style::failed role="alert"><p>{message}</p></div>
                    }.into_any(),
                    Stage::Done(report) => view! {
                        <ReportResult report=*report last=last.get_untracked() recheck />
                    }.into_any(),
                }}
            </div>
            <p class=style::noprint>"What the results mean: " <A href=platform::href("/faq#what-do-the-verification-results-mean")>"the FAQ on verification"</A> "."</p>
        </section>
    }
}

/// Reads a chosen or dropped file and verifies its bytes.
fn read_file(file: web_sys::File, run: impl Fn(Vec<u8>, String, Option<String>) + 'static) {
    let name = file.name();
    leptos::task::spawn_local(async move {
        let bytes = wasm_bindgen_futures::JsFuture::from(file.array_buffer())
            .await
            .map(|buffer| js_sys::Uint8Array::new(&buffer).to_vec())
            .unwrap_or_default();
        run(bytes, format!("the file {name}"), None);
    });
}

/// "3 March 2027" from an RFC 3339 timestamp, or the text as written.
fn day(text: &str) -> String {
    text.get(..10)
        .and_then(|d| d.parse::<Date>().ok())
        .map_or_else(|| text.to_owned(), Date::long)
}

/// The verdict, what the badge says, every check and the receipt; also
/// the wallet's detail page.
#[component]
pub(crate) fn ReportResult(
    report: Report,
    last: Last,
    recheck: impl Fn(String) + Clone + Send + Sync + 'static,
) -> impl IntoView {
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
    // The issuer's copy could not be had at all (its server refuses other
    // sites, or the network is down): say so plainly, mark what the file
    // claims as unchecked, and send the reader to the issuer's own page.
    let details = match report.issuer_page.clone() {
        None => details.map(IntoAny::into_any),
        Some(page) => Some(view! {
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
        }.into_any()),
    };
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
    let catalog_line = catalog.as_ref().map(|c| {
        format!(
            "Checked against the catalog of {} (format version {}, published {}).",
            c.institution.name,
            c.version,
            c.generated_at.utc_date().long()
        )
    });
    let identity = RwSignal::new(String::new());
    let has_recipient = report.badge.as_ref().is_some_and(|b| b.recipient.is_some());
    let on_recipient = move |ev: leptos::ev::SubmitEvent| {
        ev.prevent_default();
        let typed = identity.get_untracked().trim().to_owned();
        if !typed.is_empty() {
            recheck(typed);
        }
    };
    let print = |_| {
        if let Some(w) = web_sys::window() {
            let _ = w.print();
        }
    };
    view! {
        <article class=style::report aria-labelledby="verdict-title">
            <div class=verdict_class>
                <p class=style::symbol aria-hidden="true">{symbol}</p>
                <div>
                    <h2 id="verdict-title" tabindex="-1">{label}</h2>
                    <p>{sentence}</p>
                </div>
            </div>
            <p class=style::receipt_line>{format!("Checked {} at {}. {}", last.label, last.at, report.format)}</p>
            {details}
            {has_recipient.then(|| view! {
                <form class=style::recipient on:submit=on_recipient>
                    <label for="verify-recipient">"Check who it was issued to: type their email address (or the identity the badge names)"</label>
                    <div class=style::row>
                        <input id="verify-recipient" type="text" autocomplete="off" bind:value=identity />
                        <button type="submit">"Check"</button>
                    </div>
                </form>
            })}
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
            <p class=style::receipt_line>{catalog_line}</p>
            <p class=style::receipt_line>{format!("SHA-256 of the input: {}", report.input_sha256)}</p>
            <button type="button" class=style::noprint on:click=print>"Print a receipt"</button>
        </article>
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

/// What the badge says, as text; what the catalog adds about it.
#[component]
fn BadgeDetails(badge: BadgeView, catalog: Option<Arc<Catalog>>) -> impl IntoView {
    let issuer = catalog
        .as_ref()
        .and_then(|c| c.issuer(&badge.issuer.id))
        .cloned();
    let logo = issuer
        .as_ref()
        .and_then(|i| i.image.clone())
        .map(|src| view! { <img class=style::logo src=platform::asset_url(&src) alt="" width="40" height="40" /> });
    let issuer_name = match (badge.issuer.name.is_empty(), badge.issuer.id.is_empty()) {
        (false, _) => badge.issuer.name.clone(),
        (true, false) => badge.issuer.id.clone(),
        (true, true) => "an issuer it does not name".to_owned(),
    };
    let image = own_image(
        badge.achievement.image.as_deref(),
        badge.achievement.id.as_deref(),
        catalog.as_deref(),
    )
    .map(|src| {
        let src = platform::asset_url(&src);
        let alt = format!("The {} badge image", badge.achievement.name);
        // An image that cannot be loaded (offline, gone) is left out.
        let hide = |ev: leptos::ev::ErrorEvent| {
            if let Some(img) = ev
                .target()
                .and_then(|t| t.dyn_into::<web_sys::HtmlElement>().ok())
            {
                img.set_hidden(true);
            }
        };
        view! { <img class=style::image src=src alt=alt width="120" height="120" on:error=hide /> }
    });
    let recipient = badge.recipient.as_ref();
    let kind = recipient.map(|r| match r.kind.as_str() {
        "email" | "emailAddress" => "email address",
        "url" | "url_address" => "web address",
        "telephone" | "phoneNumber" => "phone number",
        "id" | "identifier" => "identifier",
        other => other,
    });
    let recipient = match (recipient, kind) {
        (Some(r), _) if !r.hashed && !r.identity.is_empty() => format!("Issued to {}.", r.identity),
        (Some(r), Some(kind)) if r.hashed => {
            format!("Issued to a hashed {kind}: type it below to check it.")
        }
        (_, Some(kind)) => format!("Issued to a {kind}."),
        _ => "The badge does not name who it was issued to.".to_owned(),
    };
    let dates = match (&badge.issued, &badge.expires) {
        (Some(issued), Some(expires)) => {
            format!("Issued {}; expires {}.", day(issued), day(expires))
        }
        (Some(issued), None) => format!("Issued {}; does not expire.", day(issued)),
        (None, Some(expires)) => format!("Expires {}.", day(expires)),
        (None, None) => "No issue date given.".to_owned(),
    };
    // What the university's catalog says about this achievement.
    let offering = catalog.as_ref().and_then(|c| {
        let id = badge.achievement.id.as_deref()?;
        let o = c.offering_for_achievement(id)?;
        let series = c.series_of(&o.id).map(|s| {
            let courses: Vec<String> = s.award_pathways.iter().map(|p| p.course.clone()).collect();
            format!(
                " It is one of the four micro-credentials of the {} series (12.5 credit points together), which may count towards: {}.",
                s.title,
                courses.join("; ")
            )
        });
        let text = format!(
            "{}: {}, {}, {}.{}",
            o.title,
            facts::hours(o.hours),
            facts::cpd_points(o.cpd_points),
            facts::credit_points(o.credit_points),
            series.unwrap_or_default()
        );
        let href = platform::href(&format!("/catalog/{}", o.slug));
        // A plain link: the router handles it, and the wallet module (which
        // has no router of its own) shows this too.
        Some(view! { <p>"In the catalog: " <a href=href>{text}</a></p> })
    });
    let list = |items: Vec<AnyView>| view! { <ul>{items}</ul> };
    let tags = badge
        .tags
        .iter()
        .map(|t| view! { <li>{t.clone()}</li> }.into_any())
        .collect::<Vec<_>>();
    let alignments = badge
        .alignments
        .iter()
        .map(|a| {
            let mut text = facts::with_code(&a.name, a.code.as_deref());
            if let Some(framework) = &a.framework {
                text = format!("{framework}: {text}");
            }
            link_item(text, a.url.as_deref())
        })
        .collect::<Vec<_>>();
    let endorsements = badge
        .endorsements
        .iter()
        .map(|e| {
            view! { <li>{format!("{} ({}): {}", e.by, e.verdict.label(), e.comment)}</li> }
                .into_any()
        })
        .collect::<Vec<_>>();
    let evidence = badge
        .evidence
        .iter()
        .map(|e| {
            let text = match (e.name.is_empty(), e.description.is_empty()) {
                (_, true) => e.name.clone(),
                (true, false) => e.description.clone(),
                (false, false) => format!("{}: {}", e.name, e.description),
            };
            link_item(text, e.url.as_deref())
        })
        .collect::<Vec<_>>();
    let credit = badge
        .credit_points
        .map(|p| view! { <p>{format!("Credit: {}.", facts::credit_points(p))}</p> });
    // A hosted badge whose badge class could not be read names no
    // achievement of its own: the catalog's name for it, else say so.
    let title = [&badge.achievement.name, &badge.name]
        .into_iter()
        .find(|n| !n.is_empty())
        .cloned()
        .or_else(|| {
            let id = badge.achievement.id.as_deref()?;
            let o = catalog.as_ref()?.offering_for_achievement(id)?;
            Some(format!(
                "{} (as this university's catalog names it)",
                o.title
            ))
        })
        .unwrap_or_else(|| "A badge whose name could not be read".to_owned());
    let section = |title: &'static str, items: Vec<AnyView>| {
        (!items.is_empty()).then(|| view! { <h4>{title}</h4> {list(items)} })
    };
    view! {
        <section class=style::badge aria-labelledby="badge-title">
            <div class=style::badge_head>
                {image}
                <div>
                    <h3 id="badge-title">{title}</h3>
                    <p class=style::issuer>{logo}{format!("Issued by {issuer_name}")}</p>
                </div>
            </div>
            <p>{recipient}</p>
            <p>{dates}</p>
            {(!badge.achievement.description.is_empty()).then(|| markdown(&badge.achievement.description))}
            {(!badge.achievement.criteria.is_empty()).then(|| view! { <h4>"How it was earned"</h4> {markdown(&badge.achievement.criteria)} })}
            {credit}
            {offering}
            {section("Skills", tags)}
            {section("Aligned to", alignments)}
            {section("Endorsements", endorsements)}
            {section("Evidence", evidence)}
        </section>
    }
}

/// A list item, linked when the badge gives an http(s) address for it.
fn link_item(text: String, url: Option<&str>) -> AnyView {
    match safe_link(url) {
        Some(href) => {
            view! { <li><a href=href rel="noopener noreferrer">{text}</a></li> }.into_any()
        }
        None => view! { <li>{text}</li> }.into_any(),
    }
}

/// Badge narrative (Markdown) as elements: the reader in `domain::markdown`
/// gives a tree, so raw HTML in a badge is only ever text.
fn markdown(text: &str) -> AnyView {
    use crate::domain::markdown::{Block, Inline, parse};
    let runs = |inlines: Vec<Inline>| {
        inlines
            .into_iter()
            .map(|inline| match inline {
                Inline::Text(t) => t.into_any(),
                Inline::Strong(t) => view! { <strong>{t}</strong> }.into_any(),
                Inline::Emphasis(t) => view! { <em>{t}</em> }.into_any(),
                Inline::Code(t) => view! { <code>{t}</code> }.into_any(),
                Inline::Link {
                    text,
                    href: Some(href),
                } => view! { <a href=href rel="noopener noreferrer">{text}</a> }.into_any(),
                Inline::Link { text, href: None } => text.into_any(),
            })
            .collect_view()
    };
    parse(text)
        .into_iter()
        .map(|block| match block {
            Block::Paragraph(inlines) => {
                view! { <p class=style::text>{runs(inlines)}</p> }.into_any()
            }
            Block::Heading(inlines) => {
                view! { <p class=style::text><strong>{runs(inlines)}</strong></p> }.into_any()
            }
            Block::List { ordered, items } => {
                let items = items
                    .into_iter()
                    .map(|i| view! { <li>{runs(i)}</li> })
                    .collect_view();
                if ordered {
                    view! { <ol>{items}</ol> }.into_any()
                } else {
                    view! { <ul>{items}</ul> }.into_any()
                }
            }
        })
        .collect_view()
        .into_any()
}
