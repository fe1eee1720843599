//! The learner's wallet, as rules with no storage: share links, the LinkedIn
//! "add to profile" address, progress towards a series' credit, and the CPD
//! ledger with its CSV. (Work in progress for the wallet issue.)

use crate::domain::catalog::{Catalog, Series, facts};
use crate::domain::date::Date;
use crate::domain::instant::UnixTime;

/// What LinkedIn's "add certification" form is given.
#[derive(Debug, Clone, Default, PartialEq)]
pub struct LinkedInCert {
    pub name: String,
    /// LinkedIn's numeric id for the institution (config.json), if known.
    pub organization_id: Option<String>,
    /// Used when there is no organisation id.
    pub organization_name: String,
    /// When it was issued (RFC 3339, as the badge says).
    pub issued: UnixTime,
    pub expires: Option<UnixTime>,
    pub cert_url: Option<String>,
    pub cert_id: Option<String>,
}

/// `https://www.linkedin.com/profile/add?startTask=CERTIFICATION_NAME&…`, every
/// value percent-encoded. Months are 1–12 from the UTC date, the way the
/// badge states its instants, so a badge issued at 23:30 UTC on 31 January
/// is January wherever the learner is.
pub fn linkedin_add_url(cert: &LinkedInCert) -> String {
    use crate::domain::catalog::browse::encode_component as enc;
    let mut url = String::from("https://www.linkedin.com/profile/add?startTask=CERTIFICATION_NAME");
    let mut push = |key: &str, value: &str| {
        url.push('&');
        url.push_str(key);
        url.push('=');
        url.push_str(&enc(value));
    };
    push("name", &cert.name);
    match &cert.organization_id {
        Some(id) if !id.trim().is_empty() => push("organizationId", id.trim()),
        _ => push("organizationName", &cert.organization_name),
    }
    let issued = cert.issued.utc_date();
    push("issueYear", &issued.year().to_string());
    push("issueMonth", &issued.month().to_string());
    if let Some(expires) = cert.expires {
        let expires = expires.utc_date();
        push("expirationYear", &expires.year().to_string());
        push("expirationMonth", &expires.month().to_string());
    }
    if let Some(u) = &cert.cert_url {
        push("certUrl", u);
    }
    if let Some(id) = &cert.cert_id {
        push("certId", id);
    }
    url
}

/// The fragment of a self-contained share link: the badge's own bytes,
/// base64url without padding. The link verifies with no server and never
/// expires (the badge inside may).
pub fn share_fragment(badge: &[u8]) -> String {
    use base64::Engine;
    format!(
        "badge={}",
        base64::engine::general_purpose::URL_SAFE_NO_PAD.encode(badge)
    )
}

/// The badge carried by a share link's fragment (`#badge=…`).
pub fn badge_from_fragment(fragment: &str) -> Result<Vec<u8>, String> {
    use base64::Engine;
    let encoded = fragment
        .trim_start_matches('#')
        .strip_prefix("badge=")
        .ok_or_else(|| "The link does not carry a badge.".to_owned())?;
    base64::engine::general_purpose::URL_SAFE_NO_PAD
        .decode(encoded.trim_end_matches('='))
        .map_err(|_| "The badge in the link is damaged: copy the whole link again.".to_owned())
}

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
}

