//! The wallet's rules (src/domain/wallet): duplicates, statuses, sorting,
//! the backup file, progress towards credit, the CPD ledger and its CSV,
//! LinkedIn's "add to profile" address and self-contained share links. The
//! records are made from real reports: the demo badges verified by the CLI.

#![cfg(not(target_arch = "wasm32"))]

use microcred::domain::catalog::Catalog;
use microcred::domain::instant::UnixTime;
use microcred::domain::wallet::*;

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
    // The hand-written decoder agrees with the base64 crate on every length.
    for n in 0..200usize {
        use base64::Engine;
        let bytes: Vec<u8> = (0..n).map(|i| (i * 37 + n) as u8).collect();
        let encoded = base64::engine::general_purpose::URL_SAFE_NO_PAD.encode(&bytes);
        assert_eq!(
            badge_from_fragment(&format!("badge={encoded}")).unwrap(),
            bytes,
            "{n}"
        );
    }
    assert!(
        badge_from_fragment("#badge=A").is_err(),
        "a lone sextet is not a byte"
    );
    assert!(
        badge_from_fragment("#badge=AB").is_err(),
        "non-zero leftover bits"
    );
    assert!(badge_from_fragment("#badge=***").is_err());
}

#[test]
fn progress_counts_held_units_per_series() {
    let catalog =
        Catalog::from_json(include_str!("../public/catalog.json")).expect("the demo catalog");
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

/// `microcred verify --json --offline` of a file, as of the demo day, with
/// the demo catalog and status list: the report the worker would send.
#[cfg(feature = "verifier")]
fn cli_report(path: &str) -> String {
    let root = env!("CARGO_MANIFEST_DIR");
    let args: Vec<String> = [
        "verify",
        "--json",
        "--now",
        "2026-11-30T00:00:00Z",
        "--catalog",
        &format!("{root}/public/catalog.json"),
        "--resolve",
        &format!("https://kestrel.example/status/revocation-1.json={root}/public/status/revocation-1.json"),
        "--offline",
        path,
    ]
    .map(String::from)
    .to_vec();
    let (mut out, mut err) = (Vec::new(), Vec::new());
    microcred::cli::run(&args, &mut out, &mut err);
    let text = String::from_utf8(out).unwrap_or_else(|_| panic!("{path}: not UTF-8"));
    assert!(
        text.starts_with('{'),
        "{path}: {}",
        String::from_utf8_lossy(&err)
    );
    text
}

/// A demo badge's bytes and its report.
#[cfg(feature = "verifier")]
fn report(file: &str) -> (Vec<u8>, String) {
    let path = format!("{}/public/badges/{file}", env!("CARGO_MANIFEST_DIR"));
    (std::fs::read(&path).unwrap(), cli_report(&path))
}

#[cfg(feature = "verifier")]
fn kept(file: &str, added: &str) -> Kept {
    let (bytes, json) = report(file);
    Kept::from_report(bytes, file, None, json, at(added))
        .unwrap_or_else(|e| panic!("{file}: {e:?}"))
}

#[cfg(feature = "verifier")]
#[test]
fn records_carry_status_and_dedupe_by_content_or_credential_id() {
    let cases = [
        ("health-data-foundations.json", Verdict::Verified),
        ("predictive-health-analytics-expired.json", Verdict::Expired),
        ("health-data-governance-revoked.json", Verdict::Revoked),
        (
            "health-data-foundations-unknown-issuer.json",
            Verdict::UnknownIssuer,
        ),
        ("predictive-health-analytics.jwt", Verdict::Verified),
        ("health-data-governance.png", Verdict::Verified),
        ("predictive-health-analytics.svg", Verdict::Verified),
        ("clinical-data-visualisation.jcs.json", Verdict::Verified),
    ];
    let mut cards: Vec<Card> = Vec::new();
    for (file, status) in cases {
        let k = kept(file, "2026-11-30T10:00:00Z");
        assert_eq!(k.card.status(), status, "{file}");
        assert!(
            !k.card.name.is_empty() && !k.card.issuer.is_empty(),
            "{file}"
        );
        assert_eq!(k.card.key.len(), 64, "{file}");
        match duplicate_of(&cards, &k.card) {
            // The SVG bakes the same credential as the JWT: a duplicate by id.
            Some((first, false)) if file.ends_with(".svg") => {
                assert_eq!(first.file_name, "predictive-health-analytics.jwt");
            }
            None => cards.push(k.card),
            other => panic!("{file}: {other:?}"),
        }
    }
    // The same file again: same content.
    let again = kept("health-data-foundations.json", "2026-12-01T00:00:00Z");
    let (first, same_content) = duplicate_of(&cards, &again.card).expect("a duplicate");
    assert!(same_content);
    assert_eq!(first.file_name, "health-data-foundations.json");
    // The same credential re-serialised (other bytes, same id): a duplicate
    // by credential id.
    let mut other = again.card.clone();
    other.key = "0".repeat(64);
    let (_, same_content) = duplicate_of(&cards, &other).expect("same id");
    assert!(!same_content);
    assert!(
        Refusal::Duplicate {
            name: first.name.clone(),
            same_content
        }
        .message()
        .contains(&first.name)
    );
    // Another credential with neither in common is not a duplicate.
    other.credential_id = Some("urn:uuid:elsewhere".into());
    assert!(duplicate_of(&cards, &other).is_none());
}

#[cfg(feature = "verifier")]
#[test]
fn unreadable_input_is_refused_with_a_reason() {
    let root = env!("CARGO_MANIFEST_DIR");
    let path = format!("{root}/target/not-a-badge.json");
    std::fs::write(&path, b"{\"hello\": 1}").unwrap();
    let refused = Kept::from_report(Vec::new(), "x.json", None, cli_report(&path), UnixTime(0))
        .expect_err("not a badge");
    let Refusal::Unreadable(why) = &refused else {
        panic!("{refused:?}")
    };
    assert!(!why.is_empty());
    assert!(refused.message().starts_with("Not imported: "));
    // A worker error is refused too, never kept.
    assert!(
        Kept::from_report(
            Vec::new(),
            "x",
            None,
            "{\"error\":\"catalog down\"}".into(),
            UnixTime(0)
        )
        .is_err()
    );
    assert!(Kept::from_report(Vec::new(), "x", None, "not json".into(), UnixTime(0)).is_err());
}

#[cfg(feature = "verifier")]
#[test]
fn a_recheck_updates_the_status_and_keeps_the_details() {
    let mut k = kept("health-data-foundations.json", "2026-11-30T10:00:00Z");
    let name = k.card.name.clone();
    let (_, revoked) = report("health-data-governance-revoked.json");
    // A garbled answer changes nothing.
    assert!(!k.recheck("garbage".into(), at("2026-12-01T00:00:00Z")));
    assert_eq!(k.card.status(), Verdict::Verified);
    // A could-not-check answer without a badge keeps the card's details.
    let offline =
        r#"{"verdict":"could_not_check","format":"unknown","checks":[],"input_sha256":"x"}"#;
    assert!(k.recheck(offline.into(), at("2026-12-01T00:00:00Z")));
    assert_eq!(k.card.status(), Verdict::CouldNotCheck);
    assert_eq!(k.card.name, name);
    assert_eq!(k.card.checked, at("2026-12-01T00:00:00Z"));
    assert!(k.recheck(revoked, at("2026-12-02T00:00:00Z")));
    assert_eq!(k.card.status(), Verdict::Revoked);
}

fn card(key: &str, name: &str, issuer: &str, verdict: &str, issued: i64, added: i64) -> Card {
    Card {
        key: key.into(),
        name: name.into(),
        issuer: issuer.into(),
        verdict: verdict.into(),
        issued: Some(UnixTime(issued)),
        added: UnixTime(added),
        ..Card::default()
    }
}

#[test]
fn arrange_sorts_filters_and_flags_expiry() {
    let cards = vec![
        card("a", "beta", "Kestrel", "verified", 300, 1),
        card("b", "Alpha", "Zed College", "revoked", 100, 3),
        card("c", "gamma", "Kestrel", "expired", 200, 2),
        card("d", "Delta", "Kestrel", "mystery", 200, 4),
    ];
    let names = |sort, filter: &WalletFilter| -> Vec<String> {
        arrange(&cards, filter, sort)
            .iter()
            .map(|c| c.name.clone())
            .collect()
    };
    let all = WalletFilter::default();
    assert_eq!(
        names(WalletSort::Issued, &all),
        ["beta", "Delta", "gamma", "Alpha"]
    );
    assert_eq!(
        names(WalletSort::Added, &all),
        ["Delta", "Alpha", "gamma", "beta"]
    );
    assert_eq!(
        names(WalletSort::Name, &all),
        ["Alpha", "beta", "Delta", "gamma"]
    );
    assert_eq!(
        names(WalletSort::Issuer, &all),
        ["beta", "Delta", "gamma", "Alpha"]
    );
    assert_eq!(
        names(WalletSort::Verdict, &all),
        ["beta", "gamma", "Delta", "Alpha"]
    );
    assert_eq!(cards[3].status(), Verdict::CouldNotCheck);
    let kestrel = WalletFilter {
        status: None,
        issuer: Some("Kestrel".into()),
    };
    assert_eq!(
        names(WalletSort::Name, &kestrel),
        ["beta", "Delta", "gamma"]
    );
    let expired = WalletFilter {
        status: Some(Verdict::Expired),
        issuer: None,
    };
    assert_eq!(names(WalletSort::Name, &expired), ["gamma"]);
    assert_eq!(issuers(&cards), ["Kestrel", "Zed College"]);
    for sort in WalletSort::ALL {
        assert_eq!(WalletSort::from_key(sort.key()), sort);
    }
    assert_eq!(WalletSort::from_key("nonsense"), WalletSort::Issued);
    for status in Verdict::ALL {
        assert_eq!(Verdict::from_key(status.as_str()), status);
    }

    let now = at("2026-11-30T00:00:00Z");
    let mut c = cards[0].clone();
    assert!(!c.expires_soon(now), "never expires");
    c.expires = Some(at("2027-02-28T00:00:00Z"));
    assert!(c.expires_soon(now), "90 days");
    c.expires = Some(at("2027-02-28T00:00:01Z"));
    assert!(!c.expires_soon(now), "a second past 90 days");
    c.expires = Some(at("2026-11-29T23:59:59Z"));
    assert!(!c.expires_soon(now), "already expired");
}

#[test]
fn public_url_is_the_source_or_a_hosted_assertion() {
    let mut c = card("a", "x", "y", "verified", 0, 0);
    c.credential_id = Some("https://badges.example/a.json".into());
    assert_eq!(c.public_url("Open Badges 3.0 (VC 2.0)"), None);
    assert_eq!(
        c.public_url("Open Badges 2.0 assertion (hosted)")
            .as_deref(),
        Some("https://badges.example/a.json")
    );
    c.source_url = Some("https://elsewhere.example/b".into());
    assert_eq!(
        c.public_url("x").as_deref(),
        Some("https://elsewhere.example/b")
    );
    c.source_url = Some("javascript:alert(1)".into());
    c.credential_id = Some("javascript:alert(1)".into());
    assert_eq!(c.public_url("Open Badges 2.0 assertion (hosted)"), None);
}

#[test]
fn backup_round_trips_and_tolerates_damage() {
    let items = vec![
        BackupItem {
            file_name: "a \"quoted\" <name>.json".into(),
            source_url: None,
            added: at("2026-11-30T10:00:00Z"),
            original: r#"{"id":"urn:x","name":"Ünïcode"}"#.as_bytes().to_vec(),
        },
        BackupItem {
            file_name: "badge.png".into(),
            source_url: Some("https://badges.example/b.png".into()),
            added: at("2026-01-01T00:00:00Z"),
            original: vec![0x89, b'P', b'N', b'G', 0, 255],
        },
    ];
    let text = backup_json(&items, at("2026-12-01T00:00:00Z"));
    assert!(backup::is_backup(text.as_bytes()));
    assert!(!backup::is_backup(br#"{"@context":[]}"#));
    let (read, damaged) = read_backup(&text).unwrap();
    assert_eq!(read, items);
    assert_eq!(damaged, 0);
    let empty = backup_json(&[], UnixTime(0));
    assert_eq!(read_backup(&empty).unwrap(), (vec![], 0));

    // One damaged item: the others still restore.
    let broken = text.replacen("\"original\":\"", "\"original\":\"!!", 1);
    let (read, damaged) = read_backup(&broken).unwrap();
    assert_eq!((read.len(), damaged), (1, 1));
    // Not a backup, a newer version, or not JSON: a specific reason each.
    assert!(
        read_backup("{}")
            .unwrap_err()
            .contains("not a wallet backup")
    );
    // A source that is not a web address is dropped on reading.
    let hostile = text.replace("https://badges.example/b.png", "javascript:alert(1)");
    let (read, _) = read_backup(&hostile).unwrap();
    assert_eq!(read[1].source_url, None);
    let newer = text.replace("\"version\":1", "\"version\":9");
    assert!(read_backup(&newer).unwrap_err().contains("version 9"));
    assert!(
        read_backup(&text[..text.len() / 2])
            .unwrap_err()
            .contains("not complete JSON")
    );
}

#[test]
fn ledger_entries_match_catalog_offerings_and_skip_revoked() {
    let catalog =
        Catalog::from_json(include_str!("../public/catalog.json")).expect("the demo catalog");
    let with_badge: Vec<_> = catalog
        .offerings
        .iter()
        .filter(|o| o.badge.is_some())
        .take(2)
        .collect();
    let mut a = card(
        "a",
        "First",
        "Kestrel",
        "verified",
        at("2026-03-01T00:00:00Z").0,
        0,
    );
    a.achievement_id = Some(with_badge[0].badge.as_ref().unwrap().achievement_id.clone());
    let mut b = card(
        "b",
        "Second",
        "Kestrel",
        "expired",
        at("2025-12-31T23:00:00Z").0,
        0,
    );
    b.achievement_id = Some(with_badge[1].badge.as_ref().unwrap().achievement_id.clone());
    let mut c = b.clone();
    c.key = "c".into();
    c.verdict = "revoked".into();
    let mut d = a.clone();
    d.key = "d".into();
    d.achievement_id = Some("https://nowhere.example/a".into());
    let cards = vec![a, b, c, d];
    let rows = ledger_entries(&cards, &catalog);
    assert_eq!(
        rows.len(),
        2,
        "revoked and unknown achievements are left out"
    );
    assert_eq!(rows[0].badge, "Second");
    assert_eq!(rows[0].hours, with_badge[1].hours);
    assert_eq!(rows[1].cpd_points, with_badge[0].cpd_points);
    let (years, _) = ledger_totals(&rows);
    assert_eq!(years.iter().map(|y| y.0).collect::<Vec<_>>(), [2025, 2026]);
    assert_eq!(held_achievements(&cards).len(), 3);
}

#[test]
fn snippets_escape_badge_text_and_keep_the_link() {
    let s = Snippet {
        name: "Data <b>& \"Co\"".into(),
        issuer: "O'Brien Institute".into(),
        link: "https://x.example/verify?url=a&b=c".into(),
        image: Some("https://x.example/i.png?a=1&b=\"2\"".into()),
    };
    for html in [embed_html(&s), signature_html(&s)] {
        assert!(!html.contains("<b>"), "{html}");
        assert!(
            html.contains("Data &lt;b&gt;&amp; &quot;Co&quot;"),
            "{html}"
        );
        assert!(
            html.contains("href=\"https://x.example/verify?url=a&amp;b=c\""),
            "{html}"
        );
        assert!(
            html.contains("alt=\"Data &lt;b&gt;&amp; &quot;Co&quot; badge"),
            "{html}"
        );
        assert!(html.contains("O&#39;Brien"), "{html}");
    }
    assert_eq!(
        signature_text(&s),
        "Data <b>& \"Co\" (O'Brien Institute). Verify: https://x.example/verify?url=a&b=c"
    );
    let no_image = Snippet { image: None, ..s };
    assert!(!embed_html(&no_image).contains("<img"));
    assert_eq!(
        linkedin_post_url("https://x.example/v#badge=ab"),
        "https://www.linkedin.com/sharing/share-offsite/?url=https%3A%2F%2Fx.example%2Fv%23badge%3Dab"
    );
    let cert = LinkedInCert {
        name: "N".into(),
        organization_name: "Kestrel".into(),
        issued: at("2026-12-31T23:59:59Z"),
        ..LinkedInCert::default()
    };
    let fields = linkedin_fields(&cert);
    assert!(
        fields.contains(&("Issue date", "December 2026".to_owned())),
        "{fields:?}"
    );
    assert!(fields.contains(&(
        "Expiration date",
        "This credential does not expire".to_owned()
    )));
}

#[test]
fn qr_codes_grow_with_the_link_and_refuse_what_cannot_fit() {
    let (small, path) =
        qr_path("https://x.example/verify?url=https%3A%2F%2Fb.example%2F1").unwrap();
    assert_eq!(
        small,
        33 + 8,
        "version 4 (58 bytes at low correction) plus the quiet zone"
    );
    assert!(
        path.starts_with("M4 4h7v1h-7z"),
        "the finder pattern's top row: {path}"
    );
    let long = format!("https://x.example/verify#{}", share_fragment(&[b'a'; 1500]));
    let (big, _) = qr_path(&long).unwrap();
    assert!(big > small);
    assert!(qr_path(&"x".repeat(5000)).is_none());
}

/// A self-contained share link carries the badge without its layout: every
/// demo badge, compacted, gets the same verdict as the file, and shrinks.
#[cfg(feature = "verifier")]
#[test]
fn compacted_badges_verify_the_same() {
    let root = env!("CARGO_MANIFEST_DIR");
    for file in [
        "health-data-foundations.json",
        "clinical-data-visualisation.jcs.json",
        "health-data-foundations.ob2-hosted.json",
        "predictive-health-analytics-expired.json",
        "predictive-health-analytics.jwt",
    ] {
        let (original, before) = report(file);
        let compacted = compact(&original);
        if file.ends_with(".json") {
            assert!(compacted.len() < original.len(), "{file}");
        } else {
            assert_eq!(compacted, original, "{file}: not JSON, unchanged");
        }
        let path = format!("{root}/target/compact-{file}");
        std::fs::write(&path, &compacted).unwrap();
        let verdict = |json: &str| {
            microcred::domain::report::Report::from_json(json)
                .unwrap()
                .verdict
        };
        assert_eq!(verdict(&cli_report(&path)), verdict(&before), "{file}");
    }
    assert_eq!(compact(b"{not json"), b"{not json");
    assert_eq!(share::preview("abcdef", 3), "abc… (6 characters in all)");
    assert_eq!(share::preview("abc", 3), "abc");
}

#[test]
fn badge_pictures_come_from_the_site_or_the_badge_never_another_host() {
    use microcred::domain::report::own_image;
    let catalog =
        Catalog::from_json(include_str!("../public/catalog.json")).expect("the demo catalog");
    let offering = catalog
        .offerings
        .iter()
        .find(|o| o.badge.is_some())
        .unwrap();
    let spec = offering.badge.as_ref().unwrap();
    let remote = Some("https://tracker.example/pixel.png");
    assert_eq!(
        own_image(remote, Some(&spec.achievement_id), Some(&catalog)),
        Some(spec.image.clone())
    );
    assert_eq!(own_image(remote, Some("urn:other"), Some(&catalog)), None);
    assert_eq!(own_image(remote, None, None), None);
    let data = "data:image/png;base64,iVBORw0KGgo=";
    assert_eq!(
        own_image(Some(data), Some("urn:other"), Some(&catalog)).as_deref(),
        Some(data)
    );
    assert_eq!(own_image(Some("javascript:alert(1)"), None, None), None);
}
