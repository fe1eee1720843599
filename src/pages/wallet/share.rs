//! Sharing one badge: its link (and QR code), LinkedIn, an embed card and an
//! email signature. Every snippet is built (and escaped) in
//! `domain::wallet::share`; this file only lays them out with copy buttons.

use leptos::prelude::*;

use super::style;
use crate::api;
use crate::domain::catalog::Catalog;
use crate::domain::catalog::browse::encode_component;
use crate::domain::config::Config;
use crate::domain::wallet::{
    Card, Kept, LinkedInCert, Snippet, compact, embed_html, linkedin_add_url, linkedin_fields,
    linkedin_post_url, qr_path, share_fragment, signature_html, signature_text,
};
use crate::platform;
use crate::state::use_catalog;

// One piece: the share link, the LinkedIn fields, the QR code and the snippet are all
// made from one link; the link and picture are worked out in `share_link` and
// `share_image`.
#[component]
pub fn Share(card: Card, kept: Kept, format: String) -> impl IntoView {
    let config = RwSignal::new(None::<Config>);
    leptos::task::spawn_local(async move {
        let loaded = api::fetch_config().await;
        let _ = config.try_set(Some(loaded));
    });
    let catalog = use_catalog();
    move || {
        let Some(config) = config.get() else {
            return ().into_any();
        };
        let catalog = catalog.get();
        let site = config.site_url.as_deref();
        let (link, self_contained) = share_link(&card, &kept, &format, site);
        let image = share_image(&card, catalog.as_deref(), site);
        let snippet = Snippet {
            name: card.name.clone(),
            issuer: card.issuer.clone(),
            link: link.clone(),
            image,
        };
        let cert = LinkedInCert {
            name: card.name.clone(),
            organization_id: config.linkedin_organization_id.clone(),
            organization_name: card.issuer.clone(),
            issued: card.issued.unwrap_or(card.added),
            expires: card.expires,
            cert_url: Some(link.clone()),
            cert_id: card.credential_id.clone(),
        };
        let fields = linkedin_fields(&cert);
        let fields_text = fields
            .iter()
            .map(|(k, v)| format!("{k}: {v}"))
            .collect::<Vec<_>>()
            .join("\n");
        let preview = fields
            .into_iter()
            .map(|(k, v)| {
                let v = crate::domain::wallet::share::preview(&v, 90);
                view! { <div><dt>{k}</dt><dd>{v}</dd></div> }
            })
            .collect_view();
        let qr = match qr_path(&link) {
            Some((size, path)) => view! {
                <svg class=style::qr role="img" aria-labelledby="qr-title" viewBox=format!("0 0 {size} {size}") width="240" height="240" xmlns="http://www.w3.org/2000/svg">
                    <title id="qr-title">{format!("QR code of the share link for {}", card.name)}</title>
                    <rect width=size height=size fill="#fff" />
                    <path d=path fill="#000" />
                </svg>
            }.into_any(),
            None => view! {
                <p>"This badge is too large to fit in a QR code (the link carries the whole badge). Share the link itself instead."</p>
            }.into_any(),
        };
        let add_url = linkedin_add_url(&cert);
        let post_url = linkedin_post_url(&link);
        view! {
            <section class=style::actions aria-labelledby="share-title">
                <h2 id="share-title">"Share"</h2>
                <h3>"Link"</h3>
                {if self_contained {
                    view! { <p>"This link carries the badge itself, so anyone can check it without any server, ours included. The link never stops working; only the badge has an expiry date, if it has one. Anyone with the link can see everything in the badge."</p> }.into_any()
                } else {
                    view! { <p>"This link checks the badge at the issuer's own address, so a revoked badge shows as revoked."</p> }.into_any()
                }}
                <CopyBox id="share-link" label="Share link" text=link.clone() rows=2 />
                <p><a href=link.clone()>"Open the link to see what others will see"</a></p>
                <h3>"QR code"</h3>
                {qr}
                <h3>"LinkedIn"</h3>
                <p>
                    <a href=add_url target="_blank" rel="noopener noreferrer">"Add to your LinkedIn profile"<span class="visually-hidden">" (opens LinkedIn in a new tab)"</span></a>
                    " · "
                    <a href=post_url target="_blank" rel="noopener noreferrer">"Post about it on LinkedIn"<span class="visually-hidden">" (opens LinkedIn in a new tab)"</span></a>
                </p>
                <p>"LinkedIn will be given:"</p>
                <dl class=style::preview>{preview}</dl>
                <p>"LinkedIn does not always fill its form in. If it does not, copy these into it:"</p>
                <CopyBox id="share-fields" label="The fields for LinkedIn" text=fields_text rows=6 />
                <h3>"Embed on a web page"</h3>
                <CopyBox id="share-embed" label="HTML for a badge card" text=embed_html(&snippet) rows=4 />
                <h3>"Email signature"</h3>
                <CopyBox id="share-signature" label="HTML for an email signature (image with a text alternative)" text=signature_html(&snippet) rows=3 />
                <CopyBox id="share-signature-text" label="Plain text, for mail without pictures" text=signature_text(&snippet) rows=2 />
            </section>
        }
        .into_any()
    }
}

/// A read-only text with a copy button that says when it worked.
#[component]
fn CopyBox(id: &'static str, label: &'static str, text: String, rows: u32) -> impl IntoView {
    let said = RwSignal::new(String::new());
    let value = text.clone();
    let copy = move |_| {
        let value = value.clone();
        leptos::task::spawn_local(async move {
            let message = if platform::copy_text(&value).await {
                "Copied."
            } else {
                "Your browser did not allow copying: select the text and copy it yourself."
            };
            let _ = said.try_set(message.to_owned());
        });
    };
    view! {
        <div class=style::copy>
            <label for=id>{label}</label>
            <textarea id=id rows=rows readonly spellcheck="false">{text}</textarea>
            <button type="button" on:click=copy>"Copy"<span class="visually-hidden">{format!(" {}", label.to_lowercase())}</span></button>
            <span aria-live="polite" class=style::copied>{move || said.get()}</span>
        </div>
    }
}

/// The link that verifies this badge: `/verify?url=` for a badge the issuer
/// hosts, else the whole badge in the fragment (`true`: self-contained).
fn share_link(card: &Card, kept: &Kept, format: &str, site: Option<&str>) -> (String, bool) {
    match card.public_url(format) {
        Some(url) => (
            platform::absolute_url(&format!("/verify?url={}", encode_component(&url)), site),
            false,
        ),
        None => (
            platform::absolute_url(
                &format!("/verify#{}", share_fragment(&compact(&kept.original))),
                site,
            ),
            true,
        ),
    }
}

/// The picture a shared post shows: the catalog's image of the badge, else
/// the badge's own when it is https.
fn share_image(card: &Card, catalog: Option<&Catalog>, site: Option<&str>) -> Option<String> {
    let catalog_image = catalog
        .zip(card.achievement_id.as_deref())
        .and_then(|(c, id)| c.offering_for_achievement(id)?.badge.as_ref())
        .map(|b| platform::absolute_url(&format!("/{}", b.image.trim_start_matches('/')), site));
    catalog_image.or_else(|| card.image.clone().filter(|i| i.starts_with("https://")))
}
