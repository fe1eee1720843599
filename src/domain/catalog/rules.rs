//! What a well-formed catalog can still get wrong.
//!
//! The JSON Schema checks shapes; these rules check meaning: that ids are
//! unique and references resolve, that a series is exactly four
//! micro-credentials, that dates run forwards, that fees are not negative and
//! that every issuer key parses. Each problem names its JSON path so staff can
//! go straight to it.

use std::collections::{HashMap, HashSet};
use std::fmt;

use super::{Catalog, ExpiryPolicy, IssuerKey, Offering, OfferingKind};
use crate::domain::json::JsonPath;
use crate::domain::keys;

/// Credit points of one micro-credential: a quarter of a 12.5-point subject.
pub const MICRO_CREDENTIAL_POINTS: f64 = 3.125;
/// Micro-credentials in a series.
pub const SERIES_SIZE: usize = 4;
/// Word-equivalent workload of a micro-credential's assessment.
pub const MICRO_CREDENTIAL_WORDS: u32 = 1250;
/// Overall mark, in percent, needed to pass a micro-credential.
pub const MICRO_CREDENTIAL_PASS_MARK: u8 = 70;

/// One thing wrong with a catalog, and where.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Problem {
    pub path: JsonPath,
    pub message: String,
}

impl fmt::Display for Problem {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        write!(f, "{}: {}", self.path, self.message)
    }
}

/// Every rule problem in `catalog`: [`check_content`] plus key parsing.
/// Empty means clean. This is what `microcred catalog check` runs.
pub fn check(catalog: &Catalog) -> Vec<Problem> {
    let mut problems = check_content(catalog);
    let mut out = Problems(Vec::new());
    for (i, issuer) in catalog.issuers.iter().enumerate() {
        for (k, key) in issuer.keys.iter().enumerate() {
            check_key(
                key,
                &JsonPath::root()
                    .key("issuers")
                    .index(i)
                    .key("keys")
                    .index(k),
                &mut out,
            );
        }
    }
    problems.extend(out.0);
    problems
}

/// Every rule about the catalog's content, without parsing issuer keys.
///
/// The app runs this when it loads the catalog. Key parsing is left to the
/// verifier (and to `catalog check`) so the first-load bundle does not carry
/// RSA, P-256 and PEM code it never otherwise needs.
pub fn check_content(catalog: &Catalog) -> Vec<Problem> {
    let mut out = Problems(Vec::new());
    let root = JsonPath::root();
    check_institution(catalog, &root.key("institution"), &mut out);
    let disciplines = unique_ids(
        catalog.disciplines.iter().map(|d| d.id.as_str()),
        &root.key("disciplines"),
        "discipline",
        &mut out,
    );
    let issuers = unique_ids(
        catalog.issuers.iter().map(|i| i.id.as_str()),
        &root.key("issuers"),
        "issuer",
        &mut out,
    );
    let offerings = unique_ids(
        catalog.offerings.iter().map(|o| o.id.as_str()),
        &root.key("offerings"),
        "offering",
        &mut out,
    );
    unique_values(
        catalog.offerings.iter().map(|o| o.slug.as_str()),
        &root.key("offerings"),
        "slug",
        &mut out,
    );

    let mut cohort_ids = HashSet::new();
    let mut achievement_ids = HashSet::new();
    for (i, offering) in catalog.offerings.iter().enumerate() {
        let at = root.key("offerings").index(i);
        check_offering(catalog, offering, &at, &disciplines, &issuers, &mut out);
        for (c, cohort) in offering.cohorts.iter().enumerate() {
            if !cohort_ids.insert(cohort.id.as_str()) {
                out.add(at.key("cohorts").index(c).key("id"), format!("cohort id “{}” is used twice; cohort ids must be unique across the catalog", cohort.id));
            }
        }
        if let Some(badge) = &offering.badge
            && !achievement_ids.insert(badge.achievement_id.as_str())
        {
            out.add(
                at.key("badge").key("achievementId"),
                format!(
                    "achievement id “{}” is used by another offering",
                    badge.achievement_id
                ),
            );
        }
    }

    check_series(catalog, &root, &disciplines, &offerings, &mut out);
    check_suites(catalog, &root, &offerings, &mut out);
    check_issuers(catalog, &root, &mut out);
    for (i, list) in catalog.status_lists.iter().enumerate() {
        let at = root.key("statusLists").index(i);
        if !issuers.contains(list.issuer.as_str()) {
            out.add(
                at.key("issuer"),
                format!("issuer “{}” is not in $.issuers", list.issuer),
            );
        }
        out.https(&at.key("url"), &list.url);
    }
    if catalog.terms.version.trim().is_empty() {
        out.add(
            root.key("terms").key("version"),
            "the terms need a version so acceptance can be recorded".into(),
        );
    }
    out.0
}

