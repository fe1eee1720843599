//! What the held badges add up to: progress towards each series' credit,
//! and the CPD ledger with its CSV.

use crate::domain::catalog::{Catalog, Series, facts};
use crate::domain::date::Date;

/// How far the held badges go towards one series.
#[derive(Debug, Clone, PartialEq)]
pub struct SeriesProgress<'a> {
    pub series: &'a Series,
    /// Offering ids of the units held, in the series' order.
    pub held: Vec<&'a str>,
    /// Offering ids still missing, in the series' order.
    pub missing: Vec<&'a str>,
    /// Credit points of the units held.
    pub points: f64,
    /// Credit points of the whole series, from its units in the catalog.
    pub total_points: f64,
}

impl SeriesProgress<'_> {
    /// "2 of 4 · 6.25 of 12.5 points".
    pub fn summary(&self) -> String {
        let total = self.held.len() + self.missing.len();
        format!(
            "{} of {total} · {} of {} points",
            self.held.len(),
            facts::number(self.points),
            facts::number(self.total_points)
        )
    }
}

/// Progress for every series, from the achievement ids of the badges held
/// (matched against each unit's badge). Series with nothing held come last.
pub fn progress<'a>(catalog: &'a Catalog, held_achievements: &[&str]) -> Vec<SeriesProgress<'a>> {
    let mut all: Vec<SeriesProgress<'a>> = catalog
        .series
        .iter()
        .map(|series| {
            let mut p = SeriesProgress {
                series,
                held: Vec::new(),
                missing: Vec::new(),
                points: 0.0,
                total_points: catalog.credit_of(&series.offerings),
            };
            for id in &series.offerings {
                let offering = catalog.offering(id);
                let has = offering
                    .and_then(|o| o.badge.as_ref())
                    .is_some_and(|b| held_achievements.contains(&b.achievement_id.as_str()));
                if has {
                    p.held.push(id.as_str());
                    p.points += offering.map_or(0.0, |o| o.credit_points);
                } else {
                    p.missing.push(id.as_str());
                }
            }
            p
        })
        .collect();
    all.sort_by_key(|p| std::cmp::Reverse(p.held.len()));
    all
}

/// One badge in the CPD ledger.
#[derive(Debug, Clone, PartialEq)]
pub struct LedgerEntry {
    pub badge: String,
    pub issuer: String,
    pub issued: Date,
    pub hours: f64,
    pub cpd_points: f64,
    /// Frameworks the badge aligns to (each counted once per badge).
    pub frameworks: Vec<String>,
}

/// A ledger total: the key (a year or a framework), hours, CPD points.
pub type Total<K> = (K, f64, f64);

/// Totals by calendar year (of issue) and by framework, each sorted.
pub fn ledger_totals(entries: &[LedgerEntry]) -> (Vec<Total<i32>>, Vec<Total<String>>) {
    let mut years: Vec<Total<i32>> = Vec::new();
    let mut frameworks: Vec<Total<String>> = Vec::new();
    for e in entries {
        match years.iter_mut().find(|(y, ..)| *y == e.issued.year()) {
            Some(row) => {
                row.1 += e.hours;
                row.2 += e.cpd_points;
            }
            None => years.push((e.issued.year(), e.hours, e.cpd_points)),
        }
        let mut seen: Vec<&str> = Vec::new();
        for f in &e.frameworks {
            if seen.contains(&f.as_str()) {
                continue;
            }
            seen.push(f);
            match frameworks.iter_mut().find(|(name, ..)| name == f) {
                Some(row) => {
                    row.1 += e.hours;
                    row.2 += e.cpd_points;
                }
                None => frameworks.push((f.clone(), e.hours, e.cpd_points)),
            }
        }
    }
    years.sort_by_key(|r| r.0);
    frameworks.sort_by(|a, b| a.0.cmp(&b.0));
    (years, frameworks)
}

/// The ledger as CSV (RFC 4180: quoted when needed, CRLF line ends). Cells
/// that a spreadsheet would run as a formula get a leading apostrophe.
pub fn ledger_csv(entries: &[LedgerEntry]) -> String {
    let mut out = String::from("Badge,Issuer,Issued,Hours,CPD points,Frameworks\r\n");
    for e in entries {
        let cells = [
            e.badge.clone(),
            e.issuer.clone(),
            e.issued.to_string(),
            facts::number(e.hours),
            facts::number(e.cpd_points),
            e.frameworks.join("; "),
        ];
        let line: Vec<String> = cells.iter().map(|c| csv_cell(c)).collect();
        out.push_str(&line.join(","));
        out.push_str("\r\n");
    }
    out
}

fn csv_cell(text: &str) -> String {
    let text = if text.starts_with(['=', '+', '-', '@', '\t', '\r']) {
        format!("'{text}")
    } else {
        text.to_owned()
    };
    if text.contains([',', '"', '\n', '\r']) {
        format!("\"{}\"", text.replace('"', "\"\""))
    } else {
        text
    }
}
