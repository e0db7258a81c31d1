//! The lifecycle of `agenda-bot run`: asking Discord's REST API until it answers (the token, the
//! application; capped, jittered backoff while Discord is unreachable), watching the gateway connection (logged once
//! per change of state), and stopping within a budget on a signal.

use super::rest::{rest_client, Ratelimiter};
use crate::retry::Backoff;
use serenity::all::{ConnectionStage, ShardManager};
use std::future::Future;
use std::sync::Arc;
use std::time::Duration;

/// What the user reads when Discord refuses the token.
pub const TOKEN_REFUSED: &str = "DISCORD_TOKEN was refused by Discord (401 / gateway close 4004 \
     \"Authentication failed\"): set it to the bot token from the Discord developer portal";

/// What the user reads when Discord refuses the intents the config asks for.
pub const INTENTS_REFUSED: &str = "Discord refused the gateway intents (close 4014 \"Disallowed \
     intent(s)\"): enable Message Content Intent under Bot → Privileged Gateway Intents in the \
     Discord developer portal, or leave discord.answer_channel_ids empty and answer_threads off";

/// Whether Discord refused a privileged intent the bot asked for: the gateway's close 4014.
pub fn is_intents_refused(e: &anyhow::Error) -> bool {
    e.chain().any(|c| {
        matches!(
            c.downcast_ref::<serenity::Error>(),
            Some(serenity::Error::Gateway(
                serenity::all::GatewayError::DisallowedGatewayIntents
            ))
        )
    })
}

/// Whether Discord refused the token: REST 401, or the gateway's close 4004.
pub fn is_token_refused(e: &anyhow::Error) -> bool {
    e.chain()
        .any(|c| match c.downcast_ref::<serenity::Error>() {
            Some(serenity::Error::Gateway(serenity::all::GatewayError::InvalidAuthentication)) => {
                true
            }
            Some(other) => super::rest::status_of(other) == Some(401),
            None => false,
        })
}

/// Asks Discord who we are until it answers (see [`until_answered`]).
pub async fn check_token(token: &str, api_proxy: Option<&str>) -> anyhow::Result<()> {
    let http = rest_client(token, api_proxy, None, Ratelimiter::On);
    until_answered("check the token", || http.get_current_user()).await?;
    Ok(())
}

/// Calls Discord's REST API until it answers: `Err` at once when the token is refused (401),
/// retries with backoff (1 s doubling up to 30 s, jittered) while Discord cannot be reached or
/// fails, logging once when it goes unreachable and once when it is back. `/healthz` reports
/// each change (`discord_rest`).
pub async fn until_answered<T, F, Fut>(what: &'static str, mut call: F) -> anyhow::Result<T>
where
    F: FnMut() -> Fut,
    Fut: Future<Output = serenity::Result<T>>,
{
    let mut backoff = Backoff::new(Duration::from_secs(1), Duration::from_secs(30));
    let mut unreachable = false;
    loop {
        let answer = tokio::time::timeout(Duration::from_secs(10), call()).await;
        let error = match answer {
            Ok(Ok(answer)) => {
                rest_answered(true);
                if unreachable {
                    tracing::info!("Discord is reachable again");
                }
                tracing::debug!(request = what, "Discord answered");
                return Ok(answer);
            }
            Ok(Err(e)) if super::rest::status_of(&e) == Some(401) => {
                rest_answered(true);
                return Err(anyhow::Error::from(e).context(TOKEN_REFUSED));
            }
            Ok(Err(e)) => format!("{e}"),
            Err(_) => "no answer within 10 s".to_string(),
        };
        rest_answered(false);
        let wait = backoff.next_delay();
        if !unreachable {
            tracing::warn!(
                request = what,
                error,
                "Discord is unreachable; retrying with backoff (up to 30 s)"
            );
            unreachable = true;
        } else {
            tracing::debug!(
                request = what,
                error,
                wait_ms = wait.as_millis() as u64,
                "Discord still unreachable"
            );
        }
        tokio::time::sleep(wait).await;
    }
}

fn rest_answered(reachable: bool) {
    crate::ops::health::status().set_rest(reachable, jiff::Timestamp::now());
}

/// Watches the shards' connection stage every 250 ms: logs each change of state (connected,
/// lost, reconnected), and sets the gateway gauge and `/healthz`.
pub fn watch_gateway(shard_manager: Arc<ShardManager>) {
    tokio::spawn(async move {
        let mut lost_at: Option<std::time::Instant> = None;
        let mut ever = false;
        loop {
            let up = {
                let runners = shard_manager.runners.lock().await;
                !runners.is_empty()
                    && runners
                        .values()
                        .all(|r| matches!(r.stage, ConnectionStage::Connected))
            };
            if crate::ops::health::status().set_gateway(up, jiff::Timestamp::now()) {
                crate::ops::metrics::gateway_connected(up);
                match (up, lost_at.take()) {
                    (true, Some(at)) => {
                        tracing::info!(down_s = at.elapsed().as_secs(), "gateway reconnected")
                    }
                    (true, None) => tracing::info!("gateway connected"),
                    (false, _) => {
                        if ever {
                            tracing::warn!("gateway connection lost; reconnecting");
                        }
                        lost_at = Some(std::time::Instant::now());
                    }
                }
                ever |= up;
            }
            tokio::time::sleep(Duration::from_millis(250)).await;
        }
    });
}