struct Problems(Vec<Problem>);

impl Problems {
    fn add(&mut self, path: JsonPath, message: String) {
        self.0.push(Problem { path, message });
    }

    fn https(&mut self, path: &JsonPath, url: &str) {
        if !is_http_url(url) {
            self.add(path.clone(), format!("“{url}” is not an http(s) URL"));
        }
    }

    fn slug(&mut self, path: &JsonPath, slug: &str) {
        if !is_slug(slug) {
            self.add(path.clone(), format!("“{slug}” is not a slug (lower-case letters and digits joined by single hyphens)"));
        }
    }

    fn non_negative(&mut self, path: JsonPath, value: f64, what: &str) {
        if !value.is_finite() || value < 0.0 {
            self.add(path, format!("{what} must be zero or more, not {value}"));
        }
    }
}

fn check_institution(catalog: &Catalog, at: &JsonPath, out: &mut Problems) {
    let inst = &catalog.institution;
    out.https(&at.key("url"), &inst.url);
    if !is_currency(&inst.currency) {
        out.add(
            at.key("currency"),
            format!("“{}” is not an ISO 4217 currency code", inst.currency),
        );
    }
    if !inst.time_zone.contains('/') && inst.time_zone != "UTC" {
        out.add(
            at.key("timeZone"),
            format!(
                "“{}” is not an IANA time zone such as Australia/Melbourne",
                inst.time_zone
            ),
        );
    }
    if !inst.contact_email.contains('@') {
        out.add(
            at.key("contactEmail"),
            format!("“{}” is not an email address", inst.contact_email),
        );
    }
}

fn check_offering(
    catalog: &Catalog,
    offering: &Offering,
    at: &JsonPath,
    disciplines: &HashSet<&str>,
    issuers: &HashSet<&str>,
    out: &mut Problems,
) {
    out.slug(&at.key("slug"), &offering.slug);
    if !disciplines.contains(offering.discipline.as_str()) {
        out.add(
            at.key("discipline"),
            format!(
                "discipline “{}” is not in $.disciplines",
                offering.discipline
            ),
        );
    }
    out.non_negative(at.key("hours"), offering.hours, "hours");
    out.non_negative(at.key("cpdPoints"), offering.cpd_points, "CPD points");
    if offering.fee.amount_cents < 0 {
        out.add(
            at.key("fee").key("amountCents"),
            format!("a fee cannot be negative ({})", offering.fee.amount_cents),
        );
    }
    if offering.fee.currency != catalog.institution.currency {
        out.add(
            at.key("fee").key("currency"),
            format!(
                "fees are quoted in {}, not {}",
                catalog.institution.currency, offering.fee.currency
            ),
        );
    }
    let micro = offering.kind == OfferingKind::MicroCredential;
    check_credit(offering, micro, at, out);
    check_assessment(offering, micro, at, out);
    check_badge(offering, micro, at, issuers, out);
    check_links(offering, at, out);
    check_cohorts(offering, at, out);
}

