//! `/upcoming [days]`: the milestones coming up, as in the daily digest, from today in
//! `digest.timezone` (on the bot's clock).

use super::{Context, Error};
use crate::config::DigestConfig;
use crate::discord::chat::reply_of;
use crate::discord::invocation::Invocation;
use agenda_core::command::{self, Command};
use agenda_core::index::AgendaIndex;
use agenda_core::render::embed::Reply;
use jiff::Timestamp;

/// The reply to `/upcoming [days]` at `now`: the digest of `today ..= today + days` (default
/// `digest.days`, bounded by [`Days`] as in chat and the console), today being `now`'s date in
/// `digest.timezone`; and how many milestones it holds.
pub fn upcoming_reply(
    index: &AgendaIndex,
    settings: &DigestConfig,
    now: Timestamp,
    days: Option<u32>,
) -> Result<(Reply, usize), Error> {
    let response = command::respond(index, Command::upcoming(days), settings.upcoming_from(now))?;
    Ok((reply_of(&response, &settings.timezone), response.results()))
}

/// Milestones coming up: initiatives starting or ending, deadlines, meetings
#[poise::command(slash_command)]
pub async fn upcoming(
    ctx: Context<'_>,
    // Discord's bound is a literal here; a test holds it to `Days::MAX`.
    #[description = "How many days ahead, 1-366 (default: the daily digest's)"]
    #[min = 1]
    #[max = 366]
    days: Option<u32>,
    #[description = "Show the answer to you only"] private: Option<bool>,
) -> Result<(), Error> {
    super::run(
        ctx,
        Invocation::Upcoming {
            days,
            private: private.unwrap_or(false),
        },
    )
    .await
}

#[cfg(test)]
mod tests {
    use super::*;
    use agenda_core::digest::Days;
    use agenda_core::testing::shipped_index;

    fn settings() -> DigestConfig {
        DigestConfig {
            timezone: jiff::tz::TimeZone::get("Asia/Vientiane").unwrap(),
            days: Days::new(30).unwrap(),
            ..DigestConfig::default()
        }
    }

    #[test]
    fn the_slash_option_is_bounded_by_days() {
        let registered =
            serde_json::to_value(upcoming().create_as_slash_command().unwrap()).unwrap();
        let days = &registered["options"][0];
        assert_eq!(days["name"], "days");
        assert_eq!(days["min_value"].as_f64(), Some(1.0));
        assert_eq!(days["max_value"].as_f64(), Some(f64::from(Days::MAX)));
    }

    #[test]
    fn today_is_the_local_date_of_now() {
        // 20:00 UTC on the 21st is already the 22nd in Vientiane (UTC+7).
        let now: Timestamp = "2026-11-21T20:00:00Z".parse().unwrap();
        let (reply, n) = upcoming_reply(&shipped_index(), &settings(), now, Some(60)).unwrap();
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
        let (reply, n) = upcoming_reply(&index, &settings(), now, None).unwrap();
        assert_eq!(n, 0);
        assert_eq!(
            reply.content.as_deref(),
            Some("Nothing upcoming in the next 30 days.")
        );
        for days in [0, 367, u32::MAX] {
            let (reply, n) = upcoming_reply(&index, &settings(), now, Some(days)).unwrap();
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
}
