//! The routes whose code loads only when they open (issue 17): each is a
//! Leptos lazy route, so its page (and what only it uses) is cut out of the
//! main module into a chunk of its own by scripts/build-app.mjs
//! (wasm-split). The shell, the home page and what they need stay in the
//! main module.
//!
//! A pre-rendered page's route is loaded before the app takes the page over
//! ([`preload`]), so the live page replaces the static copy in one step.

use leptos::prelude::*;
use leptos::wasm_split::SplitLoaderError;
use leptos_router::LazyRoute;

use microcred::pages;

/// Declares a lazy route whose view is one page component, `$view`, split
/// into the chunk `$chunk`. Routes a visitor tends to use together share a
/// chunk: wasm-split gives every set of split points that share code a
/// chunk of its own, so ten split points made 153 small chunks, and a
/// first visit to `/catalog` fetched 68 files (each compressing worse alone).
/// The checkout's three pages share one; each other page has its own (one
/// chunk for all the catalog's pages made an offering page 68 KB heavier). Not Leptos's `#[lazy_route]`: its split point
/// panics when the chunk cannot be fetched (offline, or a new release
/// removed it), and a panic stops the whole app. This one is `fallible`: the
/// page then says what happened and offers to reload.
macro_rules! lazy_page {
    ($($route:ident: $chunk:ident, $view:ident, $preload:ident => $page:path;)*) => {$(
        #[leptos::wasm_split::wasm_split(
            $chunk,
            wasm_split_path = ::leptos::wasm_split,
            fallible,
            preload($preload)
        )]
        fn $view() -> Result<AnyView, SplitLoaderError> {
            Ok($page().into_any())
        }

        #[derive(Debug)]
        pub struct $route;

        impl LazyRoute for $route {
            fn data() -> Self {
                $route
            }

            async fn view(_this: Self) -> AnyView {
                // A take-over builds the page in a task after the shell's.
                microcred::components::later::turn().await;
                $view().await.unwrap_or_else(|_| not_loaded())
            }

            async fn preload() {
                // A failure here is shown when the view is asked for.
                let _ = $preload().await;
            }
        }
    )*};
}

lazy_page! {
    CatalogRoute: catalog, catalog_view, preload_catalog => pages::CatalogPage;
    OfferingRoute: offering, offering_view, preload_offering => pages::OfferingPage;
    SeriesRoute: series, series_view, preload_series => pages::SeriesPage;
    FaqRoute: faq, faq_view, preload_faq => pages::FaqPage;
    VerifyRoute: verify, verify_view, preload_verify => pages::VerifyPage;
    WalletRoute: wallet, wallet_view, preload_wallet => pages::WalletPage;
    WalletBadgeRoute: wallet_badge, wallet_badge_view, preload_wallet_badge => pages::WalletBadgePage;
    EnrolRoute: checkout, enrol_view, preload_enrol => pages::EnrolPage;
    RegisterRoute: checkout, register_view, preload_register => pages::RegisterPage;
    EnrolCompleteRoute: checkout, enrol_complete_view, preload_enrol_complete => pages::EnrolCompletePage;
}

/// What a page whose code could not be fetched shows instead.
fn not_loaded() -> AnyView {
    let reload = |_| {
        if let Some(window) = web_sys::window() {
            let _ = window.location().reload();
        }
    };
    view! {
        <section role="alert" aria-labelledby="not-loaded-title">
            <h1 id="not-loaded-title">"This page could not be loaded"</h1>
            <p>"Part of the site that this page needs did not arrive. You may be offline, or the site may have been updated since you opened it."</p>
            <button type="button" on:click=reload>"Reload"</button>
        </section>
    }
    .into_any()
}

/// Loads the chunk of the route that shows `path` (a pre-rendered page's
/// path, without the site's base), if it is a lazy one. The pages no one
/// pre-renders (the wallet, a badge, the checkout) have their pack preloaded
/// by index.html's first script instead, which names the same chunks: keep
/// the two in step when a route moves to another chunk.
pub async fn preload(path: &str) {
    let first = path.trim_start_matches('/').split('/').next().unwrap_or("");
    let deeper = path.trim_start_matches('/').contains('/');
    match (first, deeper) {
        ("catalog", false) => CatalogRoute::preload().await,
        ("catalog", true) => OfferingRoute::preload().await,
        ("series", _) => SeriesRoute::preload().await,
        ("faq", _) => FaqRoute::preload().await,
        ("verify", _) => VerifyRoute::preload().await,
        ("enrol", true) if path.ends_with("/complete") => EnrolCompleteRoute::preload().await,
        ("enrol", true) => EnrolRoute::preload().await,
        ("register", _) => RegisterRoute::preload().await,
        ("wallet", false) => WalletRoute::preload().await,
        ("wallet", true) => WalletBadgeRoute::preload().await,
        _ => {}
    }
}