fn check_credit(offering: &Offering, micro: bool, at: &JsonPath, out: &mut Problems) {
    let expected_points = if micro { MICRO_CREDENTIAL_POINTS } else { 0.0 };
    if offering.credit_points != expected_points {
        let why = if micro {
            format!(
                "a micro-credential is worth {}",
                super::facts::credit_points(MICRO_CREDENTIAL_POINTS)
            )
        } else {
            "short courses carry no credit".to_owned()
        };
        out.add(
            at.key("creditPoints"),
            format!("{why}, not {}", offering.credit_points),
        );
    }
}

fn check_assessment(offering: &Offering, micro: bool, at: &JsonPath, out: &mut Problems) {
    match (&offering.assessment, micro) {
        (
            super::Assessment::Assessed {
                word_equivalent,
                pass_mark_percent,
                ..
            },
            true,
        ) => {
            if *word_equivalent != MICRO_CREDENTIAL_WORDS {
                out.add(at.key("assessment").key("wordEquivalent"), format!("a micro-credential's assessment is equivalent to {MICRO_CREDENTIAL_WORDS} words, not {word_equivalent}"));
            }
            if *pass_mark_percent != MICRO_CREDENTIAL_PASS_MARK {
                out.add(at.key("assessment").key("passMarkPercent"), format!("a micro-credential needs an overall mark of {MICRO_CREDENTIAL_PASS_MARK}% to pass, not {pass_mark_percent}%"));
            }
        }
        (
            super::Assessment::Assessed {
                pass_mark_percent, ..
            },
            false,
        ) if *pass_mark_percent > 100 => {
            out.add(
                at.key("assessment").key("passMarkPercent"),
                format!("a pass mark cannot exceed 100%, not {pass_mark_percent}%"),
            );
        }
        (super::Assessment::Unassessed { .. }, true) => {
            out.add(
                at.key("assessment"),
                "a micro-credential is always assessed".into(),
            );
        }
        _ => {}
    }
}

fn check_badge(
    offering: &Offering,
    micro: bool,
    at: &JsonPath,
    issuers: &HashSet<&str>,
    out: &mut Problems,
) {
    match (&offering.badge, micro) {
        (None, true) => out.add(
            at.key("badge"),
            "a micro-credential must name the badge it issues".into(),
        ),
        (Some(_), false) => out.add(
            at.key("badge"),
            "short courses do not issue shareable badges".into(),
        ),
        (Some(badge), true) => {
            let b = at.key("badge");
            if !issuers.contains(badge.issuer.as_str()) {
                out.add(
                    b.key("issuer"),
                    format!("issuer “{}” is not in $.issuers", badge.issuer),
                );
            }
            if !is_uri(&badge.achievement_id) {
                out.add(
                    b.key("achievementId"),
                    format!("“{}” is not a URI", badge.achievement_id),
                );
            }
            if let ExpiryPolicy::AfterYears { years: 0 } = badge.expiry {
                out.add(
                    b.key("expiry").key("years"),
                    "a badge that expires must last at least one year".into(),
                );
            }
        }
        (None, false) => {}
    }
}

/// Requirement ids are unique; every linked page is http(s).
fn check_links(offering: &Offering, at: &JsonPath, out: &mut Problems) {
    let mut requirement_ids = HashSet::new();
    for (r, requirement) in offering.eligibility.requirements.iter().enumerate() {
        if !requirement_ids.insert(requirement.id.as_str()) {
            out.add(
                at.key("eligibility").key("requirements").index(r).key("id"),
                format!("requirement id “{}” is used twice", requirement.id),
            );
        }
    }
    for (a, alignment) in offering.alignments.iter().enumerate() {
        if let Some(url) = &alignment.url {
            out.https(&at.key("alignments").index(a).key("url"), url);
        }
    }
    for (e, endorsement) in offering.endorsements.iter().enumerate() {
        if let Some(url) = &endorsement.url {
            out.https(&at.key("endorsements").index(e).key("url"), url);
        }
    }
}

