//! The catalog of offerings, series, suites and trusted issuers.
//!
//! `load` turns the text of `catalog.json` into a [`Catalog`], with errors
//! that name the place in the file; `rules::check` finds what a well-formed
//! file can still get wrong. Both are used by the app and by `microcred
//! catalog check`, so staff see the same verdict the app would reach.

mod availability;
pub mod browse;
pub mod facts;
mod model;
pub mod planner;
mod read;
pub mod rules;
pub mod search;
mod write;

pub use availability::{Availability, NextStep};
pub use model::*;
pub use write::issuers_json;

use crate::domain::json::{self, ShapeError};

/// The catalog format this build reads.
pub const CATALOG_VERSION: u32 = 1;

/// Why a catalog file could not be read.
#[derive(Debug, Clone, PartialEq, Eq, thiserror::Error)]
#[non_exhaustive]
pub enum LoadError {
    #[error("It is not valid JSON: {message} (line {line}, column {column}).")]
    Syntax {
        line: usize,
        column: usize,
        message: String,
    },
    #[error("It has no “version” number, so it is not a catalog this app can read.")]
    NoVersion,
    #[error("It is catalog format version {found}; this app reads version {supported}.")]
    Version { found: String, supported: u32 },
    /// Every place the file does not have the catalog's shape (at least one).
    #[error("{}", shape_summary(.0))]
    Shape(Vec<ShapeError>),
}

impl Catalog {
    /// Parses catalog text. A file of another version gets "wrong version",
    /// never a confusing field error, so the version is examined before the
    /// shape.
    pub fn from_json(text: &str) -> Result<Catalog, LoadError> {
        let json = json::parse(text).map_err(|e| LoadError::Syntax {
            line: e.line,
            column: e.column,
            message: e.message,
        })?;
        let version = json.get("version");
        match version {
            None => return Err(LoadError::NoVersion),
            Some(v) if json::read::<u32>(v) != Ok(CATALOG_VERSION) => {
                return Err(LoadError::Version {
                    found: v.to_string(),
                    supported: CATALOG_VERSION,
                });
            }
            Some(_) => {}
        }
        json::read(&json).map_err(LoadError::Shape)
    }

    pub fn offering(&self, id: &str) -> Option<&Offering> {
        self.offerings.iter().find(|o| o.id == id)
    }

    /// The offering whose badge carries this achievement id (how held badges
    /// are matched to the catalog).
    pub fn offering_for_achievement(&self, achievement_id: &str) -> Option<&Offering> {
        self.offerings.iter().find(|o| {
            o.badge
                .as_ref()
                .is_some_and(|b| b.achievement_id == achievement_id)
        })
    }

    pub fn offering_by_slug(&self, slug: &str) -> Option<&Offering> {
        self.offerings.iter().find(|o| o.slug == slug)
    }

    pub fn series_by_slug(&self, slug: &str) -> Option<&Series> {
        self.series.iter().find(|s| s.slug == slug)
    }

    /// The series an offering belongs to, if any.
    pub fn series_of(&self, offering_id: &str) -> Option<&Series> {
        self.series
            .iter()
            .find(|s| s.offerings.iter().any(|o| o == offering_id))
    }

    /// Credit points the listed offerings add up to: what a completed series
    /// or suite is worth, read from its units rather than assumed.
    pub fn credit_of(&self, offering_ids: &[String]) -> f64 {
        offering_ids
            .iter()
            .filter_map(|id| self.offering(id))
            .map(|o| o.credit_points)
            .sum()
    }

    /// "4 micro-credentials · 12.5 credit points" for a series or suite.
    pub fn group_summary(&self, offering_ids: &[String]) -> String {
        let count = offering_ids.len();
        let units = if count == 1 {
            "micro-credential"
        } else {
            "micro-credentials"
        };
        let points = self.credit_of(offering_ids);
        if points > 0.0 {
            format!("{count} {units} · {}", facts::credit_points(points))
        } else {
            format!("{count} {units}")
        }
    }

    /// The suites an offering belongs to.
    pub fn suites_of<'a>(&'a self, offering_id: &'a str) -> impl Iterator<Item = &'a Suite> + 'a {
        self.suites
            .iter()
            .filter(move |s| s.offerings.iter().any(|o| o == offering_id))
    }

    pub fn discipline_name(&self, id: &str) -> Option<&str> {
        self.disciplines
            .iter()
            .find(|d| d.id == id)
            .map(|d| d.name.as_str())
    }

    pub fn issuer(&self, id: &str) -> Option<&Issuer> {
        self.issuers.iter().find(|i| i.id == id)
    }

    /// The cohort with this id and the offering it belongs to.
    pub fn cohort(&self, cohort_id: &str) -> Option<(&Offering, &Cohort)> {
        self.offerings
            .iter()
            .find_map(|o| o.cohorts.iter().find(|c| c.id == cohort_id).map(|c| (o, c)))
    }
}

/// "At $.offerings[0].fee: … ." plus how many other problems there are.
fn shape_summary(errors: &[ShapeError]) -> String {
    let Some(first) = errors.first() else {
        return "It does not have the shape of a catalog.".to_owned();
    };
    let mut text = format!("At {}: {}.", first.path, first.message);
    match errors.len() {
        1 => {}
        2 => text.push_str(" There is one other problem too."),
        n => text.push_str(&format!(" There are {} other problems too.", n - 1)),
    }
    text
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn rejects_text_that_is_not_json_with_line_and_column() {
        let err = Catalog::from_json("{\n  \"version\": 1,\n  oops\n}").unwrap_err();
        assert!(matches!(err, LoadError::Syntax { line: 3, .. }), "{err:?}");
    }

    #[test]
    fn reports_another_version_before_shape_errors() {
        let err = Catalog::from_json(r#"{"version": 2, "offerings": 7}"#).unwrap_err();
        assert_eq!(
            err,
            LoadError::Version {
                found: "2".into(),
                supported: 1
            }
        );
        let err = Catalog::from_json(r#"{"version": "1"}"#).unwrap_err();
        assert_eq!(
            err,
            LoadError::Version {
                found: "\"1\"".into(),
                supported: 1
            }
        );
        assert_eq!(Catalog::from_json("{}").unwrap_err(), LoadError::NoVersion);
    }

    #[test]
    fn names_the_path_of_a_wrongly_typed_field() {
        let text = include_str!("../../../public/catalog.json").replacen(
            "\"amountCents\": 149500",
            "\"amountCents\": \"lots\"",
            1,
        );
        let err = Catalog::from_json(&text).unwrap_err();
        let LoadError::Shape(errors) = &err else {
            panic!("{err:?}")
        };
        assert_eq!(
            errors[0].to_string(),
            "at $.offerings[0].fee.amountCents: expected a whole number, found a string"
        );
        assert_eq!(
            err.to_string(),
            "At $.offerings[0].fee.amountCents: expected a whole number, found a string."
        );
    }
}
