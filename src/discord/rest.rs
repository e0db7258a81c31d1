//! Requests to Discord's REST API: the one client builder ([`rest_client`]), the one verdict on
//! a failed request ([`classify`]), the bounded retry of replies ([`with_retry`]) and the pruning
//! of serenity's rate-limit memory ([`spawn_bucket_pruner`]).
//!
//! In production serenity's rate limiter is on: it waits out a 429's `Retry-After` and resends by
//! itself, and [`with_retry`] retries what is left (5xx, network failures; never a 4xx) a few
//! times (`tests/discord/faults.rs`). With `ratelimiter_disabled(true)` (the `api_proxy` test
//! setup, the digest's client) serenity sends every request once and a 429 reaches the caller
//! too, without its `Retry-After`.

use crate::retry::{RetryPolicy, SendError};
use serenity::all::{CreateAllowedMentions, Http, HttpBuilder, HttpError};
use std::future::Future;
use std::sync::Arc;
use std::time::{Duration, SystemTime};

/// How a request is retried: 3 attempts, waiting 250 ms then 500 ms (a [`RetryPolicy`] with a
/// chat's patience). serenity does not pass a 429's `retry_after` on
/// when its ratelimiter is off, so the waits are the policy's.
pub const RETRY: RetryPolicy = RetryPolicy {
    max_attempts: 3,
    base_delay: Duration::from_millis(250),
    max_delay: Duration::from_secs(2),
};
/// Whether a REST client waits out rate limits itself.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Ratelimiter {
    /// serenity's rate limiter on: it waits out a 429's `Retry-After` and resends (the bot's
    /// client in production).
    On,
    /// Every request sent once, a 429 returned as an error (the digest's client: its runner
    /// retries with backoff, and a limiter that resends on every 429 would not stop).
    Off,
}

/// The one REST client builder: to a fake Discord's `api_proxy` (tests; serenity only honours
/// the proxy with its rate limiter off, then 429/5xx come back as errors and [`with_retry`]
/// retries them), through the tests' own HTTP client, or to Discord. Nobody is ever mentioned
/// by default.
pub fn rest_client(
    token: &str,
    api_proxy: Option<&str>,
    test_client: Option<&reqwest::Client>,
    ratelimiter: Ratelimiter,
) -> Http {
    let builder = match (api_proxy, test_client) {
        (Some(url), _) => HttpBuilder::new(token)
            .proxy(url.trim_end_matches('/'))
            .ratelimiter_disabled(true),
        (None, Some(client)) => HttpBuilder::new(token).client(client.clone()),
        (None, None) => HttpBuilder::new(token),
    };
    let builder = match ratelimiter {
        Ratelimiter::On => builder,
        Ratelimiter::Off => builder.ratelimiter_disabled(true),
    };
    builder.default_allowed_mentions(no_mentions()).build()
}

/// Empty allowed mentions: no user, role, `@everyone` or replied-to user is ever pinged.
pub fn no_mentions() -> CreateAllowedMentions {
    CreateAllowedMentions::new()
}

/// The HTTP status of a failed request, if it got that far.
pub fn status_of(e: &serenity::Error) -> Option<u16> {
    match e {
        serenity::Error::Http(HttpError::UnsuccessfulRequest(r)) => Some(r.status_code.as_u16()),
        _ => None,
    }
}

pub fn discord_code(e: &serenity::Error) -> Option<isize> {
    match e {
        serenity::Error::Http(HttpError::UnsuccessfulRequest(r)) => Some(r.error.code),
        _ => None,
    }
}

/// Whether a failed request is worth another try: see [`classify`].
pub fn is_retryable(e: &serenity::Error) -> bool {
    classify(e).is_retryable()
}

