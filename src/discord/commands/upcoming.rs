//! `/upcoming [days]`: the milestones coming up, as in the daily digest, from today in
//! `digest.timezone` (on the bot's clock).

use super::{send, Context, Error};
use crate::config::DigestConfig;
use agenda_core::digest;
use agenda_core::index::AgendaIndex;
use agenda_core::render::{self, embed::Reply};
use anyhow::Context as _;
use jiff::tz::TimeZone;
use jiff::Timestamp;
use std::time::Instant;

/// The longest window `/upcoming` takes, as `digest.days`.
pub const MAX_DAYS: u32 = 366;

/// The reply to `/upcoming [days]` at `now`: the digest of `today ..= today + days` (default
/// `digest.days`), today being `now`'s date in `digest.timezone`; and how many milestones it holds.
pub fn upcoming_reply(
    index: &AgendaIndex,
    settings: &DigestConfig,
    now: Timestamp,
    days: Option<u32>,
) -> Result<(Reply, usize), Error> {
    let days = days.unwrap_or(settings.days);
    if !(1..=MAX_DAYS).contains(&days) {
        return Ok((
            Reply::text(&format!(
                "Pick between 1 and {MAX_DAYS} days (you asked for {days})."
            )),
            0,
        ));
    }
    let tz = TimeZone::get(&settings.timezone)
        .with_context(|| format!("digest.timezone {:?}", settings.timezone))?;
    let today = now.to_zoned(tz.clone()).date();
    let digest = digest::upcoming(index, today, days);
    Ok((render::digest::reply(&digest, &tz), digest.len()))
}

/// Milestones coming up: initiatives starting or ending, deadlines, meetings
#[poise::command(slash_command)]
pub async fn upcoming(
    ctx: Context<'_>,
    #[description = "How many days ahead, 1-366 (default: the daily digest's)"]
    #[min = 1]
    #[max = 366]
    days: Option<u32>,
    #[description = "Show the answer to you only"] private: Option<bool>,
) -> Result<(), Error> {
    let started = Instant::now();
    let private = private.unwrap_or(false);
    send::defer(ctx, private).await?;
    let data = ctx.data();
    let index = data.index.load_full();
    let settings = data.config.digest.clone();
    let now = data.clock.now();
    let (reply, milestones) =
        tokio::task::spawn_blocking(move || upcoming_reply(&index, &settings, now, days)).await??;
    send::deliver(ctx, &reply, private).await?;
    super::log_command(ctx, started, milestones);
    Ok(())
}

#[cfg(test)]
mod tests {
    use super::*;
    use agenda_core::testing::shipped_index;

    fn settings() -> DigestConfig {
        DigestConfig {
            timezone: "Asia/Vientiane".into(),
            days: 30,
            ..DigestConfig::default()
        }
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
