//! The wallet's routes: the list (`/wallet`) and a badge's page
//! (`/wallet/:key`), each a lazy route of the app (`src/routes.rs`).

use leptos::prelude::*;
use leptos_router::hooks::use_params_map;

use super::state::wallet_for_visit;
use super::{WalletBadge, WalletList};
use crate::components::use_page_title;
use crate::state::use_catalog;

/// The wallet's state for the visit: made the first time a wallet page
/// opens, under the app's own owner (`VisitOwner`), so it outlives the page.
fn provide_wallet() {
    let owner = use_context::<crate::state::VisitOwner>()
        .map(|v| v.0)
        .unwrap_or_default();
    provide_context(wallet_for_visit(&owner, use_catalog()));
}

#[component]
pub fn WalletPage() -> impl IntoView {
    use_page_title(|| "Your wallet".to_owned());
    provide_wallet();
    view! { <WalletList /> }
}

#[component]
pub fn WalletBadgePage() -> impl IntoView {
    use_page_title(|| "A badge in your wallet".to_owned());
    provide_wallet();
    let key = Memo::new(move |_| use_params_map().read().get("key").unwrap_or_default());
    // Another badge: its own page.
    move || view! { <WalletBadge key=key.get() /> }
}
