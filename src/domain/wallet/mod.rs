//! The learner's wallet, as rules with no storage: what is kept of each
//! badge, its status in words, duplicates, sorting and filtering, the backup
//! file, progress towards credit, the CPD ledger and the ways to share.
//!
//! The page keeps [`Kept`] records in the browser (IndexedDB) and asks the
//! verifier worker for every report; everything it decides is decided here.

pub mod backup;
pub mod credit;
pub mod share;

use crate::domain::catalog::Catalog;
use crate::domain::instant::UnixTime;
use crate::domain::report::{CheckId, Outcome, Report};

pub use backup::{BackupItem, backup_json, is_backup, read_backup};
pub use credit::{LedgerEntry, SeriesProgress, Total, ledger_csv, ledger_totals, progress};
pub use share::{
    LinkedInCert, Snippet, badge_from_fragment, compact, embed_html, linkedin_add_url,
    linkedin_fields, linkedin_post_url, qr_path, share_fragment, signature_html, signature_text,
};

/// Badges that expire within this many days stand out.
pub const EXPIRY_WARNING_DAYS: i64 = 90;

/// A badge's standing is the verifier's verdict (one type, written once).
pub use crate::domain::verdict::Verdict;

/// What the list shows of a badge, taken from its report when it is
/// verified, so that opening the wallet never re-reads every report.
#[derive(Debug, Clone, Default, PartialEq)]
pub struct Card {
    /// The original's SHA-256 (hex): the record's key.
    pub key: String,
    pub credential_id: Option<String>,
    pub verdict: String,
    pub name: String,
    pub issuer: String,
    pub issued: Option<UnixTime>,
    pub expires: Option<UnixTime>,
    pub image: Option<String>,
    pub achievement_id: Option<String>,
    /// The address the badge was imported from, when it came as a URL.
    pub source_url: Option<String>,
    pub file_name: String,
    pub added: UnixTime,
    pub checked: UnixTime,
}

/// A kept badge: its card, its original bytes (or URL text) and the whole
/// report as JSON.
#[derive(Debug, Clone, Default, PartialEq)]
pub struct Kept {
    pub card: Card,
    pub original: Vec<u8>,
    pub report: String,
}

/// Why an import was not kept.
#[derive(Debug, Clone, PartialEq, Eq)]
pub enum Refusal {
    /// Not a badge at all; the sentence says what was wrong.
    Unreadable(String),
    /// Already in the wallet (by content or by credential id).
    Duplicate { name: String, same_content: bool },
}

impl Refusal {
    pub fn message(&self) -> String {
        match self {
            Refusal::Unreadable(why) => format!("Not imported: {why}"),
            Refusal::Duplicate {
                name,
                same_content: true,
            } => format!("Already in your wallet as “{name}”: nothing was added."),
            Refusal::Duplicate { name, .. } => format!(
                "Already in your wallet as “{name}” (the same credential in another file): nothing was added."
            ),
        }
    }
}

impl Kept {
    /// A new record from a verification report, or why it cannot be kept.
    /// `original` is what was verified: the file's bytes, or a URL's text.
    pub fn from_report(
        original: Vec<u8>,
        file_name: &str,
        source_url: Option<&str>,
        report_json: String,
        now: UnixTime,
    ) -> Result<Kept, Refusal> {
        let report = Report::from_json(&report_json)
            .map_err(|e| Refusal::Unreadable(format!("the verifier could not read it ({e}).")))?;
        let not_a_badge = report.any(Some(CheckId::Format), Outcome::Fail);
        let Some(badge) = report.badge.as_ref().filter(|_| !not_a_badge) else {
            let why = report
                .checks
                .iter()
                .find(|c| matches!(c.outcome, Outcome::Fail | Outcome::Skip))
                .map_or("it is not a badge this wallet can read.".to_owned(), |c| {
                    lower_first(&c.sentence)
                });
            return Err(Refusal::Unreadable(why));
        };
        let mut card = Card {
            key: report.input_sha256.clone(),
            file_name: file_name.to_owned(),
            source_url: source_url.map(str::to_owned),
            added: now,
            ..Card::default()
        };
        card.refresh(&report, now);
        card.credential_id = badge.id.clone().filter(|id| !id.trim().is_empty());
        Ok(Kept {
            card,
            original,
            report: report_json,
        })
    }

