use std::sync::Arc;

use leptos::prelude::*;
use leptos_router::components::A;

use crate::components::{Later, catalog_item_page, shared, use_page_title};
use crate::domain::catalog::rules::is_http_url;
use crate::domain::catalog::{
    Assessment, Availability, Catalog, ExpiryPolicy, NextStep, Offering, Requirement, facts,
};
use crate::domain::date::Date;
use crate::platform;

stylance::import_style!(style, "offering.module.css");

/// `/catalog/:slug`: everything a learner needs to decide, and the dates.
#[component]
pub fn OfferingPage() -> impl IntoView {
    catalog_item_page("slug", "course", |catalog, slug| {
        let at = catalog.offerings.iter().position(|o| o.slug == slug)?;
        Some(view! { <OfferingDetail catalog=catalog.clone() at /> }.into_any())
    })
}

#[component]
fn OfferingDetail(catalog: Arc<Catalog>, at: usize) -> impl IntoView {
    let offering = &catalog.offerings[at];
    let title = offering.title.clone();
    use_page_title(move || title.clone());
    let today = platform::today_in(&catalog.institution.time_zone);
    let discipline = catalog
        .discipline_name(&offering.discipline)
        .unwrap_or_default()
        .to_owned();
    let description = offering.description.clone();
    let description = move || {
        description
            .iter()
            .map(|p| view! { <p>{p.clone()}</p> })
            .collect_view()
    };
    // A take-over builds what is below the dates a task later.
    let (for_facts, for_lists) = (offering.clone(), offering.clone());
    view! {
        <article class=style::page>
            <p class=shared::eyebrow>{offering.kind.label()} " · " {discipline}</p>
            <h1>{offering.title.clone()}</h1>
            <p class=style::lead>{offering.summary.clone()}</p>
            <Groups catalog=catalog.clone() offering=offering.clone() />
            <Cohorts offering=offering.clone() today />
            <Later>
                <Facts offering=for_facts.clone() />
                <section aria-labelledby="about-title">
                    <h2 id="about-title">"About this course"</h2>
                    {description()}
                </section>
                <Lists offering=for_lists.clone() />
            </Later>
        </article>
    }
}

/// The series (with its award pathways) and suites the offering belongs to.
#[component]
fn Groups(catalog: Arc<Catalog>, offering: Offering) -> impl IntoView {
    let series = catalog.series_of(&offering.id).map(|s| {
        let courses: Vec<String> = s.award_pathways.iter().map(|p| p.course.clone()).collect();
        let pathway = (!courses.is_empty()).then(|| {
            format!(" The completed series may count as credit towards: {}.", courses.join("; "))
        });
        view! {
            <p class=style::group>
                {format!("One of the {} micro-credentials in the ", facts::count_word(s.offerings.len()))}
                <A href=platform::href(&format!("/series/{}", s.slug))>{format!("{} series", s.title)}</A>
                {format!(". Complete them all for {}.", facts::credit_points(catalog.credit_of(&s.offerings)))}
                {pathway}
            </p>
        }
    });
    let suites = catalog
        .suites_of(&offering.id)
        .map(|s| {
            view! {
                <p class=style::group>
                    "Part of the "
                    <A href=platform::href(&format!("/series/{}", s.slug))>{format!("{} suite", s.title)}</A>
                    " of related micro-credentials."
                </p>
            }
        })
        .collect_view();
    view! { {series} {suites} }
}

