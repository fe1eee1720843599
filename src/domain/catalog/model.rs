//! The catalog's data model: what `public/catalog.json` (version 1) holds.
//!
//! The JSON Schema beside the file (`public/catalog.schema.json`) describes
//! the same shape for other tools; `read.rs` reads the JSON into these types
//! and `rules.rs` adds what a schema cannot say (references resolve, series
//! have four units, keys parse). Field names are camelCase in JSON. Unknown
//! fields are ignored when reading so an older app can read a newer catalog
//! of the same version; `microcred catalog check` rejects them.

use crate::domain::date::Date;
use crate::domain::instant::UnixTime;
use crate::domain::money::Money;

/// The whole published catalog.
#[derive(Debug, Clone, Default)]
pub struct Catalog {
    /// Format version; this app reads [`super::CATALOG_VERSION`].
    pub version: u32,
    /// When the file was produced.
    pub generated_at: UnixTime,
    pub institution: Institution,
    pub disciplines: Vec<Discipline>,
    pub offerings: Vec<Offering>,
    pub series: Vec<Series>,
    pub suites: Vec<Suite>,
    pub issuers: Vec<Issuer>,
    /// Where the issuers publish revocation / status lists.
    pub status_lists: Vec<StatusList>,
    /// The enrolment terms every checkout shows and the learner accepts.
    pub terms: Terms,
}

#[derive(Debug, Clone, Default, PartialEq)]
pub struct Institution {
    pub name: String,
    /// For the header on narrow screens ("Kestrel").
    pub short_name: String,
    pub url: String,
    /// IANA zone the cohort dates are written in, e.g. `Australia/Melbourne`.
    pub time_zone: String,
    /// ISO 4217 code every fee is quoted in.
    pub currency: String,
    pub contact_email: String,
    pub logo: Option<String>,
}

#[derive(Debug, Clone, Default, PartialEq)]
pub struct Discipline {
    pub id: String,
    pub name: String,
}

/// What kind of study an offering is. Only micro-credentials are assessed
/// for credit and give a badge (DOMAIN.md, "Two kinds of study").
#[derive(Debug, Clone, Copy, Default, PartialEq, Eq, Hash)]
pub enum OfferingKind {
    #[default]
    MicroCredential,
    ShortCourse,
    Masterclass,
    Seminar,
}

impl OfferingKind {
    pub const ALL: [OfferingKind; 4] = [
        OfferingKind::MicroCredential,
        OfferingKind::ShortCourse,
        OfferingKind::Masterclass,
        OfferingKind::Seminar,
    ];

    /// The value used in JSON and URLs.
    pub fn as_str(self) -> &'static str {
        match self {
            OfferingKind::MicroCredential => "micro-credential",
            OfferingKind::ShortCourse => "short-course",
            OfferingKind::Masterclass => "masterclass",
            OfferingKind::Seminar => "seminar",
        }
    }

    /// The name a person reads.
    pub fn label(self) -> &'static str {
        match self {
            OfferingKind::MicroCredential => "Micro-credential",
            OfferingKind::ShortCourse => "Short course",
            OfferingKind::Masterclass => "Masterclass",
            OfferingKind::Seminar => "Professional development seminar",
        }
    }

    pub fn is_micro_credential(self) -> bool {
        self == OfferingKind::MicroCredential
    }
}

