//! `/upcoming [days]`: the milestones coming up, as in the daily digest, from today in
//! `digest.timezone` (on the bot's clock).

use crate::discord::data::{Context, Error};
use crate::discord::invocation::Invocation;

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

    #[test]
    fn the_slash_option_is_bounded_by_days() {
        let registered =
            serde_json::to_value(upcoming().create_as_slash_command().unwrap()).unwrap();
        let days = &registered["options"][0];
        assert_eq!(days["name"], "days");
        assert_eq!(days["min_value"].as_f64(), Some(1.0));
        assert_eq!(days["max_value"].as_f64(), Some(f64::from(Days::MAX)));
    }
}
