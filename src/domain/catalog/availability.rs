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

    /// The cohort a learner would start next: the earliest that is open for
    /// enrolment (even if under way) or has not started yet and is not
    /// finished or cancelled.
    pub fn next_cohort(&self, today: Date) -> Option<&Cohort> {
        self.upcoming_cohorts(today)
            .into_iter()
            .find(|c| c.availability(today).is_open() || c.start_date >= today)
    }

    /// The earliest announced day enrolment opens for a cohort that is not
    /// open yet: what "Register for updates" can promise.
    pub fn next_enrolment_opens(&self, today: Date) -> Option<Date> {
        self.upcoming_cohorts(today)
            .iter()
            .filter_map(|c| match c.availability(today) {
                Availability::NotYetOpen { opens } => opens,
                _ => None,
            })
            .min()
    }

    /// The earliest cohort open for enrolment today, if any.
    pub fn next_open_cohort(&self, today: Date) -> Option<&Cohort> {
        self.upcoming_cohorts(today)
            .into_iter()
            .find(|c| c.availability(today).is_open())
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::domain::catalog::Delivery;

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
}
