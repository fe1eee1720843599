//! Enrolment checkout as rules with no browser: the steps and which one a
//! draft may reach, field validation, eligibility, the fee summary, and the
//! submission payload, how to read the endpoint's answer, and the same for
//! "register for updates" (DESIGN.md, "Enrolment submission contract";
//! the contract itself is `docs/enrolment.openapi.yaml`).

use crate::domain::catalog::{Catalog, Cohort, Offering};
use crate::domain::date::Date;
use crate::domain::json::{Json, Value, parse, quote};
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
    /// The `Idempotency-Key` of the submission under way: made at the first
    /// attempt, kept across retries, dropped only when the endpoint has
    /// answered for good (received, or refused with field messages).
    pub key: String,
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
    Organisation,
    Terms,
    /// Register for updates: the one name field and the consent.
    Name,
    Consent,
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
            Field::Organisation => "enrol-organisation".into(),
            Field::Terms => "enrol-terms".into(),
            Field::Name => "register-name".into(),
            Field::Consent => "register-consent".into(),
        }
    }

    /// The submission payload's name for the field (the 422 answer's keys).
    /// The step the field is on.
    pub fn step(&self) -> Step {
        match self {
            Field::Requirement(_) | Field::Declaration => Step::Eligibility,
            Field::Terms => Step::Review,
            _ => Step::Learner,
        }
    }

    /// Both `email` and `learner.email` are understood.
    pub fn from_payload_name(name: &str) -> Option<Field> {
        let name = name.strip_prefix("learner.").unwrap_or(name);
        Some(match name {
            "given_name" => Field::GivenName,
            "family_name" => Field::FamilyName,
            "email" => Field::Email,
            "phone" => Field::Phone,
            "organisation" => Field::Organisation,
            "accepted_terms_version" => Field::Terms,
            "name" => Field::Name,
            "consent" => Field::Consent,
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
    errors.extend(
        name_problem(&d.given_name, "given name").map(|message| FieldError {
            field: Field::GivenName,
            message,
        }),
    );
    errors.extend(
        name_problem(&d.family_name, "family name").map(|message| FieldError {
            field: Field::FamilyName,
            message,
        }),
    );
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
/// `return_url` is where a payment provider sends the learner back to
/// (this site's `/enrol/complete`).
pub fn payload(
    offering: &Offering,
    cohort: &Cohort,
    d: &Draft,
    terms_version: &str,
    return_url: &str,
) -> String {
    let opt = opt_text;
    let answers: Vec<String> = d
        .answers
        .iter()
        .map(|(id, yes)| format!("{}:{yes}", quote(id)))
        .collect();
    format!(
        "{{\"offering\":{},\"cohort\":{},\"learner\":{{\"given_name\":{},\"family_name\":{},\"email\":{},\"phone\":{},\"organisation\":{},\"heard_from\":{}}},\"eligibility\":{{\"answers\":{{{}}},\"declared\":{}}},\"accepted_terms_version\":{},\"fee\":{{\"amount_cents\":{},\"currency\":{}}},\"return_url\":{}}}",
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
        quote(return_url),
    )
}

fn opt_text(s: &str) -> String {
    let s = s.trim();
    if s.is_empty() {
        "null".to_owned()
    } else {
        quote(s)
    }
}

fn text_of(json: &Json, key: &str) -> String {
    json.get(key)
        .and_then(Json::as_str)
        .unwrap_or_default()
        .to_owned()
}

fn flag_of(json: &Json, key: &str) -> bool {
    matches!(json.get(key).map(|j| &j.value), Some(Value::Bool(true)))
}

impl Draft {
    /// The draft as kept in browser storage.
    pub fn to_json(&self) -> String {
        let answers: Vec<String> = self
            .answers
            .iter()
            .map(|(id, yes)| format!("{}:{yes}", quote(id)))
            .collect();
        format!(
            "{{\"v\":1,\"cohort\":{},\"answers\":{{{}}},\"declaration\":{},\"given_name\":{},\"family_name\":{},\"email\":{},\"email_again\":{},\"phone\":{},\"organisation\":{},\"heard\":{},\"accepted_terms\":{},\"key\":{}}}",
            quote(&self.cohort_id),
            answers.join(","),
            self.declaration,
            quote(&self.given_name),
            quote(&self.family_name),
            quote(&self.email),
            quote(&self.email_again),
            quote(&self.phone),
            quote(&self.organisation),
            quote(&self.heard),
            self.accepted_terms
                .as_deref()
                .map_or("null".to_owned(), quote),
            quote(&self.key),
        )
    }

    /// A stored draft; anything unreadable gives `None` (the learner starts
    /// again rather than the page failing). Long values are cut to what the
    /// form allows.
    pub fn from_json(text: &str) -> Option<Draft> {
        let json = parse(text).ok()?;
        let answers = match json.get("answers").map(|j| &j.value) {
            Some(Value::Object(members)) => members
                .iter()
                .filter_map(|(id, v)| match v.value {
                    Value::Bool(b) => Some((id.clone(), b)),
                    _ => None,
                })
                .collect(),
            _ => Vec::new(),
        };
        let cut = |key: &str| {
            text_of(&json, key)
                .chars()
                .take(MAX_FIELD)
                .collect::<String>()
        };
        Some(Draft {
            cohort_id: text_of(&json, "cohort"),
            answers,
            declaration: flag_of(&json, "declaration"),
            given_name: cut("given_name"),
            family_name: cut("family_name"),
            email: cut("email"),
            email_again: cut("email_again"),
            phone: cut("phone"),
            organisation: cut("organisation"),
            heard: cut("heard"),
            accepted_terms: json
                .get("accepted_terms")
                .and_then(Json::as_str)
                .map(str::to_owned),
            key: text_of(&json, "key"),
        })
    }

    /// Whether the answer to requirement `id` is yes, no or not given.
    pub fn answer(&self, id: &str) -> Option<bool> {
        self.answers
            .iter()
            .find(|(a, _)| a == id)
            .map(|(_, yes)| *yes)
    }

    pub fn set_answer(&mut self, id: &str, yes: bool) {
        match self.answers.iter_mut().find(|(a, _)| a == id) {
            Some(answer) => answer.1 = yes,
            None => self.answers.push((id.to_owned(), yes)),
        }
    }
}

/// The longest value any text field keeps (the inputs say so too).
pub const MAX_FIELD: usize = 254;

/// Whether the terms step is complete: the current version accepted.
pub fn terms_problem(d: &Draft, version: &str) -> Option<FieldError> {
    (d.accepted_terms.as_deref() != Some(version)).then(|| {
        error(
            Field::Terms,
            "Tick the box to accept the terms before you enrol.",
        )
    })
}

/// What the endpoint's answer means for the learner.
#[derive(Debug, Clone, PartialEq, Eq)]
pub enum Answer {
    /// Recorded (201), or recorded before (409): done. `payment_url` is an
    /// http(s) address to go to next, when the endpoint gave one.
    Received {
        reference: Option<String>,
        payment_url: Option<String>,
        already: bool,
    },
    /// Refused with reasons (422): messages at the fields, and any that
    /// belong to no field of the form.
    Refused {
        fields: Vec<FieldError>,
        other: Vec<String>,
    },
    /// Anything else: nothing is known to be recorded; keep the form and
    /// offer to try again with the same key.
    Failed(String),
}

/// Untrusted text from the endpoint, shown as text: one line, at most 300
/// characters.
fn clean(text: &str) -> String {
    let one_line: String = text
        .chars()
        .map(|c| if c.is_control() { ' ' } else { c })
        .take(300)
        .collect();
    one_line.trim().to_owned()
}

/// Reads the endpoint's answer (status and body) per the contract.
pub fn read_answer(status: u16, body: &str) -> Answer {
    let json = parse(body).ok();
    let field = |key: &str| {
        json.as_ref()
            .and_then(|j| j.get(key))
            .and_then(Json::as_str)
            .map(clean)
            .filter(|s| !s.is_empty())
    };
    match status {
        200 | 201 | 409 => Answer::Received {
            reference: field("reference"),
            payment_url: field("payment_url")
                .filter(|u| u.starts_with("https://") || u.starts_with("http://")),
            already: status == 409,
        },
        422 => {
            let mut fields = Vec::new();
            let mut other = Vec::new();
            if let Some(Value::Object(members)) = json
                .as_ref()
                .and_then(|j| j.get("errors"))
                .map(|j| &j.value)
            {
                for (name, message) in members {
                    let message = message.as_str().map(clean).unwrap_or_default();
                    let message = if message.is_empty() {
                        "This was not accepted: check it.".to_owned()
                    } else {
                        message
                    };
                    match Field::from_payload_name(name) {
                        Some(field) => fields.push(FieldError { field, message }),
                        None => other.push(message),
                    }
                }
            }
            if fields.is_empty() && other.is_empty() {
                other.push("The enrolment office did not accept the details but gave no reason. Check them, or contact the office.".to_owned());
            }
            Answer::Refused { fields, other }
        }
        _ => Answer::Failed(format!(
            "The enrolment service could not take it just now (it answered {status}). Nothing you entered is lost: try again."
        )),
    }
}

/// The reference shown after a demo submission (nothing leaves the browser).
pub fn demo_reference(key: &str) -> String {
    let tail: String = key
        .chars()
        .filter(char::is_ascii_alphanumeric)
        .take(8)
        .collect::<String>()
        .to_ascii_uppercase();
    format!("DEMO-{tail}")
}

/// What the confirmation shows, kept after the draft is cleared.
#[derive(Debug, Clone, Default, PartialEq, Eq)]
pub struct Receipt {
    pub reference: Option<String>,
    pub cohort_id: String,
    pub already: bool,
    /// Demo mode: the body that would have been sent.
    pub demo_payload: Option<String>,
}

impl Receipt {
    pub fn to_json(&self) -> String {
        format!(
            "{{\"reference\":{},\"cohort\":{},\"already\":{},\"demo_payload\":{}}}",
            self.reference.as_deref().map_or("null".to_owned(), quote),
            quote(&self.cohort_id),
            self.already,
            self.demo_payload
                .as_deref()
                .map_or("null".to_owned(), quote),
        )
    }

    pub fn from_json(text: &str) -> Option<Receipt> {
        let json = parse(text).ok()?;
        Some(Receipt {
            reference: json.get("reference").and_then(Json::as_str).map(clean),
            cohort_id: text_of(&json, "cohort"),
            already: flag_of(&json, "already"),
            demo_payload: json
                .get("demo_payload")
                .and_then(Json::as_str)
                .map(str::to_owned),
        })
    }
}

/// "Register for updates": what the learner has entered.
#[derive(Debug, Clone, Default, PartialEq, Eq)]
pub struct Interest {
    pub name: String,
    pub email: String,
    pub consent: bool,
    /// As [`Draft::key`].
    pub key: String,
}

impl Interest {
    pub fn to_json(&self) -> String {
        format!(
            "{{\"name\":{},\"email\":{},\"consent\":{},\"key\":{}}}",
            quote(&self.name),
            quote(&self.email),
            self.consent,
            quote(&self.key)
        )
    }

    pub fn from_json(text: &str) -> Option<Interest> {
        let json = parse(text).ok()?;
        let cut = |key: &str| {
            text_of(&json, key)
                .chars()
                .take(MAX_FIELD)
                .collect::<String>()
        };
        Some(Interest {
            name: cut("name"),
            email: cut("email"),
            consent: flag_of(&json, "consent"),
            key: text_of(&json, "key"),
        })
    }
}

pub fn validate_interest(i: &Interest) -> Vec<FieldError> {
    let mut errors = Vec::new();
    errors.extend(name_problem(&i.name, "name").map(|message| FieldError {
        field: Field::Name,
        message,
    }));
    if let Some(m) = email_problem(&i.email) {
        errors.push(error(Field::Email, m));
    }
    if !i.consent {
        errors.push(error(
            Field::Consent,
            "Tick the box to agree that we may email you about this course.",
        ));
    }
    errors
}

/// The body POSTed to the interest endpoint.
pub fn interest_payload(offering: &Offering, i: &Interest) -> String {
    format!(
        "{{\"offering\":{},\"name\":{},\"email\":{},\"consent\":{}}}",
        quote(&offering.id),
        quote(i.name.trim()),
        quote(&i.email.trim().to_lowercase()),
        i.consent
    )
}
