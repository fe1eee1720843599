//! Catalog search, facets, sorting, cohort status and the series planner,
//! on the demo catalog (public/catalog.json) seen from a fixed day, and on
//! small catalogs built here where a rule needs exact control.

use microcred::domain::catalog::browse::{BrowseQuery, Facet, Sort};
use microcred::domain::catalog::planner::{self, Problem};
use microcred::domain::catalog::search::{CatalogIndex, Results};
use microcred::domain::catalog::{Availability, Catalog, Cohort, CohortStatus, Delivery};
use microcred::domain::date::Date;

fn d(s: &str) -> Date {
    s.parse().unwrap()
}

/// The demo data is written for this day (the day the catalog was
/// published); every status below is as a learner saw it then.
fn today() -> Date {
    d("2026-11-30")
}

fn demo() -> Catalog {
    let text = std::fs::read_to_string(concat!(env!("CARGO_MANIFEST_DIR"), "/public/catalog.json"))
        .unwrap();
    Catalog::from_json(&text).unwrap()
}

fn run(catalog: &Catalog, query: &str) -> Results {
    CatalogIndex::new(catalog, today()).search(&BrowseQuery::parse(query))
}

fn slugs(catalog: &Catalog, results: &Results) -> Vec<String> {
    results
        .offerings
        .iter()
        .map(|i| catalog.offerings[*i].slug.clone())
        .collect()
}

fn count(results: &Results, facet: Facet, key: &str) -> Option<usize> {
    results
        .facets
        .iter()
        .find(|f| f.facet == facet)?
        .values
        .iter()
        .find(|v| v.key == key)
        .map(|v| v.count)
}

#[test]
fn the_demo_catalog_covers_every_rule_the_issue_lists() {
    let c = demo();
    let micro = c.offerings.iter().filter(|o| o.kind.is_micro_credential());
    assert!(micro.count() >= 24);
    assert!(
        c.offerings
            .iter()
            .filter(|o| !o.kind.is_micro_credential())
            .count()
            >= 12
    );
    assert!(c.series.len() >= 6 && c.suites.len() >= 2);
    for s in &c.series {
        assert_eq!(s.offerings.len(), 4, "{}", s.slug);
        assert!(!s.award_pathways.is_empty(), "{}", s.slug);
    }
    let all: Vec<(&Cohort, Availability)> = c
        .offerings
        .iter()
        .flat_map(|o| &o.cohorts)
        .map(|k| (k, k.availability(today())))
        .collect();
    let has = |f: &dyn Fn(&Cohort, Availability) -> bool| all.iter().any(|(k, a)| f(k, *a));
    assert!(has(&|_, a| a == Availability::Finished));
    assert!(has(&|_, a| matches!(
        a,
        Availability::Open { started: false, .. }
    )));
    assert!(has(&|_, a| matches!(
        a,
        Availability::Open { started: true, .. }
    )));
    assert!(has(&|_, a| matches!(
        a,
        Availability::NotYetOpen { opens: Some(_) }
    )));
    assert!(has(&|_, a| matches!(
        a,
        Availability::NotYetOpen { opens: None }
    )));
    assert!(has(&|_, a| a == Availability::Full));
    assert!(has(
        &|k, a| a == Availability::Closed && k.status == CohortStatus::Closed
    ));
    for delivery in [Delivery::Online, Delivery::FaceToFace, Delivery::Blended] {
        assert!(has(&|k, _| k.delivery == delivery), "{delivery:?}");
    }
    assert!(c.offerings.iter().filter(|o| o.cohorts.is_empty()).count() >= 2);
    assert!(c.offerings.iter().any(|o| o.fee.amount_cents == 0));
}

#[test]
fn search_folds_case_and_accents_and_matches_prefixes() {
    let c = demo();
    for query in [
        "?q=PYTHON",
        "?q=pyth",
        "?q=P%C3%BDth%C3%B3n",
        "?q=python+pandas",
    ] {
        let found = slugs(&c, &run(&c, query));
        assert_eq!(
            found.first().map(String::as_str),
            Some("python-for-analysts"),
            "{query}"
        );
    }
    // Every word must match somewhere.
    assert!(run(&c, "?q=python+carbon").offerings.is_empty());
    // Common words are not required to appear.
    let mut found = slugs(&c, &run(&c, "?q=leading+and+the+change"));
    found.truncate(2);
    found.sort();
    assert_eq!(found, ["leading-clinical-change", "leading-through-change"]);
    // A query of only common words is searched as written.
    assert!(!run(&c, "?q=the").offerings.is_empty());
}

