//! Answers under way, so that a shutdown finishes them before the gateway goes: every answer
//! holds a [`Guard`] from [`begin`]; [`wait_idle`] waits until none is left.

use std::sync::atomic::{AtomicUsize, Ordering};
use std::time::Duration;
use tokio::sync::Notify;

static COUNT: AtomicUsize = AtomicUsize::new(0);
static IDLE: Notify = Notify::const_new();

/// One answer in flight, until dropped.
#[must_use = "the answer counts as in flight only while the guard lives"]
pub struct Guard(());

/// Marks an answer as started.
pub fn begin() -> Guard {
    COUNT.fetch_add(1, Ordering::SeqCst);
    Guard(())
}

impl Drop for Guard {
    fn drop(&mut self) {
        if COUNT.fetch_sub(1, Ordering::SeqCst) == 1 {
            IDLE.notify_waiters();
        }
    }
}

/// Answers in flight now.
pub fn count() -> usize {
    COUNT.load(Ordering::SeqCst)
}

/// Waits until no answer is in flight, at most `limit`; whether none is left.
pub async fn wait_idle(limit: Duration) -> bool {
    let wait = async {
        loop {
            let idle = IDLE.notified();
            if count() == 0 {
                return;
            }
            idle.await;
        }
    };
    tokio::time::timeout(limit, wait).await.is_ok()
}

#[cfg(test)]
mod tests {
    use super::*;

    #[tokio::test]
    async fn waits_for_the_answers_in_flight() {
        let guard = begin();
        assert!(!wait_idle(Duration::from_millis(20)).await);
        let done = tokio::spawn(wait_idle(Duration::from_secs(5)));
        tokio::task::yield_now().await;
        drop(guard);
        assert!(done.await.unwrap());
        assert_eq!(count(), 0);
    }
}
