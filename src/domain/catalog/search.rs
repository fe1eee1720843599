//! Catalog search: an inverted index over titles, skills, summaries and
//! learning outcomes, facets with counts that follow the search, and sorting.
//!
//! The index is built once per catalog and day (facet values such as
//! "enrolling now" depend on the date); each keystroke then costs a few
//! sorted-vocabulary lookups and one pass over the offerings.
//!
//! Matching, for each word of the query (after case and accent folding):
//! an exact word scores most, a word it begins scores a little less, and
//! only when neither exists anywhere in the catalog does a word within one
//! or two typos count, for less again. Every query word must match (common
//! words such as "and" are skipped). Where it matches matters too: the
//! title weighs most, then skills, the series, the summary and the outcomes.

use std::collections::HashMap;

use super::browse::{BrowseQuery, Facet, Sort, month_key};
use super::{Catalog, Delivery, Offering, OfferingKind};
use crate::domain::date::Date;
use crate::domain::text::{fold, words};

/// How much a match in each field counts.
const TITLE: u8 = 10;
const SKILLS: u8 = 6;
const SERIES: u8 = 4;
const SUMMARY: u8 = 3;
const OUTCOMES: u8 = 2;

/// Query words that would otherwise exclude offerings for not saying them.
const STOP_WORDS: [&str; 11] = [
    "a", "an", "and", "for", "in", "of", "on", "or", "the", "to", "with",
];

/// A cohort counts as "starting soon" when it starts within this many days.
pub const SOON_DAYS: i64 = 42;

/// One value a facet can take, with its URL key and the label people read.
#[derive(Debug, Clone, PartialEq, Eq)]
struct Value {
    key: String,
    label: String,
}

#[derive(Debug, Clone)]
struct Doc {
    /// `(facet index, value index)` pairs this offering has.
    values: Vec<(u8, u16)>,
    next_start: Option<Date>,
    fee_cents: i64,
    /// Position of the title in A-to-Z order (folded), for sorting.
    title_rank: u32,
}

#[derive(Debug, Clone)]
struct Entry {
    word: String,
    /// `(offering index, field weight)`, one per offering.
    postings: Vec<(u32, u8)>,
}

/// The catalog prepared for searching on one day.
#[derive(Debug, Clone)]
pub struct CatalogIndex {
    today: Date,
    docs: Vec<Doc>,
    facets: [Vec<Value>; 8],
    /// Every indexed word, sorted, so a prefix is a contiguous range.
    vocabulary: Vec<Entry>,
}

/// The count for one facet value.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct ValueCount {
    pub key: String,
    pub label: String,
    /// Offerings the search and the *other* facets leave that have it.
    pub count: usize,
    pub chosen: bool,
}

#[derive(Debug, Clone, PartialEq, Eq)]
pub struct FacetCounts {
    pub facet: Facet,
    /// Every value of [`CatalogIndex::values`], in that order (so the page
    /// can keep one checkbox per value), then any chosen value the catalog
    /// does not have. Counts may be zero.
    pub values: Vec<ValueCount>,
}

/// What a query finds.
#[derive(Debug, Clone, PartialEq)]
pub struct Results {
    /// Indexes into `catalog.offerings`, in display order.
    pub offerings: Vec<usize>,
    pub facets: Vec<FacetCounts>,
    /// Query words that matched only as near-misses ("pyhton").
    pub fuzzy: Vec<String>,
    pub sort: Sort,
}

impl Results {
    /// The offerings on 1-based `page` of `per_page`, and the number of pages.
    pub fn page(&self, page: usize, per_page: usize) -> (&[usize], usize) {
        let per_page = per_page.max(1);
        let pages = self.offerings.len().div_ceil(per_page).max(1);
        let page = page.clamp(1, pages);
        let start = (page - 1) * per_page;
        let end = (start + per_page).min(self.offerings.len());
        (&self.offerings[start..end], pages)
    }
}

