//! The catalog rules (`domain::catalog::rules`), called on built values: one
//! row per rule, named by the sentence it enforces. Each row breaks one thing
//! in the shipped catalog and expects a problem at that JSON path, in words
//! staff can act on. (`tests/cli.rs` keeps the end-to-end runs of
//! `microcred catalog check`.)

use microcred::domain::catalog::{Catalog, Delivery, ExpiryPolicy, OfferingKind, rules};

fn shipped() -> Catalog {
    let text = std::fs::read_to_string(
        std::path::Path::new(env!("CARGO_MANIFEST_DIR")).join("public/catalog.json"),
    )
    .expect("the shipped catalog is readable");
    Catalog::from_json(&text).expect("the shipped catalog loads")
}

type Edit = fn(&mut Catalog);

#[test]
fn the_shipped_catalog_breaks_no_rule() {
    let problems = rules::check(&shipped());
    assert!(problems.is_empty(), "{problems:#?}");
}

#[test]
fn each_rule_names_the_path_and_says_what_is_wrong() {
    let rows: Vec<(&str, Edit, &str, &str)> = vec![
        (
            "ids of offerings are unique",
            |c| c.offerings[1].id = c.offerings[0].id.clone(),
            "$.offerings[1].id",
            "used twice",
        ),
        (
            "slugs of offerings are unique",
            |c| c.offerings[1].slug = c.offerings[0].slug.clone(),
            "$.offerings[1].slug",
            "used twice",
        ),
        (
            "a slug is lower-case words joined by hyphens",
            |c| c.offerings[0].slug = "Health Data".into(),
            "$.offerings[0].slug",
            "not a slug",
        ),
        (
            "cohort ids are unique across the catalog",
            |c| c.offerings[2].cohorts[0].id = c.offerings[0].cohorts[0].id.clone(),
            "$.offerings[2].cohorts[0].id",
            "used twice",
        ),
        (
            "an offering's discipline is one of the catalog's",
            |c| c.offerings[2].discipline = "astrology".into(),
            "$.offerings[2].discipline",
            "not in $.disciplines",
        ),
        (
            "a fee is not negative",
            |c| c.offerings[0].fee.amount_cents = -100,
            "$.offerings[0].fee.amountCents",
            "cannot be negative",
        ),
        (
            "fees are in the institution's currency",
            |c| c.offerings[0].fee.currency = "EUR".into(),
            "$.offerings[0].fee.currency",
            "not EUR",
        ),
        (
            "hours are zero or more",
            |c| c.offerings[0].hours = -1.0,
            "$.offerings[0].hours",
            "zero or more",
        ),
        (
            "a micro-credential is worth its fixed credit points",
            |c| c.offerings[0].credit_points = 5.0,
            "$.offerings[0].creditPoints",
            "3.125",
        ),
        (
            "a short course carries no credit",
            |c| {
                let i = c
                    .offerings
                    .iter()
                    .position(|o| o.kind != OfferingKind::MicroCredential)
                    .unwrap();
                c.offerings[i].credit_points = 1.0;
                c.offerings.swap(0, i);
            },
            "$.offerings[0].creditPoints",
            "no credit",
        ),
        (
            "a micro-credential names the badge it issues",
            |c| c.offerings[0].badge = None,
            "$.offerings[0].badge",
            "must name the badge",
        ),
        (
            "a badge's issuer is one of the catalog's",
            |c| c.offerings[0].badge.as_mut().unwrap().issuer = "https://evil.example/".into(),
            "$.offerings[0].badge.issuer",
            "not in $.issuers",
        ),
        (
            "achievement ids are URIs",
            |c| c.offerings[0].badge.as_mut().unwrap().achievement_id = "not a uri".into(),
            "$.offerings[0].badge.achievementId",
            "not a URI",
        ),
        (
            "an achievement belongs to one offering",
            |c| {
                let id = c.offerings[0]
                    .badge
                    .as_ref()
                    .unwrap()
                    .achievement_id
                    .clone();
                c.offerings[1].badge.as_mut().unwrap().achievement_id = id;
            },
            "$.offerings[1].badge.achievementId",
            "used by another offering",
        ),
        (
            "a badge that expires lasts at least a year",
            |c| {
                c.offerings[0].badge.as_mut().unwrap().expiry =
                    ExpiryPolicy::AfterYears { years: 0 }
            },
            "$.offerings[0].badge.expiry.years",
            "at least one year",
        ),
        (
            "a cohort ends after it starts",
            |c| c.offerings[1].cohorts[0].end_date = "2026-01-01".parse().unwrap(),
            "$.offerings[1].cohorts[0].endDate",
            "before it starts",
        ),
        (
            "enrolment closes after it opens",
            |c| {
                let cohort = &mut c.offerings[1].cohorts[0];
                cohort.enrolment_opens = Some("2026-10-01".parse().unwrap());
                cohort.enrolment_closes = Some("2026-09-01".parse().unwrap());
            },
            "$.offerings[1].cohorts[0].enrolmentCloses",
            "before it opens",
        ),
        (
            "face-to-face delivery has a location",
            |c| {
                let cohort = &mut c.offerings[1].cohorts[0];
                cohort.delivery = Delivery::FaceToFace;
                cohort.location = None;
            },
            "$.offerings[1].cohorts[0].location",
            "needs a location",
        ),
        (
            "a series is exactly four different micro-credentials",
            |c| {
                c.series[0].offerings.pop();
            },
            "$.series[0].offerings",
            "exactly 4",
        ),
        (
            "a series lists offerings the catalog has",
            |c| c.series[0].offerings[3] = "mc-nowhere".into(),
            "$.series[0].offerings[3]",
            "not in $.offerings",
        ),
        (
            "a series holds micro-credentials only",
            |c| {
                let short = c
                    .offerings
                    .iter()
                    .find(|o| o.kind != OfferingKind::MicroCredential)
                    .unwrap()
                    .id
                    .clone();
                c.series[0].offerings[3] = short;
            },
            "$.series[0].offerings[3]",
            "not a micro-credential",
        ),
        (
            "a micro-credential belongs to one series at most",
            |c| c.series[1].offerings[0] = c.series[0].offerings[0].clone(),
            "$.series[1].offerings[0]",
            "already in series",
        ),
        (
            "a series names an award course it can lead to",
            |c| c.series[0].award_pathways.clear(),
            "$.series[0].awardPathways",
            "at least one award course",
        ),
        (
            "credit towards an award is more than zero",
            |c| c.series[0].award_pathways[0].credit_points = 0.0,
            "$.series[0].awardPathways[0].creditPoints",
            "more than zero",
        ),
        (
            "a suite lists at least one micro-credential",
            |c| c.suites[0].offerings.clear(),
            "$.suites[0].offerings",
            "at least one",
        ),
        (
            "an issuer's id is a URI",
            |c| c.issuers[0].id = "kestrel".into(),
            "$.issuers[0].id",
            "not a URI",
        ),
        (
            "an issuer can verify something: a key or a hosted origin",
            |c| {
                c.issuers[0].keys.clear();
                c.issuers[0].hosted_origins.clear();
            },
            "$.issuers[0].keys",
            "at least one key",
        ),
        (
            "key ids are unique within an issuer",
            |c| c.issuers[0].keys[1].id = c.issuers[0].keys[0].id.clone(),
            "$.issuers[0].keys[1].id",
            "used twice",
        ),
        (
            "a key has exactly one public form",
            |c| {
                let key = &mut c.issuers[0].keys[0];
                key.public_key_pem = Some("-----BEGIN PUBLIC KEY-----".into());
                key.public_key_multibase = Some("z6Mk".into());
            },
            "$.issuers[0].keys[0]",
            "exactly one of",
        ),
        (
            "a multikey parses",
            |c| {
                let key = &mut c.issuers[0].keys[0];
                key.public_key_jwk = None;
                key.public_key_pem = None;
                key.public_key_multibase = Some("z6MkfakeKey".into());
            },
            "$.issuers[0].keys[0].publicKeyMultibase",
            "",
        ),
        (
            "a key's window ends after it begins",
            |c| {
                let key = &mut c.issuers[0].keys[1];
                key.valid_from = Some("2024-01-01T00:00:00Z".parse().unwrap());
                key.valid_until = Some("2021-01-01T00:00:00Z".parse().unwrap());
            },
            "$.issuers[0].keys[1].validUntil",
            "before it begins",
        ),
        (
            "a hosted origin is a bare host name",
            |c| c.issuers[0].hosted_origins = vec!["https://badges.example/".into()],
            "$.issuers[0].hostedOrigins[0]",
            "bare host name",
        ),
        (
            "a status list belongs to a known issuer",
            |c| c.status_lists[0].issuer = "https://nobody.example/".into(),
            "$.statusLists[0].issuer",
            "not in $.issuers",
        ),
        (
            "a status list is fetched over http(s)",
            |c| c.status_lists[0].url = "ftp://lists.example/1".into(),
            "$.statusLists[0].url",
            "not an http(s) URL",
        ),
        (
            "the terms have a version so acceptance can be recorded",
            |c| c.terms.version = " ".into(),
            "$.terms.version",
            "need a version",
        ),
    ];
    let base = shipped();
    for (rule, edit, path, words) in rows {
        let mut catalog = base.clone();
        edit(&mut catalog);
        let problems = rules::check(&catalog);
        let found = problems.iter().find(|p| p.path.to_string() == path);
        let Some(problem) = found else {
            panic!("{rule}: expected a problem at {path}, got {problems:#?}");
        };
        assert!(
            problem.message.contains(words),
            "{rule}: expected “{words}” in “{}”",
            problem.message
        );
    }
}
