//! The routes whose code loads only when they open (issue 17): each is a
//! Leptos lazy route, so its page (and what only it uses) is cut out of the
//! main module into a chunk of its own by scripts/build-app.mjs
//! (wasm-split). The shell, the home page and what they need stay in the
//! main module.
//!
//! A pre-rendered page's route is loaded before the app takes the page over
//! ([`preload`]), so the live page replaces the static copy in one step.

use leptos::prelude::*;
use leptos_router::{LazyRoute, lazy_route};

use microcred::pages;

/// Declares a lazy route whose view is one page component.
macro_rules! lazy_page {
    ($($route:ident => $page:path),* $(,)?) => {$(
        #[derive(Debug)]
        pub struct $route;

        #[lazy_route]
        impl LazyRoute for $route {
            fn data() -> Self {
                $route
            }

            fn view(_this: Self) -> AnyView {
                $page().into_any()
            }
        }
    )*};
}

lazy_page! {
    CatalogRoute => pages::CatalogPage,
    OfferingRoute => pages::OfferingPage,
    SeriesRoute => pages::SeriesPage,
    FaqRoute => pages::FaqPage,
    VerifyRoute => pages::VerifyPage,
    EnrolCompleteRoute => pages::EnrolCompletePage,
}

/// Loads the chunk of the route that shows `path` (a pre-rendered page's
/// path, without the site's base), if it is a lazy one.
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
        _ => {}
    }
}
