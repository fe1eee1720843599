//! The wallet's backup file: one JSON document with every badge's original
//! (base64), its file name, where it came from and when it was added.
//!
//! Reports are deliberately not in the backup: restoring verifies every
//! badge again, so a backup edited by hand cannot make a badge look
//! verified. Restoring merges: badges already kept are reported, not
//! doubled (the import's own duplicate rule).

use base64::Engine;
use base64::engine::general_purpose::STANDARD;

use crate::domain::instant::UnixTime;
use crate::domain::json::{self, Json, Value, quote};

/// The `format` member that marks a wallet backup.
pub const FORMAT: &str = "microcred-wallet-backup";
/// The newest backup version this code writes and reads.
pub const VERSION: i64 = 1;

/// One badge in a backup.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct BackupItem {
    pub file_name: String,
    pub source_url: Option<String>,
    pub added: UnixTime,
    /// The badge as it was imported: a file's bytes, or a URL's text.
    pub original: Vec<u8>,
}

/// The backup file's text.
pub fn backup_json(items: &[BackupItem], exported: UnixTime) -> String {
    let mut out = format!(
        "{{\"format\":{},\"version\":{VERSION},\"exported\":\"{exported}\",\"badges\":[",
        quote(FORMAT)
    );
    for (i, item) in items.iter().enumerate() {
        if i > 0 {
            out.push(',');
        }
        out.push_str("\n{\"file\":");
        out.push_str(&quote(&item.file_name));
        out.push_str(",\"source\":");
        match &item.source_url {
            Some(url) => out.push_str(&quote(url)),
            None => out.push_str("null"),
        }
        out.push_str(&format!(",\"added\":\"{}\",\"original\":\"", item.added));
        out.push_str(&STANDARD.encode(&item.original));
        out.push_str("\"}");
    }
    out.push_str("\n]}\n");
    out
}

/// Whether a file looks like a wallet backup (rather than a badge): cheap,
/// read from the start of the file.
pub fn is_backup(bytes: &[u8]) -> bool {
    let head = &bytes[..bytes.len().min(200)];
    let head = String::from_utf8_lossy(head);
    head.trim_start().starts_with('{') && head.contains(FORMAT)
}

/// The badges in a backup file. Items that are damaged are counted, not
/// fatal: the rest still restore.
pub fn read_backup(text: &str) -> Result<(Vec<BackupItem>, usize), String> {
    let doc = json::parse(text).map_err(|e| {
        format!(
            "the backup is not complete JSON (line {}, column {}: {}).",
            e.line, e.column, e.message
        )
    })?;
    if doc.get("format").and_then(Json::as_str) != Some(FORMAT) {
        return Err("this is not a wallet backup.".to_owned());
    }
    let version = match doc.get("version").map(|v| &v.value) {
        Some(Value::Number(n)) => n.parse::<i64>().ok(),
        _ => None,
    };
    match version {
        Some(v) if (1..=VERSION).contains(&v) => {}
        Some(v) => {
            return Err(format!(
                "the backup is version {v}, newer than this app reads ({VERSION}); reload the page to get the latest app."
            ));
        }
        None => return Err("the backup does not say its version.".to_owned()),
    }
    let Some(Value::Array(badges)) = doc.get("badges").map(|b| &b.value) else {
        return Err("the backup has no list of badges.".to_owned());
    };
    let mut items = Vec::with_capacity(badges.len());
    let mut damaged = 0;
    for badge in badges {
        match read_item(badge) {
            Some(item) => items.push(item),
            None => damaged += 1,
        }
    }
    Ok((items, damaged))
}

fn read_item(badge: &Json) -> Option<BackupItem> {
    let original = STANDARD.decode(badge.get("original")?.as_str()?).ok()?;
    if original.is_empty() {
        return None;
    }
    Some(BackupItem {
        file_name: badge
            .get("file")
            .and_then(Json::as_str)
            .unwrap_or("badge")
            .to_owned(),
        // Only a web address; anything else in a hand-edited backup is dropped.
        source_url: crate::domain::report::safe_link(badge.get("source").and_then(Json::as_str)),
        added: badge
            .get("added")
            .and_then(Json::as_str)
            .and_then(|t| t.parse().ok())
            .unwrap_or_default(),
        original,
    })
}
