//! Enrolment checkout as rules with no browser: the steps and which one a
//! draft may reach, field validation, eligibility, the fee summary, and the
//! submission payload (DESIGN.md, "Enrolment submission contract").
//! (Work in progress for the checkout issue.)

use crate::domain::catalog::{Catalog, Cohort, Offering};
use crate::domain::date::Date;
use crate::domain::json::quote;
use crate::domain::money::Money;

/// The checkout's steps, in order. Each has its own URL (`?step=`).
#[derive(Debug, Clone, Copy, PartialEq, Eq, PartialOrd, Ord)]
pub enum Step {
    Cohort,
    Eligibility,
    Learner,
    Review,
    Confirmation,
}

impl Step {
    pub const ALL: [Step; 5] = [
        Step::Cohort,
        Step::Eligibility,
        Step::Learner,
        Step::Review,
        Step::Confirmation,
    ];

    pub fn key(self) -> &'static str {
        match self {
            Step::Cohort => "cohort",
            Step::Eligibility => "eligibility",
            Step::Learner => "details",
            Step::Review => "review",
            Step::Confirmation => "done",
        }
    }

    pub fn from_key(key: &str) -> Step {
        Step::ALL
            .into_iter()
            .find(|s| s.key() == key)
            .unwrap_or(Step::Cohort)
    }

    pub fn title(self) -> &'static str {
        match self {
            Step::Cohort => "The course and dates",
            Step::Eligibility => "Can you enrol?",
            Step::Learner => "Your details",
            Step::Review => "Fees and terms",
            Step::Confirmation => "Done",
        }
    }
}

/// What the learner has entered so far (kept in the browser as a draft).
#[derive(Debug, Clone, Default, PartialEq, Eq)]
pub struct Draft {
    pub cohort_id: String,
    /// Answers to the offering's requirement questions, by requirement id.
    pub answers: Vec<(String, bool)>,
    pub declaration: bool,
    pub given_name: String,
    pub family_name: String,
    pub email: String,
    pub email_again: String,
    pub phone: String,
    pub organisation: String,
    pub heard: String,
    /// The terms version accepted, if accepted.
    pub accepted_terms: Option<String>,
}

/// A field of the form, for messages and the error summary's links.
#[derive(Debug, Clone, PartialEq, Eq)]
pub enum Field {
    Requirement(String),
    Declaration,
    GivenName,
    FamilyName,
    Email,
    EmailAgain,
    Phone,
    Terms,
}

impl Field {
    /// The element id the error summary links to.
    pub fn id(&self) -> String {
        match self {
            Field::Requirement(id) => format!("enrol-req-{id}"),
            Field::Declaration => "enrol-declaration".into(),
            Field::GivenName => "enrol-given".into(),
            Field::FamilyName => "enrol-family".into(),
            Field::Email => "enrol-email".into(),
            Field::EmailAgain => "enrol-email-again".into(),
            Field::Phone => "enrol-phone".into(),
            Field::Terms => "enrol-terms".into(),
        }
    }

    /// The submission payload's name for the field (the 422 answer's keys).
    pub fn from_payload_name(name: &str) -> Option<Field> {
        Some(match name {
            "given_name" => Field::GivenName,
            "family_name" => Field::FamilyName,
            "email" => Field::Email,
            "phone" => Field::Phone,
            "accepted_terms_version" => Field::Terms,
            _ => return None,
        })
    }
}

#[derive(Debug, Clone, PartialEq, Eq)]
pub struct FieldError {
    pub field: Field,
    pub message: String,
}

fn error(field: Field, message: &str) -> FieldError {
    FieldError {
        field,
        message: message.to_owned(),
    }
}