/// One micro-credential or short course.
#[derive(Debug, Clone, Default, PartialEq)]
pub struct Offering {
    pub id: String,
    /// The last segment of `/catalog/:slug`.
    pub slug: String,
    pub kind: OfferingKind,
    pub title: String,
    /// One or two sentences for cards and link previews.
    pub summary: String,
    /// Plain-text paragraphs.
    pub description: Vec<String>,
    /// A [`Discipline::id`].
    pub discipline: String,
    /// Hours of learning, which is also the basis of CPD points.
    pub hours: f64,
    /// CPD points most associations would recognise (usually one per hour).
    pub cpd_points: f64,
    /// 3.125 for a micro-credential, 0 for short courses.
    pub credit_points: f64,
    /// Paid upfront and in full.
    pub fee: Money,
    pub assessment: Assessment,
    pub eligibility: Eligibility,
    pub skills: Vec<String>,
    pub learning_outcomes: Vec<String>,
    /// The badge a micro-credential leads to; absent for short courses.
    pub badge: Option<BadgeSpec>,
    pub alignments: Vec<Alignment>,
    pub endorsements: Vec<Endorsement>,
    pub cohorts: Vec<Cohort>,
}

/// How (and whether) an offering is assessed. In JSON, `kind` says which
/// (`"assessed"` or `"unassessed"`) and the other members sit beside it.
#[derive(Debug, Clone, PartialEq)]
pub enum Assessment {
    Assessed {
        /// What the learner submits, in plain words.
        description: String,
        /// Total workload expressed as an equivalent word count (1,250 for a micro-credential).
        word_equivalent: u32,
        /// Overall mark needed to pass, in percent (70 for a micro-credential).
        pass_mark_percent: u8,
        tasks: Vec<String>,
    },
    Unassessed {
        note: Option<String>,
    },
}

/// A placeholder for [`crate::domain::json::FromJson`].
impl Default for Assessment {
    fn default() -> Assessment {
        Assessment::Unassessed { note: None }
    }
}

/// Who may enrol.
#[derive(Debug, Clone, Default, PartialEq)]
pub struct Eligibility {
    /// One sentence, e.g. "No prerequisites: open to anyone."
    pub summary: String,
    /// Empty when there are no prerequisites.
    pub requirements: Vec<Requirement>,
}

#[derive(Debug, Clone, Default, PartialEq)]
pub struct Requirement {
    pub id: String,
    pub kind: RequirementKind,
    /// The exact wording of the requirement, shown on the offering page.
    pub text: String,
    /// A yes/no question the checkout asks about it.
    pub question: String,
}

#[derive(Debug, Clone, Copy, Default, PartialEq, Eq)]
pub enum RequirementKind {
    #[default]
    WorkExperience,
    PriorStudy,
    ProfessionalRegistration,
    Other,
}

/// The badge an offering issues.
#[derive(Debug, Clone, Default, PartialEq)]
pub struct BadgeSpec {
    /// The Open Badges achievement (BadgeClass) id the badge carries; the
    /// wallet matches held badges to offerings by it.
    pub achievement_id: String,
    /// An [`Issuer::id`].
    pub issuer: String,
    /// Path (under the site) or https URL of the badge image.
    pub image: String,
    pub expiry: ExpiryPolicy,
}

#[derive(Debug, Clone, Copy, Default, PartialEq, Eq)]
pub enum ExpiryPolicy {
    /// The badge does not expire.
    #[default]
    Never,
    /// The badge expires this many whole years after it is issued.
    AfterYears { years: u8 },
}

/// Alignment to a professional framework or accreditation standard.
#[derive(Debug, Clone, Default, PartialEq)]
pub struct Alignment {
    pub framework: String,
    pub name: String,
    pub code: Option<String>,
    pub url: Option<String>,
}

/// An endorsement by an industry or professional body.
#[derive(Debug, Clone, Default, PartialEq)]
pub struct Endorsement {
    pub name: String,
    pub statement: Option<String>,
    pub url: Option<String>,
}

/// One run of an offering with fixed dates.
#[derive(Debug, Clone, Default, PartialEq)]
pub struct Cohort {
    /// Unique across the whole catalog: `/enrol/:cohort` names only this.
    pub id: String,
    /// First day of study, in the institution's time zone.
    pub start_date: Date,
    /// Last day of study (inclusive).
    pub end_date: Date,
    pub delivery: Delivery,
    /// Campus and room or city, for face-to-face and blended cohorts.
    pub location: Option<String>,
    /// First day enrolment is accepted; unknown when absent.
    pub enrolment_opens: Option<Date>,
    /// Last day enrolment is accepted; the start date when absent.
    pub enrolment_closes: Option<Date>,
    /// What staff have set; the dates decide the rest.
    pub status: CohortStatus,
}

