//! Questions in chat: a message that mentions the bot (anywhere), replies to one of its
//! answers, arrives in one of the `answer_channel_ids`, or is a direct message gets an answer
//! from the `/ask` engine as a reply. `command::parse_line` lets people type `/meeting AMIM-21`
//! in chat too; a reply to an answer about a fact is asked about that fact ("who attended?").
//! An answer in a guild channel opens a thread on itself (`answer_threads`), where every message
//! is a question read with the thread's latest answer as context.

use super::channels::Channels;
use super::data::{Data, Error, USER_ERROR};
use super::reply::answer_for;
use super::rest::with_retry;
use super::send;
use crate::feedback;
use agenda_core::command::FollowUp;
use agenda_core::render::{embed::fit, embed::Reply};
use serenity::all::{
    AutoArchiveDuration, ChannelId, Context as SerenityContext, CreateThread, GetMessages, Http,
    Message, MessageId, MessageType, UserId,
};
use std::sync::atomic::Ordering;
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
    let addressed = mentions(msg, bot) || msg.guild_id.is_none();
    // Without the Message Content intent Discord sends a reply that does not ping the bot with
    // its text empty: an empty reply is not a question (nor a request for the help).
    let in_answer_channel = in_bot_thread || answer_channel_ids.contains(&msg.channel_id.get());
    let text = question_text(&msg.content, bot);
    let with_text = replies_to(msg, bot) || in_answer_channel;
    (addressed || (with_text && !text.is_empty())).then_some(text)
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
    let recent = with_retry("read thread", || {
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
    match with_retry("read thread start", || parent.message(http, starter)).await {
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
    let created = with_retry("open thread", || {
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
    let help = data.help.clone();
    let feedback = data.feedback.is_some();
    let question = text.clone();
    let answered = tokio::task::spawn_blocking(move || {
        answer_for(
            &index,
            &text,
            previous.as_ref(),
            &digest,
            now,
            &help,
            feedback,
        )
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
            if answer.results == 0 && answer.searched {
                data.record_feedback(feedback::Kind::NothingFound, "chat", &question, None)
                    .await;
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
        // Regression (a reply whose text Discord hid, no Message Content intent): no answer,
        // where it used to get the help.
        let mut hidden = m.clone();
        hidden["content"] = json!("");
        let hidden: Message = serde_json::from_value(hidden).unwrap();
        assert_eq!(question_in(&hidden, bot, &[]), None);
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
