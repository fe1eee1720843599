//! The series planner: from a chosen month, four cohorts (one per unit of a
//! series) that run one after another without overlapping, with the fees.
//!
//! A cohort can be planned if it starts on or after the first day of the
//! chosen month and can still be enrolled in, now or later (open, or not
//! open yet). Each cohort must start after the previous one's last day.
//! Units may be taken in any order; among the plans that fit, the one that
//! finishes earliest wins, then the one closest to the series' suggested
//! order. The learner can pin a unit to another cohort ("swap") and the rest
//! is planned around it. When no plan fits, the problem says why.

use super::browse::month_key;
use super::{Availability, Catalog, Cohort, Offering, Series};
use crate::domain::date::Date;
use crate::domain::money::Money;

/// One unit of the plan.
#[derive(Debug, Clone, PartialEq)]
pub struct Step<'a> {
    /// Position of the unit in the series' suggested order.
    pub unit: usize,
    pub offering: &'a Offering,
    pub cohort: &'a Cohort,
}

/// A plan that fits: steps in the order they are studied.
#[derive(Debug, Clone, PartialEq)]
pub struct Plan<'a> {
    pub steps: Vec<Step<'a>>,
    /// Every unit's fee, paid upfront when enrolling in each.
    pub total: Money,
}

impl Plan<'_> {
    pub fn starts(&self) -> Option<Date> {
        self.steps.first().map(|s| s.cohort.start_date)
    }

    pub fn finishes(&self) -> Option<Date> {
        self.steps.last().map(|s| s.cohort.end_date)
    }
}

/// Why no plan fits.
#[derive(Debug, Clone, PartialEq)]
pub enum Problem<'a> {
    /// The series names an offering the catalog does not have.
    MissingUnit(String),
    /// This unit has no cohort that can be taken from the chosen month.
    NoDates { offering: &'a Offering },
    /// At most `placed` units fit in sequence: `blocked` has no cohort that
    /// starts after `after` ends on `ends`.
    Overlap {
        placed: usize,
        blocked: &'a Offering,
        after: &'a Offering,
        ends: Date,
    },
}

impl Problem<'_> {
    /// What to tell the learner, for a plan starting from `from`.
    pub fn message(&self, from: Date, pinned: bool) -> String {
        let month = format!("{} {}", from.month_name(), from.year());
        let text = match self {
            Problem::MissingUnit(id) => {
                format!(
                    "This series lists a unit the catalog does not have ({id}), so it cannot be planned."
                )
            }
            Problem::NoDates { offering } => format!(
                "{} has no dates you can enrol in from {month} on. Register for updates on its page to hear when new dates are set, or try an earlier month.",
                offering.title
            ),
            Problem::Overlap {
                placed,
                blocked,
                after,
                ends,
            } => format!(
                "From {month}, only {placed} of the units fit one after another: {} has no dates that start after {} ends on {}.",
                blocked.title,
                after.title,
                ends.long()
            ),
        };
        if pinned && !matches!(self, Problem::MissingUnit(_)) {
            format!("{text} Choosing other dates for the units you changed may help.")
        } else {
            text
        }
    }
}

/// The cohorts of `offering` a plan from `from` may use, earliest first.
pub fn choices(offering: &Offering, from: Date, today: Date) -> Vec<&Cohort> {
    let mut cohorts: Vec<&Cohort> = offering
        .cohorts
        .iter()
        .filter(|c| {
            c.start_date >= from
                && matches!(
                    c.availability(today),
                    Availability::Open { .. } | Availability::NotYetOpen { .. }
                )
        })
        .collect();
    cohorts.sort_by_key(|c| c.start_date);
    cohorts
}

/// Month keys (`2027-02`) a plan could start in: from this month to the last
/// month in which any unit has a cohort that can be planned.
pub fn start_months(catalog: &Catalog, series: &Series, today: Date) -> Vec<String> {
    let this_month = Date::new(today.year(), today.month(), 1).unwrap_or(today);
    let last = series
        .offerings
        .iter()
        .filter_map(|id| catalog.offering(id))
        .flat_map(|o| choices(o, this_month, today))
        .map(|c| c.start_date)
        .max();
    let mut months = vec![month_key(this_month)];
    let Some(last) = last else { return months };
    let (mut year, mut month) = (this_month.year(), this_month.month());
    while months.len() < 48 {
        month += 1;
        if month > 12 {
            month = 1;
            year += 1;
        }
        let Some(first) = Date::new(year, month, 1) else {
            break;
        };
        if first > last {
            break;
        }
        months.push(month_key(first));
    }
    months
}

