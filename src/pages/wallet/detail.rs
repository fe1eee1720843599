//! `/wallet/:key`: one kept badge: its verdict, every field and every check
//! (the verify page's report), downloads, sharing, and removing it.

use leptos::prelude::*;

use super::share::Share;
use super::state::use_wallet;
use super::style;
use crate::api;
use crate::api::wallet_store as store;
use crate::components::report::{Last, ReportResult};
use crate::components::{Spinner, use_page_title};
use crate::domain::report::Report;
use crate::domain::wallet::{Kept, extension_of, media_type_of};
use crate::platform;

#[derive(Clone)]
enum View {
    Loading,
    Missing,
    Failed(String),
    Ready(Box<Kept>, Box<Report>),
}

#[component]
pub fn WalletBadge(key: String) -> impl IntoView {
    let wallet = use_wallet();
    let key = StoredValue::new(key);
    let key = move || key.get_value();
    let shown = RwSignal::new(View::Loading);
    let title = RwSignal::new("A badge in your wallet".to_owned());
    let catalog = crate::state::use_catalog();
    use_page_title(move || title.get());

    // Load the record once the cards are known (and again if the key changes).
    Effect::new(move |_| {
        let key = key();
        let cards = wallet.cards.get();
        let Some(cards) = cards else { return };
        let card = match cards {
            Ok(cards) => cards.into_iter().find(|c| c.key == key),
            Err(problem) => {
                shown.set(View::Failed(problem));
                return;
            }
        };
        let Some(card) = card else {
            shown.set(View::Missing);
            return;
        };
        // The list updates after a re-check; keep showing the same record.
        if let View::Ready(kept, _) = shown.get_untracked()
            && kept.card == card
        {
            return;
        }
        leptos::task::spawn_local(async move {
            let next = match store::load(&card).await {
                Ok(kept) => match Report::from_json(&kept.report) {
                    Ok(report) => {
                        title.set(crate::domain::wallet::shown_name(
                            &kept.card,
                            catalog.get_untracked().as_deref(),
                        ));
                        View::Ready(Box::new(kept), Box::new(report))
                    }
                    Err(e) => View::Failed(format!(
                        "The saved report could not be read ({}). Use “Check all again” to renew it.",
                        e.0
                    )),
                },
                Err(problem) => View::Failed(problem),
            };
            let _ = shown.try_set(next);
        });
    });

    view! {
        <div class=style::page>
            <p><a href=platform::href("/wallet")>"← All your badges"</a></p>
            {move || match shown.get() {
                View::Loading => view! {
                    <h1 id="badge-page-title">"A badge in your wallet"</h1>
                    <Spinner label="Opening the badge…".to_owned() />
                }.into_any(),
                View::Missing => view! {
                    <h1 id="badge-page-title">"This badge is not in your wallet"</h1>
                    <p>"It may have been removed, here or in another tab, or the link belongs to another browser's wallet (each browser keeps its own)."</p>
                }.into_any(),
                View::Failed(problem) => view! {
                    <h1 id="badge-page-title">"This badge could not be opened"</h1>
                    <p class=style::problem role="alert">{problem}</p>
                }.into_any(),
                View::Ready(kept, report) => view! { <Detail kept=*kept report=*report /> }.into_any(),
            }}
        </div>
    }
}