/// A name in any script: letters of any alphabet, marks, spaces, hyphens
/// and apostrophes; at most 100 characters; no digits or control characters.
fn name_problem(name: &str, which: &str) -> Option<String> {
    let name = name.trim();
    if name.is_empty() {
        return Some(format!("Enter your {which}."));
    }
    if name.chars().count() > 100 {
        return Some(format!("Your {which} is longer than 100 characters."));
    }
    if name
        .chars()
        .any(|c| c.is_control() || c.is_ascii_digit() || "<>{}[]\\/@#$%^*=+|~`\"".contains(c))
    {
        return Some(format!(
            "Your {which} can have letters of any alphabet, spaces, hyphens and apostrophes."
        ));
    }
    None
}

/// A deliberately plain email check: one `@`, something before it, a dot in
/// the domain, no spaces. (The university's system confirms it by mail.)
pub fn email_problem(email: &str) -> Option<&'static str> {
    let email = email.trim();
    if email.is_empty() {
        return Some("Enter your email address.");
    }
    let Some((local, domain)) = email.split_once('@') else {
        return Some("Enter an email address with an @, like name@example.com.");
    };
    let bad = local.is_empty()
        || domain.contains('@')
        || !domain.contains('.')
        || domain.starts_with('.')
        || domain.ends_with('.')
        || email.chars().any(|c| c.is_whitespace() || c.is_control())
        || email.len() > 254;
    bad.then_some("Enter an email address like name@example.com.")
}

/// An international phone number: `+`, a country code and the number, 8 to
/// 15 digits in all; spaces, hyphens, dots and brackets are allowed between.
pub fn phone_problem(phone: &str) -> Option<&'static str> {
    let phone = phone.trim();
    if phone.is_empty() {
        return Some("Enter a phone number, starting with + and your country code.");
    }
    if !phone.starts_with('+') {
        return Some("Start the number with + and your country code, like +61 3 9000 0000.");
    }
    let rest = &phone[1..];
    if rest
        .chars()
        .any(|c| !(c.is_ascii_digit() || " -.()".contains(c)))
    {
        return Some("A phone number has only digits, spaces, hyphens, dots and brackets.");
    }
    let digits = rest.chars().filter(char::is_ascii_digit).count();
    (!(8..=15).contains(&digits)).then_some("A full international number has 8 to 15 digits.")
}

/// Problems with the learner's details, in the order the fields appear.
pub fn validate_learner(d: &Draft) -> Vec<FieldError> {
    let mut errors = Vec::new();
    if let Some(m) = name_problem(&d.given_name, "given name") {
        errors.push(FieldError {
            field: Field::GivenName,
            message: m,
        });
    }
    if let Some(m) = name_problem(&d.family_name, "family name") {
        errors.push(FieldError {
            field: Field::FamilyName,
            message: m,
        });
    }
    if let Some(m) = email_problem(&d.email) {
        errors.push(error(Field::Email, m));
    } else if d.email.trim().to_lowercase() != d.email_again.trim().to_lowercase() {
        errors.push(error(
            Field::EmailAgain,
            "The two email addresses are different: type the same address twice.",
        ));
    }
    if let Some(m) = phone_problem(&d.phone) {
        errors.push(error(Field::Phone, m));
    }
    errors
}

/// What the eligibility step concludes.
#[derive(Debug, Clone, PartialEq, Eq)]
pub enum Eligibility {
    /// Every question answered yes and the declaration made.
    Eligible,
    /// Something is unanswered: the messages, by field.
    Incomplete(Vec<FieldError>),
    /// A requirement is not met: the requirement texts the learner does not meet.
    NotEligible(Vec<String>),
}

pub fn eligibility(offering: &Offering, d: &Draft) -> Eligibility {
    let mut missing = Vec::new();
    let mut unmet = Vec::new();
    for r in &offering.eligibility.requirements {
        match d.answers.iter().find(|(id, _)| *id == r.id) {
            None => missing.push(error(Field::Requirement(r.id.clone()), "Answer yes or no.")),
            Some((_, false)) => unmet.push(r.text.clone()),
            Some((_, true)) => {}
        }
    }
    if !unmet.is_empty() {
        return Eligibility::NotEligible(unmet);
    }
    if !d.declaration {
        missing.push(error(
            Field::Declaration,
            "Confirm that what you have said is true.",
        ));
    }
    if missing.is_empty() {
        Eligibility::Eligible
    } else {
        Eligibility::Incomplete(missing)
    }
}