    /// Takes a new report for the same badge (after "check all again").
    /// A report that cannot be read leaves the record as it was.
    pub fn recheck(&mut self, report_json: String, now: UnixTime) -> bool {
        let Ok(report) = Report::from_json(&report_json) else {
            return false;
        };
        if report.badge.is_none() && self.card.status() != Verdict::CouldNotCheck {
            // The badge itself did not change; keep the card's details.
            self.card.verdict = report.verdict.as_str().to_owned();
            self.card.checked = now;
            self.report = report_json;
            return true;
        }
        self.card.refresh(&report, now);
        self.report = report_json;
        true
    }
}

/// A kept badge's name when the badge states none (a hosted badge whose
/// badge class could not be read).
pub const UNTITLED: &str = "Untitled badge";

/// The name to show for a kept badge: its own, or else what the catalog
/// calls the achievement it names, or else [`UNTITLED`].
pub fn shown_name(card: &Card, catalog: Option<&Catalog>) -> String {
    if card.name != UNTITLED {
        return card.name.clone();
    }
    card.achievement_id
        .as_deref()
        .and_then(|id| catalog?.offering_for_achievement(id))
        .map_or_else(|| card.name.clone(), |o| o.title.clone())
}

impl Card {
    fn refresh(&mut self, report: &Report, now: UnixTime) {
        self.verdict = report.verdict.as_str().to_owned();
        self.checked = now;
        if let Some(badge) = &report.badge {
            self.name = if badge.name.trim().is_empty() {
                UNTITLED.to_owned()
            } else {
                badge.name.clone()
            };
            self.issuer = if badge.issuer.name.trim().is_empty() {
                badge.issuer.id.clone()
            } else {
                badge.issuer.name.clone()
            };
            self.issued = badge.issued.as_deref().and_then(|t| t.parse().ok());
            self.expires = badge.expires.as_deref().and_then(|t| t.parse().ok());
            self.image = badge.achievement.image.clone();
            self.achievement_id = badge.achievement.id.clone();
        }
    }

    pub fn status(&self) -> Verdict {
        Verdict::from_key(&self.verdict)
    }

    /// Expires within [`EXPIRY_WARNING_DAYS`] from `now`, and has not yet.
    pub fn expires_soon(&self, now: UnixTime) -> bool {
        self.expires
            .is_some_and(|e| e.0 > now.0 && e.0 - now.0 <= EXPIRY_WARNING_DAYS * 86_400)
    }

    /// The address anyone can verify the badge at: where it was imported
    /// from, or a hosted Open Badges 2.0 assertion's own id.
    pub fn public_url(&self, format: &str) -> Option<String> {
        let web = |u: &str| u.starts_with("https://") || u.starts_with("http://");
        if let Some(url) = self.source_url.as_deref().filter(|u| web(u)) {
            return Some(url.to_owned());
        }
        (format.contains("2.0") && format.contains("hosted"))
            .then(|| self.credential_id.clone())
            .flatten()
            .filter(|u| web(u))
    }
}

/// The kept badge that `candidate` would duplicate: the same content, or the
/// same credential id. The flag says which (true: same content).
pub fn duplicate_of<'a>(kept: &'a [Card], candidate: &Card) -> Option<(&'a Card, bool)> {
    if let Some(same) = kept.iter().find(|k| k.key == candidate.key) {
        return Some((same, true));
    }
    let id = candidate.credential_id.as_deref()?;
    kept.iter()
        .find(|k| k.credential_id.as_deref() == Some(id))
        .map(|k| (k, false))
}

/// How the list is ordered.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Default)]
pub enum WalletSort {
    /// Newest issued first.
    #[default]
    Issued,
    /// Most recently added first.
    Added,
    Name,
    Issuer,
    /// Verified first, then the ones that need attention.
    Verdict,
}

impl WalletSort {
    pub const ALL: [WalletSort; 5] = [
        WalletSort::Issued,
        WalletSort::Added,
        WalletSort::Name,
        WalletSort::Issuer,
        WalletSort::Verdict,
    ];

    pub fn key(self) -> &'static str {
        match self {
            WalletSort::Issued => "issued",
            WalletSort::Added => "added",
            WalletSort::Name => "name",
            WalletSort::Issuer => "issuer",
            WalletSort::Verdict => "status",
        }
    }

    pub fn label(self) -> &'static str {
        match self {
            WalletSort::Issued => "Newest issued",
            WalletSort::Added => "Newest added",
            WalletSort::Name => "Name, A to Z",
            WalletSort::Issuer => "Issuer, A to Z",
            WalletSort::Verdict => "Verdict",
        }
    }

    pub fn from_key(key: &str) -> WalletSort {
        WalletSort::ALL
            .into_iter()
            .find(|s| s.key() == key)
            .unwrap_or_default()
    }
}

