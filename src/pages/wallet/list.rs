//! The kept badges as cards: sorted, filtered, a page at a time, each with
//! its picture, status and link to its own page.

use std::sync::Arc;

use leptos::prelude::*;

use super::style;
use crate::domain::catalog::Catalog;
use wasm_bindgen::JsCast;

use super::PAGE;
use super::state::WalletState;
use crate::domain::instant::UnixTime;
use crate::domain::report::own_image;
use crate::domain::verdict::Tone;
use crate::domain::wallet::{self, Card, Verdict, WalletFilter, WalletSort, arrange};
use crate::platform;

/// "3 March 2027".
pub(super) fn long_date(t: UnixTime) -> String {
    t.utc_date().long()
}

#[component]
pub(super) fn List(
    wallet: WalletState,
    cards: Vec<Card>,
    catalog: Option<Arc<Catalog>>,
) -> impl IntoView {
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
            <Toolbar wallet sort status issuer shown statuses issuers />
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

/// Sort, the status and issuer filters, and "Check all again".
#[component]
fn Toolbar(
    wallet: WalletState,
    sort: RwSignal<WalletSort>,
    status: RwSignal<Option<Verdict>>,
    issuer: RwSignal<Option<String>>,
    shown: RwSignal<usize>,
    statuses: Vec<Verdict>,
    issuers: Vec<String>,
) -> impl IntoView {
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
    view! {
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
pub(super) fn BadgeCard(
    card: Card,
    name: String,
    image: Option<String>,
    now: UnixTime,
) -> impl IntoView {
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
