//! `/catalog`: search, facets, sort and pages over every offering. The whole
//! view lives in the URL query (`BrowseQuery`), so it can be shared and the
//! back button restores it: typing updates the current history entry (after
//! a pause), every other change adds one.

use std::sync::Arc;

use leptos::html::Input;
use leptos::prelude::*;
use leptos_router::NavigateOptions;
use leptos_router::components::A;
use leptos_router::hooks::{use_location, use_navigate};

use crate::components::{Later, OfferingCard, in_steps, shared, use_page_title, with_catalog};
use crate::domain::catalog::Catalog;
use crate::domain::catalog::browse::{BrowseQuery, Facet, PAGE_SIZE, Sort};
use crate::domain::catalog::search::{CatalogIndex, Results};
use crate::platform;

stylance::import_style!(style, "catalog.module.css");

#[component]
pub fn CatalogPage() -> impl IntoView {
    use_page_title(|| "Catalog".to_owned());
    view! {
        <div class=style::page>
            <h1>"Catalog"</h1>
            // A take-over builds the page's frame, then the browser a task later.
            {with_catalog(true, |catalog| view! { <Later><Browser catalog=catalog.clone() /></Later> }.into_any())}
        </div>
    }
}

/// Moves the catalog to another view: `replace` for typing, so the back
/// button skips keystrokes.
type Go = Arc<dyn Fn(BrowseQuery, bool) + Send + Sync>;

#[component]
fn Browser(catalog: Arc<Catalog>) -> impl IntoView {
    let today = platform::today_in(&catalog.institution.time_zone);
    let index = Arc::new(CatalogIndex::new(&catalog, today));
    let location = use_location();
    let in_url = Memo::new(move |_| BrowseQuery::parse(&location.search.read()));
    // Text typed since the URL was last written. Typing searches at once
    // but writes the URL only after a pause: a history entry per keystroke
    // costs the browser more than the search itself.
    let typed: RwSignal<Option<String>> = RwSignal::new(None);
    let query = Memo::new(move |_| {
        let q = in_url.get();
        match typed.get() {
            Some(text) if text != q.text => q.with_text(&text),
            _ => q,
        }
    });
    // Any URL change (ours, Back, Forward, a link) supersedes what was typed.
    Effect::new(move |_| {
        in_url.track();
        typed.set(None);
    });
    let searcher = index.clone();
    let results = Memo::new(move |_| searcher.search(&query.read()));
    let navigate = use_navigate();
    let pending = StoredValue::new(0u32);
    let go: Go = Arc::new(move |next: BrowseQuery, replace: bool| {
        pending.update_value(|n| *n += 1);
        let url = platform::href(&format!("/catalog{}", next.to_query_string()));
        navigate(
            &url,
            NavigateOptions {
                resolve: false,
                replace,
                scroll: false,
                ..NavigateOptions::default()
            },
        );
    });
    let flush = go.clone();
    let on_type = Arc::new(move |text: String| {
        typed.set(Some(text));
        pending.update_value(|n| *n += 1);
        let ticket = pending.get_value();
        let flush = flush.clone();
        set_timeout(
            move || {
                if pending.try_get_value() == Some(ticket) {
                    flush(query.get_untracked(), true);
                }
            },
            std::time::Duration::from_millis(400),
        );
    });

    // A take-over builds the index in one task and each part of the view in
    // a task after it (each `Later` needs its own copies).
    let total = index.len();
    let (go_search, go_filters, go_sort, go_chosen) =
        (go.clone(), go.clone(), go.clone(), go.clone());
    let (index_filters, index_chosen) = (index.clone(), index);
    let all = catalog.clone();
    view! {
        <Later><SearchBox query on_type=on_type.clone() on_enter=go_search.clone() /></Later>
        <div class=style::layout>
            <Later><Filters index=index_filters.clone() query results go=go_filters.clone() /></Later>
            <section class=style::results aria-labelledby="results-title">
                <h2 id="results-title" class="visually-hidden">"Results"</h2>
                <div class=style::toolbar>
                    <Later>
                        <Status query results total />
                        <SortChoice query go=go_sort.clone() />
                    </Later>
                </div>
                <Later><Chosen index=index_chosen.clone() query go=go_chosen.clone() /></Later>
                <ResultList catalog=catalog.clone() query results go today />
            </section>
        </div>
        <Later><Groups catalog=all.clone() /></Later>
    }
}

