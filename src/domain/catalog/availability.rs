//! Whether a cohort can be enrolled in today, and what to tell the learner.
//!
//! Staff set a status (`scheduled`, `full`, `closed`, `cancelled`); for a
//! scheduled cohort the dates decide. "Today" is the institution's local date,
//! supplied by the caller: the core never reads a clock.

use super::{Cohort, CohortStatus, Offering};
use crate::domain::date::Date;

/// Where a cohort stands on a given day.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Availability {
    /// Enrolment is open until `closes` (inclusive). `started` is true when the
    /// cohort has begun but still takes enrolments.
    Open {
        closes: Date,
        started: bool,
    },
    /// Enrolment has not opened; it opens on the date, if announced.
    NotYetOpen {
        opens: Option<Date>,
    },
    /// No places left.
    Full,
    /// Enrolment has closed (by date or by staff) and the cohort has not finished.
    Closed,
    Cancelled,
    /// The cohort's last day has passed.
    Finished,
}

impl Availability {
    pub fn is_open(self) -> bool {
        matches!(self, Availability::Open { .. })
    }

    /// A short status for lists ("Enrolments open", "Full").
    pub fn label(self) -> String {
        match self {
            Availability::Open { started: false, .. } => "Enrolments open".to_owned(),
            Availability::Open { started: true, .. } => "Under way, still enrolling".to_owned(),
            Availability::NotYetOpen { opens: Some(date) } => {
                format!("Enrolments open {}", date.long())
            }
            Availability::NotYetOpen { opens: None } => {
                "Enrolment dates to be announced".to_owned()
            }
            Availability::Full => "Full".to_owned(),
            Availability::Closed => "Enrolments closed".to_owned(),
            Availability::Cancelled => "Cancelled".to_owned(),
            Availability::Finished => "Finished".to_owned(),
        }
    }
}

impl Cohort {
    /// Where this cohort stands on `today` (the institution's local date).
    pub fn availability(&self, today: Date) -> Availability {
        if self.status == CohortStatus::Cancelled {
            return Availability::Cancelled;
        }
        if today > self.end_date {
            return Availability::Finished;
        }
        match self.status {
            CohortStatus::Full => return Availability::Full,
            CohortStatus::Closed => return Availability::Closed,
            CohortStatus::Scheduled | CohortStatus::Cancelled => {}
        }
        let closes = self.enrolment_closes.unwrap_or(self.start_date);
        match self.enrolment_opens {
            None => Availability::NotYetOpen { opens: None },
            Some(opens) if today < opens => Availability::NotYetOpen { opens: Some(opens) },
            Some(_) if today > closes => Availability::Closed,
            Some(_) => Availability::Open {
                closes,
                started: today >= self.start_date,
            },
        }
    }
}

/// What a learner can do about an offering today. Every view that offers
/// "Enrol now" or "Register for updates" matches on this one answer.
#[derive(Debug, Clone, Copy, PartialEq)]
pub enum NextStep<'a> {
    /// Enrol now in this cohort: the earliest that takes enrolments today
    /// (it may already be under way).
    Enrol(&'a Cohort),
    /// No cohort takes enrolments today, so the learner can register for
    /// updates. `next` is the next cohort to start (full, closed or not yet
    /// open), `opens` the earliest announced day enrolment opens for one.
    Register {
        next: Option<&'a Cohort>,
        opens: Option<Date>,
    },
}

impl<'a> NextStep<'a> {
    /// The cohort to name as the next start, whichever the step.
    pub fn cohort(self) -> Option<&'a Cohort> {
        match self {
            NextStep::Enrol(cohort) => Some(cohort),
            NextStep::Register { next, .. } => next,
        }
    }
}

impl Offering {
    /// Cohorts that have not finished, earliest start first.
    pub fn upcoming_cohorts(&self, today: Date) -> Vec<&Cohort> {
        let mut cohorts: Vec<&Cohort> = self
            .cohorts
            .iter()
            .filter(|c| {
                !matches!(
                    c.availability(today),
                    Availability::Finished | Availability::Cancelled
                )
            })
            .collect();
        cohorts.sort_by_key(|c| c.start_date);
        cohorts
    }

