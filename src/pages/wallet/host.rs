//! The app's side of the wallet routes: hosts for the wallet module.

use leptos::prelude::*;
use leptos_router::hooks::use_params_map;

use crate::components::use_page_title;
use crate::pages::learner::host::{View, module_host};

#[component]
pub fn WalletPage() -> impl IntoView {
    use_page_title(|| "Your wallet".to_owned());
    module_host(
        View::Wallet,
        None,
        "Your wallet".to_owned(),
        "Opening your wallet…",
    )
}

#[component]
pub fn WalletBadgePage() -> impl IntoView {
    use_page_title(|| "A badge in your wallet".to_owned());
    let key = Memo::new(move |_| use_params_map().read().get("key").unwrap_or_default());
    // A new key (another badge) mounts again.
    move || {
        module_host(
            View::Badge,
            Some(key.get()),
            "A badge in your wallet".to_owned(),
            "Opening your wallet…",
        )
    }
}
