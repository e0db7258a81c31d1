//! `/watch <what>`, `/unwatch <what>`, `/watches`: the channel follows a meeting series, a body,
//! an initiative, or words; a statement added later that mentions it is posted there once
//! (`crate::watch_runner`). Changing watches takes Manage Channels (or the bot's admins).

use crate::discord::data::{Context, Data, Error};
use crate::discord::invocation::{Caller, Invocation};
use crate::watches::{WatchError, MAX_PER_CHANNEL};
use agenda_core::render::embed::{escape, Reply};
use agenda_core::render::watch::kind_label;
use agenda_core::watch;

/// What a watch command answers when the watches' store cannot be used (logged at start).
pub const WATCHES_UNAVAILABLE: &str =
    "Sorry, the watches cannot be read right now; the bot's admins have the cause in its log.";

/// The longest thing a watch may name, in characters (a name or a few words).
pub const MAX_WATCH_CHARS: usize = 100;

/// What a member who may not change the channel's watches is told.
pub const NOT_ALLOWED: &str =
    "Only members who can manage this channel (or the bot's admins) can change its watches.";

/// Follow a meeting series, body, initiative or words in this channel
#[poise::command(
    slash_command,
    guild_only,
    default_member_permissions = "MANAGE_CHANNELS"
)]
pub async fn watch(
    ctx: Context<'_>,
    #[description = "A series (ADMM), a body (APCN), an initiative, a country or words"]
    #[max_length = 100]
    what: String,
) -> Result<(), Error> {
    super::run(ctx, Invocation::Watch { text: what }).await
}

/// Stop following something in this channel
#[poise::command(
    slash_command,
    guild_only,
    default_member_permissions = "MANAGE_CHANNELS"
)]
pub async fn unwatch(
    ctx: Context<'_>,
    #[description = "What the channel watches, as /watches lists it"] what: String,
) -> Result<(), Error> {
    super::run(ctx, Invocation::Unwatch { text: what }).await
}

/// What this channel watches
#[poise::command(slash_command, guild_only)]
pub async fn watches(ctx: Context<'_>) -> Result<(), Error> {
    super::run(ctx, Invocation::Watches).await
}

fn described(target: &watch::Target) -> String {
    format!("**{}** ({})", escape(&target.label), kind_label(target))
}

/// The answer to `/watch`, `/unwatch` or `/watches` in `caller`'s channel, and how many
/// watches it names.
pub async fn respond(
    invocation: &Invocation,
    data: &Data,
    caller: &Caller,
) -> Result<(Reply, usize), Error> {
    let Some(file) = data.watches.as_deref() else {
        return Ok((Reply::text(WATCHES_UNAVAILABLE), 0));
    };
    let index = data.index.load_full();
    let now = data.clock.now();
    let channel = caller.channel;
    let reply: Result<(Reply, usize), WatchError> = async {
        Ok(match invocation.clone() {
            Invocation::Watch { text } if text.chars().count() > MAX_WATCH_CHARS => (
                Reply::text(&format!(
                    "That is too long to watch: name a series, a body, an initiative or a few words (at most {MAX_WATCH_CHARS} characters)."
                )),
                0,
            ),
            Invocation::Watch { text } => {
                let Some(target) = watch::resolve(&index, &text) else {
                    return Ok((Reply::text("Tell me what to watch: a series, a body, an initiative or words."), 0));
                };
                let present = || watch::statement_ids(&index).unwrap_or_default();
                match file.add(channel, &text, target, now, present).await {
                    Ok(w) if w.target.is_known() => (
                        Reply::text(&format!(
                            "Watching {} in this channel: a statement added from now on that mentions it is posted here.",
                            described(&w.target)
                        )),
                        1,
                    ),
                    Ok(w) => (
                        Reply::text(&format!(
                            "I know no series, body or initiative by that name, so I watch it as words: a statement added from now on whose paragraph holds “{}” is posted here.",
                            escape(&w.target.label)
                        )),
                        1,
                    ),
                    Err(WatchError::TooMany) => (
                        Reply::text(&format!(
                            "This channel already has {MAX_PER_CHANNEL} watches, the most it can have: remove one with /unwatch first."
                        )),
                        0,
                    ),
                    Err(WatchError::Duplicate(label)) => (
                        Reply::text(&format!("This channel already watches **{}**.", escape(&label))),
                        0,
                    ),
                    Err(e) => return Err(e),
                }
            }
            Invocation::Unwatch { text } => {
                let removed = match watch::resolve(&index, &text) {
                    Some(target) => file.remove(channel, &target).await?,
                    None => None,
                };
                match removed {
                    Some(w) => (Reply::text(&format!("Stopped watching {} here.", described(&w.target))), 1),
                    None => (
                        Reply::text(&format!(
                            "This channel does not watch “{}”; /watches lists what it does.",
                            escape(text.trim())
                        )),
                        0,
                    ),
                }
            }
            _ => {
                let mine = file.list(Some(channel)).await?;
                let lines: Vec<String> = mine.iter().map(|w| format!("• {}", described(&w.target))).collect();
                let reply = match lines.is_empty() {
                    true => Reply::text("This channel watches nothing yet: /watch ADMM, for instance."),
                    false => Reply::text(&format!(
                        "This channel watches ({} of {MAX_PER_CHANNEL}):\n{}",
                        lines.len(),
                        lines.join("\n")
                    )),
                };
                (reply, mine.len())
            }
        })
    }
    .await;
    Ok(reply?)
}