#[component]
fn SearchBox(
    query: Memo<BrowseQuery>,
    on_type: Arc<dyn Fn(String) + Send + Sync>,
    /// Enter writes the URL at once.
    on_enter: Go,
) -> impl IntoView {
    let input: NodeRef<Input> = NodeRef::new();
    // Back and forward change the URL under the box: show their text,
    // unless it only differs from what is typed by spaces.
    Effect::new(move |_| {
        let text = query.read().text.clone();
        if let Some(el) = input.get()
            && el.value().trim() != text.trim()
        {
            el.set_value(&text);
        }
    });
    let on_input = move |ev: leptos::ev::Event| on_type(event_target_value(&ev));
    view! {
        <form role="search" class=style::search on:submit=move |ev| {
            ev.prevent_default();
            on_enter(query.get_untracked(), true);
        }>
            <label for="catalog-search">"Search by title, skill or topic"</label>
            <input
                id="catalog-search"
                node_ref=input
                type="search"
                autocomplete="off"
                spellcheck="false"
                aria-describedby="catalog-status"
                prop:value=query.read_untracked().text.clone()
                on:input=on_input
            />
        </form>
    }
}

/// "12 of 43 courses match “data”." Announced politely as results change.
#[component]
fn Status(query: Memo<BrowseQuery>, results: Memo<Results>, total: usize) -> impl IntoView {
    let text = move || {
        let q = query.read();
        let r = results.read();
        let n = r.offerings.len();
        let noun = if n == 1 { "course" } else { "courses" };
        let text = q.text.trim();
        let mut line = match (text.is_empty(), q.has_filters()) {
            (true, false) => format!("{n} {noun}."),
            (true, true) => format!("{n} of {total} {noun} match the filters."),
            (false, false) => format!("{n} {noun} match “{text}”."),
            (false, true) => format!("{n} {noun} match “{text}” and the filters."),
        };
        if !r.fuzzy.is_empty() && n > 0 {
            line.push_str(&format!(
                " No exact match for “{}”, so close spellings are included.",
                r.fuzzy.join("”, “")
            ));
        }
        line
    };
    view! { <p id="catalog-status" class=style::status role="status">{text}</p> }
}

#[component]
fn SortChoice(query: Memo<BrowseQuery>, go: Go) -> impl IntoView {
    let options = Sort::ALL
        .into_iter()
        .map(|sort| {
            let selected = move || query.read().sort() == sort;
            // Best match needs something to match.
            let disabled = move || sort == Sort::Relevance && query.read().text.trim().is_empty();
            view! { <option value=sort.key() prop:selected=selected disabled=disabled>{sort.label()}</option> }
        })
        .collect_view();
    let on_change = move |ev: leptos::ev::Event| {
        if let Some(sort) = Sort::from_key(&event_target_value(&ev)) {
            go(query.read_untracked().with_sort(sort), false);
        }
    };
    view! {
        <div class=style::sort>
            <label for="catalog-sort">"Sort by"</label>
            <select id="catalog-sort" class=shared::control on:change=on_change>{options}</select>
        </div>
    }
}

/// One group of checkboxes per facet. The checkboxes stay in the page as
/// results change (only counts and visibility update), so keyboard focus
/// is never lost; values no remaining course has are hidden unless chosen.
#[component]
fn Filters(
    index: Arc<CatalogIndex>,
    query: Memo<BrowseQuery>,
    results: Memo<Results>,
    go: Go,
) -> impl IntoView {
    // Built on demand: a take-over builds the lists a task later.
    let groups = move || {
        Facet::ALL
        .into_iter()
        .enumerate()
        .map(|(fi, facet)| {
            let values: Vec<(String, String)> = index
                .values(facet)
                .map(|(k, l)| (k.to_owned(), l.to_owned()))
                .collect();
            let count_at = move |i: usize| {
                results.with(|r| r.facets.get(fi).and_then(|f| f.values.get(i)).map_or(0, |v| v.count))
            };
            let shown = values.len();
            let group_hidden = move || {
                !(0..shown).any(|i| count_at(i) > 0) && query.read().values(facet).is_empty()
            };
            let items = values
                .into_iter()
                .enumerate()
                .map(|(i, (key, label))| {
                    let id = format!("filter-{}-{}", facet.key(), key);
                    let for_id = id.clone();
                    let value = key.clone();
                    let checked = move || query.read().is_chosen(facet, &key);
                    let hidden = {
                        let checked = checked.clone();
                        move || count_at(i) == 0 && !checked()
                    };
                    let go = go.clone();
                    let toggle = move |_| go(query.read_untracked().toggled(facet, &value), false);
                    view! {
                        <li hidden=hidden>
                            <input type="checkbox" id=id prop:checked=checked on:change=toggle />
                            <label for=for_id>{label}" "<span class=style::count>{move || format!("({})", count_at(i))}</span></label>
                        </li>
                    }
                })
                .collect_view();
            view! {
                <fieldset class=style::facet hidden=group_hidden>
                    <legend>{facet.label()}</legend>
                    <ul>{items}</ul>
                </fieldset>
            }
        })
        .collect_view()
    };
    let chosen = move || {
        let n: usize = Facet::ALL
            .iter()
            .map(|f| query.read().values(*f).len())
            .sum();
        if n == 0 {
            "Filters".to_owned()
        } else {
            format!("Filters ({n} chosen)")
        }
    };
    view! {
        <details class=style::filters open=platform::is_wide() data-wide-open="">
            <summary>{chosen}</summary>
            <div class=style::facets><Later>{groups()}</Later></div>
        </details>
    }
}

