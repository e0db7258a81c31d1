//! Starting and stopping the gateway bot: [`Bot::start`] connects to Discord (or a fake one on
//! loopback), registers the commands, and runs the chat, the buttons, the corpus watcher and
//! the daily digest beside them until [`BotHandle::shutdown`].

use super::data::{Data, Error, TestHooks};
use super::errors::on_error;
use super::rest::{no_mentions, rest_client, spawn_bucket_pruner, with_retry, Ratelimiter};
use super::{buttons, chat, commands, digest, watch};
use crate::clock::SharedClock;
use crate::config::{Config, DiscordConfig};
use crate::index_service::{CorpusWatcher, SharedIndex};
use crate::net::{host_of, is_loopback_host};
use crate::ops::inflight;
use anyhow::{bail, Context as _};
use serenity::all::{ClientBuilder, FullEvent, GatewayIntents, GuildId, Permissions, ShardManager};
use std::sync::Arc;
use std::time::Duration;
use tokio::task::JoinHandle;

/// The gateway intents: guild and direct messages. Discord shows a bot the text of messages that
/// mention it and of direct messages without more; the privileged Message Content intent (to be
/// enabled in the developer portal) is asked for only when the config reads other messages too:
/// every message of `answer_channel_ids`, or follow-ups in `answer_threads`.
pub fn intents(discord: &DiscordConfig) -> GatewayIntents {
    let base = GatewayIntents::GUILD_MESSAGES | GatewayIntents::DIRECT_MESSAGES;
    match needs_message_content(discord) {
        true => base | GatewayIntents::MESSAGE_CONTENT,
        false => base,
    }
}

/// Whether the config reads messages that neither mention the bot nor are direct messages.
pub fn needs_message_content(discord: &DiscordConfig) -> bool {
    !discord.answer_channel_ids.is_empty() || discord.answer_threads
}

/// What the bot does in a channel: read it and its history (thread follow-ups), answer with
/// embeds, in threads too, and open threads on answers when `answer_threads` is on.
pub fn permissions(discord: &DiscordConfig) -> Permissions {
    let base = Permissions::VIEW_CHANNEL
        | Permissions::SEND_MESSAGES
        | Permissions::SEND_MESSAGES_IN_THREADS
        | Permissions::EMBED_LINKS
        | Permissions::READ_MESSAGE_HISTORY;
    match discord.answer_threads {
        true => base | Permissions::CREATE_PUBLIC_THREADS,
        false => base,
    }
}

/// The link a server admin opens to add the bot: its scopes and the permissions it needs.
pub fn invite_url(application_id: u64, discord: &DiscordConfig) -> String {
    format!(
        "https://discord.com/oauth2/authorize?client_id={application_id}&scope=bot%20applications.commands&permissions={}",
        permissions(discord).bits()
    )
}

/// Logs at start what a new admin needs: the invite link and whether the privileged Message
/// Content intent must be enabled in the developer portal.
pub(crate) fn log_setup(application_id: u64, discord: &DiscordConfig) {
    tracing::info!(
        invite = %invite_url(application_id, discord),
        permissions = permissions(discord).bits(),
        "invite the bot with this link"
    );
    match needs_message_content(discord) {
        true => tracing::info!(
            "the Message Content intent is requested (answer_channel_ids or answer_threads): \
             enable it under Bot → Privileged Gateway Intents in the developer portal"
        ),
        false => tracing::info!(
            "the Message Content intent is not requested: questions are read from mentions and \
             direct messages"
        ),
    }
}

/// How to start the bot.
pub struct BotOptions {
    pub config: Config,
    pub index: SharedIndex,
    /// The bot token (from `DISCORD_TOKEN` via [`config::discord_token`]); never logged.
    pub token: String,
    /// Tests only: the base URL of a fake Discord REST API (`http://127.0.0.1:PORT`). Requests then
    /// go there with serenity's ratelimiter off (required for the proxy to apply), and the bot
    /// refuses to start unless the gateway it is sent to is on the same host.
    pub api_proxy: Option<String>,
    /// Tests only; `TestHooks::default()` otherwise.
    pub test_hooks: TestHooks,
}