/// Each cohort's dates run forwards; a place-based one names its place.
fn check_cohorts(offering: &Offering, at: &JsonPath, out: &mut Problems) {
    for (c, cohort) in offering.cohorts.iter().enumerate() {
        let ca = at.key("cohorts").index(c);
        if cohort.end_date < cohort.start_date {
            out.add(
                ca.key("endDate"),
                format!(
                    "the cohort ends ({}) before it starts ({})",
                    cohort.end_date, cohort.start_date
                ),
            );
        }
        if let (Some(opens), Some(closes)) = (cohort.enrolment_opens, cohort.enrolment_closes)
            && closes < opens
        {
            out.add(
                ca.key("enrolmentCloses"),
                format!("enrolment closes ({closes}) before it opens ({opens})"),
            );
        }
        if let Some(closes) = cohort.enrolment_closes
            && closes > cohort.end_date
        {
            out.add(
                ca.key("enrolmentCloses"),
                format!(
                    "enrolment closes ({closes}) after the cohort ends ({})",
                    cohort.end_date
                ),
            );
        }
        let has_location = cohort
            .location
            .as_deref()
            .is_some_and(|l| !l.trim().is_empty());
        if cohort.delivery.needs_location() && !has_location {
            out.add(
                ca.key("location"),
                format!(
                    "{} delivery needs a location",
                    cohort.delivery.label().to_lowercase()
                ),
            );
        }
    }
}

// One piece: every rule about a series, in the order staff read them.
fn check_series(
    catalog: &Catalog,
    root: &JsonPath,
    disciplines: &HashSet<&str>,
    offerings: &HashSet<&str>,
    out: &mut Problems,
) {
    let list = root.key("series");
    unique_ids(
        catalog.series.iter().map(|s| s.id.as_str()),
        &list,
        "series",
        out,
    );
    unique_values(
        catalog.series.iter().map(|s| s.slug.as_str()),
        &list,
        "slug",
        out,
    );
    let mut member_of: HashMap<&str, &str> = HashMap::new();
    for (i, series) in catalog.series.iter().enumerate() {
        let at = list.index(i);
        out.slug(&at.key("slug"), &series.slug);
        if !disciplines.contains(series.discipline.as_str()) {
            out.add(
                at.key("discipline"),
                format!("discipline “{}” is not in $.disciplines", series.discipline),
            );
        }
        let distinct: HashSet<&str> = series.offerings.iter().map(String::as_str).collect();
        if series.offerings.len() != SERIES_SIZE || distinct.len() != SERIES_SIZE {
            out.add(
                at.key("offerings"),
                format!("a series is exactly {SERIES_SIZE} different micro-credentials; this one lists {} ({} different)", series.offerings.len(), distinct.len()),
            );
        }
        for (o, id) in series.offerings.iter().enumerate() {
            let oa = at.key("offerings").index(o);
            if !offerings.contains(id.as_str()) {
                out.add(oa, format!("offering “{id}” is not in $.offerings"));
                continue;
            }
            if catalog
                .offering(id)
                .is_some_and(|off| !off.kind.is_micro_credential())
            {
                out.add(
                    oa.clone(),
                    format!(
                        "“{id}” is not a micro-credential; a series holds only micro-credentials"
                    ),
                );
            }
            if let Some(other) = member_of.insert(id.as_str(), series.id.as_str())
                && other != series.id
            {
                out.add(oa, format!("“{id}” is already in series “{other}”; a micro-credential belongs to one series at most"));
            }
        }
        if series.award_pathways.is_empty() {
            out.add(
                at.key("awardPathways"),
                "a series must name at least one award course it can lead to".into(),
            );
        }
        for (p, pathway) in series.award_pathways.iter().enumerate() {
            let pa = at.key("awardPathways").index(p);
            if !(pathway.credit_points.is_finite() && pathway.credit_points > 0.0) {
                out.add(
                    pa.key("creditPoints"),
                    format!(
                        "credit towards an award must be more than zero, not {}",
                        pathway.credit_points
                    ),
                );
            }
            if let Some(url) = &pathway.url {
                out.https(&pa.key("url"), url);
            }
        }
    }
}