#[test]
fn search_covers_skills_and_outcomes_not_just_titles() {
    let c = demo();
    // "ICD-10-AM" is a skill of Foundations of Health Data only.
    assert_eq!(slugs(&c, &run(&c, "?q=icd")), ["health-data-foundations"]);
    // "hierarchy of control" appears only in an outcome.
    assert_eq!(slugs(&c, &run(&c, "?q=hierarchy")), ["psychosocial-risk"]);
}

#[test]
fn titles_rank_above_skills_above_summaries() {
    let c = demo();
    let found = slugs(&c, &run(&c, "?q=coaching"));
    assert_eq!(found[0], "coaching-for-performance");
    // "Negotiation" is the masterclass's title; no other offering has it in
    // its title.
    let found = slugs(&c, &run(&c, "?q=negotiat"));
    assert_eq!(found[0], "negotiation-masterclass");
    // An exact word beats a longer word it begins: "risk" is a title word of
    // Managing Psychosocial Risk, "risks" only elsewhere.
    let found = slugs(&c, &run(&c, "?q=psychosocial"));
    assert_eq!(found[0], "psychosocial-risk");
}

#[test]
fn typos_are_forgiven_only_when_nothing_matches_exactly() {
    let c = demo();
    // Python is a title word of one course and a skill of another.
    let results = run(&c, "?q=pyhton");
    assert_eq!(
        slugs(&c, &results),
        ["python-for-analysts", "predictive-health-analytics"]
    );
    assert_eq!(results.fuzzy, ["pyhton"]);
    let results = run(&c, "?q=sustainabilty+procurment");
    assert_eq!(slugs(&c, &results)[0], "sustainable-procurement");
    // Short words get no typo allowance: "dota" is not "data".
    assert!(run(&c, "?q=dota").offerings.is_empty());
    // A real word is not "corrected".
    assert!(run(&c, "?q=python").fuzzy.is_empty());
}

#[test]
fn facet_counts_follow_the_search_and_the_other_facets() {
    let c = demo();
    let all = run(&c, "");
    let total = all.offerings.len();
    assert_eq!(total, c.offerings.len());
    let kinds: usize = ["micro-credential", "short-course", "masterclass", "seminar"]
        .iter()
        .map(|k| count(&all, Facet::Kind, k).unwrap_or(0))
        .sum();
    assert_eq!(kinds, total);

    let data = run(&c, "?q=data");
    assert!(
        count(&data, Facet::Kind, "micro-credential")
            < count(&all, Facet::Kind, "micro-credential")
    );
    // Choosing a type does not change that facet's own counts, so the
    // learner can still add another type.
    let chosen = run(&c, "?q=data&type=micro-credential");
    assert_eq!(
        count(&chosen, Facet::Kind, "short-course"),
        count(&data, Facet::Kind, "short-course")
    );
    // But it does change the others.
    assert!(count(&chosen, Facet::Credit, "no").unwrap_or(0) == 0);
}

/// For every facet value shown, choosing it gives exactly as many results as
/// its count said, under several searches and existing choices.
#[test]
fn every_count_is_what_choosing_the_value_would_give() {
    let c = demo();
    let index = CatalogIndex::new(&c, today());
    for base in [
        "",
        "?q=data",
        "?q=lead",
        "?type=micro-credential",
        "?delivery=online&fee=1000-1999",
        "?q=risk&status=open",
        "?credit=no&cpd=under-10",
    ] {
        let query = BrowseQuery::parse(base);
        let results = index.search(&query);
        for facet in &results.facets {
            for value in &facet.values {
                let narrowed = if query.values(facet.facet).is_empty() {
                    query.toggled(facet.facet, &value.key)
                } else if value.chosen {
                    continue;
                } else {
                    // Within a facet, values add up: count this value alone.
                    let mut only = query.without_filters();
                    for other in Facet::ALL.into_iter().filter(|f| *f != facet.facet) {
                        for v in query.values(other) {
                            only = only.toggled(other, v);
                        }
                    }
                    only.toggled(facet.facet, &value.key)
                };
                assert_eq!(
                    index.search(&narrowed).offerings.len(),
                    value.count,
                    "{base}: {:?} = {}",
                    facet.facet,
                    value.key
                );
            }
        }
    }
}

