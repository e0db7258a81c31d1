//! Questions in chat: a message that mentions the bot (anywhere), replies to one of its
//! answers, arrives in one of the `answer_channel_ids`, or is a direct message gets an answer
//! from the `/ask` engine as a reply. `command::parse_line` lets people type `/meeting AMIM-21`
//! in chat too; a reply to an answer about a fact is asked about that fact ("who attended?").
//! An answer in a guild channel opens a thread on itself (`answer_threads`), where every message
//! is a question read with the thread's latest answer as context.

use super::commands::help_reply;
use super::{send, Data, Error, USER_ERROR};
use crate::config::DigestConfig;
use agenda_core::command::{self, FollowUp, Response};
use agenda_core::index::AgendaIndex;
use agenda_core::query::Scope;
use agenda_core::render::components::{self, Asked, WithButtons};
use agenda_core::render::{self, embed::escape, embed::fit, embed::Reply};
use jiff::tz::TimeZone;
use jiff::Timestamp;
use serenity::all::{
    AutoArchiveDuration, Channel, ChannelId, ChannelType, Context as SerenityContext, CreateThread,
    GetMessages, Http, Message, MessageId, MessageType, UserId,
};
use std::collections::HashMap;
use std::sync::atomic::{AtomicBool, Ordering};
use std::sync::Mutex;
use std::time::Instant;

/// The question in this message, if the bot should answer it: never a bot's (its own included)
/// or a system message; otherwise a mention of the bot, a message in an answer channel, or a
/// direct message. A bare mention or an empty direct message is answered (with the help); an
/// answer-channel message without text (an image, a sticker) is not.
pub fn question_in(msg: &Message, bot: UserId, answer_channel_ids: &[u64]) -> Option<String> {
    question_in_channel(msg, bot, answer_channel_ids, false)
}

/// Not a bot's or a system message: worth looking at (and at its channel).
fn from_a_person(msg: &Message, bot: UserId) -> bool {
    !(msg.author.bot
        || msg.author.id == bot
        || !matches!(msg.kind, MessageType::Regular | MessageType::InlineReply))
}

/// [`question_in`], where a message with text in a thread the bot opened is a question too.
pub fn question_in_channel(
    msg: &Message,
    bot: UserId,
    answer_channel_ids: &[u64],
    in_bot_thread: bool,
) -> Option<String> {
    if !from_a_person(msg, bot) {
        return None;
    }
    let addressed = mentions(msg, bot) || msg.guild_id.is_none() || replies_to(msg, bot);
    let in_answer_channel = in_bot_thread || answer_channel_ids.contains(&msg.channel_id.get());
    let text = question_text(&msg.content, bot);
    (addressed || (in_answer_channel && !text.is_empty())).then_some(text)
}

/// The message replies to one of the bot's messages.
fn replies_to(msg: &Message, bot: UserId) -> bool {
    msg.referenced_message
        .as_deref()
        .is_some_and(|previous| previous.author.id == bot)
}

/// The entity of the bot's answer this message replies to (from the answer's embed footer).
pub fn follow_up_of(msg: &Message, bot: UserId) -> Option<FollowUp> {
    let previous = msg.referenced_message.as_deref()?;
    if previous.author.id != bot {
        return None;
    }
    previous
        .embeds
        .iter()
        .find_map(|e| FollowUp::from_footer(&e.footer.as_ref()?.text))
}

fn mentions(msg: &Message, bot: UserId) -> bool {
    msg.mentions.iter().any(|u| u.id == bot)
        || msg.content.contains(&format!("<@{bot}>"))
        || msg.content.contains(&format!("<@!{bot}>"))
}

/// The text of the question: the bot's mentions taken out, whitespace tidied.
pub fn question_text(content: &str, bot: UserId) -> String {
    content
        .replace(&format!("<@!{bot}>"), " ")
        .replace(&format!("<@{bot}>"), " ")
        .split_whitespace()
        .collect::<Vec<_>>()
        .join(" ")
}

/// What the bot answers to a chat line: the reply with its buttons, how many results it holds,
/// and the name of the thread to open on it (the first result's title; none without results).
#[derive(Debug, Clone, PartialEq)]
pub struct ChatAnswer {
    pub message: WithButtons,
    pub results: usize,
    pub topic: Option<String>,
}

