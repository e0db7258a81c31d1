//! A clock the test moves, for the bot's "now" (`Bot::start_with_clock`): the digest, `/upcoming`,
//! button expiry, interaction timestamps.

use agenda_bot::clock::Clock;
use agenda_bot::clock::SharedClock;
use jiff::{SignedDuration, Timestamp};
use std::sync::Arc;
use std::time::Duration;
use tokio::sync::watch;

/// "Now" is whatever the test set; `sleep_until` returns once the test has moved the clock
/// there (never by itself).
pub struct TestClock {
    now: watch::Sender<Timestamp>,
}

impl TestClock {
    pub fn at(t: &str) -> Arc<TestClock> {
        Arc::new(TestClock {
            now: watch::channel(t.parse().unwrap()).0,
        })
    }

    pub fn set(&self, t: &str) {
        let t: Timestamp = t.parse().unwrap();
        self.now.send_modify(|now| *now = (*now).max(t));
    }

    pub fn advance(&self, by: Duration) {
        let by = SignedDuration::try_from(by).unwrap();
        self.now
            .send_modify(|now| *now = now.checked_add(by).unwrap());
    }
}

impl Clock for TestClock {
    fn now(&self) -> Timestamp {
        *self.now.borrow()
    }

    async fn sleep_until(&self, t: Timestamp) {
        let mut rx = self.now.subscribe();
        let _ = rx.wait_for(|now| *now >= t).await;
    }
}

impl TestClock {
    /// The clock as the bot takes it.
    pub fn shared(self: &Arc<Self>) -> SharedClock {
        SharedClock::new(self.clone())
    }
}