impl std::fmt::Debug for BotOptions {
    fn fmt(&self, f: &mut std::fmt::Formatter<'_>) -> std::fmt::Result {
        f.debug_struct("BotOptions")
            .field("config", &self.config)
            .field("index", &self.index.load().manifest)
            .field("token", &"[redacted]")
            .field("api_proxy", &self.api_proxy)
            .field("test_hooks", &self.test_hooks)
            .finish()
    }
}

/// What starting needs of [`BotOptions`]: the REST clients made from the token (the token itself
/// is not kept).
pub(crate) struct Parts {
    pub config: Config,
    pub index: SharedIndex,
    pub http: serenity::all::Http,
    /// The client for posts (the digest, watches): serenity's rate limiter off, the runners
    /// retry themselves (see `digest`).
    pub post_http: Arc<serenity::all::Http>,
    pub api_proxy: Option<String>,
    pub test_hooks: TestHooks,
}

impl BotOptions {
    pub(crate) fn into_parts(self) -> Parts {
        let BotOptions {
            config,
            index,
            token,
            api_proxy,
            test_hooks,
        } = self;
        let test_client = test_hooks.http_client.as_ref();
        let http = rest_client(&token, api_proxy.as_deref(), test_client, Ratelimiter::On);
        let post_http = Arc::new(rest_client(
            &token,
            api_proxy.as_deref(),
            test_client,
            Ratelimiter::Off,
        ));
        Parts {
            config,
            index,
            http,
            post_http,
            api_proxy,
            test_hooks,
        }
    }
}

/// A running bot.
pub struct BotHandle {
    shard_manager: Arc<ShardManager>,
    client: JoinHandle<Result<(), serenity::Error>>,
    index: SharedIndex,
    watcher: Option<CorpusWatcher>,
    data: Data,
    http: Arc<serenity::all::Http>,
}

impl BotHandle {
    /// The state the gateway's commands use (for an HTTP interactions endpoint beside it).
    pub fn data(&self) -> &Data {
        &self.data
    }

    /// The gateway client's REST client.
    pub fn http(&self) -> &Arc<serenity::all::Http> {
        &self.http
    }

    /// The index in service (swapped by `/reindex`).
    pub fn index(&self) -> &SharedIndex {
        &self.index
    }

    /// The shard manager, to stop the bot from elsewhere.
    pub fn shard_manager(&self) -> Arc<ShardManager> {
        self.shard_manager.clone()
    }

    /// Waits until the client stops (after [`Self::shutdown`] or a fatal gateway error).
    pub async fn wait(&mut self) -> anyhow::Result<()> {
        (&mut self.client)
            .await
            .context("the Discord client task failed")?
            .context("the Discord client stopped")
    }

    /// Stops within `budget`: the answers in flight are finished first (up to half of it), then
    /// the corpus watcher and the gateway connection; whether everything stopped in time.
    pub async fn stop_within(mut self, budget: Duration) -> bool {
        let deadline = tokio::time::Instant::now() + budget;
        if !inflight::wait_idle(budget / 2).await {
            tracing::warn!(
                answers = inflight::count(),
                "answers still running at shutdown"
            );
        }
        if let Some(watcher) = self.watcher.take() {
            let _ = tokio::time::timeout_at(deadline, watcher.stop()).await;
        }
        let stopped = tokio::time::timeout_at(deadline, async {
            self.shard_manager.shutdown_all().await;
            let _ = (&mut self.client).await;
        })
        .await
        .is_ok();
        if !stopped {
            self.client.abort();
        }
        stopped
    }

    /// Stops the corpus watcher, closes the gateway connection and waits (up to 10 s) for the
    /// client to stop.
    pub async fn shutdown(mut self) -> anyhow::Result<()> {
        if let Some(watcher) = self.watcher.take() {
            watcher.stop().await;
        }
        self.shard_manager.shutdown_all().await;
        match tokio::time::timeout(Duration::from_secs(10), self.wait()).await {
            Ok(result) => result,
            Err(_) => {
                self.client.abort();
                bail!("the Discord client did not stop within 10 s")
            }
        }
    }
}

