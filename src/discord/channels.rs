//! What the bot knows of the channels it is asked in (a thread or not, opened by it or not),
//! looked up once per channel and kept.

use super::rest::with_retry;
use serenity::all::{Channel, ChannelId, ChannelType, Http, UserId};
use std::collections::HashMap;
use std::sync::atomic::AtomicBool;
use std::sync::Mutex;

/// What the bot knows of a guild channel: a thread or not, and whether it opened it.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub struct ChannelInfo {
    pub is_thread: bool,
    /// A thread the bot opened, and the channel it was opened in.
    pub bot_thread_in: Option<ChannelId>,
}

/// Channels seen in chat (one `GET /channels/{id}` each, kept: a channel never changes kind),
/// and whether a failed thread creation was logged already.
#[derive(Debug, Default)]
pub struct Channels {
    known: Mutex<HashMap<ChannelId, ChannelInfo>>,
    /// Whether a failed thread creation was logged already (logged once, then debug).
    pub thread_failure_logged: AtomicBool,
}

/// Channels remembered at most (then forgotten all at once and looked up again).
const CHANNELS_KEPT: usize = 10_000;

impl Channels {
    /// What the bot knows of `channel`, looked up once; `None` when the lookup failed.
    pub async fn info(&self, http: &Http, channel: ChannelId, bot: UserId) -> Option<ChannelInfo> {
        if let Some(info) = self.known.lock().unwrap().get(&channel) {
            return Some(*info);
        }
        let fetched = with_retry("get channel", || channel.to_channel(http)).await;
        let info = match fetched {
            Ok(Channel::Guild(c)) => {
                let is_thread = matches!(
                    c.kind,
                    ChannelType::PublicThread
                        | ChannelType::PrivateThread
                        | ChannelType::NewsThread
                );
                ChannelInfo {
                    is_thread,
                    bot_thread_in: c.parent_id.filter(|_| is_thread && c.owner_id == Some(bot)),
                }
            }
            Ok(_) => ChannelInfo {
                is_thread: false,
                bot_thread_in: None,
            },
            Err(e) => {
                // Unknown for now (asked again next time): answered as a plain channel.
                tracing::debug!(error = format!("{e:#}"), "could not look up a channel");
                return None;
            }
        };
        let mut known = self.known.lock().unwrap();
        if known.len() >= CHANNELS_KEPT {
            known.clear();
        }
        known.insert(channel, info);
        Some(info)
    }
}