#[test]
fn values_within_a_facet_add_up_and_facets_narrow_each_other() {
    let c = demo();
    let online = run(&c, "?delivery=online").offerings.len();
    let f2f = run(&c, "?delivery=face-to-face").offerings.len();
    let either = run(&c, "?delivery=online,face-to-face").offerings.len();
    assert!(either >= online.max(f2f) && either <= online + f2f);
    let both = run(&c, "?delivery=online&type=seminar").offerings.len();
    assert!(both < online);
    // A value nothing has (an old link) matches nothing and stays listed.
    let stale = run(&c, "?discipline=astrology");
    assert!(stale.offerings.is_empty());
    assert_eq!(count(&stale, Facet::Discipline, "astrology"), Some(0));
}

#[test]
fn cohort_status_facets_are_judged_on_the_given_day() {
    let c = demo();
    let open = slugs(&c, &run(&c, "?status=open"));
    // Started on 9 November, still enrolling until 4 December.
    assert!(open.contains(&"cyber-governance-risk".to_owned()));
    // Opens on 1 December: not yet.
    assert!(!open.contains(&"designing-online-assessment".to_owned()));
    let soon = slugs(&c, &run(&c, "?status=soon"));
    assert!(
        soon.contains(&"carbon-accounting".to_owned()),
        "starts 7 December"
    );
    assert!(
        !soon.contains(&"health-data-foundations".to_owned()),
        "starts in February"
    );
    let updates = slugs(&c, &run(&c, "?status=updates"));
    for slug in [
        "urban-sketching",
        "privacy-law-update-2027",
        "mindfulness-everyday",
    ] {
        assert!(updates.contains(&slug.to_owned()), "{slug}");
    }
    // A day later the assessment course is open.
    let index = CatalogIndex::new(&c, d("2026-12-01"));
    let open: Vec<String> = index
        .search(&BrowseQuery::parse("?status=open"))
        .offerings
        .iter()
        .map(|i| c.offerings[*i].slug.clone())
        .collect();
    assert!(open.contains(&"designing-online-assessment".to_owned()));
}

#[test]
fn start_month_fee_credit_and_hours_facets() {
    let c = demo();
    let feb = slugs(&c, &run(&c, "?month=2027-02"));
    assert!(feb.contains(&"health-data-foundations".to_owned()));
    assert!(!feb.contains(&"carbon-accounting".to_owned()));
    // Past months are not offered.
    assert_eq!(count(&run(&c, ""), Facet::Month, "2026-07"), None);
    assert_eq!(
        count(&run(&c, "?q=python"), Facet::Month, "2027-02"),
        Some(1)
    );
    assert_eq!(
        count(&run(&c, "?q=python"), Facet::Month, "2027-07"),
        Some(0)
    );
    assert_eq!(
        slugs(&c, &run(&c, "?fee=free")),
        ["climate-disclosure-lessons"]
    );
    for i in run(&c, "?credit=yes").offerings {
        assert!(c.offerings[i].kind.is_micro_credential());
    }
    for i in run(&c, "?cpd=under-10").offerings {
        assert!(c.offerings[i].hours < 10.0);
    }
}

#[test]
fn sorting() {
    let c = demo();
    let index = CatalogIndex::new(&c, today());
    let by = |q: &str| {
        let r = index.search(&BrowseQuery::parse(q));
        r.offerings
            .iter()
            .map(|i| &c.offerings[*i])
            .collect::<Vec<_>>()
    };
    // Next start (the default without a search): dated first, earliest first.
    let list = by("");
    let starts: Vec<Option<Date>> = list
        .iter()
        .map(|o| o.next_cohort(today()).map(|k| k.start_date))
        .collect();
    let dated = starts.iter().take_while(|s| s.is_some()).count();
    assert!(starts[dated..].iter().all(Option::is_none));
    assert!(starts[..dated].windows(2).all(|w| w[0] <= w[1]));
    let fees: Vec<i64> = by("?sort=fee").iter().map(|o| o.fee.amount_cents).collect();
    assert!(fees.windows(2).all(|w| w[0] <= w[1]));
    let titles: Vec<String> = by("?sort=title")
        .iter()
        .map(|o| o.title.to_lowercase())
        .collect();
    assert!(titles.windows(2).all(|w| w[0] <= w[1]), "{titles:?}");
    // With a search the default is best match; relevance without one falls back.
    assert_eq!(BrowseQuery::parse("?q=data").sort(), Sort::Relevance);
    assert_eq!(
        BrowseQuery::parse("?sort=relevance").sort(),
        Sort::NextStart
    );
    assert_eq!(BrowseQuery::parse("?q=data&sort=title").sort(), Sort::Title);
}

