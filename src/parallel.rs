//! Work on many items in parallel, with the results handed on in the items' order.

use std::sync::{Condvar, Mutex};

/// How far the workers may run ahead of the first result not yet handed on: enough to
/// keep every core busy past a slow item, few enough to bound the results held. (The
/// loaders' items are batches of [`crate::BATCH`] files: 512 articles.)
const WINDOW: usize = 16;

/// Runs `work` on every item of `items` on `workers` jobs of rayon's thread pool and
/// hands each result to `emit` in the items' order, as soon as it and those before it
/// are done. Stops early, and returns false, when `emit` returns false.
///
/// Unlike a parallel map over batches, no core waits for the slowest item of a batch:
/// each worker takes the next item as soon as it is free, and at most [`WINDOW`]
/// results wait to be handed on. The worker that finishes the first result not yet
/// handed on calls `emit` itself, for it and every result ready after it, one worker at
/// a time: no thread is woken per result to pass it on (on 10,000 articles, that was
/// 10,000 wake-ups taking a core from the work). A panic in `work` or `emit` stops the
/// others and is raised again on the calling thread. The workers are the pool's own
/// threads, which keeps the allocator's per-thread arenas (and so the memory held) to
/// the pool's. Call it from outside the pool: the calling thread waits for the end.
pub(crate) fn map_in_order<I: Sync, T: Send>(
    items: &[I],
    workers: usize,
    work: impl Fn(&I) -> T + Sync,
    emit: impl FnMut(T) -> bool + Send,
) -> bool {
    let shared = Shared {
        state: Mutex::new(Progress {
            taken: 0,
            handed_on: 0,
            stop: false,
            waiting_workers: 0,
            ready: std::iter::repeat_with(|| None).take(WINDOW).collect(),
        }),
        changed: Condvar::new(),
        emit: Mutex::new(emit),
    };
    rayon::in_place_scope(|scope| {
        for _ in 0..workers.max(1) {
            let (shared, work) = (&shared, &work);
            scope.spawn(move |_| {
                let _stop_on_panic = StopOnPanic(&shared.state, &shared.changed);
                while let Some(i) = shared.take(items.len()) {
                    let result = work(&items[i]);
                    shared.finish(i, result);
                }
            });
        }
    });
    // Every worker has ended: all items are handed on, unless `emit` said stop (a panic
    // is raised by the scope before this point).
    let state = lock(&shared.state);
    !state.stop && state.handed_on == items.len()
}

/// What the workers share.
struct Shared<T, E> {
    state: Mutex<Progress<T>>,
    /// Signalled when results are handed on (the window moves) or the work stops.
    changed: Condvar,
    /// The consumer of the results, held by the one worker handing results on.
    emit: Mutex<E>,
}

/// Which items are taken, and how far results are handed on.
struct Progress<T> {
    /// Items given to workers so far (they are taken in order).
    taken: usize,
    /// Results handed on so far.
    handed_on: usize,
    /// Set when no more work is wanted.
    stop: bool,
    /// Workers waiting for the window to move: only they need a signal.
    waiting_workers: usize,
    /// Results done but not handed on, by position in the window.
    ready: Vec<Option<T>>,
}

fn lock<S>(mutex: &Mutex<S>) -> std::sync::MutexGuard<'_, S> {
    mutex.lock().unwrap_or_else(|e| e.into_inner())
}

impl<T, E: FnMut(T) -> bool> Shared<T, E> {
    /// The next item to work on, once it is inside the window; None when all are taken
    /// or the work stopped.
    fn take(&self, len: usize) -> Option<usize> {
        let mut state = lock(&self.state);
        loop {
            if state.stop || state.taken >= len {
                return None;
            }
            if state.taken < state.handed_on + WINDOW {
                state.taken += 1;
                return Some(state.taken - 1);
            }
            state.waiting_workers += 1;
            state = self.changed.wait(state).unwrap_or_else(|e| e.into_inner());
            state.waiting_workers -= 1;
        }
    }

    /// Stores the result of item `i`, then hands on every result ready in order, unless
    /// another worker is doing so: that one looks again before it lets go, and finds it.
    fn finish(&self, i: usize, result: T) {
        lock(&self.state).ready[i % WINDOW] = Some(result);
        loop {
            let Ok(mut emit) = self.emit.try_lock() else {
                // Held by another worker (or poisoned by a panic in `emit`, which the
                // scope raises).
                return;
            };
            loop {
                let next = {
                    let mut state = lock(&self.state);
                    if state.stop {
                        return;
                    }
                    let at = state.handed_on % WINDOW;
                    match state.ready[at].take() {
                        Some(result) => result,
                        None => break,
                    }
                };
                let more = emit(next);
                let mut state = lock(&self.state);
                state.handed_on += 1;
                state.stop |= !more;
                if state.waiting_workers > 0 || state.stop {
                    self.changed.notify_all();
                }
            }
            drop(emit);
            // A result stored by another worker while this one held `emit`, after its
            // last look, is for this one to hand on.
            let state = lock(&self.state);
            if state.stop || state.ready[state.handed_on % WINDOW].is_none() {
                return;
            }
        }
    }
}

/// Stops the other workers when the one holding it panics: the item it held will never
/// be handed on, so they would otherwise wait for it forever.
struct StopOnPanic<'a, T>(&'a Mutex<Progress<T>>, &'a Condvar);

impl<T> Drop for StopOnPanic<'_, T> {
    fn drop(&mut self) {
        if std::thread::panicking() {
            lock(self.0).stop = true;
            self.1.notify_all();
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
    fn a_panic_in_emit_reaches_the_caller_without_hanging() {
        let items: Vec<usize> = (0..1000).collect();
        let outcome = std::panic::catch_unwind(|| {
            map_in_order(&items, 2, |&i| i, |i| if i == 300 { panic!("result 300") } else { true })
        });
        assert!(outcome.is_err());
    }

    #[test]
    fn a_slow_consumer_still_gets_every_result_in_order() {
        let items: Vec<usize> = (0..600).collect();
        let mut seen = Vec::new();
        let all = map_in_order(&items, 3, |&i| i, |i| {
            if i % 50 == 0 {
                std::thread::sleep(std::time::Duration::from_millis(3));
            }
            seen.push(i);
            true
        });
        assert!(all);
        assert_eq!(seen, items);
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