impl CatalogIndex {
    // One piece: one pass over the catalog fills every table of the index together.
    pub fn new(catalog: &Catalog, today: Date) -> CatalogIndex {
        let mut facets: [Vec<Value>; 8] = Default::default();
        let fixed = |pairs: &[(&str, &str)]| -> Vec<Value> {
            pairs
                .iter()
                .map(|(k, l)| Value {
                    key: (*k).to_owned(),
                    label: (*l).to_owned(),
                })
                .collect()
        };
        facets[Facet::Kind as usize] = OfferingKind::ALL
            .iter()
            .map(|k| Value {
                key: k.as_str().to_owned(),
                label: k.label().to_owned(),
            })
            .collect();
        facets[Facet::Discipline as usize] = catalog
            .disciplines
            .iter()
            .map(|d| Value {
                key: d.id.clone(),
                label: d.name.clone(),
            })
            .collect();
        facets[Facet::Delivery as usize] = DELIVERIES
            .iter()
            .map(|d| Value {
                key: delivery_key(*d).to_owned(),
                label: d.label().to_owned(),
            })
            .collect();
        facets[Facet::Status as usize] = fixed(&[
            ("open", "Enrolling now"),
            ("soon", "Starting within six weeks"),
            ("updates", "Not open yet: register for updates"),
        ]);
        facets[Facet::Fee as usize] = fixed(&FEE_BANDS.map(|(k, l, _)| (k, l)));
        facets[Facet::Credit as usize] =
            fixed(&[("yes", "Gives credit points"), ("no", "No credit")]);
        facets[Facet::Cpd as usize] = fixed(&CPD_BANDS.map(|(k, l, _)| (k, l)));

        let mut months: Vec<String> = Vec::new();
        let mut docs = Vec::with_capacity(catalog.offerings.len());
        let mut postings: HashMap<String, Vec<(u32, u8)>> = HashMap::new();
        for (i, offering) in catalog.offerings.iter().enumerate() {
            let (doc, doc_months) = describe(offering, today, &facets);
            docs.push(doc);
            months.extend(doc_months);
            for (word, weight) in doc_words(catalog, offering) {
                match postings.get_mut(word.as_str()) {
                    Some(list) => list.push((i as u32, weight)),
                    None => {
                        postings.insert(word, vec![(i as u32, weight)]);
                    }
                }
            }
        }
        months.sort_unstable();
        months.dedup();
        let mut titles: Vec<(String, usize)> = catalog
            .offerings
            .iter()
            .enumerate()
            .map(|(i, o)| (fold(&o.title), i))
            .collect();
        titles.sort_unstable();
        for (rank, (_, i)) in titles.into_iter().enumerate() {
            docs[i].title_rank = rank as u32;
        }
        // Month values are only known after every offering is seen.
        for (doc, offering) in docs.iter_mut().zip(&catalog.offerings) {
            for cohort in offering.upcoming_cohorts(today) {
                let key = month_key(cohort.start_date);
                if let Ok(v) = months.binary_search(&key) {
                    push_value(&mut doc.values, Facet::Month, v);
                }
            }
        }
        facets[Facet::Month as usize] = months
            .into_iter()
            .map(|key| Value {
                label: super::browse::month_label(&key),
                key,
            })
            .collect();
        let mut vocabulary: Vec<Entry> = postings
            .into_iter()
            .map(|(word, postings)| Entry { word, postings })
            .collect();
        vocabulary.sort_unstable_by(|a, b| a.word.cmp(&b.word));
        CatalogIndex {
            today,
            docs,
            facets,
            vocabulary,
        }
    }

    /// The values `facet` can take in this catalog: `(key, label)`.
    pub fn values(&self, facet: Facet) -> impl Iterator<Item = (&str, &str)> {
        self.facets[facet as usize]
            .iter()
            .map(|v| (v.key.as_str(), v.label.as_str()))
    }

    /// How many offerings are indexed.
    pub fn len(&self) -> usize {
        self.docs.len()
    }

    pub fn is_empty(&self) -> bool {
        self.docs.is_empty()
    }

    /// The day the index was built for.
    pub fn today(&self) -> Date {
        self.today
    }