// One piece: one badge's page (report, files, sharing, removal), whose parts share the
// kept record and its report signal.
#[component]
fn Detail(kept: Kept, report: Report) -> impl IntoView {
    let wallet = use_wallet();
    let report = RwSignal::new(report);
    let checked = kept.card.checked;
    let label = kept.card.file_name.clone();
    let original = kept.original.clone();
    let catalog = crate::state::use_catalog();
    let recheck = move |identity: String| {
        let original = original.clone();
        let held = catalog.get_untracked();
        leptos::task::spawn_local(async move {
            let now = platform::now();
            if let Ok(catalog) = api::verifier::trusted(held).await
                && let Ok(json) =
                    api::verifier::verify(&original, &catalog, now, Some(&identity)).await
                && let Ok(next) = Report::from_json(&json)
            {
                let _ = report.try_set(next);
            }
        });
    };
    let format = report.with_untracked(|r| r.format.clone());
    let name = kept.card.name.clone();
    let stored = StoredValue::new(kept.clone());

    let download_original = move |_| {
        stored.with_value(|k| {
            let (ext, mime) = (extension_of(&k.original), media_type_of(&k.original));
            let file = file_name(&k.card.file_name, &k.card.name, ext);
            platform::download(&k.original, &file, mime);
        });
    };
    let bake_problem = RwSignal::new(None::<String>);
    let download_baked = move |_| {
        let kept = stored.get_value();
        let catalog = catalog.get();
        bake_problem.set(None);
        leptos::task::spawn_local(async move {
            match baked_image(&kept, catalog.as_deref()).await {
                Ok((bytes, ext, mime)) => {
                    platform::download(&bytes, &file_name("", &kept.card.name, ext), mime);
                }
                Err(why) => bake_problem.set(Some(why)),
            }
        });
    };
    let removing = RwSignal::new(None::<String>);
    let remove = move |_| {
        let kept = stored.get_value();
        leptos::task::spawn_local(async move {
            match wallet.remove(kept).await {
                Ok(()) => platform::navigate(&platform::href("/wallet")),
                Err(problem) => removing.set(Some(problem)),
            }
        });
    };
    // Only ever an http(s) link, whatever a restored backup claims.
    let from_url = crate::domain::report::safe_link(kept.card.source_url.as_deref());
    let card = kept.card.clone();
    view! {
        <h1 id="badge-page-title">{name}</h1>
        {move || view! {
            <ReportResult
                report=report.get()
                last=Last { bytes: Vec::new(), label: label.clone(), at: checked.to_string() }
                recheck=std::sync::Arc::new(recheck.clone())
            />
        }}
        <section class=style::actions aria-labelledby="files-title">
            <h2 id="files-title">"Files"</h2>
            {match from_url {
                Some(url) => view! {
                    <p>"This badge was added from its web address: "
                        <a href=url.clone() rel="noopener noreferrer">{url.clone()}</a>
                        ". The issuer keeps the file there."</p>
                }.into_any(),
                None => view! { <button type="button" on:click=download_original>"Download the original file"</button> }.into_any(),
            }}
            " "
            <button type="button" on:click=download_baked>"Download as an image with the badge inside"</button>
            {move || bake_problem.get().map(|p| view! { <p class=style::problem role="alert">{p}</p> })}
        </section>
        <Share card kept=stored.get_value() format />
        <section class=style::actions aria-labelledby="remove-title">
            <h2 id="remove-title">"Remove"</h2>
            <p>"Removing takes the badge out of this browser's wallet only; the issuer's record is untouched. You can undo it straight after."</p>
            <button type="button" class=style::danger on:click=remove>"Remove this badge"</button>
            {move || removing.get().map(|p| view! { <p class=style::problem role="alert">{p}</p> })}
        </section>
    }
}

/// A download name: the original's, or the badge's name made file-safe.
fn file_name(original: &str, name: &str, ext: &str) -> String {
    if !original.is_empty() && !original.contains(['/', '\\']) && original.contains('.') {
        return original.to_owned();
    }
    let mut safe: String = name
        .chars()
        .map(|c| {
            if c.is_alphanumeric() {
                c.to_ascii_lowercase()
            } else {
                '-'
            }
        })
        .collect();
    safe = safe
        .split('-')
        .filter(|p| !p.is_empty())
        .collect::<Vec<_>>()
        .join("-");
    if safe.is_empty() {
        safe = "badge".to_owned();
    }
    format!("{safe}.{ext}")
}

/// The badge baked into its image: the original when it already is one;
/// otherwise the catalog's image for the achievement (this site's own
/// file, so no request leaves for a third party) or a `data:` image.
async fn baked_image(
    kept: &Kept,
    catalog: Option<&crate::domain::catalog::Catalog>,
) -> Result<(Vec<u8>, &'static str, &'static str), String> {
    let ext = extension_of(&kept.original);
    if ext == "png" || ext == "svg" {
        return Ok((kept.original.clone(), ext, media_type_of(&kept.original)));
    }
    if kept.card.source_url.is_some() {
        return Err("This badge was added from its web address, so there is no file to put inside an image. Download it from the issuer's address instead.".to_owned());
    }
    let from_catalog = catalog
        .zip(kept.card.achievement_id.as_deref())
        .and_then(|(c, id)| c.offering_for_achievement(id)?.badge.as_ref())
        .map(|b| platform::asset_url(&b.image));
    let image = match from_catalog {
        Some(url) => api::fetch_bytes(&url).await?,
        None => return Err("The badge's image is not one of this university's, so it cannot be fetched without contacting another site. Download the original file instead: it verifies just the same.".to_owned()),
    };
    let baked = api::verifier::bake(&kept.original, &image).await?;
    let ext = extension_of(&baked);
    Ok((baked.clone(), ext, media_type_of(&baked)))
}
