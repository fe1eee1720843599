//! `/wallet`: the learner's badges, kept in this browser only. Import (files,
//! drop, paste, URL, backup), the list with statuses, sorting and filters,
//! "check all again", progress towards each series, the CPD ledger, backup.
//! `/wallet/:key` (detail.rs): one badge, every check, downloads and sharing.
//!
//! All of it is in the wallet module (`crate::pages::learner`), loaded only
//! when a wallet route opens: the app's routes render a host (host.rs).

mod detail;
mod host;
mod share;
pub(crate) mod state;

use std::sync::Arc;

use leptos::prelude::*;
use wasm_bindgen::JsCast;

use crate::components::use_page_title;
use crate::domain::catalog::{Catalog, NextStep, facts};
use crate::domain::date::Date;
use crate::domain::instant::UnixTime;
use crate::domain::report::own_image;
use crate::domain::verdict::Tone;
use crate::domain::wallet::{
    self, Card, Verdict, WalletFilter, WalletSort, arrange, held_achievements, ledger_csv,
    ledger_entries, ledger_totals,
};
use crate::platform;
use crate::state::use_catalog;

pub(crate) use detail::WalletBadge;
pub use host::{WalletBadgePage, WalletPage};
use state::{Input, WalletState, use_wallet};

stylance::import_style!(style, "wallet.module.css");

/// How many cards are shown before "Show more".
const PAGE: usize = 48;

#[component]
pub(crate) fn WalletList() -> impl IntoView {
    use_page_title(|| "Your wallet".to_owned());
    let wallet = use_wallet();
    let catalog = use_catalog();

    view! {
        <section class=style::page aria-labelledby="wallet-title">
            <h1 id="wallet-title">"Your wallet"</h1>
            <p class=style::intro>
                "Your badges, kept in this browser only: nothing is sent to us. Each one is checked when you add it "
                "and whenever you ask. Export a backup now and then, since clearing the browser's data clears the wallet too."
            </p>
            <Import wallet />
            <Notices wallet />
            {move || match wallet.cards.get() {
                None => view! { <crate::components::Spinner label="Opening your wallet…".to_owned() /> }.into_any(),
                Some(Err(problem)) => view! { <p class=style::problem role="alert">{problem}</p> }.into_any(),
                Some(Ok(cards)) if cards.is_empty() => view! {
                    <p class=style::empty>
                        "Your wallet is empty. Add a badge above: try one of the "
                        <a href=platform::asset_url("badges/health-data-foundations.json") download="health-data-foundations.json">"demo badges"</a>
                        ", or " <a href=platform::href("/catalog")>"find a course"</a> " to earn one."
                    </p>
                }.into_any(),
                Some(Ok(cards)) => {
                    let catalog = catalog.get();
                    view! {
                        <List wallet cards=cards.clone() catalog=catalog.clone() />
                        <Credit cards=cards.clone() catalog=catalog.clone() />
                        <Ledger cards catalog />
                    }.into_any()
                }
            }}
            <Backup wallet />
        </section>
    }
}

/// Reads every chosen or dropped file, then imports them as one batch.
fn import_files(wallet: WalletState, files: web_sys::FileList) {
    let files: Vec<web_sys::File> = (0..files.length()).filter_map(|i| files.get(i)).collect();
    if files.is_empty() {
        return;
    }
    leptos::task::spawn_local(async move {
        let mut inputs = Vec::with_capacity(files.len());
        for file in files {
            let name = file.name();
            let bytes = wasm_bindgen_futures::JsFuture::from(file.array_buffer())
                .await
                .map(|buffer| js_sys::Uint8Array::new(&buffer).to_vec())
                .unwrap_or_default();
            inputs.push(Input {
                bytes,
                name,
                source_url: None,
                added: None,
            });
        }
        wallet.import(inputs);
    });
}

fn files_of(ev: &leptos::ev::Event) -> Option<(web_sys::HtmlInputElement, web_sys::FileList)> {
    let input = ev.target()?.dyn_into::<web_sys::HtmlInputElement>().ok()?;
    let files = input.files()?;
    Some((input, files))
}

