//! What the catalog page is showing: the search text, the chosen facet
//! values, the sort and the page, read from and written to the URL query so
//! every view can be shared and back/forward restore it.
//!
//! `?q=python&type=micro-credential&delivery=online,blended&sort=fee&page=2`
//!
//! Reading never fails: unknown keys are ignored, repeated keys and
//! comma-separated values add up, and values no offering has simply match
//! nothing (the page still shows them so they can be cleared).

use crate::domain::date::Date;

/// A dimension the catalog can be narrowed by.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash)]
pub enum Facet {
    Kind,
    Discipline,
    Delivery,
    Status,
    Month,
    Fee,
    Credit,
    Cpd,
}

impl Facet {
    pub const ALL: [Facet; 8] = [
        Facet::Kind,
        Facet::Discipline,
        Facet::Delivery,
        Facet::Status,
        Facet::Month,
        Facet::Fee,
        Facet::Credit,
        Facet::Cpd,
    ];

    /// Its key in the URL query.
    pub fn key(self) -> &'static str {
        match self {
            Facet::Kind => "type",
            Facet::Discipline => "discipline",
            Facet::Delivery => "delivery",
            Facet::Status => "status",
            Facet::Month => "month",
            Facet::Fee => "fee",
            Facet::Credit => "credit",
            Facet::Cpd => "cpd",
        }
    }

    /// The heading of its group of checkboxes.
    pub fn label(self) -> &'static str {
        match self {
            Facet::Kind => "Type",
            Facet::Discipline => "Discipline",
            Facet::Delivery => "Delivery",
            Facet::Status => "Enrolment",
            Facet::Month => "Starts in",
            Facet::Fee => "Fee",
            Facet::Credit => "Credit",
            Facet::Cpd => "Hours (CPD)",
        }
    }

    fn index(self) -> usize {
        self as usize
    }

    fn from_key(key: &str) -> Option<Facet> {
        Facet::ALL.into_iter().find(|f| f.key() == key)
    }
}

/// How results are ordered.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Sort {
    /// Earliest next cohort first; offerings with no dates last.
    NextStart,
    /// Lowest fee first.
    Fee,
    /// A to Z.
    Title,
    /// Best match to the search text first.
    Relevance,
}

impl Sort {
    pub const ALL: [Sort; 4] = [Sort::NextStart, Sort::Fee, Sort::Title, Sort::Relevance];

    pub fn key(self) -> &'static str {
        match self {
            Sort::NextStart => "start",
            Sort::Fee => "fee",
            Sort::Title => "title",
            Sort::Relevance => "relevance",
        }
    }

    pub fn label(self) -> &'static str {
        match self {
            Sort::NextStart => "Next start date",
            Sort::Fee => "Fee, lowest first",
            Sort::Title => "Title, A to Z",
            Sort::Relevance => "Best match",
        }
    }

    pub fn from_key(key: &str) -> Option<Sort> {
        Sort::ALL.into_iter().find(|s| s.key() == key)
    }
}

/// The catalog view a URL describes.
#[derive(Debug, Clone, Default, PartialEq, Eq)]
pub struct BrowseQuery {
    /// What the learner typed, as typed.
    pub text: String,
    /// Chosen values per facet, in [`Facet::ALL`] order, each list sorted and
    /// without repeats.
    pub chosen: [Vec<String>; 8],
    /// The sort the learner picked; `None` means the default
    /// ([`BrowseQuery::sort`]).
    pub sort: Option<Sort>,
    /// 1-based page of results.
    pub page: usize,
}

/// Results per page.
pub const PAGE_SIZE: usize = 24;

