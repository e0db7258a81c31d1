//! `/help`: what the bot can do (`command::HELP`), shown to the caller only.

use super::{send, Context, Error};
use agenda_core::command::HELP;
use agenda_core::render::embed::{EmbedSpec, Reply};
use std::time::Instant;

/// The help text as a reply: the command list in a code block, so its columns line up.
pub fn help_reply() -> Reply {
    Reply {
        content: None,
        embeds: vec![EmbedSpec {
            title: "agenda-bot: what you can ask".into(),
            description: format!(
                "```\n{HELP}\n```\nYou can also mention me with a question in any channel I can read."
            ),
            color: 0x2E86C1,
            ..EmbedSpec::default()
        }],
    }
}

/// What the bot can do
#[poise::command(slash_command)]
pub async fn help(ctx: Context<'_>) -> Result<(), Error> {
    let started = Instant::now();
    send::deliver(ctx, &help_reply(), true).await?;
    super::log_command(ctx, started, 0);
    Ok(())
}