/// The key facts as a description list.
#[component]
fn Facts(offering: Offering) -> impl IntoView {
    let micro = offering.kind.is_micro_credential();
    let assessment = assessment_view(&offering.assessment);
    let outcome = outcome_view(&offering);
    let eligibility = offering
        .eligibility
        .requirements
        .iter()
        .map(|r: &Requirement| view! { <li>{r.text.clone()}</li> })
        .collect_view();
    let credit = if offering.credit_points > 0.0 {
        format!(
            "{}. Some award courses accept it as credit for prior learning.",
            facts::credit_points(offering.credit_points)
        )
    } else {
        "No academic credit.".to_owned()
    };
    let pace = if micro {
        "You study with a cohort on fixed dates; it is not self-paced."
    } else {
        "Fixed dates, listed below."
    };
    view! {
        <section aria-labelledby="facts-title">
            <h2 id="facts-title">"Key facts"</h2>
            <dl class=style::facts>
                <dt>"Fee"</dt>
                <dd>{offering.fee.to_string()} ", paid upfront and in full when you enrol. There are no instalments, and FEE-HELP and other HELP loans do not apply."</dd>
                <dt>"Pace"</dt>
                <dd>{pace}</dd>
                <dt>"Workload"</dt>
                <dd>
                    {facts::hours(offering.hours)} " of learning, worth " {facts::cpd_points(offering.cpd_points)}
                    ". Many professional bodies count one hour as one CPD point; each decides for itself."
                </dd>
                <dt>"Credit"</dt>
                <dd>{credit}</dd>
                <dt>"Assessment"</dt>
                <dd>{assessment}</dd>
                <dt>"Who can enrol"</dt>
                <dd><p>{offering.eligibility.summary.clone()}</p><ul>{eligibility}</ul></dd>
                <dt>"What you receive"</dt>
                <dd>{outcome}</dd>
                {micro.then(|| view! {
                    <dt>"Status"</dt>
                    <dd>"Micro-credentials are non-accredited study: enrolling does not make you a student of the university."</dd>
                })}
            </dl>
        </section>
    }
}

/// How the course is assessed, or that it is not.
fn assessment_view(assessment: &Assessment) -> AnyView {
    match assessment {
        Assessment::Assessed {
            description,
            word_equivalent,
            pass_mark_percent,
            tasks,
        } => {
            let size = (*word_equivalent > 0).then(|| {
                format!(
                    " Together, the tasks are equivalent to a {}-word essay.",
                    group_thousands(*word_equivalent)
                )
            });
            let tasks = tasks
                .iter()
                .map(|t| view! { <li>{t.clone()}</li> })
                .collect_view();
            view! {
                <p>{description.clone()}{size}{format!(" You pass with an overall mark of {pass_mark_percent}% or more.")}</p>
                <ul>{tasks}</ul>
            }
            .into_any()
        }
        Assessment::Unassessed { note } => {
            let text = match note {
                Some(note) => format!("This course is not assessed. {note}"),
                None => "This course is not assessed.".to_owned(),
            };
            view! { <p>{text}</p> }.into_any()
        }
    }
}

/// The badge a pass earns, and when it expires; or that there is none.
fn outcome_view(offering: &Offering) -> AnyView {
    match offering.badge.as_ref() {
        Some(badge) => {
            let expiry = match badge.expiry {
                ExpiryPolicy::Never => "It does not expire.".to_owned(),
                ExpiryPolicy::AfterYears { years: 1 } => {
                    "It expires one year after it is issued, so the skill is refreshed.".to_owned()
                }
                ExpiryPolicy::AfterYears { years } => format!(
                    "It expires {years} years after it is issued: the field moves fast, so the skill needs refreshing."
                ),
            };
            let alt = format!("The {} badge", offering.title);
            view! {
                <div class=style::badge>
                    <img src=platform::asset_url(&badge.image) alt=alt width="96" height="96" />
                    <p>"Pass and you receive a digital badge you can share online, on LinkedIn or in an email signature. It records what you can do, the hours you completed and the standards it aligns with. " {expiry}</p>
                </div>
            }
            .into_any()
        }
        None => {
            view! { <p>"No shareable digital badge or certificate is issued for this course."</p> }
                .into_any()
        }
    }
}

