//! The FAQ: questions grouped by topic, searchable as you type, each with a
//! stable anchor.
//!
//! Anchors are the question ids in `faq.json`, written by hand and never
//! derived from the wording: rewording a question must not break links that
//! people have already shared.

use crate::domain::catalog::rules::is_slug;
use crate::domain::json::{self, FromJson, Json, Reader};
use crate::domain::text::{fold, matches_prefixes};

/// The FAQ format this build reads.
pub const FAQ_VERSION: u32 = 1;

#[derive(Debug, Clone, Default, PartialEq)]
pub struct Faq {
    pub version: u32,
    pub topics: Vec<Topic>,
}

#[derive(Debug, Clone, Default, PartialEq)]
pub struct Topic {
    pub id: String,
    pub title: String,
    pub questions: Vec<Question>,
}

#[derive(Debug, Clone, Default, PartialEq)]
pub struct Question {
    /// The anchor: `/faq#<id>`.
    pub id: String,
    pub question: String,
    /// Plain-text paragraphs.
    pub answer: Vec<String>,
}

#[derive(Debug, Clone, PartialEq, Eq, thiserror::Error)]
#[non_exhaustive]
pub enum FaqError {
    #[error("It is not a valid FAQ file: {0}.")]
    Shape(String),
    #[error("It is FAQ format version {found}; this app reads version {FAQ_VERSION}.")]
    Version { found: u32 },
    #[error("The anchor “{0}” is used by two questions or topics.")]
    DuplicateAnchor(String),
    #[error("The anchor “{0}” is not a slug (lower-case letters and digits joined by hyphens).")]
    BadAnchor(String),
}

impl Faq {
    /// Parses and checks `faq.json`: version, and unique slug anchors.
    pub fn from_json(text: &str) -> Result<Faq, FaqError> {
        let json = json::parse(text).map_err(|e| {
            FaqError::Shape(format!(
                "{} (line {}, column {})",
                e.message, e.line, e.column
            ))
        })?;
        let faq: Faq = json::read(&json).map_err(|errors| {
            let first = errors.first().map(ToString::to_string).unwrap_or_default();
            FaqError::Shape(first)
        })?;
        if faq.version != FAQ_VERSION {
            return Err(FaqError::Version { found: faq.version });
        }
        let mut seen = std::collections::HashSet::new();
        let anchors = faq
            .topics
            .iter()
            .flat_map(|t| std::iter::once(&t.id).chain(t.questions.iter().map(|q| &q.id)));
        for anchor in anchors {
            if !is_slug(anchor) {
                return Err(FaqError::BadAnchor(anchor.clone()));
            }
            if !seen.insert(anchor.as_str()) {
                return Err(FaqError::DuplicateAnchor(anchor.clone()));
            }
        }
        Ok(faq)
    }

    pub fn question_count(&self) -> usize {
        self.topics.iter().map(|t| t.questions.len()).sum()
    }

    /// The topic and question with this anchor.
    pub fn find(&self, anchor: &str) -> Option<(&Topic, &Question)> {
        self.topics
            .iter()
            .find_map(|t| t.questions.iter().find(|q| q.id == anchor).map(|q| (t, q)))
    }

    /// schema.org `FAQPage` structured data for search engines, as JSON
    /// text that is safe inside a `<script>` element.
    pub fn to_json_ld(&self) -> String {
        let entries: Vec<String> = self
            .topics
            .iter()
            .flat_map(|t| &t.questions)
            .map(|q| {
                format!(
                    r#"{{"@type":"Question","name":{},"acceptedAnswer":{{"@type":"Answer","text":{}}}}}"#,
                    json::quote(&q.question),
                    json::quote(&q.answer.join("\n\n")),
                )
            })
            .collect();
        format!(
            r#"{{"@context":"https://schema.org","@type":"FAQPage","mainEntity":[{}]}}"#,
            entries.join(",")
        )
    }
}

impl FromJson for Faq {
    fn read<'j>(r: &mut Reader<'j>, json: &'j Json) -> Faq {
        let o = r.object(json);
        Faq {
            version: r.req(o, "version"),
            topics: r.req(o, "topics"),
        }
    }
}

impl FromJson for Topic {
    fn read<'j>(r: &mut Reader<'j>, json: &'j Json) -> Topic {
        let o = r.object(json);
        Topic {
            id: r.req(o, "id"),
            title: r.req(o, "title"),
            questions: r.req(o, "questions"),
        }
    }
}