fn check_suites(catalog: &Catalog, root: &JsonPath, offerings: &HashSet<&str>, out: &mut Problems) {
    let list = root.key("suites");
    unique_ids(
        catalog.suites.iter().map(|s| s.id.as_str()),
        &list,
        "suite",
        out,
    );
    unique_values(
        catalog.suites.iter().map(|s| s.slug.as_str()),
        &list,
        "slug",
        out,
    );
    for (i, suite) in catalog.suites.iter().enumerate() {
        let at = list.index(i);
        out.slug(&at.key("slug"), &suite.slug);
        if suite.offerings.is_empty() {
            out.add(
                at.key("offerings"),
                "a suite must list at least one micro-credential".into(),
            );
        }
        for (o, id) in suite.offerings.iter().enumerate() {
            if !offerings.contains(id.as_str()) {
                out.add(
                    at.key("offerings").index(o),
                    format!("offering “{id}” is not in $.offerings"),
                );
            } else if catalog
                .offering(id)
                .is_some_and(|off| !off.kind.is_micro_credential())
            {
                out.add(
                    at.key("offerings").index(o),
                    format!("“{id}” is not a micro-credential; a suite groups micro-credentials"),
                );
            }
        }
    }
}

fn check_issuers(catalog: &Catalog, root: &JsonPath, out: &mut Problems) {
    let mut key_ids = HashSet::new();
    for (i, issuer) in catalog.issuers.iter().enumerate() {
        let at = root.key("issuers").index(i);
        if !is_uri(&issuer.id) {
            out.add(at.key("id"), format!("“{}” is not a URI", issuer.id));
        }
        out.https(&at.key("url"), &issuer.url);
        // A hosted-only issuer (Badgr never signs) needs no key: its
        // badges verify against the hosts it is allowed.
        if issuer.keys.is_empty() && issuer.hosted_origins.is_empty() {
            out.add(
                at.key("keys"),
                "an issuer needs at least one key or one hosted origin, or none of its badges can verify".into(),
            );
        }
        for (k, key) in issuer.keys.iter().enumerate() {
            let ka = at.key("keys").index(k);
            if !key_ids.insert(key.id.as_str()) {
                out.add(ka.key("id"), format!("key id “{}” is used twice", key.id));
            }
            check_key_shape(key, &ka, out);
        }
        for (h, host) in issuer.hosted_origins.iter().enumerate() {
            if !is_host(host) {
                out.add(
                    at.key("hostedOrigins").index(h),
                    format!("“{host}” is not a bare host name such as badges.example.edu"),
                );
            }
        }
    }
}

/// Exactly one key member, and a window that runs forwards.
fn check_key_shape(key: &IssuerKey, at: &JsonPath, out: &mut Problems) {
    let members = [
        key.public_key_jwk.is_some(),
        key.public_key_multibase.is_some(),
        key.public_key_pem.is_some(),
    ];
    if members.iter().filter(|m| **m).count() != 1 {
        out.add(
            at.clone(),
            "a key needs exactly one of publicKeyJwk, publicKeyMultibase or publicKeyPem".into(),
        );
    }
    if let (Some(from), Some(until)) = (key.valid_from, key.valid_until)
        && until <= from
    {
        out.add(
            at.key("validUntil"),
            format!("the key's window ends ({until}) before it begins ({from})"),
        );
    }
}