/// Skills, outcomes, alignments and endorsements.
#[component]
fn Lists(offering: Offering) -> impl IntoView {
    let items = |list: &[String]| {
        list.iter()
            .map(|s| view! { <li>{s.clone()}</li> })
            .collect_view()
    };
    let alignments = offering
        .alignments
        .iter()
        .map(|a| {
            let name = facts::with_code(&a.name, a.code.as_deref());
            let framework = link(&a.framework, a.url.as_deref());
            view! { <li>{framework}": "{name}</li> }
        })
        .collect_view();
    let endorsements = offering
        .endorsements
        .iter()
        .map(|e| {
            let name = link(&e.name, e.url.as_deref());
            let statement = e.statement.clone().map(|s| format!(": {s}"));
            view! { <li>{name}{statement}</li> }
        })
        .collect_view();
    let has_alignments = !offering.alignments.is_empty();
    let has_endorsements = !offering.endorsements.is_empty();
    view! {
        <section aria-labelledby="skills-title">
            <h2 id="skills-title">"Skills"</h2>
            <ul class=style::tags>{items(&offering.skills)}</ul>
        </section>
        <section aria-labelledby="outcomes-title">
            <h2 id="outcomes-title">"What you will be able to do"</h2>
            <ul>{items(&offering.learning_outcomes)}</ul>
        </section>
        {has_alignments.then(|| view! {
            <section aria-labelledby="alignments-title">
                <h2 id="alignments-title">"Professional frameworks"</h2>
                <ul>{alignments}</ul>
            </section>
        })}
        {has_endorsements.then(|| view! {
            <section aria-labelledby="endorsements-title">
                <h2 id="endorsements-title">"Endorsed by"</h2>
                <ul>{endorsements}</ul>
            </section>
        })}
    }
}

/// `text` as a link when `url` is an http(s) URL, as plain text otherwise.
fn link(text: &str, url: Option<&str>) -> AnyView {
    match url.filter(|u| is_http_url(u)) {
        Some(url) => {
            view! { <a href=url.to_owned() rel="noopener">{text.to_owned()}</a> }.into_any()
        }
        None => text.to_owned().into_any(),
    }
}

/// "1,250".
fn group_thousands(n: u32) -> String {
    if n >= 1000 {
        format!("{},{:03}", n / 1000, n % 1000)
    } else {
        n.to_string()
    }
}

/// Upcoming cohorts with their status and action, then "Register for
/// updates" when none is open.
#[component]
fn Cohorts(offering: Offering, today: Date) -> impl IntoView {
    let cohorts = offering.upcoming_cohorts(today);
    let step = offering.next_step(today);
    let rows = cohorts
        .iter()
        .map(|c| {
            let availability = c.availability(today);
            let dates = if c.start_date == c.end_date {
                c.start_date.long()
            } else {
                format!("{} to {}", c.start_date.long(), c.end_date.long())
            };
            let place = match &c.location {
                Some(location) => format!("{} · {location}", c.delivery.label()),
                None => c.delivery.label().to_owned(),
            };
            let detail = match availability {
                Availability::Open { closes, .. } => format!("{}: until {}.", availability.label(), closes.long()),
                _ => format!("{}.", availability.label()),
            };
            let action = availability.is_open().then(|| {
                let label = format!("Enrol now in {}, starting {}", offering.title, c.start_date.long());
                view! {
                    <A href=platform::href(&format!("/enrol/{}", c.id)) attr:class=style::enrol attr:aria-label=label>"Enrol now"</A>
                }
            });
            view! {
                <li class=style::cohort>
                    <p class=style::dates>{dates}</p>
                    <p>{place}</p>
                    <p>{detail}</p>
                    {action}
                </li>
            }
        })
        .collect_view();
    let register = match step {
        NextStep::Enrol(_) => None,
        NextStep::Register { opens, .. } => Some(opens),
    }
    .map(|opens| {
        let when = match opens {
            Some(date) => format!("Enrolments open on {}. Register and we will tell you when they do.", date.long()),
            None if cohorts.is_empty() => "No dates are set yet. Register and we will tell you when they are.".to_owned(),
            None => "Enrolment dates are not announced yet. Register and we will tell you when they are.".to_owned(),
        };
        let label = format!("Register for updates about {}", offering.title);
        view! {
            <div class=style::register>
                <p>{when}</p>
                <A href=platform::href(&format!("/register/{}", offering.slug)) attr:class=style::enrol attr:aria-label=label>"Register for updates"</A>
            </div>
        }
    });
    view! {
        <section aria-labelledby="cohorts-title">
            <h2 id="cohorts-title">"Dates and enrolment"</h2>
            {(!cohorts.is_empty()).then(|| view! { <ul class=shared::stack>{rows}</ul> })}
            {register}
        </section>
    }
}