impl FromJson for Question {
    fn read<'j>(r: &mut Reader<'j>, json: &'j Json) -> Question {
        let o = r.object(json);
        Question {
            id: r.req(o, "id"),
            question: r.req(o, "question"),
            answer: r.req(o, "answer"),
        }
    }
}

/// The FAQ folded once for searching, so each keystroke only compares.
#[derive(Debug, Clone)]
pub struct FaqIndex {
    /// Folded question + answer + topic text, per question, in FAQ order.
    entries: Vec<(String, String)>,
}

impl FaqIndex {
    pub fn new(faq: &Faq) -> FaqIndex {
        let entries = faq
            .topics
            .iter()
            .flat_map(|t| {
                t.questions.iter().map(move |q| {
                    let text = format!("{} {} {}", q.question, q.answer.join(" "), t.title);
                    (q.id.clone(), fold(&text))
                })
            })
            .collect();
        FaqIndex { entries }
    }

    /// Ids of the questions in which every word of `query` starts some word,
    /// ignoring case and accents. Keeps FAQ order, so topics stay grouped.
    /// An empty or blank query matches every question.
    pub fn search(&self, query: &str) -> Vec<&str> {
        let hits = self.matches(query);
        self.entries
            .iter()
            .zip(hits)
            .filter(|(_, hit)| *hit)
            .map(|((id, _), _)| id.as_str())
            .collect()
    }

    /// For each question in FAQ order, whether it matches `query`.
    pub fn matches(&self, query: &str) -> Vec<bool> {
        let query = fold(query);
        self.entries
            .iter()
            .map(|(_, text)| matches_prefixes(text, &query))
            .collect()
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    fn faq() -> Faq {
        Faq::from_json(include_str!("../../public/faq.json")).expect("the shipped FAQ parses")
    }

    #[test]
    fn the_shipped_faq_covers_every_topic_with_twenty_questions_or_more() {
        let faq = faq();
        assert!(
            faq.question_count() >= 20,
            "{} questions",
            faq.question_count()
        );
        let titles: Vec<String> = faq.topics.iter().map(|t| fold(&t.title)).collect();
        for needle in [
            "short course",
            "delivery",
            "assess",
            "credit",
            "cpd",
            "badge",
            "verif",
            "fee",
            "eligib",
        ] {
            assert!(
                titles.iter().any(|t| t.contains(needle)),
                "no topic about {needle}: {titles:?}"
            );
        }
    }

    #[test]
    fn search_is_case_and_accent_insensitive_and_prefix_based() {
        let faq = faq();
        let index = FaqIndex::new(&faq);
        let all = index.search("  ");
        assert_eq!(all.len(), faq.question_count());
        let upper = index.search("CPD");
        assert!(!upper.is_empty());
        assert_eq!(upper, index.search("cpd"));
        assert_eq!(index.search("fée"), index.search("fee"));
        assert!(
            index
                .search("instalm")
                .iter()
                .any(|id| id.contains("instalment")),
            "{:?}",
            index.search("instalm")
        );
        assert!(index.search("zzzzqx").is_empty());
    }

    #[test]
    fn rejects_duplicate_and_malformed_anchors() {
        let dup = r#"{"version":1,"topics":[{"id":"a","title":"A","questions":[{"id":"a","question":"?","answer":[]}]}]}"#;
        assert_eq!(
            Faq::from_json(dup),
            Err(FaqError::DuplicateAnchor("a".into()))
        );
        let bad = r#"{"version":1,"topics":[{"id":"Not A Slug","title":"A","questions":[]}]}"#;
        assert!(matches!(Faq::from_json(bad), Err(FaqError::BadAnchor(_))));
        assert_eq!(
            Faq::from_json(r#"{"version":2,"topics":[]}"#),
            Err(FaqError::Version { found: 2 })
        );
    }

    #[test]
    fn json_ld_lists_every_question() {
        let faq = faq();
        let ld: serde_json::Value = serde_json::from_str(&faq.to_json_ld()).unwrap();
        assert_eq!(ld["@type"], "FAQPage");
        assert_eq!(ld["mainEntity"][0]["acceptedAnswer"]["@type"], "Answer");
        assert_eq!(
            ld["mainEntity"].as_array().map(Vec::len),
            Some(faq.question_count())
        );
    }
}