/// Which badges the list shows.
#[derive(Debug, Clone, Default, PartialEq, Eq)]
pub struct WalletFilter {
    pub status: Option<Verdict>,
    pub issuer: Option<String>,
}

impl WalletFilter {
    pub fn admits(&self, card: &Card) -> bool {
        self.status.is_none_or(|s| card.status() == s)
            && self.issuer.as_deref().is_none_or(|i| card.issuer == i)
    }
}

/// The cards to show, filtered and sorted; ties keep a stable order by name
/// and then key.
pub fn arrange<'a>(cards: &'a [Card], filter: &WalletFilter, sort: WalletSort) -> Vec<&'a Card> {
    let mut shown: Vec<&Card> = cards.iter().filter(|c| filter.admits(c)).collect();
    let fold = |s: &str| s.to_lowercase();
    shown.sort_by(|a, b| {
        let primary = match sort {
            WalletSort::Issued => b.issued.cmp(&a.issued),
            WalletSort::Added => b.added.cmp(&a.added),
            WalletSort::Name => fold(&a.name).cmp(&fold(&b.name)),
            WalletSort::Issuer => fold(&a.issuer).cmp(&fold(&b.issuer)),
            WalletSort::Verdict => a.status().cmp(&b.status()),
        };
        primary
            .then_with(|| fold(&a.name).cmp(&fold(&b.name)))
            .then_with(|| a.key.cmp(&b.key))
    });
    shown
}

/// The issuers of the kept badges, each once, in alphabetical order.
pub fn issuers(cards: &[Card]) -> Vec<String> {
    let mut all: Vec<String> = cards.iter().map(|c| c.issuer.clone()).collect();
    all.sort_by_key(|i| i.to_lowercase());
    all.dedup();
    all
}

/// The achievement ids of the badges that count towards credit.
pub fn held_achievements(cards: &[Card]) -> Vec<&str> {
    cards
        .iter()
        .filter(|c| c.status().counts())
        .filter_map(|c| c.achievement_id.as_deref())
        .collect()
}

/// The CPD ledger: a row for each badge that counts and matches an offering
/// of the catalog (by achievement id), with its hours, CPD points and the
/// frameworks the offering aligns to. Sorted by issue date.
pub fn ledger_entries(cards: &[Card], catalog: &Catalog) -> Vec<LedgerEntry> {
    let mut rows: Vec<LedgerEntry> = cards
        .iter()
        .filter(|c| c.status().counts())
        .filter_map(|card| {
            let id = card.achievement_id.as_deref()?;
            let offering = catalog.offering_for_achievement(id)?;
            Some(LedgerEntry {
                badge: card.name.clone(),
                issuer: card.issuer.clone(),
                issued: card.issued.unwrap_or(card.added).utc_date(),
                hours: offering.hours,
                cpd_points: offering.cpd_points,
                frameworks: {
                    let mut names: Vec<String> = offering
                        .alignments
                        .iter()
                        .map(|a| a.framework.clone())
                        .collect();
                    names.dedup();
                    names
                },
            })
        })
        .collect();
    rows.sort_by(|a, b| a.issued.cmp(&b.issued).then_with(|| a.badge.cmp(&b.badge)));
    rows
}

/// The file extension for a kept original: `png`, `svg`, `json`, `jwt`, or
/// `txt` for a URL's text.
pub fn extension_of(original: &[u8]) -> &'static str {
    let head = String::from_utf8_lossy(&original[..original.len().min(512)]);
    let text = head.trim_start_matches('\u{feff}').trim_start();
    if original.starts_with(b"\x89PNG") {
        "png"
    } else if text.starts_with("<svg") || text.starts_with("<?xml") {
        "svg"
    } else if text.starts_with('{') {
        "json"
    } else if text.starts_with("eyJ") && text.matches('.').count() >= 2 {
        "jwt"
    } else {
        "txt"
    }
}

/// The media type that goes with [`extension_of`].
pub fn media_type_of(original: &[u8]) -> &'static str {
    match extension_of(original) {
        "png" => "image/png",
        "svg" => "image/svg+xml",
        "json" => "application/json",
        "jwt" => "application/jwt",
        _ => "text/plain",
    }
}

fn lower_first(sentence: &str) -> String {
    let mut chars = sentence.chars();
    match chars.next() {
        Some(first) => first.to_lowercase().chain(chars).collect(),
        None => String::new(),
    }
}
