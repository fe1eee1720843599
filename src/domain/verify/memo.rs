//! One run's memory of what it fetched. "Check all again" verifies many
//! badges that share one status list (or one issuer profile, one badge
//! class): within the run each address is fetched once, and every other
//! badge that asks for it waits for, then shares, that one answer (a
//! failure too: the run does not hammer a server that is down); and each
//! status list is verified once for the run, not once per badge. A `Memo`
//! lives only as long as its run; nothing in it is kept across runs or
//! visits, so an old list can never vouch that a badge is not revoked.

use std::cell::RefCell;
use std::collections::HashMap;
use std::future::Future;
use std::pin::Pin;
use std::task::{Context, Poll, Waker};

use sha2::{Digest, Sha256};

use super::status::ListContent;
use super::{Fetch, FetchError, Fetched};
use crate::domain::instant::UnixTime;

enum Slot {
    /// Being fetched; these are waiting for it.
    Pending(Vec<Waker>),
    Done(Result<Fetched, FetchError>),
}

/// A fetcher that asks `inner` at most once per address, and keeps the
/// status lists it has read.
pub struct Memo<F> {
    inner: F,
    slots: RefCell<HashMap<String, Slot>>,
    lists: Lists,
}

/// Status lists read during a run, by address, content and instant: the
/// same bytes judged at the same second give the same answer.
#[derive(Default)]
pub struct Lists(RefCell<HashMap<ListKey, Result<ListContent, String>>>);

/// A list's address, the SHA-256 of its bytes, and the second it was judged at.
type ListKey = (String, [u8; 32], i64);

impl Lists {
    /// The list read before, or `read` now (and kept).
    pub fn get_or(
        &self,
        url: &str,
        body: &[u8],
        now: UnixTime,
        read: impl FnOnce() -> Result<ListContent, String>,
    ) -> Result<ListContent, String> {
        let key = (url.to_owned(), Sha256::digest(body).into(), now.0);
        if let Some(known) = self.0.borrow().get(&key) {
            return known.clone();
        }
        let answer = read();
        self.0.borrow_mut().insert(key, answer.clone());
        answer
    }

    pub fn len(&self) -> usize {
        self.0.borrow().len()
    }

    pub fn is_empty(&self) -> bool {
        self.len() == 0
    }
}

impl<F: Fetch> Memo<F> {
    pub fn new(inner: F) -> Memo<F> {
        Memo {
            inner,
            slots: RefCell::new(HashMap::new()),
            lists: Lists::default(),
        }
    }

    /// How many addresses the run has asked for.
    pub fn len(&self) -> usize {
        self.slots.borrow().len()
    }

    pub fn is_empty(&self) -> bool {
        self.len() == 0
    }
}

/// Waits until another caller has fetched `url`.
struct Wait<'a> {
    slots: &'a RefCell<HashMap<String, Slot>>,
    url: &'a str,
}

impl Future for Wait<'_> {
    type Output = Result<Fetched, FetchError>;

    fn poll(self: Pin<&mut Self>, cx: &mut Context<'_>) -> Poll<Self::Output> {
        let mut slots = self.slots.borrow_mut();
        match slots.get_mut(self.url) {
            Some(Slot::Done(answer)) => Poll::Ready(answer.clone()),
            Some(Slot::Pending(waiting)) => {
                waiting.push(cx.waker().clone());
                Poll::Pending
            }
            // The fetching caller was dropped before it finished.
            None => Poll::Ready(Err(FetchError(format!(
                "{} was not fetched: the run stopped",
                self.url
            )))),
        }
    }
}

impl<F: Fetch> Fetch for Memo<F> {
    fn lists(&self) -> Option<&Lists> {
        Some(&self.lists)
    }

    async fn fetch(&self, url: &str) -> Result<Fetched, FetchError> {
        let first = {
            let mut slots = self.slots.borrow_mut();
            match slots.get(url) {
                Some(Slot::Done(answer)) => return answer.clone(),
                Some(Slot::Pending(_)) => false,
                None => {
                    slots.insert(url.to_owned(), Slot::Pending(Vec::new()));
                    true
                }
            }
        };
        if !first {
            return Wait {
                slots: &self.slots,
                url,
            }
            .await;
        }
        // If this future is dropped mid-fetch, waiters must not hang.
        let guard = Unfinished {
            slots: &self.slots,
            url,
        };
        let answer = self.inner.fetch(url).await;
        std::mem::forget(guard);
        let previous = self
            .slots
            .borrow_mut()
            .insert(url.to_owned(), Slot::Done(answer.clone()));
        if let Some(Slot::Pending(waiting)) = previous {
            waiting.into_iter().for_each(Waker::wake);
        }
        answer
    }
}

