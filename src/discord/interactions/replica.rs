//! The bot without a gateway (`agenda-bot run --interactions ADDR --no-gateway`): a stateless
//! replica that answers HTTP interactions only, with the commands registered over REST and the
//! corpus watcher and the digest running as they do beside the gateway.

use super::verify::RequestVerifier;
use super::{Endpoint, DEADLINE};
use crate::clock::SharedClock;
use crate::discord::bot::{register, BotOptions, Parts};
use crate::discord::data::Data;
use crate::discord::rest::{spawn_bucket_pruner, with_retry};
use crate::discord::{commands, digest};
use crate::index_service::CorpusWatcher;
use anyhow::Context as _;
use std::sync::Arc;
use std::time::Duration;

/// A running replica.
pub struct Replica {
    endpoint: Endpoint,
    watcher: Option<CorpusWatcher>,
    digest: Option<digest::DigestTask>,
}

impl Replica {
    /// Reads the application's id, registers the commands, starts the watcher and the digest.
    pub async fn start(
        options: BotOptions,
        clock: SharedClock,
        verifier: RequestVerifier,
    ) -> anyhow::Result<Replica> {
        let Parts {
            config,
            index,
            http,
            digest_http,
            test_hooks,
            ..
        } = options.into_parts();
        let http = Arc::new(http);
        let application = with_retry("read the application", || {
            http.get_current_application_info()
        })
        .await
        .context("cannot read the bot's application from Discord")?;
        http.set_application_id(application.id);
        crate::ops::health::status().set_no_gateway();
        let config = Arc::new(config);
        crate::discord::bot::log_setup(application.id.get(), &config.discord);
        // Without a gateway the bot does not know its guilds: a switch to global commands leaves
        // the guild ones to the next gateway start (or the server admin) to remove.
        register(&http, &commands::all(), &config, &[]).await;
        let watcher = match config.discord.watch_corpus {
            true => {
                CorpusWatcher::start(
                    config.corpus_dir.clone(),
                    config.index_dir.clone(),
                    index.clone(),
                )
                .await
            }
            false => None,
        };
        spawn_bucket_pruner(&http);
        let digest = digest_http.and_then(|h| digest::start(&config, &index, &clock, h));
        let help = commands::help::generated(&commands::all(), &config);
        let data = Data::new(config, index, clock, help, test_hooks);
        Ok(Replica {
            endpoint: Endpoint {
                data,
                http,
                verifier,
                deadline: DEADLINE,
            },
            watcher,
            digest,
        })
    }

    /// What the endpoint serves with.
    pub fn endpoint(&self) -> &Endpoint {
        &self.endpoint
    }

    /// Stops within `budget`: the answers in flight first (up to half of it), then the watcher
    /// and the digest (a post under way is finished); whether everything stopped in time.
    pub async fn stop_within(mut self, budget: Duration) -> bool {
        let deadline = tokio::time::Instant::now() + budget;
        let idle = crate::ops::inflight::wait_idle(budget / 2).await;
        let stopped = tokio::time::timeout_at(deadline, async {
            if let Some(watcher) = self.watcher.take() {
                watcher.stop().await;
            }
            if let Some(digest) = self.digest.take() {
                digest.stop().await;
            }
        })
        .await
        .is_ok();
        idle && stopped
    }
}
