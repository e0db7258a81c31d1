//! The bot without a gateway (`agenda-bot run --interactions ADDR --no-gateway`): a stateless
//! replica that answers HTTP interactions only, with the commands registered over REST (in the
//! background: it answers before Discord does) and the corpus watcher and the digest running as
//! they do beside the gateway.

use super::verify::RequestVerifier;
use super::{Endpoint, DEADLINE};
use crate::clock::SharedClock;
use crate::config::Config;
use crate::discord::bot::{register, BotOptions, Parts};
use crate::discord::data::Data;
use crate::discord::lifecycle::until_answered;
use crate::discord::rest::spawn_bucket_pruner;
use crate::discord::{commands, digest};
use crate::index_service::CorpusWatcher;
use crate::retry::Backoff;
use serenity::all::Http;
use std::sync::Arc;
use std::time::Duration;
use tokio::task::JoinHandle;

/// A running replica.
pub struct Replica {
    endpoint: Endpoint,
    watcher: Option<CorpusWatcher>,
    digest: Option<digest::DigestTask>,
    /// Discord's side, set up in the background ([`connect`]).
    connecting: JoinHandle<anyhow::Result<()>>,
}

impl Replica {
    /// Starts the watcher and the digest and returns, ready to answer: nothing here waits on
    /// Discord. The application's id is read and the commands registered in the background
    /// ([`Self::refused`] tells when Discord refuses the token).
    pub async fn start(
        options: BotOptions,
        clock: SharedClock,
        verifier: RequestVerifier,
    ) -> Replica {
        let Parts {
            config,
            index,
            http,
            post_http,
            test_hooks,
            ..
        } = options.into_parts();
        let http = Arc::new(http);
        crate::ops::health::status().set_no_gateway();
        let config = Arc::new(config);
        let connecting = tokio::spawn(connect(http.clone(), config.clone()));
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
        let digest = digest::start(&config, &index, &clock, post_http);
        let help = commands::help::generated(&commands::all(), &config);
        let data = Data::new(config, index, clock, help, test_hooks);
        Replica {
            endpoint: Endpoint {
                data,
                http,
                verifier,
                deadline: DEADLINE,
            },
            watcher,
            digest,
            connecting,
        }
    }

    /// Resolves with the error when Discord refused the token; pending otherwise.
    pub async fn refused(&mut self) -> anyhow::Error {
        match (&mut self.connecting).await {
            Ok(Err(e)) => e,
            Ok(Ok(())) | Err(_) => std::future::pending().await,
        }
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
        self.connecting.abort();
        idle && stopped
    }
}

/// Discord's side of a replica: reads the application (its id for the command routes; a refused
/// token ends here with an error), then registers the commands, both until they go through.
async fn connect(http: Arc<Http>, config: Arc<Config>) -> anyhow::Result<()> {
    let application = until_answered("read the application", || {
        http.get_current_application_info()
    })
    .await?;
    if http.application_id().is_none() {
        http.set_application_id(application.id);
    }
    crate::discord::bot::log_setup(application.id.get(), &config.discord);
    // Without a gateway the bot does not know its guilds: a switch to global commands leaves
    // the guild ones to the next gateway start (or the server admin) to remove.
    let mut backoff = Backoff::new(Duration::from_secs(1), Duration::from_secs(30));
    while !register(&http, &commands::all(), &config, &[]).await {
        tokio::time::sleep(backoff.next_delay()).await;
    }
    Ok(())
}
