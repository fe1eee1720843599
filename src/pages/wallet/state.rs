//! The wallet as the pages share it: the cards, loaded once per visit from
//! IndexedDB and reloaded when another tab changes them; imports (verified
//! in the worker, then saved in one transaction); "check all again"; the
//! last removed badge, for undo.

use std::cell::{Cell, RefCell};
use std::collections::VecDeque;
use std::rc::Rc;
use std::sync::Arc;

use leptos::prelude::*;

use crate::api;
use crate::api::wallet_store as store;
use crate::domain::catalog::Catalog;
use crate::domain::instant::UnixTime;
use crate::domain::wallet::{Card, Kept, Refusal, backup, duplicate_of};
use crate::platform;
use crate::state::CatalogState;

thread_local! {
    /// Runs of "check all again" on this page, to tell the workers (which
    /// live as long as the page) when one run ends and the next begins.
    static RUNS: Cell<u32> = const { Cell::new(0) };
}

/// Requests kept in flight to the worker during "check all again": it is
/// single-threaded, so a few keep it busy while the page reads and writes
/// IndexedDB.
const LANES: usize = 4;
/// Re-checked badges saved per transaction (and merged into the list at
/// once): measured with scripts/bench-wallet.mjs, 200 took "check all again"
/// over 1,000 badges from 1.77 s to 1.58 s against 50 (docs/BENCHMARKS.md).
const BATCH: usize = 200;
/// Badges each lane reads from storage at once (one transaction).
const CHUNK: usize = 25;

/// How many verifier workers "check all again" spreads over: one per core,
/// at most the bridge's limit. (Each worker costs its own memory, so the
/// wallet uses more than one only here.)
fn workers() -> usize {
    let cores = web_sys::window().map_or(1.0, |w| w.navigator().hardware_concurrency()) as usize;
    cores.clamp(1, api::verifier::MAX_WORKERS)
}

/// The shared state of one "check all again".
struct CheckRun {
    queue: RefCell<VecDeque<Card>>,
    pending: RefCell<Vec<Kept>>,
    done: RefCell<usize>,
    lanes_left: RefCell<usize>,
    total: usize,
}

/// One thing to import: a file's bytes, pasted text, or a URL's text.
pub struct Input {
    pub bytes: Vec<u8>,
    pub name: String,
    pub source_url: Option<String>,
    /// When it was first added (a restored backup keeps its dates).
    pub added: Option<UnixTime>,
}

/// What happened to one input of an import.
#[derive(Clone, Debug, PartialEq)]
pub struct Outcome {
    pub name: String,
    pub ok: bool,
    pub message: String,
}

/// "Check all again" in progress: done of total.
#[derive(Clone, Copy, Debug, PartialEq, Default)]
pub struct Progress {
    pub done: usize,
    pub total: usize,
}

#[derive(Clone, Copy)]
pub struct WalletState {
    /// `None` until the first load settles; `Some(Err)` when storage is unusable.
    pub cards: RwSignal<Option<Result<Vec<Card>, String>>>,
    /// Records that could not be read (shown as a warning; never deleted).
    pub damaged: RwSignal<usize>,
    pub importing: RwSignal<bool>,
    pub outcomes: RwSignal<Vec<Outcome>>,
    pub checking: RwSignal<Option<Progress>>,
    /// The badge removed last, until it is restored or the visit ends.
    pub removed: RwSignal<Option<Kept>>,
    /// A problem with the last action (saving, removing…).
    pub problem: RwSignal<Option<String>>,
    /// The catalog whose issuers the wallet's checks trust.
    catalog: CatalogState,
    started: StoredValue<bool>,
}

/// Made once when the wallet module starts; nothing is read until a wallet
/// page asks.
pub fn new_wallet(catalog: CatalogState) -> WalletState {
    WalletState {
        cards: RwSignal::new(None),
        damaged: RwSignal::new(0),
        importing: RwSignal::new(false),
        outcomes: RwSignal::new(Vec::new()),
        checking: RwSignal::new(None),
        removed: RwSignal::new(None),
        problem: RwSignal::new(None),
        catalog,
        started: StoredValue::new(false),
    }
}

/// The wallet state for the whole visit, made under `owner` (which outlives
/// every mount) the first time a wallet page asks.
pub fn wallet_for_visit(owner: &Owner, catalog: CatalogState) -> WalletState {
    thread_local! {
        static WALLET: std::cell::Cell<Option<WalletState>> = const { std::cell::Cell::new(None) };
    }
    WALLET.with(|w| {
        let state = w
            .get()
            .unwrap_or_else(|| owner.with(|| new_wallet(catalog)));
        w.set(Some(state));
        state
    })
}

/// The wallet, loading it on first use.
pub fn use_wallet() -> WalletState {
    let state: WalletState = expect_context();
    if !state.started.get_value() {
        state.started.set_value(true);
        state.reload();
        store::on_other_tab_change(move || state.reload());
    }
    state
}

