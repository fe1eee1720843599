//! What a badge says, as text, and what this university's catalog adds
//! about it. Everything here comes from the badge or the catalog, so it is
//! only ever text and http(s) links.

use std::sync::Arc;

use leptos::prelude::*;
use wasm_bindgen::JsCast;

use super::style;
use crate::domain::catalog::{Catalog, facts};
use crate::domain::date::Date;
use crate::domain::report::{BadgeView, own_image, safe_link};
use crate::platform;

#[component]
pub(super) fn BadgeDetails(badge: BadgeView, catalog: Option<Arc<Catalog>>) -> impl IntoView {
    let issuer_name = match (badge.issuer.name.is_empty(), badge.issuer.id.is_empty()) {
        (false, _) => badge.issuer.name.clone(),
        (true, false) => badge.issuer.id.clone(),
        (true, true) => "an issuer it does not name".to_owned(),
    };
    let section = |title: &'static str, items: Vec<AnyView>| {
        (!items.is_empty()).then(|| view! { <h4>{title}</h4> <ul>{items}</ul> })
    };
    let credit = badge
        .credit_points
        .map(|p| view! { <p>{format!("Credit: {}.", facts::credit_points(p))}</p> });
    view! {
        <section class=style::badge aria-labelledby="badge-title">
            <div class=style::badge_head>
                {image(&badge, catalog.as_deref())}
                <div>
                    <h3 id="badge-title">{title(&badge, catalog.as_deref())}</h3>
                    <p class=style::issuer>{logo(&badge, catalog.as_deref())}{format!("Issued by {issuer_name}")}</p>
                </div>
            </div>
            <p>{recipient_sentence(&badge)}</p>
            <p>{dates_sentence(&badge)}</p>
            {(!badge.achievement.description.is_empty()).then(|| markdown(&badge.achievement.description))}
            {(!badge.achievement.criteria.is_empty()).then(|| view! { <h4>"How it was earned"</h4> {markdown(&badge.achievement.criteria)} })}
            {credit}
            {in_catalog(&badge, catalog.as_deref())}
            {section("Skills", tags(&badge))}
            {section("Aligned to", alignments(&badge))}
            {section("Endorsements", endorsements(&badge))}
            {section("Evidence", evidence(&badge))}
        </section>
    }
}

/// The issuer's logo, when the catalog knows the issuer.
fn logo(badge: &BadgeView, catalog: Option<&Catalog>) -> Option<impl IntoView + use<>> {
    let src = catalog?.issuer(&badge.issuer.id)?.image.clone()?;
    Some(
        view! { <img class=style::logo src=platform::asset_url(&src) alt="" width="40" height="40" /> },
    )
}

/// The badge's image, only from this site (`own_image`); an image that
/// cannot be loaded (offline, gone) is left out.
fn image(badge: &BadgeView, catalog: Option<&Catalog>) -> Option<impl IntoView + use<>> {
    let src = own_image(
        badge.achievement.image.as_deref(),
        badge.achievement.id.as_deref(),
        catalog,
    )?;
    let src = platform::asset_url(&src);
    let alt = format!("The {} badge image", badge.achievement.name);
    let hide = |ev: leptos::ev::ErrorEvent| {
        if let Some(img) = ev
            .target()
            .and_then(|t| t.dyn_into::<web_sys::HtmlElement>().ok())
        {
            img.set_hidden(true);
        }
    };
    Some(
        view! { <img class=style::image src=src alt=alt width="120" height="120" on:error=hide /> },
    )
}

/// The badge's name; for a hosted badge whose badge class could not be
/// read, the catalog's name for it, else say so.
fn title(badge: &BadgeView, catalog: Option<&Catalog>) -> String {
    [&badge.achievement.name, &badge.name]
        .into_iter()
        .find(|n| !n.is_empty())
        .cloned()
        .or_else(|| {
            let id = badge.achievement.id.as_deref()?;
            let o = catalog?.offering_for_achievement(id)?;
            Some(format!(
                "{} (as this university's catalog names it)",
                o.title
            ))
        })
        .unwrap_or_else(|| "A badge whose name could not be read".to_owned())
}

/// "Issued to …", saying what kind of identity when it is hashed.
fn recipient_sentence(badge: &BadgeView) -> String {
    let recipient = badge.recipient.as_ref();
    let kind = recipient.map(|r| match r.kind.as_str() {
        "email" | "emailAddress" => "email address",
        "url" | "url_address" => "web address",
        "telephone" | "phoneNumber" => "phone number",
        "id" | "identifier" => "identifier",
        other => other,
    });
    match (recipient, kind) {
        (Some(r), _) if !r.hashed && !r.identity.is_empty() => format!("Issued to {}.", r.identity),
        (Some(r), Some(kind)) if r.hashed => {
            format!("Issued to a hashed {kind}: type it below to check it.")
        }
        (_, Some(kind)) => format!("Issued to a {kind}."),
        _ => "The badge does not name who it was issued to.".to_owned(),
    }
}