#[test]
fn browse_state_round_trips_through_the_url() {
    for url in [
        "",
        "?q=data",
        "?q=caf%C3%A9%20%26%20more&type=masterclass,micro-credential&delivery=online&sort=fee&page=3",
        "?discipline=health&status=open&month=2027-02&fee=under-500&credit=yes&cpd=10-24",
    ] {
        let q = BrowseQuery::parse(url);
        assert_eq!(BrowseQuery::parse(&q.to_query_string()), q, "{url}");
        assert_eq!(q.to_query_string(), url, "{url} is already canonical");
    }
    // Messy input is tidied, never rejected.
    let q = BrowseQuery::parse(
        "?type=seminar&type=seminar,,masterclass&page=-4&sort=nonsense&x=1&q=a+b%zz",
    );
    assert_eq!(q.values(Facet::Kind), ["masterclass", "seminar"]);
    assert_eq!((q.page, q.sort, q.text.as_str()), (1, None, "a b%zz"));
    assert_eq!(
        q.to_query_string(),
        "?q=a%20b%25zz&type=masterclass,seminar"
    );
    // The default sort is left out of the URL; toggling starts at page 1.
    assert_eq!(
        BrowseQuery::parse("?sort=start&page=2").to_query_string(),
        "?page=2"
    );
    let toggled = BrowseQuery::parse("?page=2").toggled(Facet::Fee, "free");
    assert_eq!(toggled.to_query_string(), "?fee=free");
    assert_eq!(toggled.toggled(Facet::Fee, "free").to_query_string(), "");
}

#[test]
fn results_are_paged() {
    let c = demo();
    let results = run(&c, "");
    let (first, pages) = results.page(1, 24);
    assert_eq!((first.len(), pages), (24, c.offerings.len().div_ceil(24)));
    let (last, _) = results.page(99, 24);
    assert_eq!(last.len(), c.offerings.len() - 24 * (pages - 1));
    let none = run(&c, "?q=zzzzzz");
    assert_eq!(none.page(1, 24), (&[][..], 1));
}

// ---------------------------------------------------------------- planner

fn plan_slugs(plan: &planner::Plan) -> Vec<String> {
    plan.steps.iter().map(|s| s.cohort.id.clone()).collect()
}

fn assert_no_overlap(plan: &planner::Plan) {
    assert_eq!(plan.steps.len(), 4);
    for pair in plan.steps.windows(2) {
        assert!(
            pair[1].cohort.start_date > pair[0].cohort.end_date,
            "{} starts before {} ends",
            pair[1].cohort.id,
            pair[0].cohort.id
        );
    }
    let mut units: Vec<usize> = plan.steps.iter().map(|s| s.unit).collect();
    units.sort();
    assert_eq!(units, [0, 1, 2, 3], "each unit once");
}

#[test]
fn every_demo_series_can_be_planned_from_this_month_without_overlaps() {
    let c = demo();
    for series in &c.series {
        let plan = planner::plan(&c, series, d("2026-11-01"), today(), &[])
            .unwrap_or_else(|p| panic!("{}: {}", series.slug, p.message(d("2026-11-01"), false)));
        assert_no_overlap(&plan);
        let fees: i64 = plan.steps.iter().map(|s| s.offering.fee.amount_cents).sum();
        assert_eq!(plan.total.amount_cents, fees);
        for step in &plan.steps {
            assert!(matches!(
                step.cohort.availability(today()),
                Availability::Open { .. } | Availability::NotYetOpen { .. }
            ));
        }
    }
}

#[test]
fn the_plan_finishes_as_early_as_possible() {
    let c = demo();
    let series = c.series_by_slug("health-data-analytics").unwrap();
    let plan = planner::plan(&c, series, d("2026-12-01"), today(), &[]).unwrap();
    assert_no_overlap(&plan);
    // Clinical Data Visualisation's only plannable cohort is in October,
    // so it comes last, after Governance, and the plan ends with it. The
    // February start of Foundations wins over May: same finish, earlier start.
    assert_eq!(
        plan_slugs(&plan),
        ["hdf-2027-02", "pha-2027-06", "hdg-2027-08", "cdv-2027-10"]
    );
    assert_eq!(plan.finishes(), Some(d("2027-11-14")));
    let ids = plan_slugs(&plan);
    assert!(ids.contains(&"hdg-2027-08".to_owned()));
    assert!(
        !ids.contains(&"cdv-2027-03".to_owned()),
        "that cohort is full"
    );
}

