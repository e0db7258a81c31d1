//! The daily digest over Discord: [`DiscordDigestSender`] implements the runner's
//! [`DigestSender`] with `POST /channels/{id}/messages`, and [`start`] runs
//! [`run_digest`] and the pre-meeting briefs ([`run_briefs`]) next to the bot.
//!
//! **One request per attempt.** The runner retries (with backoff, at most
//! `RetryPolicy::max_attempts` sends), so the sender must not: it uses its own HTTP client with
//! serenity's ratelimiter off, because that ratelimiter silently re-sends a request on every 429
//! (without bound). With the ratelimiter off serenity also drops a 429's `retry_after`, so the
//! runner waits its own backoff (2 s, 4 s, 8 s, …). One message per channel and day needs no
//! pre-emptive rate limiting.
//!
//! **No double posts.** Every message carries a nonce derived from the channel and the message
//! (the same for every retry of one post) with `enforce_nonce`, so a retry after a 5xx or a
//! timeout that did create the message is dropped by Discord. A send gets [`SEND_TIMEOUT`] to be
//! answered.

use super::rest::{classify, status_of};
use super::send;
use crate::brief_runner::run_briefs;
use crate::clock::SharedClock;
use crate::config::Config;
use crate::digest_runner::{run_digest, DigestError, DigestSender};
use crate::digest_store::{AnyStore, Posts};
use crate::index_service::SharedIndex;
use crate::retry::{RetryPolicy, SendError};
use agenda_core::render::embed::Reply;
use serenity::all::{ChannelId, Http};
use serenity::http::{LightMethod, Request, Route};
use std::sync::Arc;
use std::time::Duration;
use tokio::sync::watch;
use tokio::task::JoinHandle;

/// How long one send may take before it counts as a (retryable) failure.
pub const SEND_TIMEOUT: Duration = Duration::from_secs(30);

/// Posts digests with one `POST /channels/{id}/messages` per call.
#[derive(Debug, Clone)]
pub struct DiscordDigestSender {
    http: Arc<Http>,
}

impl DiscordDigestSender {
    /// `http` should be a [`super::rest::rest_client`] with its rate limiter off, or retries stack up inside serenity.
    pub fn new(http: Arc<Http>) -> DiscordDigestSender {
        DiscordDigestSender { http }
    }
}

impl DigestSender for DiscordDigestSender {
    async fn send(&self, channel_id: u64, reply: &Reply) -> Result<(), SendError> {
        if channel_id == 0 {
            return Err(SendError::Permanent {
                status: None,
                message: "channel id 0 is not a Discord channel".into(),
            });
        }
        let message = send::channel_message(reply, &nonce(channel_id, reply));
        let body = serde_json::to_vec(&message).map_err(|e| SendError::Permanent {
            status: None,
            message: format!("cannot serialise the message: {e}"),
        })?;
        let route = Route::ChannelMessages {
            channel_id: ChannelId::new(channel_id),
        };
        // `Http::request` checks the status only: a 2xx is a posted message, whatever its body.
        // serenity sets no timeout; a hung request would hold up the loop (and shutdown).
        let request = self
            .http
            .request(Request::new(route, LightMethod::Post).body(Some(body)));
        match tokio::time::timeout(SEND_TIMEOUT, request).await {
            Ok(Ok(_)) => Ok(()),
            Ok(Err(e)) => {
                if status_of(&e) == Some(429) {
                    crate::ops::metrics::rate_limited("digest");
                }
                Err(classify(&e))
            }
            Err(_) => Err(SendError::Retryable {
                status: None,
                retry_after: None,
                message: format!("no answer within {} s", SEND_TIMEOUT.as_secs()),
            }),
        }
    }
}

/// The nonce of one post: 25 characters (Discord's maximum) from BLAKE3 of the channel and the
/// message, so every retry of a post carries the same one.
pub fn nonce(channel_id: u64, reply: &Reply) -> String {
    let mut hasher = blake3::Hasher::new();
    hasher.update(&channel_id.to_le_bytes());
    hasher.update(&serde_json::to_vec(reply).unwrap_or_default());
    let hex = hasher.finalize().to_hex();
    format!("d{}", &hex[..24])
}

/// The running digest and brief loops.
#[derive(Debug)]
pub struct DigestTask {
    stop: watch::Sender<bool>,
    task: JoinHandle<()>,
}

impl DigestTask {
    /// Stops the loops and waits for them: a post under way is finished and recorded first.
    pub async fn stop(self) {
        let _ = self.stop.send(true);
        if let Err(e) = self.task.await {
            tracing::error!(error = %e, "the digest task failed");
        }
    }
}

/// Starts the daily digest and the pre-meeting briefs when `digest.channel_ids` is not empty:
/// each post comes from the index in service at post time. The loops end when the returned
/// task is stopped (or dropped); an unusable state file stops its loop with an error in the
/// log, the bot goes on.
pub fn start(
    config: &Config,
    index: &SharedIndex,
    clock: &SharedClock,
    http: Arc<Http>,
) -> Option<DigestTask> {
    if config.digest.channel_ids.is_empty() {
        return None;
    }
    let (stop, stopped) = watch::channel(false);
    let stopped = move || {
        let mut stopped = stopped.clone();
        async move {
            // Sent or dropped: either way, stop.
            let _ = stopped.wait_for(|stop| *stop).await;
        }
    };
    // One loop per kind of post, each on its own store, the same index, clock and sender.
    macro_rules! posts_loop {
        ($runner:path, $posts:expr) => {{
            let (config, index, clock) = (config.clone(), index.clone(), clock.clone());
            let (sender, stopped) = (DiscordDigestSender::new(http.clone()), stopped());
            async move {
                let store = AnyStore::open_for(&config, $posts)?;
                $runner(
                    config,
                    RetryPolicy::default(),
                    &store,
                    move || index.load_full(),
                    clock,
                    sender,
                    stopped,
                )
                .await
            }
        }};
    }
    let digest = posts_loop!(run_digest, Posts::Digest);
    let briefs = posts_loop!(run_briefs, Posts::Briefs);
    let task = tokio::spawn(async move {
        let (digest, briefs): (Result<(), DigestError>, Result<(), DigestError>) =
            tokio::join!(digest, briefs);
        for (what, result) in [("the daily digest", digest), ("the briefs", briefs)] {
            if let Err(e) = result {
                tracing::error!(
                    error = agenda_core::error_chain::chain(&e),
                    "{what} stopped"
                );
            }
        }
    });
    Some(DigestTask { stop, task })
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn nonces_are_stable_per_post_and_fit_discord() {
        let a = Reply::text("Upcoming in the next 30 days");
        let b = Reply::text("Upcoming in the next 31 days");
        let n = nonce(10, &a);
        assert_eq!(n.chars().count(), 25);
        assert_eq!(n, nonce(10, &a.clone()), "the same post, the same nonce");
        assert_ne!(n, nonce(11, &a), "another channel");
        assert_ne!(n, nonce(10, &b), "another message");
    }
}
