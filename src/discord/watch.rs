//! Watch posts over Discord: [`start`] runs [`run_watches`] next to the gateway bot, posting
//! through the digest's sender (one request per attempt, a nonce per post).

use super::digest::DiscordDigestSender;
use crate::background::StoppableTask;
use crate::clock::SharedClock;
use crate::config::Config;
use crate::index_service::SharedIndex;
use crate::retry::RetryPolicy;
use crate::watch_runner::{run_watches, POLL};
use crate::watches::WatchStore;
use serenity::all::Http;
use std::sync::Arc;

/// Starts the watch posts: a statement entering the index is posted to the channels that watch
/// something it mentions (nothing runs before a first `/watch`).
pub fn start(
    config: &Config,
    index: &SharedIndex,
    clock: &SharedClock,
    http: Arc<Http>,
) -> Option<StoppableTask> {
    let file = match WatchStore::for_config(config) {
        Ok(file) => file,
        Err(e) => {
            tracing::error!(error = %e, "the watches cannot be read; no watch posts");
            return None;
        }
    };
    let index = index.clone();
    let (clock, settings) = (clock.clone(), config.digest.clone());
    Some(StoppableTask::spawn(
        "the watch posts",
        move |mut stopped| async move {
            run_watches(
                file,
                move || index.load_full(),
                move || settings.today(clock.now()),
                DiscordDigestSender::new(http),
                RetryPolicy::default(),
                POLL,
                async move {
                    let _ = stopped.wait_for(|stop| *stop).await;
                },
            )
            .await
        },
    ))
}
