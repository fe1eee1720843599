//! Reading `catalog.json` into the model: one line per field, with the JSON
//! name beside the Rust one. `req` fields must be present, `opt` fields may
//! be absent or null, `list` fields read as empty when absent. See
//! `crate::domain::json` for why this is not serde derive.

use super::model::*;
use crate::domain::json::{FromJson, Json, Reader};

impl FromJson for Catalog {
    fn read<'j>(r: &mut Reader<'j>, json: &'j Json) -> Catalog {
        let o = r.object(json);
        Catalog {
            version: r.req(o, "version"),
            generated_at: r.req(o, "generatedAt"),
            institution: r.req(o, "institution"),
            disciplines: r.req(o, "disciplines"),
            offerings: r.req(o, "offerings"),
            series: r.list(o, "series"),
            suites: r.list(o, "suites"),
            issuers: r.req(o, "issuers"),
            status_lists: r.list(o, "statusLists"),
            terms: r.req(o, "terms"),
        }
    }
}

impl FromJson for Institution {
    fn read<'j>(r: &mut Reader<'j>, json: &'j Json) -> Institution {
        let o = r.object(json);
        Institution {
            name: r.req(o, "name"),
            short_name: r.req(o, "shortName"),
            url: r.req(o, "url"),
            time_zone: r.req(o, "timeZone"),
            currency: r.req(o, "currency"),
            contact_email: r.req(o, "contactEmail"),
            logo: r.opt(o, "logo"),
        }
    }
}

impl FromJson for Discipline {
    fn read<'j>(r: &mut Reader<'j>, json: &'j Json) -> Discipline {
        let o = r.object(json);
        Discipline {
            id: r.req(o, "id"),
            name: r.req(o, "name"),
        }
    }
}

impl FromJson for OfferingKind {
    fn read<'j>(r: &mut Reader<'j>, json: &'j Json) -> OfferingKind {
        let names = OfferingKind::ALL.map(|k| (k.as_str(), k));
        r.one_of(json, &names)
    }
}

impl FromJson for Offering {
    fn read<'j>(r: &mut Reader<'j>, json: &'j Json) -> Offering {
        let o = r.object(json);
        Offering {
            id: r.req(o, "id"),
            slug: r.req(o, "slug"),
            kind: r.req(o, "kind"),
            title: r.req(o, "title"),
            summary: r.req(o, "summary"),
            description: r.list(o, "description"),
            discipline: r.req(o, "discipline"),
            hours: r.req(o, "hours"),
            cpd_points: r.req(o, "cpdPoints"),
            credit_points: r.req(o, "creditPoints"),
            fee: r.req(o, "fee"),
            assessment: r.req(o, "assessment"),
            eligibility: r.req(o, "eligibility"),
            skills: r.list(o, "skills"),
            learning_outcomes: r.list(o, "learningOutcomes"),
            badge: r.opt(o, "badge"),
            alignments: r.list(o, "alignments"),
            endorsements: r.list(o, "endorsements"),
            cohorts: r.list(o, "cohorts"),
        }
    }
}

impl FromJson for Assessment {
    fn read<'j>(r: &mut Reader<'j>, json: &'j Json) -> Assessment {
        let o = r.object(json);
        match r.tag(o, "kind", &["assessed", "unassessed"]) {
            Some("assessed") => Assessment::Assessed {
                description: r.req(o, "description"),
                word_equivalent: r.req(o, "wordEquivalent"),
                pass_mark_percent: r.req(o, "passMarkPercent"),
                tasks: r.list(o, "tasks"),
            },
            Some("unassessed") => Assessment::Unassessed {
                note: r.opt(o, "note"),
            },
            _ => Assessment::default(),
        }
    }
}

impl FromJson for Eligibility {
    fn read<'j>(r: &mut Reader<'j>, json: &'j Json) -> Eligibility {
        let o = r.object(json);
        Eligibility {
            summary: r.req(o, "summary"),
            requirements: r.list(o, "requirements"),
        }
    }
}

impl FromJson for Requirement {
    fn read<'j>(r: &mut Reader<'j>, json: &'j Json) -> Requirement {
        let o = r.object(json);
        Requirement {
            id: r.req(o, "id"),
            kind: r.req(o, "kind"),
            text: r.req(o, "text"),
            question: r.req(o, "question"),
        }
    }
}

impl FromJson for RequirementKind {
    fn read<'j>(r: &mut Reader<'j>, json: &'j Json) -> RequirementKind {
        r.one_of(
            json,
            &[
                ("work-experience", RequirementKind::WorkExperience),
                ("prior-study", RequirementKind::PriorStudy),
                (
                    "professional-registration",
                    RequirementKind::ProfessionalRegistration,
                ),
                ("other", RequirementKind::Other),
            ],
        )
    }
}

impl FromJson for BadgeSpec {
    fn read<'j>(r: &mut Reader<'j>, json: &'j Json) -> BadgeSpec {
        let o = r.object(json);
        BadgeSpec {
            achievement_id: r.req(o, "achievementId"),
            issuer: r.req(o, "issuer"),
            image: r.req(o, "image"),
            expiry: r.req(o, "expiry"),
        }
    }
}

impl FromJson for ExpiryPolicy {
    fn read<'j>(r: &mut Reader<'j>, json: &'j Json) -> ExpiryPolicy {
        let o = r.object(json);
        match r.tag(o, "kind", &["never", "after-years"]) {
            Some("after-years") => ExpiryPolicy::AfterYears {
                years: r.req(o, "years"),
            },
            _ => ExpiryPolicy::Never,
        }
    }
}