impl SeriesProgress<'_> {
    /// "2 of 4 · 6.25 of 12.5 points".
    pub fn summary(&self) -> String {
        let total = self.held.len() + self.missing.len();
        format!(
            "{} of {total} · {} of 12.5 points",
            self.held.len(),
            facts::number(self.points)
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

#[cfg(test)]
mod tests {
    use super::*;

    fn at(s: &str) -> UnixTime {
        s.parse().unwrap()
    }

    #[test]
    fn linkedin_url_months_and_encoding() {
        let cert = LinkedInCert {
            name: "Data & Analytics #1: Café".into(),
            organization_id: None,
            organization_name: "Kestrel University".into(),
            // 23:30 UTC on 31 January is 1 February in Melbourne: still January.
            issued: at("2027-01-31T23:30:00Z"),
            expires: Some(at("2029-12-31T23:59:59Z")),
            cert_url: Some("https://x.example/verify?url=a&b".into()),
            cert_id: Some("urn:uuid:1".into()),
        };
        assert_eq!(
            linkedin_add_url(&cert),
            "https://www.linkedin.com/profile/add?startTask=CERTIFICATION_NAME\
             &name=Data%20%26%20Analytics%20%231%3A%20Caf%C3%A9\
             &organizationName=Kestrel%20University&issueYear=2027&issueMonth=1\
             &expirationYear=2029&expirationMonth=12\
             &certUrl=https%3A%2F%2Fx.example%2Fverify%3Furl%3Da%26b&certId=urn%3Auuid%3A1"
        );
        // An offset in the badge's timestamp is taken into account.
        let cert = LinkedInCert {
            issued: at("2027-03-01T08:00:00+10:00"),
            expires: None,
            organization_id: Some("12345".into()),
            ..cert
        };
        let url = linkedin_add_url(&cert);
        assert!(
            url.contains("&organizationId=12345&issueYear=2027&issueMonth=2"),
            "{url}"
        );
        assert!(!url.contains("expiration"));
        assert!(!url.contains("organizationName"));
    }

    #[test]
    fn share_links_round_trip_any_bytes() {
        for badge in [
            &b"{}"[..],
            b"eyJhbGciOiJFZERTQSJ9.e30.sig",
            &[0, 255, 254, 1, 2, 3],
            b"",
        ] {
            let fragment = share_fragment(badge);
            assert!(
                fragment
                    .bytes()
                    .all(|b| b.is_ascii_alphanumeric() || b"-_=".contains(&b))
            );
            assert_eq!(badge_from_fragment(&format!("#{fragment}")).unwrap(), badge);
        }
        assert!(badge_from_fragment("#other=1").is_err());
        assert!(badge_from_fragment("#badge=***").is_err());
    }

    #[test]
    fn progress_counts_held_units_per_series() {
        let catalog = Catalog::from_json(include_str!("../../public/catalog.json"))
            .expect("the demo catalog");
        let held = [
            "https://kestrel.example/achievements/health-data-foundations",
            "https://kestrel.example/achievements/clinical-data-visualisation",
            "https://kestrel.example/achievements/security-foundations",
            "https://kestrel.example/achievements/not-in-the-catalog",
        ];
        let all = progress(&catalog, &held);
        assert_eq!(all.len(), catalog.series.len());
        assert_eq!(all[0].series.slug, "health-data-analytics");
        assert_eq!(all[0].summary(), "2 of 4 · 6.25 of 12.5 points");
        assert_eq!(
            all[0].missing,
            [
                "mc-predictive-health-analytics",
                "mc-health-data-governance"
            ]
        );
        assert_eq!(all[1].series.slug, "applied-cyber-security");
        assert_eq!(all[1].summary(), "1 of 4 · 3.125 of 12.5 points");
        assert!(
            all[2..]
                .iter()
                .all(|p| p.held.is_empty() && p.points == 0.0)
        );
        let none = progress(&catalog, &[]);
        assert!(
            none.iter()
                .all(|p| p.summary() == "0 of 4 · 0 of 12.5 points")
        );
    }

    #[test]
    fn csv_is_quoted_and_formula_safe() {
        let entries = vec![LedgerEntry {
            badge: "=HYPERLINK(\"x\")".into(),
            issuer: "Kestrel, University".into(),
            issued: "2026-06-30".parse().unwrap(),
            hours: 40.0,
            cpd_points: 40.0,
            frameworks: vec!["SFIA 9".into(), "SFIA 9".into()],
        }];
        assert_eq!(
            ledger_csv(&entries),
            "Badge,Issuer,Issued,Hours,CPD points,Frameworks\r\n\"'=HYPERLINK(\"\"x\"\")\",\"Kestrel, University\",2026-06-30,40,40,SFIA 9; SFIA 9\r\n"
        );
        let (years, frameworks) = ledger_totals(&entries);
        assert_eq!(years, [(2026, 40.0, 40.0)]);
        assert_eq!(frameworks, [("SFIA 9".to_owned(), 40.0, 40.0)]);
    }
}