#[component]
fn Import(wallet: WalletState) -> impl IntoView {
    let pasted = RwSignal::new(String::new());
    let dragging = RwSignal::new(false);
    let on_file = move |ev: leptos::ev::Event| {
        if let Some((input, files)) = files_of(&ev) {
            import_files(wallet, files);
            // The same file can be chosen again later.
            input.set_value("");
        }
    };
    let on_drop = move |ev: leptos::ev::DragEvent| {
        ev.prevent_default();
        dragging.set(false);
        if let Some(files) = ev.data_transfer().and_then(|d| d.files()) {
            import_files(wallet, files);
        }
    };
    let on_paste = move |ev: leptos::ev::SubmitEvent| {
        ev.prevent_default();
        let text = pasted.get_untracked().trim().to_owned();
        if text.is_empty() {
            wallet.problem.set(Some(
                "Paste a badge (its JSON or JWT text) or its web address first.".to_owned(),
            ));
            return;
        }
        let is_url = text.starts_with("https://") || text.starts_with("http://");
        wallet.import(vec![Input {
            name: if is_url {
                text.clone()
            } else {
                "pasted text".to_owned()
            },
            source_url: is_url.then(|| text.clone()),
            bytes: text.into_bytes(),
            added: None,
        }]);
        pasted.set(String::new());
    };
    let zone_class = move || {
        if dragging.get() {
            format!("{} {}", style::drop, style::dragging)
        } else {
            style::drop.to_owned()
        }
    };
    view! {
        <section class=style::import aria-labelledby="import-title">
            <h2 id="import-title">"Add badges"</h2>
            <div
                class=zone_class
                on:dragover=move |ev: leptos::ev::DragEvent| { ev.prevent_default(); dragging.set(true); }
                on:dragleave=move |_| dragging.set(false)
                on:drop=on_drop
            >
                <label for="wallet-files">"Choose badge files, or drop them here (JSON, JWT, PNG or SVG; several at once; a wallet backup too)"</label>
                <input id="wallet-files" type="file" multiple accept=".json,.jwt,.jws,.txt,.png,.svg,application/json,image/png,image/svg+xml" on:change=on_file />
            </div>
            <form class=style::paste on:submit=on_paste>
                <label for="wallet-paste">"Or paste a badge, or its web address"</label>
                <textarea id="wallet-paste" rows="3" spellcheck="false" bind:value=pasted></textarea>
                <button type="submit" disabled=move || wallet.importing.get()>"Add the pasted badge"</button>
            </form>
        </section>
    }
}

/// Import results, storage problems, damaged records and undo.
#[component]
fn Notices(wallet: WalletState) -> impl IntoView {
    let outcomes = move || {
        wallet
            .outcomes
            .get()
            .into_iter()
            .map(|o| {
                let class = if o.ok { style::ok } else { style::refused };
                let mark = if o.ok { "✓" } else { "✗" };
                view! {
                    <li class=class>
                        <span aria-hidden="true">{mark}" "</span>
                        <strong>{o.name}</strong>": "{o.message}
                    </li>
                }
            })
            .collect_view()
    };
    let undo = move |_| wallet.undo_remove();
    view! {
        <div class=style::notices aria-live="polite">
            {move || wallet.importing.get().then(|| view! { <crate::components::Spinner label="Checking and adding…".to_owned() /> })}
            {move || wallet.problem.get().map(|p| view! { <p class=style::problem role="alert">{p}</p> })}
            <ul class=style::outcomes>{outcomes}</ul>
            {move || (wallet.damaged.get() > 0).then(|| view! {
                <p class=style::problem>{format!(
                    "{} saved badge record(s) could not be read and are not shown. Your other badges are fine; importing the badge again repairs it.",
                    wallet.damaged.get()
                )}</p>
            })}
            {move || wallet.removed.get().map(|kept| view! {
                <p class=style::undo>
                    {format!("Removed “{}”. ", kept.card.name)}
                    <button type="button" on:click=undo>"Undo"</button>
                </p>
            })}
        </div>
    }
}

/// "3 March 2027".
fn long_date(t: UnixTime) -> String {
    t.utc_date().long()
}