impl BrowseQuery {
    /// Reads `(key, value)` pairs of a URL query (already percent-decoded).
    pub fn from_pairs<'a>(pairs: impl IntoIterator<Item = (&'a str, &'a str)>) -> BrowseQuery {
        let mut query = BrowseQuery {
            page: 1,
            ..BrowseQuery::default()
        };
        for (key, value) in pairs {
            match key {
                "q" => query.text = value.to_owned(),
                "sort" => query.sort = Sort::from_key(value).or(query.sort),
                "page" => query.page = value.parse().unwrap_or(1).max(1),
                _ => {
                    if let Some(facet) = Facet::from_key(key) {
                        let list = &mut query.chosen[facet.index()];
                        list.extend(
                            value
                                .split(',')
                                .map(str::trim)
                                .filter(|v| !v.is_empty())
                                .map(str::to_owned),
                        );
                    }
                }
            }
        }
        for list in &mut query.chosen {
            list.sort();
            list.dedup();
        }
        query
    }

    /// Reads a raw query string (`?q=…&type=…`, the `?` optional), decoding
    /// `%XX` escapes and `+`.
    pub fn parse(query_string: &str) -> BrowseQuery {
        let decoded: Vec<(String, String)> = query_string
            .trim_start_matches('?')
            .split('&')
            .filter(|p| !p.is_empty())
            .map(|pair| {
                let (k, v) = pair.split_once('=').unwrap_or((pair, ""));
                (decode_component(k), decode_component(v))
            })
            .collect();
        BrowseQuery::from_pairs(decoded.iter().map(|(k, v)| (k.as_str(), v.as_str())))
    }

    /// The URL query for this view (`"?q=data&sort=fee"`), or `""` for the
    /// plain catalog. Keys come in a fixed order and defaults are left out,
    /// so one view has one URL.
    pub fn to_query_string(&self) -> String {
        let mut parts: Vec<String> = Vec::new();
        let text = self.text.trim();
        if !text.is_empty() {
            parts.push(format!("q={}", encode_component(text)));
        }
        for facet in Facet::ALL {
            let list = &self.chosen[facet.index()];
            if !list.is_empty() {
                let values: Vec<String> = list.iter().map(|v| encode_component(v)).collect();
                parts.push(format!("{}={}", facet.key(), values.join(",")));
            }
        }
        if let Some(sort) = self.sort.filter(|s| *s != self.default_sort()) {
            parts.push(format!("sort={}", sort.key()));
        }
        if self.page > 1 {
            parts.push(format!("page={}", self.page));
        }
        if parts.is_empty() {
            String::new()
        } else {
            format!("?{}", parts.join("&"))
        }
    }

    /// The values chosen for `facet`.
    pub fn values(&self, facet: Facet) -> &[String] {
        &self.chosen[facet.index()]
    }

    pub fn is_chosen(&self, facet: Facet, value: &str) -> bool {
        self.values(facet).iter().any(|v| v == value)
    }

    /// Whether any facet value is chosen.
    pub fn has_filters(&self) -> bool {
        self.chosen.iter().any(|l| !l.is_empty())
    }

    /// The same view with `value` of `facet` switched on or off, from page 1.
    pub fn toggled(&self, facet: Facet, value: &str) -> BrowseQuery {
        let mut next = self.clone();
        let list = &mut next.chosen[facet.index()];
        match list.iter().position(|v| v == value) {
            Some(i) => {
                list.remove(i);
            }
            None => {
                list.push(value.to_owned());
                list.sort();
            }
        }
        next.page = 1;
        next
    }

    /// The same view with new search text, from page 1.
    pub fn with_text(&self, text: &str) -> BrowseQuery {
        BrowseQuery {
            text: text.to_owned(),
            page: 1,
            ..self.clone()
        }
    }

    pub fn with_sort(&self, sort: Sort) -> BrowseQuery {
        BrowseQuery {
            sort: Some(sort),
            page: 1,
            ..self.clone()
        }
    }

    pub fn with_page(&self, page: usize) -> BrowseQuery {
        BrowseQuery {
            page: page.max(1),
            ..self.clone()
        }
    }

    /// Search text and sort kept, every facet cleared.
    pub fn without_filters(&self) -> BrowseQuery {
        BrowseQuery {
            text: self.text.clone(),
            sort: self.sort,
            page: 1,
            chosen: Default::default(),
        }
    }

    /// Best match while searching, next start date otherwise.
    pub fn default_sort(&self) -> Sort {
        if self.text.trim().is_empty() {
            Sort::NextStart
        } else {
            Sort::Relevance
        }
    }

    /// The sort in effect. Relevance means nothing without search text, so
    /// it falls back to the next start date.
    pub fn sort(&self) -> Sort {
        match self.sort {
            Some(Sort::Relevance) if self.text.trim().is_empty() => Sort::NextStart,
            Some(sort) => sort,
            None => self.default_sort(),
        }
    }
}

/// Percent-encodes everything but unreserved characters (RFC 3986).
pub fn encode_component(text: &str) -> String {
    let mut out = String::with_capacity(text.len());
    for b in text.bytes() {
        if b.is_ascii_alphanumeric() || matches!(b, b'-' | b'_' | b'.' | b'~') {
            out.push(char::from(b));
        } else {
            out.push('%');
            out.push(char::from(HEX[usize::from(b >> 4)]));
            out.push(char::from(HEX[usize::from(b & 15)]));
        }
    }
    out
}

const HEX: &[u8; 16] = b"0123456789ABCDEF";

/// Decodes `%XX` escapes and `+` (as a space). Malformed escapes stay as
/// written; bytes that do not form UTF-8 become U+FFFD.
pub fn decode_component(text: &str) -> String {
    let bytes = text.as_bytes();
    let mut out = Vec::with_capacity(bytes.len());
    let mut i = 0;
    while i < bytes.len() {
        let escaped = match bytes.get(i + 1..i + 3) {
            Some([h, l]) if bytes[i] == b'%' => hex_value(*h).zip(hex_value(*l)),
            _ => None,
        };
        match (escaped, bytes[i]) {
            (Some((h, l)), _) => {
                out.push(h << 4 | l);
                i += 3;
                continue;
            }
            (None, b'+') => out.push(b' '),
            (None, b) => out.push(b),
        }
        i += 1;
    }
    String::from_utf8_lossy(&out).into_owned()
}

fn hex_value(b: u8) -> Option<u8> {
    match b {
        b'0'..=b'9' => Some(b - b'0'),
        b'a'..=b'f' => Some(b - b'a' + 10),
        b'A'..=b'F' => Some(b - b'A' + 10),
        _ => None,
    }
}

/// "2027-02" for the month `date` falls in: the value of the "Starts in" facet.
pub fn month_key(date: Date) -> String {
    format!("{:04}-{:02}", date.year(), date.month())
}

/// "February 2027" for a month key, or the key itself if it is not one.
pub fn month_label(key: &str) -> String {
    match month_start(key) {
        Some(date) => format!("{} {}", date.month_name(), date.year()),
        None => key.to_owned(),
    }
}

/// The first day of the month a `YYYY-MM` key names.
pub fn month_start(key: &str) -> Option<Date> {
    format!("{key}-01").parse().ok()
}
