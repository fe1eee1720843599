//! Building a pre-rendered page's live copy in small tasks.
//!
//! When the app takes over a pre-rendered page (`app::start`), it builds the
//! live page off screen while the static copy stays in view, then swaps the
//! two. Built in one go, the catalog was one main-thread task of ~430 ms at
//! Lighthouse's 4× CPU slowdown: a keystroke or a tap in that time waits.
//! Instead, pages mark what can come a moment later ([`Later`], or
//! [`later`] for their own steps), and the take-over runs those steps one
//! task each ([`run_next`]) before the swap. Outside a take-over (in-app
//! navigation, a page that was not pre-rendered) nothing is deferred.

use std::cell::RefCell;
use std::collections::VecDeque;

use leptos::prelude::*;

type Job = Box<dyn FnOnce()>;

thread_local! {
    /// `Some` while a take-over is building the live page.
    static QUEUE: RefCell<Option<VecDeque<Job>>> = const { RefCell::new(None) };
    /// What waits for the live page to be in the document.
    static WHEN_LIVE: RefCell<Vec<Job>> = const { RefCell::new(Vec::new()) };
}

/// Starts deferring: [`later`] queues its steps until [`finish`].
pub fn begin() {
    QUEUE.with(|q| *q.borrow_mut() = Some(VecDeque::new()));
}

/// Whether a take-over is building the live page now.
pub fn deferring() -> bool {
    QUEUE.with(|q| q.borrow().is_some())
}

/// Runs `step` after the steps queued before it, each in a task of its own,
/// while a take-over is building the page; at once otherwise.
pub fn later(step: impl FnOnce() + 'static) {
    let step: Job = Box::new(step);
    let step = QUEUE.with(|q| match q.borrow_mut().as_mut() {
        Some(queue) => {
            queue.push_back(step);
            None
        }
        None => Some(step),
    });
    if let Some(step) = step {
        step();
    }
}

/// Runs the next queued step; `false` when none is left. A step may queue
/// more (a region inside a region).
pub fn run_next() -> bool {
    // Taken out first: the step may queue another while it runs.
    let step = QUEUE.with(|q| q.borrow_mut().as_mut().and_then(VecDeque::pop_front));
    match step {
        Some(step) => {
            step();
            true
        }
        None => false,
    }
}

/// Waits for a task of its own during a take-over (a lazy route's page
/// starts in the task after the shell's); returns at once otherwise.
pub async fn turn() {
    if !deferring() {
        return;
    }
    let mut resolve = None;
    let promise = js_sys::Promise::new(&mut |done, _| resolve = Some(done));
    if let Some(done) = resolve {
        later(move || {
            let _ = done.call0(&wasm_bindgen::JsValue::UNDEFINED);
        });
    }
    // Settles in that step's task, as a microtask: the page is built there.
    let _ = wasm_bindgen_futures::JsFuture::from(promise).await;
}

/// Stops deferring; anything still queued runs now.
pub fn finish() {
    while run_next() {}
    QUEUE.with(|q| *q.borrow_mut() = None);
}

/// Runs `step` once the page is in the document: at once, or during a
/// take-over after the swap ([`went_live`]). For what finds elements by id
/// (focus, opening a linked question): the live page is built off screen.
pub fn when_live(step: impl FnOnce() + 'static) {
    if deferring() {
        WHEN_LIVE.with(|w| w.borrow_mut().push(Box::new(step)));
    } else {
        step();
    }
}

/// The take-over has put the live page in the document: runs what waited
/// for it ([`when_live`]).
pub fn went_live() {
    let waiting = WHEN_LIVE.with(|w| std::mem::take(&mut *w.borrow_mut()));
    for step in waiting {
        step();
    }
}

/// Part of a page that a take-over builds after what is above it: below
/// the fold, or hidden until opened. Elsewhere it is just its children.
#[component]
pub fn Later(children: ChildrenFn) -> impl IntoView {
    if !deferring() {
        return children().into_any();
    }
    let ready = RwSignal::new(false);
    later(move || ready.set(true));
    (move || ready.get().then(|| children())).into_any()
}

/// How many of `total` items to show: all of them, or during a take-over
/// `first` at once and `step` more in each later task.
pub fn in_steps(total: usize, first: usize, step: usize) -> ReadSignal<usize> {
    let (shown, set_shown) = signal(total);
    if deferring() && total > first {
        set_shown.set(first);
        let mut at = first;
        while at < total {
            at = (at + step.max(1)).min(total);
            later(move || set_shown.set(at));
        }
    }
    shown
}
