//! Export the whole wallet as one file, restore from one, or empty it.

use leptos::prelude::*;

use super::state::{self, WalletState};
use super::{import_files, style};
use crate::components::FileDrop;
use crate::platform;

/// Export and restore the whole wallet; empty it.
#[component]
pub(super) fn Backup(wallet: WalletState) -> impl IntoView {
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
            <FileDrop
                id="wallet-restore"
                label="Restore from a backup file"
                accept=".json,application/json"
                on_files=std::sync::Arc::new(move |files| import_files(wallet, files))
            />
            <button type="button" class=style::danger on:click=clear>"Remove all badges…"</button>
        </section>
    }
}