/// The bot.
pub struct Bot;

impl Bot {
    /// Connects to Discord (or the `api_proxy`) and starts answering; returns once the client runs.
    /// With `digest.channel_ids` set, the daily digest runs too, until [`BotHandle::shutdown`].
    pub async fn start(options: BotOptions) -> anyhow::Result<BotHandle> {
        Self::start_with_clock(options, SharedClock::system()).await
    }

    /// [`Self::start`] on another clock (tests: "now" for the digest and `/upcoming`).
    pub async fn start_with_clock(
        options: BotOptions,
        clock: SharedClock,
    ) -> anyhow::Result<BotHandle> {
        let Parts {
            config,
            index,
            http,
            post_http,
            api_proxy,
            test_hooks,
        } = options.into_parts();
        let own_http_client = test_hooks.http_client.is_some();

        let config = Arc::new(config);
        let help = commands::help::generated(&commands::all(), &config);
        let data = Data::new(
            config.clone(),
            index.clone(),
            clock.clone(),
            help,
            test_hooks,
        );
        let shared_data = data.clone();
        let (corpus_dir, index_dir) = (
            data.config.corpus_dir.clone(),
            data.config.index_dir.clone(),
        );
        let watch_corpus = data.config.discord.watch_corpus;
        let framework = poise::Framework::builder()
            .options(framework_options())
            .initialize_owners(false)
            .setup(move |ctx, ready, framework| {
                Box::pin(async move {
                    tracing::info!(user = %ready.user.name, "connected to Discord");
                    log_setup(ready.application.id.get(), &data.config.discord);
                    let present: Vec<GuildId> = ready.guilds.iter().map(|g| g.id).collect();
                    register(
                        &ctx.http,
                        &framework.options().commands,
                        &data.config,
                        &present,
                    )
                    .await;
                    Ok(data)
                })
            })
            .build();
        let client = ClientBuilder::new_with_http(http, intents(&config.discord))
            .framework(framework)
            .await
            .context("cannot create the Discord client")?;
        if let Some(proxy) = &api_proxy {
            let gateway = client.ws_url.lock().await.clone();
            if host_of(&gateway).is_none() || host_of(&gateway) != host_of(proxy) {
                bail!(
                    "the API at {proxy} did not hand out a gateway on its own host (got {gateway}); \
                     refusing to connect"
                );
            }
        } else if own_http_client {
            let gateway = client.ws_url.lock().await.clone();
            if !host_of(&gateway).is_some_and(|h| is_loopback_host(&h)) {
                bail!(
                    "the test HTTP client was sent to the gateway {gateway}; refusing to connect"
                );
            }
        }
        let watcher = match watch_corpus {
            true => CorpusWatcher::start(corpus_dir, index_dir, index.clone()).await,
            false => None,
        };
        spawn_bucket_pruner(&client.http);
        let shard_manager = client.shard_manager.clone();
        let http = client.http.clone();
        let mut client = client;
        // The digest lives as long as the client: stopped (a post under way finished) before
        // `wait`/`shutdown` return.
        let digest = digest::start(&config, &index, &clock, post_http.clone());
        let watches = watch::start(
            &config,
            shared_data.watches.clone(),
            &index,
            &clock,
            post_http,
        );
        let task = tokio::spawn(async move {
            let result = client.start().await;
            if let Some(digest) = digest {
                digest.stop().await;
            }
            if let Some(watches) = watches {
                watches.stop().await;
            }
            result
        });
        Ok(BotHandle {
            shard_manager,
            client: task,
            index,
            watcher,
            data: shared_data,
            http,
        })
    }
}

fn framework_options() -> poise::FrameworkOptions<Data, Error> {
    poise::FrameworkOptions {
        commands: commands::all(),
        on_error: |error| Box::pin(on_error(error)),
        event_handler: |framework, event| Box::pin(on_event(framework, event)),
        // poise's own messages (if any) can ping nobody either.
        allowed_mentions: Some(no_mentions()),
        ..Default::default()
    }
}

