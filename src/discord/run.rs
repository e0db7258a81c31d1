//! `agenda-bot run`: the bot (gateway, HTTP interactions endpoint, or a gateway-less replica)
//! with its ops listener, until SIGINT or SIGTERM.

use super::bot::{Bot, BotHandle, BotOptions};
use super::data::TestHooks;
use super::{interactions, lifecycle};
use crate::clock::SharedClock;
use crate::config::Config;
use crate::index_service::shared_index;
use crate::ops::routes;
use anyhow::{bail, Context as _};
use std::sync::Arc;
use std::time::Duration;

/// The options of `agenda-bot run` beyond the configuration file.
#[derive(Debug, Clone, Default)]
pub struct RunOptions {
    /// A fake Discord's loopback base URL (tests, local trials); checked by [`crate::net::is_loopback_url`].
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
/// every state (an answer in flight is finished first). The listeners are up at once; a refused
/// token fails as soon as Discord says so.
pub async fn run(config: Config, options: RunOptions) -> anyhow::Result<()> {
    if let Some(proxy) = &options.api_proxy {
        if !crate::net::is_loopback_url(proxy) {
            bail!("--api-proxy {proxy} is not an http:// URL on a loopback address");
        }
        tracing::warn!(proxy, "sending all Discord traffic to a fake Discord");
    }
    if options.no_gateway && options.interactions.is_none() {
        bail!("--no-gateway needs --interactions ADDR (otherwise nothing would reach the bot)");
    }
    let token = crate::config::discord_token().context(
        "DISCORD_TOKEN is not set: export DISCORD_TOKEN=<the bot token from the Discord developer portal>",
    )?;
    let verifier = match options.interactions {
        Some(_) => Some(interactions::verify::RequestVerifier::from_env()?),
        None => None,
    };
    let opened = Arc::new(std::sync::OnceLock::new());
    let clock = SharedClock::system();
    // Every listener is up at once, before the index opens and whatever Discord does: `/healthz`
    // says "up" and `/readyz` "ready"; `/interactions` answers PING and says "starting" to
    // commands until the bot's state is ready.
    let listener = verifier
        .as_ref()
        .map(|verifier| interactions::Listener::pending(verifier.clone(), clock.clone()));
    let mut ops = None;
    if let Some(addr) = options.metrics {
        let prometheus = crate::ops::metrics::install().context("cannot set up the metrics")?;
        ops = Some((
            addr,
            routes::router(routes::OpsState {
                prometheus,
                index: opened.clone(),
                calendar: Arc::default(),
            }),
        ));
    }
    if let (Some(addr), Some(listener)) = (options.interactions, &listener) {
        let mut app = interactions::router_for(listener.clone());
        if let Some((_, ops_app)) = ops.take_if(|(ops_addr, _)| *ops_addr == addr) {
            app = app.merge(ops_app);
        }
        let bound = interactions::serve(addr, app).await?;
        tracing::info!(addr = %bound, "serving Discord interactions at POST /interactions");
    }
    if let Some((addr, ops_app)) = ops {
        let bound = routes::serve_app(addr, ops_app, "--metrics").await?;
        tracing::info!(addr = %bound, "serving /metrics, /healthz, /readyz and /calendar.ics");
    }
    let signal = shutdown_signal();
    tokio::pin!(signal);
    // Follows the shared store (`[store] url`) until `run` returns.
    let mut _corpus_sync = None;
    let connect = async {
        let index = tokio::task::spawn_blocking({
            let config = config.clone();
            move || crate::index_service::open_index(&config)
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
        _corpus_sync = crate::corpus_sync::CorpusSync::start(&config, &index);
        let bot_options = BotOptions {
            config,
            index,
            token,
            api_proxy: options.api_proxy.clone(),
            test_hooks: TestHooks::default(),
        };
        anyhow::Ok(match (&verifier, &listener) {
            (Some(verifier), Some(listener)) if options.no_gateway => {
                let replica =
                    interactions::replica::Replica::start(bot_options, clock, verifier.clone())
                        .await;
                listener.open(replica.endpoint().clone());
                Running::Replica(Box::new(replica))
            }
            _ => {
                lifecycle::check_token(&bot_options.token, options.api_proxy.as_deref()).await?;
                let bot = Bot::start_with_clock(bot_options, clock).await?;
                if let (Some(verifier), Some(listener)) = (&verifier, &listener) {
                    listener.open(interactions::Endpoint {
                        data: bot.data().clone(),
                        http: bot.http().clone(),
                        verifier: verifier.clone(),
                        deadline: interactions::DEADLINE,
                    });
                }
                Running::Gateway(bot)
            }
        })
    };
    let mut running = tokio::select! {
        running = connect => running?,
        name = &mut signal => {
            tracing::info!("{name} before the bot was connected: stopping");
            return Ok(());
        }
    };
    let stopped = match &mut running {
        Running::Gateway(bot) => {
            lifecycle::watch_gateway(bot.shard_manager());
            tokio::select! {
                result = bot.wait() => {
                    return match result {
                        Err(e) if lifecycle::is_token_refused(&e) => Err(e.context(lifecycle::TOKEN_REFUSED)),
                        Err(e) if lifecycle::is_intents_refused(&e) => Err(e.context(lifecycle::INTENTS_REFUSED)),
                        other => other,
                    };
                }
                name = &mut signal => name,
            }
        }
        Running::Replica(replica) => tokio::select! {
            refused = replica.refused() => return Err(refused),
            name = &mut signal => name,
        },
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
    Replica(Box<interactions::replica::Replica>),
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
