//! "Now" as a parameter: the [`Clock`] trait, the wall clock ([`SystemClock`]) and the clock the
//! bot shares between its answers and its digest ([`SharedClock`]); tests pass their own.

use jiff::{SignedDuration, Timestamp};
use std::future::Future;
use std::pin::Pin;
use std::sync::Arc;
use std::time::Duration;

/// The time, and waiting for a time. [`SystemClock`] is the real one; tests use a fake.
pub trait Clock: Send + Sync {
    fn now(&self) -> Timestamp;
    /// Returns at (or after) `t`; at once when `t` is not in the future.
    fn sleep_until(&self, t: Timestamp) -> impl Future<Output = ()> + Send;
}

impl<T: Clock + ?Sized> Clock for Arc<T> {
    fn now(&self) -> Timestamp {
        (**self).now()
    }
    fn sleep_until(&self, t: Timestamp) -> impl Future<Output = ()> + Send {
        (**self).sleep_until(t)
    }
}

/// Wall-clock time; sleeps in steps of at most five minutes so a suspended machine or a
/// clock change is noticed.
#[derive(Debug, Clone, Copy, Default)]
pub struct SystemClock;

impl Clock for SystemClock {
    fn now(&self) -> Timestamp {
        Timestamp::now()
    }

    async fn sleep_until(&self, t: Timestamp) {
        const STEP: Duration = Duration::from_secs(300);
        loop {
            let left = t.duration_since(Timestamp::now());
            if left <= SignedDuration::ZERO {
                return;
            }
            let left = Duration::try_from(left).unwrap_or(STEP);
            tokio::time::sleep(left.min(STEP)).await;
        }
    }
}

/// The clock the bot runs on, cheap to clone: [`SystemClock`] in production; tests set "now"
/// for the digest, `/upcoming` and time words in questions with their own.
#[derive(Clone)]
pub struct SharedClock(Arc<dyn DynClock>);

impl SharedClock {
    /// The wall clock.
    pub fn system() -> SharedClock {
        SharedClock::new(SystemClock)
    }

    pub fn new(clock: impl Clock + 'static) -> SharedClock {
        SharedClock(Arc::new(clock))
    }

    pub fn now(&self) -> Timestamp {
        self.0.now()
    }
}

impl Default for SharedClock {
    fn default() -> Self {
        SharedClock::system()
    }
}

impl std::fmt::Debug for SharedClock {
    fn fmt(&self, f: &mut std::fmt::Formatter<'_>) -> std::fmt::Result {
        f.debug_tuple("SharedClock").field(&self.now()).finish()
    }
}

impl Clock for SharedClock {
    fn now(&self) -> Timestamp {
        self.0.now()
    }

    fn sleep_until(&self, t: Timestamp) -> impl Future<Output = ()> + Send {
        self.0.sleep_until(t)
    }
}

/// [`Clock`] as a trait object (its `sleep_until` returns `impl Future`, which `dyn` cannot).
trait DynClock: Send + Sync {
    fn now(&self) -> Timestamp;
    fn sleep_until(&self, t: Timestamp) -> Pin<Box<dyn Future<Output = ()> + Send + '_>>;
}

impl<C: Clock> DynClock for C {
    fn now(&self) -> Timestamp {
        Clock::now(self)
    }

    fn sleep_until(&self, t: Timestamp) -> Pin<Box<dyn Future<Output = ()> + Send + '_>> {
        Box::pin(Clock::sleep_until(self, t))
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn the_shared_clock_is_a_clock() {
        fn assert_clock<C: Clock + Clone + 'static>(_: &C) {}
        let clock = SharedClock::system();
        assert_clock(&clock);
        let before = Timestamp::now();
        assert!(clock.now() >= before);
    }
}
