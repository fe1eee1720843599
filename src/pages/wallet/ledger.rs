//! The CPD ledger: hours and points per badge, totals per year and per
//! framework, and the same as CSV.

use std::sync::Arc;

use leptos::prelude::*;

use super::style;
use crate::domain::catalog::Catalog;
use wasm_bindgen::JsCast;

use crate::domain::catalog::facts;
use crate::domain::wallet::{Card, ledger_csv, ledger_entries, ledger_totals};
use crate::platform;

/// Hours and CPD points per badge, totals per year and per framework, CSV.
// One piece: the ledger's three tables and its CSV come from the same entries, worked
// out once at the top.
#[component]
pub(super) fn Ledger(cards: Vec<Card>, catalog: Option<Arc<Catalog>>) -> impl IntoView {
    let Some(catalog) = catalog else {
        return ().into_any();
    };
    let entries = ledger_entries(&cards, &catalog);
    if entries.is_empty() {
        return view! {
            <section aria-labelledby="ledger-title">
                <h2 id="ledger-title">"CPD ledger"</h2>
                <p>"None of your badges matches a course in this university's catalog, so there are no hours or CPD points to add up yet."</p>
            </section>
        }
        .into_any();
    }
    let (years, frameworks) = ledger_totals(&entries);
    let csv = ledger_csv(&entries);
    let download = move |_| {
        platform::download(csv.as_bytes(), "cpd-ledger.csv", "text/csv;charset=utf-8");
    };
    // The badge-by-badge table is drawn only when opened: with hundreds of
    // badges it would hold up the wallet's first paint.
    let count = entries.len();
    let entries = StoredValue::new(entries);
    let open = RwSignal::new(false);
    let rows = move || {
        open.get().then(|| {
            entries.with_value(|entries| {
                entries
                    .iter()
                    .map(|e| {
                        view! {
                            <tr>
                                <th scope="row">{e.badge.clone()}</th>
                                <td>{e.issued.long()}</td>
                                <td class=style::num>{facts::number(e.hours)}</td>
                                <td class=style::num>{facts::number(e.cpd_points)}</td>
                                <td>{e.frameworks.join("; ")}</td>
                            </tr>
                        }
                    })
                    .collect_view()
            })
        })
    };
    let on_toggle = move |ev: leptos::ev::Event| {
        let opened = ev
            .target()
            .and_then(|t| t.dyn_into::<web_sys::HtmlDetailsElement>().ok())
            .is_some_and(|d| d.open());
        open.set(opened);
    };
    let total_row = |key: String, hours: f64, points: f64| {
        view! { <tr><th scope="row">{key}</th><td class=style::num>{facts::number(hours)}</td><td class=style::num>{facts::number(points)}</td></tr> }
    };
    let year_rows = years
        .iter()
        .map(|(y, h, p)| total_row(y.to_string(), *h, *p))
        .collect_view();
    let framework_rows = frameworks
        .iter()
        .map(|(f, h, p)| total_row(f.clone(), *h, *p))
        .collect_view();
    view! {
        <section aria-labelledby="ledger-title">
            <h2 id="ledger-title">"CPD ledger"</h2>
            <p>"Hours of study and CPD points from the catalog, for each badge that checks out. Many professional bodies accept one CPD point per hour; check your own body's rules."</p>
            <div class=style::totals>
                <table class=style::table>
                    <caption>"Totals by calendar year"</caption>
                    <thead><tr><th scope="col">"Year"</th><th scope="col">"Hours"</th><th scope="col">"CPD points"</th></tr></thead>
                    <tbody>{year_rows}</tbody>
                </table>
                {(!frameworks.is_empty()).then(|| view! {
                    <table class=style::table>
                        <caption>"Totals by professional framework"</caption>
                        <thead><tr><th scope="col">"Framework"</th><th scope="col">"Hours"</th><th scope="col">"CPD points"</th></tr></thead>
                        <tbody>{framework_rows}</tbody>
                    </table>
                })}
            </div>
            <details class=style::each on:toggle=on_toggle>
                <summary>{format!("Each badge ({count})")}</summary>
                <div class=style::table_wrap tabindex="0" role="region" aria-label="The ledger, badge by badge (scrolls sideways on narrow screens)">
                    <table class=style::table>
                        <caption>"Each badge"</caption>
                        <thead><tr><th scope="col">"Badge"</th><th scope="col">"Issued"</th><th scope="col">"Hours"</th><th scope="col">"CPD points"</th><th scope="col">"Frameworks"</th></tr></thead>
                        <tbody>{rows}</tbody>
                    </table>
                </div>
            </details>
            <button type="button" on:click=download>"Download the ledger (CSV)"</button>
        </section>
    }
    .into_any()
}