/// Why a cohort cannot be enrolled in now.
#[derive(Debug, Clone, PartialEq, Eq)]
pub enum Closed {
    Unknown,
    Full,
    NotOpen { opens: Option<Date> },
    Ended,
}

impl Closed {
    pub fn message(&self) -> String {
        match self {
            Closed::Unknown => "There is no such intake. It may have been withdrawn: choose a date from the course's page.".into(),
            Closed::Full => "This intake is full. Choose another date, or register for updates about new ones.".into(),
            Closed::NotOpen { opens: Some(d) } => format!("Enrolment for this intake opens on {}.", d.long()),
            Closed::NotOpen { opens: None } => "Enrolment for this intake has not opened yet.".into(),
            Closed::Ended => "Enrolment for this intake has closed. Choose a later date from the course's page.".into(),
        }
    }
}

/// The offering and cohort, if enrolment is open on `today`.
pub fn open_cohort<'c>(
    catalog: &'c Catalog,
    cohort_id: &str,
    today: Date,
) -> Result<(&'c Offering, &'c Cohort), Closed> {
    use crate::domain::catalog::Availability;
    let (offering, cohort) = catalog.cohort(cohort_id).ok_or(Closed::Unknown)?;
    match cohort.availability(today) {
        Availability::Open { .. } => Ok((offering, cohort)),
        Availability::Full => Err(Closed::Full),
        Availability::NotYetOpen { opens } => Err(Closed::NotOpen { opens }),
        _ => Err(Closed::Ended),
    }
}

/// The furthest step a draft may be on: a step needs every earlier one
/// complete, so a URL cannot skip ahead.
pub fn furthest_step(offering: &Offering, d: &Draft, submitted: bool) -> Step {
    if submitted {
        return Step::Confirmation;
    }
    if eligibility(offering, d) != Eligibility::Eligible {
        return Step::Eligibility;
    }
    if !validate_learner(d).is_empty() {
        return Step::Learner;
    }
    Step::Review
}

/// The fee facts the review step states, in words.
pub fn fee_summary(offering: &Offering) -> Vec<String> {
    let fee: &Money = &offering.fee;
    if fee.is_free() {
        return vec!["There is no fee for this course.".to_owned()];
    }
    vec![
        format!("The fee is {fee}, paid in full when you enrol."),
        "It cannot be paid in instalments.".to_owned(),
        "FEE-HELP and other government loans do not cover micro-credentials or short courses."
            .to_owned(),
    ]
}

/// The submission's JSON body (the contract in docs/enrolment.openapi.yaml).
pub fn payload(offering: &Offering, cohort: &Cohort, d: &Draft, terms_version: &str) -> String {
    let opt = |s: &str| {
        let s = s.trim();
        if s.is_empty() {
            "null".to_owned()
        } else {
            quote(s)
        }
    };
    let answers: Vec<String> = d
        .answers
        .iter()
        .map(|(id, yes)| format!("{}:{yes}", quote(id)))
        .collect();
    format!(
        "{{\"offering\":{},\"cohort\":{},\"learner\":{{\"given_name\":{},\"family_name\":{},\"email\":{},\"phone\":{},\"organisation\":{},\"heard_from\":{}}},\"eligibility\":{{\"answers\":{{{}}},\"declared\":{}}},\"accepted_terms_version\":{},\"fee\":{{\"amount_cents\":{},\"currency\":{}}}}}",
        quote(&offering.id),
        quote(&cohort.id),
        quote(d.given_name.trim()),
        quote(d.family_name.trim()),
        quote(&d.email.trim().to_lowercase()),
        quote(d.phone.trim()),
        opt(&d.organisation),
        opt(&d.heard),
        answers.join(","),
        d.declaration,
        quote(terms_version),
        offering.fee.amount_cents,
        quote(&offering.fee.currency),
    )
}
