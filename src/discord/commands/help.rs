//! `/help`: what the bot can do (`command::HELP`), shown to the caller only.

use super::{Context, Error};
use crate::discord::invocation::Invocation;
use agenda_core::command::HELP;
use agenda_core::render::embed::{EmbedSpec, Reply};

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
    super::run(ctx, Invocation::Help).await
}