impl FromJson for Alignment {
    fn read<'j>(r: &mut Reader<'j>, json: &'j Json) -> Alignment {
        let o = r.object(json);
        Alignment {
            framework: r.req(o, "framework"),
            name: r.req(o, "name"),
            code: r.opt(o, "code"),
            url: r.opt(o, "url"),
        }
    }
}

impl FromJson for Endorsement {
    fn read<'j>(r: &mut Reader<'j>, json: &'j Json) -> Endorsement {
        let o = r.object(json);
        Endorsement {
            name: r.req(o, "name"),
            statement: r.opt(o, "statement"),
            url: r.opt(o, "url"),
        }
    }
}

impl FromJson for Cohort {
    fn read<'j>(r: &mut Reader<'j>, json: &'j Json) -> Cohort {
        let o = r.object(json);
        Cohort {
            id: r.req(o, "id"),
            start_date: r.req(o, "startDate"),
            end_date: r.req(o, "endDate"),
            delivery: r.req(o, "delivery"),
            location: r.opt(o, "location"),
            enrolment_opens: r.opt(o, "enrolmentOpens"),
            enrolment_closes: r.opt(o, "enrolmentCloses"),
            status: r.req(o, "status"),
        }
    }
}

impl FromJson for Delivery {
    fn read<'j>(r: &mut Reader<'j>, json: &'j Json) -> Delivery {
        r.one_of(
            json,
            &[
                ("online", Delivery::Online),
                ("face-to-face", Delivery::FaceToFace),
                ("blended", Delivery::Blended),
            ],
        )
    }
}

impl FromJson for CohortStatus {
    fn read<'j>(r: &mut Reader<'j>, json: &'j Json) -> CohortStatus {
        r.one_of(
            json,
            &[
                ("scheduled", CohortStatus::Scheduled),
                ("full", CohortStatus::Full),
                ("closed", CohortStatus::Closed),
                ("cancelled", CohortStatus::Cancelled),
            ],
        )
    }
}

impl FromJson for Series {
    fn read<'j>(r: &mut Reader<'j>, json: &'j Json) -> Series {
        let o = r.object(json);
        Series {
            id: r.req(o, "id"),
            slug: r.req(o, "slug"),
            title: r.req(o, "title"),
            summary: r.req(o, "summary"),
            discipline: r.req(o, "discipline"),
            offerings: r.req(o, "offerings"),
            award_pathways: r.req(o, "awardPathways"),
        }
    }
}

impl FromJson for AwardPathway {
    fn read<'j>(r: &mut Reader<'j>, json: &'j Json) -> AwardPathway {
        let o = r.object(json);
        AwardPathway {
            course: r.req(o, "course"),
            code: r.opt(o, "code"),
            url: r.opt(o, "url"),
            credit_points: r.req(o, "creditPoints"),
            note: r.opt(o, "note"),
        }
    }
}

impl FromJson for Suite {
    fn read<'j>(r: &mut Reader<'j>, json: &'j Json) -> Suite {
        let o = r.object(json);
        Suite {
            id: r.req(o, "id"),
            slug: r.req(o, "slug"),
            title: r.req(o, "title"),
            summary: r.req(o, "summary"),
            offerings: r.req(o, "offerings"),
        }
    }
}

impl FromJson for Issuer {
    fn read<'j>(r: &mut Reader<'j>, json: &'j Json) -> Issuer {
        let o = r.object(json);
        Issuer {
            id: r.req(o, "id"),
            name: r.req(o, "name"),
            url: r.req(o, "url"),
            image: r.opt(o, "image"),
            keys: r.req(o, "keys"),
            hosted_origins: r.list(o, "hostedOrigins"),
        }
    }
}

impl FromJson for IssuerKey {
    fn read<'j>(r: &mut Reader<'j>, json: &'j Json) -> IssuerKey {
        let o = r.object(json);
        IssuerKey {
            id: r.req(o, "id"),
            public_key_jwk: r.opt::<Json>(o, "publicKeyJwk").map(|jwk| jwk.to_string()),
            public_key_multibase: r.opt(o, "publicKeyMultibase"),
            public_key_pem: r.opt(o, "publicKeyPem"),
            valid_from: r.opt(o, "validFrom"),
            valid_until: r.opt(o, "validUntil"),
        }
    }
}

impl FromJson for StatusList {
    fn read<'j>(r: &mut Reader<'j>, json: &'j Json) -> StatusList {
        let o = r.object(json);
        StatusList {
            url: r.req(o, "url"),
            issuer: r.req(o, "issuer"),
            purpose: r.req(o, "purpose"),
        }
    }
}

impl FromJson for StatusPurpose {
    fn read<'j>(r: &mut Reader<'j>, json: &'j Json) -> StatusPurpose {
        r.one_of(
            json,
            &[
                ("revocation", StatusPurpose::Revocation),
                ("suspension", StatusPurpose::Suspension),
            ],
        )
    }
}

impl FromJson for Terms {
    fn read<'j>(r: &mut Reader<'j>, json: &'j Json) -> Terms {
        let o = r.object(json);
        Terms {
            version: r.req(o, "version"),
            refund_policy: r.req(o, "refundPolicy"),
            withdrawal_policy: r.req(o, "withdrawalPolicy"),
            url: r.opt(o, "url"),
        }
    }
}