#[test]
fn swapping_a_cohort_replans_around_it() {
    let c = demo();
    let series = c.series_by_slug("leading-people-and-teams").unwrap();
    let from = d("2027-01-01");
    let first = planner::plan(&c, series, from, today(), &[]).unwrap();
    assert_no_overlap(&first);
    // Leading High-Performing Teams: take the July cohort instead.
    let pinned = planner::plan(&c, series, from, today(), &[(0, "lt-2027-07".into())]).unwrap();
    assert_no_overlap(&pinned);
    assert!(plan_slugs(&pinned).contains(&"lt-2027-07".to_owned()));
    assert_ne!(plan_slugs(&pinned), plan_slugs(&first));
    // The choices for a swap are the unit's cohorts that can be planned.
    let unit = c.offering("mc-leading-teams").unwrap();
    let choices: Vec<&str> = planner::choices(unit, from, today())
        .iter()
        .map(|k| k.id.as_str())
        .collect();
    assert_eq!(
        choices,
        ["lt-2027-02", "lt-2027-07"],
        "the full cohort is not offered"
    );
}

#[test]
fn impossible_plans_are_explained() {
    let c = demo();
    let series = c.series_by_slug("health-data-analytics").unwrap();
    // Foundations of Health Data has nothing after May 2027 (units are
    // checked in the series' order).
    let late = d("2027-07-01");
    let problem = planner::plan(&c, series, late, today(), &[]).unwrap_err();
    assert!(
        matches!(&problem, Problem::NoDates { offering } if offering.id == "mc-health-data-foundations")
    );
    let text = problem.message(late, false);
    assert!(
        text.contains("Foundations of Health Data has no dates you can enrol in from July 2027"),
        "{text}"
    );

    // Pinning Foundations to May leaves it no room before June's Predictive
    // Health Analytics? It does (13 June < 21 June): that plan works.
    let pins = [(0, "hdf-2027-05".to_owned())];
    let plan = planner::plan(&c, series, d("2026-12-01"), today(), &pins).unwrap();
    assert_no_overlap(&plan);
    assert_eq!(plan.starts(), Some(d("2027-05-03")));
}

#[test]
fn overlapping_cohorts_are_never_planned_together() {
    // Four units whose only cohorts all run at the same time.
    let mut c = demo();
    let series = c.series_by_slug("health-data-analytics").unwrap().clone();
    for id in &series.offerings {
        let o = c.offerings.iter_mut().find(|o| &o.id == id).unwrap();
        o.cohorts = vec![Cohort {
            id: format!("{id}-only"),
            start_date: d("2027-03-01"),
            end_date: d("2027-04-11"),
            enrolment_opens: Some(d("2026-11-01")),
            ..Cohort::default()
        }];
    }
    let problem = planner::plan(&c, &series, d("2027-01-01"), today(), &[]).unwrap_err();
    match &problem {
        Problem::Overlap { placed, ends, .. } => {
            assert_eq!((*placed, *ends), (1, d("2027-04-11")));
            let text = problem.message(d("2027-01-01"), false);
            assert!(
                text.starts_with("From January 2027, only 1 of the units fit one after another:")
                    && text.contains("ends on 11 April 2027"),
                "{text}"
            );
        }
        other => panic!("{other:?}"),
    }
    // One day after the previous cohort ends is fine; the same day is not.
    let ids = series.offerings.clone();
    for (n, id) in ids.iter().enumerate() {
        let o = c.offerings.iter_mut().find(|o| &o.id == id).unwrap();
        let start = Date::from_days_since_epoch(d("2027-03-01").days_since_epoch() + 10 * n as i64);
        o.cohorts[0].start_date = start;
        o.cohorts[0].end_date = Date::from_days_since_epoch(start.days_since_epoch() + 9);
    }
    let plan = planner::plan(&c, &series, d("2027-01-01"), today(), &[]).unwrap();
    assert_no_overlap(&plan);
    let o = c.offerings.iter_mut().find(|o| o.id == ids[1]).unwrap();
    o.cohorts[0].start_date = d("2027-03-10");
    assert!(planner::plan(&c, &series, d("2027-01-01"), today(), &[]).is_err());
}

#[test]
fn start_months_run_from_now_to_the_last_plannable_cohort() {
    let c = demo();
    let series = c.series_by_slug("health-data-analytics").unwrap();
    let months = planner::start_months(&c, series, today());
    assert_eq!(months.first().map(String::as_str), Some("2026-11"));
    assert_eq!(months.last().map(String::as_str), Some("2027-10"));
    assert_eq!(months.len(), 12);
}