    /// The cohort a learner would start next: the earliest open for
    /// enrolment (even if under way), else the first that has not started.
    pub fn next_cohort(&self, today: Date) -> Option<&Cohort> {
        let upcoming = self.upcoming_cohorts(today);
        upcoming
            .iter()
            .find(|c| c.availability(today).is_open())
            .or_else(|| upcoming.iter().find(|c| c.start_date >= today))
            .copied()
    }

    /// What the learner can do about this offering on `today`.
    pub fn next_step(&self, today: Date) -> NextStep<'_> {
        match self.next_cohort(today) {
            Some(cohort) if cohort.availability(today).is_open() => NextStep::Enrol(cohort),
            next => NextStep::Register {
                next,
                opens: self
                    .upcoming_cohorts(today)
                    .iter()
                    .filter_map(|c| match c.availability(today) {
                        Availability::NotYetOpen { opens } => opens,
                        _ => None,
                    })
                    .min(),
            },
        }
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::domain::catalog::{Catalog, Delivery};

    fn d(s: &str) -> Date {
        s.parse().unwrap()
    }

    fn cohort(status: CohortStatus, opens: Option<&str>, closes: Option<&str>) -> Cohort {
        Cohort {
            id: "c".into(),
            start_date: d("2027-02-08"),
            end_date: d("2027-03-21"),
            delivery: Delivery::Online,
            location: None,
            enrolment_opens: opens.map(d),
            enrolment_closes: closes.map(d),
            status,
        }
    }

    #[test]
    fn availability_table() {
        use Availability::{Finished, NotYetOpen, Open};
        use CohortStatus::Scheduled;
        let (full, closed, cancelled) = (
            CohortStatus::Full,
            CohortStatus::Closed,
            CohortStatus::Cancelled,
        );
        let open = Some("2026-10-15");
        let closes = Some("2027-02-20");
        for (status, opens, closes, today, expected) in [
            (
                Scheduled,
                open,
                None,
                "2026-11-30",
                Open {
                    closes: d("2027-02-08"),
                    started: false,
                },
            ),
            (
                Scheduled,
                open,
                None,
                "2027-02-08",
                Open {
                    closes: d("2027-02-08"),
                    started: true,
                },
            ),
            (
                Scheduled,
                open,
                closes,
                "2027-02-15",
                Open {
                    closes: d("2027-02-20"),
                    started: true,
                },
            ),
            (Scheduled, open, None, "2027-02-09", Availability::Closed),
            (
                Scheduled,
                open,
                None,
                "2026-10-14",
                NotYetOpen {
                    opens: Some(d("2026-10-15")),
                },
            ),
            (
                Scheduled,
                None,
                None,
                "2026-10-14",
                NotYetOpen { opens: None },
            ),
            (Scheduled, open, None, "2027-03-22", Finished),
            (full, open, None, "2026-11-30", Availability::Full),
            (closed, open, None, "2026-11-30", Availability::Closed),
            (cancelled, open, None, "2026-11-30", Availability::Cancelled),
            (cancelled, open, None, "2030-01-01", Availability::Cancelled),
        ] {
            let got = cohort(status, opens, closes).availability(d(today));
            assert_eq!(
                got, expected,
                "{status:?} opens {opens:?} closes {closes:?} on {today}"
            );
        }
    }

    /// A cohort starting on `start` with the given status and enrolment
    /// window, for the next-step table.
    fn dated(id: &str, start: &str, status: CohortStatus, opens: Option<&str>) -> Cohort {
        let start = d(start);
        Cohort {
            id: id.into(),
            start_date: start,
            end_date: Date::from_days_since_epoch(start.days_since_epoch() + 42),
            enrolment_opens: opens.map(d),
            enrolment_closes: None,
            status,
            ..cohort(status, None, None)
        }
    }

