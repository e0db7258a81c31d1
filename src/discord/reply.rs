//! Core responses drawn as Discord messages, for chat, slash commands and buttons alike: an
//! answer with its buttons, the upcoming digest, the help, a notice.

use super::data::Error;
use crate::config::DigestConfig;
use agenda_core::command::{self, Command, FollowUp, Response};
use agenda_core::index::AgendaIndex;
use agenda_core::query::Scope;
use agenda_core::render;
use agenda_core::render::components::{self, Asked, WithButtons};
use agenda_core::render::embed::{escape, fit, Reply};
use jiff::Timestamp;

/// The reply to `/upcoming [days]` at `now`: the digest of `today ..= today + days` (default
/// `digest.days`, bounded by [`Days`] as in chat and the console), today being `now`'s date in
/// `digest.timezone`; and how many milestones it holds.
pub fn upcoming_reply(
    index: &AgendaIndex,
    settings: &DigestConfig,
    now: Timestamp,
    days: Option<u32>,
    help: &Reply,
) -> Result<(Reply, usize), Error> {
    let response = command::respond(index, Command::upcoming(days), settings.upcoming_from(now))?;
    Ok((reply_of(&response, settings, help), response.results()))
}

/// What the bot answers to a chat line: the reply with its buttons, how many results it holds,
/// and the name of the thread to open on it (the first result's title; none without results).
#[derive(Debug, Clone, PartialEq)]
pub struct ChatAnswer {
    pub message: WithButtons,
    pub results: usize,
    pub topic: Option<String>,
    /// Whether the line was a question searched for (not help, `/upcoming` or a notice).
    pub searched: bool,
}

/// The answer to a chat line: [`command::respond_to_line`], as the console answers it, drawn by
/// [`message_of`]. `/upcoming [days]` looks ahead from `now`'s date in `digest.timezone`. A
/// question following up `previous` is asked about its entity. `feedback`: 👍/👎 on answers.
pub fn answer_for(
    index: &AgendaIndex,
    text: &str,
    previous: Option<&FollowUp>,
    digest: &DigestConfig,
    now: Timestamp,
    help: &Reply,
    feedback: bool,
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
        message: message_of(&response, &asked, now, digest, help, feedback),
        results: response.results(),
        topic,
        searched: matches!(response, Response::Answer(_)),
    })
}

/// [`answer_for`] without the buttons: the reply and how many results it holds.
pub fn reply_for(
    index: &AgendaIndex,
    text: &str,
    previous: Option<&FollowUp>,
    digest: &DigestConfig,
    now: Timestamp,
    help: &Reply,
) -> Result<(Reply, usize), Error> {
    let answer = answer_for(index, text, previous, digest, now, help, false)?;
    Ok((answer.message.reply, answer.results))
}

/// A response with its buttons: an answer gets its first page with "More results" and "Full
/// paragraph" (issued `now`), and 👍/👎 when `feedback` is on and it found something; anything
/// else none.
pub fn message_of(
    response: &Response,
    asked: &Asked,
    now: Timestamp,
    digest: &DigestConfig,
    help: &Reply,
    feedback: bool,
) -> WithButtons {
    match response {
        Response::Answer(a) => answer_page(a, asked, 0, now.as_second(), feedback),
        other => WithButtons {
            reply: reply_of(other, digest, help),
            rows: Vec::new(),
        },
    }
}

/// Page `page` of an answer with its buttons (see [`message_of`]), issued at `issued`.
pub fn answer_page(
    a: &agenda_core::query::Answer,
    asked: &Asked,
    page: usize,
    issued: i64,
    feedback: bool,
) -> WithButtons {
    let message = components::answer_with_buttons(a, asked, page, issued);
    match feedback && !a.results.is_empty() {
        true => components::with_feedback(message, asked, issued),
        false => message,
    }
}