#[component]
fn List(wallet: WalletState, cards: Vec<Card>, catalog: Option<Arc<Catalog>>) -> impl IntoView {
    let sort = RwSignal::new(WalletSort::default());
    let status = RwSignal::new(None::<Verdict>);
    let issuer = RwSignal::new(None::<String>);
    let shown = RwSignal::new(PAGE);
    let issuers = wallet::issuers(&cards);
    let statuses: Vec<Verdict> = Verdict::ALL
        .into_iter()
        .filter(|s| cards.iter().any(|c| c.status() == *s))
        .collect();
    let total = cards.len();
    let cards = StoredValue::new(cards);
    let now = platform::now();
    let soon = cards.with_value(|c| c.iter().filter(|c| c.expires_soon(now)).count());
    let arranged = Memo::new(move |_| {
        let filter = WalletFilter {
            status: status.get(),
            issuer: issuer.get(),
        };
        cards.with_value(|c| {
            arrange(c, &filter, sort.get())
                .into_iter()
                .cloned()
                .collect::<Vec<_>>()
        })
    });
    let on_sort =
        move |ev: leptos::ev::Event| sort.set(WalletSort::from_key(&event_target_value(&ev)));
    let on_status = move |ev: leptos::ev::Event| {
        let v = event_target_value(&ev);
        status.set(Verdict::ALL.into_iter().find(|s| s.as_str() == v));
        shown.set(PAGE);
    };
    let on_issuer = move |ev: leptos::ev::Event| {
        let v = event_target_value(&ev);
        issuer.set((!v.is_empty()).then_some(v));
        shown.set(PAGE);
    };
    let check_all = move |_| wallet.check_all();
    let rows = move || {
        arranged.with(|all| {
            all.iter()
                .take(shown.get())
                .map(|card| {
                    let image = image_of(card, catalog.as_deref());
                    let name = wallet::shown_name(card, catalog.as_deref());
                    view! { <BadgeCard card=card.clone() name image now /> }
                })
                .collect_view()
        })
    };
    let count_line = move || {
        let n = arranged.with(Vec::len);
        if n == total {
            format!("{total} badge{}", if total == 1 { "" } else { "s" })
        } else {
            format!("{n} of {total} badges")
        }
    };
    view! {
        <section aria-labelledby="badges-title">
            <h2 id="badges-title">"Your badges"</h2>
            {(soon > 0).then(|| view! {
                <p class=style::soon_note>
                    {format!("{soon} badge{} expire{} within 90 days: they are marked below.", if soon == 1 { "" } else { "s" }, if soon == 1 { "s" } else { "" })}
                </p>
            })}
            <div class=style::toolbar>
                <div>
                    <label for="wallet-sort">"Sort by"</label>
                    <select id="wallet-sort" on:change=on_sort>
                        {WalletSort::ALL.into_iter().map(|s| view! { <option value=s.key() selected=move || sort.get() == s>{s.label()}</option> }).collect_view()}
                    </select>
                </div>
                <div>
                    <label for="wallet-status">"Status"</label>
                    <select id="wallet-status" on:change=on_status>
                        <option value="">"Any status"</option>
                        {statuses.into_iter().map(|s| view! { <option value=s.as_str()>{s.label()}</option> }).collect_view()}
                    </select>
                </div>
                <div>
                    <label for="wallet-issuer">"Issuer"</label>
                    <select id="wallet-issuer" on:change=on_issuer>
                        <option value="">"Any issuer"</option>
                        {issuers.into_iter().map(|i| view! { <option value=i.clone()>{i.clone()}</option> }).collect_view()}
                    </select>
                </div>
                <button type="button" on:click=check_all disabled=move || wallet.checking.get().is_some()>"Check all again"</button>
            </div>
            {move || wallet.checking.get().map(|p| view! {
                <div class=style::checking>
                    <label for="wallet-progress">{format!("Checking your badges again: {} of {}", p.done, p.total)}</label>
                    <progress id="wallet-progress" max=p.total value=p.done>{format!("{} of {}", p.done, p.total)}</progress>
                </div>
            })}
            <p class=style::count aria-live="polite">{count_line}</p>
            <ul class=style::cards id="wallet-badges">{rows}</ul>
            {move || {
                let n = arranged.with(Vec::len);
                (shown.get() < n).then(|| view! {
                    <button type="button" class=style::more on:click=move |_| shown.update(|s| *s += PAGE)>
                        {format!("Show more ({} more)", n - shown.get())}
                    </button>
                })
            }}
        </section>
    }
}

