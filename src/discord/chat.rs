//! Questions in chat: a message that mentions the bot (anywhere), arrives in one of the
//! `answer_channel_ids`, or is a direct message gets an answer from the `/ask` engine as a reply.
//! `command::parse_line` lets people type `/meeting AMIM-21` in chat too.

use super::commands::{help_reply, upcoming_reply};
use super::{send, Data, Error, USER_ERROR};
use crate::config::DigestConfig;
use agenda_core::command::{self, Command};
use agenda_core::query::{self, Scope};
use agenda_core::render::embed::{escape, fit, Reply};
use jiff::Timestamp;
use serenity::all::{Context as SerenityContext, Message, MessageType, UserId};
use std::time::Instant;

/// The question in this message, if the bot should answer it: never a bot's (its own included)
/// or a system message; otherwise a mention of the bot, a message in an answer channel, or a
/// direct message. A bare mention or an empty direct message is answered (with the help); an
/// answer-channel message without text (an image, a sticker) is not.
pub fn question_in(msg: &Message, bot: UserId, answer_channel_ids: &[u64]) -> Option<String> {
    if msg.author.bot
        || msg.author.id == bot
        || !matches!(msg.kind, MessageType::Regular | MessageType::InlineReply)
    {
        return None;
    }
    let addressed = mentions(msg, bot) || msg.guild_id.is_none();
    let in_answer_channel = answer_channel_ids.contains(&msg.channel_id.get());
    let text = question_text(&msg.content, bot);
    (addressed || (in_answer_channel && !text.is_empty())).then_some(text)
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

/// `now`'s date in `digest.timezone`: the day time words in questions count from.
pub fn today(digest: &DigestConfig, now: Timestamp) -> Result<jiff::civil::Date, Error> {
    let tz = jiff::tz::TimeZone::get(&digest.timezone)?;
    Ok(now.to_zoned(tz).date())
}

/// The reply to a chat line, and how many results it holds. `/upcoming [days]` looks ahead from
/// `now`'s date in `digest.timezone`.
pub fn reply_for(
    index: &agenda_core::index::AgendaIndex,
    text: &str,
    digest: &DigestConfig,
    now: Timestamp,
) -> Result<(Reply, usize), Error> {
    if text.trim().is_empty() {
        return Ok((help_reply(), 0));
    }
    Ok(match command::parse_line(text) {
        Command::Query { scope, text } => {
            if text.trim().is_empty() && scope == Scope::Ask {
                return Ok((help_reply(), 0));
            }
            let answer = query::answer_on(index, scope, &text, today(digest, now)?)?;
            (
                agenda_core::render::embed::answer(&answer),
                answer.results.len(),
            )
        }
        Command::Help => (help_reply(), 0),
        Command::Upcoming { days } => upcoming_reply(index, digest, now, days)?,
        Command::Unknown { name } => (
            Reply::text(&format!(
                "Unknown command /{}. Try /help.",
                escape(&fit(&name, 50))
            )),
            0,
        ),
    })
}

/// Handles one MESSAGE_CREATE.
pub async fn on_message(ctx: &SerenityContext, data: &Data, msg: &Message) -> Result<(), Error> {
    let bot = ctx.cache.current_user().id;
    let Some(text) = question_in(msg, bot, &data.config.discord.answer_channel_ids) else {
        return Ok(());
    };
    let started = Instant::now();
    let index = data.index.load_full();
    let digest = data.config.digest.clone();
    let now = data.clock.now();
    let answered = tokio::task::spawn_blocking(move || reply_for(&index, &text, &digest, now))
        .await
        .map_err(Error::from)
        .and_then(|r| r);
    let result = match answered {
        Ok((reply, results)) => send::reply_to(&ctx.http, msg, &reply)
            .await
            .map(|_| results)
            .map_err(Error::from),
        Err(e) => Err(e),
    };
    match result {
        Ok(results) => {
            tracing::info!(
                command = %"chat",
                user = msg.author.id.get(),
                latency_ms = started.elapsed().as_millis() as u64,
                results,
                "command answered"
            );
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
        let (reply, n) = reply_for(&index, "/upcoming 60", &DigestConfig::default(), now).unwrap();
        assert_eq!(n, 1);
        assert_eq!(
            reply.embeds[0].fields[0].name,
            "Ends: Lao PDR Defence Capacity Building"
        );
        let (reply, _) = reply_for(&index, "/upcoming 0", &DigestConfig::default(), now).unwrap();
        assert!(reply.content.unwrap().starts_with("Pick between"));
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
