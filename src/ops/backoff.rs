//! Capped exponential backoff with jitter, for reconnecting to an unreachable Discord.

use std::hash::BuildHasher;
use std::time::Duration;

/// `base · 2^n` capped at `cap`, each wait drawn between half of that and all of it.
#[derive(Debug, Clone)]
pub struct Backoff {
    pub base: Duration,
    pub cap: Duration,
    failures: u32,
}

impl Backoff {
    pub fn new(base: Duration, cap: Duration) -> Backoff {
        Backoff {
            base,
            cap,
            failures: 0,
        }
    }

    /// The wait after one more failure.
    pub fn next_delay(&mut self) -> Duration {
        let ceiling = self
            .base
            .saturating_mul(1u32 << self.failures.min(20))
            .min(self.cap);
        self.failures = self.failures.saturating_add(1);
        // Jitter in [0.5, 1.0) of the ceiling: replicas restarted together do not retry in step.
        let random = std::collections::hash_map::RandomState::new().hash_one(self.failures);
        let fraction = 0.5 + (random % 1000) as f64 / 2000.0;
        ceiling.mul_f64(fraction)
    }

    /// Back to the first wait (after a success).
    pub fn reset(&mut self) {
        self.failures = 0;
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn grows_to_the_cap_with_jitter() {
        let mut b = Backoff::new(Duration::from_secs(1), Duration::from_secs(30));
        let waits: Vec<Duration> = (0..10).map(|_| b.next_delay()).collect();
        for (n, w) in waits.iter().enumerate() {
            let ceiling = Duration::from_secs(1 << n.min(5)).min(Duration::from_secs(30));
            assert!(*w >= ceiling / 2 && *w < ceiling, "{n}: {w:?}");
        }
        b.reset();
        assert!(b.next_delay() < Duration::from_secs(1));
    }
}