async fn on_event(
    framework: poise::FrameworkContext<'_, Data, Error>,
    event: &FullEvent,
) -> Result<(), Error> {
    match event {
        FullEvent::Message { new_message } => {
            chat::on_message(framework.serenity_context, framework.user_data, new_message).await?;
        }
        FullEvent::InteractionCreate {
            interaction: serenity::all::Interaction::Component(click),
        } => buttons::on_component(framework.serenity_context, framework.user_data, click).await?,
        _ => {}
    }
    Ok(())
}

/// Registers the commands in each configured guild (instant), or globally when none is
/// configured, and removes them from the scope left behind: the global list when guilds are
/// configured, the guilds the bot is in (`present`) when they are not. Switching between the two
/// leaves no duplicate commands. Whether every registration went through, as `/healthz` reports.
pub(crate) async fn register(
    http: &serenity::all::Http,
    commands: &[poise::Command<Data, Error>],
    config: &Config,
    present: &[GuildId],
) -> bool {
    let registered = register_and_clear(http, commands, config, present).await;
    crate::ops::health::status().set_registered(registered);
    registered
}

/// [`register`]'s work; whether every registration went through (a scope not cleared is logged).
async fn register_and_clear(
    http: &serenity::all::Http,
    commands: &[poise::Command<Data, Error>],
    config: &Config,
    present: &[GuildId],
) -> bool {
    let guilds = &config.discord.guild_ids;
    if guilds.is_empty() {
        let registered = match with_retry("register commands", || {
            poise::builtins::register_globally(http, commands)
        })
        .await
        {
            Ok(()) => {
                tracing::info!(commands = commands.len(), "commands registered globally");
                true
            }
            Err(e) => {
                tracing::error!(error = format!("{e:#}"), "registering commands failed");
                false
            }
        };
        for &guild in present {
            let cleared = with_retry("remove guild commands", || {
                guild.set_commands(http, Vec::new())
            })
            .await;
            if let Err(e) = cleared {
                tracing::warn!(
                    guild = guild.get(),
                    error = format!("{e:#}"),
                    "could not remove the guild's commands"
                );
            }
        }
        return registered;
    }
    let mut registered = true;
    for &guild in guilds {
        let guild_id = GuildId::new(guild);
        match with_retry("register commands", || {
            poise::builtins::register_in_guild(http, commands, guild_id)
        })
        .await
        {
            Ok(()) => tracing::info!(guild, commands = commands.len(), "commands registered"),
            Err(e) => {
                registered = false;
                tracing::error!(
                    guild,
                    error = format!("{e:#}"),
                    "registering commands failed"
                )
            }
        }
    }
    let cleared = with_retry("remove global commands", || {
        serenity::all::Command::set_global_commands(http, Vec::new())
    })
    .await;
    if let Err(e) = cleared {
        tracing::warn!(
            error = format!("{e:#}"),
            "could not remove the global commands"
        );
    }
    registered
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn the_invite_link_and_intents_follow_the_config() {
        let plain = DiscordConfig::default();
        let threads = DiscordConfig {
            answer_threads: true,
            ..DiscordConfig::default()
        };
        let channel = DiscordConfig {
            answer_channel_ids: vec![7],
            ..DiscordConfig::default()
        };
        // (config, permission integer, Message Content asked for)
        for (config, bits, content) in [
            (&plain, 274_877_991_936u64, false),
            (&threads, 309_237_730_304, true),
            (&channel, 274_877_991_936, true),
        ] {
            assert_eq!(permissions(config).bits(), bits);
            assert_eq!(
                intents(config).contains(GatewayIntents::MESSAGE_CONTENT),
                content
            );
            assert_eq!(
                invite_url(42, config),
                format!("https://discord.com/oauth2/authorize?client_id=42&scope=bot%20applications.commands&permissions={bits}")
            );
        }
    }
}
