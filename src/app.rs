//! The site shell: header, main landmark, footer, and the routes.

use leptos::prelude::*;
use leptos_router::components::{Route, Router, Routes};
use leptos_router::hooks::use_location;
use leptos_router::path;

use crate::components::{SiteFooter, SiteHeader};
use crate::pages::{
    CatalogPage, EnrolCompletePage, EnrolPage, FaqPage, HomePage, NotFoundPage, OfferingPage,
    RegisterPage, SeriesPage, VerifyPage, WalletBadgePage, WalletPage,
};
use crate::{platform, state};

stylance::import_style!(style, "app.module.css");

/// The whole application.
#[component]
pub fn App() -> impl IntoView {
    state::provide_catalog();
    let base = platform::base_path();

    view! {
        <Router base>
            <a href="#main" class=style::skip on:click=skip_to_main>"Skip to main content"</a>
            <SiteHeader />
            <main id="main" class=style::main tabindex="-1">
                <FocusOnNavigate />
                <Routes fallback=NotFoundPage>
                    <Route path=path!("/") view=HomePage />
                    <Route path=path!("/catalog") view=CatalogPage />
                    <Route path=path!("/catalog/:slug") view=OfferingPage />
                    <Route path=path!("/series/:slug") view=SeriesPage />
                    <Route path=path!("/faq") view=FaqPage />
                    <Route path=path!("/enrol/complete") view=EnrolCompletePage />
                    <Route path=path!("/enrol/:cohort") view=EnrolPage />
                    <Route path=path!("/register/:slug") view=RegisterPage />
                    <Route path=path!("/wallet") view=WalletPage />
                    <Route path=path!("/wallet/:key") view=WalletBadgePage />
                    <Route path=path!("/verify") view=VerifyPage />
                </Routes>
            </main>
            <SiteFooter />
        </Router>
    }
}

/// The skip link moves focus, not just the scroll position; the router would
/// otherwise treat `#main` as a navigation.
fn skip_to_main(ev: leptos::ev::MouseEvent) {
    ev.prevent_default();
    platform::focus_id("main");
}

/// After each in-app navigation (not the first load), moves focus to the main
/// landmark so keyboard and screen-reader users start at the new content.
#[component]
fn FocusOnNavigate() -> impl IntoView {
    let pathname = use_location().pathname;
    Effect::new(move |previous: Option<String>| {
        let current = pathname.get();
        if previous.as_ref().is_some_and(|p| *p != current) {
            platform::focus_id("main");
        }
        current
    });
}