/// The answer to a chat line: [`command::respond_to_line`], as the console answers it, drawn by
/// [`message_of`]. `/upcoming [days]` looks ahead from `now`'s date in `digest.timezone`. A
/// question following up `previous` is asked about its entity.
pub fn answer_for(
    index: &AgendaIndex,
    text: &str,
    previous: Option<&FollowUp>,
    digest: &DigestConfig,
    now: Timestamp,
) -> Result<ChatAnswer, Error> {
    let from = digest.upcoming_from(now);
    let line = match previous {
        Some(previous) if !text.trim().is_empty() => command::parse_follow_up(text, previous),
        _ if text.trim().is_empty() => command::Command::Help,
        _ => command::parse_line(text),
    };
    let (line, asked) = match line {
        command::Command::Query { scope, text } => {
            let asked = Asked::new(scope, &text);
            (command::Command::query(scope, &asked.text), asked)
        }
        other => (other, Asked::new(Scope::Ask, "")),
    };
    let response = command::respond(index, line, from)?;
    let topic = match &response {
        Response::Answer(a) => a.results.first().map(|h| fit(&h.title(), 100)),
        _ => None,
    };
    Ok(ChatAnswer {
        message: message_of(&response, &asked, now, &digest.timezone),
        results: response.results(),
        topic,
    })
}

/// [`answer_for`] without the buttons: the reply and how many results it holds.
pub fn reply_for(
    index: &AgendaIndex,
    text: &str,
    previous: Option<&FollowUp>,
    digest: &DigestConfig,
    now: Timestamp,
) -> Result<(Reply, usize), Error> {
    let answer = answer_for(index, text, previous, digest, now)?;
    Ok((answer.message.reply, answer.results))
}

/// A response with its buttons: an answer gets its first page with "More results" and "Full
/// paragraph" (issued `now`), anything else none.
pub fn message_of(
    response: &Response,
    asked: &Asked,
    now: Timestamp,
    tz: &TimeZone,
) -> WithButtons {
    match response {
        Response::Answer(a) => components::answer_with_buttons(a, asked, 0, now.as_second()),
        other => WithButtons {
            reply: reply_of(other, tz),
            rows: Vec::new(),
        },
    }
}

/// A response drawn for Discord (chat and slash commands alike); digest dates in `tz`.
pub fn reply_of(response: &Response, tz: &TimeZone) -> Reply {
    match response {
        Response::Answer(answer) => render::embed::answer(answer),
        Response::Upcoming(digest) => render::digest::reply(digest, tz),
        Response::Help => help_reply(),
        Response::Notice(notice) => Reply::text(&escape(notice)),
    }
}

/// What the bot knows of a guild channel: a thread or not, and whether it opened it.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
struct ChannelInfo {
    is_thread: bool,
    /// A thread the bot opened, and the channel it was opened in.
    bot_thread_in: Option<ChannelId>,
}

/// Channels seen in chat (one `GET /channels/{id}` each, kept: a channel never changes kind),
/// and whether a failed thread creation was logged already.
#[derive(Debug, Default)]
pub struct Channels {
    known: Mutex<HashMap<ChannelId, ChannelInfo>>,
    thread_failure_logged: AtomicBool,
}

/// Channels remembered at most (then forgotten all at once and looked up again).
const CHANNELS_KEPT: usize = 10_000;