    /// Runs `query`: matches, facet counts and order.
    // One piece: match, count facets, order, in that order; each stage feeds the next.
    pub fn search(&self, query: &BrowseQuery) -> Results {
        let (terms, scores, fuzzy) = self.score(&query.text);
        let chosen: Vec<Vec<bool>> = Facet::ALL
            .iter()
            .map(|f| {
                let universe = &self.facets[*f as usize];
                universe
                    .iter()
                    .map(|v| query.is_chosen(*f, &v.key))
                    .collect()
            })
            .collect();
        let active: Vec<bool> = Facet::ALL
            .iter()
            .map(|f| !query.values(*f).is_empty())
            .collect();

        let mut counts: Vec<Vec<usize>> = self.facets.iter().map(|u| vec![0; u.len()]).collect();
        let mut hits: Vec<usize> = Vec::new();
        for (i, doc) in self.docs.iter().enumerate() {
            if terms > 0 && scores[i] < 0.0 {
                continue;
            }
            // Bit f set: the offering fails facet f's choice.
            let mut failing: u16 = 0;
            for (f, on) in active.iter().enumerate() {
                if *on
                    && !doc
                        .values
                        .iter()
                        .any(|(df, v)| usize::from(*df) == f && chosen[f][usize::from(*v)])
                {
                    failing |= 1 << f;
                }
            }
            // An offering counts towards a facet's values if it passes every
            // other facet, so counts say what choosing a value would give.
            if failing == 0 {
                hits.push(i);
            }
            if failing.count_ones() <= 1 {
                for (f, v) in &doc.values {
                    if failing == 0 || failing == 1 << f {
                        counts[usize::from(*f)][usize::from(*v)] += 1;
                    }
                }
            }
        }

        let facets = Facet::ALL
            .iter()
            .map(|f| {
                let fi = *f as usize;
                let mut values: Vec<ValueCount> = self.facets[fi]
                    .iter()
                    .zip(&counts[fi])
                    .zip(&chosen[fi])
                    .map(|((v, count), chosen)| ValueCount {
                        key: v.key.clone(),
                        label: v.label.clone(),
                        count: *count,
                        chosen: *chosen,
                    })
                    .collect();
                // A chosen value this catalog does not have (an old link) is
                // still listed, so it can be cleared.
                for key in query.values(*f) {
                    if !self.facets[fi].iter().any(|v| &v.key == key) {
                        values.push(ValueCount {
                            key: key.clone(),
                            label: key.clone(),
                            count: 0,
                            chosen: true,
                        });
                    }
                }
                FacetCounts { facet: *f, values }
            })
            .collect();

        let sort = query.sort();
        self.order(&mut hits, sort, &scores);
        Results {
            offerings: hits,
            facets,
            fuzzy,
            sort,
        }
    }

    /// Scores every offering against `text`: the number of query words,
    /// a score per offering (negative when some word did not match), and
    /// the words that only matched as near-misses.
    fn score(&self, text: &str) -> (usize, Vec<f32>, Vec<String>) {
        let n = self.docs.len();
        let folded = fold(text);
        let mut terms: Vec<&str> = words(&folded).collect();
        if terms.iter().any(|t| !STOP_WORDS.contains(t)) {
            terms.retain(|t| !STOP_WORDS.contains(t));
        }
        terms.sort_unstable();
        terms.dedup();
        let mut scores = vec![0.0f32; n];
        let mut fuzzy = Vec::new();
        if terms.is_empty() {
            return (0, scores, fuzzy);
        }
        let mut matched = vec![0u16; n];
        let mut best = vec![0.0f32; n];
        for term in &terms {
            best.iter_mut().for_each(|b| *b = 0.0);
            let start = self.vocabulary.partition_point(|e| e.word.as_str() < *term);
            let mut found = false;
            for entry in self.vocabulary[start..]
                .iter()
                .take_while(|e| e.word.starts_with(term))
            {
                found = true;
                // A word the term begins counts less the more it has to add.
                let quality = if entry.word.len() == term.len() {
                    1.0
                } else {
                    0.8 - 0.02 * (entry.word.len() - term.len()).min(10) as f32
                };
                credit(&mut best, &entry.postings, quality);
            }
            if !found {
                let allowed = typo_allowance(term);
                if allowed > 0 {
                    let term_chars: Vec<char> = term.chars().collect();
                    for entry in &self.vocabulary {
                        if near_miss(&term_chars, &entry.word, allowed) {
                            found = true;
                            credit(&mut best, &entry.postings, 0.5);
                        }
                    }
                }
                if found {
                    fuzzy.push((*term).to_owned());
                }
            }
            for ((score, matched), best) in scores.iter_mut().zip(&mut matched).zip(&best) {
                if *best > 0.0 {
                    *score += best;
                    *matched += 1;
                }
            }
        }
        let all = terms.len() as u16;
        for (score, matched) in scores.iter_mut().zip(&matched) {
            if *matched < all {
                *score = -1.0;
            }
        }
        (terms.len(), scores, fuzzy)
    }