/// The key material parses to a public key we can verify with.
fn check_key(key: &IssuerKey, at: &JsonPath, out: &mut Problems) {
    let parsed = match (
        &key.public_key_jwk,
        &key.public_key_multibase,
        &key.public_key_pem,
    ) {
        (Some(jwk), None, None) => ("publicKeyJwk", keys::from_jwk_text(jwk)),
        (None, Some(multibase), None) => ("publicKeyMultibase", keys::from_multibase(multibase)),
        (None, None, Some(pem)) => ("publicKeyPem", keys::from_pem(pem)),
        _ => return, // reported by check_key_shape
    };
    if let (member, Err(e)) = parsed {
        out.add(at.key(member), e.to_string());
    }
}

/// Records duplicates among `ids` and returns the set of ids.
fn unique_ids<'a>(
    ids: impl Iterator<Item = &'a str>,
    list: &JsonPath,
    what: &str,
    out: &mut Problems,
) -> HashSet<&'a str> {
    let mut seen = HashSet::new();
    for (i, id) in ids.enumerate() {
        if id.trim().is_empty() {
            out.add(list.index(i).key("id"), format!("the {what} id is empty"));
        } else if !seen.insert(id) {
            out.add(
                list.index(i).key("id"),
                format!("{what} id “{id}” is used twice"),
            );
        }
    }
    seen
}

fn unique_values<'a>(
    values: impl Iterator<Item = &'a str>,
    list: &JsonPath,
    field: &str,
    out: &mut Problems,
) {
    let mut seen = HashSet::new();
    for (i, value) in values.enumerate() {
        if !seen.insert(value) {
            out.add(
                list.index(i).key(field),
                format!("{field} “{value}” is used twice"),
            );
        }
    }
}

pub fn is_slug(s: &str) -> bool {
    !s.is_empty()
        && s.split('-').all(|part| {
            !part.is_empty()
                && part
                    .bytes()
                    .all(|b| b.is_ascii_lowercase() || b.is_ascii_digit())
        })
}

pub fn is_http_url(s: &str) -> bool {
    let rest = s
        .strip_prefix("https://")
        .or_else(|| s.strip_prefix("http://"));
    rest.is_some_and(|r| {
        r.split(['/', '?', '#'])
            .next()
            .is_some_and(|host| !host.is_empty())
    }) && !s.chars().any(char::is_whitespace)
}

fn is_uri(s: &str) -> bool {
    match s.split_once(':') {
        Some((scheme, rest)) => {
            !rest.is_empty()
                && scheme
                    .chars()
                    .next()
                    .is_some_and(|c| c.is_ascii_alphabetic())
                && scheme
                    .chars()
                    .all(|c| c.is_ascii_alphanumeric() || "+-.".contains(c))
                && !s.chars().any(char::is_whitespace)
        }
        None => false,
    }
}

fn is_host(s: &str) -> bool {
    let (host, port) = s.rsplit_once(':').unwrap_or((s, ""));
    !host.is_empty()
        && port.bytes().all(|b| b.is_ascii_digit())
        && host.split('.').all(|label| {
            !label.is_empty()
                && label
                    .bytes()
                    .all(|b| b.is_ascii_alphanumeric() || b == b'-')
                && !label.starts_with('-')
                && !label.ends_with('-')
        })
}

fn is_currency(s: &str) -> bool {
    s.len() == 3 && s.bytes().all(|b| b.is_ascii_uppercase())
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn syntax_helpers() {
        assert!(is_slug("data-ethics-101"));
        assert!(!is_slug("Data-Ethics") && !is_slug("a--b") && !is_slug("-a") && !is_slug(""));
        assert!(
            is_http_url("https://kestrel.edu.au/x?y#z") && is_http_url("http://localhost:8080")
        );
        assert!(
            !is_http_url("javascript:alert(1)")
                && !is_http_url("https://")
                && !is_http_url("https://a b")
        );
        assert!(is_uri("urn:uuid:1234") && is_uri("did:web:kestrel.edu.au") && !is_uri("kestrel"));
        assert!(is_host("badges.kestrel.edu.au") && is_host("127.0.0.1:8080"));
        assert!(!is_host("https://badges.kestrel.edu.au") && !is_host("a/b"));
    }
}
