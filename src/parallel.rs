//! Work on many items in parallel, with the results handed on in the items' order.

use std::sync::mpsc;
use std::sync::{Condvar, Mutex};

/// How far the workers may run ahead of the first result not yet handed on: enough to
/// keep every core busy past a slow item, few enough to bound the results held.
const WINDOW: usize = 256;

/// Runs `work` on every item of `items` on `workers` jobs of rayon's thread pool and
/// hands each result to `emit`, on the calling thread, in the items' order, as soon as
/// it and those before it are done. Stops early, and returns false, when `emit`
/// returns false.
///
/// Unlike a parallel map over batches, no core waits for the slowest item of a batch:
/// each worker takes the next item as soon as it is free, and at most [`WINDOW`]
/// results wait to be handed on. A panic in `work` stops the others and is raised
/// again on the calling thread. The workers are the pool's own threads, which keeps the
/// allocator's per-thread arenas (and so the memory held) to the pool's. Call it from
/// outside the pool: the calling thread waits for results.
pub(crate) fn map_in_order<I: Sync, T: Send>(
    items: &[I],
    workers: usize,
    work: impl Fn(&I) -> T + Sync,
    mut emit: impl FnMut(T) -> bool,
) -> bool {
    let window = Window { state: Mutex::new(Progress { taken: 0, handed_on: 0, stop: false }), changed: Condvar::new() };
    let (done_tx, done_rx) = mpsc::channel::<(usize, T)>();
    rayon::in_place_scope(|scope| {
        for _ in 0..workers.max(1) {
            let done_tx = done_tx.clone();
            let (window, work) = (&window, &work);
            scope.spawn(move |_| {
                let _stop_on_panic = StopOnPanic(window);
                while let Some(i) = window.take(items.len()) {
                    if done_tx.send((i, work(&items[i]))).is_err() {
                        return;
                    }
                }
            });
        }
        drop(done_tx);
        // Results that arrived before those ahead of them, by position in the window.
        let mut waiting: Vec<Option<T>> = std::iter::repeat_with(|| None).take(WINDOW).collect();
        let mut next = 0;
        for (i, result) in done_rx {
            waiting[i % WINDOW] = Some(result);
            while let Some(result) = waiting[next % WINDOW].take() {
                if !emit(result) {
                    window.stop();
                    return false;
                }
                next += 1;
            }
            window.handed_on(next);
        }
        // Every worker has ended: all items are handed on, unless one panicked (the scope
        // raises its panic on return).
        next == items.len()
    })
}

/// What the workers share: which items are taken, and how far results are handed on.
struct Window {
    state: Mutex<Progress>,
    changed: Condvar,
}

struct Progress {
    /// Items given to workers so far (they are taken in order).
    taken: usize,
    /// Results handed on so far.
    handed_on: usize,
    /// Set when no more work is wanted.
    stop: bool,
}

impl Window {
    /// The next item to work on, once it is inside the window; None when all are taken
    /// or the work stopped.
    fn take(&self, len: usize) -> Option<usize> {
        let mut state = self.state.lock().unwrap_or_else(|e| e.into_inner());
        loop {
            if state.stop || state.taken >= len {
                return None;
            }
            if state.taken < state.handed_on + WINDOW {
                state.taken += 1;
                return Some(state.taken - 1);
            }
            state = self.changed.wait(state).unwrap_or_else(|e| e.into_inner());
        }
    }

    fn handed_on(&self, count: usize) {
        let mut state = self.state.lock().unwrap_or_else(|e| e.into_inner());
        if state.handed_on != count {
            state.handed_on = count;
            self.changed.notify_all();
        }
    }

    fn stop(&self) {
        self.state.lock().unwrap_or_else(|e| e.into_inner()).stop = true;
        self.changed.notify_all();
    }
}

/// Stops the other workers when the one holding it panics: the item it held will never
/// be handed on, so they would otherwise wait for it forever.
struct StopOnPanic<'a>(&'a Window);

impl Drop for StopOnPanic<'_> {
    fn drop(&mut self) {
        if std::thread::panicking() {
            self.0.stop();
        }
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn results_come_in_order_whatever_the_work_takes() {
        let items: Vec<u64> = (0..2000).collect();
        for threads in [1, 2, 3, 8] {
            let mut seen = Vec::new();
            // Uneven work: some items take far longer than their neighbours.
            let all = map_in_order(
                &items,
                threads,
                |&i| {
                    if i % 97 == 0 {
                        std::thread::sleep(std::time::Duration::from_millis(2));
                    }
                    i * 2
                },
                |r| {
                    seen.push(r);
                    true
                },
            );
            assert!(all);
            assert_eq!(seen, items.iter().map(|i| i * 2).collect::<Vec<_>>(), "{threads} threads");
        }
    }

    #[test]
    fn stops_when_emit_says_so() {
        let items: Vec<usize> = (0..10_000).collect();
        let worked = std::sync::atomic::AtomicUsize::new(0);
        let mut seen = 0;
        let all = map_in_order(
            &items,
            2,
            |&i| {
                worked.fetch_add(1, std::sync::atomic::Ordering::Relaxed);
                i
            },
            |_| {
                seen += 1;
                seen < 10
            },
        );
        assert!(!all);
        assert_eq!(seen, 10);
        // The workers stopped within a window of the last result handed on.
        assert!(worked.into_inner() <= 10 + WINDOW + 2);
    }

    #[test]
    fn no_items_no_results() {
        assert!(map_in_order(&[] as &[u8], 2, |&b| b, |_| panic!("nothing to emit")));
    }

    #[test]
    fn a_panic_in_the_work_reaches_the_caller_without_hanging() {
        let items: Vec<usize> = (0..1000).collect();
        let outcome = std::panic::catch_unwind(|| {
            map_in_order(&items, 2, |&i| if i == 300 { panic!("item 300") } else { i }, |_| true)
        });
        assert!(outcome.is_err());
    }
}