impl WalletState {
    pub fn reload(self) {
        leptos::task::spawn_local(async move {
            match store::load_cards().await {
                Ok((cards, damaged)) => {
                    self.cards.set(Some(Ok(cards)));
                    self.damaged.set(damaged);
                }
                Err(problem) => self.cards.set(Some(Err(problem))),
            }
        });
    }

    /// The cards loaded so far (empty while loading or unusable).
    pub fn current(self) -> Vec<Card> {
        self.cards
            .with_untracked(|c| c.as_ref().and_then(|r| r.as_ref().ok()).cloned())
            .unwrap_or_default()
    }

    /// Verifies each input in the worker and keeps the badges among them.
    /// A wallet backup expands into its badges. Every input gets an outcome;
    /// the badges are saved together (all or none).
    pub fn import(self, inputs: Vec<Input>) {
        if self.importing.get_untracked() {
            return;
        }
        self.importing.set(true);
        self.outcomes.set(Vec::new());
        self.problem.set(None);
        let held = self.catalog.get_untracked();
        leptos::task::spawn_local(async move {
            let mut outcomes = Vec::new();
            let mut queue = Vec::new();
            for input in inputs {
                expand(input, &mut queue, &mut outcomes);
            }
            let mut known = self.current();
            let mut accepted: Vec<Kept> = Vec::new();
            let catalog = api::verifier::trusted(held).await;
            for input in queue {
                let now = platform::now();
                let report = match &catalog {
                    Ok(catalog) => api::verifier::verify(&input.bytes, catalog, now, None).await,
                    Err(why) => Err(why.clone()),
                };
                let kept = report
                    .map_err(|why| Refusal::Unreadable(format!("the verifier failed ({why}).")))
                    .and_then(|json| {
                        Kept::from_report(
                            input.bytes,
                            &input.name,
                            input.source_url.as_deref(),
                            json,
                            now,
                        )
                    })
                    .and_then(|mut kept| {
                        if let Some(added) = input.added.filter(|a| a.0 > 0) {
                            kept.card.added = added;
                        }
                        match duplicate_of(&known, &kept.card) {
                            Some((first, same_content)) => Err(Refusal::Duplicate {
                                name: first.name.clone(),
                                same_content,
                            }),
                            None => Ok(kept),
                        }
                    });
                match kept {
                    Ok(kept) => {
                        outcomes.push(Outcome {
                            name: input.name,
                            ok: true,
                            message: format!(
                                "Added “{}”: {}.",
                                kept.card.name,
                                kept.card.status().label().to_lowercase()
                            ),
                        });
                        known.push(kept.card.clone());
                        accepted.push(kept);
                    }
                    Err(refusal) => outcomes.push(Outcome {
                        name: input.name,
                        ok: false,
                        message: refusal.message(),
                    }),
                }
            }
            if let Err(problem) = store::put_all(&accepted).await {
                for o in outcomes.iter_mut().filter(|o| o.ok) {
                    o.ok = false;
                    o.message = "Not saved (see the message above).".to_owned();
                }
                self.problem.set(Some(problem));
            } else if !accepted.is_empty() {
                self.cards.set(Some(Ok(known)));
            }
            self.outcomes.set(outcomes);
            self.importing.set(false);
        });
    }

    /// Verifies every badge again in the worker, a few at a time, saving
    /// the new reports in batches (one transaction each) and updating the
    /// list as each batch lands.
    pub fn check_all(self) {
        if self.checking.get_untracked().is_some() {
            return;
        }
        let cards = self.current();
        if cards.is_empty() {
            return;
        }
        self.problem.set(None);
        let total = cards.len();
        self.checking.set(Some(Progress { done: 0, total }));
        let run = Rc::new(CheckRun {
            queue: RefCell::new(cards.into_iter().collect()),
            pending: RefCell::default(),
            done: RefCell::new(0),
            lanes_left: RefCell::new(LANES),
            total,
        });
        // One id for the run: its requests share their fetches (a status
        // list once per worker), and the next run fetches afresh.
        let run_id = RUNS.with(|runs| {
            runs.set(runs.get() + 1);
            runs.get()
        });
        let held = self.catalog.get_untracked();
        leptos::task::spawn_local(async move {
            let catalog = match api::verifier::trusted(held).await {
                Ok(catalog) => catalog,
                Err(why) => {
                    self.problem
                        .set(Some(format!("Nothing was checked: {why}")));
                    self.checking.set(None);
                    return;
                }
            };
            let workers = workers();
            for lane in 0..LANES {
                let (run, catalog) = (run.clone(), catalog.clone());
                leptos::task::spawn_local(async move {
                    self.lane(&run, lane % workers, &catalog, run_id).await;
                });
            }
        });
    }

