//! The Discord transport (feature `discord`): poise 0.7 on serenity 0.12.
//!
//! - [`commands`]: one file per slash command and the one list they are registered from;
//! - [`chat`]: questions asked by mentioning the bot, in answer channels, or by direct message;
//! - [`send`]: the only place replies are turned into serenity builders and sent (empty allowed
//!   mentions everywhere, bounded retry on 429/5xx);
//! - [`buttons`]: clicks on the buttons under answers (paging, full paragraphs);
//! - [`autocomplete`]: choices for the `query` options from the facts in memory;
//! - [`digest`]: the daily digest posted to `digest.channel_ids`, run next to the bot.
//!
//! [`Bot::start`] runs the bot against Discord, or against any base URL given as `api_proxy` (the
//! tests' fake Discord); [`run`] is the `agenda-bot run` subcommand.

pub mod autocomplete;
pub mod buttons;
pub mod chat;
pub mod commands;
pub mod digest;
pub mod hot_reload;
pub mod interactions;
pub mod invocation;
pub mod lifecycle;
pub mod send;

use crate::config::{self, Config};
use agenda_core::index::AgendaIndex;
use anyhow::{bail, Context as _};
use arc_swap::ArcSwap;
use serenity::all::{ClientBuilder, FullEvent, GatewayIntents, GuildId, HttpBuilder, ShardManager};
use std::sync::Arc;
use std::time::Duration;
use tokio::task::JoinHandle;

pub type Error = anyhow::Error;
pub type Context<'a> = poise::Context<'a, Data, Error>;

/// The index in service. Readers take a snapshot (`load`/`load_full`) per request; `/reindex`
/// swaps in a new one without ever blocking them.
pub type SharedIndex = Arc<ArcSwap<AgendaIndex>>;

/// Wraps an open index for sharing with the bot.
pub fn shared_index(index: AgendaIndex) -> SharedIndex {
    Arc::new(ArcSwap::from_pointee(index))
}

/// What every user sees when something fails on our side; the cause goes to the log only.
pub const USER_ERROR: &str =
    "Sorry, something went wrong while answering. Please try again in a moment.";

/// The gateway intents: guild and direct messages with their content (for questions in chat).
pub fn intents() -> GatewayIntents {
    GatewayIntents::GUILD_MESSAGES
        | GatewayIntents::DIRECT_MESSAGES
        | GatewayIntents::MESSAGE_CONTENT
}

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
    pub clock: digest::SharedClock,
    /// Channels seen in chat (threads the bot opened among them).
    pub channels: Arc<chat::Channels>,
    /// Test-only knobs (all off in production).
    pub test_hooks: TestHooks,
}

impl Data {
    pub fn new(
        config: Arc<Config>,
        index: SharedIndex,
        clock: digest::SharedClock,
        test_hooks: TestHooks,
    ) -> Data {
        Data {
            config,
            index,
            reindex_lock: Arc::default(),
            clock,
            channels: Arc::default(),
            test_hooks,
        }
    }
}

