//! Questions in chat: a message that mentions the bot (anywhere), arrives in one of the
//! `answer_channel_ids`, or is a direct message gets an answer from the `/ask` engine as a reply.
//! `command::parse_line` lets people type `/meeting AMIM-21` in chat too.

use super::commands::help_reply;
use super::{send, Data, Error, USER_ERROR};
use crate::command::{self, Command};
use crate::query::{self, Scope};
use crate::render::embed::{escape, fit, Reply};
use serenity::all::{Context as SerenityContext, Message, UserId};
use std::time::Instant;

/// Whether the bot answers this message: never a bot's (its own included); otherwise a mention of
/// the bot, a message in an answer channel, or a direct message.
pub fn should_answer(msg: &Message, bot: UserId, answer_channel_ids: &[u64]) -> bool {
    if msg.author.bot || msg.author.id == bot {
        return false;
    }
    mentions(msg, bot)
        || answer_channel_ids.contains(&msg.channel_id.get())
        || msg.guild_id.is_none()
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

/// The reply to a chat line, and how many results it holds.
pub fn reply_for(index: &crate::index::AgendaIndex, text: &str) -> Result<(Reply, usize), Error> {
    if text.trim().is_empty() {
        return Ok((help_reply(), 0));
    }
    Ok(match command::parse_line(text) {
        Command::Query { scope, text } => {
            if text.trim().is_empty() && scope == Scope::Ask {
                return Ok((help_reply(), 0));
            }
            let answer = query::answer(index, scope, &text)?;
            (crate::render::embed::answer(&answer), answer.results.len())
        }
        Command::Help => (help_reply(), 0),
        Command::Upcoming { .. } => (
            Reply::text("/upcoming is not available in this build yet."),
            0,
        ),
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
    if !should_answer(msg, bot, &data.config.discord.answer_channel_ids) {
        return Ok(());
    }
    let started = Instant::now();
    let text = question_text(&msg.content, bot);
    let index = data.index.load_full();
    let answered = tokio::task::spawn_blocking(move || reply_for(&index, &text))
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
