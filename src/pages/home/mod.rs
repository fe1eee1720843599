use leptos::prelude::*;
use leptos_router::components::A;

use crate::components::{Later, shared, use_page_title, with_catalog};
use crate::domain::catalog::Catalog;
use crate::platform;

stylance::import_style!(style, "home.module.css");

/// `/`: what the two kinds of study are, and the ways in.
#[component]
pub fn HomePage() -> impl IntoView {
    use_page_title(String::new);
    view! {
        <div class=style::page>
            <section class=style::intro aria-labelledby="home-title">
                <h1 id="home-title">"Learn a skill. Prove it. Share it."</h1>
                <p class=style::lead>
                    "Short, focused study for working people, with digital badges that employers can check in seconds."
                </p>
            </section>
            <section class=shared::columns aria-label="Two kinds of study">
                <article class=style::kind>
                    <h2>"Micro-credentials"</h2>
                    <p>
                        "A mini qualification in one professional skill. Each runs over fixed dates, is assessed "
                        "(you need 70% overall to pass) and earns a digital badge you can share. Each carries "
                        "credit points, and a completed series can lead to credit in a degree."
                    </p>
                </article>
                <article class=style::kind>
                    <h2>"Short courses"</h2>
                    <p>
                        "Workshops, masterclasses and seminars lasting hours, days or weeks, on workplace skills and "
                        "wider interests. Most are not assessed and none carry credit, but many count towards your CPD."
                    </p>
                </article>
            </section>
            <nav class=style::ways aria-label="Get started">
                <A href=platform::href("/catalog") attr:class=style::way>
                    <span class=style::way_title>"Browse the catalog"</span>
                    <span>"Compare courses, dates and fees, and enrol."</span>
                </A>
                <A href=platform::href("/wallet") attr:class=style::way>
                    <span class=style::way_title>"Open your wallet"</span>
                    <span>"Keep your badges, track credit and CPD, and share."</span>
                </A>
                <A href=platform::href("/verify") attr:class=style::way>
                    <span class=style::way_title>"Verify a badge"</span>
                    <span>"Employers: check a badge is genuine, in your browser."</span>
                </A>
            </nav>
            // A take-over builds the series a task after the rest.
            <Later><FeaturedSeries /></Later>
        </div>
    }
}

/// The catalog's series, as a teaser; tolerant of a catalog that fails to load.
#[component]
fn FeaturedSeries() -> impl IntoView {
    view! {
        <section class=style::series aria-labelledby="series-title">
            <h2 id="series-title">"Series of micro-credentials"</h2>
            {with_catalog(true, |catalog| series_cards(&catalog).into_any())}
        </section>
    }
}

fn series_cards(catalog: &Catalog) -> impl IntoView + use<> {
    catalog
        .series
        .iter()
        .map(|s| {
            let (href, title) = (
                platform::href(&format!("/series/{}", s.slug)),
                s.title.clone(),
            );
            view! {
                <article class=style::series_card>
                    <h3><A href>{title}</A></h3>
                    <p>{s.summary.clone()}</p>
                    <p class=style::meta>{catalog.group_summary(&s.offerings)}</p>
                </article>
            }
        })
        .collect_view()
}