/// The chosen filters as buttons that remove them, and "Clear all".
#[component]
fn Chosen(index: Arc<CatalogIndex>, query: Memo<BrowseQuery>, go: Go) -> impl IntoView {
    let view = move || {
        let q = query.get();
        if !q.has_filters() {
            return ().into_any();
        }
        let chips = Facet::ALL
            .into_iter()
            .flat_map(|facet| q.values(facet).iter().map(move |v| (facet, v.clone())))
            .map(|(facet, key)| {
                let label = index
                    .values(facet)
                    .find(|(k, _)| *k == key)
                    .map_or_else(|| key.clone(), |(_, l)| l.to_owned());
                let go = go.clone();
                let remove = move |_| go(query.read_untracked().toggled(facet, &key), false);
                let name = format!("Remove filter: {}, {label}", facet.label());
                view! {
                    <li><button type="button" class=style::chip aria-label=name on:click=remove>{label}" ×"</button></li>
                }
            })
            .collect_view();
        let go = go.clone();
        let clear = move |_| go(query.read_untracked().without_filters(), false);
        view! {
            <ul class=style::chips aria-label="Chosen filters">
                {chips}
                <li><button type="button" class=style::clear on:click=clear>"Clear all filters"</button></li>
            </ul>
        }
        .into_any()
    };
    view.into_any()
}

/// The current page of results. Cards are keyed by offering, so a
/// keystroke that keeps a course on the page keeps its card: only new cards
/// are built and only changed ones touch the DOM.
#[component]
fn ResultList(
    catalog: Arc<Catalog>,
    query: Memo<BrowseQuery>,
    results: Memo<Results>,
    go: Go,
    today: crate::domain::date::Date,
) -> impl IntoView {
    let empty = move || results.with(|r| r.offerings.is_empty());
    let clear = move |_| go(BrowseQuery::default(), false);
    let pager = move || {
        let q = query.read();
        let pages = results.with(|r| r.page(q.page, PAGE_SIZE).1);
        if pages < 2 {
            return ().into_any();
        }
        let page = q.page.clamp(1, pages);
        let link =
            |p: usize| platform::href(&format!("/catalog{}", q.with_page(p).to_query_string()));
        let previous = (page > 1).then(|| view! { <A href=link(page - 1)>"Previous page"</A> });
        let next = (page < pages).then(|| view! { <A href=link(page + 1)>"Next page"</A> });
        view! {
            <nav class=style::pager aria-label="Result pages">
                {previous}
                <span>{format!("Page {page} of {pages}")}</span>
                {next}
            </nav>
        }
        .into_any()
    };
    // A take-over builds the first cards, then the rest a few per task.
    let shown = in_steps(PAGE_SIZE, 0, 3);
    view! {
        <div class=style::empty hidden=move || !empty()>
            <p><strong>"No courses match."</strong>" Try fewer words, another spelling or fewer filters."</p>
            <button type="button" on:click=clear>"Clear the search and all filters"</button>
        </div>
        <ul class=style::grid hidden=empty>
            {move || {
                let page = query.read().page;
                results.with(|r| {
                    r.page(page, PAGE_SIZE)
                        .0
                        .iter()
                        .take(shown.get())
                        .map(|at| view! { <li class=style::item><OfferingCard catalog=catalog.clone() at=*at today /></li> })
                        .collect_view()
                })
            }}
        </ul>
        {pager}
    }
}

/// Links to every series and suite.
#[component]
fn Groups(catalog: Arc<Catalog>) -> impl IntoView {
    let series = catalog
        .series
        .iter()
        .map(|s| {
            let (href, title) = (
                platform::href(&format!("/series/{}", s.slug)),
                s.title.clone(),
            );
            let count = catalog.group_summary(&s.offerings);
            view! { <li><A href>{title}</A>" "<span class=style::count>{count}</span></li> }
        })
        .collect_view();
    let suites = catalog
        .suites
        .iter()
        .map(|s| {
            let (href, title) = (
                platform::href(&format!("/series/{}", s.slug)),
                s.title.clone(),
            );
            let count = catalog.group_summary(&s.offerings);
            view! { <li><A href>{title}</A>" "<span class=style::count>{count}</span></li> }
        })
        .collect_view();
    view! {
        <section class=style::groups aria-labelledby="groups-title">
            <h2 id="groups-title">"Series and suites"</h2>
            <p>"A series is a set of micro-credentials that together can count as credit towards an award course. A suite groups related micro-credentials without that promise."</p>
            <div class=format!("{} {}", shared::columns, style::group_lists)>
                <div>
                    <h3>"Series"</h3>
                    <ul>{series}</ul>
                </div>
                <div>
                    <h3>"Suites"</h3>
                    <ul>{suites}</ul>
                </div>
            </div>
        </section>
    }
}