/// The badge's picture (see `report::own_image`), as a URL under the site.
pub(crate) fn image_of(card: &Card, catalog: Option<&Catalog>) -> Option<String> {
    own_image(
        card.image.as_deref(),
        card.achievement_id.as_deref(),
        catalog,
    )
    .map(|src| platform::asset_url(&src))
}

#[component]
fn BadgeCard(card: Card, name: String, image: Option<String>, now: UnixTime) -> impl IntoView {
    let status = card.status();
    let status_class = format!("{} {}", style::status, status_class(status));
    let image = image.map(|src| {
        let hide = |ev: leptos::ev::ErrorEvent| {
            if let Some(img) = ev
                .target()
                .and_then(|t| t.dyn_into::<web_sys::HtmlElement>().ok())
            {
                img.set_hidden(true);
            }
        };
        // The name is right beside it: the image is decoration here.
        view! { <img src=src alt="" width="64" height="64" loading="lazy" on:error=hide /> }
    });
    let dates = match (card.issued, card.expires) {
        (Some(i), Some(e)) if e.0 <= now.0 => {
            format!("Issued {}; expired {}", long_date(i), long_date(e))
        }
        (Some(i), Some(e)) => format!("Issued {}; expires {}", long_date(i), long_date(e)),
        (Some(i), None) => format!("Issued {}; does not expire", long_date(i)),
        (None, Some(e)) => format!("Expires {}", long_date(e)),
        (None, None) => "No issue date".to_owned(),
    };
    let soon = card.expires_soon(now).then(|| {
        let days = card.expires.map_or(0, |e| (e.0 - now.0 + 86_399) / 86_400);
        view! { <p class=style::soon>{format!("Expires in {days} day{}", if days == 1 { "" } else { "s" })}</p> }
    });
    let href = platform::href(&format!("/wallet/{}", card.key));
    let class = if soon.is_some() {
        format!("{} {}", style::card, style::expiring)
    } else {
        style::card.to_owned()
    };
    view! {
        <li class=class>
            {image}
            <div>
                <h3><a href=href>{name}</a></h3>
                <p>{card.issuer.clone()}</p>
                <p>{dates}</p>
                {soon}
                <p class=status_class>
                    <span aria-hidden="true">{status.symbol()}" "</span>
                    {status.label()}
                </p>
            </div>
        </li>
    }
}

pub(crate) fn status_class(status: Verdict) -> &'static str {
    match status.tone() {
        Tone::Good => style::good,
        Tone::Caution => style::caution,
        Tone::Bad => style::bad,
    }
}