/// Removes a pending slot (and wakes its waiters) when the fetching caller
/// is dropped before its answer came.
struct Unfinished<'a> {
    slots: &'a RefCell<HashMap<String, Slot>>,
    url: &'a str,
}

impl Drop for Unfinished<'_> {
    fn drop(&mut self) {
        if let Ok(mut slots) = self.slots.try_borrow_mut()
            && let Some(Slot::Pending(waiting)) = slots.remove(self.url)
        {
            waiting.into_iter().for_each(Waker::wake);
        }
    }
}

#[cfg(test)]
mod tests {
    use std::cell::Cell;

    use super::*;
    use crate::domain::verify::block_on;

    /// Counts its fetches; each answer arrives after one `Pending` poll, as
    /// a real network answer would.
    struct Counting {
        asked: Cell<usize>,
    }

    struct Later(bool);

    impl Future for Later {
        type Output = ();
        fn poll(mut self: Pin<&mut Self>, cx: &mut Context<'_>) -> Poll<()> {
            if self.0 {
                Poll::Ready(())
            } else {
                self.0 = true;
                cx.waker().wake_by_ref();
                Poll::Pending
            }
        }
    }

    impl Fetch for Counting {
        async fn fetch(&self, url: &str) -> Result<Fetched, FetchError> {
            self.asked.set(self.asked.get() + 1);
            Later(false).await;
            if url.ends_with("down") {
                return Err(FetchError("down".into()));
            }
            Ok(Fetched {
                status: 200,
                body: url.as_bytes().to_vec(),
            })
        }
    }

    /// Polls both futures in turn until both are done.
    fn both<A: Future, B: Future>(a: A, b: B) -> (A::Output, B::Output) {
        let (mut a, mut b) = (Box::pin(a), Box::pin(b));
        let (mut ra, mut rb) = (None, None);
        let mut cx = Context::from_waker(Waker::noop());
        while ra.is_none() || rb.is_none() {
            if ra.is_none()
                && let Poll::Ready(v) = a.as_mut().poll(&mut cx)
            {
                ra = Some(v);
            }
            if rb.is_none()
                && let Poll::Ready(v) = b.as_mut().poll(&mut cx)
            {
                rb = Some(v);
            }
        }
        (ra.unwrap(), rb.unwrap())
    }

    #[test]
    fn each_address_is_fetched_once_per_run_even_when_asked_at_once() {
        let memo = Memo::new(Counting {
            asked: Cell::new(0),
        });
        let (a, b) = both(memo.fetch("https://x/list"), memo.fetch("https://x/list"));
        assert_eq!(a, b);
        assert_eq!(memo.inner.asked.get(), 1);
        let again = block_on(memo.fetch("https://x/list")).unwrap();
        assert_eq!(again.body, b"https://x/list");
        assert_eq!(memo.inner.asked.get(), 1);
        // A failure is shared too, and another address is its own fetch.
        let (a, b) = both(memo.fetch("https://x/down"), memo.fetch("https://x/down"));
        assert!(a.is_err() && b.is_err());
        assert_eq!(memo.inner.asked.get(), 2);
        assert_eq!(memo.len(), 2);
        // A new run starts empty.
        let next = Memo::new(Counting {
            asked: Cell::new(0),
        });
        block_on(next.fetch("https://x/list")).unwrap();
        assert_eq!(next.inner.asked.get(), 1);
    }

    #[test]
    fn a_dropped_fetch_does_not_leave_others_waiting() {
        let memo = Memo::new(Counting {
            asked: Cell::new(0),
        });
        let mut cx = Context::from_waker(Waker::noop());
        let mut first = Box::pin(memo.fetch("https://x/list"));
        assert!(first.as_mut().poll(&mut cx).is_pending());
        let mut second = Box::pin(memo.fetch("https://x/list"));
        assert!(second.as_mut().poll(&mut cx).is_pending());
        drop(first);
        assert!(matches!(second.as_mut().poll(&mut cx), Poll::Ready(Err(_))));
    }
}
