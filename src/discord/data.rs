//! What every command and event shares: [`Data`] (the config, the index in service, the clock,
//! the channels seen), the error and context types, and the message a user sees when we fail.

use super::channels::Channels;
use crate::clock::SharedClock;
use crate::config::Config;
use crate::corpus_sync::CorpusStore;
use crate::feedback::{self, FeedbackStore};
use crate::index_service::SharedIndex;
use crate::watches::WatchStore;
use agenda_core::render::embed::Reply;
use std::sync::Arc;
use std::time::Duration;

pub type Error = anyhow::Error;
pub type Context<'a> = poise::Context<'a, Data, Error>;

/// What every user sees when something fails on our side; the cause goes to the log only.
pub const USER_ERROR: &str =
    "Sorry, something went wrong while answering. Please try again in a moment.";

/// State shared by every command and event (cheap to clone: the gateway's framework and the
/// HTTP endpoint hold the same one).
#[derive(Clone)]
pub struct Data {
    pub config: Arc<Config>,
    pub index: SharedIndex,
    /// Serialises `/reindex` runs (answers never wait on it).
    pub reindex_lock: Arc<tokio::sync::Mutex<()>>,
    /// "Now", for `/upcoming`, the digest and time words in questions: the system clock unless a
    /// test set its own.
    pub clock: SharedClock,
    /// Channels seen in chat (threads the bot opened among them).
    pub channels: Arc<Channels>,
    /// The help (`/help`, a bare mention), made from the registered commands and the config.
    pub help: Arc<Reply>,
    /// Where 👍/👎 and questions that found nothing go (`[feedback] enabled`); `None`: nowhere.
    pub feedback: Option<Arc<FeedbackStore>>,
    /// The channels' watches (`/watch`); `None` when the configured store cannot be used.
    pub watches: Option<Arc<WatchStore>>,
    /// Test-only knobs (all off in production).
    pub test_hooks: TestHooks,
    /// The shared store `/add` goes through (`[store] url`), so every replica learns of it.
    pub corpus_store: Option<Arc<CorpusStore>>,
}

impl Data {
    pub fn new(
        config: Arc<Config>,
        index: SharedIndex,
        clock: SharedClock,
        help: Reply,
        test_hooks: TestHooks,
    ) -> Data {
        let feedback = match config.feedback.enabled {
            true => match FeedbackStore::for_config(&config) {
                Ok(store) => Some(Arc::new(store)),
                Err(e) => {
                    tracing::error!(error = %e, "feedback cannot be recorded");
                    None
                }
            },
            false => None,
        };
        let watches = match WatchStore::for_config(&config) {
            Ok(store) => Some(Arc::new(store)),
            Err(e) => {
                tracing::error!(error = %e, "the watches cannot be kept");
                None
            }
        };
        Data {
            feedback,
            watches,
            corpus_store: corpus_store(&config),
            config,
            index,
            reindex_lock: Arc::default(),
            clock,
            channels: Arc::default(),
            help: Arc::new(help),
            test_hooks,
        }
    }

    /// Records `kind` for `question` (asked with `command`; `answer`: the message voted on) when
    /// feedback is on, off the async threads; a failure is logged, never shown to the user.
    pub async fn record_feedback(
        &self,
        kind: feedback::Kind,
        command: &str,
        question: &str,
        answer: Option<u64>,
    ) {
        let Some(store) = &self.feedback else {
            return;
        };
        let record = feedback::Record {
            at: self.clock.now(),
            kind,
            command: command.to_string(),
            question: question.to_string(),
            answer,
        };
        if let Err(e) = store.append(record).await {
            tracing::error!(
                error = agenda_core::error_chain::chain(&e),
                "feedback not recorded"
            );
        }
    }
}

/// The store of `[store] url`; `None` without one, or (logged) when it cannot be set up.
fn corpus_store(config: &Config) -> Option<Arc<CorpusStore>> {
    match CorpusStore::from_config(config) {
        Ok(store) => store.map(Arc::new),
        Err(e) => {
            tracing::error!(error = %agenda_core::error_chain::chain(&e),
                "the corpus store cannot be used: /add changes this bot's corpus only");
            None
        }
    }
}

/// Test-only knobs for [`BotOptions`]; `TestHooks::default()` (all off) everywhere else.
#[derive(Debug, Clone, Default)]
pub struct TestHooks {
    /// Every query command (`/meeting`, `/initiative`, `/mechanism`, `/ask`) waits this long after
    /// acknowledging the interaction and before searching: an answer slower than Discord's 3 s
    /// (`tests/discord/faults.rs`).
    pub answer_delay: Option<Duration>,
    /// The HTTP client serenity uses, with serenity's rate limiter **on** as in production (unlike
    /// `api_proxy`): the tests' client resolves every host to the fake Discord on 127.0.0.1 and
    /// trusts only the fake's test CA. The bot then refuses to start unless the gateway it is sent
    /// to is on a loopback address.
    pub http_client: Option<reqwest::Client>,
}
