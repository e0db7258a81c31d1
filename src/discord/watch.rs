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
/// something it mentions (nothing runs before a first `/watch`). `watches` is the bot's one
/// store ([`crate::discord::data::Data::watches`]), shared with the commands so that their
/// changes and the posts' records never race; without one, nothing runs.
pub fn start(
    config: &Config,
    watches: Option<Arc<WatchStore>>,
    index: &SharedIndex,
    clock: &SharedClock,
    http: Arc<Http>,
) -> Option<StoppableTask> {
    let file = watches?;
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