/// Plans `series` from `from` (the first day of the chosen month) as seen
/// on `today`. `pins` fixes units (by position) to cohorts (by id).
pub fn plan<'a>(
    catalog: &'a Catalog,
    series: &Series,
    from: Date,
    today: Date,
    pins: &[(usize, String)],
) -> Result<Plan<'a>, Problem<'a>> {
    let mut units: Vec<(&'a Offering, Vec<&'a Cohort>)> = Vec::new();
    for (position, id) in series.offerings.iter().enumerate() {
        let offering = catalog
            .offering(id)
            .ok_or_else(|| Problem::MissingUnit(id.clone()))?;
        let mut options = choices(offering, from, today);
        if let Some((_, cohort_id)) = pins.iter().find(|(unit, _)| *unit == position) {
            options.retain(|c| &c.id == cohort_id);
        }
        if options.is_empty() {
            return Err(Problem::NoDates { offering });
        }
        units.push((offering, options));
    }
    let mut search = Search {
        units: &units,
        chosen: Vec::new(),
        best: None,
        deepest: None,
    };
    search.run(0, None);
    match (search.best, search.deepest) {
        (Some((_, steps)), _) => {
            let currency = units
                .first()
                .map(|(o, _)| o.fee.currency.clone())
                .unwrap_or_default();
            let cents = steps.iter().map(|s| s.offering.fee.amount_cents).sum();
            Ok(Plan {
                steps,
                total: Money {
                    amount_cents: cents,
                    currency,
                },
            })
        }
        (None, Some(stuck)) => Err(Problem::Overlap {
            placed: stuck.placed,
            blocked: units[stuck.blocked].0,
            after: units[stuck.after].0,
            ends: stuck.ends,
        }),
        // Only possible with no units at all.
        (None, None) => Err(Problem::MissingUnit(String::new())),
    }
}

/// Where the deepest partial plan got stuck.
struct Stuck {
    placed: usize,
    blocked: usize,
    after: usize,
    ends: Date,
}

/// Ranking of a complete plan: finish date, then how far the order strays
/// from the suggested one, then the start date.
type Rank = (Date, usize, Date);

struct Search<'s, 'a> {
    units: &'s [(&'a Offering, Vec<&'a Cohort>)],
    chosen: Vec<(usize, &'a Cohort)>,
    best: Option<(Rank, Vec<Step<'a>>)>,
    deepest: Option<Stuck>,
}

impl<'a> Search<'_, 'a> {
    /// Depth-first over every order and cohort; at most 4! × (cohorts per
    /// unit)⁴ leaves, and far fewer once overlaps prune the tree.
    fn run(&mut self, used: u32, last_end: Option<Date>) {
        if self.chosen.len() == self.units.len() {
            self.consider();
            return;
        }
        let mut extended = false;
        for unit in 0..self.units.len() {
            if used & (1 << unit) != 0 {
                continue;
            }
            for cohort in &self.units[unit].1 {
                if last_end.is_some_and(|end| cohort.start_date <= end) {
                    continue;
                }
                extended = true;
                self.chosen.push((unit, cohort));
                self.run(used | (1 << unit), Some(cohort.end_date));
                self.chosen.pop();
            }
        }
        if !extended && let Some(ends) = last_end {
            let placed = self.chosen.len();
            if self.deepest.as_ref().is_none_or(|d| placed > d.placed) {
                let blocked = (0..self.units.len())
                    .find(|u| used & (1 << u) == 0)
                    .unwrap_or(0);
                let after = self.chosen.last().map_or(0, |(u, _)| *u);
                self.deepest = Some(Stuck {
                    placed,
                    blocked,
                    after,
                    ends,
                });
            }
        }
    }

    fn consider(&mut self) {
        let (Some(first), Some(last)) = (self.chosen.first(), self.chosen.last()) else {
            return;
        };
        let order: Vec<usize> = self.chosen.iter().map(|(u, _)| *u).collect();
        let inversions = (0..order.len())
            .flat_map(|i| (i + 1..order.len()).map(move |j| (i, j)))
            .filter(|(i, j)| order[*i] > order[*j])
            .count();
        let rank = (last.1.end_date, inversions, first.1.start_date);
        if self.best.as_ref().is_none_or(|(best, _)| rank < *best) {
            let steps = self
                .chosen
                .iter()
                .map(|(unit, cohort)| Step {
                    unit: *unit,
                    offering: self.units[*unit].0,
                    cohort,
                })
                .collect();
            self.best = Some((rank, steps));
        }
    }
}
