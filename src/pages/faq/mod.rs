use std::sync::Arc;

use leptos::prelude::*;
use leptos_router::hooks::{use_location, use_query_map};

use crate::api;
use crate::components::{Later, later, loaded_view, use_page_title};
use crate::domain::faq::{Faq, FaqIndex, Question, Topic};
use crate::{platform, state};

stylance::import_style!(style, "faq.module.css");

/// `/faq`: every question, grouped by topic, filtered as you type.
/// `/faq#<question-id>` opens that question and moves focus to it.
#[component]
pub fn FaqPage() -> impl IntoView {
    use_page_title(|| "Frequently asked questions".to_owned());
    let faq = state::load_or(api::catalog::prefetched_faq(), api::catalog::fetch_faq);
    view! {
        <div class=style::page>
            <h1>"Frequently asked questions"</h1>
            {loaded_view(faq, "Loading the questions…", true, Box::new(|faq| view! { <FaqBody faq /> }.into_any()))}
        </div>
    }
}

#[component]
fn FaqBody(faq: Arc<Faq>) -> impl IntoView {
    let index = Arc::new(FaqIndex::new(&faq));
    let initial = use_query_map()
        .read_untracked()
        .get("q")
        .unwrap_or_default();
    let query = RwSignal::new(initial);
    // For each question, in FAQ order, whether the search shows it.
    let visible = Memo::new(move |_| index.matches(&query.read()));
    let total = faq.question_count();
    let status = move || {
        let shown = visible.read().iter().filter(|v| **v).count();
        match (query.read().trim().is_empty(), shown) {
            (true, _) => format!("{total} questions."),
            (false, 0) => format!("No questions match “{}”.", query.read().trim()),
            (false, 1) => format!("1 of {total} questions matches."),
            (false, n) => format!("{n} of {total} questions match."),
        }
    };
    reveal_linked_question(faq.clone());

    // A take-over builds each topic in a task of its own.
    let mut position = 0;
    let topics = faq
        .topics
        .iter()
        .map(|topic| {
            let first = position;
            position += topic.questions.len();
            let topic = topic.clone();
            view! { <Later>{topic_section(&topic, first, visible)}</Later> }
        })
        .collect_view();

    view! {
        <div role="search" class=style::search>
            <label for="faq-search">"Search the questions"</label>
            <div class=style::search_row>
                <input id="faq-search" type="search" autocomplete="off" bind:value=query aria-describedby="faq-status" />
                <button type="button" on:click=move |_| query.set(String::new()) disabled=move || query.read().is_empty()>
                    "Clear"
                </button>
            </div>
            <p id="faq-status" class=style::status role="status">{status}</p>
        </div>
        {topics}
        <script type="application/ld+json">{faq.to_json_ld()}</script>
    }
}

/// One topic's heading and questions, `first` being its first question's
/// place in FAQ order.
fn topic_section(topic: &Topic, first: usize, visible: Memo<Vec<bool>>) -> AnyView {
    let range = first..first + topic.questions.len();
    let topic_hidden = move || !visible.read()[range.clone()].iter().any(|v| *v);
    let questions = topic
        .questions
        .iter()
        .enumerate()
        .map(|(i, q)| view! { <QuestionItem question=q.clone() position=first + i visible /> })
        .collect_view();
    let heading_id = format!("topic-{}", topic.id);
    let labelled_by = heading_id.clone();
    view! {
        <section class=style::topic hidden=topic_hidden aria-labelledby=labelled_by>
            <h2 id=heading_id>{topic.title.clone()}</h2>
            {questions}
        </section>
    }
    .into_any()
}

/// One question as a disclosure with a permanent link.
#[component]
fn QuestionItem(
    /// The question and its answer.
    question: Question,
    /// Its place in FAQ order.
    position: usize,
    /// For each question in FAQ order, whether the search shows it.
    visible: Memo<Vec<bool>>,
) -> impl IntoView {
    let hidden = move || !visible.read().get(position).copied().unwrap_or(false);
    let answer = question
        .answer
        .iter()
        .map(|p| view! { <p>{p.clone()}</p> })
        .collect_view();
    view! {
        <details id=question.id.clone() class=style::question hidden=hidden>
            <summary class=style::summary>{question.question.clone()}</summary>
            <div class=style::answer>
                {answer}
                <p class=style::permalink>
                    <a href=platform::href(&format!("/faq#{}", question.id))>"Link to this question"</a>
                </p>
            </div>
        </details>
    }
}

/// Opens and focuses the question named by the URL fragment, on load and
/// whenever the fragment changes. (The effect only touches the DOM.)
fn reveal_linked_question(faq: Arc<Faq>) {
    let hash = use_location().hash;
    Effect::new(move |_| {
        let id = hash.get().trim_start_matches('#').to_owned();
        if faq.find(&id).is_some() {
            later::when_live(move || {
                request_animation_frame(move || {
                    platform::reveal_details(&id);
                });
            });
        }
    });
}