    /// Puts `hits` in `sort` order. One key per hit and one sort call: each
    /// distinct sort closure would add its own copy of the sort routine to
    /// the browser bundle.
    fn order(&self, hits: &mut Vec<usize>, sort: Sort, scores: &[f32]) {
        let key = |i: usize| -> (i64, i64, u32) {
            let doc = &self.docs[i];
            // Offerings with no dates go last.
            let start = doc.next_start.map_or(i64::MAX, |d| d.days_since_epoch());
            match sort {
                Sort::NextStart => (start, 0, doc.title_rank),
                Sort::Fee => (doc.fee_cents, 0, doc.title_rank),
                Sort::Title => (i64::from(doc.title_rank), 0, 0),
                // Scores are small multiples of 0.02; thousandths keep them apart.
                Sort::Relevance => (-((scores[i] * 1000.0) as i64), start, doc.title_rank),
            }
        };
        let mut keyed: Vec<((i64, i64, u32), usize)> = hits.iter().map(|i| (key(*i), *i)).collect();
        keyed.sort_unstable();
        hits.clear();
        hits.extend(keyed.into_iter().map(|(_, i)| i));
    }
}

/// Raises each posting's best score for the current query word.
fn credit(best: &mut [f32], postings: &[(u32, u8)], quality: f32) {
    for (doc, weight) in postings {
        let score = f32::from(*weight) * quality;
        let slot = &mut best[*doc as usize];
        if score > *slot {
            *slot = score;
        }
    }
}

/// Typos forgiven in a query word: none under five letters (too many short
/// words are one letter apart), one up to seven, two from eight.
fn typo_allowance(term: &str) -> usize {
    match term.chars().count() {
        0..=4 => 0,
        5..=7 => 1,
        _ => 2,
    }
}

/// Whether `word`, or its beginning of the same length, is within `allowed`
/// edits of the term (insertions, deletions, substitutions and swaps of
/// neighbours). The first letter must agree: people rarely mistype it, and
/// it keeps unrelated words out.
fn near_miss(term: &[char], word: &str, allowed: usize) -> bool {
    let mut chars = word.chars();
    if chars.next() != term.first().copied() {
        return false;
    }
    let word: Vec<char> = word.chars().collect();
    if word.len() + allowed < term.len() {
        return false;
    }
    if word.len() <= term.len() + allowed && edit_distance(term, &word, allowed) <= allowed {
        return true;
    }
    // The learner may still be typing: compare with the word's beginning.
    word.len() > term.len() && edit_distance(term, &word[..term.len()], allowed) <= allowed
}

/// Optimal string alignment distance, giving up (returning `limit + 1`)
/// once every path exceeds `limit`.
fn edit_distance(a: &[char], b: &[char], limit: usize) -> usize {
    let (n, m) = (a.len(), b.len());
    if n.abs_diff(m) > limit {
        return limit + 1;
    }
    let mut two_back = vec![0usize; m + 1];
    let mut prev: Vec<usize> = (0..=m).collect();
    let mut cur = vec![0usize; m + 1];
    for i in 1..=n {
        cur[0] = i;
        let mut row_min = cur[0];
        for j in 1..=m {
            let cost = usize::from(a[i - 1] != b[j - 1]);
            let mut d = (prev[j] + 1).min(cur[j - 1] + 1).min(prev[j - 1] + cost);
            if i > 1 && j > 1 && a[i - 1] == b[j - 2] && a[i - 2] == b[j - 1] {
                d = d.min(two_back[j - 2] + 1);
            }
            cur[j] = d;
            row_min = row_min.min(d);
        }
        if row_min > limit {
            return limit + 1;
        }
        std::mem::swap(&mut two_back, &mut prev);
        std::mem::swap(&mut prev, &mut cur);
    }
    prev[m]
}

const DELIVERIES: [Delivery; 3] = [Delivery::Online, Delivery::FaceToFace, Delivery::Blended];

fn delivery_key(d: Delivery) -> &'static str {
    match d {
        Delivery::Online => "online",
        Delivery::FaceToFace => "face-to-face",
        Delivery::Blended => "blended",
    }
}

/// Fee bands: key, label, and the band's upper limit in cents (exclusive).
const FEE_BANDS: [(&str, &str, i64); 5] = [
    ("free", "Free", 1),
    ("under-500", "Under $500", 50_000),
    ("500-999", "$500 to $999", 100_000),
    ("1000-1999", "$1,000 to $1,999", 200_000),
    ("2000-plus", "$2,000 or more", i64::MAX),
];

/// Hours bands: key, label, upper limit in hours (exclusive).
const CPD_BANDS: [(&str, &str, f64); 4] = [
    ("under-10", "Under 10 hours", 10.0),
    ("10-24", "10 to 24 hours", 25.0),
    ("25-49", "25 to 49 hours", 50.0),
    ("50-plus", "50 hours or more", f64::INFINITY),
];

fn push_value(values: &mut Vec<(u8, u16)>, facet: Facet, value: usize) {
    let pair = (facet as u8, value as u16);
    if !values.contains(&pair) {
        values.push(pair);
    }
}