/// Progress towards each series' 12.5 credit points.
#[component]
fn Credit(cards: Vec<Card>, catalog: Option<Arc<Catalog>>) -> impl IntoView {
    let Some(catalog) = catalog else {
        return view! { <p>"Progress towards credit appears once the catalog has loaded."</p> }
            .into_any();
    };
    let held = held_achievements(&cards);
    let today: Date = platform::today_in(&catalog.institution.time_zone);
    let all = wallet::progress(&catalog, &held);
    let (started, rest): (Vec<_>, Vec<_>) = all.into_iter().partition(|p| !p.held.is_empty());
    let render = |p: &wallet::SeriesProgress| {
        let missing = p
            .missing
            .iter()
            .filter_map(|id| catalog.offering(id))
            .map(|o| {
                let title = o.title.clone();
                let offering_href = platform::href(&format!("/catalog/{}", o.slug));
                match o.next_step(today) {
                    // Enrolment open now: straight to that cohort's enrolment.
                    NextStep::Enrol(c) => {
                        let enrol = platform::href(&format!("/enrol/{}", c.id));
                        let label = format!("enrol in the cohort starting {}", c.start_date.long());
                        view! {
                            <li>
                                <a href=offering_href>{title}</a>
                                " (" <a href=enrol>{label}</a> ")"
                            </li>
                        }
                        .into_any()
                    }
                    NextStep::Register { next, opens } => {
                        let when = match (next, opens) {
                            (Some(c), _) => format!(
                                " (next starts {}; enrolment not open yet)",
                                c.start_date.long()
                            ),
                            (None, Some(d)) => format!(" (enrolment opens {})", d.long()),
                            (None, None) => {
                                " (no dates yet: register for updates on its page)".to_owned()
                            }
                        };
                        view! { <li><a href=offering_href>{title}</a>{when}</li> }.into_any()
                    }
                }
            })
            .collect::<Vec<_>>();
        let courses = p
            .series
            .award_pathways
            .iter()
            .map(|a| facts::with_code(&a.course, a.code.as_deref()))
            .collect::<Vec<_>>()
            .join("; ");
        let href = platform::href(&format!("/series/{}", p.series.slug));
        let held_count = p.held.len();
        let of = p.held.len() + p.missing.len();
        let title = p.series.title.clone();
        let summary = p.summary();
        let courses = format!("Together the four can count towards: {courses}.");
        let missing =
            (!missing.is_empty()).then(|| view! { <p>"Still to do:"</p> <ul>{missing}</ul> });
        view! {
            <li class=style::series>
                <h3><a href=href>{title}</a></h3>
                <p>
                    <meter min="0" max=of value=held_count aria-hidden="true"></meter>
                    " " <strong>{summary}</strong>
                </p>
                <p>{courses}</p>
                {missing}
            </li>
        }
    };
    let started_view = started.iter().map(render).collect::<Vec<_>>();
    let rest_view = rest.iter().map(render).collect::<Vec<_>>();
    let rest_count = rest.len();
    let none_started = started.is_empty();
    view! {
        <section aria-labelledby="credit-title">
            <h2 id="credit-title">"Progress towards credit"</h2>
            <p>"A series of four micro-credentials is worth 12.5 credit points towards a university award. Only badges that check out, from this university, count."</p>
            {none_started.then(|| view! { <p>"None of your badges belongs to a series yet."</p> })}
            <ul class=style::series_list>{started_view}</ul>
            {(rest_count > 0).then(|| view! {
                <details>
                    <summary>{format!("Other series ({rest_count})")}</summary>
                    <ul class=style::series_list>{rest_view}</ul>
                </details>
            })}
        </section>
    }
    .into_any()
}