/// Runs `call` until it succeeds, fails for good, or [`RETRY`]'s attempts are used up.
pub async fn with_retry<T, F, Fut>(what: &'static str, mut call: F) -> serenity::Result<T>
where
    F: FnMut() -> Fut,
    Fut: Future<Output = serenity::Result<T>>,
{
    let mut attempt = 1;
    loop {
        let result = call().await;
        if result.as_ref().err().and_then(status_of) == Some(429) {
            crate::ops::metrics::rate_limited(what);
        }
        match result {
            Err(e) if attempt < RETRY.max_attempts && is_retryable(&e) => {
                let delay = RETRY.delay(attempt, None);
                tracing::warn!(
                    request = what,
                    attempt,
                    status = status_of(&e),
                    delay_ms = delay.as_millis() as u64,
                    "Discord did not take the request; retrying"
                );
                tokio::time::sleep(delay).await;
                attempt += 1;
            }
            other => return other,
        }
    }
}

/// The one verdict on a failed request, for replies and digest posts alike: 429 and 5xx are
/// retryable, other statuses (400, 403, 404, …) permanent; a request that got no response
/// (connection refused, reset, timeout) is retryable (a deferred answer is an idempotent edit, a
/// message carries an enforced nonce: a retry never posts twice); anything else (a bad URL or
/// header) is permanent.
pub fn classify(e: &serenity::Error) -> SendError {
    match e {
        serenity::Error::Http(HttpError::UnsuccessfulRequest(r)) => {
            let status = r.status_code.as_u16();
            // code -1: serenity could not read Discord's JSON (a 429's body has no code).
            let message = if r.error.code == -1 || r.error.message.is_empty() {
                r.status_code
                    .canonical_reason()
                    .unwrap_or("request failed")
                    .to_string()
            } else {
                r.error.message.clone()
            };
            SendError::from_status(status, None, message)
        }
        serenity::Error::Http(HttpError::Request(_)) => SendError::Retryable {
            status: None,
            retry_after: None,
            message: e.to_string(),
        },
        other => SendError::Permanent {
            status: None,
            message: other.to_string(),
        },
    }
}

/// How often [`spawn_bucket_pruner`] forgets idle rate-limit buckets.
pub const PRUNE_EVERY: Duration = Duration::from_secs(2);

/// Forgets the rate-limit buckets of serenity's rate limiter that hold no limit in force (never
/// limited, or their reset time has passed: such a bucket acts exactly like a new one) and that no
/// request is using. Returns how many were dropped.
///
/// serenity 0.12.5 keys the interaction-callback route by interaction id, so its rate limiter
/// adds a bucket for **every** interaction and never removes one: about 150 bytes of heap per
/// interaction for the life of the process (measured by `tests/soak.rs`).
pub async fn prune_idle_buckets(ratelimiter: &serenity::http::Ratelimiter) -> usize {
    let routes = ratelimiter.routes();
    let mut routes = routes.write().await;
    let before = routes.len();
    let now = SystemTime::now();
    routes.retain(|_, bucket| {
        // In use by a request (it holds a clone between its pre- and post-hook): keep.
        if Arc::strong_count(bucket) > 1 {
            return true;
        }
        match bucket.try_lock() {
            Ok(limit) => limit.reset().is_some_and(|reset| reset > now),
            Err(_) => true,
        }
    });
    before - routes.len()
}

/// With serenity's rate limiter on (production), prunes its idle buckets every [`PRUNE_EVERY`]
/// (see [`prune_idle_buckets`]) for as long as the client's `Http` lives.
pub fn spawn_bucket_pruner(http: &Arc<Http>) {
    if http.ratelimiter.is_none() {
        return;
    }
    let http = Arc::downgrade(http);
    tokio::spawn(async move {
        loop {
            tokio::time::sleep(PRUNE_EVERY).await;
            let Some(http) = http.upgrade() else {
                return;
            };
            if let Some(ratelimiter) = &http.ratelimiter {
                let pruned = prune_idle_buckets(ratelimiter).await;
                tracing::trace!(pruned, "idle rate-limit buckets forgotten");
            }
        }
    });
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn chat_retries_wait_250_then_500_ms() {
        assert_eq!(RETRY.delay(1, None), Duration::from_millis(250));
        assert_eq!(RETRY.delay(2, None), Duration::from_millis(500));
    }

    #[tokio::test]
    async fn idle_rate_limit_buckets_are_pruned_unless_in_use() {
        use serenity::all::InteractionId;
        use serenity::http::{Ratelimiter, Route};
        let ratelimiter = Ratelimiter::new(reqwest::Client::new(), "Bot x");
        let routes = ratelimiter.routes();
        let mut in_use = None;
        for id in 1..=100u64 {
            let route = Route::InteractionResponse {
                interaction_id: InteractionId::new(id),
                token: "t",
            };
            let bucket = Arc::new(tokio::sync::Mutex::new(Default::default()));
            if id == 7 {
                in_use = Some(bucket.clone());
            }
            routes
                .write()
                .await
                .insert(route.ratelimiting_bucket(), bucket);
        }
        assert_eq!(prune_idle_buckets(&ratelimiter).await, 99);
        assert_eq!(routes.read().await.len(), 1, "the bucket in use is kept");
        drop(in_use);
        assert_eq!(prune_idle_buckets(&ratelimiter).await, 1);
        assert!(routes.read().await.is_empty());
    }

    #[test]
    fn statuses_and_bad_input_are_classified() {
        let e = serenity::Error::Http(HttpError::InvalidPort);
        assert!(!classify(&e).is_retryable());
        let e = serenity::Error::Other("boom");
        assert!(!classify(&e).is_retryable());
    }

    /// The one classifier: a request that got no answer is retried, by the chat's retry and
    /// by the digest runner alike (they disagreed before).
    #[tokio::test]
    async fn a_connection_failure_is_retryable() {
        let listener = std::net::TcpListener::bind("127.0.0.1:0").unwrap();
        let port = listener.local_addr().unwrap().port();
        drop(listener);
        let refused = reqwest::Client::new()
            .get(format!("http://127.0.0.1:{port}/"))
            .send()
            .await
            .unwrap_err();
        let e = serenity::Error::Http(HttpError::Request(refused));
        assert!(classify(&e).is_retryable());
        assert!(is_retryable(&e));
    }
}