/// An offering's facet values (all but months, which need the whole
/// catalog) and the month keys of its live cohorts.
fn describe(offering: &Offering, today: Date, facets: &[Vec<Value>; 8]) -> (Doc, Vec<String>) {
    let mut values = Vec::new();
    let find = |facet: Facet, key: &str| facets[facet as usize].iter().position(|v| v.key == key);
    if let Some(v) = find(Facet::Kind, offering.kind.as_str()) {
        push_value(&mut values, Facet::Kind, v);
    }
    if let Some(v) = find(Facet::Discipline, &offering.discipline) {
        push_value(&mut values, Facet::Discipline, v);
    }
    let mut months = Vec::new();
    let mut open = false;
    let mut soon = false;
    let month_now = month_key(today);
    for cohort in offering.upcoming_cohorts(today) {
        if let Some(v) = find(Facet::Delivery, delivery_key(cohort.delivery)) {
            push_value(&mut values, Facet::Delivery, v);
        }
        let key = month_key(cohort.start_date);
        if key >= month_now {
            months.push(key);
        }
        if cohort.availability(today).is_open() {
            open = true;
            let days = today.days_until(cohort.start_date);
            soon |= (0..=SOON_DAYS).contains(&days);
        }
    }
    let status = match (open, soon) {
        (true, true) => vec![0, 1],
        (true, false) => vec![0],
        (false, _) => vec![2],
    };
    for v in status {
        push_value(&mut values, Facet::Status, v);
    }
    let fee = offering.fee.amount_cents;
    if let Some(v) = FEE_BANDS.iter().position(|(_, _, limit)| fee < *limit) {
        push_value(&mut values, Facet::Fee, v);
    }
    push_value(
        &mut values,
        Facet::Credit,
        if offering.credit_points > 0.0 { 0 } else { 1 },
    );
    if let Some(v) = CPD_BANDS
        .iter()
        .position(|(_, _, limit)| offering.hours < *limit)
    {
        push_value(&mut values, Facet::Cpd, v);
    }
    let doc = Doc {
        values,
        next_start: offering.next_cohort(today).map(|c| c.start_date),
        fee_cents: fee,
        title_rank: 0,
    };
    (doc, months)
}

/// Every distinct folded word of an offering's searchable text with the
/// weight of the heaviest field it appears in.
fn doc_words(catalog: &Catalog, offering: &Offering) -> Vec<(String, u8)> {
    let mut out: Vec<(String, u8)> = Vec::new();
    let mut add = |text: &str, weight: u8| {
        let folded = fold(text);
        for w in words(&folded) {
            out.push((w.to_owned(), weight));
        }
    };
    add(&offering.title, TITLE);
    for skill in &offering.skills {
        add(skill, SKILLS);
    }
    if let Some(series) = catalog.series_of(&offering.id) {
        add(&series.title, SERIES);
    }
    for suite in catalog.suites_of(&offering.id) {
        add(&suite.title, SERIES);
    }
    add(&offering.summary, SUMMARY);
    for outcome in &offering.learning_outcomes {
        add(outcome, OUTCOMES);
    }
    // Heaviest first, then keep one entry per word.
    out.sort_unstable_by(|a, b| a.0.cmp(&b.0).then(b.1.cmp(&a.1)));
    out.dedup_by(|later, first| later.0 == first.0);
    out
}

#[cfg(test)]
mod tests {
    use super::*;

    fn chars(s: &str) -> Vec<char> {
        s.chars().collect()
    }

    #[test]
    fn edit_distance_counts_swaps_as_one() {
        for (a, b, d) in [
            ("python", "python", 0),
            ("pyhton", "python", 1),
            ("pythn", "python", 1),
            ("pythonn", "python", 1),
            ("pithon", "python", 1),
            ("ptyhno", "python", 2),
            ("", "abc", 3),
        ] {
            assert_eq!(edit_distance(&chars(a), &chars(b), 5), d, "{a} → {b}");
        }
        assert_eq!(edit_distance(&chars("abcdef"), &chars("uvwxyz"), 2), 3);
    }

    #[test]
    fn near_misses_need_the_first_letter_and_length() {
        assert!(near_miss(&chars("pyhton"), "python", 1));
        assert!(near_miss(&chars("visualsat"), "visualisation", 2));
        assert!(!near_miss(&chars("ython"), "python", 1));
        assert!(!near_miss(&chars("pyhton"), "py", 1));
        assert_eq!(typo_allowance("data"), 0);
    }
}
