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
    let body = payload(
        offering,
        cohort,
        &complete(),
        &catalog.terms.version,
        "https://courses.example/enrol/complete",
    );
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
    assert_eq!(json["return_url"], "https://courses.example/enrol/complete");
    assert_eq!(Field::from_payload_name("email"), Some(Field::Email));
    assert_eq!(
        Field::from_payload_name("learner.phone"),
        Some(Field::Phone)
    );
    assert_eq!(Field::from_payload_name("cohort"), None);
    // A name with a quote and a `<` stays valid JSON.
    let d = Draft {
        organisation: "Bell & \"Co\" <Pty>".into(),
        ..complete()
    };
    let json: serde_json::Value =
        serde_json::from_str(&payload(offering, cohort, &d, "v", "u")).unwrap();
    assert_eq!(json["learner"]["organisation"], "Bell & \"Co\" <Pty>");
}

#[test]
fn a_draft_survives_storage_and_bad_storage_gives_none() {
    let d = Draft {
        accepted_terms: Some("2026-10".into()),
        key: "6f1c1c1e-1d1b-4c8e-9a7f-1e2d3c4b5a69".into(),
        heard: "A colleague\nsaid \"go\"".into(),
        ..complete()
    };
    assert_eq!(Draft::from_json(&d.to_json()), Some(d.clone()));
    assert_eq!(Draft::from_json("{not json"), None);
    // Wrong types are dropped, not trusted; long values are cut.
    let odd = Draft::from_json(
        &format!("{{\"cohort\":7,\"answers\":{{\"a\":\"yes\",\"b\":false}},\"declaration\":\"true\",\"phone\":\"{}\"}}", "9".repeat(5000)),
    )
    .unwrap();
    assert_eq!(odd.cohort_id, "");
    assert_eq!(odd.answers, [("b".to_owned(), false)]);
    assert!(!odd.declaration);
    assert_eq!(odd.phone.len(), MAX_FIELD);
    let mut d = Draft::default();
    d.set_answer("x", false);
    d.set_answer("x", true);
    assert_eq!(d.answer("x"), Some(true));
    assert_eq!(d.answer("y"), None);
}

#[test]
fn the_endpoints_answers_are_read_per_the_contract() {
    assert_eq!(
        read_answer(
            201,
            r#"{"reference":"ENR-1","payment_url":"https://pay.example/s/1"}"#
        ),
        Answer::Received {
            reference: Some("ENR-1".into()),
            payment_url: Some("https://pay.example/s/1".into()),
            already: false
        }
    );
    // Only http(s) payment addresses are followed.
    let Answer::Received { payment_url, .. } = read_answer(
        201,
        r#"{"reference":"R","payment_url":"javascript:alert(1)"}"#,
    ) else {
        panic!()
    };
    assert_eq!(payment_url, None);
    assert_eq!(
        read_answer(409, r#"{"reference":"ENR-1"}"#),
        Answer::Received {
            reference: Some("ENR-1".into()),
            payment_url: None,
            already: true
        }
    );
    // A 201 that is not JSON is still a success (the key makes a retry safe).
    assert!(matches!(
        read_answer(201, "<html>"),
        Answer::Received {
            reference: None,
            ..
        }
    ));
    let Answer::Refused { fields, other } = read_answer(
        422,
        r#"{"errors":{"learner.email":"This address bounced.","cohort":"The cohort is now full.","phone":7}}"#,
    ) else {
        panic!()
    };
    assert_eq!(fields[0].field, Field::Email);
    assert_eq!(fields[0].message, "This address bounced.");
    assert_eq!(fields[1].field, Field::Phone);
    assert!(!fields[1].message.is_empty());
    assert_eq!(other, ["The cohort is now full."]);
    let Answer::Refused { fields, other } = read_answer(422, "oops") else {
        panic!()
    };
    assert!(fields.is_empty() && other.len() == 1);
    for status in [500, 502, 503, 400, 0] {
        let Answer::Failed(message) = read_answer(status, "") else {
            panic!("{status}")
        };
        assert!(message.contains("try again"), "{message}");
    }
    // Untrusted text is one line, at most 300 characters.
    let long = format!(
        r#"{{"errors":{{"email":"{}\nline two"}}}}"#,
        "x".repeat(400)
    );
    let Answer::Refused { fields, .. } = read_answer(422, &long) else {
        panic!()
    };
    assert_eq!(fields[0].message.chars().count(), 300);
    assert_eq!(demo_reference("6f1c1c1e-1d1b"), "DEMO-6F1C1C1E");
    let receipt = Receipt {
        reference: Some("R-9".into()),
        cohort_id: "tdr-2027-03".into(),
        already: true,
        demo_payload: Some("{\"a\":1}".into()),
    };
    assert_eq!(Receipt::from_json(&receipt.to_json()), Some(receipt));
}

#[test]
fn register_for_updates_needs_a_name_an_email_and_consent() {
    let catalog = catalog();
    let offering = catalog.offering_by_slug("urban-sketching").unwrap();
    let fields = |i: &Interest| -> Vec<Field> {
        validate_interest(i).into_iter().map(|e| e.field).collect()
    };
    assert_eq!(
        fields(&Interest::default()),
        [Field::Name, Field::Email, Field::Consent]
    );
    let i = Interest {
        name: "Aroha Ngata".into(),
        email: "Aroha@Example.org".into(),
        consent: true,
        key: "k".into(),
    };
    assert!(fields(&i).is_empty());
    assert_eq!(Interest::from_json(&i.to_json()), Some(i.clone()));
    let json: serde_json::Value = serde_json::from_str(&interest_payload(offering, &i)).unwrap();
    assert_eq!(json["email"], "aroha@example.org");
    assert_eq!(json["offering"], offering.id.as_str());
    assert_eq!(json["consent"], true);
    assert_eq!(Field::Consent.id(), "register-consent");
}

#[test]
fn config_endpoints_and_the_submission_timeout() {
    use microcred::domain::config::Config;
    let c = Config::from_json(
        r#"{"enrolment_endpoint":"https://enrol.example/v1/enrolments","interest_endpoint":"ftp://x","submit_timeout_seconds":3}"#,
    )
    .unwrap();
    assert_eq!(
        c.enrolment_endpoint.as_deref(),
        Some("https://enrol.example/v1/enrolments")
    );
    assert_eq!(c.interest_endpoint, None, "only http(s) endpoints");
    assert_eq!(c.submit_timeout_ms(), 3000);
    let none =
        Config::from_json(r#"{"enrolment_endpoint":null,"submit_timeout_seconds":null}"#).unwrap();
    assert_eq!(none.enrolment_endpoint, None);
    assert_eq!(none.submit_timeout_ms(), 20_000);
    assert!(Config::from_json(r#"{"submit_timeout_seconds":0}"#).is_err());
}
