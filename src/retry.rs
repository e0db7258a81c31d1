//! Trying again: the one backoff ([`RetryPolicy::delay`], and [`Backoff`] for waits that restart
//! after a success) and the one verdict on a failed attempt ([`SendError`]: retryable or not).

use std::hash::BuildHasher;
use std::time::Duration;

/// How failed attempts are retried: the digest runner's posts, every Discord request
/// (`discord::send`), the digest store and the gateway's reconnects.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub struct RetryPolicy {
    /// Attempts in all, the first one included.
    pub max_attempts: u32,
    /// Wait after the first failure; doubled after each further one.
    pub base_delay: Duration,
    /// Longest wait between two attempts (also caps a server's `retry_after`).
    pub max_delay: Duration,
}

impl Default for RetryPolicy {
    fn default() -> Self {
        RetryPolicy {
            max_attempts: 5,
            base_delay: Duration::from_secs(2),
            max_delay: Duration::from_secs(300),
        }
    }
}

impl RetryPolicy {
    /// The wait after the `failures`-th failed attempt (1-based): `base · 2^(failures-1)`,
    /// at least the server's `retry_after`, at most `max_delay`.
    pub fn delay(&self, failures: u32, retry_after: Option<Duration>) -> Duration {
        let exp = self
            .base_delay
            .saturating_mul(1u32 << failures.saturating_sub(1).min(20));
        exp.max(retry_after.unwrap_or_default()).min(self.max_delay)
    }
}

/// Waits for something retried until it works (reconnecting to Discord, a digest store that does
/// not answer): [`RetryPolicy::delay`] after each failure, each drawn between half of it and all
/// of it, so replicas restarted together do not retry in step; [`Backoff::reset`] after a success.
#[derive(Debug, Clone)]
pub struct Backoff {
    policy: RetryPolicy,
    failures: u32,
}

impl Backoff {
    /// Waits from `base` doubling up to `cap` (attempts are not counted: the caller never gives up).
    pub fn new(base: Duration, cap: Duration) -> Backoff {
        let policy = RetryPolicy {
            max_attempts: u32::MAX,
            base_delay: base,
            max_delay: cap,
        };
        Backoff {
            policy,
            failures: 0,
        }
    }

    /// The wait after one more failure.
    pub fn next_delay(&mut self) -> Duration {
        self.failures = self.failures.saturating_add(1);
        let ceiling = self.policy.delay(self.failures, None);
        let random = std::collections::hash_map::RandomState::new().hash_one(self.failures);
        let fraction = 0.5 + (random % 1000) as f64 / 2000.0;
        ceiling.mul_f64(fraction)
    }

    /// Back to the first wait (after a success).
    pub fn reset(&mut self) {
        self.failures = 0;
    }
}

/// Why a send failed, as the transport sees it.
#[derive(Debug, Clone, PartialEq, Eq, thiserror::Error)]
pub enum SendError {
    /// Worth trying again: rate limited (429) or a server error (5xx), or a network failure.
    /// `retry_after` is the wait the server asked for, if it said.
    #[error("temporary failure ({}): {message}", status_text(*status))]
    Retryable {
        status: Option<u16>,
        retry_after: Option<Duration>,
        message: String,
    },
    /// Will fail again: missing permissions, unknown channel, invalid message.
    #[error("permanent failure ({}): {message}", status_text(*status))]
    Permanent {
        status: Option<u16>,
        message: String,
    },
}

fn status_text(status: Option<u16>) -> String {
    status.map_or_else(|| "no HTTP status".into(), |s| format!("HTTP {s}"))
}

impl SendError {
    /// Classifies an HTTP status: 429 and 5xx are retryable, anything else permanent.
    pub fn from_status(
        status: u16,
        retry_after: Option<Duration>,
        message: impl Into<String>,
    ) -> SendError {
        let message = message.into();
        if status == 429 || (500..=599).contains(&status) {
            SendError::Retryable {
                status: Some(status),
                retry_after,
                message,
            }
        } else {
            SendError::Permanent {
                status: Some(status),
                message,
            }
        }
    }

    pub fn is_retryable(&self) -> bool {
        matches!(self, SendError::Retryable { .. })
    }

    pub fn retry_after(&self) -> Option<Duration> {
        match self {
            SendError::Retryable { retry_after, .. } => *retry_after,
            SendError::Permanent { .. } => None,
        }
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn delays_double_from_the_base_to_the_cap_and_honour_retry_after() {
        let p = RetryPolicy::default();
        assert_eq!(p.delay(1, None), Duration::from_secs(2));
        assert_eq!(p.delay(3, None), Duration::from_secs(8));
        assert_eq!(
            p.delay(1, Some(Duration::from_secs(30))),
            Duration::from_secs(30)
        );
        assert_eq!(p.delay(30, None), Duration::from_secs(300));
        assert_eq!(
            p.delay(1, Some(Duration::from_secs(9999))),
            Duration::from_secs(300)
        );
    }

    #[test]
    fn backoff_grows_to_the_cap_with_jitter_and_restarts() {
        let mut b = Backoff::new(Duration::from_secs(1), Duration::from_secs(30));
        let waits: Vec<Duration> = (0..10).map(|_| b.next_delay()).collect();
        for (n, w) in waits.iter().enumerate() {
            let ceiling = Duration::from_secs(1 << n.min(5)).min(Duration::from_secs(30));
            assert!(*w >= ceiling / 2 && *w < ceiling, "{n}: {w:?}");
        }
        b.reset();
        assert!(b.next_delay() < Duration::from_secs(1));
    }

    #[test]
    fn statuses_are_classified() {
        assert!(SendError::from_status(429, None, "").is_retryable());
        assert!(SendError::from_status(500, None, "").is_retryable());
        assert!(SendError::from_status(503, None, "").is_retryable());
        assert!(!SendError::from_status(403, None, "").is_retryable());
        assert!(!SendError::from_status(404, None, "").is_retryable());
        assert!(!SendError::from_status(400, None, "").is_retryable());
        let e = SendError::from_status(429, Some(Duration::from_secs(3)), "x");
        assert_eq!(e.retry_after(), Some(Duration::from_secs(3)));
        assert_eq!(e.to_string(), "temporary failure (HTTP 429): x");
    }
}