/// Hours and CPD points per badge, totals per year and per framework, CSV.
#[component]
fn Ledger(cards: Vec<Card>, catalog: Option<Arc<Catalog>>) -> impl IntoView {
    let Some(catalog) = catalog else {
        return ().into_any();
    };
    let entries = ledger_entries(&cards, &catalog);
    if entries.is_empty() {
        return view! {
            <section aria-labelledby="ledger-title">
                <h2 id="ledger-title">"CPD ledger"</h2>
                <p>"None of your badges matches a course in this university's catalog, so there are no hours or CPD points to add up yet."</p>
            </section>
        }
        .into_any();
    }
    let (years, frameworks) = ledger_totals(&entries);
    let csv = ledger_csv(&entries);
    let download = move |_| {
        platform::download(csv.as_bytes(), "cpd-ledger.csv", "text/csv;charset=utf-8");
    };
    // The badge-by-badge table is drawn only when opened: with hundreds of
    // badges it would hold up the wallet's first paint.
    let count = entries.len();
    let entries = StoredValue::new(entries);
    let open = RwSignal::new(false);
    let rows = move || {
        open.get().then(|| {
            entries.with_value(|entries| {
                entries
                    .iter()
                    .map(|e| {
                        view! {
                            <tr>
                                <th scope="row">{e.badge.clone()}</th>
                                <td>{e.issued.long()}</td>
                                <td class=style::num>{facts::number(e.hours)}</td>
                                <td class=style::num>{facts::number(e.cpd_points)}</td>
                                <td>{e.frameworks.join("; ")}</td>
                            </tr>
                        }
                    })
                    .collect_view()
            })
        })
    };
    let on_toggle = move |ev: leptos::ev::Event| {
        let opened = ev
            .target()
            .and_then(|t| t.dyn_into::<web_sys::HtmlDetailsElement>().ok())
            .is_some_and(|d| d.open());
        open.set(opened);
    };
    let total_row = |key: String, hours: f64, points: f64| {
        view! { <tr><th scope="row">{key}</th><td class=style::num>{facts::number(hours)}</td><td class=style::num>{facts::number(points)}</td></tr> }
    };
    let year_rows = years
        .iter()
        .map(|(y, h, p)| total_row(y.to_string(), *h, *p))
        .collect_view();
    let framework_rows = frameworks
        .iter()
        .map(|(f, h, p)| total_row(f.clone(), *h, *p))
        .collect_view();
    view! {
        <section aria-labelledby="ledger-title">
            <h2 id="ledger-title">"CPD ledger"</h2>
            <p>"Hours of study and CPD points from the catalog, for each badge that checks out. Many professional bodies accept one CPD point per hour; check your own body's rules."</p>
            <div class=style::totals>
                <table class=style::table>
                    <caption>"Totals by calendar year"</caption>
                    <thead><tr><th scope="col">"Year"</th><th scope="col">"Hours"</th><th scope="col">"CPD points"</th></tr></thead>
                    <tbody>{year_rows}</tbody>
                </table>
                {(!frameworks.is_empty()).then(|| view! {
                    <table class=style::table>
                        <caption>"Totals by professional framework"</caption>
                        <thead><tr><th scope="col">"Framework"</th><th scope="col">"Hours"</th><th scope="col">"CPD points"</th></tr></thead>
                        <tbody>{framework_rows}</tbody>
                    </table>
                })}
            </div>
            <details class=style::each on:toggle=on_toggle>
                <summary>{format!("Each badge ({count})")}</summary>
                <div class=style::table_wrap tabindex="0" role="region" aria-label="The ledger, badge by badge (scrolls sideways on narrow screens)">
                    <table class=style::table>
                        <caption>"Each badge"</caption>
                        <thead><tr><th scope="col">"Badge"</th><th scope="col">"Issued"</th><th scope="col">"Hours"</th><th scope="col">"CPD points"</th><th scope="col">"Frameworks"</th></tr></thead>
                        <tbody>{rows}</tbody>
                    </table>
                </div>
            </details>
            <button type="button" on:click=download>"Download the ledger (CSV)"</button>
        </section>
    }
    .into_any()
}

/// Export and restore the whole wallet; empty it.
#[component]
fn Backup(wallet: WalletState) -> impl IntoView {
    let busy = RwSignal::new(false);
    let export = move |_| {
        let cards = wallet.current();
        if cards.is_empty() {
            wallet
                .problem
                .set(Some("There is nothing to back up yet.".to_owned()));
            return;
        }
        busy.set(true);
        leptos::task::spawn_local(async move {
            match state::backup_file(&cards).await {
                Ok(text) => {
                    let name = format!("wallet-backup-{}.json", platform::now().utc_date());
                    platform::download(text.as_bytes(), &name, "application/json");
                }
                Err(problem) => wallet.problem.set(Some(problem)),
            }
            busy.set(false);
        });
    };
    let on_restore = move |ev: leptos::ev::Event| {
        if let Some((input, files)) = files_of(&ev) {
            import_files(wallet, files);
            input.set_value("");
        }
    };
    let clear = move |_| {
        if platform::confirm(
            "Remove every badge from this browser? This cannot be undone: export a backup first if you may want them back.",
        ) {
            wallet.clear();
        }
    };
    view! {
        <section class=style::backup aria-labelledby="backup-title">
            <h2 id="backup-title">"Backup"</h2>
            <p>"A backup is one file with all your badges. Restoring it adds the badges you do not already have, and checks each one again."</p>
            <button type="button" on:click=export disabled=move || busy.get()>"Export a backup"</button>
            <div class=style::restore>
                <label for="wallet-restore">"Restore from a backup file"</label>
                <input id="wallet-restore" type="file" accept=".json,application/json" on:change=on_restore />
            </div>
            <button type="button" class=style::danger on:click=clear>"Remove all badges…"</button>
        </section>
    }
}
