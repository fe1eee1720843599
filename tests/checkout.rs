//! The checkout's rules (src/domain/checkout): steps, validation, eligibility,
//! closed cohorts, the fee summary and the payload, over the demo catalog.

#![cfg(not(target_arch = "wasm32"))]

use microcred::domain::catalog::Catalog;
use microcred::domain::checkout::*;
use microcred::domain::date::Date;

fn catalog() -> Catalog {
    Catalog::from_json(include_str!("../public/catalog.json")).expect("the demo catalog")
}

fn demo_day() -> Date {
    "2026-11-30".parse().unwrap()
}

fn complete() -> Draft {
    Draft {
        cohort_id: "tdr-2027-03".into(),
        answers: vec![("req-tdr-study".into(), true)],
        declaration: true,
        given_name: "Ngũgĩ".into(),
        family_name: "O'Brien-Nakamura".into(),
        email: "Learner@Example.com ".into(),
        email_again: "learner@example.com".into(),
        phone: "+61 (3) 9000-0000".into(),
        ..Draft::default()
    }
}

#[test]
fn names_in_any_script_and_plain_email_and_phone_rules() {
    assert!(validate_learner(&complete()).is_empty());
    for name in ["李", "Zoë", "Мария", "محمد", "D'Arcy-Smith", "José María"] {
        let d = Draft {
            given_name: name.into(),
            ..complete()
        };
        assert!(validate_learner(&d).is_empty(), "{name}");
    }
    let d = Draft {
        given_name: " ".into(),
        family_name: "R2D2".into(),
        email: "no-at-sign".into(),
        phone: "9000 0000".into(),
        ..complete()
    };
    let fields: Vec<Field> = validate_learner(&d).into_iter().map(|e| e.field).collect();
    assert_eq!(
        fields,
        [
            Field::GivenName,
            Field::FamilyName,
            Field::Email,
            Field::Phone
        ]
    );
    let d = Draft {
        email_again: "other@example.com".into(),
        ..complete()
    };
    assert_eq!(validate_learner(&d)[0].field, Field::EmailAgain);
    for bad in [
        "a@b",
        "@example.com",
        "a b@example.com",
        "a@@example.com",
        "a@example.com.",
    ] {
        assert!(email_problem(bad).is_some(), "{bad}");
    }
    for (phone, ok) in [
        ("+1 555 0100 2000", true),
        ("+6139000", false),
        ("+61 3 9000 0000 0000 000", false),
        ("+61 3 9000 abcd", false),
    ] {
        assert_eq!(phone_problem(phone).is_none(), ok, "{phone}");
    }
}

#[test]
fn eligibility_stops_at_an_unmet_requirement_and_steps_cannot_be_skipped() {
    let catalog = catalog();
    let (offering, _) =
        open_cohort(&catalog, "tdr-2027-03", demo_day()).expect("open on the demo day");
    assert_eq!(eligibility(offering, &complete()), Eligibility::Eligible);
    assert_eq!(furthest_step(offering, &complete(), false), Step::Review);
    let no = Draft {
        answers: vec![("req-tdr-study".into(), false)],
        ..complete()
    };
    let Eligibility::NotEligible(unmet) = eligibility(offering, &no) else {
        panic!()
    };
    assert_eq!(unmet.len(), 1);
    assert_eq!(furthest_step(offering, &no, false), Step::Eligibility);
    let unanswered = Draft {
        answers: vec![],
        declaration: false,
        ..complete()
    };
    let Eligibility::Incomplete(missing) = eligibility(offering, &unanswered) else {
        panic!()
    };
    assert_eq!(missing.len(), 2);
    assert_eq!(missing[0].field.id(), "enrol-req-req-tdr-study");
    let bad_phone = Draft {
        phone: "123".into(),
        ..complete()
    };
    assert_eq!(furthest_step(offering, &bad_phone, false), Step::Learner);
    assert_eq!(
        furthest_step(offering, &bad_phone, true),
        Step::Confirmation
    );
    for step in Step::ALL {
        assert_eq!(Step::from_key(step.key()), step);
    }
    assert_eq!(Step::from_key("nonsense"), Step::Cohort);
}

#[test]
fn closed_full_unknown_and_not_yet_open_cohorts_are_refused() {
    let catalog = catalog();
    let day = demo_day();
    assert_eq!(
        open_cohort(&catalog, "no-such", day).unwrap_err(),
        Closed::Unknown
    );
    assert_eq!(
        open_cohort(&catalog, "cdv-2027-03", day).unwrap_err(),
        Closed::Full
    );
    assert_eq!(
        open_cohort(&catalog, "hdf-2026-07", day).unwrap_err(),
        Closed::Ended
    );
    let Err(Closed::NotOpen { opens: Some(opens) }) = open_cohort(&catalog, "hdf-2027-05", day)
    else {
        panic!("hdf-2027-05 opens later")
    };
    assert_eq!(opens.to_string(), "2027-02-15");
    assert!(
        Closed::NotOpen { opens: Some(opens) }
            .message()
            .contains("15 February 2027")
    );
    assert!(open_cohort(&catalog, "hdf-2027-02", day).is_ok());
}

#[test]
fn fee_summary_and_payload() {
    let catalog = catalog();
    let (offering, cohort) = open_cohort(&catalog, "tdr-2027-03", demo_day()).unwrap();
    let lines = fee_summary(offering);
    assert!(lines[0].contains(&offering.fee.to_string()) && lines[0].contains("in full"));
    assert!(lines.iter().any(|l| l.contains("instalments")));
    assert!(lines.iter().any(|l| l.contains("FEE-HELP")));
    let body = payload(offering, cohort, &complete(), &catalog.terms.version);
    let json: serde_json::Value = serde_json::from_str(&body).expect("valid JSON");
    assert_eq!(json["cohort"], "tdr-2027-03");
    assert_eq!(json["learner"]["email"], "learner@example.com");
    assert_eq!(json["learner"]["given_name"], "Ngũgĩ");
    assert_eq!(json["learner"]["organisation"], serde_json::Value::Null);
    assert_eq!(json["eligibility"]["answers"]["req-tdr-study"], true);
    assert_eq!(
        json["accepted_terms_version"],
        catalog.terms.version.as_str()
    );
    assert_eq!(json["fee"]["amount_cents"], offering.fee.amount_cents);
    assert_eq!(Field::from_payload_name("email"), Some(Field::Email));
}