    /// One of the run's lanes: takes a few badges at a time from the
    /// queue (read in one transaction), checks each in worker `worker`, and
    /// saves the results in batches; the last lane to finish saves the rest.
    async fn lane(self, run: &CheckRun, worker: usize, catalog: &Arc<Catalog>, run_id: u32) {
        loop {
            let chunk: Vec<Card> = {
                let mut queue = run.queue.borrow_mut();
                std::iter::from_fn(|| queue.pop_front())
                    .take(CHUNK)
                    .collect()
            };
            if chunk.is_empty() {
                break;
            }
            for loaded in store::load_many(&chunk).await {
                if let Ok(mut kept) = loaded {
                    let now = platform::now();
                    let answer = api::verifier::verify_in(
                        worker,
                        &kept.original,
                        catalog,
                        now,
                        None,
                        Some(run_id),
                    )
                    .await;
                    if let Ok(json) = answer
                        && kept.recheck(json, now)
                    {
                        run.pending.borrow_mut().push(kept);
                    }
                }
                let done = {
                    let mut d = run.done.borrow_mut();
                    *d += 1;
                    *d
                };
                if done % 10 == 0 && done < run.total {
                    self.checking.set(Some(Progress {
                        done,
                        total: run.total,
                    }));
                }
            }
            if run.pending.borrow().len() >= BATCH {
                self.flush(run).await;
            }
        }
        let last = {
            let mut left = run.lanes_left.borrow_mut();
            *left -= 1;
            *left == 0
        };
        if last {
            self.flush(run).await;
            self.checking.set(None);
        }
    }

    /// Saves the re-checked badges gathered so far and shows them.
    async fn flush(self, run: &CheckRun) {
        let batch = std::mem::take(&mut *run.pending.borrow_mut());
        if !batch.is_empty() {
            match store::put_all(&batch).await {
                Ok(()) => self.merge(batch.into_iter().map(|k| k.card).collect()),
                Err(problem) => self.problem.set(Some(problem)),
            }
        }
        let done = *run.done.borrow();
        if done < run.total {
            self.checking.set(Some(Progress {
                done,
                total: run.total,
            }));
        }
    }

    /// Replaces cards by key with fresher ones.
    fn merge(self, fresh: Vec<Card>) {
        self.cards.update(|cards| {
            if let Some(Ok(cards)) = cards {
                for card in fresh {
                    if let Some(slot) = cards.iter_mut().find(|c| c.key == card.key) {
                        *slot = card;
                    }
                }
            }
        });
    }

    /// Removes one badge, keeping it in memory for undo.
    pub async fn remove(self, kept: Kept) -> Result<(), String> {
        store::delete(std::slice::from_ref(&kept.card.key)).await?;
        let key = kept.card.key.clone();
        self.cards.update(|cards| {
            if let Some(Ok(cards)) = cards {
                cards.retain(|c| c.key != key);
            }
        });
        self.removed.set(Some(kept));
        Ok(())
    }

    /// Puts the last removed badge back.
    pub fn undo_remove(self) {
        let Some(kept) = self.removed.get_untracked() else {
            return;
        };
        leptos::task::spawn_local(async move {
            match store::put_all(std::slice::from_ref(&kept)).await {
                Ok(()) => {
                    self.removed.set(None);
                    self.cards.update(|cards| {
                        if let Some(Ok(cards)) = cards {
                            cards.push(kept.card);
                        }
                    });
                }
                Err(problem) => self.problem.set(Some(problem)),
            }
        });
    }

    /// Removes every badge.
    pub fn clear(self) {
        leptos::task::spawn_local(async move {
            match store::clear().await {
                Ok(()) => {
                    self.cards.set(Some(Ok(Vec::new())));
                    self.damaged.set(0);
                    self.outcomes.set(Vec::new());
                }
                Err(problem) => self.problem.set(Some(problem)),
            }
        });
    }
}

/// A backup becomes its badges; anything else is one input.
fn expand(input: Input, queue: &mut Vec<Input>, outcomes: &mut Vec<Outcome>) {
    if !backup::is_backup(&input.bytes) {
        queue.push(input);
        return;
    }
    match backup::read_backup(&String::from_utf8_lossy(&input.bytes)) {
        Ok((items, damaged)) => {
            if damaged > 0 {
                outcomes.push(Outcome {
                    name: input.name.clone(),
                    ok: false,
                    message: format!(
                        "{damaged} badge(s) in this backup are damaged and were skipped; the others are restored."
                    ),
                });
            }
            queue.extend(items.into_iter().map(|item| Input {
                name: item.file_name,
                bytes: item.original,
                source_url: item.source_url,
                added: Some(item.added),
            }));
        }
        Err(why) => outcomes.push(Outcome {
            name: input.name,
            ok: false,
            message: format!("Not restored: {why}"),
        }),
    }
}

/// The backup file of every badge, loading each original.
pub async fn backup_file(cards: &[Card]) -> Result<String, String> {
    let mut items = Vec::with_capacity(cards.len());
    for card in cards {
        let kept = store::load(card).await?;
        items.push(backup::BackupItem {
            file_name: card.file_name.clone(),
            source_url: card.source_url.clone(),
            added: card.added,
            original: kept.original,
        });
    }
    Ok(backup::backup_json(&items, platform::now()))
}