#[derive(Debug, Clone, Copy, Default, PartialEq, Eq, Hash)]
pub enum Delivery {
    #[default]
    Online,
    FaceToFace,
    Blended,
}

impl Delivery {
    pub fn label(self) -> &'static str {
        match self {
            Delivery::Online => "Online",
            Delivery::FaceToFace => "Face to face",
            Delivery::Blended => "Blended",
        }
    }

    /// Whether learners must be somewhere, so a location is required.
    pub fn needs_location(self) -> bool {
        self != Delivery::Online
    }
}

/// The status staff set on a cohort. `Scheduled` means "follow the dates".
#[derive(Debug, Clone, Copy, Default, PartialEq, Eq)]
pub enum CohortStatus {
    #[default]
    Scheduled,
    Full,
    Closed,
    Cancelled,
}

/// Four micro-credentials that together make 12.5 credit points.
#[derive(Debug, Clone, Default, PartialEq)]
pub struct Series {
    pub id: String,
    pub slug: String,
    pub title: String,
    pub summary: String,
    pub discipline: String,
    /// Exactly four [`Offering::id`]s, in the suggested order of study.
    pub offerings: Vec<String>,
    /// Award courses the completed series may give credit towards.
    pub award_pathways: Vec<AwardPathway>,
}

#[derive(Debug, Clone, Default, PartialEq)]
pub struct AwardPathway {
    pub course: String,
    pub code: Option<String>,
    pub url: Option<String>,
    /// Credit the series may count for (usually 12.5).
    pub credit_points: f64,
    /// Conditions, in plain words.
    pub note: Option<String>,
}

/// Related micro-credentials that do not necessarily lead to credit.
#[derive(Debug, Clone, Default, PartialEq)]
pub struct Suite {
    pub id: String,
    pub slug: String,
    pub title: String,
    pub summary: String,
    pub offerings: Vec<String>,
}

/// An organisation whose badges the verifier trusts, with its keys.
/// Other tools produce this shape; it must not change within version 1.
#[derive(Debug, Clone, Default, PartialEq, Eq)]
pub struct Issuer {
    /// The issuer id badges name (a URI).
    pub id: String,
    pub name: String,
    pub url: String,
    pub image: Option<String>,
    pub keys: Vec<IssuerKey>,
    /// Hosts allowed to serve this issuer's hosted (Open Badges 2.0) assertions.
    pub hosted_origins: Vec<String>,
}

/// A public key with its validity window. Exactly one of the three key
/// members is present.
#[derive(Debug, Clone, Default, PartialEq, Eq)]
pub struct IssuerKey {
    pub id: String,
    /// The JWK exactly as written in the file: the app never looks inside
    /// it; the verifier and `catalog check` parse it with [`crate::domain::keys`].
    pub public_key_jwk: Option<String>,
    pub public_key_multibase: Option<String>,
    pub public_key_pem: Option<String>,
    pub valid_from: Option<UnixTime>,
    pub valid_until: Option<UnixTime>,
}

#[derive(Debug, Clone, Default, PartialEq)]
pub struct StatusList {
    pub url: String,
    /// An [`Issuer::id`].
    pub issuer: String,
    pub purpose: StatusPurpose,
}

#[derive(Debug, Clone, Copy, Default, PartialEq, Eq)]
pub enum StatusPurpose {
    #[default]
    Revocation,
    Suspension,
}

#[derive(Debug, Clone, Default, PartialEq)]
pub struct Terms {
    /// Accepted terms are recorded with this version.
    pub version: String,
    pub refund_policy: String,
    pub withdrawal_policy: String,
    pub url: Option<String>,
}