/// A response drawn for Discord (chat and slash commands alike); upcoming milestones dated in
/// `settings.timezone`, with the calendar to subscribe to when `settings.calendar_url` is set;
/// `help` is the bot's help (`super::commands::help::generated`).
pub fn reply_of(response: &Response, settings: &DigestConfig, help: &Reply) -> Reply {
    match response {
        Response::Answer(answer) => render::embed::answer(answer),
        Response::Upcoming(digest) => render::digest::with_calendar(
            render::digest::reply(digest, &settings.timezone),
            settings.calendar_url.as_deref(),
        ),
        Response::Help => help.clone(),
        Response::Notice(notice) => Reply::text(&escape(notice)),
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use agenda_core::digest::Days;
    use agenda_core::testing::shipped_index;

    /// A stand-in for the generated help (`commands::help` tests it).
    fn help() -> Reply {
        Reply::text("the help")
    }

    fn settings() -> DigestConfig {
        DigestConfig {
            timezone: jiff::tz::TimeZone::get("Asia/Vientiane").unwrap(),
            days: Days::new(30).unwrap(),
            ..DigestConfig::default()
        }
    }

    #[test]
    fn today_is_the_local_date_of_now() {
        // 20:00 UTC on the 21st is already the 22nd in Vientiane (UTC+7).
        let now: Timestamp = "2026-11-21T20:00:00Z".parse().unwrap();
        let (reply, n) =
            upcoming_reply(&shipped_index(), &settings(), now, Some(60), &help()).unwrap();
        assert_eq!(n, 1);
        assert!(reply.within_limits());
        assert!(
            reply
                .content
                .as_deref()
                .unwrap()
                .contains("22 November 2026"),
            "{reply:?}"
        );
        assert_eq!(
            reply.embeds[0].fields[0].name,
            "Ends: Lao PDR Defence Capacity Building"
        );
    }

    #[test]
    fn days_default_to_the_digest_and_are_bounded() {
        // Nothing in the shipped corpus is dated in 2030.
        let now: Timestamp = "2030-01-01T05:00:00Z".parse().unwrap();
        let index = shipped_index();
        let (reply, n) = upcoming_reply(&index, &settings(), now, None, &help()).unwrap();
        assert_eq!(n, 0);
        assert_eq!(
            reply.content.as_deref(),
            Some("Nothing upcoming in the next 30 days.")
        );
        for days in [0, 367, u32::MAX] {
            let (reply, n) = upcoming_reply(&index, &settings(), now, Some(days), &help()).unwrap();
            assert_eq!(n, 0);
            assert!(
                reply
                    .content
                    .as_deref()
                    .unwrap()
                    .starts_with("Pick between 1 and 366 days"),
                "{reply:?}"
            );
        }
    }

    #[test]
    fn upcoming_typed_in_chat_lists_the_milestones() {
        let index = agenda_core::testing::shipped_index();
        let now: Timestamp = "2026-11-22T05:00:00Z".parse().unwrap();
        let (reply, n) = reply_for(
            &index,
            "/upcoming 60",
            None,
            &DigestConfig::default(),
            now,
            &help(),
        )
        .unwrap();
        assert_eq!(n, 1);
        assert_eq!(
            reply.embeds[0].fields[0].name,
            "Ends: Lao PDR Defence Capacity Building"
        );
        let (reply, _) = reply_for(
            &index,
            "/upcoming 0",
            None,
            &DigestConfig::default(),
            now,
            &help(),
        )
        .unwrap();
        assert!(reply.content.unwrap().starts_with("Pick between"));
    }

    /// Bug: chat and the console had drifted apart; both now answer through
    /// `command::respond_to_line`, chat escaping the user's words in a notice.
    #[test]
    fn chat_notices_are_the_consoles_escaped() {
        let index = agenda_core::testing::shipped_index();
        let now: Timestamp = "2026-11-22T05:00:00Z".parse().unwrap();
        let digest = DigestConfig::default();
        let (reply, n) = reply_for(&index, "/ask", None, &digest, now, &help()).unwrap();
        assert_eq!(n, 0);
        assert_eq!(
            reply.content.as_deref(),
            Some("Ask a question after /ask.\nUsage: /ask <question\\> — any question; answers cite the statements")
        );
        let (reply, _) = reply_for(&index, "/upcoming abc", None, &digest, now, &help()).unwrap();
        assert!(
            reply.content.as_deref().unwrap().contains("not \"abc\""),
            "{reply:?}"
        );
        let (reply, _) = reply_for(&index, "/b*ld", None, &digest, now, &help()).unwrap();
        assert_eq!(
            reply.content.as_deref(),
            Some("Unknown command /b\\*ld. Try /help.")
        );
        let (reply, _) = reply_for(&index, "", None, &digest, now, &help()).unwrap();
        assert_eq!(reply, help(), "a bare mention gets the help");
    }

    /// Issue 24: with a public calendar address, `/upcoming` offers it; a notice does not.
    #[test]
    fn upcoming_offers_the_calendar_when_one_is_served() {
        let now: Timestamp = "2026-11-21T20:00:00Z".parse().unwrap();
        let url = "https://bot.example.org/calendar.ics";
        let served = DigestConfig {
            calendar_url: Some(url.to_string()),
            ..settings()
        };
        let (reply, n) = upcoming_reply(&shipped_index(), &served, now, Some(60), &help()).unwrap();
        assert_eq!(n, 1);
        assert!(reply.within_limits());
        assert!(
            reply
                .content
                .as_deref()
                .unwrap()
                .contains(&format!("<{url}>")),
            "{reply:?}"
        );
        let (plain, _) =
            upcoming_reply(&shipped_index(), &settings(), now, Some(60), &help()).unwrap();
        assert!(
            !plain.content.as_deref().unwrap().contains("calendar"),
            "{plain:?}"
        );
        let (notice, _) = upcoming_reply(&shipped_index(), &served, now, Some(0), &help()).unwrap();
        assert!(
            !notice.content.as_deref().unwrap().contains("calendar"),
            "{notice:?}"
        );
    }
}