impl Channels {
    async fn info(&self, http: &Http, channel: ChannelId, bot: UserId) -> Option<ChannelInfo> {
        if let Some(info) = self.known.lock().unwrap().get(&channel) {
            return Some(*info);
        }
        let fetched = send::with_retry("get channel", || channel.to_channel(http)).await;
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

/// The entity of the bot's latest answer in its thread `thread` (opened in `parent`): its newest
/// answer there that names one, else the answer the thread was opened on (a thread opened on a
/// message has that message's id).
async fn thread_follow_up(
    http: &Http,
    thread: ChannelId,
    parent: ChannelId,
    bot: UserId,
) -> Option<FollowUp> {
    let of = |m: &Message| {
        (m.author.id == bot)
            .then(|| {
                m.embeds
                    .iter()
                    .find_map(|e| FollowUp::from_footer(&e.footer.as_ref()?.text))
            })
            .flatten()
    };
    let recent = send::with_retry("read thread", || {
        thread.messages(http, GetMessages::new().limit(20))
    })
    .await;
    match recent {
        Ok(messages) => {
            if let Some(f) = messages.iter().find_map(of) {
                return Some(f);
            }
        }
        Err(e) => tracing::warn!(error = format!("{e:#}"), "could not read the bot's thread"),
    }
    let starter = MessageId::new(thread.get());
    match send::with_retry("read thread start", || parent.message(http, starter)).await {
        Ok(m) => of(&m),
        Err(e) => {
            tracing::warn!(
                error = format!("{e:#}"),
                "could not read the thread's first answer"
            );
            None
        }
    }
}

/// Opens a thread named `name` on the bot's `answer` (auto-archived after a day). A failure
/// (no permission to create threads) leaves the answer as it is; it is logged once as a
/// warning, later only at debug.
async fn open_thread(http: &Http, channels: &Channels, answer: &Message, name: &str) {
    let thread =
        CreateThread::new(fit(name, 100)).auto_archive_duration(AutoArchiveDuration::OneDay);
    let created = send::with_retry("open thread", || {
        answer
            .channel_id
            .create_thread_from_message(http, answer.id, thread.clone())
    })
    .await;
    if let Err(e) = created {
        if channels.thread_failure_logged.swap(true, Ordering::Relaxed) {
            tracing::debug!(
                error = format!("{e:#}"),
                "could not open a thread on an answer"
            );
        } else {
            tracing::warn!(
                channel = answer.channel_id.get(),
                error = format!("{e:#}"),
                "could not open a thread on an answer (missing permission?); answers stand without threads"
            );
        }
    }
}

/// Handles one MESSAGE_CREATE.
pub async fn on_message(ctx: &SerenityContext, data: &Data, msg: &Message) -> Result<(), Error> {
    let bot = ctx.cache.current_user().id;
    if !from_a_person(msg, bot) {
        return Ok(());
    }
    let channel = match msg.guild_id {
        Some(_) if data.config.discord.answer_threads => {
            data.channels.info(&ctx.http, msg.channel_id, bot).await
        }
        _ => None,
    };
    let bot_thread_in = channel.and_then(|c| c.bot_thread_in);
    let Some(text) = question_in_channel(
        msg,
        bot,
        &data.config.discord.answer_channel_ids,
        bot_thread_in.is_some(),
    ) else {
        return Ok(());
    };
    let started = Instant::now();
    let _in_flight = crate::ops::inflight::begin();
    let previous = match (follow_up_of(msg, bot), bot_thread_in) {
        (Some(previous), _) => Some(previous),
        (None, Some(parent)) => thread_follow_up(&ctx.http, msg.channel_id, parent, bot).await,
        (None, None) => None,
    };
    let index = data.index.load_full();
    let digest = data.config.digest.clone();
    let now = data.clock.now();
    let answered = tokio::task::spawn_blocking(move || {
        answer_for(&index, &text, previous.as_ref(), &digest, now)
    })
    .await
    .map_err(Error::from)
    .and_then(|r| r);
    let result = match answered {
        Ok(answer) => send::reply_to_with(&ctx.http, msg, &answer.message)
            .await
            .map(|sent| (answer, sent))
            .map_err(Error::from),
        Err(e) => Err(e),
    };
    match result {
        Ok((answer, sent)) => {
            crate::ops::metrics::answered("chat", started.elapsed());
            if answer.results == 0 {
                crate::ops::metrics::nothing_found("chat");
            }
            tracing::info!(
                command = %"chat",
                user = msg.author.id.get(),
                latency_ms = started.elapsed().as_millis() as u64,
                results = answer.results,
                "command answered"
            );
            let open = data.config.discord.answer_threads
                && msg.guild_id.is_some()
                && channel.is_some_and(|c| !c.is_thread);
            if let (true, Some(topic)) = (open, &answer.topic) {
                open_thread(&ctx.http, &data.channels, &sent, topic).await;
            }
        }
        Err(e) => {
            tracing::error!(
                command = %"chat",
                user = msg.author.id.get(),
                error = format!("{e:#}"),
                "answering a chat question failed"
            );
            if let Err(e) = send::reply_to(&ctx.http, msg, &Reply::text(USER_ERROR)).await {
                tracing::warn!(error = format!("{e:#}"), "could not tell the user either");
            }
        }
    }
    Ok(())
}

#[cfg(test)]
mod tests {
    use super::*;
    use serde_json::json;

    const BOT: u64 = 111;
    const ANSWER_CHANNEL: u64 = 9;

    fn message(content: &str, channel: u64, guild: bool, mention: bool) -> serde_json::Value {
        let mut m = json!({
            "id": "1", "channel_id": channel.to_string(),
            "author": {"id": "42", "username": "alice"},
            "content": content, "timestamp": "2025-01-01T00:00:00.000000+00:00",
            "edited_timestamp": null, "tts": false, "mention_everyone": false,
            "mentions": if mention { json!([{"id": BOT.to_string(), "username": "bot", "bot": true}]) } else { json!([]) },
            "mention_roles": [], "attachments": [], "embeds": [], "pinned": false, "type": 0
        });
        if guild {
            m["guild_id"] = json!("5");
        }
        m
    }

    fn question(m: serde_json::Value) -> Option<String> {
        let msg: Message = serde_json::from_value(m).expect("message parses");
        question_in(&msg, UserId::new(BOT), &[ANSWER_CHANNEL])
    }

    #[test]
    fn who_gets_an_answer() {
        let q = |content: &str, channel, guild, mention| {
            question(message(content, channel, guild, mention))
        };
        assert_eq!(
            q("<@111> what is AOE?", 3, true, true).as_deref(),
            Some("what is AOE?")
        );
        assert_eq!(
            q("<@111>", 3, true, true).as_deref(),
            Some(""),
            "bare mention: help"
        );
        assert_eq!(q("what is AOE?", 3, true, false), None, "not addressed");
        assert_eq!(
            q("what is AOE?", ANSWER_CHANNEL, true, false).as_deref(),
            Some("what is AOE?")
        );
        assert_eq!(
            q("", ANSWER_CHANNEL, true, false),
            None,
            "an image in an answer channel"
        );
        assert_eq!(
            q("what is AOE?", 3, false, false).as_deref(),
            Some("what is AOE?"),
            "DM"
        );

        let mut from_bot = message("<@111> hi", 3, true, true);
        from_bot["author"]["bot"] = json!(true);
        assert_eq!(question(from_bot), None);
        let mut own = message("what is AOE?", ANSWER_CHANNEL, true, false);
        own["author"]["id"] = json!(BOT.to_string());
        assert_eq!(question(own), None);
        let mut pinned = message("", ANSWER_CHANNEL, true, false);
        pinned["type"] = json!(6);
        assert_eq!(question(pinned), None, "system message");
    }

    #[test]
    fn upcoming_typed_in_chat_lists_the_milestones() {
        let index = agenda_core::testing::shipped_index();
        let now: Timestamp = "2026-11-22T05:00:00Z".parse().unwrap();
        let (reply, n) =
            reply_for(&index, "/upcoming 60", None, &DigestConfig::default(), now).unwrap();
        assert_eq!(n, 1);
        assert_eq!(
            reply.embeds[0].fields[0].name,
            "Ends: Lao PDR Defence Capacity Building"
        );
        let (reply, _) =
            reply_for(&index, "/upcoming 0", None, &DigestConfig::default(), now).unwrap();
        assert!(reply.content.unwrap().starts_with("Pick between"));
    }

    /// Bug: chat and the console had drifted apart; both now answer through
    /// `command::respond_to_line`, chat escaping the user's words in a notice.
    #[test]
    fn chat_notices_are_the_consoles_escaped() {
        let index = agenda_core::testing::shipped_index();
        let now: Timestamp = "2026-11-22T05:00:00Z".parse().unwrap();
        let digest = DigestConfig::default();
        let (reply, n) = reply_for(&index, "/ask", None, &digest, now).unwrap();
        assert_eq!(n, 0);
        assert_eq!(
            reply.content.as_deref(),
            Some("Ask a question after /ask.\nUsage: /ask <question\\> — any question; answers cite the statements")
        );
        let (reply, _) = reply_for(&index, "/upcoming abc", None, &digest, now).unwrap();
        assert!(
            reply.content.as_deref().unwrap().contains("not \"abc\""),
            "{reply:?}"
        );
        let (reply, _) = reply_for(&index, "/b*ld", None, &digest, now).unwrap();
        assert_eq!(
            reply.content.as_deref(),
            Some("Unknown command /b\\*ld. Try /help.")
        );
        let (reply, _) = reply_for(&index, "", None, &digest, now).unwrap();
        assert_eq!(reply, help_reply(), "a bare mention gets the help");
    }

    #[test]
    fn a_reply_to_an_answer_is_a_follow_up_of_its_entity() {
        let mut previous = message("", 3, true, false);
        previous["author"] = json!({"id": BOT.to_string(), "username": "bot", "bot": true});
        previous["embeds"] = json!([{"title": "AMIM-21", "footer": {"text": "meeting · amim-21"}}]);
        let mut m = message("when was it?", 3, true, false);
        m["type"] = json!(19);
        m["referenced_message"] = previous.clone();
        let msg: Message = serde_json::from_value(m.clone()).unwrap();
        let bot = UserId::new(BOT);
        assert_eq!(question_in(&msg, bot, &[]).as_deref(), Some("when was it?"));
        assert_eq!(
            follow_up_of(&msg, bot),
            FollowUp::from_footer("meeting · amim-21")
        );
        // A reply to someone else is neither addressed nor a follow-up.
        m["referenced_message"]["author"] = json!({"id": "42", "username": "alice"});
        let msg: Message = serde_json::from_value(m).unwrap();
        assert_eq!(question_in(&msg, bot, &[]), None);
        assert_eq!(follow_up_of(&msg, bot), None);
    }

    #[test]
    fn mentions_are_stripped() {
        let bot = UserId::new(111);
        assert_eq!(
            question_text("<@111> who observed   AMIM-21?", bot),
            "who observed AMIM-21?"
        );
        assert_eq!(question_text("what is AOE <@!111>", bot), "what is AOE");
        assert_eq!(question_text("<@222> hi", bot), "<@222> hi");
    }
}
