use leptos::prelude::*;
use leptos_router::components::A;

use crate::components::{LaterNotice, OfferingCard, series_title, use_page_title, with_catalog};
use crate::domain::catalog::OfferingKind;
use crate::platform;

stylance::import_style!(style, "catalog.module.css");

/// `/catalog`: every offering, micro-credentials first.
#[component]
pub fn CatalogPage() -> impl IntoView {
    use_page_title(|| "Catalog".to_owned());
    view! {
        <div class=style::page>
            <h1>"Catalog"</h1>
            <LaterNotice>"Search, filters and sorting are on their way. For now, here is everything on offer."</LaterNotice>
            {with_catalog(true, |catalog| {
                let today = platform::today_in(&catalog.institution.time_zone);
                let sections = [
                    ("Micro-credentials", vec![OfferingKind::MicroCredential]),
                    ("Short courses, masterclasses and seminars", vec![OfferingKind::ShortCourse, OfferingKind::Masterclass, OfferingKind::Seminar]),
                ];
                let series_links = catalog.series.iter().map(|s| {
                    let (href, title) = (platform::href(&format!("/series/{}", s.slug)), s.title.clone());
                    view! { <li><A href>{title}</A></li> }
                }).collect_view();
                let lists = sections.into_iter().map(|(title, kinds)| {
                    let cards = catalog.offerings.iter().filter(|o| kinds.contains(&o.kind)).map(|o| {
                        let series = series_title(&catalog, &o.id);
                        view! { <li><OfferingCard offering=o.clone() series today /></li> }
                    }).collect_view();
                    view! {
                        <section aria-label=title>
                            <h2>{title}</h2>
                            <ul class=style::grid>{cards}</ul>
                        </section>
                    }
                }).collect_view();
                view! {
                    <p>{format!("{} offerings from {}.", catalog.offerings.len(), catalog.institution.name)}</p>
                    <section aria-labelledby="catalog-series">
                        <h2 id="catalog-series">"Series"</h2>
                        <ul>{series_links}</ul>
                    </section>
                    {lists}
                }
                .into_any()
            })}
        </div>
    }
}
