//! `/wallet`: the learner's badges, kept in this browser only. Import (files,
//! drop, paste, URL, backup), the list with statuses, sorting and filters,
//! "check all again", progress towards each series, the CPD ledger, backup.
//! `/wallet/:key` (detail.rs): one badge, every check, downloads and sharing.
//!
//! All of it is in the wallet module (`pages::wallet`), loaded only
//! when a wallet route opens: the app's routes render a host (host.rs).

mod backup;
mod credit;
mod detail;
mod host;
mod ledger;
mod list;
mod share;
pub(crate) mod state;

use leptos::prelude::*;

use crate::components::{BADGE_FILES, FileDrop, PickedFile, use_page_title};
use crate::platform;
use crate::state::use_catalog;
use backup::Backup;
use credit::Credit;
use ledger::Ledger;
use list::List;

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

/// Imports every chosen or dropped file as one batch.
fn import_files(wallet: WalletState, files: Vec<PickedFile>) {
    let inputs = files
        .into_iter()
        .map(|file| Input {
            bytes: file.bytes,
            name: file.name,
            source_url: None,
            added: None,
        })
        .collect();
    wallet.import(inputs);
}

#[component]
fn Import(wallet: WalletState) -> impl IntoView {
    let pasted = RwSignal::new(String::new());
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
    view! {
        <section class=style::import aria-labelledby="import-title">
            <h2 id="import-title">"Add badges"</h2>
            <FileDrop
                id="wallet-files"
                label="Choose badge files, or drop them here (JSON, JWT, PNG or SVG; several at once; a wallet backup too)"
                accept=BADGE_FILES
                multiple=true
                on_files=std::sync::Arc::new(move |files| import_files(wallet, files))
            />
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