fn dates_sentence(badge: &BadgeView) -> String {
    match (&badge.issued, &badge.expires) {
        (Some(issued), Some(expires)) => {
            format!("Issued {}; expires {}.", day(issued), day(expires))
        }
        (Some(issued), None) => format!("Issued {}; does not expire.", day(issued)),
        (None, Some(expires)) => format!("Expires {}.", day(expires)),
        (None, None) => "No issue date given.".to_owned(),
    }
}

/// "3 March 2027" from an RFC 3339 timestamp, or the text as written.
fn day(text: &str) -> String {
    text.get(..10)
        .and_then(|d| d.parse::<Date>().ok())
        .map_or_else(|| text.to_owned(), Date::long)
}

/// What the university's catalog says about this achievement, linked to
/// its page.
fn in_catalog(badge: &BadgeView, catalog: Option<&Catalog>) -> Option<impl IntoView + use<>> {
    let c = catalog?;
    let o = c.offering_for_achievement(badge.achievement.id.as_deref()?)?;
    let series = c.series_of(&o.id).map(|s| {
        let courses: Vec<String> = s.award_pathways.iter().map(|p| p.course.clone()).collect();
        format!(
            " It is one of the {} micro-credentials of the {} series ({} together), which may count towards: {}.",
            facts::count_word(s.offerings.len()),
            s.title,
            facts::credit_points(c.credit_of(&s.offerings)),
            courses.join("; ")
        )
    });
    let text = format!(
        "{}: {}, {}, {}.{}",
        o.title,
        facts::hours(o.hours),
        facts::cpd_points(o.cpd_points),
        facts::credit_points(o.credit_points),
        series.unwrap_or_default()
    );
    let href = platform::href(&format!("/catalog/{}", o.slug));
    // A plain link: the router handles it, and the wallet module (which
    // has no router of its own) shows this too.
    Some(view! { <p>"In the catalog: " <a href=href>{text}</a></p> })
}

fn tags(badge: &BadgeView) -> Vec<AnyView> {
    badge
        .tags
        .iter()
        .map(|t| view! { <li>{t.clone()}</li> }.into_any())
        .collect()
}

fn alignments(badge: &BadgeView) -> Vec<AnyView> {
    badge
        .alignments
        .iter()
        .map(|a| {
            let mut text = facts::with_code(&a.name, a.code.as_deref());
            if let Some(framework) = &a.framework {
                text = format!("{framework}: {text}");
            }
            link_item(text, a.url.as_deref())
        })
        .collect()
}

fn endorsements(badge: &BadgeView) -> Vec<AnyView> {
    badge
        .endorsements
        .iter()
        .map(|e| {
            view! { <li>{format!("{} ({}): {}", e.by, e.verdict.label(), e.comment)}</li> }
                .into_any()
        })
        .collect()
}

fn evidence(badge: &BadgeView) -> Vec<AnyView> {
    badge
        .evidence
        .iter()
        .map(|e| {
            let text = match (e.name.is_empty(), e.description.is_empty()) {
                (_, true) => e.name.clone(),
                (true, false) => e.description.clone(),
                (false, false) => format!("{}: {}", e.name, e.description),
            };
            link_item(text, e.url.as_deref())
        })
        .collect()
}

/// A list item, linked when the badge gives an http(s) address for it.
fn link_item(text: String, url: Option<&str>) -> AnyView {
    match safe_link(url) {
        Some(href) => {
            view! { <li><a href=href rel="noopener noreferrer">{text}</a></li> }.into_any()
        }
        None => view! { <li>{text}</li> }.into_any(),
    }
}

/// Badge narrative (Markdown) as elements: the reader in `domain::markdown`
/// gives a tree, so raw HTML in a badge is only ever text.
fn markdown(text: &str) -> AnyView {
    use crate::domain::markdown::{Block, Inline, parse};
    let runs = |inlines: Vec<Inline>| {
        inlines
            .into_iter()
            .map(|inline| match inline {
                Inline::Text(t) => t.into_any(),
                Inline::Strong(t) => view! { <strong>{t}</strong> }.into_any(),
                Inline::Emphasis(t) => view! { <em>{t}</em> }.into_any(),
                Inline::Code(t) => view! { <code>{t}</code> }.into_any(),
                Inline::Link {
                    text,
                    href: Some(href),
                } => view! { <a href=href rel="noopener noreferrer">{text}</a> }.into_any(),
                Inline::Link { text, href: None } => text.into_any(),
            })
            .collect_view()
    };
    parse(text)
        .into_iter()
        .map(|block| match block {
            Block::Paragraph(inlines) => {
                view! { <p class=style::text>{runs(inlines)}</p> }.into_any()
            }
            Block::Heading(inlines) => {
                view! { <p class=style::text><strong>{runs(inlines)}</strong></p> }.into_any()
            }
            Block::List { ordered, items } => {
                let items = items
                    .into_iter()
                    .map(|i| view! { <li>{runs(i)}</li> })
                    .collect_view();
                if ordered {
                    view! { <ol>{items}</ol> }.into_any()
                } else {
                    view! { <ul>{items}</ul> }.into_any()
                }
            }
        })
        .collect_view()
        .into_any()
}