    #[test]
    fn next_step_table() {
        use CohortStatus::{Cancelled, Closed, Full, Scheduled};
        let base = Catalog::from_json(include_str!("../../../public/catalog.json")).unwrap();
        let today = "2026-12-07";
        let open = Some("2026-11-01");
        let later = Some("2027-01-10");
        // (what, cohorts, expected: "enrol" or "register", next cohort id, opens)
        type Case = (
            &'static str,
            Vec<Cohort>,
            &'static str,
            Option<&'static str>,
            Option<&'static str>,
        );
        let cases: Vec<Case> = vec![
            (
                "no cohorts at all: register, nothing to name",
                vec![],
                "register",
                None,
                None,
            ),
            (
                "one open cohort: enrol in it",
                vec![dated("a", "2027-02-01", Scheduled, open)],
                "enrol",
                Some("a"),
                None,
            ),
            (
                "open but already under way: still enrol",
                vec![Cohort {
                    enrolment_closes: Some(d("2026-12-20")),
                    ..dated("a", "2026-12-01", Scheduled, open)
                }],
                "enrol",
                Some("a"),
                None,
            ),
            (
                "a full cohort first, an open one later: enrol in the open one",
                vec![
                    dated("full", "2027-01-05", Full, open),
                    dated("b", "2027-03-01", Scheduled, open),
                ],
                "enrol",
                Some("b"),
                None,
            ),
            (
                "two open: the earlier start",
                vec![
                    dated("late", "2027-04-01", Scheduled, open),
                    dated("early", "2027-02-01", Scheduled, open),
                ],
                "enrol",
                Some("early"),
                None,
            ),
            (
                "not open yet, date announced: register, with the date",
                vec![dated("a", "2027-03-01", Scheduled, later)],
                "register",
                Some("a"),
                later,
            ),
            (
                "not open yet, no date announced: register, no date",
                vec![dated("a", "2027-03-01", Scheduled, None)],
                "register",
                Some("a"),
                None,
            ),
            (
                "only a full cohort: register, name it",
                vec![dated("a", "2027-01-05", Full, open)],
                "register",
                Some("a"),
                None,
            ),
            (
                "closed by staff: register",
                vec![dated("a", "2027-01-05", Closed, open)],
                "register",
                Some("a"),
                None,
            ),
            (
                "closed by date and under way: register, nothing to name",
                vec![Cohort {
                    enrolment_closes: Some(d("2026-11-20")),
                    ..dated("a", "2026-11-25", Scheduled, open)
                }],
                "register",
                None,
                None,
            ),
            (
                "cancelled: as if absent",
                vec![dated("a", "2027-02-01", Cancelled, open)],
                "register",
                None,
                None,
            ),
            (
                "finished: as if absent",
                vec![dated("a", "2026-09-01", Scheduled, Some("2026-06-01"))],
                "register",
                None,
                None,
            ),
            (
                "several not open: the earliest announced opening",
                vec![
                    dated("a", "2027-05-01", Scheduled, Some("2027-03-01")),
                    dated("b", "2027-03-01", Scheduled, None),
                    dated("c", "2027-06-01", Scheduled, later),
                ],
                "register",
                Some("b"),
                later,
            ),
        ];
        for (what, cohorts, kind, next, opens) in cases {
            let mut offering = base.offerings[0].clone();
            offering.cohorts = cohorts;
            let step = offering.next_step(d(today));
            let got_kind = match step {
                NextStep::Enrol(_) => "enrol",
                NextStep::Register { .. } => "register",
            };
            assert_eq!(got_kind, kind, "{what}");
            assert_eq!(step.cohort().map(|c| c.id.as_str()), next, "{what}");
            assert_eq!(offering.next_cohort(d(today)), step.cohort(), "{what}");
            let got_opens = match step {
                NextStep::Register { opens, .. } => opens,
                NextStep::Enrol(_) => None,
            };
            assert_eq!(got_opens, opens.map(d), "{what}");
        }
    }
}