/// Test-only knobs for [`BotOptions`]; `TestHooks::default()` (all off) everywhere else.
#[derive(Debug, Clone, Default)]
pub struct TestHooks {
    /// Every query command (`/meeting`, `/initiative`, `/mechanism`, `/ask`) waits this long after
    /// acknowledging the interaction and before searching: an answer slower than Discord's 3 s
    /// (`tests/discord_faults.rs`).
    pub answer_delay: Option<Duration>,
    /// The HTTP client serenity uses, with serenity's rate limiter **on** as in production (unlike
    /// `api_proxy`): the tests' client resolves every host to the fake Discord on 127.0.0.1 and
    /// trusts only the fake's test CA. The bot then refuses to start unless the gateway it is sent
    /// to is on a loopback address.
    pub http_client: Option<reqwest::Client>,
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
    /// The digest's own client, when it has channels to post to.
    pub digest_http: Option<Arc<serenity::all::Http>>,
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
        let http = rest_client(
            &token,
            api_proxy.as_deref(),
            test_hooks.http_client.as_ref(),
        );
        let digest_http = (!config.digest.channel_ids.is_empty())
            .then(|| Arc::new(digest::http(&token, api_proxy.as_deref())));
        Parts {
            config,
            index,
            http,
            digest_http,
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
    watcher: Option<hot_reload::CorpusWatcher>,
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
        if !crate::ops::inflight::wait_idle(budget / 2).await {
            tracing::warn!(
                answers = crate::ops::inflight::count(),
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
        Self::start_with_clock(options, digest::SharedClock::system()).await
    }

    /// [`Self::start`] on another clock (tests: "now" for the digest and `/upcoming`).
    pub async fn start_with_clock(
        options: BotOptions,
        clock: digest::SharedClock,
    ) -> anyhow::Result<BotHandle> {
        let Parts {
            config,
            index,
            http,
            digest_http,
            api_proxy,
            test_hooks,
        } = options.into_parts();
        let own_http_client = test_hooks.http_client.is_some();

        let config = Arc::new(config);
        let data = Data::new(config.clone(), index.clone(), clock.clone(), test_hooks);
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
                    register(&ctx.http, &framework.options().commands, &data.config).await;
                    Ok(data)
                })
            })
            .build();
        let client = ClientBuilder::new_with_http(http, intents())
            .framework(framework)
            .await
            .context("cannot create the Discord client")?;
        if let Some(proxy) = &api_proxy {
            let gateway = client.ws_url.lock().await.clone();
            if host_of(&gateway) != host_of(proxy) {
                bail!(
                    "the API at {proxy} did not hand out a gateway on its own host (got {gateway}); \
                     refusing to connect"
                );
            }
        } else if own_http_client {
            let gateway = client.ws_url.lock().await.clone();
            if !is_loopback(host_of(&gateway)) {
                bail!(
                    "the test HTTP client was sent to the gateway {gateway}; refusing to connect"
                );
            }
        }
        let watcher = match watch_corpus {
            true => hot_reload::CorpusWatcher::start(corpus_dir, index_dir, index.clone()).await,
            false => None,
        };
        send::spawn_bucket_pruner(&client.http);
        let shard_manager = client.shard_manager.clone();
        let http = client.http.clone();
        let mut client = client;
        // The digest lives as long as the client: stopped (a post under way finished) before
        // `wait`/`shutdown` return.
        let digest = digest_http.and_then(|http| digest::start(&config, &index, &clock, http));
        let task = tokio::spawn(async move {
            let result = client.start().await;
            if let Some(digest) = digest {
                digest.stop().await;
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

/// The bot's REST client: to a fake Discord's `api_proxy` (tests; serenity only honours the
/// proxy with its ratelimiter off, then 429/5xx come back as errors and `send` retries them),
/// through the tests' own HTTP client, or to Discord. Nobody is ever mentioned by default.
pub fn rest_client(
    token: &str,
    api_proxy: Option<&str>,
    test_client: Option<&reqwest::Client>,
) -> serenity::all::Http {
    match (api_proxy, test_client) {
        (Some(url), _) => HttpBuilder::new(token)
            .proxy(url.trim_end_matches('/'))
            .ratelimiter_disabled(true),
        (None, Some(client)) => HttpBuilder::new(token).client(client.clone()),
        (None, None) => HttpBuilder::new(token),
    }
    .default_allowed_mentions(send::no_mentions())
    .build()
}

/// `http://127.0.0.1:8080/x` → `127.0.0.1`.
fn host_of(url: &str) -> &str {
    let rest = url.split_once("://").map_or(url, |(_, r)| r);
    let authority = rest.split(['/', '?']).next().unwrap_or(rest);
    let authority = authority.rsplit_once('@').map_or(authority, |(_, a)| a);
    match authority.strip_prefix('[') {
        Some(v6) => v6.split(']').next().unwrap_or(v6),
        None => authority.split(':').next().unwrap_or(authority),
    }
}

/// `http://` on a loopback host: the only base URL `--api-proxy` accepts.
pub fn is_loopback_url(url: &str) -> bool {
    url.starts_with("http://") && is_loopback(host_of(url))
}

/// `127.x.x.x`, `::1` or `localhost`.
fn is_loopback(host: &str) -> bool {
    host.eq_ignore_ascii_case("localhost")
        || host
            .parse::<std::net::IpAddr>()
            .is_ok_and(|ip| ip.is_loopback())
}

fn framework_options() -> poise::FrameworkOptions<Data, Error> {
    poise::FrameworkOptions {
        commands: commands::all(),
        on_error: |error| Box::pin(on_error(error)),
        event_handler: |framework, event| Box::pin(on_event(framework, event)),
        // poise's own messages (if any) can ping nobody either.
        allowed_mentions: Some(send::no_mentions()),
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

/// Registers the commands in each configured guild (instant), or globally when none is configured.
pub(crate) async fn register(
    http: &serenity::all::Http,
    commands: &[poise::Command<Data, Error>],
    config: &Config,
) {
    let guilds = &config.discord.guild_ids;
    if guilds.is_empty() {
        match send::with_retry("register commands", || {
            poise::builtins::register_globally(http, commands)
        })
        .await
        {
            Ok(()) => tracing::info!(commands = commands.len(), "commands registered globally"),
            Err(e) => tracing::error!(error = format!("{e:#}"), "registering commands failed"),
        }
        return;
    }
    for &guild in guilds {
        let guild_id = GuildId::new(guild);
        match send::with_retry("register commands", || {
            poise::builtins::register_in_guild(http, commands, guild_id)
        })
        .await
        {
            Ok(()) => tracing::info!(guild, commands = commands.len(), "commands registered"),
            Err(e) => tracing::error!(
                guild,
                error = format!("{e:#}"),
                "registering commands failed"
            ),
        }
    }
}

/// Every poise/serenity error ends here: the cause goes to the log (`{:#}`), the user gets a
/// short message.
async fn on_error(error: poise::FrameworkError<'_, Data, Error>) {
    use poise::FrameworkError as E;
    let user_text: Option<&'static str> = match &error {
        E::Command { error, ctx, .. } => {
            tracing::error!(
                command = %ctx.command().name,
                user = ctx.author().id.get(),
                error = format!("{error:#}"),
                "command failed"
            );
            Some(USER_ERROR)
        }
        E::ArgumentParse {
            error, input, ctx, ..
        } => {
            tracing::warn!(
                command = %ctx.command().name,
                user = ctx.author().id.get(),
                input = ?input,
                error = %error,
                "could not read the command's options"
            );
            Some(invocation::BAD_OPTIONS)
        }
        E::CommandStructureMismatch {
            description, ctx, ..
        } => {
            tracing::warn!(
                command = %ctx.command().name,
                description,
                "the command Discord sent does not match the registered one"
            );
            Some("Sorry, that command looks out of date. Please try again in a minute.")
        }
        E::CommandPanic { payload, ctx, .. } => {
            tracing::error!(
                command = %ctx.command().name,
                panic = payload.as_deref().unwrap_or("(no message)"),
                "command panicked"
            );
            Some(USER_ERROR)
        }
        E::UnknownInteraction { interaction, .. } => {
            tracing::warn!(
                command = %interaction.data.name,
                "an interaction for a command this bot does not have"
            );
            return;
        }
        E::EventHandler { error, event, .. } => {
            tracing::error!(
                event = event.snake_case_name(),
                error = format!("{error:#}"),
                "event handler failed"
            );
            return;
        }
        E::Setup { error, .. } => {
            tracing::error!(error = format!("{error:#}"), "setup failed");
            return;
        }
        // Cooldowns, permission and guild checks...: poise's own short messages will do (they
        // go out with the framework's empty allowed mentions).
        _ => None,
    };
    match (user_text, error.ctx()) {
        (Some(text), Some(ctx)) => {
            let reply = agenda_core::render::embed::Reply::text(text);
            if let Err(e) = send::deliver(ctx, &reply, true).await {
                tracing::warn!(
                    error = format!("{e:#}"),
                    "could not tell the user about the error"
                );
            }
        }
        (Some(_), None) => {}
        (None, _) => {
            if let Err(e) = poise::builtins::on_error(error).await {
                tracing::error!(error = format!("{e:#}"), "while handling an error");
            }
        }
    }
}

/// The options of `agenda-bot run` beyond the configuration file.
#[derive(Debug, Clone, Default)]
pub struct RunOptions {
    /// A fake Discord's loopback base URL (tests, local trials); checked by [`is_loopback_url`].
    pub api_proxy: Option<String>,
    /// Serve `/metrics` and `/healthz` here.
    pub metrics: Option<std::net::SocketAddr>,
    /// Serve Discord's HTTP interactions (`POST /interactions`) here, verified against
    /// `DISCORD_PUBLIC_KEY`; `/metrics` and `/healthz` too when `metrics` is the same address.
    pub interactions: Option<std::net::SocketAddr>,
    /// With `interactions`: no gateway connection (a stateless replica).
    pub no_gateway: bool,
}

/// How long a signal may take to stop the bot (the promise is 2 s; the runtime gets the rest).
pub const STOP_BUDGET: Duration = Duration::from_millis(1600);

/// `agenda-bot run`: the bot until SIGINT/SIGTERM, which stop it within [`STOP_BUDGET`] in
/// every state (an answer in flight is finished first). A refused token fails at once.
pub async fn run(config: Config, options: RunOptions) -> anyhow::Result<()> {
    if let Some(proxy) = &options.api_proxy {
        if !is_loopback_url(proxy) {
            bail!("--api-proxy {proxy} is not an http:// URL on a loopback address");
        }
        tracing::warn!(proxy, "sending all Discord traffic to a fake Discord");
    }
    if options.no_gateway && options.interactions.is_none() {
        bail!("--no-gateway needs --interactions ADDR (otherwise nothing would reach the bot)");
    }
    let token = config::discord_token().context(
        "DISCORD_TOKEN is not set: export DISCORD_TOKEN=<the bot token from the Discord developer portal>",
    )?;
    let verifier = match options.interactions {
        Some(_) => Some(interactions::verify::RequestVerifier::from_env()?),
        None => None,
    };
    let opened = Arc::new(std::sync::OnceLock::new());
    // `/metrics` and `/healthz` on their own listener at once, or beside `/interactions` on its
    // listener once the bot is up.
    let mut ops_beside_interactions = None;
    if let Some(addr) = options.metrics {
        let prometheus = crate::ops::metrics::install().context("cannot set up the metrics")?;
        let state = crate::ops::OpsState {
            prometheus,
            index: opened.clone(),
        };
        if options.interactions == Some(addr) {
            ops_beside_interactions = Some(crate::ops::router(state));
        } else {
            let bound = crate::ops::serve(addr, state).await?;
            tracing::info!(addr = %bound, "serving /metrics and /healthz");
        }
    }
    let signal = shutdown_signal();
    tokio::pin!(signal);
    let connect = async {
        let index = tokio::task::spawn_blocking({
            let config = config.clone();
            move || crate::cli::open_index(&config)
        })
        .await?;
        crate::ops::metrics::index_built("startup", index.is_ok());
        let index = index?;
        tracing::info!(
            statements = index.manifest.statements,
            facts = index.manifest.facts,
            "index open"
        );
        let index = shared_index(index);
        let _ = opened.set(index.clone());
        lifecycle::check_token(&token, options.api_proxy.as_deref()).await?;
        let bot_options = BotOptions {
            config,
            index,
            token,
            api_proxy: options.api_proxy.clone(),
            test_hooks: TestHooks::default(),
        };
        let clock = digest::SharedClock::system();
        anyhow::Ok(match &verifier {
            Some(verifier) if options.no_gateway => Running::Replica(
                interactions::replica::Replica::start(bot_options, clock, verifier.clone()).await?,
            ),
            _ => Running::Gateway(Bot::start_with_clock(bot_options, clock).await?),
        })
    };
    let mut running = tokio::select! {
        running = connect => running?,
        name = &mut signal => {
            tracing::info!("{name} before the bot was connected: stopping");
            return Ok(());
        }
    };
    if let (Some(addr), Some(verifier)) = (options.interactions, verifier) {
        let endpoint = match &running {
            Running::Replica(replica) => replica.endpoint().clone(),
            Running::Gateway(bot) => interactions::Endpoint {
                data: bot.data().clone(),
                http: bot.http().clone(),
                verifier,
                deadline: interactions::DEADLINE,
            },
        };
        let mut app = interactions::router(endpoint);
        if let Some(ops) = ops_beside_interactions.take() {
            app = app.merge(ops);
        }
        let bound = interactions::serve(addr, app).await?;
        tracing::info!(addr = %bound, "serving Discord interactions at POST /interactions");
    }
    let stopped = match &mut running {
        Running::Gateway(bot) => {
            lifecycle::watch_gateway(bot.shard_manager());
            tokio::select! {
                result = bot.wait() => {
                    return match result {
                        Err(e) if lifecycle::is_token_refused(&e) => Err(e.context(lifecycle::TOKEN_REFUSED)),
                        other => other,
                    };
                }
                name = &mut signal => name,
            }
        }
        Running::Replica(_) => signal.await,
    };
    tracing::info!("{stopped}: shutting down");
    let in_time = match running {
        Running::Gateway(bot) => bot.stop_within(STOP_BUDGET).await,
        Running::Replica(replica) => replica.stop_within(STOP_BUDGET).await,
    };
    if !in_time {
        tracing::warn!("not everything stopped in time; stopped anyway");
    }
    Ok(())
}

/// What `run` runs: the gateway bot (with or without an interactions endpoint beside it) or a
/// gateway-less replica.
enum Running {
    Gateway(BotHandle),
    Replica(interactions::replica::Replica),
}

/// Resolves on SIGINT (Ctrl-C) or SIGTERM.
async fn shutdown_signal() -> &'static str {
    #[cfg(unix)]
    {
        use tokio::signal::unix::{signal, SignalKind};
        match signal(SignalKind::terminate()) {
            Ok(mut term) => tokio::select! {
                _ = tokio::signal::ctrl_c() => "SIGINT",
                _ = term.recv() => "SIGTERM",
            },
            Err(e) => {
                tracing::warn!(error = %e, "cannot listen for SIGTERM; Ctrl-C still works");
                let _ = tokio::signal::ctrl_c().await;
                "SIGINT"
            }
        }
    }
    #[cfg(not(unix))]
    {
        let _ = tokio::signal::ctrl_c().await;
        "Ctrl-C"
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn hosts() {
        assert_eq!(host_of("http://127.0.0.1:8080"), "127.0.0.1");
        assert_eq!(host_of("ws://127.0.0.1:9/x?v=10"), "127.0.0.1");
        assert_eq!(host_of("wss://gateway.discord.gg"), "gateway.discord.gg");
        assert_eq!(host_of("http://[::1]:80/"), "::1");
        assert!(is_loopback("127.0.0.1") && is_loopback("127.3.2.1") && is_loopback("::1"));
        assert!(!is_loopback("gateway.discord.gg") && !is_loopback("10.0.0.1"));
        assert!(is_loopback_url("http://127.0.0.1:9") && is_loopback_url("http://[::1]:9/"));
        assert!(!is_loopback_url("https://discord.com") && !is_loopback_url("http://10.0.0.1:9"));
        assert!(
            !is_loopback_url("ws://127.0.0.1:9") && !is_loopback_url("http://127.0.0.1.evil.com")
        );
    }
}
