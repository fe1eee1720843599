//! The site shell: header, main landmark, footer, and the routes.

use leptos::prelude::*;
use leptos_router::components::{Route, Router, Routes};
use leptos_router::hooks::use_location;
use leptos_router::{Lazy, path};

use crate::routes::{
    CatalogRoute, EnrolCompleteRoute, EnrolRoute, FaqRoute, OfferingRoute, RegisterRoute,
    SeriesRoute, VerifyRoute, WalletBadgeRoute, WalletRoute,
};
use microcred::components::later;
use microcred::components::{Later, SiteFooter, SiteHeader};
use microcred::pages::{HomePage, NotFoundPage};
use microcred::{platform, state};
use wasm_bindgen::JsCast;

stylance::import_style!(style, "app.module.css");

/// Starts the app in this page.
///
/// A page the build pre-rendered (`scripts/prerender.mjs`) is already on
/// screen, readable and crawlable, in `#prerendered`. It stays there while
/// the data it shows loads and while the live page is built off screen, in
/// small tasks (`components::later`), so a tap or a keystroke never waits
/// long. Then the live page replaces the copy in one step: its first render
/// is the same page, so nothing flashes or moves. What the learner typed
/// meanwhile is carried over.
pub fn start() {
    let prerendered = web_sys::window()
        .and_then(|w| w.document())
        .and_then(|d| d.get_element_by_id("prerendered"));
    let Some(prerendered) = prerendered else {
        if let Some(body) = web_sys::window()
            .and_then(|w| w.document())
            .and_then(|d| d.body())
        {
            mount(body);
        }
        platform::register_service_worker();
        return;
    };
    // Not Leptos's spawner: that one is set up by mounting, which comes later.
    wasm_bindgen_futures::spawn_local(take_over(prerendered));
}

/// Builds the live page for the pre-rendered `copy` and swaps them.
async fn take_over(copy: web_sys::Element) {
    let path = copy.get_attribute("data-path").unwrap_or_default();
    // The data and the route's code, at the same time.
    let data = microcred::api::catalog::prefetch(path == "/faq");
    let code = crate::routes::preload(&path);
    let (catalog, ()) = futures::future::join(data, code).await;
    platform::mark("take-over: data and code");
    let live = web_sys::window()
        .and_then(|w| w.document())
        .and_then(|d| d.create_element("div").ok());
    let Some(live) = live else { return };
    live.set_id("live");
    // The time-zone data the pages' dates need, in a task of its own.
    platform::next_task().await;
    if let Some(catalog) = catalog {
        platform::today_in(&catalog.institution.time_zone);
    }
    platform::next_task().await;
    later::begin();
    if let Ok(parent) = live.clone().dyn_into::<web_sys::HtmlElement>() {
        mount(parent);
    }
    while {
        platform::next_task().await;
        later::run_next()
    } {}
    later::finish();
    let typed = platform::typed_in(&copy);
    copy.replace_with_with_node_1(&live).ok();
    later::went_live();
    platform::mark("take-over: live");
    platform::register_service_worker();
    // After the new page's effects have first run (they set fields from
    // the URL), as the next task.
    platform::next_task().await;
    platform::restore_typed(typed);
}

/// Mounts the app into `parent`, for good. (One call site for both ways
/// in: each instance of Leptos's generic mount holds the whole app's view.)
fn mount(parent: web_sys::HtmlElement) {
    leptos::mount::mount_to(parent, App).forget();
}

/// The whole application.
#[component]
pub fn App() -> impl IntoView {
    let catalog_news = state::provide_catalog();
    if let Some(owner) = Owner::current() {
        provide_context(state::VisitOwner(owner));
    }
    let base = platform::base_path();

    view! {
        <Router base>
            <a href="#main" class=style::skip on:click=skip_to_main>"Skip to main content"</a>
            <Later><SiteHeader /></Later>
            <CatalogNews news=catalog_news />
            <main id="main" class=style::main tabindex="-1">
                <FocusOnNavigate />
                // A take-over matches the route a task after the shell.
                <Later>
                <Routes fallback=NotFoundPage>
                    <Route path=path!("/") view=HomePage />
                    <Route path=path!("/catalog") view={Lazy::<CatalogRoute>::new()} />
                    <Route path=path!("/catalog/:slug") view={Lazy::<OfferingRoute>::new()} />
                    <Route path=path!("/series/:slug") view={Lazy::<SeriesRoute>::new()} />
                    <Route path=path!("/faq") view={Lazy::<FaqRoute>::new()} />
                    <Route path=path!("/enrol/complete") view={Lazy::<EnrolCompleteRoute>::new()} />
                    <Route path=path!("/enrol/:cohort") view={Lazy::<EnrolRoute>::new()} />
                    <Route path=path!("/register/:slug") view={Lazy::<RegisterRoute>::new()} />
                    <Route path=path!("/wallet") view={Lazy::<WalletRoute>::new()} />
                    <Route path=path!("/wallet/:key") view={Lazy::<WalletBadgeRoute>::new()} />
                    <Route path=path!("/verify") view={Lazy::<VerifyRoute>::new()} />
                </Routes>
                </Later>
            </main>
            <Later><SiteFooter /></Later>
        </Router>
    }
}

/// Says when the catalog changed since this browser's last visit (the
/// service worker fetches it afresh on every online load), and when the copy
/// shown is the one saved for offline use.
#[component]
fn CatalogNews(news: RwSignal<Option<state::CatalogNews>>) -> impl IntoView {
    let text = move || {
        news.get().map(|n| {
            let published = n.published.long();
            match (n.online, n.changed) {
                (false, _) => format!("You are offline. This is the catalog saved on your last visit, published {published}."),
                (true, true) => format!("The catalog has been updated since your last visit: this edition was published {published}."),
                (true, false) => String::new(),
            }
        })
    };
    view! {
        <div role="status" class=style::news>
            {move || {
                text()
                    .filter(|t| !t.is_empty())
                    .map(|t| {
                        view! {
                            <p>
                                {t} " "
                                <button type="button" on:click=move |_| news.set(None)>
                                    "Dismiss"
                                </button>
                            </p>
                        }
                    })
            }}
        </div>
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
