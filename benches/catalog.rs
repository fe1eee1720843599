//! Catalog search speed, natively: `node scripts/big-catalog.mjs && cargo
//! bench --bench catalog`. Loads the generated 10,000-offering catalog,
//! builds the search index and runs every prefix of a few queries (as a
//! person typing would), with and without facets. Prints medians; asserts
//! nothing. The in-browser figure (keystroke to paint) comes from
//! scripts/bench-catalog.mjs.

use std::time::{Duration, Instant};

use microcred::domain::catalog::Catalog;
use microcred::domain::catalog::browse::BrowseQuery;
use microcred::domain::catalog::search::CatalogIndex;

fn median(mut xs: Vec<Duration>) -> Duration {
    xs.sort();
    xs[xs.len() / 2]
}

fn main() {
    let path = concat!(
        env!("CARGO_MANIFEST_DIR"),
        "/target/bench-fixtures/big/catalog.json"
    );
    let Ok(text) = std::fs::read_to_string(path) else {
        eprintln!("{path} is missing: run `node scripts/big-catalog.mjs` first");
        std::process::exit(2);
    };
    let t = Instant::now();
    let catalog = Catalog::from_json(&text).expect("a valid catalog");
    let parse = t.elapsed();
    let today = "2026-11-30".parse().expect("a date");
    let mut builds = Vec::new();
    let mut index = CatalogIndex::new(&catalog, today);
    for _ in 0..5 {
        let t = Instant::now();
        index = CatalogIndex::new(&catalog, today);
        builds.push(t.elapsed());
    }
    println!(
        "{} offerings ({:.1} MB): parse {:.0} ms, index build median {:.1} ms",
        catalog.offerings.len(),
        text.len() as f64 / 1e6,
        parse.as_secs_f64() * 1e3,
        median(builds).as_secs_f64() * 1e3
    );
    for (label, filters) in [
        ("no facets", ""),
        ("two facets", "&type=micro-credential&delivery=online"),
    ] {
        let mut times = Vec::new();
        for q in [
            "data analytics",
            "leadership",
            "pyhton",
            "risk management",
            "cloud sec",
        ] {
            for end in 1..=q.len() {
                let url = format!("?q={}{filters}", &q[..end].replace(' ', "+"));
                let query = BrowseQuery::parse(&url);
                let t = Instant::now();
                let results = index.search(&query);
                times.push(t.elapsed());
                std::hint::black_box(results);
            }
        }
        let n = times.len();
        println!(
            "search, {label}: median {:.2} ms over {n} keystrokes, max {:.2} ms",
            median(times.clone()).as_secs_f64() * 1e3,
            times.iter().max().unwrap().as_secs_f64() * 1e3
        );
    }
}
